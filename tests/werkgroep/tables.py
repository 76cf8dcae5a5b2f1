"""Read breakdown tables back out of a page, a CSV export and an XLSX export, as matrices
of what a reader sees (ints for shown numbers, "<5"/"×" for hidden ones)."""

import csv
import io
from html.parser import HTMLParser

from openpyxl import load_workbook


def _value(text):
    text = str(text).strip() if text is not None else ""
    return int(text) if text.lstrip("-").isdigit() else text


class _Tables(HTMLParser):
    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.tables, self.depth, self.row, self.cell = css_class, [], 0, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and self.css_class in (attrs.get("class") or "").split():
            self.tables.append([])
            self.depth = 1
        elif self.depth and tag == "tr":
            self.row = []
        elif self.depth and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if self.depth and tag in ("td", "th") and self.cell is not None:
            self.row.append(_value(self.cell))
            self.cell = None
        elif self.depth and tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None
        elif self.depth and tag == "table":
            self.depth = 0

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def html_tables(html: str, css_class: str = "wg-breakdown") -> list[list[list]]:
    parser = _Tables(css_class)
    parser.feed(html)
    return parser.tables


def _blocks(rows: list[list]) -> list[tuple[str, list[list]]]:
    """Breakdown sheets are blocks: [question], header, rows..., Totaal row, blank."""
    blocks, i = [], 0
    while i < len(rows):
        row = list(rows[i])
        if (
            len(row) >= 1
            and row[0] not in ("", None)
            and (i + 1 < len(rows))
            and rows[i + 1]
            and rows[i + 1][0] in ("", None)
        ):
            title = row[0]
            j = i + 1
            block = []
            while j < len(rows) and rows[j] and any(c not in ("", None) for c in rows[j]):
                row = [_value(c) for c in rows[j]]
                while row and row[-1] == "":
                    row.pop()  # spreadsheets pad rows to the sheet's width
                block.append(row)
                j += 1
            blocks.append((title, block))
            i = j
        else:
            i += 1
    return blocks


def csv_sections(body: bytes) -> dict[str, list[list]]:
    text = body.decode("utf-8-sig")
    sections, current = {}, None
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        if row and row[0].startswith("# "):
            current = row[0][2:]
            sections[current] = []
        elif current is not None:
            sections[current].append(row)
    return sections


def xlsx_sections(body: bytes) -> dict[str, list[list]]:
    book = load_workbook(io.BytesIO(body))
    return {
        sheet.title: [
            ["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in book.worksheets
    }


def breakdown_blocks(section_rows: list[list]) -> list[tuple[str, list[list]]]:
    return _blocks(section_rows)
