"""Two copies of the program on one database file: a writer waits, retries, then says so."""

from __future__ import annotations

import threading

import pytest

from commune_desk.data.db import DatabaseBusy
from commune_desk.services.values import ValuesService
from tests.support.busy import holder, second_copy, stored

__all__ = ["holder"]  # a fixture used by the tests below


# SQLite's own locking between two copies of the program on one file.
pytestmark = pytest.mark.sqlite_only


def test_a_write_waits_for_the_other_copy_and_goes_through(opened, db_path, holder):
    values = ValuesService(second_copy(opened, db_path, busy_timeout_ms=5_000))
    threading.Timer(0.3, holder.release).start()  # the other copy finishes while we wait
    values.set_value("tthc.procedures", "2026-09", "12")
    cell = stored(opened.context)
    assert cell is not None and cell.value == 12


def test_a_write_that_cannot_proceed_says_so_and_changes_nothing(opened, db_path, holder):
    values = ValuesService(second_copy(opened, db_path, busy_timeout_ms=50))
    with pytest.raises(DatabaseBusy, match=r"đang bận.*chưa có gì thay đổi"):
        values.set_value("tthc.procedures", "2026-09", "12")
    holder.release()
    assert stored(opened.context) is None
    values.set_value("tthc.procedures", "2026-09", "12")  # once the other copy is done: saved
    assert stored(opened.context).value == 12


def test_reading_goes_on_while_the_other_copy_writes(opened, db_path, holder):
    from commune_desk.services.commune import CommuneService

    assert CommuneService(opened.context).profile().name == "Xã Thiệu Trung"
