"""Importing the lists a commune keeps in Excel or CSV: all rows or none.

Every refused row is named with file, row, column and reason; `dry_run` reports what would be
added or changed and writes nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from commune_desk.data.repositories import records as repo
from commune_desk.domain.codes import CodeIndex, padded_note
from commune_desk.domain.numbers import NumberError, parse_whole_number
from commune_desk.domain.periods import Mode, PeriodError, parse_month, read_month
from commune_desk.domain.records import RecordKind, village_absent
from commune_desk.domain.text import clean, match_key
from commune_desk.domain.validation import Problem
from commune_desk.excel.atomic import file_sha256
from commune_desk.excel.tables import LegacyTextError, Table, TableError, read_table
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ImportRefused, PeriodLocked, RowError, ValidationFailed
from commune_desk.services.import_records import Source, plan_records, write_records
from commune_desk.services.permissions import Action, require
from commune_desk.services.records import RowParser, integrity_message, kind_of
from commune_desk.services.retry import run_retried
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
        with _cycle_collector_paused():  # all or nothing; again after a deadlock on a server
            return run_retried(lambda: self._import_file(kind, path, dry_run, progress))

    def _import_file(
        self, kind: str, path: Path, dry_run: bool, progress: Progress | None
    ) -> ImportReport:
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
        return self._import_records(kind_of(kind), table, Path(path), dry_run, progress)

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
            len(table.numbers),
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
        self, kind: RecordKind, table: Table, path: Path, dry_run: bool, progress: Progress | None
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
                plan = plan_records(
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
                if not dry_run:
                    source = Source(table.file, file_sha256(path))
                    write_records(session, self._ctx, kind, commune.id, plan, source)
        except IntegrityError as exc:
            raise ImportRefused(
                [RowError(table.file, 0, "", integrity_message(kind, exc))]
            ) from exc
        return ImportReport(
            kind.name,
            table.file,
            len(table.numbers),
            len(plan.added),
            len(plan.updates),
            plan.unchanged,
            0,
            dry_run,
            ignored,
            notes=tuple(notes),
        )


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """A large list makes hundreds of thousands of lists, tuples and dicts, and no reference
    cycles: the cyclic garbage collector would walk them again and again (half the time of
    reading a CSV). Paused for the import; plain reference counting frees memory as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


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
