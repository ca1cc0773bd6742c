"""Start-up figures: a bare Qt window, the login dialog, the main window after the log-in.

Builds the demo database once in a temporary folder, then several times (offscreen) starts a
bare Qt window and the real program, one after the other, and prints the medians: process
start to the bare window's first paint, to the login's first paint, and from the log-in click
to the main window's first paint; also which heavy libraries were imported by then.

Both windows are measured the same way (an event filter on the window alone), in wall time
and in the processor time the process used by its first paint. On a busy machine the wall
times swing with the load; each login is therefore compared with the bare window started just
before it, and the median of those ratios is printed beside the ratio of the medians. The
processor time hardly depends on the load.
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
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--start-only", action="store_true", help="leave out the activity log's figures"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": folder}
        # An installed program (or the bundle) runs compiled bytecode: the first run compiles
        # it into this folder for the runs that are counted, whatever PYTHONDONTWRITEBYTECODE.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        db = str(Path(folder) / "demo.sqlite3")
        subprocess.run(
            [sys.executable, "-m", "commune_desk", "demo", "--db", db],
            env=env,
            check=True,
            capture_output=True,
        )
        bare, login, painted, after, heavy, early = [], [], [], [], set(), set()
        bare_cpu, login_cpu = [], []
        for _ in range(args.repeat + 1):  # the first run warms the disk cache and compiles
            _, seconds, cpu = _line(_child(env, "_bare_probe.py"), "bare")
            bare.append(float(seconds))
            bare_cpu.append(float(cpu.removeprefix("cpu=")))
            out = _child(env, "_paint_probe.py", db)
            _, seconds, cpu, modules = _line(out, "login")
            login.append(float(seconds))
            login_cpu.append(float(cpu.removeprefix("cpu=")))
            early.add(modules.removeprefix("early="))
            _, seconds, modules, after_login = _line(out, "painted")
            painted.append(float(seconds))
            heavy.add(modules.removeprefix("heavy="))
            after.append(float(after_login.removeprefix("after_login=")))
        bare, login, painted, after = bare[1:], login[1:], painted[1:], after[1:]
        bare_cpu, login_cpu = bare_cpu[1:], login_cpu[1:]
    med = statistics.median
    pairs = med(x / y for x, y in zip(login, bare, strict=True))
    print(f"process start to a bare Qt window painted: median {med(bare):.2f} s")
    print(
        f"process start to the login dialog painted: median {med(login):.2f} s "
        f"({med(login) / med(bare):.2f}x the bare window; median of the {len(login)} "
        f"login/bare pairs: {pairs:.2f}x)"
    )
    print(
        f"processor time by the first paint: bare window median {med(bare_cpu):.2f} s, "
        f"login median {med(login_cpu):.2f} s ({med(login_cpu) / med(bare_cpu):.2f}x)"
    )
    early_text = ", ".join(sorted(early))
    print(f"imported when the login painted (of SQLAlchemy, Alembic, argon2): {early_text}")
    print(
        f"log-in clicked to main window painted (demo database): median {med(after):.2f} s; "
        f"process start to main window painted: median {med(painted):.2f} s, "
        f"min {min(painted):.2f} s over {len(painted)} runs"
    )
    print(f"heavy modules imported by first paint: {', '.join(sorted(heavy))}")
    if not args.start_only:
        activity_log(args.repeat)


def _child(env: dict[str, str], script: str, *args: str) -> str:
    return subprocess.run(
        [sys.executable, str(HERE / script), repr(time.time()), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _line(out: str, head: str) -> list[str]:
    return next(x for x in out.splitlines() if x.startswith(head)).split()


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
    from commune_desk.views.kernel import kernel
    from commune_desk.views.records.page import RecordPage
    from commune_desk.views.widgets.dialogs import QtDialogs

    _app = QApplication.instance() or QApplication([])  # kept for the pages below
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
            kernel().wait_idle(60)  # the list has arrived
            opened.append(time.perf_counter() - t)
            column = page.model.column_of("people_supported")
            t = time.perf_counter()
            page.ui.records_table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            kernel().wait_idle(60)  # the list has arrived
            sorted_.append(time.perf_counter() - t)
            t = time.perf_counter()
            page.ui.type_combo.setCurrentIndex(2)
            kernel().wait_idle(60)  # the list has arrived
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
