"""What the guard of submitted figures costs: one saved value, and one import of many rows.

Builds the demo commune, submits every month of 2025 (twelve locked periods), then times a
saved value (after the locked months) and an import of `--rows` community classes, and how
long the guard's comparison took in each. Run with `make bench` or
`.venv/bin/python benchmarks/lock_guard.py [--rows N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from commune_desk import paths
from commune_desk.demo import build_demo
from commune_desk.domain.periods import Period
from commune_desk.services import guard
from commune_desk.services.context import Actor
from commune_desk.services.imports import ImportService
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValuesService


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=40_000)
    args = parser.parse_args()
    spent: list[float] = []
    check = guard.check_locked

    def timed(*a, **kw):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return check(*a, **kw)
        finally:
            spent.append(time.perf_counter() - started)

    guard.check_locked = timed  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        db = open_database(folder / "bench.sqlite3", paths.catalogue_file(), Actor("bench"))
        ctx = db.context
        ctx.clock = lambda: dt.datetime(2026, 11, 21, 9, 30)
        build_demo(ctx)
        locked = 0
        for month in range(1, 13):
            try:
                ReportService(ctx).export(Period.month(2025, month), folder / f"{month}.xlsx")
                locked += 1
            except Exception as exc:  # a month the demo left with an error: not submitted
                print(f"2025-{month:02d} not submitted: {str(exc)[:80]}")
        spent.clear()
        started = time.perf_counter()
        ValuesService(ctx).set_value("infra.bts", "2026-10", 9)
        print(
            f"{locked} locked periods: one value saved in {time.perf_counter() - started:.3f} s, "
            f"guard {sum(spent) * 1000:.0f} ms"
        )
        rows = ["code,date,topic,participants"]
        rows += [f"BENCH{i},{1 + i % 28}/10/2026,VNeID,{i % 40}" for i in range(args.rows)]
        (folder / "classes.csv").write_text("\n".join(rows) + "\n", "utf-8")
        spent.clear()
        started = time.perf_counter()
        ImportService(ctx).import_file("classes", folder / "classes.csv")
        print(
            f"import of {args.rows} classes: {time.perf_counter() - started:.2f} s, "
            f"guard ran {len(spent)} time(s), {sum(spent) * 1000:.0f} ms"
        )
        db.close()


if __name__ == "__main__":
    main()
