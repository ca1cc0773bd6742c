"""Importing the lists a commune keeps in Excel or CSV: all rows or none.

Every refused row is named with file, row, column and reason; `dry_run` reports what would be
added or changed and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import records as repo
from commune_desk.domain.codes import CodeIndex, padded_note
from commune_desk.domain.numbers import NumberError, parse_whole_number
from commune_desk.domain.periods import Mode, PeriodError, parse_month, read_month
from commune_desk.domain.records import RecordKind, village_absent
from commune_desk.domain.text import clean, match_key
from commune_desk.domain.validation import Problem
from commune_desk.excel.tables import LegacyTextError, Table, TableError, read_table
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ImportRefused, PeriodLocked, RowError, ValidationFailed
from commune_desk.services.locks import LockGuard
from commune_desk.services.permissions import Action, require
from commune_desk.services.records import (
    RowParser,
    audit_values,
    integrity_message,
    kind_of,
    record_dates,
)
from commune_desk.services.values import ValueChange, apply_changes

VALUE_COLUMNS = ("period", "code", "value", "village", "comment")
IGNORED_COLUMNS = {"stt", "tt", "#"}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportReport:
    kind: str
    file: str
    rows: int
    added: int
    changed: int
    unchanged: int
    removed: int = 0
    dry_run: bool = False
    ignored_columns: tuple[str, ...] = ()
    warnings: list[Problem] = field(default_factory=list)
    # What was read differently from what the file holds (codes that lost their zeros,
    # text converted from an old Vietnamese encoding), each naming file and row.
    notes: tuple[str, ...] = ()


def _match_columns(
    table: Table, names: Sequence[str], labels: Mapping[str, str], required: Sequence[str]
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Header text -> field name (by name or Vietnamese label), and the ignored headers."""
    lookup = {match_key(n): n for n in names}
    lookup.update({match_key(label): n for n, label in labels.items()})
    mapping: dict[str, str] = {}
    ignored: list[str] = []
    for header in table.headers:
        if not header:
            continue
        name = lookup.get(match_key(header))
        if name is None:
            if match_key(header) not in IGNORED_COLUMNS:
                ignored.append(header)
            continue
        if name in mapping.values():
            raise ImportRefused(
                [RowError(table.file, 1, header, f"cột «{name}» xuất hiện hai lần")]
            )
        mapping[header] = name
    missing = [n for n in required if n not in mapping.values()]
    if missing:
        expected = ", ".join(names)
        hint = _separator_hint(table.headers)
        raise ImportRefused(
            [
                RowError(table.file, 1, m, f"thiếu cột bắt buộc «{m}» (các cột: {expected}){hint}")
                for m in missing
            ]
        )
    return mapping, tuple(ignored)


def _separator_hint(headers: Sequence[str]) -> str:
    """When the column names were not split, say which separator the file seems to use."""
    for separator, name in ((";", "dấu chấm phẩy «;»"), (",", "dấu phẩy «,»"), ("\t", "dấu tab")):
        if any(separator in h for h in headers):
            return (
                f"; dòng tiêu đề có vẻ ngăn cột bằng {name}: hãy lưu lại tệp với một dấu ngăn "
                "cột duy nhất cho cả tệp (dấu phẩy, chấm phẩy hoặc tab)"
            )
    return ""


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def import_file(
        self, kind: str, path: Path, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        require(self._ctx, Action.IMPORT)
        try:
            table = read_table(Path(path))
        except LegacyTextError as exc:
            raise ImportRefused(
                [RowError(exc.file, row, column, message) for row, column, message in exc.cells]
            ) from exc
        except TableError as exc:
            raise ImportRefused([RowError(Path(path).name, 0, "", str(exc))]) from exc
        if kind == "values":
            return self._import_values(table, dry_run)
        return self._import_records(kind_of(kind), table, dry_run, progress)

    # -- monthly values ----------------------------------------------------------------
    def _import_values(self, table: Table, dry_run: bool) -> ImportReport:
        mapping, ignored = _match_columns(
            table,
            VALUE_COLUMNS,
            {
                "period": "kỳ",
                "code": "mã",
                "value": "giá trị",
                "village": "thôn",
                "comment": "ghi chú",
            },
            ("period", "code", "value"),
        )
        errors: list[RowError] = []
        notes: list[str] = list(table.notes)
        changes: list[ValueChange] = []
        seen: dict[tuple[str, str, str], int] = {}
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            villages = repo.code_map(session, commune.id, "villages")
            village_codes = CodeIndex(villages)
            village_dates = repo.village_dates(session, commune.id)
            mode = Mode(commune.cutoff_mode)
            catalogue = self._ctx.catalogue
            for row_no, raw in table.rows:
                row = {mapping[h]: v for h, v in raw.items() if h in mapping}
                code = _text(row.get("code"))
                problem = None
                try:
                    month = read_month(row.get("period")).key
                except PeriodError as exc:
                    errors.append(RowError(table.file, row_no, "period", str(exc), code))
                    continue
                if code not in catalogue:
                    problem = ("code", "mã không có trong danh mục chỉ tiêu")
                elif catalogue.get(code).source.value != "entry":
                    problem = ("code", "chỉ tiêu này được tính từ danh sách, không nhập số")
                village_code = _text(row.get("village"))
                village_id = None
                if village_code and problem is None:
                    stored, padded = village_codes.find(village_code)
                    if stored is None:
                        problem = ("village", f"không có thôn mã «{village_code}»")
                    elif gone := village_absent(
                        stored, *village_dates[stored], parse_month(month).window(mode)
                    ):
                        problem = ("village", gone)
                    else:
                        village_id = villages[stored]
                        if padded:
                            note = padded_note("Thôn", village_code, stored)
                            notes.append(f"{table.file}, dòng {row_no}: {note}")
                        village_code = stored
                value = row.get("value")
                if problem is None:
                    try:
                        parse_whole_number(value if value is not None else "")
                    except NumberError as exc:
                        problem = ("value", str(exc))
                if problem is not None:
                    errors.append(RowError(table.file, row_no, problem[0], problem[1], code))
                    continue
                key = (code, month, village_code)
                if key in seen:
                    errors.append(
                        RowError(
                            table.file,
                            row_no,
                            "code",
                            f"trùng với dòng {seen[key]} (cùng kỳ, mã, thôn)",
                            code,
                        )
                    )
                    continue
                seen[key] = row_no
                comment = row.get("comment")
                changes.append(
                    ValueChange(
                        code,
                        month,
                        value,
                        None if comment is None else str(comment),
                        village_id,
                        row_no,
                    )
                )
            if errors:
                raise ImportRefused(errors)
            try:
                report = apply_changes(
                    session, self._ctx, commune.id, Mode(commune.cutoff_mode), changes
                )
            except ValidationFailed as exc:
                raise ImportRefused(_rule_errors(table.file, changes, exc.problems)) from exc
            except PeriodLocked as exc:
                raise ImportRefused([RowError(table.file, 0, "period", str(exc))]) from exc
            if dry_run:
                session.rollback()
        return ImportReport(
            "values",
            table.file,
            len(table.rows),
            report.added,
            report.changed,
            report.unchanged,
            report.removed,
            dry_run,
            ignored,
            report.warnings,
            tuple(notes),
        )

    # -- records -----------------------------------------------------------------------
    def _import_records(
        self, kind: RecordKind, table: Table, dry_run: bool, progress: Progress | None
    ) -> ImportReport:
        labels = {f.name: f.label for f in kind.fields}
        required = [f.name for f in kind.fields if f.required]
        mapping, ignored = _match_columns(table, kind.columns, labels, required)
        errors: list[RowError] = []
        notes: list[str] = list(table.notes)
        try:
            with self._ctx.sessions.begin() as session:
                commune = require_commune(session)
                parser = RowParser(session, self._ctx, commune.id, kind)
                existing = {
                    parser.match(r): r for r in repo.load_rows(session, kind.name, commune.id)
                }
                plan = self._plan(
                    session,
                    kind,
                    table,
                    mapping,
                    parser,
                    existing,
                    errors,
                    notes,
                    commune.id,
                    Mode(commune.cutoff_mode),
                    progress,
                )
                if errors:
                    raise ImportRefused(errors)
                inserts, updates, unchanged = plan
                if not dry_run:
                    self._write(session, kind, commune.id, parser, inserts, updates)
        except IntegrityError as exc:
            raise ImportRefused(
                [RowError(table.file, 0, "", integrity_message(kind, exc))]
            ) from exc
        return ImportReport(
            kind.name,
            table.file,
            len(table.rows),
            len(inserts),
            len(updates),
            unchanged,
            0,
            dry_run,
            ignored,
            notes=tuple(notes),
        )

    def _plan(
        self,
        session: Session,
        kind: RecordKind,
        table: Table,
        mapping: dict[str, str],
        parser: RowParser,
        existing: dict[tuple, dict[str, Any]],
        errors: list[RowError],
        notes: list[str],
        commune_id: int,
        mode: Mode,
        progress: Progress | None,
    ):
        inserts: list[tuple[dict[str, Any], dict[str, int | None]]] = []
        updates: list[tuple[dict[str, Any], dict[str, Any], dict[str, int | None]]] = []
        unchanged = 0
        seen: dict[tuple, int] = {}
        team_villages: dict[Any, int] = {}
        total = len(table.rows)
        # A record known by one code ("01") found in a file that Excel turned into a number (1).
        code_key = kind.key == ("code",)
        guard = LockGuard(session, commune_id, mode)  # the locks read once, not per row
        end_dates = (
            repo.course_end_dates(session, parser.known_ids(kind.dated_by))
            if kind.dated_by == "training_code"
            else None
        )
        known_codes = CodeIndex(r["code"] for r in existing.values()) if code_key else None
        for index, (row_no, raw) in enumerate(table.rows):
            if progress and index % 500 == 0:
                progress(index, total)
            row = {mapping[h]: v for h, v in raw.items() if h in mapping}
            old = None
            values, refs, field_errors = parser.parse(row)
            if not field_errors:
                key = parser.match(values)
                old = existing.get(key)
                if old is None and known_codes is not None:
                    stored, padded = known_codes.find(values["code"])
                    if padded:
                        notes.append(
                            f"{table.file}, dòng {row_no}: "
                            + padded_note(kind.field("code").label, values["code"], stored)
                        )
                        old = existing.get(parser.match({"code": stored}))
                if old is not None:  # columns absent from the file keep their stored value
                    values, refs, field_errors = parser.parse(row, base=old)
                    for name in kind.key:  # the stored spelling of a matched name or code
                        if isinstance(old.get(name), str):
                            values[name] = old[name]
                    key = parser.match(values)
            if parser.notes:
                notes.extend(f"{table.file}, dòng {row_no}: {n}" for n in parser.notes)
            if field_errors:
                key_hint = _hint(kind, row)
                for name, message in field_errors.items():
                    errors.append(RowError(table.file, row_no, name, message, key_hint))
                continue
            if key in seen:
                errors.append(
                    RowError(
                        table.file,
                        row_no,
                        kind.key[0],
                        f"trùng với dòng {seen[key]}",
                        _hint(kind, row),
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
                            _hint(kind, row),
                        )
                    )
                    continue
                team_villages[village] = row_no
            try:
                dates = record_dates(session, kind, values, refs, end_dates)
                if old is not None:
                    dates += record_dates(session, kind, old, parser.ref_ids(old), end_dates)
                guard.check_dates(dates)
            except (PeriodLocked, PeriodError) as exc:
                errors.append(
                    RowError(table.file, row_no, kind.dated_by, str(exc), _hint(kind, row))
                )
                continue
            if old is None:
                inserts.append((values, refs))
            elif any(_norm(old.get(f.name)) != _norm(values.get(f.name)) for f in kind.fields):
                updates.append((old, values, refs))
            else:
                unchanged += 1
        if kind.name == "teams":
            self._check_team_villages(kind, table, existing, inserts, updates, errors)
        return inserts, updates, unchanged

    @staticmethod
    def _check_team_villages(kind, table, existing, inserts, updates, errors) -> None:
        moving = {old["code"] for old, _, _ in updates}
        taken = {
            r["village_code"]: r["code"]
            for r in existing.values()
            if r.get("village_code") and r["code"] not in moving
        }
        for values, *_ in [*inserts, *((v, r) for _, v, r in updates)]:
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

    def _write(
        self,
        session: Session,
        kind: RecordKind,
        commune_id: int,
        parser: RowParser,
        inserts: list,
        updates: list,
    ) -> None:
        new_ids = repo.insert_rows(
            session,
            kind.name,
            commune_id,
            [repo.to_columns(kind.name, v, r) for v, r in inserts],
            returning=kind.name == "trainings",  # only trainings need their ids (topics)
        )
        repo.update_rows(
            session,
            kind.name,
            [
                {"id": old["id"], **repo.to_columns(kind.name, values, refs)}
                for old, values, refs in updates
            ],
        )
        if kind.name == "trainings":
            for (values, _), new_id in zip(inserts, new_ids, strict=True):
                repo.set_topics(session, new_id, values["topics"])
            for old, values, _ in updates:
                repo.set_topics(session, old["id"], values["topics"])
        entries = [
            audit.entry(self._ctx, "import", kind.name, _key(parser, v), None, audit_values(v))
            for v, _ in inserts
        ]
        entries += [
            audit.entry(
                self._ctx,
                "import",
                kind.name,
                _key(parser, v),
                audit_values(_without_id(o)),
                audit_values(v),
            )
            for o, v, _ in updates
        ]
        audit_repo.add_entries(session, entries)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def _hint(kind: RecordKind, row: Mapping[str, Any]) -> str:
    """The row's key as the file writes it, for a refusal's message."""
    return " / ".join(str(row.get(k) or "") for k in kind.key)


def _norm(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _without_id(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "id"}


def _key(parser: RowParser, values: Mapping[str, Any]) -> str:
    return "/".join("" if v is None else str(v) for v in parser.key(values))


def _rule_errors(
    file: str, changes: Sequence[ValueChange], problems: Sequence[Problem]
) -> list[RowError]:
    """Name the import rows involved in each broken cross-figure rule."""
    result = []
    for problem in problems:
        rows = sorted(
            c.source_row
            for c in changes
            if c.source_row
            and c.code in problem.codes
            and parse_month(c.month).key == problem.period
        )
        where = rows[0] if rows else 0
        others = f" (các dòng {', '.join(map(str, rows))})" if len(rows) > 1 else ""
        result.append(
            RowError(file, where, "value", problem.message + others, ", ".join(problem.codes))
        )
    return result
