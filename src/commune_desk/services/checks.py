"""`check`: validate every month that has data, from the first recorded month to now; compare
every locked period with what its submission reported; and try the audit trail's safeguards."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from commune_desk.data.integrity import server_problems
from commune_desk.data.models import Commune
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import values as values_repo
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.periods import Mode, current_month, months_between, parse_month
from commune_desk.domain.validation import Problem
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.guard import check_locked
from commune_desk.services.indicators import compute_with
from commune_desk.services.snapshots import (
    Difference,
    LockedSubmission,
    column_differences,
    from_json,
    locked_submissions,
)
from commune_desk.services.values import month_problems

_APPEND_ONLY = {
    "update": "nhật ký thay đổi không còn chặn việc sửa một dòng đã ghi",
    "delete": "nhật ký thay đổi không còn chặn việc xóa một dòng đã ghi",
}


@dataclass(frozen=True)
class CheckReport:
    months: int
    problems: list[Problem]
    # Locked periods whose figures now differ from what their submission reported.
    drift: list[Difference] = field(default_factory=list)
    # The schema's own safeguards that no longer hold (the audit trail's triggers).
    schema: list[str] = field(default_factory=list)
    locked: int = 0  # locked periods compared with their submission
    # Warnings: the year-to-date and last-year columns of a submitted report that moved
    # (they come from months the lock does not hold).
    columns: list[Difference] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error) + len(self.drift) + len(self.schema)

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if not p.is_error) + len(self.columns)


class CheckService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def check_all(self) -> CheckReport:
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            mode = Mode(commune.cutoff_mode)
            drift = check_locked(session, self._ctx.catalogue)
            schema = [_APPEND_ONLY[w] for w in audit_repo.append_only_problems(session)]
            schema += server_problems(session)  # SQLite's file is checked before opening
            rows = locked_submissions(session, commune.id)
            columns = _moved_columns(session, self._ctx.catalogue, commune, rows)
            locked = len(rows)
            first = values_repo.first_month(session, commune.id)
            if first is None:
                return CheckReport(0, [], drift, schema, locked, columns)
            stored = values_repo.months_with_values(session, commune.id)
            last = max(parse_month(stored[-1]), current_month(self._ctx.today(), mode))
            months = months_between(parse_month(first), last)
            problems = month_problems(session, self._ctx, commune.id, mode, months)
            return CheckReport(len(months), problems, drift, schema, locked, columns)


def _moved_columns(
    session: Session, catalogue: Catalogue, commune: Commune, rows: list[LockedSubmission]
) -> list[Difference]:
    with_snapshot = [(r, snap) for r in rows if (snap := from_json(r.submission.snapshot))]
    if not with_snapshot:
        return []
    now = compute_with(session, catalogue, commune, [r.period for r, _ in with_snapshot])
    found: list[Difference] = []
    for (row, snap), figures in zip(with_snapshot, now, strict=True):
        found += column_differences(
            catalogue, row.period, row.submission.version, snap, figures.figures
        )
    return found
