"""What the consolidated workbook holds, as plain frozen dataclasses (built by the service)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from commune_desk.domain.consolidation import Issue
from commune_desk.domain.numbers import Number

ROWS_SHEET = "_rows"
ROWS_HEADER = ("commune_code", "commune_name", "period", "version", "file", "status")


@dataclass(frozen=True)
class ConsolidatedCommune:
    """One commune used in the consolidation, with every catalogue code's value."""

    code: str
    name: str
    period: str
    version: int | None
    file: str
    status: str  # "Đã nộp v2", "Bản nháp", "Điền theo mẫu"
    values: Mapping[str, Number | None]
    draft: bool = False  # counted only when the province asked for drafts; then marked
    narrative: Mapping[str, str] = field(default_factory=dict)  # part -> the commune's text
    issued: dt.date | None = None  # the day the report was issued (submitted), when known

    @property
    def shown_name(self) -> str:
        """The name as the tables show it: a draft says so wherever it counts."""
        return f"{self.name} (bản nháp)" if self.draft else self.name


@dataclass(frozen=True)
class GridCell:
    """One commune × period of the completeness grid."""

    status: str  # "Chưa nộp", "Bản nháp", "Đã nộp v2"
    file: str = ""
    generated: str = ""  # dd/mm/yyyy

    @property
    def missing(self) -> bool:
        return not self.file


@dataclass(frozen=True)
class GridRow:
    code: str
    name: str
    cells: tuple[GridCell, ...]  # one per period of the grid
    expected: bool = True  # False: found in the files but not in the province's list
    key: str = ""  # the signing key's fingerprint(s), or "Chưa ký"


@dataclass(frozen=True)
class Official:
    """The consolidated workbook as the province agency's document (Decree 30): who issues it,
    its number, place and date, who signs it and where it goes. Empty parts are left blank."""

    agency: tuple[str, str] = ("", "")  # ("UBND TỈNH THANH HÓA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    number_line: str = ""  # "Số:      /BC-SKHCN"
    date_line: str = ""  # "Thanh Hóa, ngày 05 tháng 12 năm 2026"
    signer_capacity: str = ""  # "KT. GIÁM ĐỐC"
    signer_title: str = ""  # "PHÓ GIÁM ĐỐC"
    signer_name: str = ""
    recipients: tuple[str, ...] = ()  # as printed: "- UBND tỉnh;" … "- Lưu: VT."


@dataclass(frozen=True)
class ConsolidationDocument:
    province: str  # "Thanh Hóa", or "" when the reports do not say
    period_key: str
    period_label: str  # "Quý III/2025"
    period_subject: str  # "Quý III năm 2025"
    generated: dt.date
    communes: tuple[ConsolidatedCommune, ...]
    totals: Mapping[str, Number | None]
    targets: Mapping[str, float]  # indicator code -> the year's target
    meeting: Mapping[str, int]  # indicator code -> communes reaching the target
    grid_periods: tuple[tuple[str, str], ...]  # (key, label) of the grid's columns
    grid: tuple[GridRow, ...]
    issues: tuple[Issue, ...]
    files_read: int
    main_indicators: tuple[str, ...]  # ranked in the chart sheet
    counted: Mapping[str, int] = field(default_factory=dict)  # code -> communes in its total
    expected_count: int = 0  # communes expected (the units list, else those used)
    drafts: int = 0  # drafts among the communes used
    official: Official = field(default_factory=Official)
    deadline: dt.date | None = None  # the reports were due by this day (inclusive)

    def missing(self) -> list[tuple[str, str]]:
        """(code, name) of every expected commune without a report of the period."""
        column = next(
            (i for i, (key, _label) in enumerate(self.grid_periods) if key == self.period_key), None
        )
        if column is None:
            return []
        return [
            (row.code, row.name) for row in self.grid if row.expected and row.cells[column].missing
        ]

    def unreported(self) -> list[tuple[str, str]]:
        """(code, name) of every expected commune with no report counted in the totals."""
        used = {commune.code for commune in self.communes}
        return [(row.code, row.name) for row in self.grid if row.expected and row.code not in used]

    def late(self) -> list[tuple[str, str, dt.date]]:
        """(code, name, day issued) of the reports used that were issued after the deadline."""
        if self.deadline is None:
            return []
        return [
            (c.code, c.name, c.issued)
            for c in self.communes
            if c.issued is not None and c.issued > self.deadline
        ]

    def deadline_lines(self) -> list[str]:
        """The sentences under the tables: who has not reported by the deadline, who was late
        (without a deadline: the expected communes with no usable report)."""
        if self.deadline is None:
            missing = self.missing()
            if not missing:
                return []
            names = "; ".join(f"{name} ({code})" for code, name in missing)
            listed = sum(1 for r in self.grid if r.expected)
            return [
                f"Các xã, phường chưa có báo cáo dùng được ({len(missing)}/{listed}; "
                f"xem Vấn đề): {names}."
            ]
        due = f"{self.deadline:%d/%m/%Y}"
        listed = sum(1 for r in self.grid if r.expected) or len(self.communes)
        unreported = self.unreported()
        if unreported:
            names = "; ".join(f"{name} ({code})" for code, name in unreported)
            lines = [
                f"Các xã, phường chưa báo cáo đến hạn {due} ({len(unreported)}/{listed}): {names}."
            ]
        else:
            lines = [f"Tất cả {listed} xã, phường đã báo cáo; hạn nộp {due}."]
        late = self.late()
        if late:
            names = "; ".join(f"{name} ({code}) ngày {day:%d/%m/%Y}" for code, name, day in late)
            lines.append(f"Các xã, phường báo cáo sau hạn {due} ({len(late)}): {names}.")
        return lines

    def coverage(self, code: str) -> str:
        """How many of the expected communes a total covers: "124/166 xã"."""
        return f"{self.counted.get(code, 0)}/{self.expected_count or len(self.communes)} xã"
