"""The audit trail: every change writes who, when, what, old -> new; reading it back."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from commune_desk.data.repositories import audit as repo
from commune_desk.services.context import ServiceContext


def to_text(value: Any) -> str | None:
    """A value as stored in the trail: JSON text, dates as ISO text; None stays None."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def entry(
    ctx: ServiceContext,
    action: str,
    entity: str,
    key: str,
    old: Any = None,
    new: Any = None,
    period: str | None = None,
    reason: str = "",
) -> dict[str, Any]:
    """One audit row, ready for a bulk insert inside the change's transaction."""
    return {
        "at": ctx.now(),
        "actor": ctx.actor.username,
        "action": action,
        "entity": entity,
        "entity_key": key[:200],
        "period": period,
        "old_value": to_text(old),
        "new_value": to_text(new),
        "reason": reason,
    }


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    key: str
    period: str | None
    old: str | None
    new: str | None
    reason: str


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list(
        self,
        since: dt.date | None = None,
        actor: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[AuditRow]:
        start = dt.datetime.combine(since, dt.time()) if since else None
        with self._ctx.read_session() as session:
            rows = repo.entries(session, start, actor, entity, limit)
            return [
                AuditRow(
                    r.id,
                    r.at,
                    r.actor,
                    r.action,
                    r.entity,
                    r.entity_key,
                    r.period,
                    r.old_value,
                    r.new_value,
                    r.reason,
                )
                for r in rows
            ]
