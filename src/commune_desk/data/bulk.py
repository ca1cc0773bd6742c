"""Many rows into one table in one statement (large imports).

A Core insert of the table with a list of rows: SQLAlchemy hands them to the driver's
`executemany` (no ORM objects, no returned ids), and the session's listeners see the write,
so the period-lock guard still checks the transaction once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if rows:
        session.execute(insert(table), rows if isinstance(rows, list) else list(rows))
