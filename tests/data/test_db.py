from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import text

from commune_desk.data.db import (
    BUSY_TIMEOUT_MS,
    DatabaseError,
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
    to_url,
)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_migrated_with_pragmas(tmp_path):
    engine = create_db_engine(tmp_path / "new.sqlite3")
    result = migrate(engine, tmp_path / "backups")
    assert result.before is None and result.after == head_revision()
    assert result.backup is None
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS
    assert current_revision(engine) == head_revision()
    assert migrate(engine, tmp_path / "backups").backup is None  # already current
    engine.dispose()


def test_url_or_path(tmp_path):
    assert to_url(tmp_path / "a.sqlite3").startswith("sqlite:///")
    assert to_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert to_url("postgres://u@h:5433/db") == "postgresql+psycopg://u@h:5433/db"
    engine = create_db_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    migrate(engine)
    assert (tmp_path / "b.sqlite3").exists()
    engine.dispose()


def test_foreign_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    before = digest(path)
    engine = create_db_engine(path)
    with pytest.raises(DatabaseError, match="không phải của Commune Desk"):
        migrate(engine, tmp_path / "backups")
    engine.dispose()
    assert digest(path) == before


def test_failed_migration_leaves_file_untouched_after_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_db_engine(path)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000unknown'"))
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(path)
    engine = create_db_engine(path)
    with pytest.raises(DatabaseError, match="chưa bị thay đổi"):
        migrate(engine, tmp_path / "backups")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert digest(path) == before
    (backup,) = (tmp_path / "backups").glob("*.sqlite3")
    assert backup.name.startswith("old_") and backup.name.endswith("_truoc-nang-cap.sqlite3")


@pytest.mark.sqlite_only
def test_reads_do_not_wait_for_a_writer(opened, db_path):
    from commune_desk.services.commune import CommuneService

    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another copy of the program is importing
    try:
        writer.execute("UPDATE communes SET name = 'Xã đang sửa'")
        assert CommuneService(opened.context).profile().name == "Xã Thiệu Trung"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_migrations_build_exactly_the_models(tmp_path):
    """A model changed without a migration would leave clerks' databases behind."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from commune_desk.data.models import Base

    engine = create_db_engine(tmp_path / "m.sqlite3")
    migrate(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()
