"""PostgreSQL as the database: the schema in one transaction, and every way of not reaching it
ending in a Vietnamese message and exit status 1 (never a traceback)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from commune_desk.data import db as db_module
from commune_desk.data.db import create_db_engine, current_revision, head_revision, migrate
from commune_desk.data.errors import DatabaseError
from tests.support import rawsql
from tests.support.common import run_cli
from tests.support.postgres import PostgresServer, free_port

INIT = ("init", "--commune-code", "15880", "--commune-name", "Xã Thiệu Trung")


def _with(url: str, **parts) -> str:
    return make_url(url).set(**parts).render_as_string(hide_password=False)


def test_an_empty_database_gets_the_whole_schema(postgres_empty_db: str) -> None:
    engine = create_db_engine(postgres_empty_db)
    try:
        result = migrate(engine)
        assert (result.before, result.after) == (None, head_revision())
        assert current_revision(engine) == head_revision()
        assert {"communes", "monthly_values", "audit_entries"} <= set(
            inspect(engine).get_table_names()
        )
    finally:
        engine.dispose()
    assert rawsql.audit_triggers(postgres_empty_db) == {
        "audit_entries_no_update",
        "audit_entries_no_delete",
        "audit_entries_no_truncate",
    }


def test_a_migration_failing_half_way_leaves_no_half_schema(
    postgres_empty_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(db_module.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9999_fails.py").write_text(
        f'''"""a revision that fails half way"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("halfway", sa.Column("id", sa.Integer(), primary_key=True))
    raise RuntimeError("lỗi giữa chừng")


def downgrade() -> None:
    pass
''',
        "utf-8",
    )
    monkeypatch.setattr(db_module, "MIGRATIONS_DIR", migrations)
    engine = create_db_engine(postgres_empty_db)
    try:
        with pytest.raises(DatabaseError, match="chưa bị thay đổi"):
            migrate(engine)
        assert inspect(engine).get_table_names() == []  # not even alembic_version
    finally:
        engine.dispose()


def test_init_on_an_empty_server_database(postgres_empty_db: str, capsys) -> None:
    code, out, err = run_cli(capsys, *INIT, "--province", "Thanh Hóa", "--db", postgres_empty_db)
    assert code == 0, err
    assert "Xã Thiệu Trung" in out
    assert rawsql.rows(postgres_empty_db, "SELECT code FROM communes") == [("15880",)]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("host", "Không tìm thấy máy chủ «commune-desk-test.invalid»"),
        ("port", "không trả lời ở cổng"),
        ("password", "sai tên đăng nhập hoặc mật khẩu"),
        ("database", "không có cơ sở dữ liệu «khong_co»"),
    ],
)
def test_a_server_that_cannot_be_used_is_named_in_words(
    postgres_server: PostgresServer, change: str, expected: str, capsys
) -> None:
    url = postgres_server.url("postgres")
    bad = {
        "host": lambda: _with(url, host="commune-desk-test.invalid"),
        "port": lambda: _with(url, port=free_port()),
        "password": lambda: _with(url, password="sai-mat-khau"),
        "database": lambda: _with(url, database="khong_co"),
    }[change]()
    code, out, err = run_cli(capsys, "check", "--db", bad)
    assert code == 1
    assert expected in err
    assert "Traceback" not in err and "psycopg" not in err and out == ""
    assert "sai-mat-khau" not in err and postgres_server.password not in err


def test_a_schema_newer_than_the_program_is_refused_untouched(postgres_db: str, capsys) -> None:
    rawsql.execute(postgres_db, "UPDATE alembic_version SET version_num = '9999future'")
    code, _, err = run_cli(capsys, "check", "--db", postgres_db)
    assert code == 1
    assert "mới hơn chương trình" in err and "9999future" in err
    assert "Traceback" not in err
    assert rawsql.rows(postgres_db, "SELECT version_num FROM alembic_version") == [("9999future",)]


def test_commune_desk_db_names_the_server(postgres_db: str, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COMMUNE_DESK_DB", postgres_db)
    code, _, err = run_cli(capsys, *INIT, "--province", "Thanh Hóa")
    assert code == 0, err
    assert rawsql.rows(postgres_db, "SELECT name FROM communes") == [("Xã Thiệu Trung",)]


def test_check_on_the_server_finds_what_was_done_behind_its_back(postgres_db, capsys) -> None:
    """What SQLite's integrity check finds in a file, `check` finds on the server."""
    init = (*INIT, "--province", "Thanh Hóa", "--db", postgres_db)
    assert run_cli(capsys, *init)[0] == 0
    code, out, _ = run_cli(capsys, "check", "--db", postgres_db)
    assert code == 0 and "Toàn vẹn dữ liệu: tốt" in out
    rawsql.execute(
        postgres_db,
        "SET session_replication_role = replica",  # foreign keys not enforced meanwhile
        _orphan_village(),
        "SET session_replication_role = origin",
        "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_truncate",
        "ALTER TABLE villages ADD CONSTRAINT name_set CHECK (name <> '') NOT VALID",
    )
    code, out, _ = run_cli(capsys, "check", "--db", postgres_db)
    assert code == 1
    assert "bảng villages trỏ tới communes không còn tồn tại (commune_id)" in out
    assert "xóa sạch cả bảng (đã tắt)" in out
    assert "ràng buộc name_set của bảng villages chưa được kiểm chứng" in out


def _orphan_village() -> str:
    return (
        "INSERT INTO villages (commune_id, code, name, kind, active, search_key, name_sort) "
        "VALUES (999, 'T9', 'Thôn mồ côi', 'thon', true, '', '')"
    )
