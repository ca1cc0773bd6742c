"""Crash safety, proven: the program killed (SIGKILL) at random moments loses nothing it
acknowledged and leaves no half-written data or file (a modest count here; the full run is
`benchmarks/crash.py --runs 200`)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from commune_desk.excel.atomic import TEMP_MARK
from tests.crash import child
from tests.crash.harness import CHECKS, OPERATIONS, QUICK, Harness

KILLS = 5


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Harness:
    return Harness(tmp_path_factory.mktemp("crash"), QUICK)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_killed_at_random_moments_nothing_acknowledged_is_lost_nothing_is_half_written(
    harness: Harness, operation: str
):
    seed = random.randrange(1 << 32)
    rng = random.Random(seed)
    outcomes = [harness.kill_once(operation, rng) for _ in range(KILLS)]
    found = [(round(o.delay, 3), o.problems) for o in outcomes if o.problems]
    assert found == [], f"seed {seed}"
    assert any(o.killed for o in outcomes)


def copy_of(harness: Harness, operation: str, tmp_path: Path) -> Path:
    folder = tmp_path / operation
    shutil.copytree(harness.base(operation), folder)
    return folder


def execute(folder: Path, sql: str, *args: object) -> None:
    with closing(sqlite3.connect(folder / child.DB_NAME)) as conn, conn:
        conn.execute(sql, args)


def test_the_checks_find_half_an_import_and_a_lost_save(harness: Harness, tmp_path: Path):
    folder = copy_of(harness, "import", tmp_path)
    assert CHECKS["import"](folder, [], 0, None, QUICK) == []
    execute(
        folder,
        "INSERT INTO staff (commune_id, code, full_name, position, staff_group, phone, "
        "start_date, steering_member) "
        "SELECT id, 'B1-00007', 'Nửa lô', '', 'can_bo', '', '2020-01-01', 0 FROM communes",
    )
    assert "batch-1.csv: 1 rows and 0 audit entries holding 0 rows" in " ".join(
        CHECKS["import"](folder, [], 0, None, QUICK)
    )
    folder = copy_of(harness, "saves", tmp_path)
    (block, *_) = child.save_plan(3, QUICK.save_months)
    code, month, value = block[0]
    lost = [f"ack save {code}@{month}={value}"]
    assert f"acknowledged {code}@{month}={value} but stored None" in CHECKS["saves"](
        folder, lost, 3, None, QUICK
    )


def test_the_checks_find_half_a_workbook_and_a_stray_file(harness: Harness, tmp_path: Path):
    folder = copy_of(harness, "export", tmp_path)
    target = folder / child.TARGET_NAME
    before = target.read_bytes()
    assert CHECKS["export"](folder, [], 0, None, QUICK) == []
    target.write_bytes(before[: len(before) // 2])
    (problem,) = CHECKS["export"](folder, [], 0, None, QUICK)
    assert "neither a previous version nor whole" in problem
    target.write_bytes(before)
    (folder / ".bao-cao.xlsx~").write_bytes(b"not the program's")
    (folder / f".bao-cao{TEMP_MARK}x.tmp").write_bytes(b"the program's")
    problems: list[str] = []
    assert harness._recover(folder, problems) == 1
    assert problems == ["unexpected files after the kill: ['.bao-cao.xlsx~']"]
