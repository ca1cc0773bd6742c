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
from commune_desk.domain.numbers import NumberError, parse_whole_number
from commune_desk.domain.periods import Mode, PeriodError, parse_month
from commune_desk.domain.records import RecordKind, village_absent
from commune_desk.domain.validation import Problem
from commune_desk.excel.tables import Table, TableError, read_table
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ImportRefused, PeriodLocked, RowError, ValidationFailed
from commune_desk.services.locks import ensure_dates_unlocked
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


def _match_columns(
    table: Table, names: Sequence[str], labels: Mapping[str, str], required: Sequence[str]
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Header text -> field name (by name or Vietnamese label), and the ignored headers."""
    lookup = {n.casefold(): n for n in names}
    lookup.update({label.casefold(): n for n, label in labels.items()})
    mapping: dict[str, str] = {}
    ignored: list[str] = []
    for header in table.headers:
        if not header:
            continue
        name = lookup.get(header.casefold())
        if name is None:
            if header.casefold() not in IGNORED_COLUMNS:
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
        raise ImportRefused(
            [
                RowError(table.file, 1, m, f"thiếu cột bắt buộc «{m}» (các cột: {expected})")
                for m in missing
            ]
        )
    return mapping, tuple(ignored)


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def import_file(
        self, kind: str, path: Path, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        require(self._ctx, Action.IMPORT)
        try:
            table = read_table(Path(path))
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
        changes: list[ValueChange] = []
        seen: dict[tuple[str, str, str], int] = {}
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            villages = repo.code_map(session, commune.id, "villages")
            village_dates = repo.village_dates(session, commune.id)
            mode = Mode(commune.cutoff_mode)
            catalogue = self._ctx.catalogue
            for row_no, raw in table.rows:
                row = {mapping[h]: v for h, v in raw.items() if h in mapping}
                code = str(row.get("code") or "").strip()
                period_text = _text(row.get("period"))
                problem = None
                try:
                    month = parse_month(period_text).key
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
                    village_id = villages.get(village_code)
                    if village_id is None:
                        problem = ("village", f"không có thôn mã «{village_code}»")
                    elif gone := village_absent(
                        village_code, *village_dates[village_code], parse_month(month).window(mode)
                    ):
                        problem = ("village", gone)
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
        )

    # -- records -----------------------------------------------------------------------
    def _import_records(
        self, kind: RecordKind, table: Table, dry_run: bool, progress: Progress | None
    ) -> ImportReport:
        labels = {f.name: f.label for f in kind.fields}
        required = [f.name for f in kind.fields if f.required]
        mapping, ignored = _match_columns(table, kind.columns, labels, required)
        errors: list[RowError] = []
        try:
            with self._ctx.sessions.begin() as session:
                commune = require_commune(session)
                parser = RowParser(session, self._ctx, commune.id, kind)
                existing = {
                    parser.key(r): r for r in repo.load_rows(session, kind.name, commune.id)
                }
                plan = self._plan(
                    session,
                    kind,
                    table,
                    mapping,
                    parser,
                    existing,
                    errors,
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
        for index, (row_no, raw) in enumerate(table.rows):
            if progress and index % 500 == 0:
                progress(index, total)
            row = {mapping[h]: v for h, v in raw.items() if h in mapping}
            key_hint = " / ".join(str(row.get(k) or "") for k in kind.key)
            old = None
            values, refs, field_errors = parser.parse(row)
            if not field_errors:
                old = existing.get(parser.key(values))
                if old is not None:  # columns absent from the file keep their stored value
                    values, refs, field_errors = parser.parse(row, base=old)
            for name, message in field_errors.items():
                errors.append(RowError(table.file, row_no, name, message, key_hint))
            if field_errors:
                continue
            key = parser.key(values)
            if key in seen:
                errors.append(
                    RowError(
                        table.file, row_no, kind.key[0], f"trùng với dòng {seen[key]}", key_hint
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
                            key_hint,
                        )
                    )
                    continue
                team_villages[village] = row_no
            try:
                dates = record_dates(session, kind, values, refs)
                if old is not None:
                    dates += record_dates(session, kind, old, parser.ref_ids(old))
                ensure_dates_unlocked(session, commune_id, mode, dates)
            except PeriodLocked as exc:
                errors.append(RowError(table.file, row_no, kind.dated_by, str(exc), key_hint))
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
            session, kind.name, commune_id, [repo.to_columns(kind.name, v, r) for v, r in inserts]
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
    return str(value).strip()


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
