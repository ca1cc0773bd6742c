"""The one place that builds the engine: URLs, SQLite pragmas, sessions and migrations."""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from commune_desk.data.errors import DatabaseBusy, DatabaseError, WriteConflict, is_conflict
from commune_desk.data.places import refuse_network_share

log = logging.getLogger(__name__)

# A writer that meets another writer (a second copy of the program on a shared folder) waits
# up to BUSY_TIMEOUT_MS inside SQLite, and the BEGIN is tried WRITE_ATTEMPTS times in all.
BUSY_TIMEOUT_MS = 5_000
WRITE_ATTEMPTS = 3
RETRY_PAUSE_S = 0.2
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


SERVER_SCHEMES = ("postgresql", "postgres")


def to_url(db: str | Path) -> str:
    """Turn a file path or a URL into a SQLAlchemy URL (PostgreSQL through psycopg 3)."""
    text = str(db)
    if "://" in text:
        scheme, rest = text.split("://", 1)
        if scheme.lower() in SERVER_SCHEMES:
            return f"postgresql+psycopg://{rest}"
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_server(db: str | Path) -> bool:
    """Whether `db` names a database on a PostgreSQL server (not a file)."""
    return make_url(to_url(db)).get_backend_name() == "postgresql"


def sqlite_path(db: str | Path) -> Path | None:
    """The file behind a SQLite database, or None for another engine or in-memory SQLite."""
    url = make_url(to_url(db))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _on_sqlite_connect(
    dbapi_connection: sqlite3.Connection, _record: object, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
    # SQLite's lower() folds ASCII only; searches in Vietnamese need Python's casefold.
    dbapi_connection.create_function("cd_fold", 1, _fold, deterministic=True)


def _fold(text: object) -> object:
    return text.casefold() if isinstance(text, str) else text


def create_db_engine(db: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine for a file path or URL, with foreign keys, WAL and a busy timeout on SQLite."""
    url = to_url(db)
    path = sqlite_path(url)
    if path is not None:
        refuse_network_share(path)  # SQLite's locks do not hold over NFS or SMB
        path.parent.mkdir(parents=True, exist_ok=True)
    if make_url(url).get_backend_name() == "postgresql":
        return _server_engine(url, busy_timeout_ms)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(
            engine, "connect", partial(_on_sqlite_connect, busy_timeout_ms=busy_timeout_ms)
        )
        # Let SQLAlchemy, not the driver, open transactions, so BEGIN takes the write lock
        # early (IMMEDIATE) and concurrent writers wait instead of failing mid-transaction.
        event.listen(engine, "connect", _disable_pysqlite_autobegin)
        event.listen(engine, "begin", _begin_immediate)
    return engine


# A server that does not answer within this many seconds is reported as unreachable.
CONNECT_TIMEOUT_S = 10


def _server_engine(url: str, busy_timeout_ms: int) -> Engine:
    """PostgreSQL: a writer waits for a row another writer holds up to the same busy timeout
    as on SQLite; then (as on a deadlock or a serialisation failure) WriteConflict."""
    engine = create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "options": f"-c lock_timeout={int(busy_timeout_ms)}",
            "application_name": "Commune Desk",
        },
    )
    event.listen(engine, "handle_error", _conflict_as_domain_error)
    return engine


def _conflict_as_domain_error(context) -> BaseException | None:
    exc = context.original_exception
    if is_conflict(exc):
        name = context.engine.url.database if context.engine is not None else ""
        return WriteConflict(name or "")
    return None


def _disable_pysqlite_autobegin(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None


READ_ONLY = "commune_desk_read_only"


def _begin_immediate(connection: Connection) -> None:
    # Writers take the write lock at BEGIN; readers (see make_read_session_factory) do not,
    # so a long import never blocks the window's queries (WAL lets them read meanwhile).
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
        return
    # Nothing has run in the transaction yet, so trying BEGIN again is safe. SQLite's busy
    # handler already waits at each try; the retries also cover the locks it does not wait for.
    started = time.monotonic()
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if not _is_busy(exc):
                raise
            log.warning("Database busy (try %d of %d)", attempt, WRITE_ATTEMPTS)
            if attempt < WRITE_ATTEMPTS:
                time.sleep(RETRY_PAUSE_S * attempt)
    name = Path(connection.engine.url.database or "").name
    raise DatabaseBusy(name, time.monotonic() - started)


def _is_busy(exc: OperationalError) -> bool:
    return is_conflict(exc)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for use cases that write."""
    return sessionmaker(engine, expire_on_commit=False, future=True)


def make_read_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for use cases that only read: they never wait for a writer."""
    return sessionmaker(
        engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False, future=True
    )


_NOT_OURS = "Tệp dữ liệu không phải của Commune Desk (có bảng nhưng không có phiên bản lược đồ)."


def is_sqlite_file(path: Path) -> bool:
    """Whether the file starts as a SQLite database does (it may still be damaged inside)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _precheck_file(path: Path) -> None:
    """Refuse, without writing to it, a file that is not SQLite or is another program's."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if not is_sqlite_file(path):
        raise DatabaseError(f"Tệp {path.name} không phải là cơ sở dữ liệu SQLite.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"Tệp {path.name} bị hỏng, không đọc được: {exc}.") from exc
    if names and "alembic_version" not in names:
        raise DatabaseError(_NOT_OURS)


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def _alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)  # type: ignore[arg-type]
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))  # type: ignore[arg-type]
    return frozenset(r.revision for r in script.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, backups_dir: Path | None = None) -> MigrationResult:
    """Bring the schema to the newest revision, copying the file to `backups_dir` first.

    A database that already has tables but no revision is not ours: refused, untouched.
    """
    from alembic import command

    path = sqlite_path(str(engine.url))
    if path is not None:
        _precheck_file(path)  # read-only: a file we refuse stays byte for byte as it was
    else:
        from commune_desk.data.server import ensure_reachable

        ensure_reachable(engine)
    before = current_revision(engine)
    head = head_revision()
    if before == head:
        return MigrationResult(before, head, None)
    if before is None and inspect(engine).get_table_names():
        raise DatabaseError(_NOT_OURS)
    backup = None
    if before is not None and path is not None and backups_dir is not None:
        from commune_desk.data.backup import Kind, backup_file

        backup = backup_file(path, backups_dir, Kind.BEFORE_UPGRADE)
        log.info("Backed up %s (revision %s) to %s before migrating", path, before, backup)
    if before is not None and before not in known_revisions():
        raise DatabaseError(
            f"Cơ sở dữ liệu có lược đồ phiên bản «{before}», mới hơn chương trình này "
            f"(phiên bản «{head}»): hãy cài bản Commune Desk mới hơn. "
            "Dữ liệu chưa bị thay đổi."
        )
    try:
        command.upgrade(_alembic_config(engine), "head")
    except Exception as exc:  # one transaction, rolled back: the old schema (or none) stays
        log.exception("Migration from %s failed", before)
        raise DatabaseError(
            f"Không nâng cấp được cơ sở dữ liệu (phiên bản {before or 'trống'}): {exc}. "
            "Dữ liệu chưa bị thay đổi."
        ) from exc
    return MigrationResult(before, head, backup)
