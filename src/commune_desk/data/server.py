"""A PostgreSQL server as the database: reaching it, and saying plainly why it cannot be reached.

libpq reports a failed connection without a SQLSTATE (there is no result to carry one), so
the cause is found by trying, step by step, what the connection needs — the host's name, a
server answering on the port, the account (on the server's own `postgres` database), then the
database — never by reading the driver's message.
"""

from __future__ import annotations

import logging
import socket

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from commune_desk.data.errors import DatabaseError

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432
PROBE_TIMEOUT_S = 5.0


class ServerUnavailable(DatabaseError):
    """The server cannot be used: wrong host, server down, wrong password, no such database."""


def where(url: URL) -> str:
    """host:port/database, for messages (never the password)."""
    return f"{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/{url.database or ''}"


def _account_works(url: URL) -> bool:
    """Whether the user and password open the server's own `postgres` database."""
    import psycopg

    params: dict[str, object] = {
        "host": url.host or "localhost",
        "port": url.port or DEFAULT_PORT,
        "dbname": "postgres",
        "connect_timeout": int(PROBE_TIMEOUT_S),
    }
    if url.username:
        params["user"] = url.username
    if url.password:  # else libpq's own: PGPASSWORD, the password file
        params["password"] = url.password
    try:
        with psycopg.connect(**params):  # type: ignore[arg-type]
            return True
    except psycopg.Error:
        return False


def diagnose(url: URL) -> str:
    """Why a connection to `url` failed, in Vietnamese for the user."""
    host = url.host or "localhost"
    port = url.port or DEFAULT_PORT
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return (
            f"Không tìm thấy máy chủ «{host}». Hãy kiểm tra lại tên hoặc địa chỉ máy chủ "
            "và mạng của máy này."
        )
    family, kind, proto, _, address = addresses[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.settimeout(PROBE_TIMEOUT_S)
            probe.connect(address)
    except OSError:
        return (
            f"Máy chủ {host} không trả lời ở cổng {port}: máy chủ PostgreSQL chưa chạy, "
            "sai cổng, hoặc tường lửa chặn kết nối."
        )
    user = url.username or ""
    if not _account_works(url):
        return (
            f"Máy chủ {host}:{port} từ chối đăng nhập của «{user}»: sai tên đăng nhập hoặc "
            "mật khẩu (hoặc tài khoản này không được phép kết nối)."
        )
    return (
        f"Máy chủ {host}:{port} không có cơ sở dữ liệu «{url.database}» (hoặc «{user}» "
        "không được phép mở nó). Hãy nhờ người quản trị máy chủ tạo cơ sở dữ liệu này."
    )


def ensure_reachable(engine: Engine) -> None:
    """Open and close one connection; a failure becomes ServerUnavailable with its cause."""
    try:
        with engine.connect():
            return
    except DBAPIError as exc:
        message = diagnose(engine.url)
        log.warning("Cannot connect to %s: %s", where(engine.url), message)
        raise ServerUnavailable(message) from exc
