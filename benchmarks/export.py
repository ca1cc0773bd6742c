"""Time to write one quarter's report workbook (sheet 1, four appendices, `_data`).

Builds the demo commune once in a temporary folder, warms up (the first export imports
openpyxl), then writes the 2026-Q3 report as a draft (nothing is recorded) several times and
prints the median, split into reading the figures and writing the file. Run with `make bench`
or `.venv/bin/python benchmarks/export.py [--repeat N]`. Target: under one second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from commune_desk import paths
from commune_desk.demo import build_demo
from commune_desk.domain.periods import Period
from commune_desk.excel.report import write_report
from commune_desk.services.commune import commune_profile
from commune_desk.services.context import Actor
from commune_desk.services.report_builder import build_document
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database

PERIOD = Period.parse("2026-Q3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3", paths.catalogue_file(), Actor("bench"))
        db.context.clock = lambda: dt.datetime(2026, 11, 21, 9, 30)
        started = time.perf_counter()
        summary = build_demo(db.context)
        print(f"demo built in {time.perf_counter() - started:.2f} s: {summary}")
        service = ReportService(db.context)
        target = Path(folder) / "report.xlsx"
        t = time.perf_counter()
        service.export(PERIOD, target, draft=True)  # warm-up: imports openpyxl
        print(f"first export (with the openpyxl import): {time.perf_counter() - t:.2f} s")
        whole, reading, writing = [], [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            service.export(PERIOD, target, draft=True)
            whole.append(time.perf_counter() - t)
            t = time.perf_counter()
            with db.context.read_session() as session:
                document = build_document(
                    session, db.context, commune_profile(session), PERIOD, True, None
                )
            reading.append(time.perf_counter() - t)
            t = time.perf_counter()
            write_report(target, document)
            writing.append(time.perf_counter() - t)
        size = target.stat().st_size
        db.close()
    rows = len(document.rows) + sum(
        len(table.rows) for a in document.appendices for table in a.tables
    )
    print(
        f"report {PERIOD.label()} with {len(document.appendices)} appendices ({rows} rows, "
        f"{size // 1024} KB): median {statistics.median(whole) * 1000:.0f} ms "
        f"(figures and records {statistics.median(reading) * 1000:.0f} ms, "
        f"workbook {statistics.median(writing) * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
