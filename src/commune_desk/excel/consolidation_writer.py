"""The consolidated workbook: Tổng hợp, Tình trạng nộp, Vấn đề, Xếp hạng and hidden `_rows`.

Same official style as the commune report (Decree 30 heading, Times New Roman, A4 landscape,
header rows repeated on every page), written with XlsxWriter (a province's tables are tens
of thousands of cells) and atomically. A pure converter: a ConsolidationDocument and the
catalogue in, the .xlsx file out. Rows and columns are counted from 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue, Indicator, Item
from commune_desk.domain.numbers import Number
from commune_desk.excel import styles as st
from commune_desk.excel.atomic import file_sha256, write_atomically
from commune_desk.excel.consolidation_book import Book, Sheet, collector_paused, write_numbers
from commune_desk.excel.consolidation_document import (
    ROWS_HEADER,
    ROWS_SHEET,
    ConsolidationDocument,
)
from commune_desk.excel.consolidation_headline import write_headline_sheet
from commune_desk.excel.consolidation_sheets import (
    BODY,
    CENTRE,
    COMMUNE_WIDTHS,
    HEAD,
    TABLE_TOP,
    agency,
    commune_header,
    heading,
    write_grid_sheet,
    write_issues_sheet,
    write_opinions_sheet,
    write_ranking_sheet,
)
from commune_desk.excel.pages import A4_LONG, PT_PER_COLUMN, PT_PER_UNIT
from commune_desk.excel.text import clean_text

SUMMARY_SHEET = "Tổng hợp"
CODE_WIDTH = 13.5
SUMMARY_SCALE = 60  # % — about ten figures a page across, readable on A4
LABEL_LINE = 13.0  # points: one more line of 10-pt for labels that wrap wider than estimated

NUMBER = st.CellStyle(size=11, boxed=True, horizontal="right")
TOTAL = NUMBER.but(bold=True)
PLAN = NUMBER.but(italic=True)


def write_consolidation(path: Path, document: ConsolidationDocument, catalogue: Catalogue) -> str:
    """Write the consolidated workbook atomically; returns the file's hex SHA-256.

    Raises WorkbookWriteError (Vietnamese, naming the file) when it cannot be written.
    """

    def save(temp: Path) -> str:
        with collector_paused():
            _write_book(temp, document, catalogue)
        return file_sha256(temp)

    return write_atomically(Path(path), save)


def _write_book(path: Path, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    book = Book(path)
    write_headline_sheet(book, document, catalogue)
    _write_summary(book, document, catalogue)
    write_grid_sheet(book, document)
    write_issues_sheet(book, document)
    write_opinions_sheet(book, document)
    write_ranking_sheet(book, document, catalogue)
    _write_rows(book, document, catalogue)
    book.close()


def _write_summary(book: Book, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    items = catalogue.items()
    widths = (*COMMUNE_WIDTHS, *(CODE_WIDTH for _ in items))
    sheet = book.sheet(SUMMARY_SHEET, widths)
    count = len(document.communes)
    drafts = f", gồm {document.drafts} bản nháp" if document.drafts else ""
    heading(
        sheet,
        agency(document),
        max(_first_page_columns(widths), len(COMMUNE_WIDTHS) + 1),
        "PHỤ LỤC: SỐ LIỆU TỪNG XÃ, PHƯỜNG",
        f"Kết quả thực hiện phong trào {doc.MOVEMENT} {document.period_subject}",
        f"(Tổng hợp từ báo cáo của {count} xã, phường{drafts}; "
        f"lập ngày {document.generated:%d/%m/%Y})",
        title_from=len(COMMUNE_WIDTHS),  # the first columns repeat on every page
    )
    top = TABLE_TOP  # sections; labels and units follow; the three repeat on every page
    _write_header(sheet, catalogue, top)
    row = _write_communes(sheet, document, items, top + 3)
    total_label = "TỔNG CỘNG" + (f" (gồm {document.drafts} bản nháp)" if document.drafts else "")
    sheet.merge(row, 0, 2, total_label, CENTRE.but(bold=True, wrap=True))
    _numbers(sheet, row, items, document.totals, TOTAL)
    covered_row, target_row, meeting_row = row + 1, row + 2, row + 3
    italic = BODY.but(italic=True)
    sheet.merge(
        covered_row, 0, 2, "Số xã có trong tổng (trên số xã phải nộp)", italic.but(wrap=True)
    )
    covered_style = PLAN.but(horizontal="center")
    for column, item in enumerate(items, start=len(COMMUNE_WIDTHS)):
        sheet.put(covered_row, column, document.coverage(item.code), covered_style)
    sheet.merge(target_row, 0, 2, "Kế hoạch năm (chỉ tiêu)", italic)
    meeting = f"Số xã đạt kế hoạch (trên {count} xã{drafts})"
    sheet.merge(meeting_row, 0, 2, meeting, italic.but(wrap=True))
    target_style = PLAN.but(number_format=st.DECIMAL_FORMAT)
    met_style = PLAN.but(number_format=st.INTEGER_FORMAT)
    for column, item in enumerate(items, start=len(COMMUNE_WIDTHS)):
        target = document.targets.get(item.code)
        sheet.put(target_row, column, target, target_style)
        met = document.meeting.get(item.code) if target is not None else None
        sheet.put(meeting_row, column, met, met_style)
    last = meeting_row + 1
    sheet.put(last, 0, _footnote(), st.CellStyle(size=10, italic=True))
    across = max(_first_page_columns(widths), len(COMMUNE_WIDTHS) + 1) - 1
    for text in document.deadline_lines():  # wrapped within the first printed page
        last += 1
        sheet.merge(last, 0, across, text, st.CellStyle(size=11, bold=True, wrap=True))
        lines = st.lines_needed(text, sheet.width(0, across), 11, bold=True)
        sheet.height(last, 16 * lines)
    sheet.fit_rows(top + 1, top + 2, slack=LABEL_LINE)  # commune rows are one line each
    sheet.fit_rows(row, covered_row)
    sheet.fit_rows(meeting_row, meeting_row)
    sheet.ws.freeze_panes(top + 3, len(COMMUNE_WIDTHS))
    sheet.ws.set_zoom(90)
    sheet.ws.hide_gridlines(2)
    st.set_up_xlsx_page(sheet.ws, (last, len(widths) - 1), (top, top + 2), scale=SUMMARY_SCALE)
    sheet.ws.repeat_columns(0, len(COMMUNE_WIDTHS) - 1)


def _first_page_columns(widths: Sequence[float]) -> int:
    """How many columns the first printed page holds, at SUMMARY_SCALE on landscape A4."""
    margins = st.MARGINS
    printable = (A4_LONG - margins["left"] - margins["right"]) / 25.4 * 72
    room = printable * 100 / SUMMARY_SCALE
    used = 0.0
    for count, width in enumerate(widths):
        used += width * PT_PER_UNIT + PT_PER_COLUMN
        if used > room:
            return count
    return len(widths)


def _write_header(sheet: Sheet, catalogue: Catalogue, top: int) -> None:
    """Three rows: the sections, the figures' labels and their units."""
    commune_header(sheet, top, top + 2)
    label_style = HEAD.but(size=10)
    unit_style = st.CellStyle(size=10, italic=True, horizontal="center", wrap=True, boxed=True)
    section_style = HEAD.but(horizontal="left", indent=1)
    column = len(COMMUNE_WIDTHS)
    for section in catalogue.sections:
        section_items = catalogue.section_items(section.key)
        if not section_items:
            continue
        first = column
        for item in section_items:
            sheet.put(top + 1, column, item.label, label_style)
            sheet.put(top + 2, column, item.unit, unit_style)
            column += 1
        numeral = section.numeral.strip("0 ")  # the profile section "0" takes no number
        title = f"{numeral}. {section.title}" if numeral else section.title
        sheet.merge(top, first, column - 1, title, section_style)
    sheet.height(top, 30)


def _write_communes(
    sheet: Sheet, document: ConsolidationDocument, items: Sequence[Item], row: int
) -> int:
    """One row per commune; returns the row after them. The hot loop of the writer."""
    integer, decimal = _number_formats(sheet.book, NUMBER)
    columns = [
        (column, item.code, isinstance(item, Indicator))
        for column, item in enumerate(items, start=len(COMMUNE_WIDTHS))
    ]
    for index, commune in enumerate(document.communes, start=1):
        sheet.put(row, 0, index, CENTRE)
        sheet.put(row, 1, commune.code, CENTRE)
        sheet.put(row, 2, commune.shown_name, BODY)
        values = commune.values
        cells = []
        for column, code, is_indicator in columns:
            value = values.get(code)
            if value is None:
                cells.append((column, None, integer))
            elif is_indicator or (isinstance(value, float) and not value.is_integer()):
                cells.append((column, value, decimal))
            else:
                cells.append((column, value, integer))
        write_numbers(sheet.ws, row, cells)
        row += 1
    return row


def _number_formats(book: Book, style: st.CellStyle) -> tuple[object, object]:
    """The integer and the one-decimal Formats of a number style."""
    return (
        book.format(style.but(number_format=st.INTEGER_FORMAT)),
        book.format(style.but(number_format=st.DECIMAL_FORMAT)),
    )


def _footnote() -> str:
    return (
        "Ghi chú: dòng Tổng cộng cộng số liệu của các xã; các tỷ lệ được tính lại từ tổng tử số "
        "và tổng mẫu số của những xã báo cáo đủ cả hai (không lấy trung bình các tỷ lệ); dòng "
        "dưới nó cho biết mỗi tổng gồm bao nhiêu xã."
    )


def _numbers(
    sheet: Sheet,
    row: int,
    items: Sequence[Item],
    values: Mapping[str, Number | None],
    style: st.CellStyle,
) -> None:
    for column, item in enumerate(items, start=len(COMMUNE_WIDTHS)):
        value = values.get(item.code)
        fmt = st.number_format(value, isinstance(item, Indicator))
        sheet.put(row, column, value, style.but(number_format=fmt))


def _write_rows(book: Book, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    """Hidden `_rows`: the header, then one row per commune used, values as numbers.

    A sheet for programs: the default format (Times New Roman 12), no styles to write.
    """
    ws = book.sheet(ROWS_SHEET).ws
    ws.hide()
    codes = catalogue.codes()
    write_string, write_number = ws.write_string, ws.write_number
    for column, title in enumerate((*ROWS_HEADER, *codes)):
        write_string(0, column, title)
    for row, commune in enumerate(document.communes, start=1):
        head = (commune.code, commune.name, commune.period, commune.version, commune.file)
        for column, value in enumerate((*head, commune.status)):
            if isinstance(value, str):
                write_string(row, column, clean_text(value))  # names and files as text
            elif value is not None:
                write_number(row, column, value)
        values = commune.values
        cells = [
            (column, value, None)
            for column, code in enumerate(codes, start=len(ROWS_HEADER))
            if (value := values.get(code)) is not None
        ]
        write_numbers(ws, row, cells)
