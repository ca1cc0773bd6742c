"""The database's own errors (no SQLAlchemy needed to name them): messages for the user."""

from __future__ import annotations


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
