"""The process the kill harness kills: one operation through the real services on a real file.

`python tests/crash/child.py OPERATION FOLDER SEED SIZE` opens FOLDER/commune.sqlite3 as the program
does, prints `ready`, then works and prints one line, flushed, for every step the services
acknowledged (returned from), and `done SECONDS` at the end:

- import: imports FOLDER/batch-*.csv (staff lists) one after the other
  (`ack import batch-1.csv 2000`);
- saves: saves blocks of monthly figures of SIZE months, each figure once, in an order drawn
  from SEED (`ack save code@month=value code@month=value`);
- export: submits the report of PERIOD to FOLDER/bao-cao.xlsx, then unlocks the period,
  SIZE times (`ack export VERSION SHA256`, `ack unlock`).

The same `run()` serves the harness to measure how long each operation takes, in-process.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from commune_desk import paths
from commune_desk.domain.periods import Period, parse_month
from commune_desk.services.context import Actor
from commune_desk.services.imports import ImportService
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValueChange, ValuesService

DB_NAME = "commune.sqlite3"
TARGET_NAME = "bao-cao.xlsx"
PERIOD = Period.parse("2025-Q4")
# Entered figures that no cross-figure rule ties to another: any value is a valid save.
SAVE_CODES = ("tthc.resolved_on_time", "tthc.resolved_late", "infra.wifi_points", "infra.bts")
FIRST_SAVE_MONTH = "2021-01"  # and later months, up to 2024-12: months without data

Say = Callable[[str], None]


def save_plan(seed: int, months: int) -> list[list[tuple[str, str, int]]]:
    """Blocks of (code, month, value), each (code, month) saved once, in a shuffled order."""
    rng = random.Random(seed)
    month = parse_month(FIRST_SAVE_MONTH)
    keys = []
    for _ in range(months):
        keys += [(code, month.key) for code in SAVE_CODES]
        month = month.next()
    rng.shuffle(keys)
    blocks, index = [], 0
    while index < len(keys):
        size = rng.randint(1, 3)
        blocks.append([(c, m, rng.randint(0, 5000)) for c, m in keys[index : index + size]])
        index += size
    return blocks


def run(operation: str, folder: Path, say: Say, seed: int, size: int) -> None:
    db = open_database(folder / DB_NAME, paths.catalogue_file(), Actor("kiem-thu", "officer"))
    try:
        say("ready")
        started = time.perf_counter()
        if operation == "import":
            service = ImportService(db.context)
            for batch in sorted(folder.glob("batch-*.csv")):
                report = service.import_file("staff", batch)
                say(f"ack import {batch.name} {report.added}")
        elif operation == "saves":
            values = ValuesService(db.context)
            for block in save_plan(seed, size):
                values.save([ValueChange(code, month, value) for code, month, value in block])
                say("ack save " + " ".join(f"{c}@{m}={v}" for c, m, v in block))
        elif operation == "export":
            reports = ReportService(db.context)  # an officer submits, a supervisor unlocks
            leader = ReportService(replace(db.context, actor=Actor("lanh-dao", "supervisor")))
            for _ in range(size):
                result = reports.export(PERIOD, folder / TARGET_NAME)
                say(f"ack export {result.version} {result.sha256}")
                leader.unlock(PERIOD, "Kiểm thử: nộp lại")
                say("ack unlock")
        else:
            raise SystemExit(f"unknown operation {operation}")
        say(f"done {time.perf_counter() - started:.3f}")
    finally:
        db.close()


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    run(sys.argv[1], Path(sys.argv[2]), _say, int(sys.argv[3]), int(sys.argv[4]))
