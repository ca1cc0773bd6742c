"""Fonts, borders, number formats and page set-up of the report sheets (Decree 30/2020).

openpyxl is imported inside the functions: the program starts without it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from commune_desk.excel.text import clean_text, looks_like_formula

FONT_NAME = "Times New Roman"  # black, Unicode (TCVN 6909:2001); never .VnTime / VNI
BODY_SIZE = 12
# Vietnamese display (1.234 and 89,2) whatever the language of the spreadsheet program;
# the cell keeps the exact number.
LOCALE = "[$-42A]"
INTEGER_FORMAT = LOCALE + "#,##0"
DECIMAL_FORMAT = LOCALE + "#,##0.0"
DATE_FORMAT = "dd/mm/yyyy"
MM = 1 / 25.4  # openpyxl takes margins in inches
# Decree 30/2020: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15, "header": 8, "footer": 8}


def use_default_font(workbook: Any) -> None:
    """Make Times New Roman 12 the workbook's default font (empty cells, row heights)."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    # The default font is the first of the workbook's font list (openpyxl keeps it there).
    workbook._fonts = IndexedList([Font(name=FONT_NAME, size=BODY_SIZE, family=1)])


def font(size: float = BODY_SIZE, bold: bool = False, italic: bool = False, **more: Any) -> Any:
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color="FF000000", **more)


def align(
    horizontal: str = "left", vertical: str = "center", wrap: bool = False, indent: int = 0
) -> Any:
    from openpyxl.styles import Alignment

    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap, indent=indent)


def thin_box() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="FF000000")
    return Border(left=side, right=side, top=side, bottom=side)


def put(sheet: Any, row: int, column: int, value: object, style: dict[str, Any]) -> Any:
    """Write one cell: text from users lands as text (never a formula), styled."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        if looks_like_formula(value):
            cell.data_type = "s"  # "=…", "+…", "-…", "@…": text as typed
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
    for name, attribute in style.items():
        setattr(cell, name, attribute)
    return cell


def merge_put(
    sheet: Any, row: int, first: int, last: int, value: object, style: dict[str, Any]
) -> Any:
    """Write a value across the columns first..last of a row (merged, styled alike)."""
    cell = put(sheet, row, first, value, style)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        if "border" in style:  # a merged range shows the borders of every cell it covers
            for column in range(first + 1, last + 1):
                sheet.cell(row=row, column=column).border = style["border"]
    return cell


def number_format(value: object, decimals: bool) -> str:
    """Whole numbers without decimals; indicators and fractional figures with one."""
    if decimals or (isinstance(value, float) and not value.is_integer()):
        return DECIMAL_FORMAT
    return INTEGER_FORMAT


def set_up_page(
    sheet: Any, last_column: str, last_row: int, title_rows: str | None, draft: bool
) -> None:
    """A4 landscape, Decree 30 margins, print area, repeated headers, one page wide."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(**{k: v * MM for k, v in MARGINS.items()})
    sheet.print_area = f"A1:{last_column}{last_row}"
    if title_rows:
        sheet.print_title_rows = title_rows
    if draft:
        sheet.oddHeader.center.text = "BẢN NHÁP"
        sheet.oddHeader.center.font = f"{FONT_NAME},Bold"
        sheet.oddHeader.center.size = 14
    sheet.oddFooter.right.text = "Trang &P/&N"
    sheet.oddFooter.right.font = FONT_NAME
    sheet.oddFooter.right.size = 10


# Characters of 12-pt Times New Roman text per unit of column width (a unit is the width of
# a digit of the default font), measured on Vietnamese labels and kept on the safe side.
_CHARS_PER_UNIT = 1.05
_CELL_PADDING = 1.0  # units lost to the cell's margins


def lines_needed(text: str, width: float, size: float = BODY_SIZE, bold: bool = False) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide."""
    per_line = max(1, int((width - _CELL_PADDING) * _CHARS_PER_UNIT * BODY_SIZE / size))
    if bold:
        per_line = max(1, int(per_line * 0.92))
    lines = 0
    for paragraph in text.split("\n"):
        count, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                count, used = count + 1, 0
            used += len(word) + (1 if used else 0)
            while used > per_line:
                count, used = count + 1, used - per_line
        lines += count
    return lines


def fit_row_heights(sheet: Any, first: int, last: int) -> None:
    """Give every row with wrapped text the height of its tallest cell.

    Spreadsheet programs do not grow rows to fit wrapped text when they open a file, so the
    heights are estimated here (rows with a height already set are left alone).
    """
    from openpyxl.utils import get_column_letter

    widths = {
        column: sheet.column_dimensions[get_column_letter(column)].width or 8.43
        for column in range(1, sheet.max_column + 1)
    }
    spans = {
        (r.min_row, r.min_col): sum(widths.get(c, 8.43) for c in range(r.min_col, r.max_col + 1))
        for r in sheet.merged_cells.ranges
        if r.min_row == r.max_row
    }
    for row in range(first, last + 1):
        if sheet.row_dimensions[row].height is not None:
            continue
        tallest = 0.0
        for cell in sheet[row]:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            size = float(cell.font.sz or BODY_SIZE)
            width = spans.get((row, cell.column), widths.get(cell.column, 8.43))
            lines = lines_needed(cell.value, width, size, bool(cell.font.b))
            tallest = max(tallest, lines * size * 1.3 + 2)
        if tallest > BODY_SIZE * 1.3 + 2:
            sheet.row_dimensions[row].height = round(tallest, 1)
