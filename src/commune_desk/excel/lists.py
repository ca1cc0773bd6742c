"""Write a list (header row and rows of plain values) to an .xlsx file, atomically.

Dates become real date cells shown dd/mm/yyyy; text that starts like a formula (= + - @) is
written as text. The workbook goes to a temporary file beside the target and is moved into
place only when complete, so a failure never leaves half a file. openpyxl is imported here,
when a list is first written, not when the program starts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
DATE_FORMAT = "dd/mm/yyyy"
FORMULA_START = ("=", "+", "-", "@")
MAX_WIDTH = 60
# Characters XML 1.0 cannot carry; a pasted control character must not break the file.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Progress = Callable[[int], None]  # rows written so far; may raise to stop


class ListWriteError(OSError):
    """The list could not be written; the message is Vietnamese and names the file."""


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
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise ListWriteError(f"Không ghi được tệp {path.name}: đó là một thư mục.")
    if not folder.is_dir():
        raise ListWriteError(f"Không ghi được tệp {path.name}: không có thư mục {folder}.")
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}-", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise ListWriteError(
            f"Không ghi được tệp {path.name}: không có quyền ghi vào thư mục {folder} "
            f"({exc.strerror or exc})."
        ) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        count = _save(temp, sheet_title, columns, rows, progress)
        # mkstemp makes the file private (0600); give the list the usual permissions.
        temp.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o644)
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise ListWriteError(
                f"Không ghi được tệp {path.name}: tệp đang được mở trong chương trình khác "
                f"(Excel?) hoặc không có quyền ghi. Hãy đóng tệp rồi thử lại "
                f"({exc.strerror or exc})."
            ) from exc
    except OSError as exc:
        if isinstance(exc, ListWriteError):
            raise
        raise ListWriteError(
            f"Không ghi được tệp {path.name}: {exc.strerror or exc}. Chưa có gì được ghi."
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
    return count


def _save(
    target: Path,
    sheet_title: str,
    columns: Sequence[ListColumn],
    rows: Iterable[Sequence[object]],
    progress: Progress | None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(sheet_title))
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
            value = _ILLEGAL.sub("", value)
            if value.startswith(FORMULA_START):
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


def _sheet_title(title: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Danh sách"
    return cleaned[:31]
