"""Errors a use case raises; each message is Vietnamese and says what and where."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from commune_desk.data.errors import DatabaseBusy, DatabaseError

if TYPE_CHECKING:  # the login imports these errors: no catalogue needed to name them
    from commune_desk.domain.validation import Problem

__all__ = [
    "DatabaseBusy",  # the database's errors, for the views (which never import data)
    "DatabaseError",
    "ImportRefused",
    "NotAllowed",
    "NotFound",
    "NotInitialised",
    "PeriodLocked",
    "RowError",
    "ServiceError",
    "StaleSave",
    "SubmissionRefused",
    "ValidationFailed",
]


class ServiceError(Exception):
    """A refused request; `str()` is the message for the user."""


class NotFound(ServiceError):
    pass


class PeriodLocked(ServiceError):
    pass


class NotAllowed(ServiceError):
    """The acting account's role may not do this."""


class NotInitialised(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            "Cơ sở dữ liệu chưa có thông tin xã. "
            "Hãy chạy `commune-desk init` hoặc `commune-desk demo`."
        )


class StaleSave(ServiceError):
    """A save refused because someone else changed (or removed) the value or the record since
    it was shown; `who`, `when` and `current` say what the database holds now."""

    def __init__(
        self, what: str, who: str | None, when: dt.datetime | None, current: str | None
    ) -> None:
        self.who, self.when, self.current = who, when, current
        now = "nay đã bị xóa" if current is None else f"giá trị hiện tại: {current}"
        by = f" bởi {who}" if who else ""
        at = f" lúc {when:%H:%M ngày %d/%m/%Y}" if when else ""
        super().__init__(
            f"Không lưu: {what} đã được sửa{by}{at} sau khi bạn mở ({now}). "
            "Thay đổi của bạn chưa được ghi; màn hình đã hiện số liệu mới nhất, "
            "hãy xem lại rồi nhập lại nếu vẫn cần."
        )


class ValidationFailed(ServiceError):
    """A change refused by the validation rules; nothing was saved."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(p.message for p in self.problems))


class SubmissionRefused(ServiceError):
    """A report refused because its period has validation errors; nothing was written."""

    def __init__(self, period_label: str, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        head = (
            f"Không nộp được báo cáo {period_label}: còn {len(self.problems)} lỗi số liệu phải "
            "sửa trước khi nộp (chưa ghi tệp nào, chưa khóa kỳ):"
        )
        super().__init__("\n".join([head, *(f"- {p.message}" for p in self.problems)]))


@dataclass(frozen=True)
class RowError:
    """A refused row of an import file: where (file, row, column) and why."""

    file: str
    row: int
    column: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        if not self.row and not self.column and self.message.startswith(self.file):
            return self.message  # a problem of the whole file, already naming it
        where = self.file + (f", dòng {self.row}" if self.row else "")
        if self.column:
            where += f", cột {self.column}"
        if self.code:
            where += f", mã {self.code}"
        return f"{where}: {self.message}"


class ImportRefused(ServiceError):
    """An import with refused rows or an unreadable file; nothing was imported."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        head = f"Không nhập dữ liệu: {len(self.errors)} lỗi, chưa có gì được ghi."
        super().__init__("\n".join([head, *(str(e) for e in self.errors)]))
