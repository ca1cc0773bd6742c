"""The period's official report: preview, draft, submission (which locks the period), unlock.

A submission runs in one write transaction: the figures are read and validated, the workbook
is written, then the Submission, the PeriodLock and the audit entry are recorded. If writing
fails nothing is recorded; if recording fails the file is put back as it was, so there is
never a submission without its file, nor a file that claims a version never recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commune_desk.data.models import PeriodLock, Submission
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import commune as commune_repo
from commune_desk.data.repositories import replies as replies_repo
from commune_desk.data.repositories import submissions as repo
from commune_desk.domain.periods import DateWindow, Mode, Period
from commune_desk.domain.validation import Problem
from commune_desk.excel.atomic import WorkbookWriteError, previous_version_kept
from commune_desk.excel.report import write_report
from commune_desk.excel.report_document import ReportDocument, ReportRow
from commune_desk.excel.template import TemplateError, fill_template
from commune_desk.services import audit, snapshots
from commune_desk.services.commune import commune_profile, require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import PeriodLocked, ServiceError, SubmissionRefused
from commune_desk.services.indicators import compute_in
from commune_desk.services.locks import LockInfo, active_locks, lock_covering
from commune_desk.services.permissions import Action, require
from commune_desk.services.report_builder import Identity, build_document
from commune_desk.services.retry import retried
from commune_desk.services.signing import ensure_own_key
from commune_desk.services.values import month_problems

Progress = Callable[[int, int], None]  # (steps done, steps in all); may raise to cancel
_STEPS = 3  # read and check, build, write (recording follows, without a report)


class ReportState(StrEnum):
    EMPTY = "empty"  # chưa có số liệu
    ENTERING = "entering"  # đang nhập
    SUBMITTED = "submitted"  # đã nộp vN (the period is locked)
    UNLOCKED = "unlocked"  # đã mở khóa (submitted before, open again)


@dataclass(frozen=True)
class ReportStatus:
    period: Period
    state: ReportState
    version: int | None = None  # the latest submitted version
    submitted_at: dt.datetime | None = None
    submitted_by: str = ""
    unlocked_at: dt.datetime | None = None
    unlocked_by: str = ""
    unlock_reason: str = ""
    covered_by: LockInfo | None = None  # another submitted period that holds these months
    province_decision: str = ""  # the province's reply to the latest version: accept, return
    province_reason: str = ""

    @property
    def locked(self) -> bool:
        return self.state is ReportState.SUBMITTED

    @property
    def province_text(self) -> str:
        """ "tỉnh đã tiếp nhận", "tỉnh trả lại: <lý do>", or "" without a reply."""
        if self.province_decision == "accept":
            return "tỉnh đã tiếp nhận"
        if self.province_decision == "return":
            return f"tỉnh trả lại: {self.province_reason}"
        return ""

    def label(self) -> str:
        """Short Vietnamese status: "chưa có số liệu", "đang nhập", "đã nộp v2", "đã mở khóa"
        (and the province's reply: "đã nộp v2, tỉnh đã tiếp nhận", "tỉnh trả lại: …")."""
        if self.state is ReportState.SUBMITTED:
            reply = f", {self.province_text}" if self.province_text else ""
            return f"đã nộp v{self.version}{reply}"
        if self.state is ReportState.UNLOCKED:
            return self.province_text if self.province_decision == "return" else "đã mở khóa"
        return "đang nhập" if self.state is ReportState.ENTERING else "chưa có số liệu"


@dataclass(frozen=True)
class SubmissionInfo:
    version: int
    file_name: str
    sha256: str
    submitted_by: str
    submitted_at: dt.datetime
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ReportPreview:
    status: ReportStatus
    window: DateWindow
    problems: tuple[Problem, ...]
    document: ReportDocument  # sheet 1 as a draft (no appendices): heading, rows, signature

    @property
    def rows(self) -> tuple[ReportRow, ...]:
        return self.document.rows

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def can_submit(self) -> bool:
        return not self.errors and not self.status.locked


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    version: int | None  # None for a draft
    warnings: tuple[Problem, ...]


class ReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading -----------------------------------------------------------------------
    def status(self, period: Period) -> ReportStatus:
        with self._ctx.read_session() as session:
            return _status(session, require_commune(session).id, period)

    def preview(self, period: Period) -> ReportPreview:
        """The status, the rows of the report table and the period's validation problems."""
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            mode = Mode(commune.cutoff_mode)
            # A locked period shows what its submission reported, under its version.
            submitted = snapshots.submitted_figures(session, self._ctx.catalogue, commune, period)
            version, figures = submitted if submitted else (None, None)
            locked = snapshots.locked_snapshot(session, commune, period)
            previous = locked[1].previous if locked else None
            document = build_document(
                session,
                self._ctx,
                commune_profile(session),
                period,
                submitted is None,
                version,
                appendices=False,
                figures=figures,
                previous=previous,
            )
            return ReportPreview(
                _status(session, commune.id, period),
                period.window(mode),
                tuple(self._problems(session, commune.id, mode, period)),
                document,
            )

    def submissions(self, period: Period) -> list[SubmissionInfo]:
        with self._ctx.read_session() as session:
            rows = repo.submissions(session, require_commune(session).id, period.key)
            return [
                SubmissionInfo(
                    s.version,
                    s.file_name,
                    s.sha256,
                    s.submitted_by,
                    s.submitted_at,
                    tuple(w["message"] for w in json.loads(s.warnings or "[]")),
                )
                for s in rows
            ]

    # -- writing -----------------------------------------------------------------------
    @retried
    def export(
        self,
        period: Period,
        path: Path,
        draft: bool = False,
        template: Path | None = None,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Write the report; without `draft`, submit it: record a version and lock the period."""
        path = Path(path)
        if template is not None and _same_file(path, Path(template)):
            raise ServiceError(
                f"{path.name}: tệp báo cáo trùng với mẫu biểu {template}; chọn tên tệp khác "
                "(mẫu của tỉnh không bị ghi đè)."
            )
        report = progress or (lambda done, total: None)
        ensure_own_key(self._ctx)  # every report is signed, drafts too
        if draft:
            with self._ctx.read_session() as session:
                commune = require_commune(session)
                problems = self._problems(session, commune.id, Mode(commune.cutoff_mode), period)
                report(1, _STEPS)
                document = build_document(
                    session, self._ctx, commune_profile(session), period, True, None
                )
            report(2, _STEPS)
            sha = _write(path, document, template)
            report(_STEPS, _STEPS)
            return ExportResult(path, sha, None, tuple(p for p in problems if not p.is_error))
        require(self._ctx, Action.SUBMIT)
        try:
            with previous_version_kept(path), self._ctx.sessions.begin() as session:
                # BEGIN IMMEDIATE: nobody changes a figure between the check and the lock.
                return self._submit(session, period, path, template, report)
        except WorkbookWriteError as exc:
            raise ServiceError(str(exc)) from exc
        except IntegrityError as exc:  # another copy of the program submitted meanwhile
            raise ServiceError(
                f"Không nộp được báo cáo {period.label()}: một phiên bản khác vừa được nộp "
                "cùng lúc. Hãy xem lại trạng thái rồi thử lại."
            ) from exc

    @retried
    def unlock(self, period: Period, reason: str) -> ReportStatus:
        """Open a submitted period again (a supervisor's act); the reason goes to the audit."""
        reason = reason.strip()
        if not reason:
            raise ServiceError("Cần ghi lý do mở khóa kỳ báo cáo.")
        require(self._ctx, Action.UNLOCK)
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            commune_repo.hold(session, commune.id, exclusive=True)
            lock = repo.active_lock(session, commune.id, period.key)
            if lock is None:
                raise ServiceError(f"{period.label()} không bị khóa: chưa nộp hoặc đã mở khóa.")
            submission = session.get(Submission, lock.submission_id) if lock.submission_id else None
            lock.unlocked_at = self._ctx.now()
            lock.unlocked_by = self._ctx.actor.username
            lock.unlock_reason = reason
            version = submission.version if submission else None
            audit_repo.add_entries(
                session,
                [
                    audit.entry(
                        self._ctx,
                        "unlock",
                        "report",
                        period.key,
                        {"locked": True, "version": version},
                        {"locked": False},
                        period.key,
                        reason,
                    )
                ],
            )
            session.flush()
            return _status(session, commune.id, period)

    # -- helpers -----------------------------------------------------------------------
    def _submit(
        self,
        session: Session,
        period: Period,
        path: Path,
        template: Path | None,
        report: Progress,
    ) -> ExportResult:
        commune = require_commune(session)
        # Saves under way finish first; saves and submissions started meanwhile wait.
        commune_repo.hold(session, commune.id, exclusive=True)
        lock = repo.active_lock(session, commune.id, period.key)
        if lock is not None:
            info = next(i for i in active_locks(session, commune.id) if i.period == period)
            raise PeriodLocked(
                f"{info.message()} Muốn nộp lại bản sửa, cần mở khóa kỳ này trước "
                "(lần nộp sau sẽ là phiên bản tiếp theo)."
            )
        problems = self._problems(session, commune.id, Mode(commune.cutoff_mode), period)
        errors = [p for p in problems if p.is_error]
        if errors:
            raise SubmissionRefused(period.label(), errors)
        warnings = tuple(p for p in problems if not p.is_error)
        report(1, _STEPS)
        version = repo.last_version(session, commune.id, period.key) + 1
        now, who = self._ctx.now(), self._ctx.actor.username
        identity = Identity(version, now, secrets.token_hex(16))
        document = build_document(
            session, self._ctx, commune_profile(session), period, False, version, identity=identity
        )
        figures, before = compute_in(session, self._ctx, [period, period.previous()])
        report(2, _STEPS)
        sha = _write(path, document, template)  # nothing recorded if this raises
        submission = Submission(
            commune_id=commune.id,
            period=period.key,
            version=version,
            file_name=path.name[:260],
            sha256=sha,
            submitted_by=who,
            submitted_at=now,
            warnings=json.dumps([_problem_json(p) for p in warnings], ensure_ascii=False),
            uid=identity.uid,
            snapshot=snapshots.to_json(figures, self._ctx.catalogue, previous=before),
        )
        session.add(submission)
        session.flush()
        session.add(
            PeriodLock(
                commune_id=commune.id,
                period=period.key,
                submission_id=submission.id,
                locked_at=now,
                locked_by=who,
            )
        )
        new = {"version": version, "file": path.name, "sha256": sha, "warnings": len(warnings)}
        audit_repo.add_entries(
            session,
            [audit.entry(self._ctx, "submit", "report", period.key, None, new, period.key)],
        )
        session.flush()
        return ExportResult(path, sha, version, warnings)

    def _problems(
        self, session: Session, commune_id: int, mode: Mode, period: Period
    ) -> list[Problem]:
        return month_problems(session, self._ctx, commune_id, mode, period.months())


def _write(path: Path, document: ReportDocument, template: Path | None) -> str:
    try:
        if template is not None:
            return fill_template(Path(template), path, document)
        return write_report(path, document)
    except (WorkbookWriteError, TemplateError) as exc:
        raise ServiceError(str(exc)) from exc


def _problem_json(problem: Problem) -> dict[str, object]:
    return {
        "rule": problem.rule,
        "codes": list(problem.codes),
        "period": problem.period,
        "message": problem.message,
    }


def status_in(session: Session, commune_id: int, period: Period) -> ReportStatus:
    """A commune's report status for a period, inside the caller's transaction."""
    return _status(session, commune_id, period)


def _status(session: Session, commune_id: int, period: Period) -> ReportStatus:
    latest = repo.latest_submission(session, commune_id, period.key)
    lock = repo.latest_lock(session, commune_id, period.key)
    covered = None
    if lock is None or lock.unlocked_at is not None:
        others = [i for i in active_locks(session, commune_id) if i.period != period]
        months = period.months()
        covered = next((c for m in months if (c := lock_covering(others, m))), None)
    version = latest.version if latest else None
    reply = replies_repo.latest_reply(session, commune_id, period.key) if latest else None
    replied = reply is not None and reply.version == version
    submitted = {
        "version": version,
        "submitted_at": latest.submitted_at if latest else None,
        "submitted_by": latest.submitted_by if latest else "",
        "covered_by": covered,
        "province_decision": reply.decision if replied and reply else "",
        "province_reason": reply.reason if replied and reply else "",
    }
    if lock is not None and lock.unlocked_at is None:
        return ReportStatus(period, ReportState.SUBMITTED, **submitted)
    if lock is not None:
        return ReportStatus(
            period,
            ReportState.UNLOCKED,
            unlocked_at=lock.unlocked_at,
            unlocked_by=lock.unlocked_by or "",
            unlock_reason=lock.unlock_reason,
            **submitted,
        )
    commune = require_commune(session)
    window = period.window(Mode(commune.cutoff_mode))
    entering = repo.has_values(
        session, commune_id, [m.key for m in period.months()]
    ) or repo.has_dated_records(session, commune_id, window.start, window.end)
    return ReportStatus(
        period, ReportState.ENTERING if entering else ReportState.EMPTY, **submitted
    )


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the output would overwrite the input)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()
