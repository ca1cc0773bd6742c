"""A record saved against a version someone else changed since it was shown is refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy.orm import Session

from commune_desk.data.repositories import records as repo
from commune_desk.data.repositories import users as users_repo
from commune_desk.domain.records import RecordKind
from commune_desk.services.errors import StaleSave


def check_record(
    session: Session,
    kind: RecordKind,
    record_id: int,
    current: Mapping[str, Any],
    expected: int | None,
    hidden: Collection[str] = (),
) -> None:
    """StaleSave when the record's stamp (read in this transaction, with its values `current`
    as they are now) is no longer `expected`, the one shown (None: no check). The row is held
    until the transaction ends, so two saves from the same stamp cannot both pass."""
    if expected is None:
        return
    found = repo.stamp(session, kind.name, record_id, lock=True)
    if found is None or found[0] == expected:
        return
    _, who, when = found
    key = "/".join(str(current.get(n) or "") for n in kind.key)
    names = users_repo.full_names(session) if who else {}
    by = f"{names[who]} ({who})" if who and names.get(who) else who
    now = "; ".join(
        f"{f.label}: {shown(value)}"
        for f in kind.fields
        if f.name not in hidden and (value := current.get(f.name)) not in (None, "", ())
    )
    raise StaleSave(f"{kind.label.lower()} «{key}»", by, when, now)


def shown(value: Any) -> str:
    """A field's value as the message shows it."""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)
