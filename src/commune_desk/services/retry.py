"""A write that lost a deadlock or a serialisation conflict on the server is tried again.

PostgreSQL ends one of two transactions that wait on each other (SQLSTATE 40P01) or that
cannot both be serialised (40001); nothing of it stays, so the whole use case is run again,
a few times, and then refused plainly. Recognised by the driver's SQLSTATE, never a message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

from commune_desk.services.errors import ServiceError

log = logging.getLogger(__name__)

CONFLICTS = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure
ATTEMPTS = 4
PAUSE_S = 0.05

P = ParamSpec("P")
T = TypeVar("T")


class WriteConflict(ServiceError):
    """A write that kept meeting other writes; nothing of it was saved."""

    def __init__(self, attempts: int) -> None:
        super().__init__(
            f"Không lưu được: cơ sở dữ liệu đang có người khác ghi cùng lúc vào cùng số liệu "
            f"(đã thử {attempts} lần). Chưa có gì thay đổi; hãy thử lại sau giây lát."
        )


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of a driver error (None for SQLite's, which have none)."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None)


def is_conflict(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and sqlstate(exc) in CONFLICTS


def run_retried(call: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """`call()` (one whole transaction), again after a deadlock or serialisation failure."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except DBAPIError as exc:
            if not is_conflict(exc):
                raise
            log.warning("Write conflict %s (try %d of %d)", sqlstate(exc), attempt, attempts)
            if attempt == attempts:
                raise WriteConflict(attempts) from exc
            time.sleep(PAUSE_S * attempt)
    raise AssertionError("unreachable")


def retried(method: Callable[P, T]) -> Callable[P, T]:
    """A use case run again after a deadlock or serialisation failure (see run_retried)."""

    @wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_retried(lambda: method(*args, **kwargs))

    return run
