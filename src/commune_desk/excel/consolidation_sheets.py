"""The consolidated workbook's other sheets: completeness grid, problems and the ranking."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import ranking
from commune_desk.excel import styles as st
from commune_desk.excel.consolidation_document import ConsolidationDocument
from commune_desk.excel.text import clean_text, looks_like_formula

GRID_WIDTHS = (5.5, 9, 24)
PERIOD_WIDTHS = (14, 30, 12)  # status, file, date generated
ISSUE_WIDTHS = (5.5, 28, 24, 70, 9, 10)
ISSUE_HEADERS = ("STT", "Tệp", "Vấn đề", "Chi tiết", "Mã xã", "Kỳ")
RANK_WIDTHS = (8, 26, 12)
CM_PER_ROW = 0.53  # a 15-pt row


def stamp(sheet: Any, row: int, column: int, value: object, proto: Any) -> Any:
    """Write a cell styled like `proto` (a cell already styled with `st.put`).

    Copying the style array is far cheaper than setting font, border and alignment on each
    of the thousands of cells of a province's tables.
    """
    from copy import copy

    if isinstance(value, str) and (looks_like_formula(value) or clean_text(value) != value):
        cell = st.put(sheet, row, column, value, {})
        protected = cell.quotePrefix
        cell._style = copy(proto._style)
        if protected:
            cell.quotePrefix = True
        return cell
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    cell._style = copy(proto._style)
    return cell


class Stamper:
    """Writes rows of cells: the first row of each column styled, the others copying it."""

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        self._protos: dict[tuple[int, str], Any] = {}

    def put(
        self, row: int, column: int, value: object, style: dict[str, Any], fmt: str = ""
    ) -> Any:
        proto = self._protos.get((column, fmt))
        if proto is None:
            cell = st.put(self._sheet, row, column, value, style)
            if fmt:
                cell.number_format = fmt
            self._protos[(column, fmt)] = cell
            return cell
        return stamp(self._sheet, row, column, value, proto)


def letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def heading(
    sheet: Any, agency: tuple[str, str], span: int, title: str, subject: str, note: str
) -> None:
    """Rows 1-9 in the Decree 30 layout: agency and motto, then the title block."""
    bold13 = {"font": st.font(13, bold=True), "alignment": st.align("center")}
    left = 3  # STT, code and name: wide enough for the agency's name
    right = (left + 1, span)
    st.merge_put(sheet, 1, 1, left, agency[0], bold13)
    st.merge_put(sheet, 1, *right, doc.MOTTO_COUNTRY, bold13)
    st.merge_put(sheet, 2, 1, left, agency[1], bold13)
    motto = {"font": st.font(14, bold=True, underline="single"), "alignment": st.align("center")}
    st.merge_put(sheet, 2, *right, doc.MOTTO, motto)
    rule = {"font": st.font(10, bold=True), "alignment": st.align("center")}
    st.merge_put(sheet, 3, 1, left, "—" * 6, rule)
    sheet.row_dimensions[3].height = 10
    centre = st.align("center", wrap=True)
    st.merge_put(sheet, 6, 1, span, title, {"font": st.font(14, bold=True), "alignment": centre})
    st.merge_put(sheet, 7, 1, span, subject, {"font": st.font(13, bold=True), "alignment": centre})
    st.merge_put(sheet, 8, 1, span, note, {"font": st.font(12, italic=True), "alignment": centre})
    for row in (4, 5, 9, 10):
        sheet.row_dimensions[row].height = 8


def _widths(sheet: Any, widths: Sequence[float]) -> None:
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[letter(number)].width = width


def _finish(sheet: Any, widths: Sequence[float], last: int, title_rows: str) -> None:
    sheet.sheet_view.showGridLines = False
    st.set_up_page(sheet, letter(len(widths)), last, title_rows, False)


def _styles() -> tuple[dict[str, Any], dict[str, Any]]:
    box = st.thin_box()
    head = {"font": st.font(11, bold=True), "alignment": st.align("center", wrap=True)}
    return {**head, "border": box}, {"font": st.font(11), "border": box}


def write_grid_sheet(sheet: Any, document: ConsolidationDocument) -> None:
    """Every expected commune × every period found: missing, draft, submitted vN."""
    periods = document.grid_periods
    widths = (*GRID_WIDTHS, *(w for _ in periods for w in PERIOD_WIDTHS))
    _widths(sheet, widths)
    agency = ("ỦY BAN NHÂN DÂN", f"TỈNH {document.province.upper()}".strip())
    expected = sum(1 for r in document.grid if r.expected)
    submitted = sum(1 for r in document.grid if r.expected and any(not c.missing for c in r.cells))
    note = f"(Đã có báo cáo của {submitted}/{expected} xã, phường trong danh sách)"
    heading(sheet, agency, len(widths), "TÌNH TRẠNG NỘP BÁO CÁO", _subject(document), note)
    head, body = _styles()
    top = 11
    for column, title in enumerate(("STT", "Mã xã", "Tên xã"), start=1):
        st.put(sheet, top, column, title, head)
        st.put(sheet, top + 1, column, None, head)
        sheet.merge_cells(start_row=top, start_column=column, end_row=top + 1, end_column=column)
    for index, (_key, label) in enumerate(periods):
        first = len(GRID_WIDTHS) + 1 + index * len(PERIOD_WIDTHS)
        st.merge_put(sheet, top, first, first + 2, label, head)
        for offset, title in enumerate(("Tình trạng", "Tệp", "Ngày lập")):
            st.put(sheet, top + 1, first + offset, title, head)
    row = top + 2
    out = Stamper(sheet)
    centre = {**body, "alignment": st.align("center")}
    for index, grid_row in enumerate(document.grid, start=1):
        out.put(row, 1, index, centre)
        out.put(row, 2, grid_row.code, centre)
        name = grid_row.name if grid_row.expected else f"{grid_row.name} (ngoài danh sách)"
        out.put(row, 3, name, {**body, "alignment": st.align()})
        for p, cell in enumerate(grid_row.cells):
            first = len(GRID_WIDTHS) + 1 + p * len(PERIOD_WIDTHS)
            status = {**centre, "font": st.font(11, bold=cell.missing)}
            out.put(row, first, cell.status, status, "missing" if cell.missing else "")
            out.put(row, first + 1, cell.file or None, {**body, "alignment": st.align()})
            out.put(row, first + 2, cell.generated or None, centre)
        row += 1
    st.fit_row_heights(sheet, top, top + 1)
    sheet.freeze_panes = sheet.cell(row=top + 2, column=len(GRID_WIDTHS) + 1)
    _finish(sheet, widths, row - 1, f"{top}:{top + 1}")


def write_issues_sheet(sheet: Any, document: ConsolidationDocument) -> None:
    """Every file that could not be used (or was used with a reservation), and why."""
    _widths(sheet, ISSUE_WIDTHS)
    agency = ("ỦY BAN NHÂN DÂN", f"TỈNH {document.province.upper()}".strip())
    count = len(document.issues)
    note = f"(Đã đọc {document.files_read} tệp; {count} vấn đề)"
    heading(sheet, agency, len(ISSUE_WIDTHS), "DANH SÁCH VẤN ĐỀ", _subject(document), note)
    head, body = _styles()
    top = 11
    for column, title in enumerate(ISSUE_HEADERS, start=1):
        st.put(sheet, top, column, title, head)
    row = top + 1
    if not document.issues:
        st.merge_put(sheet, row, 1, len(ISSUE_WIDTHS), "Không có vấn đề nào.", body)
        row += 1
    wrap = st.align(wrap=True)
    for index, issue in enumerate(document.issues, start=1):
        cells = (index, issue.file, issue.label, issue.detail, issue.commune_code, issue.period)
        for column, value in enumerate(cells, start=1):
            align = st.align("center") if column in (1, 5, 6) else wrap
            st.put(sheet, row, column, value if value != "" else None, {**body, "alignment": align})
        row += 1
    st.fit_row_heights(sheet, top, row - 1)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    _finish(sheet, ISSUE_WIDTHS, row - 1, f"{top}:{top}")


def write_ranking_sheet(sheet: Any, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    """For each main indicator: the communes ranked, and a bar chart beside the table."""
    from openpyxl.chart import BarChart, Reference

    _widths(sheet, RANK_WIDTHS)
    head, body = _styles()
    centre, right = st.align("center"), st.align("right")
    row = 1
    out = Stamper(sheet)
    title = {"font": st.font(14, bold=True), "alignment": st.align()}
    st.put(sheet, row, 1, f"XẾP HẠNG CÁC XÃ — {document.period_label.upper()}", title)
    row += 2
    for code in document.main_indicators:
        item = catalogue.get(code)
        ranked = ranking([(c.name, c.values.get(code)) for c in document.communes])
        caption = {"font": st.font(12, bold=True), "alignment": st.align()}
        target = document.targets.get(code)
        suffix = f" (kế hoạch: {target:g})" if target is not None else ""
        st.put(sheet, row, 1, f"{item.label} ({item.unit}){suffix}", caption)
        header = row + 1
        for column, text in enumerate(("Hạng", "Xã, phường", "Giá trị"), start=1):
            st.put(sheet, header, column, text, head)
        for offset, (rank, name, value) in enumerate(ranked, start=1):
            out.put(header + offset, 1, rank, {**body, "alignment": centre})
            out.put(header + offset, 2, name, {**body, "alignment": st.align()})
            out.put(header + offset, 3, value, {**body, "alignment": right}, st.DECIMAL_FORMAT)
        if ranked:
            chart = BarChart()
            chart.type = "bar"
            chart.style = 2
            chart.legend = None
            chart.title = None
            chart.y_axis.title = item.unit
            chart.x_axis.scaling.orientation = "maxMin"  # the first rank on top
            chart.x_axis.delete = False
            chart.y_axis.delete = False
            chart.y_axis.scaling.min = 0
            chart.x_axis.tickLblSkip = 1  # every commune named
            data = Reference(sheet, min_col=3, min_row=header, max_row=header + len(ranked))
            names = Reference(sheet, min_col=2, min_row=header + 1, max_row=header + len(ranked))
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(names)
            chart.height = max(6.0, (len(ranked) + 1) * CM_PER_ROW)
            chart.width = 13
            sheet.add_chart(chart, f"E{header}")
        blank = max(len(ranked) + 1, 12)
        row = header + blank + 2
    widths = (*RANK_WIDTHS, 2, *(9 for _ in range(8)))
    _finish(sheet, widths, max(row - 1, 1), None)
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT


def _subject(document: ConsolidationDocument) -> str:
    return f"Phong trào {doc.MOVEMENT} {document.period_subject}"
