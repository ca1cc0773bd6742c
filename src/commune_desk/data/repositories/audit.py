"""Writing and reading the audit trail (append-only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from commune_desk.data.bulk import insert_many
from commune_desk.data.models import AuditEntry
from commune_desk.data.repositories.commune import commune_id_of


@dataclass(frozen=True)
class AuditFilter:
    """Which entries: by person, from/before a time, and kinds as (entities, actions) pairs.

    A kind matches an entry whose entity is among its entities (any when empty) and whose
    action is among its actions (any when empty); several kinds match any of them.
    """

    since: dt.datetime | None = None
    before: dt.datetime | None = None
    actor: str | None = None
    kinds: Sequence[tuple[Collection[str], Collection[str]]] = ()


def add_entries(session: Session, entries: Sequence[Mapping[str, Any]]) -> None:
    """Append entries; each belongs to its "commune_id", else to the session's commune."""
    if entries:
        commune_id = commune_id_of(session, strict=False)
        rows = [{"commune_id": commune_id, **e} for e in entries]
        insert_many(session, AuditEntry.__table__, rows)  # one executemany


def _conditions(session: Session, where: AuditFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    commune_id = commune_id_of(session, strict=False)
    if commune_id is not None:  # a commune reads its own trail; the province reads them all
        conditions.append(AuditEntry.commune_id == commune_id)
    if where.since is not None:
        conditions.append(AuditEntry.at >= where.since)
    if where.before is not None:
        conditions.append(AuditEntry.at < where.before)
    if where.actor:
        conditions.append(AuditEntry.actor == where.actor)
    if where.kinds:
        alternatives = []
        for entities, actions in where.kinds:
            parts = []
            if entities:
                parts.append(AuditEntry.entity.in_(list(entities)))
            if actions:
                parts.append(AuditEntry.action.in_(list(actions)))
            alternatives.append(and_(*parts))
        conditions.append(or_(*alternatives))
    return conditions


def entries(
    session: Session,
    where: AuditFilter = AuditFilter(),
    offset: int = 0,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[AuditEntry]:
    order = (
        (AuditEntry.at.desc(), AuditEntry.id.desc())
        if newest_first
        else (
            AuditEntry.at,
            AuditEntry.id,
        )
    )
    stmt = select(AuditEntry).where(*_conditions(session, where)).order_by(*order).offset(offset)
    if limit:
        stmt = stmt.limit(limit)
    return list(session.execute(stmt).scalars())


def count(session: Session, where: AuditFilter) -> int:
    stmt = select(func.count()).select_from(AuditEntry).where(*_conditions(session, where))
    return int(session.execute(stmt).scalar_one())


def last_change(session: Session, entity: str, key: str) -> tuple[str, dt.datetime] | None:
    """Who made the newest entry about one thing, and when (None: no entry)."""
    stmt = (
        select(AuditEntry.actor, AuditEntry.at)
        .where(*_conditions(session, AuditFilter()), AuditEntry.entity == entity)
        .where(AuditEntry.entity_key == key)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    )
    row = session.execute(stmt).first()
    return None if row is None else (row[0], row[1])


def actors(session: Session) -> list[str]:
    """Everyone who appears in the trail."""
    stmt = (
        select(AuditEntry.actor)
        .where(*_conditions(session, AuditFilter()))
        .distinct()
        .order_by(AuditEntry.actor)
    )
    return list(session.execute(stmt).scalars())


def append_only_problems(session: Session) -> list[str]:
    """Whether the schema still refuses to change or delete an audit entry, tried for real.

    A probe entry is written, then changed and deleted, each inside a savepoint that is rolled
    back: nothing stays. Nothing is repaired here (a missing trigger is reported, not recreated).
    """
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DBAPIError

    problems = []
    outer = session.begin_nested()
    try:
        probe = AuditEntry(
            at=dt.datetime(2000, 1, 1), actor="check", action="probe", entity="check"
        )
        session.add(probe)
        session.flush()
        statements = (
            ("update", update(AuditEntry).where(AuditEntry.id == probe.id).values(actor="x")),
            ("delete", delete(AuditEntry).where(AuditEntry.id == probe.id)),
        )
        for what, statement in statements:
            attempt = session.begin_nested()
            try:
                session.execute(statement, execution_options={"synchronize_session": False})
            except DBAPIError:
                attempt.rollback()  # refused, as it must be
                continue
            attempt.rollback()
            problems.append(what)
    finally:
        outer.rollback()
    return problems
