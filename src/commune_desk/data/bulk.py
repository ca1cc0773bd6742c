"""Many rows into one table in one statement (large imports).

A Core insert of the table, compiled once for the session's database, executed with the
driver's `executemany` in the session's transaction (no ORM objects, no returned ids). Where
the driver takes parameters by position (SQLite), the rows go to it as tuples with the
dialect's own conversions applied a column at a time, each distinct value converted once:
building SQLAlchemy's parameters row by row would cost more than the database's own work.
Elsewhere (PostgreSQL's named parameters), or when the table has a column the rows lack
whose default is computed in Python, the ordinary Core executemany runs.

Either way the write is recorded in the session (`written_tables`), so the period-lock guard
checks the transaction before it commits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

WRITTEN = "commune_desk_bulk_written"  # session.info: the tables written by insert_many


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if rows:
        columns = {key: [row[key] for row in rows] for key in rows[0]}
        insert_columns(session, table, columns, len(rows))


def insert_columns(
    session: Session, table: Table, columns: Mapping[str, Sequence[Any]], count: int
) -> None:
    """Insert `count` rows given as columns (column name -> its values, one per row)."""
    if not count:
        return
    session.info.setdefault(WRITTEN, set()).add(table.name)
    connection = session.connection()
    dialect = connection.dialect
    keys = list(columns)
    compiled = insert(table).compile(dialect=dialect, column_keys=keys, for_executemany=True)
    order = list(compiled.positiontup or ()) if compiled.positional else []
    constants: dict[str, Any] = {}
    for column in compiled.insert_prefetch:  # columns the rows lack, with a Python default
        default = column.default
        if default is None or not default.is_scalar:
            order = []
            break
        constants[column.key] = default.arg
    if not order or set(order) != set(keys) | set(constants):
        rows = [dict(zip(keys, row, strict=True)) for row in zip(*columns.values(), strict=True)]
        session.execute(insert(table), rows)
        return
    params = []
    for key in order:
        values = columns[key] if key in columns else [constants[key]] * count
        convert = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        params.append(values if convert is None else _converted(values, convert))
    connection.exec_driver_sql(compiled.string, list(zip(*params, strict=True)))


def _converted(values: list[Any], convert: Any) -> list[Any]:
    """`convert` of each value, made once per distinct value (dates repeat in a list)."""
    done: dict[Any, Any] = {}
    result = []
    try:
        for value in values:
            key = (value.__class__, value)
            if key not in done:
                done[key] = convert(value)
            result.append(done[key])
    except TypeError:  # a value that cannot be a key: each converted
        return [convert(value) for value in values]
    return result


def written_tables(session: Session) -> set[str]:
    """The tables `insert_many` wrote in the session's transaction (and forget them)."""
    return session.info.pop(WRITTEN, set())
