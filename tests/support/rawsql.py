"""SQL run behind the program's back, on either engine: another tool changing the database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from commune_desk.data.db import to_url


def _engine(db: str | Path):
    return create_engine(to_url(db), future=True)


def execute(db: str | Path, *statements: str) -> None:
    """Run `statements` in one transaction, bypassing every check of the program."""
    engine = _engine(db)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def rows(db: str | Path, query: str) -> list[tuple]:
    engine = _engine(db)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(query))]
    finally:
        engine.dispose()


def is_server(db: str | Path) -> bool:
    return "://" in str(db) and not str(db).startswith("sqlite")


def audit_triggers(db: str | Path) -> set[str]:
    """The names of the triggers on audit_entries."""
    if is_server(db):
        query = (
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_entries'::regclass "
            "AND NOT tgisinternal"
        )
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return {r[0] for r in rows(db, query)}


def drop_audit_trigger(db: str | Path, name: str) -> None:
    on = " ON audit_entries" if is_server(db) else ""
    execute(db, f"DROP TRIGGER {name}{on}")


def make_audit_trigger_harmless(db: str | Path, name: str, event: str) -> None:
    """Replace the trigger `name` by one that lets `event` (UPDATE, DELETE) through."""
    drop_audit_trigger(db, name)
    if is_server(db):
        execute(
            db,
            "CREATE FUNCTION harmless() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RETURN NEW; END $$",
            f"CREATE TRIGGER {name} BEFORE {event} ON audit_entries "
            "FOR EACH ROW EXECUTE FUNCTION harmless()",
        )
    else:
        execute(db, f"CREATE TRIGGER {name} BEFORE {event} ON audit_entries BEGIN SELECT 1; END")


def stored_bytes(db: str | Path) -> bytes:
    """All that the database keeps: a file's bytes (with its WAL), or every row on a server."""
    if not is_server(db):
        path = Path(db)
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    tables = [r[0] for r in rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    found = [str(r[0]) for t in tables for r in rows(db, f"SELECT t::text FROM {t} t")]
    return "\n".join(found).encode()
