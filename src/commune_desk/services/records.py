"""Records (villages, staff, trainings, participants, teams, members, activities, classes).

One generic service driven by the kinds' descriptions in `domain.records`; values travel as
plain dicts keyed by field name, references as codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commune_desk.data.errors import (
    IntegrityProblem,
    Violation,
    integrity_problem,
    violation_message,
)
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as repo
from commune_desk.domain.codes import CodeIndex, padded_note
from commune_desk.domain.periods import Mode
from commune_desk.domain.records import (
    KINDS,
    Field,
    FieldError,
    FieldType,
    RecordKind,
    parse_field,
)
from commune_desk.domain.text import fold, match_key
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import NotFound, ServiceError
from commune_desk.services.locks import ensure_dates_unlocked
from commune_desk.services.permissions import Action, hidden_fields, require
from commune_desk.services.retry import retried
from commune_desk.services.stamps import check_record


@dataclass(frozen=True)
class Record:
    kind: str
    id: int
    values: Mapping[str, Any]
    # The row's stamp when read (0: unknown); `update` and `delete` carry it back, and a
    # record someone else changed since is refused (StaleSave).
    version: int = 0

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


@dataclass(frozen=True)
class RecordQuery:
    """Which records to show: filters and sort run in SQL, one page at a time."""

    search: str = ""
    equals: tuple[tuple[str, Any], ...] = ()  # (field name, value) pairs, e.g. village_code
    date_field: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = ""
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True)
class RecordPage:
    records: list[Record]
    total: int  # rows matching the filters, all pages together


class RecordInvalid(ServiceError):
    """A record refused by its fields; `errors` maps each field to its message."""

    def __init__(self, kind: RecordKind, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        parts = [
            f"{kind.field(name).label}: {msg}" if name in kind.columns else msg
            for name, msg in errors.items()
        ]
        super().__init__("; ".join(parts))


# Kinds whose rows carry a version stamp and who changed them last (participants do not).
STAMPED = frozenset(("villages", "staff", "trainings", "teams", "members", "activities", "classes"))


def kind_of(name: str) -> RecordKind:
    try:
        return KINDS[name]
    except KeyError:
        known = ", ".join(KINDS)
        raise ServiceError(f"Loại danh sách «{name}» không có (chọn: {known}).") from None


_MEMO_SIZE = 20_000  # distinct cells remembered per column


class RowParser:
    """Parses and checks rows of one kind against the database (references, key, dates)."""

    def __init__(self, session: Session, ctx: ServiceContext, commune_id: int, kind: RecordKind):
        self.kind = kind
        self._vocabs = ctx.catalogue.vocab
        self._refs: dict[str, dict[str, int]] = {}
        self._indexes: dict[str, CodeIndex] = {}
        self.notes: list[str] = []  # what the last parse read differently from what was typed
        self._memo: dict[str, dict[Any, tuple[Any, str | None]]] = {}
        # Key fields typed by people (names, codes); references come back as stored codes.
        self._typed_keys = {n for n in kind.key if kind.field(n).type is FieldType.TEXT}
        for spec in kind.fields:
            if spec.type is FieldType.REF:
                ref_kind = repo.REFS[spec.name][1]
                self._refs[spec.name] = repo.code_map(session, commune_id, ref_kind)
                self._indexes[spec.name] = CodeIndex(self._refs[spec.name])

    @property
    def vocabs(self) -> Mapping[str, Mapping[str, str]]:
        return self._vocabs

    @property
    def typed_keys(self) -> frozenset[str]:
        """The key fields typed by people (names, codes), matched whatever their case."""
        return frozenset(self._typed_keys)

    def parse(
        self, raw: Mapping[str, object], base: Mapping[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, int | None], dict[str, str]]:
        """(values, reference ids, errors by field). Fields absent from `raw` keep `base`."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        self.notes = []
        for spec in self.kind.fields:
            if spec.name not in raw and base is not None:
                values[spec.name] = base.get(spec.name)
                continue
            value, error = self._field(spec, raw.get(spec.name))
            if error is None:
                values[spec.name] = value
            else:
                errors[spec.name] = error
        refs: dict[str, int | None] = {}
        for name in self._refs:
            code = values.get(name)
            if name in errors:
                continue
            if code in (None, ""):
                refs[name] = None
                values[name] = None
                continue
            stored, padded, ref_id = self.resolve(name, code)
            if stored is not None:
                refs[name] = ref_id
                values[name] = stored
                if padded:
                    self.notes.append(padded_note(self.kind.field(name).label, code, stored))
            else:
                errors[name] = self.unknown(name, code)
        self.cross_check(values, errors)
        return values, refs, errors

    def resolve(self, name: str, code: str) -> tuple[str | None, bool, int | None]:
        """(the stored code, whether found only by its lost leading zeros, its record's id)
        for the code typed in reference field `name`; (None, False, None) when unknown."""
        stored, padded = self._find(name, code)
        return stored, padded, None if stored is None else self._refs[name][stored]

    def unknown(self, name: str, code: str) -> str:
        label = KINDS[repo.REFS[name][1]].label.lower()
        return f"không có mã «{code}» trong danh sách {label}"

    @property
    def cross_checked(self) -> bool:
        """Whether the kind has checks between fields (date order, team level, merges)."""
        return bool(self.kind.date_order) or self.kind.name in ("teams", "villages")

    def cross_check(self, values: Mapping[str, Any], errors: dict[str, str]) -> None:
        """Add to `errors` what is wrong between the fields of one record."""
        for earlier, later in self.kind.date_order:
            a, b = values.get(earlier), values.get(later)
            if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a and later not in errors:
                errors[later] = (
                    f"ngày {b:%d/%m/%Y} trước {self.kind.field(earlier).label.lower()} "
                    f"({a:%d/%m/%Y})"
                )
        if self.kind.name == "teams" and "level" not in errors:
            village = values.get("village_code")
            if values.get("level") == "village" and not village and "village_code" not in errors:
                errors["village_code"] = "tổ cấp thôn phải có mã thôn"
            if values.get("level") == "commune" and village:
                errors["village_code"] = "tổ cấp xã không gắn với thôn; để trống mã thôn"
        if self.kind.name == "villages" and values.get("merged_into"):
            if values.get("merged_into") == values.get("code"):
                errors["merged_into"] = "thôn không sáp nhập vào chính nó"
            elif not values.get("dissolved_on") and "dissolved_on" not in errors:
                errors["dissolved_on"] = "thôn đã sáp nhập phải có ngày sáp nhập"

    def _field(self, spec: Field, raw: object) -> tuple[Any, str | None]:
        """(value, None) or (None, message); a file repeats its dates, codes and choices, so
        each distinct cell of a column is parsed once."""
        memo = self._memo.setdefault(spec.name, {})
        # 1, 1.0 and True are one key to a dict, not one cell: the type is part of the key.
        key = raw if raw.__class__ is str else (raw.__class__, raw)
        try:
            return memo[key]
        except KeyError:
            pass
        except TypeError:  # not hashable: parse it every time
            memo = {}
        try:
            result: tuple[Any, str | None] = (parse_field(spec, raw, self._vocabs), None)
        except FieldError as exc:
            result = (None, str(exc))
        if len(memo) < _MEMO_SIZE:
            memo[key] = result
        return result

    def _find(self, name: str, code: str) -> tuple[str | None, bool]:
        codes = self._refs[name]
        if code in codes:
            return code, False
        return self._indexes[name].find(code)

    def known_ids(self, name: str) -> list[int]:
        """The ids of every record the reference field `name` may name."""
        return list(self._refs[name].values())

    def ref_ids(self, values: Mapping[str, Any]) -> dict[str, int | None]:
        """The ids of the records that `values` (stored or parsed) refer to by code."""
        return {name: codes.get(values.get(name)) for name, codes in self._refs.items()}

    def key(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(values.get(name) for name in self.kind.key)

    def match(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """The key as records are matched: names and codes whatever their case and spaces."""
        return tuple(
            match_key(values.get(name)) if name in self._typed_keys else values.get(name)
            for name in self.kind.key
        )


def record_dates(
    session: Session,
    kind: RecordKind,
    values: Mapping[str, Any],
    refs: Mapping[str, int | None],
    end_dates: Mapping[int, dt.date] | None = None,
) -> list[dt.date]:
    """The dates that place a record in a period (for the period lock); `end_dates`: the
    trainings' end dates read once for many records."""
    if not kind.dated_by:
        return []
    if kind.field(kind.dated_by).type is FieldType.REF:
        ref_id = refs.get(kind.dated_by)
        if ref_id is None:
            return []
        if end_dates is not None:
            return [end_dates[ref_id]] if ref_id in end_dates else []
        return list(repo.course_end_dates(session, [ref_id]).values())
    value = values.get(kind.dated_by)
    return [value] if isinstance(value, dt.date) else []


_ONE_TEAM_A_VILLAGE = "Mỗi thôn chỉ có một Tổ công nghệ số cộng đồng; thôn này đã có tổ."


def integrity_message(kind: RecordKind, exc: IntegrityError) -> str:
    """The constraint's refusal in words, told by its kind (SQLSTATE or SQLite's code)."""
    problem = integrity_problem(exc) or IntegrityProblem(Violation.OTHER)
    if problem.constraint == "uq_teams_village":
        return _ONE_TEAM_A_VILLAGE
    if problem.violation is Violation.UNIQUE:
        keys = ", ".join(kind.field(k).label for k in kind.key)
        return f"Đã có {kind.label.lower()} với cùng {keys}."
    return violation_message(problem, kind.label.lower())


def _refuse_second_team(
    session: Session, kind: RecordKind, columns: Mapping[str, Any], own_id: int | None = None
) -> None:
    """A village has one team: said plainly before the unique index refuses it."""
    village_id = columns.get("village_id")
    if (
        kind.name == "teams"
        and village_id is not None
        and repo.village_has_team(session, village_id, own_id)
    ):
        raise ServiceError(_ONE_TEAM_A_VILLAGE)


class RecordService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list(self, kind: str, search: str = "") -> list[Record]:
        spec = kind_of(kind)
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            rows = repo.load_rows(session, spec.name, commune.id, stamps=True)
        needle = fold(search)
        records = [self._shown(spec, _record(spec.name, r)) for r in rows]
        if needle:  # as the lists search: no case, no diacritics
            records = [
                r
                for r in records
                if any(needle in fold(str(v)) for v in r.values.values() if v is not None)
            ]
        return records

    def page(self, kind: str, query: RecordQuery) -> RecordPage:
        """A page of records filtered and sorted in the database (fast on 100,000 rows)."""
        spec = kind_of(kind)
        for name, _ in query.equals:
            spec.field(name)  # KeyError for an unknown field: a programming error
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            rows, total = repo.page_rows(
                session, spec.name, commune.id, self._filter(spec, query), query.offset, query.limit
            )
        return RecordPage([self._shown(spec, _record(spec.name, r)) for r in rows], total)

    def position(self, kind: str, query: RecordQuery, record_id: int) -> int | None:
        """Where a record stands (from 0) in the list `page` gives for `query`, or None when
        the query's filters leave it out (a list shows the record just saved)."""
        spec = kind_of(kind)
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            return repo.row_position(
                session, spec.name, commune.id, record_id, self._filter(spec, query)
            )

    def _filter(self, spec: RecordKind, query: RecordQuery) -> repo.ListFilter:
        """The query's filters and sort as the repository takes them."""
        return repo.ListFilter(
            query.search,
            self._searchable(spec),
            dict(query.equals),
            query.date_field,
            query.date_from,
            query.date_to,
            query.sort,
            query.descending,
        )

    def count(self, kind: str) -> int:
        with self._ctx.read_session() as session:
            return repo.count_rows(session, kind_of(kind).name, require_commune(session).id)

    def get(self, kind: str, record_id: int) -> Record:
        spec = kind_of(kind)
        with self._ctx.read_session() as session:
            record = self._get(session, spec, require_commune(session).id, record_id)
        return self._shown(spec, record)

    def check(self, kind: str, raw: Mapping[str, object]) -> dict[str, str]:
        """The field errors a dialog shows inline, without saving."""
        spec = kind_of(kind)
        with self._ctx.read_session() as session:
            commune = require_commune(session)
            return RowParser(session, self._ctx, commune.id, spec).parse(raw)[2]

    @retried
    def create(self, kind: str, raw: Mapping[str, object]) -> Record:
        spec = kind_of(kind)
        require(self._ctx, Action.EDIT_DATA)
        raw = self._writable(spec, raw)
        try:
            with self._ctx.sessions.begin() as session:
                commune = require_commune(session)
                parser = RowParser(session, self._ctx, commune.id, spec)
                values, refs, errors = parser.parse(raw)
                if errors:
                    raise RecordInvalid(spec, errors)
                ensure_dates_unlocked(
                    session,
                    commune.id,
                    Mode(commune.cutoff_mode),
                    record_dates(session, spec, values, refs),
                )
                columns = repo.to_columns(spec.name, values, refs)
                _refuse_second_team(session, spec, columns)
                if spec.name in STAMPED:
                    columns.update(updated_by=self._ctx.actor.username, updated_at=self._ctx.now())
                (new_id,) = repo.insert_rows(session, spec.name, commune.id, [columns])
                if spec.name == "trainings":
                    repo.set_topics(session, new_id, values["topics"])
                record = self._get(session, spec, commune.id, new_id)
                audit_repo.add_entries(
                    session,
                    [
                        audit.entry(
                            self._ctx,
                            "create",
                            spec.name,
                            _key_text(parser, values),
                            None,
                            audit_values(record.values),
                        )
                    ],
                )
                return self._shown(spec, record)
        except IntegrityError as exc:
            raise ServiceError(integrity_message(spec, exc)) from exc

    @retried
    def update(
        self,
        kind: str,
        record_id: int,
        raw: Mapping[str, object],
        expected_version: int | None = None,
    ) -> Record:
        """Change a record; with `expected_version` (the Record.version shown) a record
        someone else changed since is refused with StaleSave, naming who, when and what."""
        spec = kind_of(kind)
        require(self._ctx, Action.EDIT_DATA)
        raw = self._writable(spec, raw)  # a hidden phone number keeps its stored value
        try:
            with self._ctx.sessions.begin() as session:
                commune = require_commune(session)
                old = self._get(session, spec, commune.id, record_id)
                check_record(
                    session,
                    spec,
                    old.id,
                    old.values,
                    expected_version,
                    hidden_fields(self._ctx, spec),
                )
                parser = RowParser(session, self._ctx, commune.id, spec)
                values, refs, errors = parser.parse(raw, base=old.values)
                if errors:
                    raise RecordInvalid(spec, errors)
                old_refs = parser.ref_ids(old.values)
                mode = Mode(commune.cutoff_mode)
                ensure_dates_unlocked(
                    session,
                    commune.id,
                    mode,
                    record_dates(session, spec, old.values, old_refs)
                    + record_dates(session, spec, values, refs),
                )
                columns = repo.to_columns(spec.name, values, refs)
                _refuse_second_team(session, spec, columns, record_id)
                if spec.name in STAMPED:
                    columns.update(updated_by=self._ctx.actor.username, updated_at=self._ctx.now())
                repo.update_row(session, spec.name, record_id, columns)
                if spec.name == "trainings":
                    repo.set_topics(session, record_id, values["topics"])
                new = self._get(session, spec, commune.id, record_id)
                audit_repo.add_entries(
                    session,
                    [
                        audit.entry(
                            self._ctx,
                            "update",
                            spec.name,
                            _key_text(parser, values),
                            audit_values(old.values),
                            audit_values(new.values),
                        )
                    ],
                )
                return self._shown(spec, new)
        except IntegrityError as exc:
            raise ServiceError(integrity_message(spec, exc)) from exc

    @retried
    def delete(self, kind: str, record_id: int, expected_version: int | None = None) -> None:
        """Delete a record (refused, as `update`, when it changed since it was shown)."""
        spec = kind_of(kind)
        require(self._ctx, Action.EDIT_DATA)
        try:
            with self._ctx.sessions.begin() as session:
                commune = require_commune(session)
                old = self._get(session, spec, commune.id, record_id)
                check_record(
                    session,
                    spec,
                    old.id,
                    old.values,
                    expected_version,
                    hidden_fields(self._ctx, spec),
                )
                users = repo.references_to(session, spec.name, record_id)
                if users:
                    listed = ", ".join(f"{n} {KINDS[k].label.lower()}" for k, n in users.items())
                    raise ServiceError(
                        f"Không xóa được {spec.label.lower()} này: còn {listed} liên quan."
                    )
                parser = RowParser(session, self._ctx, commune.id, spec)
                refs = parser.ref_ids(old.values)
                ensure_dates_unlocked(
                    session,
                    commune.id,
                    Mode(commune.cutoff_mode),
                    record_dates(session, spec, old.values, refs),
                )
                repo.delete_row(session, spec.name, record_id)
                audit_repo.add_entries(
                    session,
                    [
                        audit.entry(
                            self._ctx,
                            "delete",
                            spec.name,
                            _key_text(parser, old.values),
                            audit_values(old.values),
                            None,
                        )
                    ],
                )
        except IntegrityError as exc:
            raise ServiceError(integrity_message(spec, exc)) from exc

    def _searchable(self, spec: RecordKind) -> list[str]:
        """The text fields a search looks in: never one this account may not see (phones)."""
        hidden = hidden_fields(self._ctx, spec)
        return [
            f.name
            for f in spec.fields
            if f.type in (FieldType.TEXT, FieldType.REF) and f.name not in hidden
        ]

    def _shown(self, spec: RecordKind, record: Record) -> Record:
        """The record as this account may see it: personal fields blank for a clerk."""
        hidden = hidden_fields(self._ctx, spec)
        if not hidden:
            return record
        blank = {f.name: f.default for f in spec.fields if f.name in hidden}
        return replace(record, values={**record.values, **blank})

    def _writable(self, spec: RecordKind, raw: Mapping[str, object]) -> Mapping[str, object]:
        """What this account may write: a clerk never sets a field they cannot see."""
        hidden = hidden_fields(self._ctx, spec)
        return {k: v for k, v in raw.items() if k not in hidden} if hidden else raw

    @staticmethod
    def _get(session: Session, spec: RecordKind, commune_id: int, record_id: int) -> Record:
        rows = repo.load_rows(session, spec.name, commune_id, ids=[record_id], stamps=True)
        if not rows:
            raise NotFound(f"Không tìm thấy {spec.label.lower()} (mã số {record_id}).")
        return _record(spec.name, rows[0])


def _record(kind: str, row: Mapping[str, Any]) -> Record:
    values = {k: v for k, v in row.items() if k not in ("id", repo.VERSION)}
    return Record(kind, row["id"], values, row.get(repo.VERSION) or 0)


def audit_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """A record's values as the audit trail stores them (JSON: lists, not tuples)."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in values.items()}


def _key_text(parser: RowParser, values: Mapping[str, Any]) -> str:
    return "/".join("" if v is None else str(v) for v in parser.key(values))


def changed_fields(
    kind: RecordKind, old: Mapping[str, Any], new: Mapping[str, Any]
) -> Sequence[str]:
    return [f.name for f in kind.fields if old.get(f.name) != new.get(f.name)]
