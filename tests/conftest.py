"""Shared fixtures: offscreen Qt, a fresh SQLite file per test, a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.common import CATALOGUE, FIXED_NOW, run_cli


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COMMUNE_DESK_HOME", str(home))
    monkeypatch.delenv("COMMUNE_DESK_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "commune.sqlite3"


@pytest.fixture
def opened(db_path: Path) -> Iterator:
    """A migrated database with a commune, and its service context (clock fixed)."""
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import Actor
    from commune_desk.services.setup import open_database

    db = open_database(db_path, CATALOGUE, Actor("tester", "officer"))
    db.context.clock = lambda: FIXED_NOW
    CommuneService(db.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
    yield db
    db.close()


@pytest.fixture
def ctx(opened):
    return opened.context


@pytest.fixture
def cli_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database file initialised through the command line for Xã Thiệu Trung."""
    path = str(tmp_path / "cli.sqlite3")
    code, out, _ = run_cli(
        capsys,
        "init",
        "--db",
        path,
        "--commune-code",
        "15880",
        "--commune-name",
        "Xã Thiệu Trung",
        "--province",
        "Thanh Hóa",
    )
    assert code == 0 and "Xã Thiệu Trung" in out
    return path
