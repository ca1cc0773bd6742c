"""The database's own errors and how a driver's error is recognised, the same on both engines.

Errors are told apart by their type and code — PostgreSQL's SQLSTATE, SQLite's extended
result code (``sqlite_errorcode``) — never by the driver's message text, which differs between
engines, versions and languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DatabaseError(RuntimeError):
    """A database that cannot be opened, migrated or trusted; the message is for the user."""


class DatabaseBusy(DatabaseError):
    """Another program kept the database locked for writing longer than we wait."""

    def __init__(self, name: str, waited_s: float) -> None:
        super().__init__(
            f"Cơ sở dữ liệu {name} đang bận: một chương trình Commune Desk khác đang ghi vào "
            f"tệp này. Đã chờ {round(waited_s)} giây nhưng chưa ghi được; chưa có gì thay đổi. "
            "Hãy thử lại sau ít phút."
        )


class WriteConflict(DatabaseBusy):
    """Two writers met on the same rows (a lock not granted, a deadlock, a serialisation
    failure): this transaction was rolled back whole and may simply be tried again."""

    def __init__(self, name: str) -> None:
        DatabaseError.__init__(
            self,
            f"Cơ sở dữ liệu {name} đang bận: một người khác đang ghi vào cùng dữ liệu này "
            "cùng lúc. Chưa có gì thay đổi; hãy thử lại.",
        )


class Violation(StrEnum):
    UNIQUE = "unique"
    FOREIGN_KEY = "foreign_key"
    CHECK = "check"
    NOT_NULL = "not_null"
    OTHER = "other"  # another integrity refusal (the audit trail's triggers among them)


@dataclass(frozen=True)
class IntegrityProblem:
    violation: Violation
    constraint: str | None = None  # PostgreSQL names it; SQLite does not


_PG_VIOLATIONS = {
    "23505": Violation.UNIQUE,
    "23503": Violation.FOREIGN_KEY,
    "23514": Violation.CHECK,
    "23502": Violation.NOT_NULL,
}
# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
_PG_CONFLICTS = frozenset({"40001", "40P01", "55P03"})
# SQLite's extended result codes (sqlite3.h): SQLITE_CONSTRAINT_* and the primary codes.
_SQLITE_VIOLATIONS = {
    2067: Violation.UNIQUE,  # SQLITE_CONSTRAINT_UNIQUE
    1555: Violation.UNIQUE,  # SQLITE_CONSTRAINT_PRIMARYKEY
    787: Violation.FOREIGN_KEY,  # SQLITE_CONSTRAINT_FOREIGNKEY
    275: Violation.CHECK,  # SQLITE_CONSTRAINT_CHECK
    1299: Violation.NOT_NULL,  # SQLITE_CONSTRAINT_NOTNULL
}
_SQLITE_CONSTRAINT = 19
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def _driver_error(exc: BaseException) -> BaseException:
    """The DBAPI's exception behind SQLAlchemy's wrapper (or `exc` itself)."""
    return getattr(exc, "orig", None) or exc


def sqlstate(exc: BaseException) -> str | None:
    """PostgreSQL's SQLSTATE of an error, if it came from PostgreSQL."""
    code = getattr(_driver_error(exc), "sqlstate", None)
    return code if isinstance(code, str) else None


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(_driver_error(exc), "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def integrity_problem(exc: BaseException) -> IntegrityProblem | None:
    """What kind of constraint refused a statement; None when it was no integrity refusal."""
    state = sqlstate(exc)
    if state is not None:
        if not state.startswith("23"):
            return None
        diag = getattr(_driver_error(exc), "diag", None)
        name = getattr(diag, "constraint_name", None)
        return IntegrityProblem(_PG_VIOLATIONS.get(state, Violation.OTHER), name)
    code = _sqlite_code(exc)
    if code is None or code & 0xFF != _SQLITE_CONSTRAINT:
        return None
    return IntegrityProblem(_SQLITE_VIOLATIONS.get(code, Violation.OTHER))


def is_conflict(exc: BaseException) -> bool:
    """Whether two writers met: a lock not granted, a deadlock, a serialisation failure
    (PostgreSQL), or a database busy or locked (SQLite). Trying again may succeed."""
    state = sqlstate(exc)
    if state is not None:
        return state in _PG_CONFLICTS
    code = _sqlite_code(exc)
    return code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)


def violation_message(problem: IntegrityProblem, what: str = "dữ liệu") -> str:
    """The Vietnamese sentence for a constraint's refusal of `what` (e.g. "cán bộ")."""
    return {
        Violation.UNIQUE: f"Đã có {what} trùng khóa; không ghi được bản thứ hai.",
        Violation.FOREIGN_KEY: (
            f"Không thực hiện được vì còn dữ liệu khác liên quan đến {what} này."
        ),
        Violation.CHECK: f"Giá trị của {what} không hợp lệ (vi phạm ràng buộc kiểm tra).",
        Violation.NOT_NULL: f"Thiếu một giá trị bắt buộc của {what}.",
        Violation.OTHER: f"Cơ sở dữ liệu từ chối thay đổi {what}.",
    }[problem.violation]
