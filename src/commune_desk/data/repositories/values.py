"""Queries of the monthly values, the yearly targets and the period locks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from commune_desk.data.models import MonthlyValue, PeriodLock, Submission, YearlyTarget


@dataclass(frozen=True)
class StoredValue:
    id: int
    code: str
    month: str
    village_id: int | None
    value: int
    comment: str
    updated_by: str
    updated_at: dt.datetime
    version: int = 1


def _stored(row: MonthlyValue) -> StoredValue:
    return StoredValue(
        row.id,
        row.code,
        row.month,
        row.village_id,
        row.value,
        row.comment,
        row.updated_by,
        row.updated_at,
        row.version,
    )


def value_rows(
    session: Session, commune_id: int, first: str | None = None, last: str | None = None
) -> list[StoredValue]:
    """Every stored value of the commune, commune-level and villages', between two month keys
    (inclusive). `services.series` turns them into the one series every reader uses."""
    conditions = [MonthlyValue.commune_id == commune_id]
    if first:
        conditions.append(MonthlyValue.month >= first)
    if last:
        conditions.append(MonthlyValue.month <= last)
    stmt = select(
        MonthlyValue.id,
        MonthlyValue.code,
        MonthlyValue.month,
        MonthlyValue.village_id,
        MonthlyValue.value,
        MonthlyValue.comment,
        MonthlyValue.updated_by,
        MonthlyValue.updated_at,
        MonthlyValue.version,
    ).where(*conditions)
    return [StoredValue(*row) for row in session.execute(stmt)]


def find(
    session: Session,
    commune_id: int,
    code: str,
    month: str,
    village_id: int | None = None,
    lock: bool = False,
) -> MonthlyValue | None:
    """The stored row; with `lock`, held until the transaction ends (a concurrent save of the
    same value waits on a server; SQLite's writers are serialised anyway)."""
    village = (
        MonthlyValue.village_id.is_(None)
        if village_id is None
        else MonthlyValue.village_id == village_id
    )
    stmt = select(MonthlyValue).where(
        MonthlyValue.commune_id == commune_id,
        MonthlyValue.code == code,
        MonthlyValue.month == month,
        village,
    )
    if lock:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalar_one_or_none()


def stored_values(session: Session, commune_id: int, months: Iterable[str]) -> list[StoredValue]:
    """The commune-level rows of the given months (value, comment, who, when)."""
    stmt = select(MonthlyValue).where(
        MonthlyValue.commune_id == commune_id,
        MonthlyValue.month.in_(list(months)),
        MonthlyValue.village_id.is_(None),
    )
    return [_stored(r) for r in session.execute(stmt).scalars()]


def all_keyed(session: Session, commune_id: int) -> dict[tuple[str, str, int | None], StoredValue]:
    stmt = select(MonthlyValue).where(MonthlyValue.commune_id == commune_id)
    return {(r.code, r.month, r.village_id): _stored(r) for r in session.execute(stmt).scalars()}


def remove(session: Session, value_id: int) -> None:
    session.execute(delete(MonthlyValue).where(MonthlyValue.id == value_id))


def months_with_values(session: Session, commune_id: int) -> list[str]:
    stmt = (
        select(MonthlyValue.month)
        .where(MonthlyValue.commune_id == commune_id)
        .distinct()
        .order_by(MonthlyValue.month)
    )
    return list(session.execute(stmt).scalars())


def first_month(session: Session, commune_id: int) -> str | None:
    stmt = select(func.min(MonthlyValue.month)).where(MonthlyValue.commune_id == commune_id)
    return session.execute(stmt).scalar_one_or_none()


def targets(session: Session, commune_id: int, year: int) -> dict[str, float]:
    stmt = select(YearlyTarget.code, YearlyTarget.value).where(
        YearlyTarget.commune_id == commune_id, YearlyTarget.year == year
    )
    return {k: v for k, v in session.execute(stmt)}


def active_locks(session: Session, commune_id: int) -> list[tuple[PeriodLock, Submission | None]]:
    stmt = (
        select(PeriodLock, Submission)
        .outerjoin(Submission, Submission.id == PeriodLock.submission_id)
        .where(PeriodLock.commune_id == commune_id, PeriodLock.unlocked_at.is_(None))
    )
    return [(lock, sub) for lock, sub in session.execute(stmt)]


def target_row(session: Session, commune_id: int, code: str, year: int) -> YearlyTarget | None:
    stmt = select(YearlyTarget).where(
        YearlyTarget.commune_id == commune_id, YearlyTarget.code == code, YearlyTarget.year == year
    )
    return session.execute(stmt).scalar_one_or_none()
