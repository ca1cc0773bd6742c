"""Many rows into one table at the speed of the driver (large imports).

On SQLite the rows go straight to the driver's `executemany` as tuples, each value through
the column type's own bind processor (so dates and times are stored exactly as the ORM
stores them); other engines take SQLAlchemy's Core insert, which batches for them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    if dialect.name != "sqlite" or any(set(r) != set(names) for r in (rows[0], rows[-1])):
        session.execute(insert(table), [dict(r) for r in rows])
        return
    processors = [table.c[n].type._cached_bind_processor(dialect) for n in names]
    columns = []
    for name, process in zip(names, processors, strict=True):
        column = [r[name] for r in rows]
        if process is not None:  # each distinct value converted once (dates repeat)
            done: dict[Any, Any] = {None: None}
            column = [done[v] if v in done else done.setdefault(v, process(v)) for v in column]
        columns.append(column)
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', list(zip(*columns, strict=True))
    )
