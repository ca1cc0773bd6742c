"""What the login dialog needs to word a refusal, without the accounts' heavy imports.

The login shows before SQLAlchemy and argon2 are loaded (they load while the user types);
`services.accounts` does the work and raises these.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from commune_desk.services.errors import ServiceError

MAX_ATTEMPTS = 5


class LoginRefusal(StrEnum):
    WRONG = "wrong"  # unknown name or wrong password (the same answer for both)
    LOCKED = "locked"
    DISABLED = "disabled"


class LoginFailed(ServiceError):
    """A refused login; the window words it from `refusal`, `remaining` and `locked_until`."""

    def __init__(
        self,
        refusal: LoginRefusal,
        remaining: int | None = None,
        locked_until: dt.datetime | None = None,
    ) -> None:
        self.refusal = refusal
        self.remaining = remaining
        self.locked_until = locked_until
        if refusal is LoginRefusal.LOCKED and locked_until is not None:
            text = f"Tài khoản tạm khóa đến {locked_until:%H:%M} vì nhập sai mật khẩu nhiều lần."
        elif refusal is LoginRefusal.DISABLED:
            text = "Tài khoản đã bị vô hiệu hóa; hãy liên hệ lãnh đạo."
        elif remaining is not None:
            text = f"Sai tên đăng nhập hoặc mật khẩu; còn {remaining} lần thử."
        else:
            text = "Sai tên đăng nhập hoặc mật khẩu."
        super().__init__(text)
