"""Read a list the user keeps (.csv or .xlsx) into rows, refusing broken or hostile files.

Rows come back as dicts keyed by the header text as written, with their 1-based row number
in the file, so every message can say where a problem is.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from commune_desk.domain.legacy_text import plausible
from commune_desk.domain.numbers import format_number
from commune_desk.domain.text import clean
from commune_desk.excel.legacy_cells import Fonts, LegacyReader, LegacyTextError, legacy_fonts
from commune_desk.excel.workbook_guard import (
    MAX_ROWS,
    TableError,
    check_xlsx_container,
    column_letters,
    sniff,
)

__all__ = [
    "MAX_ROWS",
    "LegacyTextError",
    "Table",
    "TableError",
    "check_xlsx_container",
    "read_table",
]

MAX_FILE_BYTES = 50 * 1024 * 1024  # a commune's list is far smaller
MAX_CELL_CHARS = 5_000
MAX_COLUMNS = 1_000
_TEXTS_SIZE = 100_000  # distinct texts remembered while reading one file
SAVE_AS_CSV = "hãy lưu lại bằng «CSV UTF-8 (Comma delimited)» hoặc thành .xlsx"


@dataclass(frozen=True)
class Table:
    """The rows of a list: their numbers in the file and their cells under `headers` (a short
    line has fewer cells); `rows` gives each as a dict, `column` one header's cells."""

    file: str
    headers: tuple[str, ...]
    numbers: tuple[int, ...]  # each row's number in the file
    cells: tuple[list[Any], ...]  # each row's cells, in the order of `headers`
    notes: tuple[str, ...] = ()  # what the reader converted (old Vietnamese encodings), where

    @cached_property
    def rows(self) -> tuple[tuple[int, dict[str, Any]], ...]:
        """(row number in the file, header -> cell) of each row; no unnamed column."""
        return tuple((number, self.row(i)) for i, number in enumerate(self.numbers))

    def row(self, index: int) -> dict[str, Any]:
        """Row `index` (from 0) as `rows` gives it: header -> cell."""
        cells = self.cells[index]
        return {h: c for h, c in zip(self.headers, cells, strict=False) if h}

    def column(self, header: str) -> list[Any]:
        """The cells of column `header`, one per row (None where a short line lacks it)."""
        index = self.headers.index(header)
        if self.complete_rows:
            return list(map(itemgetter(index), self.cells))
        return [cells[index] if index < len(cells) else None for cells in self.cells]

    def complete(self, index: int) -> bool:
        """Whether row `index` (from 0) has a cell in every named column."""
        return len(self.cells[index]) >= self._needed

    @cached_property
    def complete_rows(self) -> bool:
        """Whether every row has a cell in every column."""
        return min(map(len, self.cells), default=0) >= len(self.headers)

    @cached_property
    def _needed(self) -> int:
        return max((i + 1 for i, h in enumerate(self.headers) if h), default=0)


def read_table(path: Path) -> Table:
    """Read the first sheet of an .xlsx file, or a .csv file (UTF-8, with or without BOM)."""
    name = path.name
    if not path.is_file():
        raise TableError(f"{name}: không tìm thấy tệp.")
    size = path.stat().st_size
    if size == 0:
        raise TableError(f"{name}: tệp rỗng.")
    if size > MAX_FILE_BYTES:
        raise TableError(f"{name}: tệp quá lớn ({size // (1024 * 1024)} MB).")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        notes: list[str] = []
        return _to_table(name, _csv_rows(path, notes), notes=notes, text_cells=True)
    if suffix in (".xlsx", ".xlsm"):
        grid, merged = _xlsx_rows(path)
        return _to_table(name, grid, merged, legacy_fonts(path))
    if suffix in (".xls", ".ods"):
        raise TableError(
            f"{name}: định dạng {suffix} không được hỗ trợ; hãy lưu lại thành .xlsx "
            "(Excel Workbook) hoặc .csv UTF-8."
        )
    raise TableError(f"{name}: chỉ nhận tệp .xlsx hoặc .csv.")


def _csv_rows(path: Path, notes: list[str]) -> Iterator[list[Any]]:
    name = path.name
    raw = path.read_bytes()
    kind = sniff(raw[:8])
    if kind != "other":
        what = "Excel 97-2003 (.xls)" if kind == "xls" else "nén (.xlsx, .ods hoặc .zip)"
        raise TableError(f"{name}: đây là tệp {what} chứ không phải văn bản .csv; {SAVE_AS_CSV}.")
    text = _decode(name, raw, notes)
    del raw
    text, delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:  # the rows a list may have in one call, any further ones as they come
        first = list(islice(reader, MAX_ROWS + 2))
    except csv.Error as exc:
        raise _csv_error(name, reader.line_num, exc) from exc
    return chain(first, _more_rows(name, reader))


def _more_rows(name: str, reader: Any) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        raise _csv_error(name, reader.line_num, exc) from exc


def _csv_error(name: str, line: int, exc: csv.Error) -> TableError:
    if "field larger" in str(exc):
        problem = f"có ô dài quá {format_number(csv.field_size_limit())} ký tự"
    else:
        problem = f"dòng CSV không hợp lệ ({exc}), thường do dấu ngoặc kép không khép lại"
    return TableError(f"{name}, dòng {line}: {problem}.")


def _delimiter(text: str) -> tuple[str, str]:
    """The text without Excel's "sep=;" line, and the separator its header row uses.

    The header is the first line that holds anything, read as a whole: the separator is the
    one that occurs most there outside quotes and not before a space (a comma by default).
    """
    first, _, rest = text.partition("\n")
    hint = first.strip().lower()
    if hint.startswith("sep=") and len(hint) == 5:
        return rest, first.strip()[4]
    header = next((line for line in _lines(text) if line.strip(" ,;\t\r\n")), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    # A comma followed by a space is the one inside a label ("Tên thôn, tổ dân phố").
    counts = {d: len(re.findall(re.escape(d) + "(?! )", unquoted)) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return text, best


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time (the header is near the top of a long file)."""
    return iter(io.StringIO(text, newline=None).readline, "")


def _decode(name: str, raw: bytes, notes: list[str]) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:200].count(b"\x00") > 10:
        raise TableError(
            f"{name}: tệp được lưu theo mã UTF-16 («Unicode Text»), không phải UTF-8; "
            f"{SAVE_AS_CSV}."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _windows_1258(raw)
        if text is not None:
            notes.append(
                f"{name}: tệp lưu theo bảng mã Windows-1258 («CSV (Comma delimited)» của Excel "
                "tiếng Việt), đã chuyển sang Unicode"
            )
            return text
        line = raw.count(b"\n", 0, exc.start) + 1
        raise TableError(
            f"{name}, dòng {line}: tệp không phải UTF-8 (có lẽ là mã Windows-1258/TCVN3 hoặc "
            f"Latin-1; byte lạ 0x{raw[exc.start]:02X}); {SAVE_AS_CSV}."
        ) from exc
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TableError(f"{name}, dòng {line}: tệp chứa ký tự rỗng, không phải văn bản CSV.")
    return text


def _windows_1258(raw: bytes) -> str | None:
    """The text of a CSV Excel saved on a Vietnamese Windows (tone marks as combining
    characters), composed; None when the bytes are not Vietnamese in that code page."""
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    if any(unicodedata.combining(c) for c in text):
        return None  # a tone mark left on no vowel: not Vietnamese
    return text if plausible(text) else None


Merged = list[tuple[tuple[int, int], tuple[int, int]]]  # ((row, column), (row, column)) from 0


def _xlsx_rows(path: Path) -> tuple[list[list[Any]], Merged]:
    check_xlsx_container(path)  # before the reader: some hostile files abort it
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        if sheet.height > MAX_ROWS + 1:
            raise TableError(f"{path.name}: quá nhiều dòng ({sheet.height}); tối đa {MAX_ROWS}.")
        return sheet.to_python(skip_empty_area=False), list(sheet.merged_cell_ranges or [])
    except (CalamineError, OSError, ValueError) as exc:
        if isinstance(exc, TableError):
            raise
        raise TableError(f"{path.name}: không đọc được bảng tính ({exc}).") from exc


def _clean(cell: Any) -> Any:
    if isinstance(cell, str):
        # The one text rule (NFC, trimmed, single spaces); clean() also drops the byte-order
        # marks Notepad and joined files leave anywhere.
        return clean(cell)
    return cell


def _blank(row: list[Any]) -> bool:
    return all(_clean(c) in (None, "") for c in row)


def _to_table(
    name: str,
    grid: Iterable[list[Any]],
    merged: Merged = (),
    fonts: Fonts | None = None,
    notes: list[str] | None = None,
    text_cells: bool = False,
) -> Table:
    lines = enumerate(grid)
    found = next(((i, row) for i, row in lines if not _blank(row)), None)
    if found is None:
        raise TableError(f"{name}: tệp không có dữ liệu (không có dòng tiêu đề).")
    header_index, header_row = found
    for (top, left), (bottom, right) in merged:
        if top <= header_index <= bottom and (bottom, right) != (top, left):
            area = f"{column_letters(left + 1)}{top + 1}:{column_letters(right + 1)}{bottom + 1}"
            raise TableError(
                f"{name}, dòng {header_index + 1}: dòng tiêu đề có ô gộp ({area}); dòng đầu "
                "tiên có dữ liệu phải là dòng tên cột, mỗi cột một ô: hãy bỏ gộp ô hoặc xóa "
                "dòng tiêu đề chung."
            )
    long = next((c for c in header_row if isinstance(c, str) and len(c) > 200), None)
    if long is not None:
        raise TableError(
            f"{name}, dòng {header_index + 1}: tên cột dài {format_number(len(long))} ký tự, "
            "không phải dòng tiêu đề."
        )
    headers = tuple(str(_clean(c) or "") for c in header_row)
    if len(headers) > MAX_COLUMNS:
        raise TableError(
            f"{name}, dòng {header_index + 1}: quá nhiều cột ({format_number(len(headers))}); "
            f"tối đa {MAX_COLUMNS}."
        )
    counts = Counter(h for h in headers if h)
    duplicates = sorted(h for h, n in counts.items() if n > 1)
    if duplicates:
        raise TableError(f"{name}, dòng {header_index + 1}: cột «{duplicates[0]}» bị lặp lại.")
    rows: list[tuple[int, list[Any]]] = []
    legacy = LegacyReader(name, fonts)
    # Without legacy fonts a text reads the same in every cell: each distinct text of the
    # file is judged and cleaned once, and a row costs a few lookups (large imports).
    texts = None if fonts else _Texts(legacy)
    texts_only = texts is not None and text_cells  # every cell a text (CSV)
    width = len(headers)
    rest: Iterable[tuple[int, list[Any]]] = lines
    if texts_only:
        first = list(islice(lines, MAX_ROWS + 1))  # a longer file is refused as it is read
        rest = chain(first, lines)
        fast = _text_rows(headers, first, texts) if len(first) <= MAX_ROWS else None
        if fast is not None:
            numbers, cells = zip(*fast, strict=True) if fast else ((), ())
            return Table(name, headers, numbers, cells, tuple(notes or ()))
    for index, raw in rest:
        offset = index + 1
        if len(rows) >= MAX_ROWS:
            raise TableError(_too_many(name))
        if texts_only:
            cells = list(map(texts.__getitem__, raw))  # type: ignore[union-attr]
        elif texts is not None:
            cells = [texts[c] if c.__class__ is str else c for c in raw]
        if texts is None or (texts.special and not texts.special.isdisjoint(raw)):
            legacy.cells(index, offset, headers, raw)  # converts `raw` in place
            cells = [_clean(c) for c in raw]
        if cells.count("") + cells.count(None) == len(cells):
            continue
        if len(cells) > width and any(c not in (None, "") for c in cells[width:]):
            raise TableError(f"{name}, dòng {offset}: có dữ liệu ở cột không có tiêu đề.")
        if texts is None or (texts.long and not texts.long.isdisjoint(raw)):
            _check_lengths(name, offset, headers, cells)
        rows.append((offset, cells[:width]))
    legacy.check()
    numbers, cells = zip(*rows, strict=True) if rows else ((), ())
    return Table(name, headers, numbers, cells, (*(notes or ()), *legacy.notes()))


def _too_many(name: str) -> str:
    return (
        f"{name}: quá nhiều dòng (hơn {format_number(MAX_ROWS)}); một danh sách nhập "
        f"vào có tối đa {format_number(MAX_ROWS)} dòng."
    )


def _text_rows(
    headers: tuple[str, ...], lines: list[tuple[int, list[str]]], texts: _Texts
) -> list[tuple[int, list[str]]] | None:
    """The rows of a file whose cells are all texts (CSV), a few calls for them all; None when
    a row needs looking at cell by cell (an old encoding, a cell too long, a cell without a
    column), which the general reading does."""
    cleaned = [list(map(texts.__getitem__, raw)) for _, raw in lines]
    if texts.special or texts.long or max(map(len, cleaned), default=0) > len(headers):
        return None
    return [(i + 1, c) for (i, _), c in zip(lines, cleaned, strict=True) if any(c)]


def _check_lengths(name: str, offset: int, headers: Iterable[str], cells: list[Any]) -> None:
    for header, cell in zip(headers, cells, strict=False):
        if header and isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
            raise TableError(
                f"{name}, dòng {offset}, cột {header}: ô quá dài "
                f"({format_number(len(cell))} ký tự; tối đa {format_number(MAX_CELL_CHARS)})."
            )


class _Texts(dict[str, str]):
    """Text as written -> text as stored, for the distinct texts of one file.

    `special`: texts an old encoding may have written (their rows go cell by cell through the
    legacy reader, which names row and column); `long`: texts too long for a cell.
    """

    def __init__(self, legacy: LegacyReader) -> None:
        super().__init__()
        self._legacy = legacy
        self.special: set[str] = set()
        self.long: set[str] = set()

    def __missing__(self, text: str) -> str:
        if not text.isascii() and self._legacy.converts(text):
            self.special.add(text)
        result = clean(text)
        if len(result) > MAX_CELL_CHARS:
            self.long.add(text)
        if len(self) < _TEXTS_SIZE:
            self[text] = result
        return result
