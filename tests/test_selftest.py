"""`commune-desk selftest`: every check passes on a checkout; a missing resource fails it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

import pytest

from commune_desk.selftest import run_selftest
from tests.support.common import ROOT

CHECKS = (
    "tài nguyên",
    "danh mục chỉ tiêu",
    "bản dịch",
    "cơ sở dữ liệu mẫu",
    "cửa sổ chính",
    "xuất báo cáo nháp",
)


# the command line, and main.py: the bundled program's entry (a windowed program on Windows)
ENTRIES = {"cli": ["-m", "commune_desk"], "main.py": [str(ROOT / "main.py")]}


@pytest.mark.parametrize("entry", ENTRIES)
def test_selftest_passes_offscreen_in_a_subprocess(tmp_path, entry):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": str(tmp_path)}
    env.pop("COMMUNE_DESK_RESOURCES", None)
    env.pop("COMMUNE_DESK_DB", None)
    result = subprocess.run(
        [sys.executable, *ENTRIES[entry], "selftest"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("OK  ") for line in lines), result.stdout
    for check in CHECKS:
        assert any(line.startswith(f"OK  {check}:") for line in lines), check
    # the checks ran in their own temporary folder: only the logs are left in the home folder,
    # with the same lines in selftest.txt for a program that has no console
    assert {p.name for p in tmp_path.iterdir()} == {"logs"}
    assert (tmp_path / "logs" / "selftest.txt").read_text(encoding="utf-8") == result.stdout


def test_a_missing_translation_fails_with_the_reason(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources, ignore=shutil.ignore_patterns("*.qm"))
    monkeypatch.setenv("COMMUNE_DESK_RESOURCES", str(resources))
    home_before = os.environ["COMMUNE_DESK_HOME"]
    out = io.StringIO()

    assert run_selftest(out) == 1

    lines = out.getvalue().splitlines()
    assert len(lines) == len(CHECKS) + 1
    failed = [line for line in lines if line.startswith("LỖI ")]
    assert failed[0].startswith("LỖI tài nguyên: thiếu bản dịch commune_desk_en")
    assert "qtbase_vi.qm" in failed[0]
    assert failed[1].startswith("LỖI bản dịch: không nạp được")
    assert failed[-1] == "LỖI tự kiểm tra: 2 mục không đạt"
    # the checks that do not need the translations still ran and passed
    for check in ("danh mục chỉ tiêu", "cơ sở dữ liệu mẫu", "cửa sổ chính", "xuất báo cáo nháp"):
        assert any(line.startswith(f"OK  {check}:") for line in lines), check
    assert os.environ["COMMUNE_DESK_HOME"] == home_before


def test_an_error_raised_in_a_slot_fails_the_window_check(monkeypatch):
    # as in a bundle without a module matplotlib's Qt backend imports
    from commune_desk.views.overview.charts import ChartSet

    def load(_self):
        raise ImportError("cannot import name 'QtSvg' from 'PySide6'")

    monkeypatch.setattr(ChartSet, "load", load)
    out = io.StringIO()

    assert run_selftest(out) == 1

    failed = [line for line in out.getvalue().splitlines() if line.startswith("LỖI ")]
    assert failed == [
        "LỖI cửa sổ chính: ImportError: cannot import name 'QtSvg' from 'PySide6'",
        "LỖI tự kiểm tra: 1 mục không đạt",
    ]
