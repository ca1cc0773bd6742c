"""Queries of the submitted reports and the period locks they create."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from commune_desk.data.models import (
    CommunityClass,
    Course,
    MonthlyValue,
    PeriodLock,
    Submission,
    Team,
    TeamActivity,
)


def last_version(session: Session, commune_id: int, period: str) -> int:
    """The highest version submitted for the period; 0 before the first submission."""
    stmt = select(func.max(Submission.version)).where(
        Submission.commune_id == commune_id, Submission.period == period
    )
    return session.execute(stmt).scalar_one_or_none() or 0


def latest_submission(session: Session, commune_id: int, period: str) -> Submission | None:
    stmt = (
        select(Submission)
        .where(Submission.commune_id == commune_id, Submission.period == period)
        .order_by(Submission.version.desc())
        .limit(1)
    )
    return session.execute(stmt).scalar_one_or_none()


def submissions(session: Session, commune_id: int, period: str) -> list[Submission]:
    stmt = (
        select(Submission)
        .where(Submission.commune_id == commune_id, Submission.period == period)
        .order_by(Submission.version)
    )
    return list(session.execute(stmt).scalars())


def active_lock(session: Session, commune_id: int, period: str) -> PeriodLock | None:
    """The lock the period's own submission holds now, if any."""
    stmt = select(PeriodLock).where(
        PeriodLock.commune_id == commune_id,
        PeriodLock.period == period,
        PeriodLock.unlocked_at.is_(None),
    )
    return session.execute(stmt).scalar_one_or_none()


def latest_lock(session: Session, commune_id: int, period: str) -> PeriodLock | None:
    """The period's most recent lock, held or released."""
    stmt = (
        select(PeriodLock)
        .where(PeriodLock.commune_id == commune_id, PeriodLock.period == period)
        .order_by(PeriodLock.locked_at.desc(), PeriodLock.id.desc())
        .limit(1)
    )
    return session.execute(stmt).scalar_one_or_none()


def has_values(session: Session, commune_id: int, months: Sequence[str]) -> bool:
    """Whether any monthly value is stored for one of the months."""
    stmt = select(
        exists().where(MonthlyValue.commune_id == commune_id, MonthlyValue.month.in_(months))
    )
    return bool(session.execute(stmt).scalar())


def has_dated_records(session: Session, commune_id: int, start: dt.date, end: dt.date) -> bool:
    """Whether a course ends, an activity or a class takes place between start and end."""
    checks = (
        exists().where(Course.commune_id == commune_id, Course.end_date.between(start, end)),
        exists().where(
            CommunityClass.commune_id == commune_id, CommunityClass.date.between(start, end)
        ),
        exists().where(
            TeamActivity.team_id.in_(select(Team.id).where(Team.commune_id == commune_id)),
            TeamActivity.date.between(start, end),
        ),
    )
    return any(session.execute(select(check)).scalar() for check in checks)
