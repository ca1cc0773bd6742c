"""An appendix sheet of the report ("Biểu 01" …): a title, then one or more boxed tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from commune_desk.excel import styles as st
from commune_desk.excel.report_document import Appendix, AppendixTable, ReportDocument, RowKind


def write_appendix(sheet: Any, appendix: Appendix, report: ReportDocument) -> None:
    from openpyxl.utils import get_column_letter

    width = len(appendix.widths)
    for number, chars in enumerate(appendix.widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = chars
    agency = f"{report.agency[0]} {report.agency[1]}"
    st.merge_put(
        sheet,
        1,
        1,
        max(width // 2, 1),
        agency,
        {"font": st.font(12, bold=True), "alignment": st.align()},
    )
    st.merge_put(
        sheet,
        1,
        max(width // 2, 1) + 1,
        width,
        appendix.sheet_name,
        {"font": st.font(12, bold=True, italic=True), "alignment": st.align("right")},
    )
    centre = st.align("center", wrap=True)
    st.merge_put(
        sheet, 3, 1, width, appendix.title, {"font": st.font(13, bold=True), "alignment": centre}
    )
    st.merge_put(
        sheet,
        4,
        1,
        width,
        appendix.subtitle,
        {"font": st.font(12, italic=True), "alignment": centre},
    )
    row = 6
    header_rows = []
    for table in appendix.tables:
        header_rows.append(row + (1 if table.caption else 0))
        row = _write_table(sheet, table, row, width) + 1
    st.fit_row_heights(sheet, 3, row)
    sheet.sheet_view.showGridLines = False
    # A sheet repeats one header: the last table's (the long list of people). Spreadsheet
    # programs repeat it from the page where it first appears, so no page of an earlier
    # table carries it.
    titles = f"{header_rows[-1]}:{header_rows[-1]}"
    st.set_up_page(sheet, get_column_letter(width), max(row - 2, 4), titles, report.draft)


def _write_table(sheet: Any, table: AppendixTable, row: int, width: int) -> int:
    """Write the table from `row`; returns the row after it."""
    box = st.thin_box()
    if table.caption:
        st.merge_put(
            sheet,
            row,
            1,
            width,
            table.caption,
            {"font": st.font(12, bold=True), "alignment": st.align()},
        )
        row += 1
    if not table.rows and not table.header_when_empty:
        style = {"font": st.font(12, italic=True), "alignment": st.align()}
        st.merge_put(sheet, row, 1, width, table.empty_text, style)
        return row + 1
    head = {
        "font": st.font(12, bold=True),
        "alignment": st.align("center", wrap=True),
        "border": box,
    }
    for column, header in enumerate(table.headers, start=1):
        st.put(sheet, row, column, header, head)
    columns = len(table.headers)
    row += 1
    if not table.rows:
        st.merge_put(
            sheet,
            row,
            1,
            columns,
            table.empty_text,
            {"font": st.font(12, italic=True), "alignment": st.align("center"), "border": box},
        )
        return row + 1
    for item in table.rows:
        if item.kind is RowKind.GROUP:
            st.merge_put(
                sheet,
                row,
                1,
                columns,
                item.cells[0],
                {"font": st.font(12, bold=True), "alignment": st.align(wrap=True), "border": box},
            )
            row += 1
            continue
        text = st.font(12, bold=item.kind is RowKind.TOTAL)
        for column, value in enumerate(item.cells, start=1):
            cell = st.put(
                sheet, row, column, value, {"font": text, "border": box, **_align(column, value)}
            )
            if isinstance(value, int | float) and not isinstance(value, bool):
                # The STT column keeps whole numbers; indicators show one decimal.
                cell.number_format = st.number_format(value, item.decimals and column > 1)
        row += 1
    return row


def _align(column: int, value: object) -> dict[str, Any]:
    if column == 1:
        return {"alignment": st.align("center")}
    if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
        if isinstance(value, dt.date):
            return {"alignment": st.align("center")}
        return {"alignment": st.align("right", indent=1)}
    return {"alignment": st.align(wrap=True)}
