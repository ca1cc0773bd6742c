"""Page breaks of the report sheet: no section heading alone at the foot of a page, and the
signature block never on a page of its own.

Spreadsheet programs break pages themselves; this module estimates where (from the row
heights and the fit-to-width scale) and adds a manual break only where the automatic one
would leave a heading orphaned or separate the signature from the table.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from commune_desk.excel import styles as st

PT_PER_UNIT = 6.0  # a unit of column width: a digit of 12-pt Times New Roman (8 px)
PT_PER_COLUMN = 3.75  # the 5 px of padding a spreadsheet adds to each column
DEFAULT_ROW = 15.75  # the height of a row of 12-pt Times New Roman
A4_LONG, A4_SHORT = 297.0, 210.0  # mm
KEEP_WITH_SIGNATURE = 3  # table rows that move with the signature block to a new page


def page_height(widths: Sequence[float]) -> float:
    """The height of one landscape page in row points, once the sheet is fit to its width."""
    margins = st.MARGINS
    printable_width = (A4_LONG - margins["left"] - margins["right"]) / 25.4 * 72
    printable_height = (A4_SHORT - margins["top"] - margins["bottom"]) / 25.4 * 72
    sheet_width = sum(widths) * PT_PER_UNIT + len(widths) * PT_PER_COLUMN
    scale = min(1.0, printable_width / sheet_width)
    return printable_height / scale


def add_breaks(
    sheet: Any,
    widths: Sequence[float],
    title_rows: tuple[int, int],
    headings: Collection[int],
    table_end: int,
    last_row: int,
) -> list[int]:
    """Add manual page breaks where needed; returns the rows expected to start a page.

    `headings` are the section rows of the table, whose last row is `table_end`; the rows
    after it, to `last_row`, hold the signature block.
    """
    from openpyxl.worksheet.pagebreak import Break

    def height(row: int) -> float:
        value = sheet.row_dimensions[row].height
        return DEFAULT_ROW if value is None else float(value)

    page = page_height(widths)
    repeated = sum(height(r) for r in range(title_rows[0], title_rows[1] + 1))
    footer = sum(height(r) for r in range(table_end + 1, last_row + 1)) + DEFAULT_ROW  # slack
    starts: list[int] = []
    used = 0.0
    for row in range(1, table_end + 1):
        own = height(row)
        need = own
        if row in headings and row < table_end:
            need += height(row + 1)  # a heading stays with its first figure
        if row == table_end - KEEP_WITH_SIGNATURE + 1 and row > title_rows[1] + 1:
            tail = sum(height(r) for r in range(row, table_end + 1)) + footer
            if repeated + tail <= page:
                need = max(need, tail)  # the last rows go with the signature block
        if row > title_rows[1] + 1 and used + own > page:
            starts.append(row)  # the spreadsheet program breaks here by itself
            used = repeated
        elif row > title_rows[1] + 1 and used + need > page:
            sheet.row_breaks.append(Break(id=row - 1))  # keep together: break by hand
            starts.append(row)
            used = repeated
        used += own
    return starts
