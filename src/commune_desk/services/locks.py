"""Submitted periods are locked: changes to their figures and dated records are refused here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from commune_desk.data.repositories import commune as commune_repo
from commune_desk.data.repositories import values as values_repo
from commune_desk.domain.periods import Mode, Period, month_of
from commune_desk.services.errors import PeriodLocked


@dataclass(frozen=True)
class LockInfo:
    period: Period
    version: int | None
    locked_at: dt.datetime
    locked_by: str

    def message(self) -> str:
        """Why a change is refused, naming the submission that locked the period."""
        version = f" phiên bản {self.version}" if self.version else ""
        when = self.locked_at.strftime("%d/%m/%Y")
        return (
            f"{self.period.label()} đã nộp báo cáo{version} ngày {when} ({self.locked_by}) "
            "nên đang khóa; cần lãnh đạo mở khóa trước khi sửa số liệu của kỳ này."
        )


def active_locks(session: Session, commune_id: int) -> list[LockInfo]:
    return [
        LockInfo(
            Period.parse(lock.period),
            submission.version if submission else None,
            lock.locked_at,
            lock.locked_by,
        )
        for lock, submission in values_repo.active_locks(session, commune_id)
    ]


def lock_covering(locks: Iterable[LockInfo], month: Period) -> LockInfo | None:
    for lock in locks:
        if lock.period.contains(month):
            return lock
    return None


def ensure_months_unlocked(session: Session, commune_id: int, months: Iterable[Period]) -> None:
    """PeriodLocked for a month of a submitted period; the check holds until the write's end
    (a submission of the commune waits for it, see `commune_repo.hold`)."""
    commune_repo.hold(session, commune_id)
    locks = active_locks(session, commune_id)
    if not locks:
        return
    for month in months:
        lock = lock_covering(locks, month)
        if lock is not None:
            raise PeriodLocked(lock.message())


class LockGuard:
    """The period locks of one transaction, read once, checked for many records (imports)."""

    def __init__(self, session: Session, commune_id: int, mode: Mode) -> None:
        commune_repo.hold(session, commune_id)  # held until the import's end, as above
        self._locks = active_locks(session, commune_id)
        self._mode = mode
        self._months: dict[dt.date, Period] = {}

    def check_dates(self, dates: Iterable[dt.date | None]) -> None:
        """PeriodLocked for a date in a locked period; PeriodError for one in no period."""
        for d in dates:
            if d is None:
                continue
            month = self._months.get(d)
            if month is None:
                month = self._months[d] = month_of(d, self._mode)
            lock = lock_covering(self._locks, month) if self._locks else None
            if lock is not None:
                raise PeriodLocked(lock.message())


def ensure_dates_unlocked(
    session: Session, commune_id: int, mode: Mode, dates: Iterable[dt.date | None]
) -> None:
    months = {month_of(d, mode) for d in dates if d is not None}
    ensure_months_unlocked(session, commune_id, months)
