"""The same figures on both engines: SQLite (a file) and PostgreSQL (a server).

For each engine: the demo commune is built, 100,000 activities added, then timed: every
indicator of a quarter, a quarter report (its preview: the whole document), and the activity
list's first page opened, sorted and filtered (what the window's list asks of the service).
Then `consolidate --db` (the command itself, in this process) over 166 generated communes (a
province) and 3,321 (the country) in one database on each engine (benchmarks/province_db.py:
one commune made through the services and submitted, the others copied from it set-based;
about 80 % submitted, 12 % drafts, 8 % missing), beside the consolidation of the same reports
as files (written once by the same builder, from the SQLite database; only the consolidation
of the folder is timed).
PostgreSQL is `--postgres URL` (an empty database), or else a throwaway server started like
the tests' (tests/support/postgres.py) when PostgreSQL's programs are on this machine.
Run with `.venv/bin/python benchmarks/engines.py [--repeat N] [--postgres URL] [--no-country]
[--communes N …]`. `consolidate --db` builds every commune's report and reads its content
without writing a workbook; on a 2-core machine shared with other work 166 communes took
11.6 s on SQLite and 22.4 s on PostgreSQL (90 s and 122 s when each report was written as a
file first; writing those 166 files alone takes about 50 s, still done once for the file
figure). What remains is counting each commune's figures (the queries of the report
builder). With
`--postgres URL` the consolidation databases are made next to it (the URL's user must be
allowed to create them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support.postgres

from commune_desk import paths
from commune_desk.data.repositories import records as repo
from commune_desk.demo import build_demo
from commune_desk.domain.periods import Period
from commune_desk.services.context import Actor
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.records import RecordQuery, RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent))  # province_db, next to this file
from province_db import consolidate_db, consolidate_files

PROVINCE, COUNTRY = 166, 3321

QUARTER = Period.parse("2025-Q3")
ROWS = 100_000
PAGE = 200


def _activities(ctx) -> None:
    types = list(ctx.catalogue.vocab["activity_type"])
    with ctx.sessions.begin() as session:
        teams = list(repo.code_map(session, 1, "teams").values())
        villages = list(repo.code_map(session, 1, "villages").values())
        existing = repo.count_rows(session, "activities", 1)
        rows = [
            {
                "team_id": teams[i % len(teams)],
                "village_id": villages[i % len(villages)],
                "date": dt.date(2023, 1, 1) + dt.timedelta(days=i % 700),
                "type": types[i % len(types)],
                "people_supported": i % 40,
                "note": "",
            }
            for i in range(ROWS - existing)
        ]
        repo.insert_rows(session, "activities", 1, rows)


def _median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(location: str, repeat: int) -> dict[str, float]:
    db = open_database(location, paths.catalogue_file(), Actor("bench"))
    try:
        ctx = db.context
        started = time.perf_counter()
        build_demo(ctx)
        _activities(ctx)
        built = time.perf_counter() - started
        records = RecordService(ctx)
        return {
            "demo + 100,000 activities built (s)": built,
            "indicators of 2025-Q3 (ms)": _median_ms(
                lambda: IndicatorService(ctx).compute(QUARTER), repeat
            ),
            "quarter report 2025-Q3 (ms)": _median_ms(
                lambda: ReportService(ctx).preview(QUARTER), repeat
            ),
            "activity list opened (ms)": _median_ms(
                lambda: records.page("activities", RecordQuery(limit=PAGE)), repeat
            ),
            "activity list sorted (ms)": _median_ms(
                lambda: records.page(
                    "activities",
                    RecordQuery(sort="people_supported", descending=True, limit=PAGE),
                ),
                repeat,
            ),
            "activity list filtered (ms)": _median_ms(
                lambda: records.page("activities", RecordQuery(search="thon", limit=PAGE)),
                repeat,
            ),
        }
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="an empty PostgreSQL database's URL")
    parser.add_argument(
        "--no-country", action="store_true", help=f"consolidate {PROVINCE} communes only"
    )
    parser.add_argument("--communes", type=int, nargs="+", help="other sizes to consolidate")
    args = parser.parse_args()
    sizes = args.communes or ([PROVINCE] if args.no_country else [PROVINCE, COUNTRY])
    results: dict[str, dict[str, float]] = {}
    consolidations: list[tuple[str, int, float]] = []
    files: dict[int, float] = {}
    written: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = measure(str(Path(folder) / "bench.sqlite3"), args.repeat)
        for size in sizes:
            database = str(Path(folder) / f"province-{size}.sqlite3")
            consolidations.append(("SQLite", size, consolidate_db(database, size, Path(folder))))
            written[size], files[size] = consolidate_files(
                database, Path(folder) / f"reports-{size}"
            )
    server = None
    location = args.postgres
    if location is None:
        from tests.support.postgres import NoPostgres, PostgresServer

        try:
            server = PostgresServer.start()
            location = server.url(server.create_database())
        except NoPostgres as exc:
            print(f"PostgreSQL skipped: {exc}")
    try:
        if location is not None:
            results["PostgreSQL"] = measure(location, args.repeat)
            with tempfile.TemporaryDirectory() as folder:
                for size in sizes:
                    database = _another_database(server, location, size)
                    seconds = consolidate_db(database, size, Path(folder))
                    consolidations.append(("PostgreSQL", size, seconds))
    finally:
        if server is not None:
            server.stop()
    engines = list(results)
    print(f"{'':44}" + "".join(f"{name:>14}" for name in engines))
    for figure in results["SQLite"]:
        print(f"{figure:44}" + "".join(f"{results[e][figure]:>14.1f}" for e in engines))
    print()
    print(f"{'consolidate --db':16}{'communes':>10}{'seconds':>10}{'from files (s)':>16}")
    for engine, size, seconds in consolidations:
        print(f"{engine:16}{size:>10,}{seconds:>10.1f}{files[size]:>16.1f}")
    for size, seconds in written.items():  # what consolidate --db does before consolidating
        print(f"(the {size:,} reports written from SQLite alone: {seconds:.1f} s)")


def _another_database(server, location: str, size: int) -> str:
    """An empty database for `size` communes: on the throwaway server, or beside `location`."""
    if server is not None:
        return server.url(server.create_database())
    from sqlalchemy.engine import make_url

    from commune_desk.data.db import create_db_engine

    url = make_url(location)
    name = f"{url.database}_province_{size}"
    admin = create_db_engine(location)
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


if __name__ == "__main__":
    main()
