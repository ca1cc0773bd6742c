"""Reading back a copy of a province's own form, filled by hand: a figure is found by the
form's placeholders and by its row's label, never by position alone.

The form says where each placeholder sits and which label its row carries. In a copy, a
placeholder whose row still carries that label is read where it was; when the label moved (a
row inserted or deleted above), the figure follows the label to its one new row; when the
label is found nowhere or twice, the figure is named as not found, never read from the wrong
row. Values are read as typed the Vietnamese way (1.234 · 1.234,5 · 12 %); anything else is
named with its sheet and cell. A period may be typed as a key or in words ("Quý III/2026").
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.numbers import Number, NumberError, parse_typed_number
from commune_desk.domain.periods import Period, PeriodError
from commune_desk.excel.formulas import compute
from commune_desk.excel.template import PLACEHOLDER, TemplateError, find_placeholders, load_template
from commune_desk.excel.workbook_guard import column_letters


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of the form: where it is, and the label its row carries ("" if none)."""

    sheet: str
    row: int
    column: int
    name: str
    label: str = ""  # folded for comparing (case, spaces, Unicode form)
    label_column: int = 0
    label_text: str = ""  # as the form writes it, for messages


@dataclass(frozen=True)
class TemplateMap:
    """Where a province template keeps each placeholder."""

    file: str
    cells: tuple[Placeholder, ...]

    def sheets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(cell.sheet for cell in self.cells))


@dataclass(frozen=True)
class CopyCells:
    """What a copy holds at each placeholder, and what could not be found or read."""

    values: Mapping[str, Any]  # placeholder name -> the cell's value (None: left empty)
    where: Mapping[str, str]  # placeholder name -> "trang «…», ô B9"
    notes: tuple[str, ...]  # labels not found where the form has them


def load_template_map(path: Path) -> TemplateMap:
    """The placeholders of a province template and their rows' labels; TemplateError."""
    workbook = load_template(Path(path))
    cells = []
    for sheet, cell, name in find_placeholders(workbook):
        text, label_column = _row_label(sheet, cell.row, cell.column)
        cells.append(
            Placeholder(sheet.title, cell.row, cell.column, name, _folded(text), label_column, text)
        )
    if not cells:
        raise TemplateError(f"Mẫu {Path(path).name} không có ô giữ chỗ nào dạng {{{{mã}}}}.")
    return TemplateMap(Path(path).name, tuple(cells))


def _row_label(sheet: Any, row: int, column: int) -> tuple[str, int]:
    """The longest text left of a placeholder in its row (the row's label), and its column."""
    best, where = "", 0
    for left in range(1, column):
        value = sheet.cell(row=row, column=left).value
        if isinstance(value, str) and not PLACEHOLDER.fullmatch(value):
            text = " ".join(value.split())
            if len(text) > len(best) and any(ch.isalpha() for ch in text):
                best, where = text, left
    return best, where


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def copy_cells(
    file: str, workbook: Any, template: TemplateMap, path: Path | None = None
) -> CopyCells:
    """Each placeholder's value in a copy (python-calamine workbook), following moved rows.

    With the copy's `path`, a placeholder cell holding a formula saved without its result is
    computed when the formula is simple, else named in the notes.
    """
    grids: dict[str, list[list[Any]]] = {}
    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    notes: list[str] = []
    empty: list[tuple[str, str, int, int]] = []  # (name, sheet, row, column) read empty
    for place in template.cells:
        if place.sheet not in workbook.sheet_names:
            continue
        if place.sheet not in grids:
            grids[place.sheet] = workbook.get_sheet_by_name(place.sheet).to_python(
                skip_empty_area=False
            )
        grid = grids[place.sheet]
        row = _row_of(grid, place)
        if row is None:
            notes.append(
                f"không tìm thấy dòng «{place.label_text}» (mẫu: trang «{place.sheet}», "
                f"dòng {place.row}) — dòng bị xóa, sửa nhãn hoặc lặp lại; {{{{{place.name}}}}} "
                "không được đọc"
            )
            continue
        cell = _at(grid, row, place.column)
        if isinstance(cell, str) and ("{{" in cell or not cell.strip()):
            cell = None
        values[place.name] = cell
        where[place.name] = f"trang «{place.sheet}», ô {column_letters(place.column)}{row}"
        if cell is None:
            empty.append((place.name, place.sheet, row, place.column))
    if empty and path is not None:
        _formula_cells(Path(path), grids, empty, values, where, notes)
    return CopyCells(values, where, tuple(notes))


def _formula_cells(
    path: Path,
    grids: Mapping[str, list[list[Any]]],
    empty: list[tuple[str, str, int, int]],
    values: dict[str, Any],
    where: Mapping[str, str],
    notes: list[str],
) -> None:
    """Compute (or name) the formulas saved without a result in the cells that read empty."""
    formulas = _formulas(path, {(sheet, row, column) for _n, sheet, row, column in empty})
    for name, sheet, row, column in empty:
        formula = formulas.get((sheet, row, column))
        if formula is None:
            continue
        grid = grids[sheet]
        result = compute(formula, lambda r, c, grid=grid: _at(grid, r, c))
        if result is not None:
            values[name] = int(result) if float(result).is_integer() else result
        else:
            notes.append(
                f"{where[name]}: công thức «{formula[:60]}» chưa có kết quả và không tự tính "
                "được; hãy mở tệp bằng Excel rồi lưu lại"
            )


def _formulas(path: Path, cells: set[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
    """The formula text of the given cells (openpyxl, read-only: only for such copies)."""
    from openpyxl import load_workbook

    found: dict[tuple[str, int, int], str] = {}
    try:
        workbook = load_workbook(path, read_only=True)
    except Exception:  # the container was checked; any other trouble: nothing computed
        return found
    try:
        for sheet in {sheet for sheet, _r, _c in cells}:
            if sheet not in workbook.sheetnames:
                continue
            rows = {r for s, r, _c in cells if s == sheet}
            for row_cells in workbook[sheet].iter_rows(min_row=min(rows), max_row=max(rows)):
                for cell in row_cells:
                    key = (sheet, getattr(cell, "row", 0), getattr(cell, "column", 0))
                    if key in cells and isinstance(cell.value, str) and cell.value.startswith("="):
                        found[key] = cell.value
    finally:
        workbook.close()
    return found


def _row_of(grid: list[list[Any]], place: Placeholder) -> int | None:
    """The copy's row of a placeholder: where it was if its label is there, else the one row
    carrying the label; None when the label is nowhere or on several rows."""
    if not place.label:
        return place.row
    here = _at(grid, place.row, place.label_column)
    if isinstance(here, str) and _folded(here) == place.label:
        return place.row
    rows = [
        number
        for number, cells in enumerate(grid, start=1)
        if isinstance(text := _at(grid, number, place.label_column), str)
        and _folded(text) == place.label
        and cells is not None
    ]
    return rows[0] if len(rows) == 1 else None


def _at(grid: list[list[Any]], row: int, column: int) -> Any:
    if 1 <= row <= len(grid) and 1 <= column <= len(grid[row - 1]):
        return grid[row - 1][column - 1]
    return None


@dataclass(frozen=True)
class CopyFigures:
    elements: dict[str, Number | None]
    notes: tuple[str, ...]


def copy_figures(file: str, read: CopyCells, catalogue: Catalogue) -> CopyFigures:
    """The elements a copy states, and a note naming every value that is not a number."""
    elements: dict[str, Number | None] = {}
    notes = list(read.notes)
    for element in catalogue.elements:
        for key in (element.code, f"{element.code}.value"):
            if key not in read.values:
                continue
            cell = read.values[key]
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                elements[element.code] = None
                continue
            where = f"{read.where[key]} ({element.code}, {element.label})"
            try:
                number = parse_typed_number(cell)
            except NumberError as exc:
                notes.append(f"{where}: {exc}")
                continue
            if element.whole and not float(number).is_integer():
                typed = str(cell).strip()
                notes.append(
                    f"{where}: «{typed}» không phải số nguyên (số đếm; một nghìn ba trăm hai mươi "
                    "ghi là 1.320 hoặc 1320), ô bị bỏ trống"
                )
                continue
            elements[element.code] = number
    return CopyFigures(elements, tuple(notes))


def copy_period(file: str, cell: Any) -> tuple[str, str]:
    """(period key, note): the period as typed in the copy ("" when it says none)."""
    text = field_text(cell)
    if not text:
        return "", ""
    try:
        return Period.parse_text(text).key, ""
    except PeriodError:
        return "", f"kỳ «{text[:30]}» không hiểu được; coi như kỳ đang tổng hợp"


def field_text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return f"{cell:%d/%m/%Y}"
    return str(cell).strip()
