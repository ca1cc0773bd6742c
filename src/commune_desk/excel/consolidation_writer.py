"""The consolidated workbook: Tổng hợp, Tình trạng nộp, Vấn đề, Xếp hạng and hidden `_rows`.

Same official style as the commune report (Decree 30 heading, Times New Roman, A4 landscape,
header rows repeated on every page); written atomically. A pure converter: a
ConsolidationDocument and the catalogue in, the .xlsx file out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue, Indicator
from commune_desk.excel import styles as st
from commune_desk.excel.atomic import file_sha256, write_atomically
from commune_desk.excel.consolidation_document import (
    ROWS_HEADER,
    ROWS_SHEET,
    ConsolidationDocument,
)
from commune_desk.excel.consolidation_sheets import (
    Stamper,
    heading,
    letter,
    write_grid_sheet,
    write_issues_sheet,
    write_ranking_sheet,
)

SUMMARY_SHEET = "Tổng hợp"
FIXED_WIDTHS = (5.5, 9, 24)  # STT, Mã xã, Tên xã: repeated at the left of every page
CODE_WIDTH = 13.5
HEADER_ROW = 11  # sections; labels and units follow; the three repeat on every page
SUMMARY_SCALE = 60  # % — about ten figures a page across, readable on A4


def write_consolidation(path: Path, document: ConsolidationDocument, catalogue: Catalogue) -> str:
    """Write the consolidated workbook atomically; returns the file's hex SHA-256.

    Raises WorkbookWriteError (Vietnamese, naming the file) when it cannot be written.
    """

    def save(temp: Path) -> str:
        build_workbook(document, catalogue).save(temp)
        return file_sha256(temp)

    return write_atomically(Path(path), save)


def build_workbook(document: ConsolidationDocument, catalogue: Catalogue) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    st.use_default_font(workbook)
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    _write_summary(summary, document, catalogue)
    write_grid_sheet(workbook.create_sheet("Tình trạng nộp"), document)
    write_issues_sheet(workbook.create_sheet("Vấn đề"), document)
    write_ranking_sheet(workbook.create_sheet("Xếp hạng"), document, catalogue)
    _write_rows(workbook.create_sheet(ROWS_SHEET), document, catalogue)
    workbook.active = 0
    return workbook


def _agency(document: ConsolidationDocument) -> tuple[str, str]:
    province = document.province.strip()
    if not province:
        return ("ỦY BAN NHÂN DÂN", "TỈNH")
    lowered = province.lower()
    if lowered.startswith(("tỉnh ", "thành phố ")):
        return ("ỦY BAN NHÂN DÂN", province.upper())
    return ("ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}")


def _write_summary(sheet: Any, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    items = catalogue.items()
    widths = (*FIXED_WIDTHS, *(CODE_WIDTH for _ in items))
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[letter(number)].width = width
    count = len(document.communes)
    heading(
        sheet,
        _agency(document),
        min(len(widths), 9),
        "BÁO CÁO TỔNG HỢP",
        f"Kết quả thực hiện phong trào {doc.MOVEMENT} {document.period_subject}",
        f"(Tổng hợp từ báo cáo của {count} xã, phường; lập ngày {document.generated:%d/%m/%Y})",
    )
    box = st.thin_box()
    head = {"font": st.font(11, bold=True), "alignment": st.align("center", wrap=True)}
    head["border"] = box
    top = HEADER_ROW
    for column, title in enumerate(("STT", "Mã xã", "Tên xã"), start=1):
        st.put(sheet, top, column, title, head)
        for row in (top + 1, top + 2):
            st.put(sheet, row, column, None, head)
        sheet.merge_cells(start_row=top, start_column=column, end_row=top + 2, end_column=column)
    column = len(FIXED_WIDTHS) + 1
    unit_style = {"font": st.font(10, italic=True), "alignment": st.align("center", wrap=True)}
    unit_style["border"] = box
    label_style = {**head, "font": st.font(10, bold=True)}
    for section in catalogue.sections:
        section_items = catalogue.section_items(section.key)
        if not section_items:
            continue
        first = column
        for item in section_items:
            st.put(sheet, top + 1, column, item.label, label_style)
            st.put(sheet, top + 2, column, item.unit, unit_style)
            column += 1
        numeral = section.numeral.strip("0 ")  # the profile section "0" takes no number
        title = f"{numeral}. {section.title}" if numeral else section.title
        section_style = {**head, "alignment": st.align(wrap=True, indent=1)}
        st.merge_put(sheet, top, first, column - 1, title, section_style)
    sheet.row_dimensions[top].height = 30
    row = top + 3
    body = {"font": st.font(11), "border": box}
    right = st.align("right")
    out = Stamper(sheet)
    for index, commune in enumerate(document.communes, start=1):
        out.put(row, 1, index, {**body, "alignment": st.align("center")})
        out.put(row, 2, commune.code, {**body, "alignment": st.align("center")})
        out.put(row, 3, commune.name, {**body, "alignment": st.align()})
        for column, item in enumerate(items, start=len(FIXED_WIDTHS) + 1):
            value = commune.values.get(item.code)
            fmt = st.number_format(value, isinstance(item, Indicator))
            out.put(row, column, value, {**body, "alignment": right}, fmt)
        row += 1
    bold = {"font": st.font(11, bold=True), "border": box}
    st.merge_put(sheet, row, 1, 3, "TỔNG CỘNG", {**bold, "alignment": st.align("center")})
    _numbers(sheet, row, items, document.totals, {**bold, "alignment": right})
    target_row, meeting_row = row + 1, row + 2
    italic = {"font": st.font(11, italic=True), "border": box}
    st.merge_put(
        sheet, target_row, 1, 3, "Kế hoạch năm (chỉ tiêu)", {**italic, "alignment": st.align()}
    )
    st.merge_put(
        sheet,
        meeting_row,
        1,
        3,
        f"Số xã đạt kế hoạch (trên {count} xã)",
        {**italic, "alignment": st.align(wrap=True)},
    )
    for offset, item in enumerate(items, start=len(FIXED_WIDTHS) + 1):
        target = document.targets.get(item.code)
        cell = st.put(sheet, target_row, offset, target, {**italic, "alignment": right})
        cell.number_format = st.DECIMAL_FORMAT
        met = document.meeting.get(item.code) if target is not None else None
        st.put(
            sheet, meeting_row, offset, met, {**italic, "alignment": right}
        ).number_format = st.INTEGER_FORMAT
    last = meeting_row + 1
    st.put(sheet, last, 1, _footnote(), {"font": st.font(10, italic=True), "alignment": st.align()})
    st.fit_row_heights(sheet, top + 1, top + 2)  # commune rows are one line each
    st.fit_row_heights(sheet, meeting_row, meeting_row)
    sheet.freeze_panes = sheet.cell(row=top + 3, column=len(FIXED_WIDTHS) + 1)
    sheet.sheet_view.showGridLines = False
    sheet.sheet_view.zoomScale = 90
    st.set_up_page(sheet, letter(len(widths)), last, f"{top}:{top + 2}", False)
    sheet.sheet_properties.pageSetUpPr.fitToPage = False  # many pages across, scaled
    sheet.page_setup.scale = SUMMARY_SCALE
    sheet.print_title_cols = f"A:{letter(len(FIXED_WIDTHS))}"


def _footnote() -> str:
    return (
        "Ghi chú: dòng Tổng cộng cộng số liệu của các xã; các tỷ lệ được tính lại từ tổng tử số "
        "và tổng mẫu số (không lấy trung bình các tỷ lệ)."
    )


def _numbers(sheet: Any, row: int, items: Any, values: Any, style: dict[str, Any]) -> None:
    for column, item in enumerate(items, start=len(FIXED_WIDTHS) + 1):
        value = values.get(item.code)
        cell = st.put(sheet, row, column, value, style)
        cell.number_format = st.number_format(value, isinstance(item, Indicator))


def _write_rows(sheet: Any, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    """Hidden `_rows`: the header, then one row per commune used, values as numbers."""
    sheet.sheet_state = "hidden"
    codes = catalogue.codes()
    sheet.append([*ROWS_HEADER, *codes])
    for commune in document.communes:
        head = [commune.code, commune.name, commune.period, commune.version, commune.file]
        sheet.append([*head, commune.status, *(commune.values.get(c) for c in codes)])
    for row in sheet.iter_rows(min_row=2, max_col=len(ROWS_HEADER)):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # names and files as text, never a formula
