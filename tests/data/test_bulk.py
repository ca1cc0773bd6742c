"""Bulk inserts store exactly what SQLAlchemy's own executemany stores, defaults included."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Column, Date, DateTime, Integer, MetaData, String, Table, create_engine
from sqlalchemy import insert as core_insert
from sqlalchemy.orm import Session

from commune_desk.data.bulk import insert_many, written_tables


def _tables() -> tuple[MetaData, Table, Table]:
    meta = MetaData()

    def table(name: str) -> Table:
        return Table(
            name,
            meta,
            Column("id", Integer, primary_key=True),
            Column("day", Date),
            Column("at", DateTime),
            Column("n", Integer, default=5),
            Column("text", String(20)),
        )

    return meta, table("by_core"), table("by_bulk")


def test_rows_are_stored_as_the_core_insert_stores_them(tmp_path: Path) -> None:
    path = tmp_path / "bulk.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    meta, by_core, by_bulk = _tables()
    meta.create_all(engine)
    at = dt.datetime(2025, 9, 30, 8, 15, 2, 120)
    rows = [
        {"day": dt.date(2025, 9, i % 3 + 1), "at": at, "text": t}
        for i, t in enumerate(["Nguyễn", "", None, "=1+1"])
    ]
    rows.append({"day": None, "at": None, "text": "x"})
    with Session(engine) as session, session.begin():
        session.execute(core_insert(by_core), rows)
        insert_many(session, by_bulk, rows)
        assert written_tables(session) == {"by_bulk"}
        assert written_tables(session) == set()  # told once
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        stored = [
            conn.execute(f"SELECT day, at, n, text FROM {name} ORDER BY id").fetchall()
            for name in ("by_core", "by_bulk")
        ]
    assert stored[0] == stored[1]
    assert stored[1][0] == ("2025-09-01", "2025-09-30 08:15:02.000120", 5, "Nguyễn")


def test_a_default_computed_in_python_takes_the_core_way(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    meta = MetaData()
    stamped = Table(
        "stamped",
        meta,
        Column("id", Integer, primary_key=True),
        Column("text", String(20)),
        Column("stamp", String(20), default=lambda: "made"),
    )
    meta.create_all(engine)
    with Session(engine) as session, session.begin():
        insert_many(session, stamped, [{"text": "a"}, {"text": "b"}])
        got = session.execute(stamped.select().order_by(stamped.c.id)).all()
    assert [(r.text, r.stamp) for r in got] == [("a", "made"), ("b", "made")]
    engine.dispose()
