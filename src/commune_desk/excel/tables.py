"""Read a list the user keeps (.csv or .xlsx) into rows, refusing broken or hostile files.

Rows come back as dicts keyed by the header text as written, with their 1-based row number
in the file, so every message can say where a problem is.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 50 * 1024 * 1024  # a commune's list is far smaller
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # zip bomb guard for .xlsx
MAX_RATIO = 200  # compressed/uncompressed ratio beyond which a part is a bomb
MAX_ROWS = 200_000
MAX_CELL_CHARS = 5_000


class TableError(ValueError):
    """A file that cannot be read as a list; the message names the file and the problem."""


@dataclass(frozen=True)
class Table:
    file: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, Any]], ...]  # (row number in the file, header -> cell)


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
        grid = list(_csv_rows(path))
    elif suffix in (".xlsx", ".xlsm"):
        grid = _xlsx_rows(path)
    elif suffix in (".xls", ".ods"):
        raise TableError(
            f"{name}: định dạng {suffix} không được hỗ trợ; hãy lưu lại thành .xlsx "
            "(Excel Workbook) hoặc .csv UTF-8."
        )
    else:
        raise TableError(f"{name}: chỉ nhận tệp .xlsx hoặc .csv.")
    return _to_table(name, grid)


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    raw = path.read_bytes()
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise TableError(f"{path.name}: tệp là bảng tính Excel chứ không phải .csv; hãy đổi đuôi.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(
            f"{path.name}: tệp không phải UTF-8 (byte lạ ở vị trí {exc.start}); hãy lưu lại "
            "bằng «CSV UTF-8 (Comma delimited)»."
        ) from exc
    if "\x00" in text:
        raise TableError(f"{path.name}: tệp chứa ký tự rỗng, không phải văn bản CSV.")
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:
        raise TableError(f"{path.name}, dòng {reader.line_num}: {exc}") from exc


def check_xlsx_container(path: Path) -> None:
    """Refuse a file that is not a zip workbook, a zip bomb, or XML with entity declarations."""
    name = path.name
    if not zipfile.is_zipfile(path):
        raise TableError(f"{name}: không phải tệp Excel .xlsx (tệp hỏng hoặc chỉ đổi đuôi).")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if not any(m.filename == "[Content_Types].xml" for m in members):
                raise TableError(f"{name}: không phải tệp Excel .xlsx (thiếu [Content_Types].xml).")
            total = sum(m.file_size for m in members)
            if total > MAX_UNPACKED_BYTES:
                raise TableError(f"{name}: tệp giải nén quá lớn ({total // 2**20} MB), bị từ chối.")
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > 10 * 2**20 and ratio > MAX_RATIO:
                    raise TableError(f"{name}: tệp nén bất thường (nghi «zip bomb»), bị từ chối.")
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise TableError(
                            f"{name}: tệp chứa khai báo XML không được phép ({member.filename})."
                        )
    except zipfile.BadZipFile as exc:
        raise TableError(f"{name}: tệp Excel bị hỏng hoặc không đầy đủ ({exc}).") from exc


def _xlsx_rows(path: Path) -> list[list[Any]]:
    check_xlsx_container(path)
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
        if sheet.height > MAX_ROWS + 1:
            raise TableError(f"{path.name}: quá nhiều dòng ({sheet.height}); tối đa {MAX_ROWS}.")
        return sheet.to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        if isinstance(exc, TableError):
            raise
        raise TableError(f"{path.name}: không đọc được bảng tính ({exc}).") from exc


def _clean(cell: Any) -> Any:
    if isinstance(cell, str):
        return cell.strip().lstrip("\ufeff")
    return cell


def _to_table(name: str, grid: list[list[Any]]) -> Table:
    header_index = next(
        (i for i, row in enumerate(grid) if any(_clean(c) not in (None, "") for c in row)), None
    )
    if header_index is None:
        raise TableError(f"{name}: tệp không có dữ liệu (không có dòng tiêu đề).")
    headers = tuple(str(_clean(c) or "") for c in grid[header_index])
    named = [h for h in headers if h]
    duplicates = sorted({h for h in named if named.count(h) > 1})
    if duplicates:
        raise TableError(f"{name}, dòng {header_index + 1}: cột «{duplicates[0]}» bị lặp lại.")
    rows: list[tuple[int, dict[str, Any]]] = []
    for offset, raw in enumerate(grid[header_index + 1 :], start=header_index + 2):
        if len(rows) >= MAX_ROWS:
            raise TableError(f"{name}: quá nhiều dòng; tối đa {MAX_ROWS}.")
        cells = [_clean(c) for c in raw]
        if all(c in (None, "") for c in cells):
            continue
        if len(cells) > len(headers) and any(c not in (None, "") for c in cells[len(headers) :]):
            raise TableError(f"{name}, dòng {offset}: có dữ liệu ở cột không có tiêu đề.")
        row: dict[str, Any] = {}
        for header, cell in zip(headers, cells, strict=False):
            if not header:
                continue
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                raise TableError(
                    f"{name}, dòng {offset}, cột {header}: ô quá dài ({len(cell)} ký tự)."
                )
            row[header] = cell
        rows.append((offset, row))
    return Table(name, headers, tuple(rows))
