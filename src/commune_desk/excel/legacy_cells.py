"""Cells typed in the old Vietnamese fonts (TCVN3, VNI-Windows), read back as Unicode.

A workbook says which cells use a `.Vn…` or `VNI-…` font; a CSV says nothing, so its text is
judged by its characters alone. Every conversion is reported (file, rows, column, from what);
a cell that looks like an old encoding but reads as neither is refused by row and column.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from commune_desk.domain.legacy_text import Legacy, Unconvertible, read_legacy
from commune_desk.domain.numbers import format_number
from commune_desk.excel.workbook_guard import TableError

_LEGACY_FONT = re.compile(rb'<name val="(?:\.vn|vni[- ])', re.IGNORECASE)
_MAX_STYLES_BYTES = 20 * 1024 * 1024
_LISTED_ROWS = 10
_SEEN_SIZE = 50_000
_REFUSED = object()  # the reading of a text that looks legacy but converts to nothing sure

Fonts = dict[tuple[int, int], str]  # (row, column) from 0 -> a legacy font's name


class LegacyTextError(TableError):
    """Cells that look like an old encoding but cannot be converted with certainty."""

    def __init__(self, file: str, cells: list[tuple[int, str, str]]) -> None:
        self.file = file
        self.cells = cells  # (row in the file, column header, message)
        first = cells[0]
        super().__init__(f"{file}, dòng {first[0]}, cột {first[1]}: {first[2]}")


def unconvertible_message(text: str) -> str:
    return (
        f"«{text[:40]}» có vẻ được gõ bằng phông chữ cũ (TCVN3 hoặc VNI) nhưng không chuyển "
        "chắc chắn được sang Unicode; hãy chuyển bảng mã của ô này sang Unicode rồi nhập lại"
    )


def legacy_fonts(path: Path) -> Fonts:
    """The cells of the first sheet written in a legacy font (none when no such font exists)."""
    with zipfile.ZipFile(path) as archive:
        try:
            info = archive.getinfo("xl/styles.xml")
        except KeyError:
            return {}
        if info.file_size > _MAX_STYLES_BYTES:
            return {}
        if not _LEGACY_FONT.search(archive.read(info)):
            return {}
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        fonts: Fonts = {}
        for row in sheet.iter_rows():
            for cell in row:
                if getattr(cell, "data_type", None) != "s" or not hasattr(cell, "font"):
                    continue
                name = cell.font.name if cell.font is not None else None
                if name and _LEGACY_FONT.match(f'<name val="{name}'.encode()):
                    fonts[(cell.row - 1, cell.column - 1)] = name
        return fonts
    finally:
        workbook.close()


class LegacyReader:
    """Converts the cells of one table, remembering what it converted and what it could not."""

    def __init__(self, file: str, fonts: Fonts | None = None) -> None:
        self._file = file
        self._fonts = fonts or {}
        self._converted: dict[tuple[Legacy, str], list[int]] = {}
        self._refused: list[tuple[int, str, str]] = []
        self._seen: dict[tuple[str, str | None], tuple[str, Any]] = {}

    def cells(self, index: int, row_no: int, headers: Iterable[str], cells: list[Any]) -> None:
        """Convert the text cells of the row at `index` (from 0) in place."""
        for column, (header, cell) in enumerate(zip(headers, cells, strict=False)):
            if not isinstance(cell, str) or cell.isascii():
                continue
            font = self._fonts.get((index, column))
            reading = self._seen.get((cell, font))
            if reading is None:  # a column repeats its texts: each is judged once
                try:
                    reading = read_legacy(cell, font)
                except Unconvertible:
                    reading = (cell, _REFUSED)
                if len(self._seen) < _SEEN_SIZE:
                    self._seen[(cell, font)] = reading
            text, encoding = reading
            if encoding is _REFUSED:
                self._refused.append((row_no, header, unconvertible_message(cell)))
                continue
            if encoding is not None:
                cells[column] = text
                self._converted.setdefault((encoding, header), []).append(row_no)

    def converts(self, text: str) -> bool:
        """Whether `text` (in no legacy font) is read as an old encoding or refused."""
        reading = self._seen.get((text, None))
        if reading is None:
            try:
                reading = read_legacy(text, None)
            except Unconvertible:
                reading = (text, _REFUSED)
            if len(self._seen) < _SEEN_SIZE:
                self._seen[(text, None)] = reading
        return reading[1] is not None

    def check(self) -> None:
        if self._refused:
            raise LegacyTextError(self._file, self._refused)

    def notes(self) -> Iterator[str]:
        for (encoding, header), rows in self._converted.items():
            listed = ", ".join(str(r) for r in rows[:_LISTED_ROWS])
            more = len(rows) - _LISTED_ROWS
            if more > 0:
                listed += f" và {format_number(more)} dòng khác"
            yield (
                f"{self._file}, cột {header}: đã chuyển từ mã {encoding.value} sang Unicode "
                f"ở dòng {listed}"
            )
