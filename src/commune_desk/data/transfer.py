"""Copy one commune's rows from one database to another, on any pair of engines.

The rows are read through the models' tables in dependency order and written with new ids
(the target may hold other communes), every reference renumbered on the way; a village merged
into another gets its reference once both are there. Everything happens in the caller's
transaction on the target, so a refused or failed copy leaves the target as it was. The
province is found by name on the target, or added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update

from commune_desk.data.models import Base

_BATCH = 1_000
COMMUNES = "communes"
PROVINCES = "provinces"
AUDIT = "audit_entries"
_AUDIT_KEY = ("at", "actor", "action", "entity", "entity_key")


class TransferError(RuntimeError):
    """A copy refused before anything was written; the message is for the user."""


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in (PROVINCES, COMMUNES)]


def _parent(table: Table) -> tuple[str, str] | None:
    """(column, parent table) through which a row without commune_id belongs to a commune."""
    for fk in table.foreign_keys:
        parent = fk.column.table
        if parent.name != table.name and "commune_id" in parent.c:
            return fk.parent.name, parent.name
    return None


def _where(table: Table, commune_id: int, only: bool) -> Any:
    """The rows of `table` that belong to the commune (`only`: the database's only commune,
    whose accounts and trail made before communes were recorded are its own too)."""
    if "commune_id" in table.c:
        own = table.c.commune_id == commune_id
        return own | table.c.commune_id.is_(None) if only else own
    column, parent_name = _parent(table) or (None, None)
    if column is None:
        raise TransferError(f"Bảng {table.name} không thuộc về xã nào.")
    parent = Base.metadata.tables[parent_name]
    return table.c[column].in_(select(parent.c.id).where(parent.c.commune_id == commune_id))


def commune_id_of(connection: Connection, code: str) -> int | None:
    table = Base.metadata.tables[COMMUNES]
    return connection.scalar(select(table.c.id).where(table.c.code == code))


def counts(connection: Connection, commune_id: int, only: bool = False) -> dict[str, int]:
    """Rows of each table that belong to the commune."""
    return {
        table.name: int(
            connection.scalar(
                select(func.count()).select_from(table).where(_where(table, commune_id, only))
            )
            or 0
        )
        for table in _tables()
    }


def _batches(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]


def copy_commune(source: Connection, target: Connection, code: str, into: int | None = None) -> int:
    """Copy commune `code` and everything of it from `source` into `target`; its new id.

    Refused (TransferError, nothing written) when the target already holds that commune or
    one of its account names. `into`: the target's commune of that code, emptied by
    `empty_commune`, receives the rows instead (a restore); its trail keeps its entries and
    gets those of the source it does not hold.
    """
    communes = Base.metadata.tables[COMMUNES]
    provinces = Base.metadata.tables[PROVINCES]
    commune = source.execute(select(communes).where(communes.c.code == code)).mappings().first()
    if commune is None:
        raise TransferError(f"Không có xã mã «{code}» trong cơ sở dữ liệu nguồn.")
    if into is None and commune_id_of(target, code) is not None:
        raise TransferError(f"Cơ sở dữ liệu đích đã có xã mã {code}; không chép đè (chưa ghi gì).")
    only = source.scalar(select(func.count()).select_from(communes)) == 1
    users = Base.metadata.tables["users"]
    names = list(source.scalars(select(users.c.username).where(_where(users, commune["id"], only))))
    taken = sorted(target.scalars(select(users.c.username).where(users.c.username.in_(names))))
    if taken:
        raise TransferError(
            "Cơ sở dữ liệu đích đã có tài khoản cùng tên: " + ", ".join(taken) + " (chưa ghi gì)."
        )
    province = (
        source.execute(select(provinces).where(provinces.c.id == commune["province_id"]))
        .mappings()
        .one()
    )
    province_id = target.scalar(select(provinces.c.id).where(provinces.c.name == province["name"]))
    if province_id is None:
        code_taken = province["code"] and target.scalar(
            select(provinces.c.id).where(provinces.c.code == province["code"])
        )
        values = {"name": province["name"], "code": None if code_taken else province["code"]}
        province_id = target.execute(insert(provinces).values(values)).inserted_primary_key[0]
    new = {k: v for k, v in commune.items() if k != "id"} | {"province_id": province_id}
    if into is not None:
        target.execute(update(communes).where(communes.c.id == into).values(new))
        new_id = into
    else:
        new_id = target.execute(insert(communes).values(new)).inserted_primary_key[0]
    ids: dict[str, dict[int, int]] = {COMMUNES: {commune["id"]: new_id}}
    for table in _tables():
        _copy_table(source, target, table, commune["id"], only, ids)
    return int(new_id)


def _copy_table(
    source: Connection,
    target: Connection,
    table: Table,
    commune_id: int,
    only: bool,
    ids: dict[str, dict[int, int]],
) -> None:
    stmt = select(table).where(_where(table, commune_id, only))
    if "id" in table.c:
        stmt = stmt.order_by(table.c.id)
    rows = [dict(r) for r in source.execute(stmt).mappings()]
    if table.name == AUDIT:  # kept on the target: only the entries it does not hold
        (commune,) = ids[COMMUNES].values()
        held = {
            tuple(r)
            for r in target.execute(
                select(*(table.c[c] for c in _AUDIT_KEY)).where(table.c.commune_id == commune)
            )
        }
        rows = [r for r in rows if tuple(r[c] for c in _AUDIT_KEY) not in held]
    if not rows:
        return
    references = {
        fk.parent.name: fk.column.table.name
        for fk in table.foreign_keys
        if fk.column.table.name != PROVINCES
    }
    later = {c for c, t in references.items() if t == table.name}  # a village merged into one
    deferred: list[tuple[int, Mapping[str, Any]]] = []
    (commune,) = ids[COMMUNES].values()
    for row in rows:
        if later and any(row.get(c) is not None for c in later):
            deferred.append((row["id"], {c: row[c] for c in later}))
        for column, referred in references.items():
            old = row.get(column)
            if column in later:
                row[column] = None
            elif referred == COMMUNES:
                row[column] = commune  # also the only commune's rows made before communes
            elif old is not None:
                row[column] = ids[referred][old]
    has_id = "id" in table.c and table.primary_key.columns.keys() == ["id"]
    mapping = ids.setdefault(table.name, {})
    for batch in _batches(rows):
        if not has_id:
            target.execute(insert(table), batch)
            continue
        old_ids = [r.pop("id") for r in batch]
        result = target.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), batch
        )
        mapping.update(zip(old_ids, (r[0] for r in result), strict=True))
    for old_id, refs in deferred:
        values = {c: mapping[v] if v is not None else None for c, v in refs.items()}
        target.execute(update(table).where(table.c.id == mapping[old_id]).values(values))


def empty_commune(target: Connection, commune_id: int) -> dict[str, list[dict[str, Any]]]:
    """Delete every row of the commune but the commune itself and its audit trail (which is
    append-only); returns the submissions and period locks deleted, for a restore to keep."""
    kept = {
        name: [
            dict(r)
            for r in target.execute(
                select(Base.metadata.tables[name]).where(
                    Base.metadata.tables[name].c.commune_id == commune_id
                )
            ).mappings()
        ]
        for name in ("submissions", "period_locks")
    }
    villages = Base.metadata.tables["villages"]
    target.execute(  # a village merged into another: the reference goes first
        update(villages).where(villages.c.commune_id == commune_id).values(merged_into_id=None)
    )
    for table in reversed(_tables()):
        if table.name != AUDIT:
            target.execute(table.delete().where(_where(table, commune_id, False)))
    return kept
