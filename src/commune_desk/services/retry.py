"""A write that lost a deadlock or a serialisation conflict on the server is tried again.

PostgreSQL ends one of two transactions that wait on each other (SQLSTATE 40P01) or that
cannot both be serialised (40001); nothing of it stays, so the whole use case is run again,
a few times, and then refused plainly (data.errors.WriteConflict, which the engine makes of
the driver's error by its SQLSTATE, never its message).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

from commune_desk.data.errors import WriteConflict, is_conflict

log = logging.getLogger(__name__)

ATTEMPTS = 4
PAUSE_S = 0.05

P = ParamSpec("P")
T = TypeVar("T")

__all__ = ["ATTEMPTS", "WriteConflict", "retried", "run_retried"]


def _conflict(exc: BaseException) -> bool:
    """Two writers met (the engine turns the driver's error into WriteConflict)."""
    return isinstance(exc, WriteConflict) or (isinstance(exc, DBAPIError) and is_conflict(exc))


def run_retried(call: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """`call()` (one whole transaction), again after a deadlock or serialisation failure;
    the last WriteConflict (a DatabaseBusy: "nothing changed, try again") when all failed."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except Exception as exc:
            if not _conflict(exc) or attempt == attempts:
                raise
            log.warning("Write conflict (try %d of %d): %s", attempt, attempts, type(exc).__name__)
            time.sleep(PAUSE_S * attempt)
    raise AssertionError("unreachable")


def retried(method: Callable[P, T]) -> Callable[P, T]:
    """A use case run again after a deadlock or serialisation failure (see run_retried)."""

    @wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return run_retried(lambda: method(*args, **kwargs))

    return run
