"""Several records of one kind saved at once (a course's participants): all or nothing.

Every row is parsed and checked as `RecordService.create` checks one; a single refused row
refuses the whole batch, naming each refused row, and nothing is written. The rows, their
audit entries and the period-lock check share one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.exc import IntegrityError

from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as repo
from commune_desk.domain.periods import Mode
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.locks import ensure_dates_unlocked
from commune_desk.services.permissions import Action, hidden_fields, require
from commune_desk.services.records import (
    Record,
    RowParser,
    audit_values,
    integrity_message,
    kind_of,
    record_dates,
)


class BatchInvalid(ServiceError):
    """Rows refused; `rows` maps each refused row (from 1) to its message."""

    def __init__(self, rows: Mapping[int, str]) -> None:
        self.rows = dict(rows)
        listed = "; ".join(f"dòng {n}: {message}" for n, message in self.rows.items())
        super().__init__(f"Chưa lưu gì: {listed}.")


def create_records(
    ctx: ServiceContext, kind: str, rows: Sequence[Mapping[str, object]]
) -> list[Record]:
    """Create every row of `rows` (raw values as a dialog gives them) in one transaction."""
    spec = kind_of(kind)
    require(ctx, Action.EDIT_DATA)
    hidden = hidden_fields(ctx, spec)
    rows = [{k: v for k, v in raw.items() if k not in hidden} for raw in rows]
    if not rows:
        return []
    try:
        with ctx.sessions.begin() as session:
            commune = require_commune(session)
            parser = RowParser(session, ctx, commune.id, spec)
            parsed: list[tuple[dict[str, Any], dict[str, int | None]]] = []
            refused: dict[int, str] = {}
            seen: set[tuple[Any, ...]] = set()
            for number, raw in enumerate(rows, 1):
                values, refs, errors = parser.parse(raw)
                if errors:
                    refused[number] = "; ".join(
                        f"{spec.field(name).label}: {message}" if name in spec.columns else message
                        for name, message in errors.items()
                    )
                elif parser.match(values) in seen:
                    refused[number] = "trùng với một dòng trước"
                seen.add(parser.match(values))
                parsed.append((values, refs))
            if refused:
                raise BatchInvalid(refused)
            dates = [
                d for values, refs in parsed for d in record_dates(session, spec, values, refs)
            ]
            ensure_dates_unlocked(session, commune.id, Mode(commune.cutoff_mode), dates)
            ids = repo.insert_rows(
                session,
                spec.name,
                commune.id,
                [repo.to_columns(spec.name, values, refs) for values, refs in parsed],
            )
            if spec.name == "trainings":
                for new_id, (values, _refs) in zip(ids, parsed, strict=True):
                    repo.set_topics(session, new_id, values["topics"])
            stored = {row["id"]: row for row in repo.load_rows(session, spec.name, commune.id, ids)}
            records = [
                Record(spec.name, i, {k: v for k, v in stored[i].items() if k != "id"}) for i in ids
            ]
            audit_repo.add_entries(
                session,
                [
                    audit.entry(
                        ctx,
                        "create",
                        spec.name,
                        "/".join("" if v is None else str(v) for v in parser.key(r.values)),
                        None,
                        audit_values(r.values),
                    )
                    for r in records
                ],
            )
    except IntegrityError as exc:
        raise ServiceError(integrity_message(spec, exc)) from exc
    blank = {f.name: f.default for f in spec.fields if f.name in hidden}
    return [Record(r.kind, r.id, {**r.values, **blank}) for r in records]
