"""Time from process start to the main window painted, on the demo database.

Builds the demo database once in a temporary folder, starts the program (offscreen) several
times and prints the median; also says whether matplotlib or openpyxl were imported by then.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": folder}
        db = str(Path(folder) / "demo.sqlite3")
        subprocess.run(
            [sys.executable, "-m", "commune_desk", "demo", "--db", db],
            env=env,
            check=True,
            capture_output=True,
        )
        times, heavy = [], set()
        for _ in range(args.repeat + 1):  # the first run warms the disk cache
            out = subprocess.run(
                [sys.executable, str(HERE / "_paint_probe.py"), repr(time.time()), db],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            line = next(x for x in out.splitlines() if x.startswith("painted"))
            _, seconds, modules = line.split()
            times.append(float(seconds))
            heavy.add(modules.removeprefix("heavy="))
        times = times[1:]
    print(
        f"process start to main window painted (demo database): median "
        f"{statistics.median(times):.2f} s, min {min(times):.2f} s over {len(times)} runs"
    )
    print(f"heavy modules imported by first paint: {', '.join(sorted(heavy))}")
    activity_log(args.repeat)


def activity_log(repeat: int) -> None:
    """Open, sort and filter the activity log page with 100,000 activities."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import datetime as dt

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from commune_desk import paths
    from commune_desk.data.repositories import records as repo
    from commune_desk.demo import build_demo
    from commune_desk.services.context import Actor
    from commune_desk.services.setup import open_database
    from commune_desk.views.records.page import RecordPage
    from commune_desk.views.widgets.dialogs import QtDialogs

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "log.sqlite3", paths.catalogue_file(), Actor("bench"))
        ctx = db.context
        build_demo(ctx)
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
                for i in range(100_000 - existing)
            ]
            repo.insert_rows(session, "activities", 1, rows)
        opened, sorted_, filtered = [], [], []
        for _ in range(repeat):
            t = time.perf_counter()
            page = RecordPage(ctx, QtDialogs(), "activities")
            page.resize(1200, 800)
            page.show()
            app.processEvents()
            opened.append(time.perf_counter() - t)
            column = page.model.column_of("people_supported")
            t = time.perf_counter()
            page.ui.records_table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            app.processEvents()
            sorted_.append(time.perf_counter() - t)
            t = time.perf_counter()
            page.ui.type_combo.setCurrentIndex(2)
            app.processEvents()
            filtered.append(time.perf_counter() - t)
            total = page.model.total
            page.close()
            page.deleteLater()
        db.close()
    med = statistics.median
    print(
        f"activity log with 100,000 rows: open {med(opened) * 1000:.0f} ms, "
        f"sort {med(sorted_) * 1000:.0f} ms, filter by type {med(filtered) * 1000:.0f} ms "
        f"({total} rows match)"
    )


if __name__ == "__main__":
    main()
