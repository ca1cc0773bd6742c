"""Importing a list of records: the plan (what each row adds or changes, or why it is refused)
and its writing, with one audit entry for the whole import (the file and every row).

Large lists go at the disk's speed: the cells are parsed a column at a time
(`import_rows`), the period locks are read once and each distinct date checked once, the
new rows are written with one executemany of the table, and the import's one audit entry is
made from each distinct value's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from commune_desk.data.bulk import insert_columns
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as repo
from commune_desk.domain.codes import CodeIndex, padded_note
from commune_desk.domain.periods import Mode, PeriodError
from commune_desk.domain.records import FieldType, RecordKind, derived_keys, search_fields
from commune_desk.excel.tables import Table
from commune_desk.services import audit
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import PeriodLocked, RowError
from commune_desk.services.import_rows import ParsedRows, audit_texts, parse_rows
from commune_desk.services.locks import LockGuard
from commune_desk.services.records import RowParser, audit_values, record_dates

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Source:
    """The file an import reads: its name and the SHA-256 of its bytes."""

    file: str
    sha256: str


@dataclass
class Plan:
    parsed: ParsedRows | None = None
    added: list[int] = field(default_factory=list)  # the rows (indexes) that are new records
    updates: list[tuple[dict[str, Any], dict[str, Any], dict[str, int | None]]] = field(
        default_factory=list
    )
    unchanged: int = 0

    def inserts(self) -> list[tuple[dict[str, Any], dict[str, int | None]]]:
        """(values, reference ids) of each new record."""
        parsed = self.parsed
        if parsed is None:
            return []
        return [(parsed.values(i), parsed.refs(i)) for i in self.added]


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

    def problems(self, parsed: ParsedRows, count: int) -> list[str | None]:
        """`problem` of each row, a column at a time."""
        dated = self._kind.dated_by
        if not dated:
            return [None] * count
        if self._end_dates is not None:  # dated by the training it refers to
            days = [self._end_dates.get(i) for i in parsed.ids[dated]]  # type: ignore[arg-type]
        else:
            days = parsed.columns[dated]
        for day in set(days):
            if isinstance(day, dt.date):
                self._judge(day)
        judged = self._judged
        return [judged.get(day) for day in days]

    def problem(self, values: Mapping[str, Any], refs: Mapping[str, int | None]) -> str | None:
        for day in record_dates(self._session, self._kind, values, refs, self._end_dates):
            if (problem := self._judge(day)) is not None:
                return problem
        return None

    def _judge(self, day: dt.date) -> str | None:
        if day not in self._judged:
            try:
                self._guard.check_dates([day])
                self._judged[day] = None
            except (PeriodLocked, PeriodError) as exc:
                self._judged[day] = str(exc)
        return self._judged[day]


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
    count = len(table.numbers)
    by_field = {name: header for header, name in mapping.items()}
    parsed = parse_rows(parser, {name: table.column(h) for name, h in by_field.items()}, count)
    # A matched row keeps the stored value of a field the file (or its short line) lacks.
    every_field = len(by_field) == len(kind.fields)
    plan = Plan()
    seen: dict[tuple, int] = {}
    team_villages: dict[Any, int] = {}
    # A record known by one code ("01") found in a file that Excel turned into a number (1).
    known_codes = CodeIndex(r["code"] for r in existing.values()) if kind.key == ("code",) else None
    dates = _Dates(session, kind, parser, LockGuard(session, commune_id, mode))
    date_problems = dates.problems(parsed, count)
    parsed_errors, parsed_notes = parsed.errors, parsed.notes
    plan.parsed = parsed
    # The fields looked at row by row; every other value stays in its column.
    codes = parsed.columns.get("code", None)
    each = zip(table.numbers, parsed.keys, date_problems, strict=True)
    for index, (row_no, key, problem) in enumerate(each):
        if progress and index % 500 == 0:
            progress(index, count)
        field_errors = parsed_errors.get(index) if parsed_errors else None
        row_notes = parsed_notes.get(index) if parsed_notes else None
        old = values = refs = None
        if not field_errors:
            old = existing.get(key) if existing else None
            if old is None and known_codes is not None and codes is not None:
                stored, padded = known_codes.find(codes[index])
                if padded:
                    label = kind.field("code").label
                    notes.append(
                        f"{table.file}, dòng {row_no}: {padded_note(label, codes[index], stored)}"
                    )
                    old = existing.get(parser.match({"code": stored}))
            if old is not None:
                if not every_field or not table.complete(index):
                    row = _mapped(table.row(index), mapping)
                    values, refs, field_errors = parser.parse(row, base=old)
                    row_notes = parser.notes
                else:
                    values, refs = parsed.values(index), parsed.refs(index)
                for name in kind.key:  # the stored spelling of a matched name or code
                    if isinstance(old.get(name), str):
                        values[name] = old[name]
                key = parser.match(values)
                problem = None  # judged below, with the stored record's dates
        if row_notes:
            notes.extend(f"{table.file}, dòng {row_no}: {n}" for n in row_notes)
        if field_errors:
            hint = _hint(kind, _mapped(table.row(index), mapping))
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
                    _hint(kind, _mapped(table.row(index), mapping)),
                )
            )
            continue
        seen[key] = row_no
        if kind.name == "teams" and parsed.columns["village_code"][index]:
            if values is None:
                values, refs = parsed.values(index), parsed.refs(index)
            village = values["village_code"]
            if village in team_villages:
                errors.append(
                    RowError(
                        table.file,
                        row_no,
                        "village_code",
                        f"thôn «{village}» đã có tổ ở dòng {team_villages[village]}",
                        _hint(kind, _mapped(table.row(index), mapping)),
                    )
                )
                continue
            team_villages[village] = row_no
        if old is not None and kind.dated_by:
            problem = dates.problem(values, refs) or dates.problem(old, parser.ref_ids(old))
        if problem is not None:
            hint = _hint(kind, _mapped(table.row(index), mapping))
            errors.append(RowError(table.file, row_no, kind.dated_by, problem, hint))
            continue
        if old is None:
            plan.added.append(index)
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
    for values, *_ in [*plan.inserts(), *((v, r) for _, v, r in plan.updates)]:
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
    plan: Plan,
    source: Source,
) -> None:
    """Write the plan in the session's transaction, with the import's one audit entry (every
    row added or changed, `audit.import_entry`)."""
    updates = plan.updates
    if kind.name == "trainings":  # their ids are needed (topics): one insert returning them
        inserts = plan.inserts()
        new_ids = repo.insert_rows(
            session, kind.name, commune_id, [repo.to_columns(kind.name, v, r) for v, r in inserts]
        )
        for (values, _), new_id in zip(inserts, new_ids, strict=True):
            repo.set_topics(session, new_id, values["topics"])
    elif plan.added:
        table = repo.MODELS[kind.name].__table__  # type: ignore[attr-defined]
        insert_columns(session, table, _columns(kind, commune_id, plan), len(plan.added))
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
    added_texts: list[str] = []
    if plan.added and plan.parsed is not None:
        parsed, added = plan.parsed, plan.added
        added_texts = audit_texts(
            {f.name: parsed.column(f.name, added) for f in kind.fields}, _value_text
        )
    changed = [
        (_value_text(audit_values(_without_id(old))), _value_text(audit_values(values)))
        for old, values, _ in updates
    ]
    if added_texts or changed:
        entry = audit.import_entry(ctx, kind.name, source.file, source.sha256, added_texts, changed)
        audit_repo.add_entries(session, [entry])


def _columns(kind: RecordKind, commune_id: int, plan: Plan) -> dict[str, list[Any]]:
    """The table's columns for the new records."""
    parsed, added = plan.parsed, plan.added
    assert parsed is not None
    names: list[str] = []
    cols: list[list[Any]] = []
    for spec in kind.fields:
        if spec.type is FieldType.CHOICES:
            continue
        names.append(repo.attr_name(kind.name, spec.name))
        ref = spec.type is FieldType.REF
        cols.append(parsed.column(f"{spec.name}#id" if ref else spec.name, added))
    texts = search_fields(kind)
    if texts:  # the stored search and sort keys, made once per distinct text
        derived: dict[tuple, dict[str, str]] = {}
        keyed = []
        for combo in zip(*(parsed.column(name, added) for name in texts), strict=True):
            made = derived.get(combo)
            if made is None:
                made = derived[combo] = derived_keys(kind, dict(zip(texts, combo, strict=True)))
            keyed.append(made)
        for name in keyed[0] if keyed else ():
            names.append(name)
            cols.append([made[name] for made in keyed])
    if kind.name not in repo.PARENT:
        names.append("commune_id")
        cols.append([commune_id] * len(added))
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
