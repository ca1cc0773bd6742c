"""Time to import 40,000 and 100,000 support activities, beside the floor of the same run.

The floor: parse the same CSV with the standard library and insert its rows into a bare
SQLite table with `executemany`, in one transaction. The import: `ImportService.import_file`
with every check, the preview's counts and the import's audit entry (every row in it), and
again with `--dry-run` (checks and preview, nothing written). Each measurement runs in its
own process, which prints its time and its peak memory (the process's maximum resident size,
the interpreter and its libraries included). Run with `make bench` or
`.venv/bin/python benchmarks/imports.py [--rows 40000 100000]`. Target: within 5× the floor.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEAMS = 60
TYPES = ("vneid", "online_services", "cashless", "ecommerce", "cybersafety", "other")
FIRST_DAY = dt.date(2024, 1, 1)


def write_files(folder: Path, rows: int) -> Path:
    """Villages, teams and `rows` activities (every key distinct) as CSV files."""
    with open(folder / "villages.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["code", "name"])
        out.writerows([f"T{i:02d}", f"Thôn {i}"] for i in range(1, TEAMS + 1))
    with open(folder / "teams.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["code", "name", "level", "village_code", "established_on"])
        out.writerows(
            [f"TO{i:02d}", f"Tổ công nghệ số thôn {i}", "village", f"T{i:02d}", "01/01/2023"]
            for i in range(1, TEAMS + 1)
        )
    path = folder / f"activities-{rows}.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["team_code", "date", "type", "people_supported", "village_code", "note"])
        for n in range(rows):
            team = n % TEAMS + 1
            day = FIRST_DAY + dt.timedelta(days=(n // TEAMS) // len(TYPES))
            kind = TYPES[(n // TEAMS) % len(TYPES)]
            note = "Hỗ trợ cài đặt VNeID mức 2" if n % 3 == 0 else ""
            out.writerow(
                [f"TO{team:02d}", f"{day:%d/%m/%Y}", kind, n % 40 + 1, f"T{team:02d}", note]
            )
    return path


def floor(csv_path: Path, db_path: Path) -> None:
    """Parse the CSV and insert its rows into a bare table with the standard library."""
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        rows = list(reader)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE activities (team TEXT, date TEXT, type TEXT, people INTEGER, "
        "village TEXT, note TEXT)"
    )
    with conn:
        conn.executemany("INSERT INTO activities VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.close()


def prepare(folder: Path) -> Path:
    """A commune database with the villages and teams the activities refer to."""
    from commune_desk import paths
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import Actor
    from commune_desk.services.imports import ImportService
    from commune_desk.services.setup import open_database

    db_path = folder / "base.sqlite3"
    db = open_database(db_path, paths.catalogue_file(), Actor("bench", "officer"))
    try:
        CommuneService(db.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
        ImportService(db.context).import_file("villages", folder / "villages.csv")
        ImportService(db.context).import_file("teams", folder / "teams.csv")
    finally:
        db.close()
    return db_path


def child(what: str, csv_path: Path, db_path: Path) -> None:
    """One measurement in this process: prints {"seconds", "peak_mb", "added"} as JSON."""
    added = 0
    if what == "floor":
        started = time.perf_counter()
        floor(csv_path, db_path)
        seconds = time.perf_counter() - started
    else:
        from commune_desk import paths
        from commune_desk.services.context import Actor
        from commune_desk.services.imports import ImportService
        from commune_desk.services.setup import open_database

        db = open_database(db_path, paths.catalogue_file(), Actor("bench", "officer"))
        try:
            service = ImportService(db.context)
            started = time.perf_counter()
            report = service.import_file("activities", csv_path, dry_run=what == "dry-run")
            seconds = time.perf_counter() - started
            added = report.added
        finally:
            db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "added": added}))


def measure(what: str, csv_path: Path, db_path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", what, str(csv_path), str(db_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[40_000, 100_000])
    parser.add_argument("--child", nargs=3, metavar=("WHAT", "CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, csv_path, db_path = args.child
        child(what, Path(csv_path), Path(db_path))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for rows in args.rows:
            csv_path = write_files(folder, rows)
            base = prepare(folder)
            low = measure("floor", csv_path, folder / f"floor-{rows}.sqlite3")
            print(f"{rows:,} activities ({csv_path.stat().st_size / 1e6:.1f} MB of CSV)")
            print(f"  floor (csv + sqlite3 executemany): {low['seconds']:.2f} s")
            for what in ("dry-run", "import"):
                target = folder / f"{what}-{rows}.sqlite3"
                shutil.copyfile(base, target)
                got = measure(what, csv_path, target)
                ratio = got["seconds"] / low["seconds"]
                print(
                    f"  {what:8} {got['seconds']:6.2f} s = {ratio:4.1f}× the floor, "
                    f"peak memory {got['peak_mb']:.0f} MB, {got['added']:,} added"
                )
            base.unlink()


if __name__ == "__main__":
    main()
