"""`restore FILE` on a server: a commune's portable backup replaces that commune's rows.

As on a PC, the state replaced is first saved (a portable backup in the backups folder), the
replaced audit trail stays (it is append-only; the backup's entries it lacks are added) and so
does the register of submissions and unlocks: a version submitted after the backup was made is
kept and its lock released, so no version number is ever issued twice. Everything happens in
one transaction, checked table by table and period by period against the backup before it
commits; only the commune of the backup is touched, and a backup of another commune is
refused (another commune comes onto a server with `migrate-to`).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select

from commune_desk.data import transfer
from commune_desk.data.backup import Kind, check_is_backup
from commune_desk.data.db import create_db_engine, migrate
from commune_desk.data.history import Appended, commune_of
from commune_desk.data.models import AuditEntry, PeriodLock, Submission
from commune_desk.data.repositories.commune import hold
from commune_desk.domain.catalogue import Catalogue
from commune_desk.services.backups import RestoreResult, check_may_restore
from commune_desk.services.context import Actor, system_actor
from commune_desk.services.errors import ServiceError
from commune_desk.services.transfer import compare, portable_backup

RELEASE = "Khôi phục bản sao lưu {name}: số liệu đã khôi phục không còn là số liệu của lần nộp này."


def restore_on_server(
    db: str,
    code: str,
    backup: Path,
    backups_dir: Path,
    catalogue: Catalogue,
    actor: Actor | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Replace commune `code`'s rows on the server `db` by those of the backup file."""
    check_may_restore(actor)
    check_is_backup(backup)
    theirs = commune_of(backup)
    if theirs is None or theirs[0] != code:
        named = f"{theirs[1]} (mã {theirs[0]})" if theirs else "không có xã nào"
        raise ServiceError(
            f"Bản sao lưu {backup.name} là dữ liệu của {named}, không phải của xã mã {code}; "
            "chưa có gì thay đổi. Trên máy chủ chỉ khôi phục bản sao lưu của chính xã đó; "
            "đưa một xã khác lên máy chủ bằng «commune-desk migrate-to»."
        )
    when = (now or dt.datetime.now()).replace(microsecond=0)
    who = actor or system_actor()
    safety = portable_backup(db, code, theirs[1], backups_dir, catalogue, when, Kind.BEFORE_RESTORE)
    with tempfile.TemporaryDirectory(prefix="commune-desk-") as folder:
        copy = Path(folder) / backup.name  # an older backup is upgraded in a copy, not in place
        shutil.copyfile(backup, copy)
        source, target = create_db_engine(copy), create_db_engine(db)
        try:
            migrate(source)
            with source.connect() as src, target.begin() as dst:
                commune_id = transfer.commune_id_of(dst, code)
                if commune_id is None:
                    raise ServiceError(f"Cơ sở dữ liệu không có xã mã {code}; chưa có gì thay đổi.")
                hold(dst, commune_id, exclusive=True)
                kept = transfer.empty_commune(dst, commune_id)
                trail_before = _trail(dst, commune_id)
                transfer.copy_commune(src, dst, code, into=commune_id)
                audit = _trail(dst, commune_id) - trail_before
                release = RELEASE.format(name=backup.name)
                added, locks = _keep_register(dst, commune_id, kept, when, who, release)
                compare(src, dst, code, catalogue)
                dst.execute(
                    insert(AuditEntry).values(
                        at=when,
                        actor=who.username,
                        action="restore",
                        entity="database",
                        entity_key=backup.name,
                        new_value=json.dumps(
                            {"backup": backup.name, "replaced_copy": safety.name},
                            ensure_ascii=False,
                            sort_keys=True,
                        ),
                        reason="",
                        commune_id=commune_id,
                    )
                )
        finally:
            source.dispose()
            target.dispose()
    return RestoreResult(backup, safety, None, Appended(audit, added, locks))


def _trail(connection: Connection, commune_id: int) -> int:
    stmt = select(func.count()).select_from(AuditEntry).where(AuditEntry.commune_id == commune_id)
    return int(connection.scalar(stmt) or 0)


def _keep_register(
    connection: Connection,
    commune_id: int,
    kept: dict[str, list[dict[str, Any]]],
    when: dt.datetime,
    who: Actor,
    release: str,
) -> tuple[int, int]:
    """Add back the replaced submissions the backup does not hold, and their locks (an
    active one released with `release`); (submissions, locks) added."""
    held = {
        (p, v): i
        for i, p, v in connection.execute(
            select(Submission.id, Submission.period, Submission.version).where(
                Submission.commune_id == commune_id
            )
        )
    }
    ids: dict[int, int] = {}
    added = 0
    for row in kept["submissions"]:
        key = (row["period"], row["version"])
        if key in held:
            ids[row["id"]] = held[key]
            continue
        values = {k: v for k, v in row.items() if k != "id"}
        ids[row["id"]] = connection.execute(insert(Submission).values(values)).inserted_primary_key[
            0
        ]
        added += 1
    existing = {
        (p, at, s)
        for p, at, s in connection.execute(
            select(PeriodLock.period, PeriodLock.locked_at, PeriodLock.submission_id).where(
                PeriodLock.commune_id == commune_id
            )
        )
    }
    locks = 0
    for row in kept["period_locks"]:
        values = {k: v for k, v in row.items() if k != "id"}
        values["submission_id"] = ids.get(row["submission_id"]) if row["submission_id"] else None
        if (values["period"], values["locked_at"], values["submission_id"]) in existing:
            continue
        if values["unlocked_at"] is None:
            values.update(unlocked_at=when, unlocked_by=who.username, unlock_reason=release)
        connection.execute(insert(PeriodLock).values(values))
        locks += 1
    return added, locks
