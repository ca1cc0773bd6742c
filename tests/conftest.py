"""Shared fixtures: offscreen Qt, a fresh database per test on each engine, a fixed clock.

The data-layer, service and command-line tests (tests/data, tests/services, tests/test_cli*)
run twice, on SQLite and on a throwaway PostgreSQL server (tests/support/postgres.py), through
`engine_name`/`db_url` and what is built on them (`opened`, `ctx`, `cli_db`). A test of SQLite
itself is marked `sqlite_only`. Without PostgreSQL's programs the PostgreSQL cases are skipped;
COMMUNE_DESK_TEST_ENGINES=sqlite runs SQLite only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.common import CATALOGUE, FIXED_NOW, run_cli
from tests.support.postgres import NoPostgres, PostgresServer

ENGINES = ("sqlite", "postgresql")
# Where a test runs on both engines: the layers below the window and the command line.
_BOTH_ENGINES = ("data/", "services/", "test_cli")
_TESTS = Path(__file__).resolve().parent


def _engines() -> tuple[str, ...]:
    wanted = os.environ.get("COMMUNE_DESK_TEST_ENGINES", "")
    chosen = tuple(e for e in ENGINES if e in wanted.split(","))
    return chosen or ENGINES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return
    where = Path(str(metafunc.definition.path)).resolve()
    try:
        relative = where.relative_to(_TESTS).as_posix()
    except ValueError:
        return
    if relative.startswith(_BOTH_ENGINES):
        metafunc.parametrize("engine_name", _engines(), indirect=True)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COMMUNE_DESK_HOME", str(home))
    monkeypatch.delenv("COMMUNE_DESK_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def keyring_in_memory():
    """The operating system's keyring replaced by one in memory (the test's own)."""
    import keyring

    from tests.support.fake_keyring import MemoryKeyring

    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    return fake


_server_failure: list[str] = []


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's throwaway PostgreSQL server (skips the test when there is none)."""
    if _server_failure:
        pytest.skip(_server_failure[0])
    try:
        server = PostgresServer.start()
    except NoPostgres as exc:
        _server_failure.append(f"PostgreSQL không chạy được: {exc}")
        pytest.skip(_server_failure[0])
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def engine_name(request: pytest.FixtureRequest) -> str:
    """ "sqlite", or "postgresql" for the tests that run on both engines."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def postgres_db(request: pytest.FixtureRequest, postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, migrated (empty of data) database on the test server."""
    name = postgres_server.create_database(template=postgres_server.migrated_template())
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def postgres_empty_db(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh database without any table (a new server's database)."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "commune.sqlite3"


@pytest.fixture
def db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The test's database: a SQLite file path, or a fresh PostgreSQL database's URL."""
    if engine_name == "postgresql":
        return request.getfixturevalue("postgres_db")
    return str(request.getfixturevalue("db_path"))


@pytest.fixture
def opened(db_url: str) -> Iterator:
    """A migrated database with a commune, and its service context (clock fixed)."""
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import Actor
    from commune_desk.services.setup import open_database

    db = open_database(db_url, CATALOGUE, Actor("tester", "officer"))
    db.context.clock = lambda: FIXED_NOW
    CommuneService(db.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
    yield db
    db.close()


@pytest.fixture
def ctx(opened):
    return opened.context


@pytest.fixture
def cli_db(
    engine_name: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> str:
    """A database (file or server) initialised through the command line for Xã Thiệu Trung."""
    if engine_name == "postgresql":
        target = request.getfixturevalue("postgres_db")
    else:
        target = str(tmp_path / "cli.sqlite3")
    code, out, _ = run_cli(
        capsys,
        "init",
        "--db",
        target,
        "--commune-code",
        "15880",
        "--commune-name",
        "Xã Thiệu Trung",
        "--province",
        "Thanh Hóa",
    )
    assert code == 0 and "Xã Thiệu Trung" in out
    return target
