"""Fonts, borders, number formats and page set-up of the report sheets (Decree 30/2020).

The official look is said once here and translated for both writers: openpyxl (the commune
report, whose styles must survive templates) and XlsxWriter (the consolidated workbook, many
thousands of cells). `CellStyle` is a plain description of a cell; `openpyxl_style` and
`xlsxwriter_format` translate it; `set_up_page` and `set_up_xlsx_page` lay out the page from
the same margins, paper and footer. Neither library is imported here: the program starts
without them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from commune_desk.excel.report_document import DRAFT_MARK
from commune_desk.excel.text import clean_text, looks_like_formula

FONT_NAME = "Times New Roman"  # black, Unicode (TCVN 6909:2001); never .VnTime / VNI
BODY_SIZE = 12
# Vietnamese display (1.234 and 89,2) whatever the language of the spreadsheet program;
# the cell keeps the exact number.
LOCALE = "[$-42A]"
INTEGER_FORMAT = LOCALE + "#,##0"
DECIMAL_FORMAT = LOCALE + "#,##0.0"
DATE_FORMAT = "dd/mm/yyyy"
BLACK = "FF000000"  # ARGB
MM = 1 / 25.4  # both libraries take margins in inches
# Decree 30/2020: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15, "header": 8, "footer": 8}
PAPER_A4 = 9  # the paper code of the file format
# Decree 30/2020: Arabic numerals, 13-14 pt upright, centred in the top margin, and no number
# on the first page (the header of the first page is a different one).
PAGE_NUMBER = "&P"
PAGE_NUMBER_SIZE = 13
DRAFT_MARK_SIZE = 14  # the draft mark at the right of the header of every page, bold
DEFAULT_ROW_PX = 21  # a row of 12-pt Times New Roman (15.75 pt)
DEFAULT_COLUMN_PX = 72  # 8.43 digits of 12-pt Times New Roman (8 px a digit)


@dataclass(frozen=True)
class CellStyle:
    """How a cell looks, independent of the library that writes it."""

    size: float = BODY_SIZE
    bold: bool = False
    italic: bool = False
    underline: bool = False
    horizontal: str = "left"  # left, center, right
    vertical: str = "center"  # top, center, bottom
    wrap: bool = False
    indent: int = 0
    boxed: bool = False  # a thin black border on every side
    number_format: str = ""  # "" is General
    quote_prefix: bool = False  # text that looks like a formula, kept as typed

    def but(self, **changes: Any) -> CellStyle:
        return replace(self, **changes)


def openpyxl_style(style: CellStyle) -> dict[str, Any]:
    """The attributes `put` sets on an openpyxl cell."""
    extra = {"underline": "single"} if style.underline else {}
    out: dict[str, Any] = {
        "font": font(style.size, style.bold, style.italic, **extra),
        "alignment": align(style.horizontal, style.vertical, style.wrap, style.indent),
    }
    if style.boxed:
        out["border"] = thin_box()
    if style.number_format:
        out["number_format"] = style.number_format
    if style.quote_prefix:
        out["quotePrefix"] = True
    return out


def xlsxwriter_format(style: CellStyle) -> dict[str, Any]:
    """The properties of the XlsxWriter Format for `style`."""
    black = "#" + BLACK[2:]
    props: dict[str, Any] = {
        "font_name": FONT_NAME,
        "font_size": style.size,
        "font_color": black,
        "bold": style.bold,
        "italic": style.italic,
        "align": style.horizontal,
        "valign": "vcenter" if style.vertical == "center" else style.vertical,
        "text_wrap": style.wrap,
        "indent": style.indent,
    }
    if style.underline:
        props["underline"] = 1
    if style.boxed:
        props.update(border=1, border_color=black)  # 1: thin
    if style.number_format:
        props["num_format"] = style.number_format
    if style.quote_prefix:
        props["quote_prefix"] = True
    return props


def xlsxwriter_options() -> dict[str, Any]:
    """Workbook options: Times New Roman 12 by default; text is never a formula or a link."""
    return {
        "default_format_properties": {"font_name": FONT_NAME, "font_size": BODY_SIZE},
        "default_row_height": DEFAULT_ROW_PX,
        "default_column_width": DEFAULT_COLUMN_PX,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "in_memory": True,  # no temporary files: the workbook is small
    }


def use_default_font(workbook: Any) -> None:
    """Make Times New Roman 12 the workbook's default font (empty cells, row heights)."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    # The default font is the first of the workbook's font list (openpyxl keeps it there).
    workbook._fonts = IndexedList([Font(name=FONT_NAME, size=BODY_SIZE, family=1)])


def font(size: float = BODY_SIZE, bold: bool = False, italic: bool = False, **more: Any) -> Any:
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=BLACK, **more)


def align(
    horizontal: str = "left", vertical: str = "center", wrap: bool = False, indent: int = 0
) -> Any:
    from openpyxl.styles import Alignment

    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap, indent=indent)


def thin_box() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color=BLACK)
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

    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(**{k: v * MM for k, v in MARGINS.items()})
    sheet.print_area = f"A1:{last_column}{last_row}"
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.page_setup.firstPageNumber = 1  # each sheet (an appendix) numbered on its own
    sheet.page_setup.useFirstPageNumber = True
    sheet.HeaderFooter.differentFirst = True
    sheet.oddHeader.center.text = PAGE_NUMBER
    sheet.oddHeader.center.font = f"{FONT_NAME},Regular"
    sheet.oddHeader.center.size = PAGE_NUMBER_SIZE
    if draft:
        for header in (sheet.oddHeader, sheet.firstHeader):
            header.right.text = DRAFT_MARK
            header.right.font = f"{FONT_NAME},Bold"
            header.right.size = DRAFT_MARK_SIZE


def set_up_xlsx_page(
    sheet: Any,
    last_cell: tuple[int, int],
    title_rows: tuple[int, int] | None,
    landscape: bool = True,
    scale: int | None = None,
) -> None:
    """`set_up_page` for an XlsxWriter worksheet (rows and columns counted from 0).

    One page wide unless a print `scale` (%) is given; never a draft (consolidations are not).
    """
    sheet.set_paper(PAPER_A4)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    if scale is None:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(scale)
    sheet.center_horizontally()
    inches = {k: v * MM for k, v in MARGINS.items()}
    sheet.set_margins(inches["left"], inches["right"], inches["top"], inches["bottom"])
    # The worksheet class of the consolidated workbook writes it for pages 2 on only.
    number = f'&C&"{FONT_NAME},Regular"&{PAGE_NUMBER_SIZE}{PAGE_NUMBER}'
    sheet.set_header(number, {"margin": inches["header"]})
    sheet.set_start_page(1)  # each sheet (an appendix) numbered on its own
    sheet.print_area(0, 0, *last_cell)
    if title_rows:
        sheet.repeat_rows(*title_rows)


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
        height = wrapped_height(
            (
                cell.value,
                spans.get((row, cell.column), widths.get(cell.column, 8.43)),
                float(cell.font.sz or BODY_SIZE),
                bool(cell.font.b),
            )
            for cell in sheet[row]
            if isinstance(cell.value, str) and cell.alignment.wrap_text
        )
        if height is not None:
            sheet.row_dimensions[row].height = height


def wrapped_height(cells: Iterable[tuple[str, float, float, bool]]) -> float | None:
    """The height a row needs for its wrapped texts (text, width, size, bold), in points;
    None when one line of body text is enough."""
    tallest = 0.0
    for text, width, size, bold in cells:
        tallest = max(tallest, lines_needed(text, width, size, bold) * size * 1.3 + 2)
    return round(tallest, 1) if tallest > BODY_SIZE * 1.3 + 2 else None
