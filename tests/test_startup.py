"""The real program paints its window without importing matplotlib or openpyxl."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.support.common import ROOT

ADD_USER = (sys.executable, "-m", "commune_desk", "user", "add", "chutich")


def test_window_paints_without_heavy_imports(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": str(tmp_path)}
    db = str(tmp_path / "start.sqlite3")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "commune_desk",
            "init",
            "--db",
            db,
            "--commune-code",
            "15880",
            "--commune-name",
            "Xã Thiệu Trung",
            "--province",
            "Thanh Hóa",
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*ADD_USER, "--db", db, "--role", "supervisor", "--password-stdin"],
        input="mat-khau-chu-tich\n",
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    probe = ROOT / "benchmarks" / "_paint_probe.py"
    result = subprocess.run(
        [sys.executable, str(probe), repr(time.time()), db, "chutich", "mat-khau-chu-tich"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("painted"))
    assert " heavy=none " in f"{line} "


def test_the_login_shows_before_sqlalchemy_alembic_and_argon2_are_imported(tmp_path):
    """sys.modules at the login's first paint, in the real program (a child process)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": str(tmp_path)}
    db = str(tmp_path / "start.sqlite3")
    init = [sys.executable, "-m", "commune_desk", "init", "--db", db, "--commune-code", "15880"]
    init += ["--commune-name", "Xã Thiệu Trung", "--province", "Thanh Hóa"]
    subprocess.run(init, env=env, check=True, capture_output=True)
    subprocess.run(
        [*ADD_USER, "--db", db, "--role", "supervisor", "--password-stdin"],
        input="mat-khau-chu-tich\n",
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    probe = ROOT / "benchmarks" / "_paint_probe.py"
    result = subprocess.run(
        [sys.executable, str(probe), repr(time.time()), db, "chutich", "mat-khau-chu-tich"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    login = next(x for x in lines if x.startswith("login"))
    assert login.endswith("early=none")  # the database opens behind the login
    assert any(x.startswith("painted") for x in lines)  # and the log-in went through
