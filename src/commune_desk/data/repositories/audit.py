"""Writing and reading the audit trail (append-only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from commune_desk.data.models import AuditEntry


def add_entries(session: Session, entries: Sequence[Mapping[str, Any]]) -> None:
    if entries:
        session.execute(insert(AuditEntry), list(entries))


def entries(
    session: Session,
    since: dt.datetime | None = None,
    actor: str | None = None,
    entity: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    stmt = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if actor:
        stmt = stmt.where(AuditEntry.actor == actor)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if limit:
        stmt = stmt.limit(limit)
    return list(session.execute(stmt).scalars())
