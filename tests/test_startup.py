"""The real program paints its login and then its window before the heavy libraries load."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import time

import pytest

from tests.support.common import ROOT

ADD_USER = (sys.executable, "-m", "commune_desk", "user", "add", "chutich")


@pytest.fixture(scope="module")
def first_paints(tmp_path_factory) -> list[str]:
    """What benchmarks/_paint_probe.py prints when the real program, started on a set-up
    database, paints its login, logs in as a user would and paints its main window."""
    home = tmp_path_factory.mktemp("start")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": str(home)}
    db = str(home / "start.sqlite3")
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
    return result.stdout.splitlines()


@pytest.mark.parametrize(
    ("paint", "not_imported"),
    [
        ("login", "early=none"),  # SQLAlchemy, Alembic, argon2: the database opens behind it
        ("painted", "heavy=none"),  # matplotlib, openpyxl: the main window, after the log-in
    ],
)
def test_a_first_paint_comes_before_the_heavy_libraries(first_paints, paint, not_imported):
    line = next(x for x in first_paints if x.startswith(f"{paint} "))
    assert not_imported in line.split()


def test_the_compiled_forms_import_only_the_qt_names_they_use():
    """pyside6-uic imports some forty Qt names in every form; each built on first import."""
    forms = sorted((ROOT / "src" / "commune_desk" / "views" / "forms").glob("ui_*.py"))
    assert forms, "run `make ui` first"
    for form in forms:
        tree = ast.parse(form.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
            for alias in node.names
        }
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        assert imported and imported <= used, (form.name, sorted(imported - used))
