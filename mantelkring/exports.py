"""The one writer for CSV and XLSX downloads.

Every cell goes through `neutralise`: text that a spreadsheet would run as a formula (it starts
with =, +, -, @, a tab or a carriage return) gets a single quote in front, as OWASP advises
against CSV injection. XLSX cells are also written as text, never as formulas. Numbers, dates
and empty cells stay as they are.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING

Sheet = tuple[str, list[Sequence]]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _row(row: Iterable) -> list:
    return [neutralise(value) for value in row]


def csv_bytes(sheets: list[Sheet], *, delimiter: str = ";", titles: bool = True) -> bytes:
    """UTF-8 with a BOM so Excel reads it; several sheets follow each other under a # title."""
    return ("\ufeff" + csv_text(sheets, delimiter=delimiter, titles=titles)).encode("utf-8")


def csv_text(sheets: list[Sheet], *, delimiter: str = ";", titles: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for i, (title, rows) in enumerate(sheets):
        if titles:
            if i:
                writer.writerow([])
            writer.writerow([f"# {title}"])
        writer.writerows(_row(row) for row in rows)
    return buffer.getvalue()


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet every new workbook has
    for title, rows in sheets:
        sheet = book.create_sheet(title=title[:31])
        for row in rows:
            sheet.append(_row(row))
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # never a formula, whatever openpyxl guessed
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
