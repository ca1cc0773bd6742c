"""Monthly values: read, save one, save a block (paste or import), all or nothing.

Reading goes through `services.series` (a month entered by village holds the villages' sum).

Each change is written, then the month's cross-figure rules are checked inside the same
transaction; a broken rule that involves a changed code rolls everything back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from commune_desk.data.models import MonthlyValue
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import figures as figures_repo
from commune_desk.data.repositories import users as users_repo
from commune_desk.data.repositories import values as repo
from commune_desk.domain.catalogue import Source
from commune_desk.domain.numbers import NumberError, parse_whole_number
from commune_desk.domain.periods import Mode, Period, PeriodError, parse_month
from commune_desk.domain.text import clean_lines
from commune_desk.domain.validation import (
    Problem,
    bad_month_problem,
    check_rules,
    check_warnings,
    not_entered_problem,
    unknown_code_problem,
    whole_number_problem,
)
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError, StaleSave, ValidationFailed
from commune_desk.services.locks import LockInfo, active_locks, ensure_months_unlocked
from commune_desk.services.permissions import Action, require
from commune_desk.services.retry import retried
from commune_desk.services.series import ValueCell, month_series


@dataclass(frozen=True)
class ValueChange:
    """One value to save: `value` None removes it. `comment` None keeps the stored comment."""

    code: str
    month: str
    value: object | None
    comment: str | None = None
    village_id: int | None = None
    source_row: int | None = None  # the row of an import file, for messages
    # The stamp of the value shown (ValueCell.version; 0: none was shown); a save against a
    # value changed since is refused (StaleSave). None: no check (imports, the command line).
    expected_version: int | None = None


@dataclass(frozen=True)
class SaveReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    warnings: list[Problem] = field(default_factory=list)


class ValuesService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    # -- reading -----------------------------------------------------------------------
    def cells(self, months: Sequence[Period]) -> dict[tuple[str, str], ValueCell]:
        """The months' values keyed by (code, month key), from the one series every figure
        is computed from: a month entered by village holds the villages' sum."""
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            series = month_series(session, commune.id, months=[m.key for m in months])
            return dict(series.cells)

    def problems(self, period: Period) -> list[Problem]:
        """Errors and warnings of every month of the period."""
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            return month_problems(
                session, self._ctx, commune.id, Mode(commune.cutoff_mode), period.months()
            )

    def locks(self) -> list[LockInfo]:
        """The periods locked by a submission (the grid shows them read-only)."""
        with self._ctx.read_session() as session:
            return active_locks(session, require_commune(session).id)

    # -- writing -----------------------------------------------------------------------
    def set_value(
        self,
        code: str,
        month: str,
        value: object | None,
        comment: str | None = None,
        expected_version: int | None = None,
    ) -> SaveReport:
        """Save one cell; refused with ValidationFailed when a rule breaks, and with StaleSave
        when `expected_version` (the stamp shown) is no longer the stored one."""
        return self.save(
            [ValueChange(code, month, value, comment, expected_version=expected_version)]
        )

    @retried
    def set_comment(self, code: str, month: str, comment: str) -> None:
        require(self._ctx, Action.EDIT_DATA)
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            month_period = _month(month, code)
            ensure_months_unlocked(session, commune.id, [month_period])
            row = repo.find(session, commune.id, code, month_period.key)
            if row is None:
                series = month_series(session, commune.id, months=[month_period.key])
                cell = series.cells.get((code, month_period.key))
                if cell is not None and cell.from_villages:
                    raise ServiceError(
                        f"{month_period.label()}: «{code}» là tổng của {cell.villages} thôn, "
                        "tổ dân phố; ghi chú đi kèm số của cả xã, hãy nhập số đó trước."
                    )
                raise ServiceError(f"{month_period.label()}: «{code}» chưa có giá trị để ghi chú.")
            old, row.comment = row.comment, clean_lines(comment)
            audit_repo.add_entries(
                session,
                [
                    audit.entry(
                        self._ctx,
                        "comment",
                        "value",
                        f"{code}@{month_period.key}",
                        old,
                        row.comment,
                        month_period.key,
                    )
                ],
            )

    @retried
    def save(self, changes: Sequence[ValueChange], dry_run: bool = False) -> SaveReport:
        """Save a block of values in one transaction: all of them or none."""
        require(self._ctx, Action.EDIT_DATA)
        problems = self._parse_errors(changes)
        if problems:
            raise ValidationFailed(problems)
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            report = apply_changes(
                session, self._ctx, commune.id, Mode(commune.cutoff_mode), changes
            )
            if dry_run:
                session.rollback()
            return report

    def _parse_errors(self, changes: Sequence[ValueChange]) -> list[Problem]:
        catalogue = self._ctx.catalogue
        problems: list[Problem] = []
        for change in changes:
            try:
                month = parse_month(change.month).key
            except PeriodError as exc:
                problems.append(bad_month_problem(change.code, change.month, str(exc)))
                continue
            if change.code not in catalogue:
                problems.append(unknown_code_problem(change.code, month))
            elif catalogue.get(change.code).source is not Source.ENTRY:
                label = catalogue.get(change.code).label  # people read names, not codes
                problems.append(not_entered_problem(change.code, month, label))
            elif change.value is not None:
                try:
                    parse_whole_number(change.value)
                except NumberError as exc:
                    label = catalogue.get(change.code).label
                    problems.append(whole_number_problem(change.code, month, str(exc), label))
        return problems


def _month(month: str, code: str) -> Period:
    try:
        return parse_month(month)
    except PeriodError as exc:
        raise ValidationFailed([bad_month_problem(code, month, str(exc))]) from exc


def apply_changes(
    session: Session,
    ctx: ServiceContext,
    commune_id: int,
    mode: Mode,
    changes: Sequence[ValueChange],
) -> SaveReport:
    """Write parsed changes, then check the touched months' rules; raise on a broken one."""
    months = sorted({parse_month(c.month) for c in changes})
    ensure_months_unlocked(session, commune_id, months)
    now = ctx.now()
    entries = []
    added = changed = removed = unchanged = 0
    for change in changes:
        month = parse_month(change.month).key
        checked = change.expected_version is not None
        row = repo.find(session, commune_id, change.code, month, change.village_id, lock=checked)
        if checked and (0 if row is None else row.version) != change.expected_version:
            raise stale_value(session, ctx, change, month, row)
        key = f"{change.code}@{month}" + (f"#{change.village_id}" if change.village_id else "")
        new_value = None if change.value is None else parse_whole_number(change.value)
        if new_value is None:
            if row is not None:
                entries.append(audit.entry(ctx, "delete", "value", key, row.value, None, month))
                repo.remove(session, row.id)
                removed += 1
            continue
        comment = clean_lines(change.comment or "")
        if row is None:
            session.add(
                MonthlyValue(
                    commune_id=commune_id,
                    code=change.code,
                    month=month,
                    village_id=change.village_id,
                    value=new_value,
                    comment=comment,
                    updated_by=ctx.actor.username,
                    updated_at=now,
                )
            )
            entries.append(audit.entry(ctx, "create", "value", key, None, new_value, month))
            added += 1
            continue
        same_comment = change.comment is None or comment == row.comment
        if row.value == new_value and same_comment:
            unchanged += 1
            continue
        entries.append(audit.entry(ctx, "update", "value", key, row.value, new_value, month))
        row.value = new_value
        if change.comment is not None:
            row.comment = comment
        row.updated_by, row.updated_at = ctx.actor.username, now
        row.version += 1
        changed += 1
    session.flush()
    touched = {c.code for c in changes}
    problems = month_problems(session, ctx, commune_id, mode, months, touched)
    errors = [p for p in problems if p.is_error and touched.intersection(p.codes)]
    if errors:
        raise ValidationFailed(errors)
    audit_repo.add_entries(session, entries)
    warnings = [p for p in problems if not p.is_error and touched.intersection(p.codes)]
    return SaveReport(added, changed, removed, unchanged, warnings)


def stale_value(
    session: Session, ctx: ServiceContext, change: ValueChange, month: str, row: MonthlyValue | None
) -> StaleSave:
    """The refusal of a save made against a value someone else changed since it was shown."""
    label = ctx.catalogue.get(change.code).label if change.code in ctx.catalogue else change.code
    what = f"«{label}» {parse_month(month).label()}"
    if row is None:
        removal = audit_repo.last_change(session, "value", f"{change.code}@{month}")
        who = _who(session, removal[0]) if removal else None
        return StaleSave(what, who, removal[1] if removal else None, None)
    current = f"{row.value:,}".replace(",", ".")
    return StaleSave(what, _who(session, row.updated_by), row.updated_at, current)


def _who(session: Session, username: str) -> str:
    full = users_repo.full_names(session).get(username, "")
    return f"{full} ({username})" if full else username


def month_problems(
    session: Session,
    ctx: ServiceContext,
    commune_id: int,
    mode: Mode,
    months: Sequence[Period],
    codes: set[str] | None = None,
) -> list[Problem]:
    """The errors and warnings of each month, from the stored values and the records."""
    if not months:
        return []
    catalogue = ctx.catalogue
    first = min(months)
    lookback = first
    for _ in range(catalogue.checks.outlier_window + 6):
        lookback = lookback.previous()
    history = month_series(session, commune_id, lookback.key, max(months).key).by_code()
    started = repo.first_month(session, commune_id)
    required_from = parse_month(started) if started else None
    rule_records = {
        code
        for rule in catalogue.rules
        for code in rule.codes
        if code in catalogue and catalogue.get(code).source is Source.RECORDS
    }
    problems: list[Problem] = []
    for month in months:
        values: dict[str, int | float | None] = {
            code: by_month.get(month.key) for code, by_month in history.items()
        }
        if rule_records:
            window = month.window(mode)
            counted = figures_repo.record_figures(session, commune_id, window.start, window.end)
            values.update({c: counted.get(c) for c in rule_records})
        problems += check_rules(catalogue, month, values)
        problems += check_warnings(catalogue, month, history, required_from)
    if codes is not None:
        problems = [p for p in problems if codes.intersection(p.codes)]
    return problems
