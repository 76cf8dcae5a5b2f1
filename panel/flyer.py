"""The paper way in: a printable A5 flyer (PDF) that a huisarts, apotheek or wijkteam can
hand out or pin up. Plain Dutch (B1), the gemeente's name and a QR code to the join page.

fpdf2 draws the text with its core Helvetica font (Latin-1 holds every Dutch letter) and the
QR code, made by segno, as filled squares: no image files, no Pillow.
"""

import segno
from django.conf import settings
from django.utils.translation import gettext as _
from fpdf import FPDF

_REPLACEMENTS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
BLUE = (21, 66, 115)
A5_WIDTH = 148
A5_HEIGHT = 210
MARGIN = 14


def latin1(text: str) -> str:
    return str(text).translate(_REPLACEMENTS).encode("latin-1", errors="replace").decode("latin-1")


def _qr(pdf: FPDF, url: str, *, x: float, y: float, size: float) -> None:
    """Draw a QR code for url as black squares, quiet zone included, size mm wide."""
    code = segno.make(url, error="m")
    rows = list(code.matrix_iter(scale=1, border=4))
    module = size / len(rows)
    pdf.set_fill_color(0, 0, 0)
    for row_number, row in enumerate(rows):
        for column, dark in enumerate(row):
            if dark:
                pdf.rect(x + column * module, y + row_number * module, module, module, style="F")


def flyer_pdf(*, join_url: str, help_url: str, gemeente: str | None = None) -> bytes:
    gemeente = gemeente or settings.MANTELKRING_GEMEENTE
    pdf = FPDF(orientation="portrait", unit="mm", format=(A5_WIDTH, A5_HEIGHT))
    pdf.set_title(latin1(_("Zorgt u voor iemand? Doe mee met het panel")))
    pdf.set_author(latin1(f"Mantelkring, gemeente {gemeente}"))
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_page()
    width = A5_WIDTH - 2 * MARGIN

    pdf.set_fill_color(*BLUE)
    pdf.rect(0, 0, A5_WIDTH, 34, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(MARGIN, 9)
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(width, 11, latin1(_("Zorgt u voor iemand?")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(
        width,
        7,
        latin1(_("Mantelkring, gemeente %(gemeente)s") % {"gemeente": gemeente}),
        new_x="LMARGIN",
        new_y="NEXT",
    )

    pdf.set_text_color(0, 0, 0)
    pdf.set_y(42)
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(
        width,
        6.5,
        latin1(
            _("U helpt iemand die ziek is of hulp nodig heeft. Dat is mooi. Soms is het ook zwaar.")
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 15)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(
        width,
        7.5,
        latin1(_("Doe mee met het panel van de gemeente %(gemeente)s") % {"gemeente": gemeente}),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "", 13)
    pdf.ln(1)
    for line in (
        _("U krijgt soms een paar korte vragen."),
        _("Dat kost u maar een paar minuten."),
        _("Zo weet de gemeente wat u nodig heeft."),
        _("Meedoen is gratis. U kunt altijd stoppen."),
    ):
        pdf.set_x(MARGIN)
        pdf.cell(6, 7, "-")
        pdf.multi_cell(width - 6, 7, latin1(line), new_x="LMARGIN", new_y="NEXT")

    top = pdf.get_y() + 5
    size = 44
    _qr(pdf, join_url, x=MARGIN, y=top, size=size)
    pdf.set_xy(MARGIN + size + 5, top + 4)
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(
        width - size - 5,
        6.5,
        latin1(_("Scan de code met de camera van uw telefoon.")),
        new_x="LEFT",
        new_y="NEXT",
    )
    pdf.set_y(top + size + 2)
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(width, 6, latin1(_("Of ga naar:")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(width, 6, latin1(join_url), new_x="LMARGIN", new_y="NEXT")

    pdf.ln(4)
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN, pdf.get_y(), A5_WIDTH - MARGIN, pdf.get_y())
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(width, 7, latin1(_("Hulp nodig?")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(
        width,
        6,
        latin1(
            _("Vraag het uw huisarts of het wijkteam. Of zoek hulp bij u in de buurt: %(url)s")
            % {"url": help_url}
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
