"""What a commune report workbook holds, as plain frozen dataclasses (built by the services).

The writers in `excel.report` and `excel.template` turn a ReportDocument into a workbook; they
know the layout, not where the figures come from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

Cell = str | int | float | dt.date | None

# The report table's column headers and their lettered/numbered row (forms.md).
REPORT_HEADERS = (
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch năm",
    "Thực hiện kỳ báo cáo",
    "Kỳ trước",
    "Lũy kế từ đầu năm",
    "Cùng kỳ năm trước",
    "Tỷ lệ % so với KH",
    "Ghi chú",
)
REPORT_COLUMN_MARKS = ("A", "B", "C", "1", "2", "3", "4", "5", "6 = 4/1 × 100", "D")
DRAFT_MARK = "BẢN NHÁP"


@dataclass(frozen=True)
class ReportRow:
    """One row of the report table: a section heading, or a figure or indicator."""

    stt: str
    label: str
    unit: str = ""
    target: float | None = None
    value: float | None = None
    previous: float | None = None  # the period just before (the previous quarter, month…)
    ytd: float | None = None
    last_year: float | None = None
    pct: float | None = None  # ytd / target × 100, exact (the cell format shows one decimal)
    note: str = ""
    is_section: bool = False
    is_indicator: bool = False
    is_detail: bool = False  # a "trong đó" line under its parent figure
    code: str = ""  # the catalogue code ("" for a section heading)


@dataclass(frozen=True)
class Signature:
    capacity: str  # "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH"
    title: str  # "CHỦ TỊCH" or "PHÓ CHỦ TỊCH"
    name: str


class RowKind(StrEnum):
    DATA = "data"
    GROUP = "group"  # a caption across the table (a course above its participants)
    TOTAL = "total"  # a bold sum line


@dataclass(frozen=True)
class AppendixRow:
    cells: tuple[Cell, ...]  # one per header; a GROUP row uses only the first
    kind: RowKind = RowKind.DATA
    decimals: bool = False  # numbers shown with one decimal (indicators)


@dataclass(frozen=True)
class AppendixTable:
    caption: str  # printed bold above the table; "" for none
    headers: tuple[str, ...]
    rows: tuple[AppendixRow, ...]
    empty_text: str = "Không có số liệu trong kỳ báo cáo."
    header_when_empty: bool = True  # False: an empty table is one line of text, no header


@dataclass(frozen=True)
class Appendix:
    sheet_name: str  # "Biểu 01"
    title: str  # printed centred, bold
    subtitle: str  # the period and its data window
    widths: tuple[float, ...]  # column widths in characters; also the number of columns
    tables: tuple[AppendixTable, ...]


def report_title(draft: bool, version: int | None) -> str:
    if draft or version is None:
        return f"BÁO CÁO ({DRAFT_MARK})" if draft else "BÁO CÁO"
    return f"BÁO CÁO (PHIÊN BẢN {version})"


@dataclass(frozen=True)
class ReportDocument:
    agency: tuple[str, str]  # ("ỦY BAN NHÂN DÂN", "XÃ THIỆU TRUNG")
    form_code: str  # "Biểu số 01/BDHVS-X"
    number_line: str  # "Số: 05/BC-UBND"
    date_line: str  # "Thiệu Trung, ngày 05 tháng 10 năm 2025"
    subject: str  # 'Kết quả thực hiện phong trào "Bình dân học vụ số" Quý III năm 2025'
    window_line: str  # "(Số liệu từ ngày 1/7/2025 đến ngày 30/9/2025)"
    rows: tuple[ReportRow, ...]
    signature: Signature
    preparer: str
    recipients: tuple[str, ...]  # as printed: "- UBND tỉnh Thanh Hóa;" … "- Lưu: VT."
    draft: bool
    appendices: tuple[Appendix, ...]
    data: tuple[tuple[str, str], ...]  # the `_data` rows before the checksum
    fields: tuple[tuple[str, str], ...] = ()  # template placeholders other than codes
    data_signature: str = ""  # base64 Ed25519 signature of the `data` rows (data_sheet)
    narrative: tuple[tuple[str, str], ...] = ()  # (heading, text) after the table
    sheet_name: str = "Báo cáo"
    version: int | None = None  # the submission's version (None for a draft)

    @property
    def shown_title(self) -> str:
        """The title in the workbook, on screen and on paper: a submitted report names its
        version, a draft says it is one."""
        return report_title(self.draft, self.version)
