"""Importing a list of records: the plan (what each row adds or changes, or why it is refused)
and its writing, with one audit entry per row.

Large lists go at the disk's speed: the cells are parsed a column at a time
(`import_rows`), the period locks are read once and each distinct date checked once, the
new rows are written with one executemany of the table and one of the audit trail, and the
audit texts are made from each distinct value's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from commune_desk.data.bulk import insert_columns
from commune_desk.data.models import AuditEntry
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as repo
from commune_desk.domain.codes import CodeIndex, padded_note
from commune_desk.domain.periods import Mode, PeriodError
from commune_desk.domain.records import FieldType, RecordKind, derived_keys, search_fields
from commune_desk.excel.tables import Table
from commune_desk.services import audit
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import PeriodLocked, RowError
from commune_desk.services.import_rows import audit_texts, key_texts, parse_rows
from commune_desk.services.locks import LockGuard
from commune_desk.services.records import RowParser, audit_values, record_dates

Progress = Callable[[int, int], None]


@dataclass
class Plan:
    inserts: list[tuple[dict[str, Any], dict[str, int | None]]] = field(default_factory=list)
    updates: list[tuple[dict[str, Any], dict[str, Any], dict[str, int | None]]] = field(
        default_factory=list
    )
    unchanged: int = 0


class _Dates:
    """Why a record's dates may not change (a locked period, or no period), each distinct date
    judged once against the locks read once."""

    def __init__(self, session: Session, kind: RecordKind, parser: RowParser, guard: LockGuard):
        self._session = session
        self._kind = kind
        self._guard = guard
        self._judged: dict[dt.date, str | None] = {}
        self._end_dates = (
            repo.course_end_dates(session, parser.known_ids(kind.dated_by))
            if kind.dated_by == "training_code"
            else None
        )

    def problems(
        self, values: list[dict[str, Any]], refs: list[dict[str, int | None]]
    ) -> list[str | None]:
        """`problem` of each row, a column at a time where the record carries its date."""
        if not self._kind.dated_by:
            return [None] * len(values)
        if self._end_dates is not None:
            return [self.problem(v, r) for v, r in zip(values, refs, strict=True)]
        dated = self._kind.dated_by
        days = [v.get(dated) for v in values]
        for day in set(days):
            if isinstance(day, dt.date):
                self.problem({dated: day}, {})
        judged = self._judged
        return [judged.get(day) for day in days]

    def problem(self, values: Mapping[str, Any], refs: Mapping[str, int | None]) -> str | None:
        for day in record_dates(self._session, self._kind, values, refs, self._end_dates):
            if day not in self._judged:
                try:
                    self._guard.check_dates([day])
                    self._judged[day] = None
                except (PeriodLocked, PeriodError) as exc:
                    self._judged[day] = str(exc)
            if self._judged[day] is not None:
                return self._judged[day]
        return None


def plan_records(
    session: Session,
    kind: RecordKind,
    table: Table,
    mapping: Mapping[str, str],
    parser: RowParser,
    existing: Mapping[tuple, dict[str, Any]],
    errors: list[RowError],
    notes: list[str],
    commune_id: int,
    mode: Mode,
    progress: Progress | None = None,
) -> Plan:
    """What the rows of `table` add, change or leave; refusals go to `errors`, what was read
    differently from what the file holds to `notes`."""
    rows = table.rows
    by_field = {name: header for header, name in mapping.items()}
    cells = [r for _, r in rows]
    parsed = parse_rows(
        parser, {name: [r.get(h) for r in cells] for name, h in by_field.items()}, len(rows)
    )
    # A matched row keeps the stored value of a field the file (or its short line) lacks.
    every_field = len(by_field) == len(kind.fields)
    width = sum(1 for h in table.headers if h)
    plan = Plan()
    seen: dict[tuple, int] = {}
    team_villages: dict[Any, int] = {}
    # A record known by one code ("01") found in a file that Excel turned into a number (1).
    known_codes = CodeIndex(r["code"] for r in existing.values()) if kind.key == ("code",) else None
    dates = _Dates(session, kind, parser, LockGuard(session, commune_id, mode))
    date_problems = dates.problems(parsed.values, parsed.refs)
    for index, (row_no, raw) in enumerate(rows):
        if progress and index % 500 == 0:
            progress(index, len(rows))
        values, refs = parsed.values[index], parsed.refs[index]
        field_errors = parsed.errors.get(index)
        row_notes = parsed.notes.get(index, [])
        old = None
        if not field_errors:
            key = parsed.keys[index]
            old = existing.get(key)
            if old is None and known_codes is not None:
                stored, padded = known_codes.find(values["code"])
                if padded:
                    label = kind.field("code").label
                    notes.append(
                        f"{table.file}, dòng {row_no}: {padded_note(label, values['code'], stored)}"
                    )
                    old = existing.get(parser.match({"code": stored}))
            if old is not None:
                if not every_field or len(raw) < width:
                    values, refs, field_errors = parser.parse(_mapped(raw, mapping), base=old)
                    row_notes = parser.notes
                for name in kind.key:  # the stored spelling of a matched name or code
                    if isinstance(old.get(name), str):
                        values[name] = old[name]
                key = parser.match(values)
        if row_notes:
            notes.extend(f"{table.file}, dòng {row_no}: {n}" for n in row_notes)
        if field_errors:
            hint = _hint(kind, _mapped(raw, mapping))
            for name, message in field_errors.items():
                errors.append(RowError(table.file, row_no, name, message, hint))
            continue
        if key in seen:
            errors.append(
                RowError(
                    table.file,
                    row_no,
                    kind.key[0],
                    f"trùng với dòng {seen[key]}",
                    _hint(kind, _mapped(raw, mapping)),
                )
            )
            continue
        seen[key] = row_no
        if kind.name == "teams" and values.get("village_code"):
            village = values["village_code"]
            if village in team_villages:
                errors.append(
                    RowError(
                        table.file,
                        row_no,
                        "village_code",
                        f"thôn «{village}» đã có tổ ở dòng {team_villages[village]}",
                        _hint(kind, _mapped(raw, mapping)),
                    )
                )
                continue
            team_villages[village] = row_no
        if kind.dated_by:
            problem = date_problems[index]
            if old is not None:
                problem = dates.problem(values, refs)
            if problem is None and old is not None:
                problem = dates.problem(old, parser.ref_ids(old))
            if problem is not None:
                hint = _hint(kind, _mapped(raw, mapping))
                errors.append(RowError(table.file, row_no, kind.dated_by, problem, hint))
                continue
        if old is None:
            plan.inserts.append((values, refs))
        elif any(_norm(old.get(f.name)) != _norm(values.get(f.name)) for f in kind.fields):
            plan.updates.append((old, values, refs))
        else:
            plan.unchanged += 1
    if kind.name == "teams":
        _check_team_villages(table, existing, plan, errors)
    return plan


def _check_team_villages(
    table: Table, existing: Mapping[tuple, dict[str, Any]], plan: Plan, errors: list[RowError]
) -> None:
    moving = {old["code"] for old, _, _ in plan.updates}
    taken = {
        r["village_code"]: r["code"]
        for r in existing.values()
        if r.get("village_code") and r["code"] not in moving
    }
    for values, *_ in [*plan.inserts, *((v, r) for _, v, r in plan.updates)]:
        village = values.get("village_code")
        if village and taken.get(village) not in (None, values["code"]):
            errors.append(
                RowError(
                    table.file,
                    0,
                    "village_code",
                    f"thôn «{village}» đã có tổ {taken[village]}",
                    values["code"],
                )
            )


def write_records(
    session: Session,
    ctx: ServiceContext,
    kind: RecordKind,
    commune_id: int,
    parser: RowParser,
    plan: Plan,
) -> None:
    """Write the plan in the session's transaction, with one audit entry per row."""
    inserts, updates = plan.inserts, plan.updates
    if kind.name == "trainings":  # their ids are needed (topics): one insert returning them
        new_ids = repo.insert_rows(
            session, kind.name, commune_id, [repo.to_columns(kind.name, v, r) for v, r in inserts]
        )
        for (values, _), new_id in zip(inserts, new_ids, strict=True):
            repo.set_topics(session, new_id, values["topics"])
    else:
        table = repo.MODELS[kind.name].__table__  # type: ignore[attr-defined]
        insert_columns(session, table, _columns(kind, commune_id, inserts), len(inserts))
    repo.update_rows(
        session,
        kind.name,
        [
            {"id": old["id"], **repo.to_columns(kind.name, values, refs)}
            for old, values, refs in updates
        ],
    )
    if kind.name == "trainings":
        for old, values, _ in updates:
            repo.set_topics(session, old["id"], values["topics"])
    at, actor = ctx.now(), ctx.actor.username[:80]
    added = [values for values, _ in inserts]
    keys = key_texts(kind.key, added)
    texts = audit_texts([f.name for f in kind.fields], added, _value_text)
    n = len(added)
    insert_columns(
        session,
        AuditEntry.__table__,
        {
            "at": [at] * n,
            "actor": [actor] * n,
            "action": ["import"] * n,
            "entity": [kind.name] * n,
            "entity_key": keys,
            "period": [None] * n,
            "old_value": [None] * n,
            "new_value": texts,
            "reason": [""] * n,
        },
        n,
    )
    entries = [
        audit.entry(
            ctx,
            "import",
            kind.name,
            _key_text(parser, values),
            audit_values(_without_id(old)),
            audit_values(values),
        )
        for old, values, _ in updates
    ]
    audit_repo.add_entries(session, entries)


def _columns(
    kind: RecordKind, commune_id: int, inserts: list[tuple[dict[str, Any], dict[str, int | None]]]
) -> dict[str, list[Any]]:
    """The table's columns for the new records."""
    names: list[str] = []
    cols: list[list[Any]] = []
    for spec in kind.fields:
        if spec.type is FieldType.CHOICES:
            continue
        names.append(repo.attr_name(kind.name, spec.name))
        if spec.type is FieldType.REF:
            cols.append([refs.get(spec.name) for _, refs in inserts])
        else:
            cols.append([values[spec.name] for values, _ in inserts])
    texts = search_fields(kind)
    if texts:  # the stored search and sort keys, made once per distinct text
        derived: dict[tuple, dict[str, str]] = {}
        keyed = []
        for values, _ in inserts:
            key = tuple(values.get(name) for name in texts)
            made = derived.get(key)
            if made is None:
                made = derived[key] = derived_keys(kind, values)
            keyed.append(made)
        for name in keyed[0] if keyed else ():
            names.append(name)
            cols.append([made[name] for made in keyed])
    if kind.name not in repo.PARENT:
        names.append("commune_id")
        cols.append([commune_id] * len(inserts))
    return dict(zip(names, cols, strict=True))


def _value_text(value: Any) -> str:
    text = audit.to_text(value)
    return "null" if text is None else text


def _mapped(raw: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    """A file's row by field name."""
    return {mapping[h]: v for h, v in raw.items() if h in mapping}


def _hint(kind: RecordKind, row: Mapping[str, Any]) -> str:
    """The row's key as the file writes it, for a refusal's message."""
    return " / ".join(str(row.get(k) or "") for k in kind.key)


def _norm(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _without_id(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id"}


def _key_text(parser: RowParser, values: Mapping[str, Any]) -> str:
    return "/".join("" if v is None else str(v) for v in parser.key(values))[:200]
