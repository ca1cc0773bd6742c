"""What a killed write leaves (recognisable temporary files) and how the next write sweeps it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from commune_desk.excel import atomic
from commune_desk.excel.atomic import (
    leftovers,
    previous_version_kept,
    sweep_leftovers,
    write_atomically,
)


def killed_write(folder: Path, target: str, suffix: str = ".tmp", age_s: float = 0) -> Path:
    """A temporary file as a process killed half way through writing `target` leaves it."""
    path = folder / f".{Path(target).stem}{atomic.TEMP_MARK}k1ll3d{suffix}"
    path.write_bytes(b"PK\x03\x04 half a workbook")
    if age_s:
        then = time.time() - age_s
        os.utime(path, (then, then))
    return path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_next_write_of_the_target_sweeps_what_a_killed_write_left(tmp_path):
    target = tmp_path / "bao-cao.xlsx"
    half = killed_write(tmp_path, "bao-cao.xlsx")
    kept = killed_write(tmp_path, "bao-cao.xlsx", ".bak")
    assert leftovers(target) == sorted([half, kept])
    write_atomically(target, lambda temp: temp.write_bytes(b"whole"))
    assert names(tmp_path) == ["bao-cao.xlsx"]
    assert target.read_bytes() == b"whole"


def test_another_targets_temporary_file_is_swept_only_when_stale(tmp_path):
    recent = killed_write(tmp_path, "khac.xlsx")
    stale = killed_write(tmp_path, "cu.xlsx", age_s=atomic.STALE_AFTER_S + 60)
    users_file = tmp_path / ".ghi-chu.tmp"  # not ours: never touched
    users_file.write_text("x")
    assert sweep_leftovers(tmp_path / "bao-cao.xlsx") == 1
    assert recent.exists() and not stale.exists() and users_file.exists()


def test_the_kept_previous_version_survives_the_write_inside_it(tmp_path):
    """A submission keeps the previous report while it writes the new one, then fails."""
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"version 1")
    with pytest.raises(RuntimeError), previous_version_kept(target):
        write_atomically(target, lambda temp: temp.write_bytes(b"version 2"))
        assert target.read_bytes() == b"version 2"
        raise RuntimeError("the database refused the submission")
    assert target.read_bytes() == b"version 1"
    assert names(tmp_path) == ["bao-cao.xlsx"]
