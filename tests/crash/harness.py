"""The kill harness: start tests/crash/child.py, SIGKILL it at a random moment, check the files.

Each operation (a large import, a run of monthly-figure saves, a report export) starts from a
copy of a prepared folder. The kill moment is drawn uniformly over the operation's duration,
measured once in-process, counted from the child's `ready` line. After the kill the harness
checks, with plain sqlite3 and the workbook readers:

- the database passes PRAGMA integrity_check and foreign_key_check, and the program opens it;
- import: every batch is wholly present or wholly absent (rows and the import's audit entry
  holding them all), in order, and every acknowledged batch is present;
- saves: every acknowledged save is present with its value, and every block is all or nothing;
- export: the workbook is the previous version or a complete valid one (opens, its `_data`
  checksum verifies); the newest recorded submission is that file or the one just before it;
  every acknowledged submission is recorded;
- no temporary file is left once the program's recovery step has run (the sweep every
  atomic write does first, `excel.atomic.sweep_leftovers`); only the program's own
  recognisable temporary files may exist between the kill and that step.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash import child

CHILD = Path(child.__file__).resolve()
OPERATIONS = ("import", "saves", "export")
START_TIMEOUT_S = 120


@dataclass(frozen=True)
class Sizes:
    import_batches: int = 3  # staff lists imported one after the other
    import_rows: int = 2000  # rows of each list
    save_months: int = 48  # months of four figures, saved in blocks of one to three
    exports: int = 4  # submissions (each followed by an unlock)

    def of(self, operation: str) -> int:
        """The SIZE argument of the child for `operation`."""
        return {"import": self.import_batches, "saves": self.save_months}.get(
            operation, self.exports
        )


QUICK = Sizes(import_batches=2, import_rows=1000, save_months=12, exports=1)


@dataclass
class Outcome:
    operation: str
    delay: float
    killed: bool  # False when the child finished before the kill moment
    acks: int
    temp_files: int  # temporary files present right after the kill (swept by recovery)
    problems: list[str] = field(default_factory=list)


class Harness:
    """Prepared folders per operation under `workdir`, and single kill runs from them."""

    def __init__(self, workdir: Path, sizes: Sizes = Sizes()) -> None:
        self.workdir = Path(workdir)
        self.sizes = sizes
        self.home = self.workdir / "home"
        self.home.mkdir(parents=True, exist_ok=True)
        self._bases: dict[str, Path] = {}
        self._durations: dict[str, float] = {}
        self._runs = 0

    # -- preparing -----------------------------------------------------------------------
    def base(self, operation: str) -> Path:
        if operation not in self._bases:
            folder = self.workdir / f"base-{operation}"
            folder.mkdir()
            with self._opened(folder, "system") as ctx:
                if operation == "export":
                    self._prepare_export(ctx, folder)
                else:
                    from commune_desk.services.commune import CommuneService

                    CommuneService(ctx).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
            if operation == "import":
                _write_batches(folder, self.sizes)
            self._bases[operation] = folder
        return self._bases[operation]

    def _opened(self, folder: Path, role: str):
        from tests.support.report_files import opened_at

        return opened_at(folder / child.DB_NAME, role)

    @staticmethod
    def _prepare_export(ctx, folder: Path) -> None:
        """The demo commune with version 1 of the report submitted, then unlocked."""
        from commune_desk.demo import build_demo
        from commune_desk.services.reports import ReportService

        build_demo(ctx)
        reports = ReportService(ctx)
        reports.export(child.PERIOD, folder / child.TARGET_NAME)
        reports.unlock(child.PERIOD, "Chuẩn bị kiểm thử")

    def duration(self, operation: str) -> float:
        """How long the operation takes after `ready`, measured once in-process."""
        if operation not in self._durations:
            folder = self._fresh_copy(operation)
            lines: list[str] = []
            child.run(operation, folder, lines.append, 0, self.sizes.of(operation))
            self._durations[operation] = float(lines[-1].split()[1])
        return self._durations[operation]

    def _fresh_copy(self, operation: str) -> Path:
        self._runs += 1
        folder = self.workdir / f"run-{self._runs:04d}-{operation}"
        shutil.copytree(self.base(operation), folder)
        return folder

    # -- one kill ----------------------------------------------------------------------
    def kill_once(self, operation: str, rng: random.Random) -> Outcome:
        delay = rng.uniform(0, self.duration(operation))
        seed = rng.randrange(1 << 30)
        folder = self._fresh_copy(operation)
        before = _target_sha(folder)
        lines, killed, failure = self._run_child(operation, folder, delay, seed)
        outcome = Outcome(operation, delay, killed, sum(1 for x in lines if x.startswith("ack")), 0)
        if failure:
            outcome.problems.append(failure)
            return outcome
        outcome.temp_files = self._recover(folder, outcome.problems)
        outcome.problems += _database_problems(folder / child.DB_NAME)
        if not outcome.problems:
            check = CHECKS[operation]
            outcome.problems += check(folder, lines, seed, before, self.sizes)
            outcome.problems += self._reopen_problems(folder)
        if not outcome.problems:
            shutil.rmtree(folder)  # keep only the folders that show a problem
        return outcome

    def _run_child(
        self, operation: str, folder: Path, delay: float, seed: int
    ) -> tuple[list[str], bool, str]:
        size = self.sizes.of(operation)
        env = {**os.environ, "COMMUNE_DESK_HOME": str(self.home), "PYTHONUNBUFFERED": "1"}
        process = subprocess.Popen(
            [sys.executable, str(CHILD), operation, str(folder), str(seed), str(size)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=CHILD.parents[2],
        )
        lines: list[str] = []
        ready = threading.Event()

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line.strip())
                if line.startswith("ready"):
                    ready.set()
            ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        ready.wait(START_TIMEOUT_S)
        killed = False
        if "ready" in lines:
            time.sleep(delay)
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                killed = True
        else:
            process.kill()
            killed = True
        process.wait()
        reader.join()
        assert process.stderr is not None
        errors = process.stderr.read().strip()
        process.stderr.close()
        if "ready" not in lines:
            return lines, killed, f"the child did not start: {errors[-2000:]}"
        if not killed and (process.returncode != 0 or not lines[-1].startswith("done")):
            return lines, killed, f"the child failed ({process.returncode}): {errors[-2000:]}"
        return lines, killed, ""

    @staticmethod
    def _recover(folder: Path, problems: list[str]) -> int:
        """Sweep the program's leftovers as its next write does; return how many there were."""
        from commune_desk.excel.atomic import TEMP_MARK, leftovers, sweep_leftovers

        target = folder / child.TARGET_NAME
        expected = {child.DB_NAME, f"{child.DB_NAME}-wal", f"{child.DB_NAME}-shm", target.name}
        found = leftovers(target)
        others = [
            p.name
            for p in folder.iterdir()
            if p.name not in expected and not p.name.startswith("batch-") and p not in found
        ]
        if others:
            problems.append(f"unexpected files after the kill: {sorted(others)}")
        sweep_leftovers(target)
        remaining = [p.name for p in folder.iterdir() if TEMP_MARK in p.name]
        if remaining:
            problems.append(f"temporary files left after recovery: {remaining}")
        return len(found)

    def _reopen_problems(self, folder: Path) -> list[str]:
        """The program opens the database again and reads the commune."""
        from commune_desk.services.commune import CommuneService

        try:
            with self._opened(folder, "officer") as ctx:
                CommuneService(ctx).profile()
        except Exception as exc:  # any failure to start again is the finding
            return [f"the program cannot open the database again: {exc!r}"]
        return []


# -- checks ------------------------------------------------------------------------------
def _database_problems(path: Path) -> list[str]:
    try:
        with closing(sqlite3.connect(path)) as conn:
            check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            keys = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"the database cannot be read: {exc}"]
    problems = [] if check == ["ok"] else [f"integrity_check: {check[:5]}"]
    if keys:
        problems.append(f"foreign_key_check: {keys[:5]}")
    return problems


def _query(folder: Path, sql: str, *args: object) -> list[tuple]:
    with closing(sqlite3.connect(folder / child.DB_NAME)) as conn:
        return conn.execute(sql, args).fetchall()


def _check_import(
    folder: Path, lines: list[str], _seed: int, _before: str | None, sizes: Sizes
) -> list[str]:
    problems = []
    expected = sizes.import_rows
    acked = {line.split()[2] for line in lines if line.startswith("ack import")}
    present = []
    for k in range(1, sizes.import_batches + 1):
        name = f"batch-{k}.csv"
        ((rows,),) = _query(folder, "SELECT count(*) FROM staff WHERE code LIKE ?", f"B{k}-%")
        # The import's one audit entry holds every row it added.
        entries = _query(
            folder,
            "SELECT new_value FROM audit_entries WHERE entity = 'staff' AND entity_key = ?",
            name,
        )
        audited = sum(len(json.loads(new)["added"]) for (new,) in entries)
        if rows not in (0, expected) or audited != rows or len(entries) != (rows > 0):
            problems.append(
                f"{name}: {rows} rows and {len(entries)} audit entries holding {audited} rows "
                f"of {expected}"
            )
        if name in acked and rows != expected:
            problems.append(f"{name}: acknowledged but {rows} rows present")
        present.append(rows == expected)
    if present != sorted(present, reverse=True):
        problems.append(f"batches present out of order: {present}")
    return problems


def _check_saves(
    folder: Path, lines: list[str], seed: int, _before: str | None, sizes: Sizes
) -> list[str]:
    stored = {
        (code, month): value
        for code, month, value in _query(
            folder,
            "SELECT code, month, value FROM monthly_values WHERE village_id IS NULL "
            f"AND code IN ({', '.join('?' * len(child.SAVE_CODES))})",
            *child.SAVE_CODES,
        )
    }
    problems = []
    for line in lines:
        if line.startswith("ack save"):
            for item in line.split()[2:]:
                key, value = item.split("=")
                code, month = key.split("@")
                if stored.get((code, month)) != int(value):
                    problems.append(f"acknowledged {item} but stored {stored.get((code, month))}")
    planned = {}
    for block in child.save_plan(seed, sizes.save_months):
        found = [stored.get((c, m)) == v for c, m, v in block]
        if any(found) and not all(found):
            problems.append(f"a block saved in part: {block} -> {found}")
        planned.update({(c, m): v for c, m, v in block})
    strays = {k: v for k, v in stored.items() if planned.get(k) != v}
    if strays:
        problems.append(f"values nobody saved: {list(strays.items())[:5]}")
    return problems


def _check_export(
    folder: Path, lines: list[str], _seed: int, before: str | None, _sizes: Sizes
) -> list[str]:
    from commune_desk.excel.atomic import file_sha256
    from commune_desk.excel.data_sheet import DataSheetError, read_data_sheet

    target = folder / child.TARGET_NAME
    recorded = dict(
        _query(folder, "SELECT version, sha256 FROM submissions WHERE period = ?", child.PERIOD.key)
    )
    problems = []
    for line in lines:
        if line.startswith("ack export"):
            _, _, version, sha = line.split()
            if recorded.get(int(version)) != sha:
                problems.append(f"acknowledged version {version} not recorded")
    newest = max(recorded)
    if not target.exists():
        return [*problems, "the workbook is gone"] if before else problems
    if file_sha256(target) == recorded[newest]:  # the newest recorded, or the one before
        return problems
    try:
        data = read_data_sheet(target)
        from openpyxl import load_workbook

        load_workbook(target, read_only=True).close()
    except (DataSheetError, OSError, ValueError, KeyError) as exc:
        return [*problems, f"the workbook is neither a previous version nor whole: {exc}"]
    if not data.intact:
        problems.append("the workbook's _data checksum does not verify")
    version = data.get("version")
    if version != str(newest + 1):
        problems.append(f"the workbook is version {version}; the newest recorded is {newest}")
    return problems


CHECKS: dict[str, Callable[[Path, list[str], int, str | None, Sizes], list[str]]] = {
    "import": _check_import,
    "saves": _check_saves,
    "export": _check_export,
}


def _target_sha(folder: Path) -> str | None:
    from commune_desk.excel.atomic import file_sha256

    target = folder / child.TARGET_NAME
    return file_sha256(target) if target.exists() else None


def _write_batches(folder: Path, sizes: Sizes) -> None:
    """Staff lists of `sizes.import_rows` rows each, with codes B<batch>-<n>."""
    rng = random.Random(8)
    family = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
    given = ("Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thu Hà", "Quang Huy", "Thị Lan")
    groups = ("can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong")
    for k in range(1, sizes.import_batches + 1):
        lines = ["code,full_name,gender,birth_year,group,start_date"]
        for n in range(sizes.import_rows):
            lines.append(
                f"B{k}-{n:05d},{rng.choice(family)} {rng.choice(given)},"
                f"{rng.choice(('nam', 'nu'))},{rng.randint(1965, 2002)},{rng.choice(groups)},"
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2005, 2024)}"
            )
        (folder / f"batch-{k}.csv").write_text("\n".join(lines) + "\n", "utf-8")
