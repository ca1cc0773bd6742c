"""A thin layer over XlsxWriter for the consolidated workbook: one Format per CellStyle, text
always written as text, merged cells, row heights fitted to wrapped text, and the large tables'
rows of numbers written in bulk.

Rows and columns are counted from 0, as XlsxWriter counts them. XlsxWriter is imported only
when a workbook is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from commune_desk.domain.numbers import Number
from commune_desk.excel import styles as st
from commune_desk.excel.text import clean_text, looks_like_formula

DEFAULT_WIDTH = 8.43


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection while a workbook is built and written.

    XlsxWriter keeps an object per cell until the workbook is closed, and a workbook is a
    reference cycle: collected as usual, tens of thousands of those objects outlive the young
    collections, reach the oldest generation and make the collector walk the whole heap of the
    program, again after every workbook. Paused, they are freed by the first young collection
    after the workbook is written (build it in a function that has returned by then).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Book:
    """An XlsxWriter workbook with its Formats made once per CellStyle."""

    def __init__(self, path: Path) -> None:
        from xlsxwriter import Workbook

        self.workbook = Workbook(str(path), st.xlsxwriter_options())
        self._formats: dict[st.CellStyle, Any] = {}

    def format(self, style: st.CellStyle) -> Any:
        found = self._formats.get(style)
        if found is None:
            found = self._formats[style] = self.workbook.add_format(st.xlsxwriter_format(style))
        return found

    def sheet(self, name: str, widths: Sequence[float] = ()) -> Sheet:
        worksheet = self.workbook.add_worksheet(name, worksheet_class=_official_worksheet())
        return Sheet(self, worksheet, widths)

    def close(self) -> None:
        """Write the file; an OSError (disk full, no permission) when it cannot be written."""
        from xlsxwriter.exceptions import FileCreateError

        try:
            self.workbook.close()
        except FileCreateError as exc:  # XlsxWriter wraps the OSError of the file system
            cause = exc.args[0] if exc.args else None
            raise cause if isinstance(cause, OSError) else OSError(str(exc)) from exc


_WORKSHEET_CLASS: list[type] = []


def _official_worksheet() -> type:
    """XlsxWriter's worksheet whose page header is left off the first page (Decree 30 numbers
    the pages from the second on), which XlsxWriter itself cannot say: its header and footer
    element gains `differentFirst` and an empty header for the first page."""
    if _WORKSHEET_CLASS:
        return _WORKSHEET_CLASS[0]
    from xlsxwriter.worksheet import Worksheet

    class OfficialWorksheet(Worksheet):  # type: ignore[misc]
        def _write_cell(self, row: int, col: int, cell: Any) -> None:
            kind = cell.__class__
            if kind is _NumberRun:
                self.fh.write(_run_xml(self, row, cell))
            elif kind is not _Covered:
                super()._write_cell(row, col, cell)

        def _write_header_footer(self) -> None:
            if not (self.header_footer_changed and self.header):
                super()._write_header_footer()
                return
            attributes = [("differentFirst", 1)]
            if not self.header_footer_scales:
                attributes.append(("scaleWithDoc", 0))
            if not self.header_footer_aligns:
                attributes.append(("alignWithMargins", 0))
            self._xml_start_tag("headerFooter", attributes)
            self._xml_data_element("oddHeader", self.header)
            if self.footer:
                self._xml_data_element("oddFooter", self.footer)
            self._xml_end_tag("headerFooter")

    _WORKSHEET_CLASS.append(OfficialWorksheet)
    return OfficialWorksheet


NumberCell = tuple[int, Number | None, Any]  # column, value (None: blank), XlsxWriter Format


class _NumberRun:
    """The numbers of one row, kept as a single entry of XlsxWriter's table (at the first
    column) and turned into XML in one go when the file is assembled."""

    __slots__ = ("cells",)

    def __init__(self, cells: Sequence[NumberCell]) -> None:
        self.cells = cells


class _Covered:
    """Marks the last column of a run, so XlsxWriter counts the row's span as before."""

    __slots__ = ()


_COVERED = _Covered()
_LETTERS: list[str] = []  # column letters by column, grown on demand
_EXACT = 2**53  # an int below this in size is a float exactly, and "%.16G" gives its digits


def write_numbers(worksheet: Any, row: int, cells: Sequence[NumberCell]) -> None:
    """Write numbers across one row, as write_number (write_blank for None) would, cell by cell.

    The cells come in increasing columns that hold nothing else. For a table of tens of
    thousands of figures: the row is stored as one entry and its XML made in one pass (the
    per-cell work of XlsxWriter is most of the time of writing a province's workbook); the
    file is the same, byte for byte. Anything unusual (a value that is not a finite int or
    float, a blank without a format, cells already there) is written cell by cell.
    """
    if not cells:
        return
    first, last = cells[0][0], cells[-1][0]
    if (
        worksheet.__class__ is not _official_worksheet()
        or not _plain(cells)
        or any(first <= column <= last for column in worksheet.table.get(row, ()))
        or worksheet._check_dimensions(row, first)
        or worksheet._check_dimensions(row, last)
    ):
        for column, value, fmt in cells:
            if value is None:
                worksheet.write_blank(row, column, None, fmt)
            else:
                worksheet.write_number(row, column, value, fmt)
        return
    columns = worksheet.table[row]
    columns[first] = _NumberRun(cells)
    if last != first:
        columns[last] = _COVERED


def _plain(cells: Sequence[NumberCell]) -> bool:
    """Finite ints and floats, blanks with a format, in strictly increasing columns."""
    previous = -1
    for column, value, fmt in cells:
        if column <= previous:
            return False
        previous = column
        if value is None:
            if fmt is None:
                return False
        elif value.__class__ is float:
            if not math.isfinite(value):
                return False
        elif value.__class__ is not int:
            return False
    return True


def _run_xml(worksheet: Any, row: int, run: _NumberRun) -> str:
    """What XlsxWriter's _write_cell writes for each cell of the run: a cell without a format
    takes its row's, else its column's; the value as "%.16G" formats it."""
    letters = _letters(run.cells[-1][0])
    info = worksheet.row_info.get(row)
    row_format = info.row_format if info is not None else None
    columns = worksheet.col_info
    number = f'{row + 1}"'
    tails: dict[int, str] = {id(None): number}  # the row number and the style, by format
    parts: list[str] = []
    append = parts.append
    for column, value, fmt in run.cells:
        if fmt is None:
            fmt = row_format
            if fmt is None and column in columns:
                fmt = columns[column].column_format
        tail = tails.get(id(fmt))
        if tail is None:
            tail = tails[id(fmt)] = f'{number} s="{fmt._get_xf_index()}"'
        if value is None:
            append(f'<c r="{letters[column]}{tail}/>')
        elif value.__class__ is int and -_EXACT < value < _EXACT:  # the same digits, sooner
            append(f'<c r="{letters[column]}{tail}><v>{value}</v></c>')
        else:
            append(f'<c r="{letters[column]}{tail}><v>{value:.16G}</v></c>')
    return "".join(parts)


def _letters(last: int) -> list[str]:
    """Column letters of the columns 0..last (at least)."""
    if len(_LETTERS) <= last:
        from xlsxwriter.utility import xl_col_to_name

        _LETTERS.extend(xl_col_to_name(c) for c in range(len(_LETTERS), last + 1))
    return _LETTERS


class Sheet:
    """One worksheet: styled cells, merges, column widths and fitted row heights."""

    def __init__(self, book: Book, worksheet: Any, widths: Sequence[float]) -> None:
        self.book = book
        self.ws = worksheet
        self.widths = list(widths)
        for column, width in enumerate(widths):
            worksheet.set_column(column, column, width)
        self._heights: dict[int, float] = {}
        self._wrapped: defaultdict[int, list[tuple[str, float, float, bool]]] = defaultdict(list)

    def width(self, first: int, last: int | None = None) -> float:
        """The width of the columns first..last together, in digits."""
        columns = range(first, (first if last is None else last) + 1)
        return sum(self.widths[c] if c < len(self.widths) else DEFAULT_WIDTH for c in columns)

    def put(self, row: int, column: int, value: object, style: st.CellStyle) -> None:
        """Write one styled cell; text lands as text (never a formula or a link)."""
        ws = self.ws
        if isinstance(value, str):
            self.text(row, column, value, style)
        elif value is None:
            ws.write_blank(row, column, None, self.book.format(style))
        elif isinstance(value, bool):
            ws.write_boolean(row, column, value, self.book.format(style))
        elif isinstance(value, int | float):
            ws.write_number(row, column, value, self.book.format(style))
        elif isinstance(value, dt.date):
            dated = style.but(number_format=st.DATE_FORMAT)
            ws.write_datetime(row, column, value, self.book.format(dated))
        else:
            raise TypeError(f"cannot write {type(value).__name__} to a cell")

    def text(
        self, row: int, column: int, value: str, style: st.CellStyle, span: int | None = None
    ) -> None:
        value = clean_text(value)
        if looks_like_formula(value):
            style = style.but(quote_prefix=True)  # "=…", "+…", "-…", "@…": text as typed
        self.ws.write_string(row, column, value, self.book.format(style))
        if style.wrap:
            width = self.width(column, span)
            self._wrapped[row].append((value, width, float(style.size), style.bold))

    def merge(self, row: int, first: int, last: int, value: object, style: st.CellStyle) -> None:
        """A value across the columns first..last of a row (merged, styled alike)."""
        self.merge_block(row, first, row, last, value, style)

    def merge_block(
        self, top: int, first: int, bottom: int, last: int, value: object, style: st.CellStyle
    ) -> None:
        if (top, first) == (bottom, last):
            self.put(top, first, value, style)
            return
        # The range is styled whole (its borders), then the value written with the typed
        # writer, never XlsxWriter's guessing write().
        self.ws.merge_range(top, first, bottom, last, "", self.book.format(style))
        if isinstance(value, str):
            self.text(top, first, value, style, span=last if top == bottom else None)
        elif value is not None:
            self.put(top, first, value, style)

    def height(self, row: int, points: float) -> None:
        self._heights[row] = points
        self.ws.set_row(row, points)

    def fit_rows(self, first: int, last: int, slack: float = 0.0) -> None:
        """Give the rows first..last holding wrapped text the height of their tallest cell
        (plus `slack` points where the estimate runs short, as in narrow bold labels).

        Spreadsheet programs do not grow rows to fit wrapped text when they open a file.
        """
        for row in range(first, last + 1):
            if row in self._heights or row not in self._wrapped:
                continue
            points = st.wrapped_height(self._wrapped[row])
            if points is not None:
                self.height(row, points + slack)

    def finish(self, last_cell: tuple[int, int], title_rows: tuple[int, int] | None) -> None:
        """No grid lines, and the official page set-up."""
        self.ws.hide_gridlines(2)
        st.set_up_xlsx_page(self.ws, last_cell, title_rows)
