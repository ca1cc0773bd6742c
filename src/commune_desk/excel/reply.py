"""The province's reply to one commune report: a one-page letter and a hidden signed `_reply`.

The visible sheet is what the commune prints and files (Decree 30 heading, the decision and
its reason); the hidden `_reply` sheet follows the `_data` contract (key/value text, then
`sha256` and the province's `signature`), so the commune's program can check who wrote it.
A pure converter: a ReplyDocument in, the .xlsx out; a reply file in, its DataSheet out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commune_desk.domain import documents as doc
from commune_desk.excel import styles as st
from commune_desk.excel.atomic import file_sha256, write_atomically
from commune_desk.excel.data_sheet import DataSheet, add_data_sheet, read_data_sheet

REPLY_SHEET = "_reply"
REPLY_FORMAT = "commune-desk-reply/1"
ACCEPT, RETURN = "accept", "return"
DECISIONS = {ACCEPT: "TIẾP NHẬN", RETURN: "TRẢ LẠI"}
WIDTHS = (26, 62)


@dataclass(frozen=True)
class ReplyDocument:
    province: str
    commune_name: str
    period_label: str
    version: str
    report_file: str
    decision: str  # ACCEPT or RETURN
    reason: str
    date_line: str  # "Thanh Hóa, ngày 05 tháng 12 năm 2026"
    fingerprint: str  # of the province's key, for the commune to compare by eye
    data: tuple[tuple[str, str], ...]  # the `_reply` rows before the checksum
    signature: str  # of those rows, by the province's key


def write_reply(path: Path, reply: ReplyDocument) -> str:
    """Write the reply atomically; returns the file's hex SHA-256 (WorkbookWriteError)."""

    def save(temp: Path) -> str:
        _workbook(reply).save(temp)
        return file_sha256(temp)

    return write_atomically(Path(path), save)


def read_reply(path: Path) -> DataSheet:
    """The `_reply` sheet of a reply file (DataSheetError when it is not one)."""
    return read_data_sheet(Path(path), REPLY_SHEET)


def _workbook(reply: ReplyDocument) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    st.use_default_font(workbook)
    sheet = workbook.active
    sheet.title = "Phản hồi"
    for column, width in zip("AB", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    bold = {"font": st.font(13, bold=True), "alignment": st.align("center")}
    agency = doc.province_agency_lines(reply.province)
    st.put(sheet, 1, 1, agency[0], bold)
    st.put(sheet, 2, 1, agency[1], bold)
    st.put(sheet, 1, 2, doc.MOTTO_COUNTRY, bold)
    motto = {"font": st.font(14, bold=True, underline="single"), "alignment": st.align("center")}
    st.put(sheet, 2, 2, doc.MOTTO, motto)
    st.put(
        sheet,
        4,
        2,
        reply.date_line,
        {"font": st.font(italic=True), "alignment": st.align("center")},
    )
    title = {"font": st.font(14, bold=True), "alignment": st.align("center")}
    st.merge_put(sheet, 6, 1, 2, "PHIẾU PHẢN HỒI BÁO CÁO", title)
    subject = f"Báo cáo kết quả thực hiện phong trào {doc.MOVEMENT} {reply.period_label}"
    wrap = {"font": st.font(13), "alignment": st.align("center", wrap=True)}
    st.merge_put(sheet, 7, 1, 2, subject, wrap)
    sheet.row_dimensions[7].height = 36
    label = {"font": st.font(bold=True), "alignment": st.align("left", "top")}
    text = {"font": st.font(), "alignment": st.align("left", "top", wrap=True)}
    decision = DECISIONS[reply.decision]
    lines = (
        ("Kính gửi:", f"Ủy ban nhân dân {reply.commune_name}"),
        ("Báo cáo:", f"{reply.period_label}, phiên bản {reply.version} (tệp {reply.report_file})"),
        ("Kết quả:", decision),
        ("Lý do:", reply.reason or "—"),
        ("Khóa ký của tỉnh:", reply.fingerprint),
    )
    row = 9
    for name, value in lines:
        st.put(sheet, row, 1, name, label)
        st.put(
            sheet, row, 2, value, text | ({"font": st.font(bold=True)} if value == decision else {})
        )
        sheet.row_dimensions[row].height = 16 * st.lines_needed(value, WIDTHS[1])
        row += 1
    note = (
        "Phiếu này có chữ ký số của tỉnh trong tệp. Xã mở bằng Commune Desk (Báo cáo → «Nhận "
        "phản hồi của tỉnh…» hoặc lệnh commune-desk receive): trả lại thì kỳ báo cáo được mở "
        "khóa để sửa và nộp lại."
    )
    st.merge_put(
        sheet,
        row + 1,
        1,
        2,
        note,
        {"font": st.font(11, italic=True), "alignment": st.align("left", "top", wrap=True)},
    )
    sheet.row_dimensions[row + 1].height = 48
    st.set_up_page(sheet, "B", row + 1, None, False)
    sheet.page_setup.orientation = sheet.ORIENTATION_PORTRAIT
    add_data_sheet(workbook, reply.data, reply.signature, REPLY_SHEET)
    return workbook
