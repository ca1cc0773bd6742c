"""A province's server: login roles for its communes and itself (PostgreSQL only)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from commune_desk.data import server_roles
from commune_desk.data.db import create_db_engine, is_server, migrate
from commune_desk.data.models import Commune
from commune_desk.services.errors import ServiceError


@dataclass(frozen=True)
class Granted:
    login: str
    commune: str | None  # the commune's code; None: the province's read-only role
    statements: int


def grant(db: str, login: str, password: str, commune: str | None) -> Granted:
    """Create or update login role `login` on the server database `db`: for one commune
    (code `commune`: its rows only, the audit trail append-only) or, with None, the
    province's read-only role. All the statements run in one transaction."""
    if not is_server(db):
        raise ServiceError(
            "Lệnh «server grant» chỉ dùng cho cơ sở dữ liệu trên máy chủ PostgreSQL "
            "(--db postgresql://…); một tệp SQLite không có vai trò đăng nhập."
        )
    try:
        server_roles.check_login(login)
    except server_roles.RoleError as exc:
        raise ServiceError(str(exc)) from exc
    if len(password) < 8:
        raise ServiceError("Mật khẩu của vai trò cần ít nhất 8 ký tự; chưa tạo gì.")
    engine = create_db_engine(db)
    try:
        migrate(engine)  # the policies name the tables of the newest schema
        with engine.begin() as connection:
            commune_id = None
            if commune is not None:
                commune_id = connection.scalar(select(Commune.id).where(Commune.code == commune))
                if commune_id is None:
                    raise ServiceError(f"Cơ sở dữ liệu không có xã mã «{commune}»; chưa tạo gì.")
            database = engine.url.database or ""
            statements = server_roles.role_sql(
                server_roles.Grant(login, commune_id), database, password
            )
            server_roles.apply(connection, statements)
    except DBAPIError as exc:
        raise ServiceError(
            f"Máy chủ từ chối tạo vai trò «{login}»: {exc.orig}. Chưa có gì thay đổi; lệnh "
            "cần chạy bằng tài khoản chủ sở hữu cơ sở dữ liệu có quyền CREATEROLE."
        ) from exc
    finally:
        engine.dispose()
    return Granted(login, commune, len(statements))
