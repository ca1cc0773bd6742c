"""Constraint and lock errors told apart by type and code, the same way on both engines."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from commune_desk.data.db import create_db_engine
from commune_desk.data.errors import (
    DatabaseBusy,
    Violation,
    WriteConflict,
    integrity_problem,
    is_conflict,
    violation_message,
)
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.common import CATALOGUE

VILLAGE = (
    "INSERT INTO villages (commune_id, code, name, kind, active, search_key, name_sort) "
    "VALUES ({commune}, {code}, {name}, {kind}, true, '', '')"
)


def _village(commune="1", code="'T01'", name="'Thôn 1'", kind="'thon'") -> str:
    return VILLAGE.format(commune=commune, code=code, name=name, kind=kind)


@pytest.mark.parametrize(
    ("statements", "violation"),
    [
        ([_village(), _village()], Violation.UNIQUE),
        ([_village(commune="999")], Violation.FOREIGN_KEY),
        ([_village(kind="'lang'")], Violation.CHECK),
        ([_village(name="NULL")], Violation.NOT_NULL),
    ],
    ids=["unique", "foreign-key", "check", "not-null"],
)
def test_each_kind_of_constraint_is_recognised(opened, statements, violation) -> None:
    with pytest.raises(IntegrityError) as caught, opened.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    problem = integrity_problem(caught.value)
    assert problem is not None and problem.violation is violation
    assert violation_message(problem, "thôn")  # a sentence for each kind
    assert not is_conflict(caught.value)


def test_the_audit_trails_refusal_is_an_integrity_refusal(opened) -> None:
    ValuesService(opened.context).save([ValueChange("infra.bts", "2025-09", 4)])
    with pytest.raises(IntegrityError) as caught, opened.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries"))
    assert integrity_problem(caught.value) is not None


def test_a_server_constraint_carries_its_name(opened, engine_name) -> None:
    with pytest.raises(IntegrityError) as caught, opened.engine.begin() as conn:
        conn.execute(text(_village()))
        conn.execute(text(_village()))
    name = integrity_problem(caught.value).constraint
    # PostgreSQL names the constraint; SQLite reports none (and its text is never read).
    assert name == ("uq_villages_commune_id_code" if engine_name == "postgresql" else None)


def test_sqlite_busy_and_locked_are_conflicts() -> None:
    for code in (5, 6, 261, 517):  # BUSY, LOCKED, BUSY_RECOVERY, BUSY_SNAPSHOT
        error = sqlite3.OperationalError("(any text)")
        error.sqlite_errorcode = code
        assert is_conflict(error)
    other = sqlite3.OperationalError("database is locked")  # the text alone proves nothing
    other.sqlite_errorcode = 1
    assert not is_conflict(other)


def test_a_row_held_by_another_writer_is_a_clean_conflict_on_the_server(postgres_db) -> None:
    """Two real connections: one holds a commune's row, the other must not wait forever."""
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import Actor
    from commune_desk.services.setup import open_database

    opened = open_database(postgres_db, CATALOGUE, Actor("tester", "officer"))
    CommuneService(opened.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
    second = create_db_engine(postgres_db, busy_timeout_ms=300)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with opened.engine.begin() as conn:
            conn.execute(text("UPDATE communes SET name = name"))
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        with pytest.raises(WriteConflict) as caught, second.begin() as conn:
            conn.execute(text("UPDATE communes SET name = 'Xã khác'"))
        assert isinstance(caught.value, DatabaseBusy)  # the window's "busy, try again" path
        assert "thử lại" in str(caught.value)
    finally:
        release.set()
        holder.join(30)
    try:
        with second.begin() as conn:  # once released, the write goes through
            conn.execute(text("UPDATE communes SET name = 'Xã khác'"))
    finally:
        second.dispose()
        opened.close()
