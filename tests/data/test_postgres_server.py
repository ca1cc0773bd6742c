"""The throwaway test server itself: password authentication over TCP, a database per test."""

from __future__ import annotations

import psycopg
import pytest

from tests.support.postgres import PostgresServer


def test_the_server_wants_the_password(postgres_server: PostgresServer) -> None:
    where = {"host": postgres_server.host, "port": postgres_server.port, "dbname": "postgres"}
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(user=postgres_server.user, password="wrong", **where)
    with psycopg.connect(user=postgres_server.user, password=postgres_server.password, **where):
        pass


def test_each_test_gets_its_own_migrated_database(postgres_db: str) -> None:
    from sqlalchemy import inspect

    from commune_desk.data.db import create_db_engine, current_revision, head_revision

    engine = create_db_engine(postgres_db)
    try:
        assert current_revision(engine) == head_revision()
        assert "communes" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_an_empty_database_has_no_table(postgres_empty_db: str) -> None:
    from sqlalchemy import inspect

    from commune_desk.data.db import create_db_engine

    engine = create_db_engine(postgres_empty_db)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
