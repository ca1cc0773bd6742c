"""Page breaks of the report sheet: headings keep their first row, the signature its table."""

from __future__ import annotations

from openpyxl import Workbook

from commune_desk.excel.pages import DEFAULT_ROW, add_breaks, page_height

WIDTHS = (5.5, 48, 12, 11, 12, 12, 12, 12, 21)


def sheet_with(rows: int):
    """A sheet of `rows` rows of the default height (the heights are all that matter)."""
    sheet = Workbook().active
    sheet.cell(row=rows, column=1, value="x")
    return sheet


def rows_per_page() -> int:
    return int(page_height(WIDTHS) // DEFAULT_ROW)


def test_a_heading_at_the_foot_of_a_page_moves_to_the_next():
    per_page = rows_per_page()
    sheet = sheet_with(3 * per_page)
    heading = per_page  # the last row that fits on page 1
    starts = add_breaks(sheet, WIDTHS, (1, 2), {heading}, 3 * per_page - 20, 3 * per_page)
    assert starts[0] == heading
    assert sheet.row_breaks.brk[0].id == heading - 1


def test_the_signature_never_stands_alone():
    per_page = rows_per_page()
    sheet = sheet_with(2 * per_page)
    table_end = per_page - 2  # the table fills page 1; the signature block would not fit
    starts = add_breaks(sheet, WIDTHS, (1, 2), set(), table_end, table_end + 12)
    assert starts == [table_end - 2]  # the last three rows go with the signature
    assert [b.id for b in sheet.row_breaks.brk] == [table_end - 3]


def test_no_manual_break_where_everything_fits_or_breaks_by_itself():
    per_page = rows_per_page()
    sheet = sheet_with(per_page)
    assert add_breaks(sheet, WIDTHS, (1, 2), {5}, 20, 30) == []
    long_sheet = sheet_with(3 * per_page)
    end = per_page + 10  # page 2 holds the rest of the table and the signature
    starts = add_breaks(long_sheet, WIDTHS, (1, 2), set(), end, end + 8)
    assert starts and not long_sheet.row_breaks.brk  # the program breaks these pages itself
