"""The one guard of submitted figures: no commit may change what a locked period reported.

It hangs on the write sessions of the services (installed with the ServiceContext), so every
path — window, command line, import, a record of any kind, a target — meets it. A transaction
that touched a table figures are made from is checked once, just before it commits: the
figures of every locked period are computed inside the transaction and compared with the
submission's snapshot; any difference rolls the whole transaction back with one message
naming the period, the version and the figures. Changes effective after the locked periods
leave those figures as they were, so they go through. A difference the database already held
before the transaction (a value changed behind the program's back, which `check` names) is
not the transaction's doing and does not refuse it.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from commune_desk.data.bulk import written_tables
from commune_desk.data.repositories import commune as commune_repo
from commune_desk.domain.catalogue import Catalogue, Source
from commune_desk.domain.numbers import Number
from commune_desk.services.errors import PeriodLocked
from commune_desk.services.indicators import values_and_targets
from commune_desk.services.snapshots import (
    Difference,
    Snapshot,
    differences,
    from_json,
    locked_submissions,
    same,
)

log = logging.getLogger(__name__)

# The tables every figure and target is made from.
WATCHED = frozenset(
    {
        "communes",
        "villages",
        "staff",
        "courses",
        "course_topics",
        "participations",
        "teams",
        "team_members",
        "team_activities",
        "community_classes",
        "monthly_values",
        "yearly_targets",
    }
)
_TOUCHED = "commune_desk_figures_touched"  # the set of WATCHED tables a transaction wrote
# Tables whose changes cannot move a figure counted from records.
ENTERED = frozenset({"monthly_values", "yearly_targets"})
_SHOWN = 6  # differences named in the message; the rest are counted


class _Guard:
    def __init__(self, catalogue: Catalogue, reads: sessionmaker[Session] | None) -> None:
        self.catalogue = catalogue
        self.reads = reads

    def before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(obj, "__table__", None)
            if table is not None and table.name in WATCHED:
                session.info.setdefault(_TOUCHED, set()).add(table.name)

    def do_orm_execute(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            name = getattr(getattr(state.statement, "table", None), "name", "?")
            if name in WATCHED or name == "?":  # a statement we cannot place: assume the worst
                state.session.info.setdefault(_TOUCHED, set()).add(name)

    def before_commit(self, session: Session) -> None:
        session.flush()
        touched = session.info.pop(_TOUCHED, set()) | (written_tables(session) & WATCHED)
        if not touched:
            return
        started = time.perf_counter()
        found = check_locked(session, self.catalogue, records_unchanged=touched <= ENTERED)
        log.debug("Lock guard: %.1f ms", (time.perf_counter() - started) * 1000)
        if found:
            found = self._made_here(session, found)
        if found:
            raise PeriodLocked(refusal(found))

    def _made_here(self, session: Session, found: list[Difference]) -> list[Difference]:
        """The differences this transaction makes: those the committed database (read on
        another connection, which does not see this transaction) did not already hold."""
        if self.reads is None:
            return found
        with self.reads.begin() as committed:
            chosen = session.info.get(commune_repo.COMMUNE_CODE)
            if chosen is not None:  # the same commune's figures
                committed.info[commune_repo.COMMUNE_CODE] = chosen
            before = check_locked(committed, self.catalogue)
        if not before:
            return found
        log.warning("Locked periods already differ from their submissions: %d figures", len(before))
        held = {(d.period, d.version, d.code, d.what): d.now for d in before}
        return [
            d
            for d in found
            if (key := (d.period, d.version, d.code, d.what)) not in held
            or not same(held[key], d.now)
        ]

    @staticmethod
    def forget(session: Session, *_args: Any) -> None:
        session.info.pop(_TOUCHED, None)
        written_tables(session)


def install(
    sessions: sessionmaker[Session],
    catalogue: Catalogue,
    reads: sessionmaker[Session] | None = None,
) -> None:
    """Guard the sessions `sessions` makes (once; a later catalogue replaces the earlier).

    `reads`: sessions on other connections of the same database, which see only what is
    committed; with them a difference already there before a transaction is not its refusal.
    """
    guard: _Guard | None = getattr(sessions, "_commune_desk_guard", None)
    if guard is not None:
        guard.catalogue = catalogue
        guard.reads = reads
        return
    guard = _Guard(catalogue, reads)
    sessions._commune_desk_guard = guard  # type: ignore[attr-defined]
    event.listen(sessions, "before_flush", guard.before_flush)
    event.listen(sessions, "do_orm_execute", guard.do_orm_execute)
    event.listen(sessions, "before_commit", guard.before_commit)
    event.listen(sessions, "after_rollback", guard.forget)
    event.listen(sessions, "after_commit", guard.forget)


def check_locked(
    session: Session, catalogue: Catalogue, records_unchanged: bool = False
) -> list[Difference]:
    """Every difference between a locked period's figures now and its submission's snapshot.

    `records_unchanged` (only entered values or targets were written): the figures counted
    from records are the snapshot's, checked at every earlier commit, and are not recounted.
    """
    found: list[Difference] = []
    commune = commune_repo.the_commune(session)
    if commune is not None:
        locked = [
            (row, snap)
            for row in locked_submissions(session, commune.id)
            if (snap := from_json(row.submission.snapshot)) is not None
        ]
        periods = [row.period for row, _ in locked]
        known = [counted_part(catalogue, snap) for _, snap in locked] if records_unchanged else []
        current = values_and_targets(session, catalogue, commune, periods, known)
        for (row, snap), (values, targets) in zip(locked, current, strict=True):
            version = row.submission.version
            found += differences(catalogue, row.period, version, snap, values, targets)
    return found


def counted_part(catalogue: Catalogue, snapshot: Snapshot) -> dict[str, Number] | None:
    """The snapshot's figures counted from records; None when one of them is missing."""
    codes = [e.code for e in catalogue.elements if e.source is Source.RECORDS]
    values = {code: f.value for code in codes if (f := snapshot.figures.get(code)) is not None}
    if len(values) != len(codes) or any(v is None for v in values.values()):
        return None
    return values  # type: ignore[return-value]


def refusal(found: list[Difference]) -> str:
    """One message: the periods, their versions, and the figures that would change."""
    first = found[0]
    periods = []
    for d in found:
        if (d.period, d.version) not in periods:
            periods.append((d.period, d.version))
    named = "; ".join(f"{p.label()} (báo cáo đã nộp phiên bản {v})" for p, v in periods)
    shown = "; ".join(d.text() for d in found[:_SHOWN])
    more = len(found) - _SHOWN
    rest = f"; và {more} số liệu khác" if more > 0 else ""
    return (
        f"Không lưu thay đổi: nó làm khác số liệu đã nộp của {named} — {shown}{rest}. "
        f"Chưa có gì được ghi. Muốn sửa {first.period.label()}, cần lãnh đạo mở khóa kỳ này "
        "trước; thay đổi có hiệu lực sau các kỳ đã nộp thì không bị khóa."
    )
