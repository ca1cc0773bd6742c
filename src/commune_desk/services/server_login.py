"""Connecting to a PostgreSQL server from the window: the connection's details, the password
kept (when the user asks) in the operating system's keyring — never in a settings file or a
log — and a first connection that says plainly what is wrong."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Protocol

log = logging.getLogger(__name__)

# The log-in shows this module's dialog before SQLAlchemy is imported (tests/test_startup.py):
# the database layer is imported inside the functions that need it.
DEFAULT_PORT = 5432

KEYRING_SERVICE = "Commune Desk"


@dataclass(frozen=True)
class ServerLogin:
    host: str
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = ""

    def url(self, with_password: bool = True) -> str:
        """The database's URL, password included (kept in memory only) unless asked not to."""
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=(self.password or None) if with_password else None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)

    @property
    def account(self) -> str:
        """The keyring's name for this password: user@host:port/database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def problem(self) -> str:
        """What is missing before connecting ("" when nothing)."""
        if not self.host.strip():
            return "Cần nhập tên hoặc địa chỉ máy chủ."
        if not 0 < self.port < 65536:
            return "Cổng phải là một số từ 1 đến 65535."
        if not self.database.strip():
            return "Cần nhập tên cơ sở dữ liệu."
        if not self.user.strip():
            return "Cần nhập tên đăng nhập máy chủ."
        return ""


def login_of(location: str) -> ServerLogin | None:
    """The server login a database location names (None for a file)."""
    from sqlalchemy.engine import make_url

    from commune_desk.data.db import is_server, to_url

    if not is_server(location):
        return None
    url = make_url(to_url(location))
    return ServerLogin(
        url.host or "localhost",
        url.port or DEFAULT_PORT,
        url.database or "",
        url.username or "",
        url.password or "",  # type: ignore[arg-type]
    )


def with_kept_password(location: str, passwords: PasswordStore | None = None) -> str:
    """A server location without a password gets the one kept in the keyring, if any."""
    login = login_of(location)
    if login is None or login.password:
        return location
    kept = (passwords or PasswordStore()).get(login)
    return replace(login, password=kept).url() if kept else location


def shown(location: str) -> str:
    """A database location fit for the screen and the log: a server's password hidden."""
    from sqlalchemy.engine import make_url

    from commune_desk.data.db import is_server, to_url

    if not is_server(location):
        return location
    return make_url(to_url(location)).render_as_string(hide_password=True)


class Keyring(Protocol):
    """The part of the `keyring` library used here (tests pass a fake)."""

    def get_password(self, service_name: str, username: str) -> str | None: ...
    def set_password(self, service_name: str, username: str, password: str) -> None: ...
    def delete_password(self, service_name: str, username: str) -> None: ...


def _system_keyring() -> Keyring:
    import keyring

    return keyring  # type: ignore[return-value]


class PasswordStore:
    """Server passwords in the operating system's keyring; a keyring that fails is no keyring."""

    def __init__(self, backend: Keyring | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> Keyring:
        if self._backend is None:
            self._backend = _system_keyring()
        return self._backend

    def get(self, login: ServerLogin) -> str | None:
        try:
            return self.backend.get_password(KEYRING_SERVICE, login.account)
        except Exception:  # no keyring on this PC, or it is locked: just ask for it
            log.warning("The keyring could not be read", exc_info=True)
            return None

    def remember(self, login: ServerLogin) -> bool:
        try:
            self.backend.set_password(KEYRING_SERVICE, login.account, login.password)
            return True
        except Exception:
            log.warning("The keyring could not keep the server password", exc_info=True)
            return False

    def forget(self, login: ServerLogin) -> None:
        try:
            self.backend.delete_password(KEYRING_SERVICE, login.account)
        except Exception:  # nothing kept, or no keyring: nothing to forget
            log.info("No server password to forget in the keyring")


def connect(login: ServerLogin, passwords: PasswordStore, remember: bool) -> str:
    """Try the connection (off the UI thread); keep or forget the password; the location.

    Raises ServerUnavailable (a DatabaseError) with the cause in Vietnamese."""
    from commune_desk.data.db import create_db_engine
    from commune_desk.data.server import ensure_reachable

    engine = create_db_engine(login.url())
    try:
        ensure_reachable(engine)
    finally:
        engine.dispose()
    if remember:
        passwords.remember(login)
    else:
        passwords.forget(login)
    return login.url()
