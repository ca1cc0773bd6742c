"""The checks of a consolidation that decide whether a report may be summed (drafts, the
signing key and the commune's name against the units list, figure types, rules), the units
list itself, and the refusal to write over an input.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from commune_desk.domain import consolidation as calc
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import Issue, IssueKind
from commune_desk.domain.periods import Period
from commune_desk.domain.signing import PublicKeyError, fingerprint, normalise_public_key
from commune_desk.domain.validation import check_rules
from commune_desk.excel.consolidation_reader import CommuneReport
from commune_desk.excel.tables import TableError, read_table
from commune_desk.services.errors import ServiceError


class ConsolidationError(ServiceError):
    """Nothing usable was found, an input list is refused, or the output cannot be written."""


@dataclass(frozen=True)
class Units:
    """The province's list of expected communes: code -> name, and code -> public key."""

    names: dict[str, str]
    keys: dict[str, str]


class Screen:
    """Whether a report of the chosen period may be summed: drafts, signature and name,
    figure types, rules."""

    def __init__(
        self,
        catalogue: Catalogue,
        period: Period,
        include_drafts: bool,
        units: Units | None = None,
    ) -> None:
        self.catalogue, self.period, self.include_drafts = catalogue, period, include_drafts
        self.units = units or Units({}, {})
        self.flags: list[Issue] = []  # reports summed with a reservation

    def issue(self, report: CommuneReport) -> Issue | None:
        """Why the report is not summed, or None when it may be."""
        if report.draft and not self.include_drafts:
            detail = (
                f"{report.file}: bản nháp của {report.commune_name}, không tính vào số liệu "
                "chính thức (chọn «gồm cả bản nháp» để tính)."
            )
            return issue_of(report, IssueKind.DRAFT, detail)
        trust = self._trust(report)
        if trust is not None:
            return trust
        wrong = calc.figure_problems(self.catalogue, report.values)
        if wrong:
            listed = "; ".join(wrong[:5])
            detail = f"{report.file}: {listed}; báo cáo không được tổng hợp."
            return issue_of(report, IssueKind.FIGURES, detail)
        broken = check_rules(self.catalogue, self.period, report.values)
        if broken:
            listed = " ".join(problem.message for problem in broken[:5])
            detail = f"{report.file}: {listed} Báo cáo không được tổng hợp."
            return issue_of(report, IssueKind.VALIDATION, detail)
        return None

    def _trust(self, report: CommuneReport) -> Issue | None:
        """A report the province cannot take as its commune's: key or name not the list's."""
        code = report.commune_code
        known = self.units.keys.get(code, "")
        listed = self.units.names.get(code, "")
        who = f"{listed or report.commune_name} ({code})"
        if known and not report.public_key:
            detail = (
                f"{report.file}: chữ ký không hợp lệ: báo cáo không có chữ ký, trong khi danh "
                f"sách xã có khóa ký của {who}."
            )
            return issue_of(report, IssueKind.SIGNATURE, detail)
        if known and report.public_key != known:
            detail = (
                f"{report.file}: khóa ký không khớp với xã {who} trong danh sách "
                f"(khóa của tệp {fingerprint(report.public_key)}, "
                f"khóa của xã {fingerprint(known)})."
            )
            return issue_of(report, IssueKind.KEY_MISMATCH, detail)
        if listed and report.commune_name and not same_name(report.commune_name, listed):
            said = f"{report.file}: báo cáo ghi tên «{report.commune_name}» cho mã {code}, danh "
            if known:  # signed by the commune's own key: its name is only spelled otherwise
                self.flags.append(
                    issue_of(report, IssueKind.NAME_DIFFERS, said + f"sách xã ghi «{listed}».")
                )
                return None
            detail = said + f"sách xã ghi «{listed}»; không tổng hợp."
            return issue_of(report, IssueKind.NAME_MISMATCH, detail)
        return None


def same_name(a: str, b: str) -> bool:
    """Whether two spellings name one commune ("Xã Thiệu Trung" and "thiệu  trung")."""
    return _name_key(a) == _name_key(b)


def _name_key(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    for prefix in ("xã ", "phường ", "thị trấn ", "đặc khu "):
        text = text.removeprefix(prefix)
    return text


def changed_keys(
    reports: list[CommuneReport], used: list[CommuneReport], known: dict[str, str]
) -> list[Issue]:
    """A flag for each commune (the province not knowing its key) signing with several keys."""
    keys: dict[str, dict[str, str]] = {}
    for report in reports:
        if report.public_key:
            keys.setdefault(report.commune_code, {}).setdefault(report.public_key, report.file)
    issues = []
    for report in used:
        found = keys.get(report.commune_code, {})
        if len(found) > 1 and report.commune_code not in known:
            listed = ", ".join(f"{fingerprint(k)} ({f})" for k, f in found.items())
            detail = (
                f"{report.file}: xã {report.commune_name} ký bằng {len(found)} khóa khác nhau "
                f"giữa các kỳ: {listed}. Hãy hỏi xã trước khi tin báo cáo này."
            )
            issues.append(issue_of(report, IssueKind.KEY_CHANGED, detail))
    return issues


def refuse_own_input(out: Path, inputs: Iterable[Path], template: Path | None = None) -> None:
    """ConsolidationError when `out` is one of the inputs, lies inside none, or is the template.

    Writing over an input would destroy a commune's report (or the province's form).
    """
    target = resolved(out)
    for path in [*inputs, *([template] if template else [])]:
        if resolved(Path(path)) == target:
            is_template = template is not None and path == template
            raise ConsolidationError(own_input(out, Path(path), is_template))


def own_input(out: Path, path: Path, template: bool = False) -> str:
    what = "mẫu biểu" if template else "tệp đầu vào"
    return (
        f"{Path(out).name}: tệp kết quả trùng với {what} {path}; "
        "chọn tên tệp khác (tệp đầu vào không bị ghi đè)."
    )


def is_commune_report(path: Path) -> bool:
    """Whether a file is a commune's report (it has a `_data` sheet), not an earlier result."""
    from commune_desk.excel.data_sheet import DataSheetError, read_data_sheet

    try:
        read_data_sheet(path)
    except DataSheetError:
        return False
    return True


def resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()


def read_units(path: Path) -> dict[str, str]:
    """The province's expected communes (code -> name) from a .csv or .xlsx `code,name` list."""
    return read_units_list(path).names


def read_units_list(path: Path) -> Units:
    """The units list: `code,name` and an optional `public_key` column (`key show` lines)."""
    try:
        table = read_table(Path(path))
    except TableError as exc:
        raise ConsolidationError(f"Danh sách xã {exc}") from exc
    headers = {h.strip().lower(): h for h in table.headers}
    if "code" not in headers or "name" not in headers:
        raise ConsolidationError(f"Danh sách xã {table.file}: cần hai cột «code» và «name».")
    units: dict[str, str] = {}
    keys: dict[str, str] = {}
    for number, row in table.rows:
        code = _code(row.get(headers["code"]))
        if not code:
            raise ConsolidationError(f"Danh sách xã {table.file}, dòng {number}: thiếu mã xã.")
        units[code] = str(row.get(headers["name"]) or "").strip()
        key = str(row.get(headers["public_key"]) or "").strip() if "public_key" in headers else ""
        if key:
            try:
                keys[code] = normalise_public_key(key)
            except PublicKeyError as exc:
                raise ConsolidationError(
                    f"Danh sách xã {table.file}, dòng {number}, cột public_key: {exc}"
                ) from exc
    if not units:
        raise ConsolidationError(f"Danh sách xã {table.file}: không có xã nào.")
    return Units(units, keys)


def _code(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        return str(cell).zfill(5)  # a spreadsheet drops the leading zeros of 00001
    return str(cell or "").strip()


def issue_of(report: CommuneReport, kind: IssueKind, detail: str) -> Issue:
    return Issue(report.file, kind, detail, report.commune_code, report.period)
