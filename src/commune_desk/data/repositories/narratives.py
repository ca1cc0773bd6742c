"""Queries of the narrative of a period's report."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from commune_desk.data.models import PeriodNarrative


def narrative(session: Session, commune_id: int, period: str) -> dict[str, str]:
    stmt = select(PeriodNarrative.key, PeriodNarrative.text).where(
        PeriodNarrative.commune_id == commune_id, PeriodNarrative.period == period
    )
    return {key: text for key, text in session.execute(stmt)}


def put_part(
    session: Session, commune_id: int, period: str, key: str, text: str, at: dt.datetime, by: str
) -> str:
    """Store one part; returns the old text ("" when there was none)."""
    row = session.get(PeriodNarrative, (commune_id, period, key))
    if row is None:
        session.add(
            PeriodNarrative(
                commune_id=commune_id,
                period=period,
                key=key,
                text=text,
                updated_at=at,
                updated_by=by,
            )
        )
        return ""
    old = row.text
    row.text, row.updated_at, row.updated_by = text, at, by
    return old
