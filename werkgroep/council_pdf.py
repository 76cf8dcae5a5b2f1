"""The council report as PDF, made on the server with fpdf2 (pure Python, no system packages).

Every table is printed whole: it gets the page width it needs (a landscape page when it has
many columns, a smaller font when even that is tight), rows never leave the page (fpdf2 moves
a row that does not fit to the next page and repeats the headings there). Every page has the
gemeente's name, the report's title, the date and "Pagina x van y"."""

from datetime import datetime

from fpdf import FPDF
from fpdf.enums import PageOrientation
from fpdf.fonts import FontFace

from werkgroep.charts import format_value
from werkgroep.council import ReportView

_REPLACEMENTS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "€": "EUR",
        "…": "...",
        "→": "->",
        "≥": ">=",
    }
)
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
BLUE = (11, 79, 138)


def latin1(text) -> str:
    return str(text).translate(_REPLACEMENTS).encode("latin-1", errors="replace").decode("latin-1")


def long_date(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _cell(value) -> str:
    if isinstance(value, str):
        return value
    return format_value(value)


class ReportPDF(FPDF):
    def __init__(self, *, gemeente: str, title: str, dated: str) -> None:
        super().__init__(orientation="portrait", format="A4")
        self.gemeente, self.report_title, self.dated = gemeente, title, dated
        self.set_margins(15, 18, 15)
        self.set_auto_page_break(auto=True, margin=18)

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_text_color(60, 60, 60)
        self.set_y(8)
        self.cell(0, 5, latin1(f"Gemeente {self.gemeente} · {self.report_title}"), align="L")
        self.set_y(18)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(60, 60, 60)
        self.cell(0, 5, latin1(self.dated), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, latin1(f"Pagina {self.page_no()} van {{nb}}"), align="R")
        self.set_text_color(0, 0, 0)

    def portrait(self) -> None:
        """Back to portrait after a landscape table, on a new page."""
        if self.cur_orientation is PageOrientation.LANDSCAPE:
            self.add_page(orientation="P")

    def heading(self, text: str, size: int = 14) -> None:
        self.portrait()
        if self.will_page_break(40):  # a heading never ends a page
            self.add_page(orientation=self.cur_orientation.value)
        self.set_font("Helvetica", "B", size)
        self.set_text_color(*BLUE)
        self.multi_cell(0, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def paragraph(self, text: str, *, style: str = "", size: int = 10) -> None:
        if not text:
            return
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, 5, latin1(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def _needed(self, columns: list[str], rows: list[list[str]], size: float) -> list[float]:
        """Width each column needs so that no heading and no value wraps (mm)."""
        padding = 2 * self.c_margin + 1
        widths = []
        for j, column in enumerate(columns):
            self.set_font("Helvetica", "B", size)
            need = max(self.get_string_width(word) for word in column.split()) if column else 0
            whole = self.get_string_width(column)
            self.set_font("Helvetica", "", size)
            values = [self.get_string_width(row[j]) for row in rows if j < len(row)]
            # headings may wrap between words only when the column has long values anyway
            widths.append(max([whole if whole < 60 else need, *values]) + padding)
        return widths

    def _layout(self, columns: list[str], rows: list[list[str]]) -> tuple[str, float, list[float]]:
        """Portrait when the table fits, else landscape, with the largest font that fits."""
        portrait_width = 210 - self.l_margin - self.r_margin
        landscape_width = 297 - self.l_margin - self.r_margin
        for orientation, width in (("P", portrait_width), ("L", landscape_width)):
            for size in (9, 8, 7, 6):
                if orientation == "P" and size < 8:
                    break
                needed = self._needed(columns, rows, size)
                if sum(needed) <= width:
                    return orientation, size, needed
        return "L", 6, self._needed(columns, rows, 6)

    def data_table(self, table: dict) -> None:
        columns = [latin1(c) for c in table["columns"]]
        rows = [[latin1(_cell(v)) for v in row] for row in table["rows"]] or [["-"] * len(columns)]
        orientation, size, needed = self._layout(columns, rows)
        if orientation == "L" or table.get("wide"):
            if self.cur_orientation is PageOrientation.PORTRAIT:
                self.add_page(orientation="L")
        else:
            self.portrait()
        # keep the caption with the heading row and the first rows of its table
        if self.will_page_break(5 + 4 * size * 0.6):
            self.add_page(orientation=self.cur_orientation.value)
        self.set_font("Helvetica", "B", 10)
        self.multi_cell(0, 5, latin1(table["caption"]), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", size)
        spare = max(self.epw - sum(needed), 0)
        # the first column (labels) takes the spare room, up to what reads well
        widths = [needed[0] + min(spare, 60), *needed[1:]]
        with self.table(
            col_widths=widths,
            width=sum(widths),
            align="LEFT",
            headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 243)),
            line_height=size * 0.5,
            text_align=["LEFT", *(["RIGHT"] * (len(columns) - 1))],
            repeat_headings=1,
        ) as pdf_table:
            heading = pdf_table.row()
            for column in columns:
                heading.cell(column)
            for values in rows:
                row = pdf_table.row()
                for value in values:
                    row.cell(value)
        if table.get("note"):
            self.paragraph(table["note"], size=8)
        self.ln(3)


def _texts(pdf: ReportPDF, text) -> None:
    if text is None:
        return
    if text.summary:
        pdf.paragraph("Samenvatting van de werkgroep", style="B")
        pdf.paragraph(text.summary)
    if text.conclusions:
        pdf.paragraph("Conclusies van de werkgroep", style="B")
        pdf.paragraph(text.conclusions)
    pdf.paragraph(
        f"Geschreven door {text.written_by_name} op {long_date(text.written_at.date())}.",
        style="I",
        size=8,
    )


def report_pdf(view: ReportView) -> bytes:
    report = view.report
    made = datetime.fromisoformat(view.data["made_at"]).date()
    status = (
        f"Gepubliceerd op {long_date(report.published_at.date())}"
        if report.published_at is not None  # only a published report has the date
        else f"CONCEPT, cijfers van {long_date(made)}"
    )
    pdf = ReportPDF(gemeente=view.data["gemeente"], title=report.title, dated=status)
    pdf.set_title(latin1(report.title))
    pdf.set_author(latin1(f"Werkgroep mantelzorg, gemeente {view.data['gemeente']}"))
    pdf.add_page()
    pdf.heading(report.title, 18)
    period, previous = view.period, view.previous
    pdf.paragraph(
        f"Gemeente {view.data['gemeente']}. Periode: {long_date(period.start)} tot en met "
        f"{long_date(period.end)}, vergeleken met {long_date(previous.start)} tot en met "
        f"{long_date(previous.end)}. {status}."
    )
    if view.summary is not None:
        pdf.heading("In het kort", 14)
        _texts(pdf, view.summary)
    for section in view.sections:
        pdf.heading(section["title"], 14)
        pdf.paragraph(section["note"], size=9)
        for note in section["notes"]:
            pdf.paragraph(note, style="I", size=9)
        _texts(pdf, section["text"])
        if section["figures"]:
            pdf.data_table(
                {
                    "caption": f"{section['title']}: deze periode en de vorige",
                    "columns": ["Cijfer", "Deze periode", "Vorige periode", "Verschil"],
                    "rows": [
                        [f["label"], f["current"], f["previous"], f["change"]]
                        for f in section["figures"]
                    ],
                }
            )
        for chart in section["chart_objects"]:
            pdf.paragraph(f"Grafiek {chart.title}: {chart.summary}", size=9)
        for table in section["tables"]:
            pdf.data_table(table)
    return bytes(pdf.output())
