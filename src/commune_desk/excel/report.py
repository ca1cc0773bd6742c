"""The commune report workbook: sheet 1 in the official layout, the appendices, `_data`.

`write_report` is a pure converter: a ReportDocument in, an .xlsx file out (written to a
temporary file beside the target and moved into place), its SHA-256 returned. The layout
follows shared/domain/forms.md (Decree 30/2020/NĐ-CP, Appendix I).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from commune_desk.domain import documents as doc
from commune_desk.excel import styles as st
from commune_desk.excel.appendix import write_appendix
from commune_desk.excel.atomic import file_sha256, write_atomically
from commune_desk.excel.data_sheet import add_data_sheet
from commune_desk.excel.pages import add_breaks
from commune_desk.excel.report_document import (
    REPORT_COLUMN_MARKS,
    REPORT_HEADERS,
    ReportDocument,
    ReportRow,
)
from commune_desk.excel.text import sheet_title

# Column widths in characters: STT, label, unit, target, period, year to date, last year,
# % of target, note. The table fills a landscape A4 page at about 90 %.
WIDTHS = (5.5, 44, 11, 11, 12, 11, 12, 12, 11, 18)
LAST_COLUMN = "J"
LEFT_BLOCK = (1, 3)  # the agency and the number: columns A..C
RIGHT_BLOCK = (4, 10)  # the motto and the date line: columns D..J
HEADER_ROW = 11  # the table's header; the lettered row follows; both repeat on every page
SIGN_ROOM = 4  # empty lines left for the signature


def write_report(path: Path, report: ReportDocument) -> str:
    """Write the report workbook to `path` atomically; returns the file's hex SHA-256.

    Raises WorkbookWriteError (Vietnamese, naming the file) when it cannot be written.
    """

    def save(temp: Path) -> str:
        build_workbook(report).save(temp)
        return file_sha256(temp)

    return write_atomically(Path(path), save)


def build_workbook(report: ReportDocument) -> Any:
    """The openpyxl workbook of a report (sheet 1, appendices, hidden `_data`)."""
    from openpyxl import Workbook

    workbook = Workbook()
    st.use_default_font(workbook)
    sheet = workbook.active
    sheet.title = sheet_title(report.sheet_name, "Báo cáo")
    _write_report_sheet(sheet, report)
    for appendix in report.appendices:
        write_appendix(workbook.create_sheet(sheet_title(appendix.sheet_name)), appendix, report)
    add_data_sheet(workbook, report.data, report.data_signature)
    workbook.active = 0
    return workbook


def _write_report_sheet(sheet: Any, report: ReportDocument) -> None:
    for number, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[_letter(number)].width = width
    row = _write_heading(sheet, report)
    row = _write_table(sheet, report.rows, row)
    table_end = row
    row = _write_narrative(sheet, report, row)
    last = _write_footer(sheet, report, row + 1)
    st.fit_row_heights(sheet, HEADER_ROW + 2, table_end)
    headings = {HEADER_ROW + 2 + i for i, r in enumerate(report.rows) if r.is_section}
    add_breaks(sheet, WIDTHS, (HEADER_ROW, HEADER_ROW + 1), headings, row - 1, last)
    sheet.sheet_view.showGridLines = False
    sheet.sheet_view.zoomScale = 90
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 2, column=1)
    st.set_up_page(sheet, LAST_COLUMN, last, f"{HEADER_ROW}:{HEADER_ROW + 1}", report.draft)


def _write_heading(sheet: Any, report: ReportDocument) -> int:
    """Rows 1-9: form code, agency, number, motto, date line, title, subject, window."""
    bold13 = {"font": st.font(13, bold=True), "alignment": st.align("center")}
    left, right = LEFT_BLOCK, RIGHT_BLOCK
    st.merge_put(
        sheet,
        1,
        *left,
        report.form_code,
        {"font": st.font(11, italic=True), "alignment": st.align()},
    )
    st.merge_put(sheet, 2, *left, report.agency[0], bold13)
    st.merge_put(sheet, 2, *right, doc.MOTTO_COUNTRY, bold13)
    st.merge_put(sheet, 3, *left, report.agency[1], bold13)
    st.merge_put(
        sheet,
        3,
        *right,
        doc.MOTTO,
        {"font": st.font(14, bold=True, underline="single"), "alignment": st.align("center")},
    )
    # The short rule under the agency's name (a third of its width).
    st.merge_put(
        sheet, 4, *left, "—" * 6, {"font": st.font(10, bold=True), "alignment": st.align("center")}
    )
    sheet.row_dimensions[4].height = 10
    st.merge_put(
        sheet, 5, *left, report.number_line, {"font": st.font(13), "alignment": st.align("center")}
    )
    st.merge_put(
        sheet,
        5,
        *right,
        report.date_line,
        {"font": st.font(13, italic=True), "alignment": st.align("center")},
    )
    st.merge_put(sheet, 7, 1, 10, report.shown_title, {"font": st.font(14, bold=True), **_centre()})
    st.merge_put(sheet, 8, 1, 10, report.subject, {"font": st.font(13, bold=True), **_centre()})
    st.merge_put(
        sheet, 9, 1, 10, report.window_line, {"font": st.font(13, italic=True), **_centre()}
    )
    sheet.row_dimensions[6].height = 8
    sheet.row_dimensions[10].height = 8
    return HEADER_ROW


def _centre() -> dict[str, Any]:
    return {"alignment": st.align("center", wrap=True)}


def _write_table(sheet: Any, rows: tuple[ReportRow, ...], start: int) -> int:
    """The header, the lettered row and the body; returns the row after the table."""
    box = st.thin_box()
    head = {
        "font": st.font(12, bold=True),
        "alignment": st.align("center", wrap=True),
        "border": box,
    }
    marks = {"font": st.font(11, italic=True), "alignment": st.align("center"), "border": box}
    for column, (header, mark) in enumerate(
        zip(REPORT_HEADERS, REPORT_COLUMN_MARKS, strict=True), 1
    ):
        st.put(sheet, start, column, header, head)
        st.put(sheet, start + 1, column, mark, marks)
    sheet.row_dimensions[start].height = 36  # two lines of the longest header
    row = start + 2
    for item in rows:
        _write_row(sheet, row, item, box)
        row += 1
    return row


def _write_row(sheet: Any, row: int, item: ReportRow, box: Any) -> None:
    if item.is_section:
        style = {"font": st.font(12, bold=True), "border": box}
        st.put(sheet, row, 1, item.stt, {**style, "alignment": st.align("center")})
        st.put(sheet, row, 2, item.label.upper(), {**style, "alignment": st.align(wrap=True)})
        for column in range(3, 11):
            st.put(sheet, row, column, None, style)
        return
    text = st.font(12, italic=item.is_detail)
    st.put(sheet, row, 1, item.stt, {"font": text, "border": box, "alignment": st.align("center")})
    label_align = st.align(wrap=True, indent=2 if item.is_detail else 0)
    st.put(sheet, row, 2, item.label, {"font": text, "border": box, "alignment": label_align})
    unit_align = st.align("center", wrap=True)
    st.put(sheet, row, 3, item.unit, {"font": text, "border": box, "alignment": unit_align})
    numbers = (item.target, item.value, item.previous, item.ytd, item.last_year)
    decimals = item.is_indicator or any(
        isinstance(n, float) and not n.is_integer() for n in numbers
    )
    right = st.align("right", indent=1)
    for column, number in enumerate(numbers, start=4):
        cell = st.put(sheet, row, column, number, {"font": text, "border": box, "alignment": right})
        cell.number_format = st.number_format(number, decimals)
    pct = st.put(sheet, row, 9, item.pct, {"font": text, "border": box, "alignment": right})
    pct.number_format = st.DECIMAL_FORMAT
    note_style = {"font": st.font(11, italic=True), "border": box, "alignment": st.align(wrap=True)}
    st.put(sheet, row, 10, item.note or None, note_style)


def _write_narrative(sheet: Any, report: ReportDocument, start: int) -> int:
    """The narrative after the table, each part a heading and its paragraphs across the
    page; returns the row after them."""
    row = start
    width = sum(WIDTHS)
    for number, (heading, text) in enumerate(report.narrative, start=1):
        row += 1
        st.merge_put(
            sheet,
            row,
            1,
            10,
            f"{number}. {heading}",
            {"font": st.font(13, bold=True), "alignment": st.align()},
        )
        for paragraph in text.split("\n"):
            row += 1
            style = {"font": st.font(13), "alignment": st.align("justify", "top", wrap=True)}
            st.merge_put(sheet, row, 1, 10, paragraph or None, style)
            lines = st.lines_needed(paragraph, width, 13) if paragraph else 1
            sheet.row_dimensions[row].height = 18 * lines
    return row


def _write_footer(sheet: Any, report: ReportDocument, start: int) -> int:
    """Nơi nhận (left), Người lập biểu (middle), the signature (right); returns the last row."""
    centre_bold = {"font": st.font(13, bold=True), "alignment": st.align("center")}
    row = start + 1
    st.merge_put(
        sheet,
        row,
        1,
        2,
        "Nơi nhận:",
        {"font": st.font(12, bold=True, italic=True), "alignment": st.align()},
    )
    st.merge_put(sheet, row, 3, 5, "Người lập biểu", centre_bold)
    st.merge_put(sheet, row, 6, 10, report.signature.capacity, centre_bold)
    st.merge_put(sheet, row + 1, 6, 10, report.signature.title, centre_bold)
    st.merge_put(
        sheet,
        row + 1,
        3,
        5,
        "(Ký, ghi rõ họ tên)",
        {"font": st.font(12, italic=True), "alignment": st.align("center")},
    )
    recipient_style = {"font": st.font(11), "alignment": st.align(vertical="top")}
    for offset, line in enumerate(report.recipients, start=1):
        st.merge_put(sheet, row + offset, 1, 2, line, recipient_style)
    name_row = row + 2 + SIGN_ROOM
    st.merge_put(sheet, name_row, 3, 5, report.preparer or None, centre_bold)
    st.merge_put(sheet, name_row, 6, 10, report.signature.name or None, centre_bold)
    return max(name_row, row + len(report.recipients))


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
