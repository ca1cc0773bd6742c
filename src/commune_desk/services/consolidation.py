"""Province consolidation: many commune reports in, one consolidated workbook and its problems.

Works on files only (no database): read every report, keep the period asked for (or the most
common one), one file per commune (the highest version), sum the figures, recompute the
indicators, and write the workbook. A bad file is listed, never fatal.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from commune_desk.domain import consolidation as calc
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import Issue, IssueKind
from commune_desk.domain.periods import Period, PeriodError
from commune_desk.domain.signing import fingerprint
from commune_desk.excel.atomic import WorkbookWriteError
from commune_desk.excel.consolidation_document import (
    ConsolidatedCommune,
    ConsolidationDocument,
    GridCell,
    GridRow,
)
from commune_desk.excel.consolidation_reader import (
    CommuneReport,
    ReportReader,
    TemplateMap,
    load_template_map,
)
from commune_desk.excel.consolidation_writer import write_consolidation
from commune_desk.excel.template import TemplateError
from commune_desk.services.consolidation_checks import (
    ConsolidationError,
    Screen,
    Units,
    changed_keys,
    is_commune_report,
    own_input,
    read_units_list,
    refuse_own_input,
    resolved,
)
from commune_desk.services.province_document import DocumentSettings, official

Progress = Callable[[int, int], None]
MAIN_INDICATORS = 4  # ranked in the chart sheet: the first indicators with a target


@dataclass(frozen=True)
class ConsolidationResult:
    files: int
    communes: int
    problems: tuple[Issue, ...]
    out: Path
    period: str
    deadline: dt.date | None = None  # the deadline the workbook was checked against

    @property
    def summary(self) -> str:
        return (
            f"Đã đọc {self.files} tệp, tổng hợp {self.communes} xã, "
            f"{len(self.problems)} vấn đề: {self.out}"
        )


class ConsolidationService:
    def __init__(self, catalogue: Catalogue, today: Callable[[], dt.date] = dt.date.today):
        self._catalogue = catalogue
        self._today = today

    def consolidate(
        self,
        paths: Sequence[Path],
        out: Path,
        period: str | None = None,
        units: Path | None = None,
        template: Path | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        include_drafts: bool = False,
        document: DocumentSettings | None = None,
        dated: dt.date | None = None,
        deadline: dt.date | None = None,
        deadlines: Mapping[str, dt.date] | None = None,
        reports: Sequence[CommuneReport | Issue] = (),
    ) -> ConsolidationResult:
        """Read, consolidate and write `out`; ConsolidationError when nothing is usable.

        Drafts are left out of the totals (listed) unless `include_drafts`; then marked.
        `dated` is the document's date (default today). The communes that have not reported
        by `deadline` (else the remembered `deadlines` of the period chosen) are listed, and
        those that reported after it with the day they did. `reports` are reports read
        already (a database's, never written as files), consolidated with the files'.
        """
        out = Path(out)
        refuse_own_input(out, paths, template)
        asked = Period.parse_text(period).key if period else None
        unit_list = read_units_list(units) if units else Units({}, {})
        expected = unit_list.names if units else None
        layout = _template(template) if template else None
        files, issues = find_files(paths)
        if resolved(out) in files:  # found in a folder named: an earlier result is skipped
            if is_commune_report(out):
                raise ConsolidationError(own_input(out, out))
            files.remove(resolved(out))
        read = self._read_all(files, layout, issues, progress, cancelled)
        issues.extend(found for found in reports if isinstance(found, Issue))
        read += [found for found in reports if isinstance(found, CommuneReport)]
        count = len(files) + len(reports)  # the reports given count as files read
        chosen = asked or calc.most_common_period(r.period for r in read) or ""
        if not chosen:
            raise ConsolidationError(_nothing(count, issues))
        chosen_period = Period.parse(chosen)
        screen = Screen(self._catalogue, chosen_period, include_drafts, unit_list)
        by_commune = _assign(read, chosen, expected, issues, screen)
        used = [by_commune[c] for c in sorted(by_commune)]
        if not used:
            raise ConsolidationError(_nothing(count, issues))
        for report in used:
            for note in report.notes:
                issues.append(_issue(report, IssueKind.UNREAD_VALUE, f"{report.file}: {note}."))
        issues.extend(screen.flags)
        issues.extend(changed_keys(read, used, unit_list.keys))
        due = deadline or (deadlines or {}).get(chosen_period.key)
        content = self._document(chosen_period, used, read, expected, issues, count, unit_list.keys)
        content = replace(content, deadline=due)
        if document is not None:
            letter = official(document, content.province, dated or self._today())
            content = replace(content, official=letter)
        try:
            write_consolidation(out, content, self._catalogue)
        except WorkbookWriteError as exc:
            raise ConsolidationError(str(exc)) from exc
        return ConsolidationResult(count, len(used), tuple(issues), out, chosen, due)

    def _read_all(
        self,
        files: list[Path],
        layout: TemplateMap | None,
        issues: list[Issue],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> list[CommuneReport]:
        read = ReportReader(self._catalogue, layout).read_many(files)
        reports = []
        for done in range(len(files)):
            if progress is not None:
                progress(done, len(files))
            if cancelled is not None and cancelled():
                raise ConsolidationError("Đã hủy tổng hợp; chưa ghi tệp nào.")
            found = next(read)
            if isinstance(found, Issue):
                issues.append(found)
            else:
                reports.append(found)
        if progress is not None:
            progress(len(files), len(files))
        return reports

    def _document(
        self,
        period: Period,
        used: list[CommuneReport],
        reports: list[CommuneReport],
        expected: dict[str, str] | None,
        issues: list[Issue],
        files_read: int,
        keys: dict[str, str],
    ) -> ConsolidationDocument:
        catalogue = self._catalogue
        values = [r.values for r in used]
        targets = calc.indicator_targets(catalogue, period.year)
        provinces = Counter(r.province for r in used if r.province)
        totals = calc.consolidate_totals(catalogue, values)
        return ConsolidationDocument(
            province=provinces.most_common(1)[0][0] if provinces else "",
            period_key=period.key,
            period_label=period.label(),
            period_subject=period.subject_label(),
            generated=self._today(),
            communes=tuple(_consolidated(r) for r in used),
            totals=totals.values,
            counted=totals.counted,
            expected_count=len(expected) if expected else len(used),
            drafts=sum(1 for r in used if r.draft),
            targets=targets,
            meeting=calc.communes_meeting(values, targets),
            grid_periods=_grid_periods(reports, period.key),
            grid=_grid(reports, used, expected, _grid_periods(reports, period.key), keys),
            issues=tuple(issues),
            files_read=files_read,
            main_indicators=tuple(list(targets)[:MAIN_INDICATORS]),
        )


def find_files(
    paths: Iterable[Path], exclude: Path | None = None
) -> tuple[list[Path], list[Issue]]:
    """The files named and the .xlsx files under the folders named (recursively), sorted."""
    skip = Path(exclude).resolve() if exclude else None
    files: list[Path] = []
    issues: list[Issue] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.suffix.lower() == ".xlsx"
                and p.is_file()
                and not p.name.startswith(("~$", "."))
            ]
            files.extend(sorted(found))
        elif path.is_file():
            files.append(path)
        else:
            detail = f"{path}: không tìm thấy tệp hoặc thư mục."
            issues.append(Issue(path.name, IssueKind.MISSING_FILE, detail))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return [p for p in unique if p != skip], issues


def _template(path: Path) -> TemplateMap:
    try:
        return load_template_map(Path(path))
    except TemplateError as exc:
        raise ConsolidationError(str(exc)) from exc


def _issue(report: CommuneReport, kind: IssueKind, detail: str) -> Issue:
    return Issue(report.file, kind, detail, report.commune_code, report.period)


def _assign(
    reports: list[CommuneReport],
    chosen: str,
    expected: dict[str, str] | None,
    issues: list[Issue],
    screen: Screen | None = None,
) -> dict[str, CommuneReport]:
    """The report used for each commune of the period; the others listed as issues."""
    names = {name.casefold(): code for code, name in (expected or {}).items()}
    by_commune: dict[str, list[CommuneReport]] = {}
    for report in reports:
        if not report.commune_code and report.commune_name.casefold() in names:
            code = names[report.commune_name.casefold()]
            report = _with(report, commune_code=code)
        if report.period and report.period != chosen:
            detail = (
                f"{report.file}: báo cáo kỳ {_label(report.period)}, "
                f"không phải kỳ {_label(chosen)}."
            )
            issues.append(_issue(report, IssueKind.OTHER_PERIOD, detail))
            continue
        if expected is not None and report.commune_code not in expected:
            who = f"{report.commune_name} ({report.commune_code or 'không có mã'})"
            detail = f"{report.file}: {who} không có trong danh sách xã của tỉnh."
            issues.append(_issue(report, IssueKind.UNKNOWN_COMMUNE, detail))
            continue
        refused = screen.issue(report) if screen is not None else None
        if refused is not None:
            issues.append(refused)
            continue
        by_commune.setdefault(report.commune_code, []).append(_with(report, period=chosen))
    used: dict[str, CommuneReport] = {}
    for code, copies in by_commune.items():
        copies.sort(key=lambda r: r.rank, reverse=True)
        used[code] = copies[0]
        for other in copies[1:]:
            issues.append(_duplicate(other, copies[0]))
    return used


def _duplicate(other: CommuneReport, best: CommuneReport) -> Issue:
    """Why `other` is not used: an earlier submission (stale), or another copy."""
    if other.uid and best.uid and other.uid != best.uid and not other.draft:
        detail = (
            f"{other.file}: bản nộp cũ của {other.commune_name} ({_issued(other)}); "
            f"xã đã nộp bản mới hơn {best.file} ({_issued(best)}) nên tệp này không được dùng."
        )
        return _issue(other, IssueKind.STALE, detail)
    same = " — cùng một lần nộp" if other.uid and other.uid == best.uid else ""
    detail = (
        f"{other.file}: {other.commune_name} đã có tệp {best.file} "
        f"({_status(best)}){same}; tệp này ({_status(other)}) không được dùng."
    )
    return _issue(other, IssueKind.DUPLICATE, detail)


def _issued(report: CommuneReport) -> str:
    version = f"phiên bản {report.version}" if report.version else "không rõ phiên bản"
    if not report.issued_at:
        return version
    when = dt.datetime.fromisoformat(report.issued_at)
    return f"{version}, nộp lúc {when:%H:%M} ngày {when:%d/%m/%Y}"


def _with(report: CommuneReport, **changes: str) -> CommuneReport:
    return replace(report, **changes)


def _label(key: str) -> str:
    try:
        return Period.parse(key).label()
    except PeriodError:
        return key


def _status(report: CommuneReport) -> str:
    if report.source == "template":
        return "điền theo mẫu" + (f" v{report.version}" if report.version else "")
    if report.draft:
        return "bản nháp"
    return f"đã nộp v{report.version}" if report.version else "đã nộp"


def _consolidated(report: CommuneReport) -> ConsolidatedCommune:
    status = _status(report)
    return ConsolidatedCommune(
        code=report.commune_code,
        name=report.commune_name,
        period=report.period,
        version=report.version,
        file=report.file,
        status=status[:1].upper() + status[1:],
        values=report.values,
        draft=report.draft,
        narrative=dict(report.narrative),
        issued=_issued_day(report),
    )


def _issued_day(report: CommuneReport) -> dt.date | None:
    """The day a report was issued: its submission moment, else the day it was made."""
    try:
        if report.issued_at:
            return dt.datetime.fromisoformat(report.issued_at).date()
        if report.generated:
            return dt.datetime.strptime(report.generated, "%d/%m/%Y").date()
    except ValueError:
        return None
    return None


def _grid_periods(reports: list[CommuneReport], chosen: str) -> tuple[tuple[str, str], ...]:
    keys = sorted({chosen, *(r.period for r in reports if r.period)})
    return tuple((key, _label(key)) for key in keys)


def _grid(
    reports: list[CommuneReport],
    used: list[CommuneReport],
    expected: dict[str, str] | None,
    periods: tuple[tuple[str, str], ...],
    keys: dict[str, str] | None = None,
) -> tuple[GridRow, ...]:
    """Every expected commune (and any other found) × every period: its best file."""
    best: dict[tuple[str, str], CommuneReport] = {}
    names: dict[str, str] = {}
    for report in [*reports, *used]:
        key = (report.commune_code, report.period)
        names.setdefault(report.commune_code, report.commune_name)
        if key not in best or report.rank > best[key].rank:
            best[key] = report
    for report in used:  # the file actually used wins its cell
        best[(report.commune_code, report.period)] = report
    rows = []
    codes = list(expected or {}) + sorted(c for c in names if c not in (expected or {}))
    for code in codes:
        cells = []
        for key, _label_text in periods:
            report = best.get((code, key))
            if report is None:
                cells.append(GridCell("Chưa nộp"))
            else:
                status = _status(report)
                cells.append(
                    GridCell(status[:1].upper() + status[1:], report.file, report.generated)
                )
        in_list = expected is None or code in expected
        name = (expected or {}).get(code) or names.get(code, "")
        rows.append(GridRow(code, name, tuple(cells), in_list, _key_text(code, best, keys or {})))
    return tuple(rows)


def _key_text(code: str, best: dict[tuple[str, str], CommuneReport], known: dict[str, str]) -> str:
    """The Khóa ký cell: the fingerprint of the commune's signing key, and whether it is known."""
    if code in known:
        return fingerprint(known[code])
    signed = {r.public_key for (c, _p), r in best.items() if c == code and r.public_key}
    if not signed:
        return "Chưa ký" if any(c == code for c, _p in best) else ""
    prints = "; ".join(sorted(fingerprint(key) for key in signed))
    return f"{prints} (chưa có trong danh sách)"


def _nothing(files: int, issues: list[Issue]) -> str:
    lines = [f"Không tìm thấy báo cáo xã nào dùng được trong {files} tệp; chưa ghi tệp kết quả."]
    lines += [f"- {issue.detail}" for issue in issues[:20]]
    return "\n".join(lines)
