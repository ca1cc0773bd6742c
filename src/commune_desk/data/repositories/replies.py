"""Queries of the province's replies to the commune's submissions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from commune_desk.data.models import ProvinceReply, Submission


def submission_version(
    session: Session, commune_id: int, period: str, version: int
) -> Submission | None:
    stmt = select(Submission).where(
        Submission.commune_id == commune_id,
        Submission.period == period,
        Submission.version == version,
    )
    return session.execute(stmt).scalar_one_or_none()


def reply_received(
    session: Session, commune_id: int, period: str, version: int, issued_at: str
) -> bool:
    stmt = select(ProvinceReply.id).where(
        ProvinceReply.commune_id == commune_id,
        ProvinceReply.period == period,
        ProvinceReply.version == version,
        ProvinceReply.issued_at == issued_at,
    )
    return session.execute(stmt).first() is not None


def latest_reply(session: Session, commune_id: int, period: str) -> ProvinceReply | None:
    """The reply received last for the period (any version)."""
    stmt = (
        select(ProvinceReply)
        .where(ProvinceReply.commune_id == commune_id, ProvinceReply.period == period)
        .order_by(ProvinceReply.received_at.desc(), ProvinceReply.id.desc())
        .limit(1)
    )
    return session.execute(stmt).scalar_one_or_none()
