"""Rows of numbers written in bulk (write_numbers): the file is the one XlsxWriter writes cell
by cell, byte for byte, and anything unusual is still written (or refused) cell by cell."""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from pathlib import Path

import pytest

from commune_desk.excel import consolidation_book
from commune_desk.excel import styles as st
from commune_desk.excel.consolidation_book import Book, write_numbers
from commune_desk.excel.consolidation_document import (
    ConsolidatedCommune,
    ConsolidationDocument,
    GridCell,
    GridRow,
)
from commune_desk.excel.consolidation_writer import write_consolidation
from tests.support.consolidation import catalogue

MIXED = [0, 7, -3, 2.5, 1e17, 2**53 - 1, 2**53 + 1, -(2**53), 10**16, 1 / 3, 0.1, -0.0, 10.0, None]


def parts(path: Path) -> dict[str, bytes]:
    """Every part of the file but its creation time (docProps/core.xml)."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if "core" not in name}


def write_both(tmp_path: Path, fill) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The same cells written with write_numbers, then cell by cell."""
    found = []
    for name, bulk in (("bulk.xlsx", True), ("cells.xlsx", False)):
        book = Book(tmp_path / name)
        fill(book, bulk)
        book.close()
        found.append(parts(tmp_path / name))
    return found[0], found[1]


def by_cell(ws, row: int, cells) -> None:
    for column, value, fmt in cells:
        if value is None:
            ws.write_blank(row, column, None, fmt)
        else:
            ws.write_number(row, column, value, fmt)


def test_bulk_rows_are_the_cell_by_cell_file_byte_for_byte(tmp_path):
    def fill(book: Book, bulk: bool) -> None:
        integer = book.format(st.CellStyle(boxed=True, number_format=st.INTEGER_FORMAT))
        decimal = book.format(st.CellStyle(boxed=True, number_format=st.DECIMAL_FORMAT))
        sheet = book.sheet("Số", (5.5, 9, 24))
        ws = sheet.ws
        ws.set_row(4, 20, book.format(st.CellStyle(bold=True)))  # a row with a format
        ws.set_column(9, 9, 12, book.format(st.CellStyle(italic=True)))  # a column with one
        for row in range(1, 40):  # more than one block of 16 rows (the rows' spans)
            sheet.put(row, 0, row, st.CellStyle())
            shifted = MIXED[row % len(MIXED) :] + MIXED[: row % len(MIXED)]
            cells = [
                (column, value, None if column in (4, 9) else (decimal if row % 2 else integer))
                for column, value in enumerate(shifted, start=3)
                if value is not None or column not in (4, 9)
            ]
            if row == 4:  # cells without a format take the row's, then the column's
                cells = [(column, 1, None) for column in range(3, 12)]
            (write_numbers if bulk else by_cell)(ws, row, cells)
        plain = book.sheet("Không định dạng")  # like `_rows`: no formats, gaps left out
        for row in range(3):
            cells = [(column, row + column / 4, None) for column in (6, 7, 9, 200)]
            (write_numbers if bulk else by_cell)(plain.ws, row, cells)

    bulk, cells = write_both(tmp_path, fill)
    assert bulk.keys() == cells.keys()
    for name in cells:
        assert bulk[name] == cells[name], name
    assert b'<c r="GS3"><v>52</v></c>' in bulk["xl/worksheets/sheet2.xml"]


def test_the_bulk_path_is_taken_and_unusual_rows_go_cell_by_cell(tmp_path, monkeypatch):
    runs: list[int] = []
    original = consolidation_book._NumberRun.__init__

    def counted(self, cells) -> None:
        runs.append(len(cells))
        original(self, cells)

    monkeypatch.setattr(consolidation_book._NumberRun, "__init__", counted)

    def fill(book: Book, bulk: bool) -> None:
        fmt = book.format(st.CellStyle())
        ws = book.sheet("Số").ws
        write = write_numbers if bulk else by_cell
        write(ws, 0, [(1, 1, fmt), (2, 2, fmt)])  # plain: one run
        write(ws, 1, [(1, True, fmt), (2, 2, fmt)])  # a boolean is no number here
        write(ws, 2, [(2, 2, fmt), (1, 1, fmt)])  # columns out of order
        write(ws, 3, [(1, 1, None), (2, None, None)])  # a blank without a format: nothing
        ws.write_string(4, 2, "chữ")
        write(ws, 4, [(1, 1, fmt), (3, 3, fmt)])  # a cell already inside the run
        write(ws, 5, [(1, 1, fmt), (16_384, 2, fmt)])  # beyond the last column: left out
        write(ws, 6, [])

    bulk, cells = write_both(tmp_path, fill)
    assert bulk == cells
    assert runs == [2]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_value_that_is_no_finite_number_is_refused_as_before(tmp_path, value):
    book = Book(tmp_path / "x.xlsx")
    ws = book.sheet("Số").ws
    with pytest.raises(TypeError):
        ws.write_number(0, 1, value)
    with pytest.raises(TypeError):
        write_numbers(ws, 0, [(1, 1, None), (2, value, None)])
    book.close()


def test_the_consolidated_workbook_is_the_one_written_cell_by_cell(tmp_path, monkeypatch):
    cat = catalogue()
    codes = cat.codes()
    communes = tuple(
        ConsolidatedCommune(
            f"1600{i}",
            f"Xã {i}",
            "2025-Q3",
            i or None,
            f"x{i}.xlsx",
            "Đã nộp",
            {
                code: (None if (i + n) % 5 == 0 else (i * 7 + n) / (2 if n % 3 else 1))
                for n, code in enumerate(codes)
            },
        )
        for i in range(40)
    )
    doc = ConsolidationDocument(
        province="Thanh Hóa",
        period_key="2025-Q3",
        period_label="Quý III/2025",
        period_subject="Quý III năm 2025",
        generated=dt.date(2026, 11, 21),
        communes=communes,
        totals={code: 1.5 for code in codes},
        targets={},
        meeting={},
        grid_periods=(("2025-Q3", "Quý III/2025"),),
        grid=tuple(GridRow(c.code, c.name, (GridCell("Đã nộp", c.file, ""),)) for c in communes),
        issues=(),
        files_read=40,
        main_indicators=(),
    )
    write_consolidation(tmp_path / "bulk.xlsx", doc, cat)
    monkeypatch.setattr(consolidation_book, "_plain", lambda cells: False)  # cell by cell
    write_consolidation(tmp_path / "cells.xlsx", doc, cat)
    bulk, cells = parts(tmp_path / "bulk.xlsx"), parts(tmp_path / "cells.xlsx")
    assert bulk.keys() == cells.keys()
    for name in cells:
        assert bulk[name] == cells[name], name
