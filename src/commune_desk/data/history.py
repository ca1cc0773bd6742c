"""What a restore keeps of the database it replaces: the audit trail and the register of
submissions and unlocks, appended into the restored file (plain sqlite3, one transaction).

Rows the restored file already holds (the history up to the backup) are recognised by their
content and not doubled. A lock the replaced database still held is appended as released by
the restore: the restored data is not what that submission reported. Tables are matched by
the columns both files have, so a backup made by an older schema takes the history too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

_AUDIT = (
    "at",
    "actor",
    "action",
    "entity",
    "entity_key",
    "period",
    "old_value",
    "new_value",
    "reason",
)


@dataclass(frozen=True)
class Appended:
    audit_entries: int = 0
    submissions: int = 0
    locks: int = 0


def commune_of(path: Path) -> tuple[str, str] | None:
    """The (code, name) of the commune a database file belongs to, if it has one."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT code, name FROM communes ORDER BY id LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    return (str(row[0]), str(row[1])) if row else None


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def append_history(
    target: Path,
    replaced: Path | None,
    restore_entry: Mapping[str, object],
    release_reason: str,
    same_commune: bool,
) -> Appended:
    """Append the history of `replaced` into `target`, then the restore's own audit entry.

    `same_commune` False (a backup of another commune): only the audit trail is appended;
    another commune's submissions are not this one's.
    """
    with closing(sqlite3.connect(target.resolve().as_uri(), uri=True, timeout=10)) as conn:
        conn.isolation_level = None
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = Appended()
            # The restored file's commune owns the trail appended to it (one commune a file).
            communes = conn.execute("SELECT id FROM main.communes").fetchall()
            owner = communes[0][0] if len(communes) == 1 else None
            if "commune_id" not in _columns(conn, "main", "audit_entries"):
                owner = None  # an older schema: its upgrade gives the commune its trail
            if replaced is not None:
                conn.execute(
                    "ATTACH DATABASE ? AS old", (replaced.resolve().as_uri() + "?mode=ro",)
                )
                result = _append(conn, restore_entry, release_reason, same_commune, owner)
            columns = [*_AUDIT, *(("commune_id",) if owner is not None else ())]
            names = ", ".join(columns)
            marks = ", ".join("?" for _ in columns)
            values = {**restore_entry, "commune_id": owner}
            conn.execute(
                f"INSERT INTO main.audit_entries ({names}) VALUES ({marks})",
                [values.get(c) for c in columns],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if replaced is not None:
            conn.execute("DETACH DATABASE old")
        return result


def _append(
    conn: sqlite3.Connection,
    restore_entry: Mapping[str, object],
    release_reason: str,
    same_commune: bool,
    owner: int | None = None,
) -> Appended:
    # `at` is indexed: matching on it first keeps a long trail quick.
    same = " AND ".join(f"n.{c} = o.{c}" if c == "at" else f"n.{c} IS o.{c}" for c in _AUDIT)
    names = ", ".join(_AUDIT)
    owned = (", commune_id", ", ?", (owner,)) if owner is not None else ("", "", ())
    audit = conn.execute(
        f"INSERT INTO main.audit_entries ({names}{owned[0]}) SELECT {names}{owned[1]} "
        f"FROM old.audit_entries o "
        f"WHERE NOT EXISTS (SELECT 1 FROM main.audit_entries n WHERE {same}) ORDER BY o.id",
        owned[2],
    ).rowcount
    if not same_commune:
        return Appended(audit_entries=audit)
    commune_id = conn.execute("SELECT id FROM main.communes ORDER BY id LIMIT 1").fetchone()
    if commune_id is None:
        return Appended(audit_entries=audit)
    commune_id = commune_id[0]
    old_commune = conn.execute("SELECT id FROM old.communes ORDER BY id LIMIT 1").fetchone()[0]

    columns = [
        c
        for c in _columns(conn, "old", "submissions")
        if c in _columns(conn, "main", "submissions") and c not in ("id", "commune_id")
    ]
    ids: dict[int, int] = {}  # old submission id -> id in the restored file
    added = 0
    for row in conn.execute(
        f"SELECT id, {', '.join(columns)} FROM old.submissions WHERE commune_id = ? ORDER BY id",
        (old_commune,),
    ).fetchall():
        values = dict(zip(columns, row[1:], strict=True))
        found = conn.execute(
            "SELECT id FROM main.submissions WHERE commune_id = ? AND period = ? AND version = ?",
            (commune_id, values["period"], values["version"]),
        ).fetchone()
        if found is not None:
            ids[row[0]] = found[0]
            continue
        cursor = conn.execute(
            f"INSERT INTO main.submissions (commune_id, {', '.join(columns)}) "
            f"VALUES (?, {', '.join('?' for _ in columns)})",
            (commune_id, *values.values()),
        )
        ids[row[0]] = cursor.lastrowid or 0
        added += 1

    locks = 0
    lock_columns = (
        "period",
        "submission_id",
        "locked_at",
        "locked_by",
        "unlocked_at",
        "unlocked_by",
        "unlock_reason",
    )
    for row in conn.execute(
        f"SELECT {', '.join(lock_columns)} FROM old.period_locks WHERE commune_id = ? ORDER BY id",
        (old_commune,),
    ).fetchall():
        lock = dict(zip(lock_columns, row, strict=True))
        lock["submission_id"] = ids.get(lock["submission_id"]) if lock["submission_id"] else None
        exists = conn.execute(
            "SELECT 1 FROM main.period_locks WHERE commune_id = ? AND period = ? "
            "AND locked_at IS ? AND submission_id IS ?",
            (commune_id, lock["period"], lock["locked_at"], lock["submission_id"]),
        ).fetchone()
        if exists:
            continue
        if lock["unlocked_at"] is None:
            lock["unlocked_at"] = restore_entry["at"]
            lock["unlocked_by"] = restore_entry["actor"]
            lock["unlock_reason"] = release_reason
        conn.execute(
            f"INSERT INTO main.period_locks (commune_id, {', '.join(lock_columns)}) "
            f"VALUES (?, {', '.join('?' for _ in lock_columns)})",
            (commune_id, *lock.values()),
        )
        locks += 1
    return Appended(audit, added, locks)
