"""Another copy of the program on the same database file, for the tests of busy writes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from commune_desk.data.db import (
    create_db_engine,
    make_read_session_factory,
    make_session_factory,
)
from commune_desk.domain.periods import Period
from commune_desk.services.context import ServiceContext
from commune_desk.services.values import ValueCell, ValuesService

# The other copy of the program: it holds a write transaction until told to finish.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE communes SET name = name")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


def stored(ctx: ServiceContext, month: str = "2026-09") -> ValueCell | None:
    """The commune's stored value of tthc.procedures for `month`."""
    return ValuesService(ctx).cells([Period.parse(month)]).get(("tthc.procedures", month))


class Holder:
    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None and self.process.stdout is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            assert self.process.stdout.readline().strip() == "released"
        self.process.wait(timeout=30)


@pytest.fixture
def holder(opened, db_path) -> Iterator[Holder]:
    held = Holder(db_path)
    yield held
    held.release()


def second_copy(opened, db_path: Path, busy_timeout_ms: int) -> ServiceContext:
    """Another engine on the same file, as a second copy of the program has."""
    engine = create_db_engine(db_path, busy_timeout_ms=busy_timeout_ms)
    ctx = opened.context
    return ServiceContext(
        make_session_factory(engine),
        ctx.catalogue,
        ctx.actor,
        ctx.clock,
        reads=make_read_session_factory(engine),
    )
