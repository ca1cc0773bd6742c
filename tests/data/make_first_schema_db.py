"""Regenerate tests/data/first_schema.sqlite3: the demo commune in the FIRST schema (0001).

The demo is built with today's code on a database at the newest schema, then copied, table by
table and column by column, into a new file whose schema was created by revision 0001 only
(never by a later one), so the file stays a first-schema database however many revisions are
added. A submitted, unlocked and resubmitted report, a commune target and an account are added
so that every kind of table holds rows. Beside it, first_schema_figures.json keeps the
indicators the program computed from that data, which the upgrade test expects after migrating.

Run from the repository root: `.venv/bin/python tests/data/make_first_schema_db.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.config import Config
from argon2 import PasswordHasher

from commune_desk.data.db import MIGRATIONS_DIR, create_db_engine
from commune_desk.data.models import User
from commune_desk.demo import build_demo
from commune_desk.domain.periods import Period
from commune_desk.services.context import Actor
from commune_desk.services.indicators import IndicatorService, values_json
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CATALOGUE = ROOT / "resources" / "catalogue" / "default.toml"
TARGET = HERE / "first_schema.sqlite3"
FIGURES = HERE / "first_schema_figures.json"
FIRST_REVISION = "0001"
NOW = dt.datetime(2026, 11, 21, 9, 30)
PERIODS = ("2025-09", "2026-Q3", "2025-H2", "2025")


def _fill(source: Path, folder: Path) -> dict[str, object]:
    """Build the demo (and a submission history) in `source`; return its figures."""
    db = open_database(source, CATALOGUE, Actor("demo", "system"))
    db.context.clock = lambda: NOW
    try:
        build_demo(db.context)
        reports = ReportService(db.context)
        quarter = Period.parse("2025-Q4")
        reports.export(quarter, folder / "v1.xlsx")
        reports.unlock(quarter, "Sửa số liệu tháng 12")
        reports.export(quarter, folder / "v2.xlsx")
        IndicatorService(db.context).set_target("ind.staff_dx_pct", 2026, 85.0)
        with db.context.sessions.begin() as session:
            session.add(
                User(
                    username="thuy.nv",
                    full_name="Nguyễn Văn Thủy",
                    role="clerk",
                    password_hash=PasswordHasher().hash("mat-khau-mau"),
                    created_at=NOW,
                )
            )
        service = IndicatorService(db.context)
        return {key: values_json(service.compute(Period.parse(key))) for key in PERIODS}
    finally:
        db.close()


def _first_schema(path: Path) -> None:
    engine = create_db_engine(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    command.upgrade(config, FIRST_REVISION)  # pinned: never a later revision
    engine.dispose()


def _copy_rows(source: Path, target: Path) -> None:
    """Copy every table's rows, on the columns both schemas have, from `source` to `target`."""
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        conn.execute("BEGIN")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        for table in tables:
            mine = [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]
            theirs = {r[1] for r in conn.execute(f'PRAGMA src.table_info("{table}")')}
            columns = ", ".join(f'"{c}"' for c in mine if c in theirs)
            conn.execute(
                f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"'
            )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert not problems, problems
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        conn.execute("VACUUM")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        figures = _fill(work / "demo.sqlite3", work)
        built = work / "first.sqlite3"
        _first_schema(built)
        _copy_rows(work / "demo.sqlite3", built)
        TARGET.write_bytes(built.read_bytes())
    FIGURES.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{TARGET.name}: {TARGET.stat().st_size // 1024} KB; {FIGURES.name}: {len(figures)}")


if __name__ == "__main__":
    main()
