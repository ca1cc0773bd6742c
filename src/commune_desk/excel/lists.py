"""Write a list (header row and rows of plain values) to an .xlsx file, atomically.

Dates become real date cells shown dd/mm/yyyy; text that starts like a formula (= + - @) is
written as text. The workbook goes to a temporary file beside the target and is moved into
place only when complete, so a failure never leaves half a file. openpyxl is imported here,
when a list is first written, not when the program starts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from commune_desk.excel.atomic import WorkbookWriteError, write_atomically
from commune_desk.excel.text import clean_text, looks_like_formula
from commune_desk.excel.text import sheet_title as valid_sheet_title

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
DATE_FORMAT = "dd/mm/yyyy"
MAX_WIDTH = 60

Progress = Callable[[int], None]  # rows written so far; may raise to stop


# The list could not be written; the message is Vietnamese and names the file.
ListWriteError = WorkbookWriteError


@dataclass(frozen=True)
class ListColumn:
    header: str
    width: float = 12  # in characters, as Excel counts them


def write_list(
    path: Path,
    sheet_title: str,
    columns: Sequence[ListColumn],
    rows: Iterable[Sequence[object]],
    progress: Progress | None = None,
) -> int:
    """Write `rows` under a bold header row to `path`; returns the number of rows written."""
    return write_atomically(
        Path(path), lambda temp: _save(temp, sheet_title, columns, rows, progress)
    )


def _save(
    target: Path,
    title: str,
    columns: Sequence[ListColumn],
    rows: Iterable[Sequence[object]],
    progress: Progress | None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(valid_sheet_title(title))
    body_font = Font(name=FONT_NAME, size=FONT_SIZE)
    header_font = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
    for number, column in enumerate(columns, start=1):
        width = max(column.width, len(column.header) + 2)
        sheet.column_dimensions[get_column_letter(number)].width = min(width, MAX_WIDTH)
    sheet.freeze_panes = "A2"

    # A write-only sheet serialises each row as it is appended, so one styled cell per column
    # (and kind of value) can be reused: styling every new cell doubles the time of a long list.
    reusable: dict[tuple[int, bool], WriteOnlyCell] = {}

    def styled(value: object, font: Font) -> WriteOnlyCell:
        result = WriteOnlyCell(sheet, value=value)
        result.font = font
        return result

    def cell(number: int, value: object) -> WriteOnlyCell | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = clean_text(value)
            if looks_like_formula(value):
                text = styled(value, body_font)
                text.data_type = "s"  # text as typed, never a formula
                text.quotePrefix = True
                return text
        key = (number, isinstance(value, dt.date))
        result = reusable.get(key)
        if result is None:
            result = reusable[key] = styled(None, body_font)
            if key[1]:
                result.number_format = DATE_FORMAT
        result.value = value
        return result

    sheet.append([styled(c.header, header_font) for c in columns])
    count = 0
    try:
        for values in rows:
            if len(values) != len(columns):
                raise ValueError(f"{len(values)} values for {len(columns)} columns")
            sheet.append([cell(n, v) for n, v in enumerate(values)])
            count += 1
            if progress is not None and count % 200 == 0:
                progress(count)
    except BaseException:
        with contextlib.suppress(Exception):
            sheet.close()  # end the streamed sheet now, not when the collector gets to it
        raise
    workbook.save(target)
    if progress is not None:
        progress(count)
    return count
