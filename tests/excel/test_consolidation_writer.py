"""The consolidated workbook as written by XlsxWriter: user text stays text, the official look
is the commune report's (one CellStyle, two writers), the sheets and the chart are there."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import Issue, IssueKind
from commune_desk.excel import styles as st
from commune_desk.excel.atomic import WorkbookWriteError
from commune_desk.excel.consolidation_book import Book, collector_paused
from commune_desk.excel.consolidation_document import (
    ConsolidatedCommune,
    ConsolidationDocument,
    GridCell,
    GridRow,
)
from commune_desk.excel.consolidation_writer import write_consolidation
from tests.support.consolidation import catalogue

TRICKY = ['=HYPERLINK("http://x")', "+84 912 345 678", "-5 hộ", "@admin"]


def document(names: list[str]) -> tuple[ConsolidationDocument, Catalogue]:
    cat = catalogue()
    communes = tuple(
        ConsolidatedCommune(
            f"1600{i}", name, "2025-Q3", 1, f"{name}.xlsx", "Đã nộp v1", {"pop.population": 10 + i}
        )
        for i, name in enumerate(names)
    )
    return ConsolidationDocument(
        province="Thanh Hóa",
        period_key="2025-Q3",
        period_label="Quý III/2025",
        period_subject="Quý III năm 2025",
        generated=dt.date(2026, 11, 21),
        communes=communes,
        totals={"pop.population": sum(10 + i for i in range(len(names)))},
        targets={},
        meeting={},
        grid_periods=(("2025-Q3", "Quý III/2025"),),
        grid=tuple(
            GridRow(c.code, c.name, (GridCell("Đã nộp v1", c.file, "21/11/2026"),))
            for c in communes
        ),
        issues=(Issue("=x.xlsx", IssueKind.NOT_WORKBOOK, "=x.xlsx: không phải bảng tính"),),
        files_read=len(names) + 1,
        main_indicators=tuple(c for c in cat.codes() if c.startswith("ind."))[:1],
    ), cat


def test_formula_like_text_lands_as_text_on_every_sheet(tmp_path):
    doc, cat = document([*TRICKY, "Xã\x01 Lạ"])
    path = tmp_path / "o.xlsx"
    write_consolidation(path, doc, cat)
    workbook = load_workbook(path)
    found: dict[str, list] = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found.setdefault(cell.value, []).append((sheet.title, cell))
    for text in [*TRICKY, "=x.xlsx"]:
        assert text in found, text
        for title, cell in found[text]:
            assert cell.data_type == "s", (title, text)
            if title != "_rows":
                assert cell.quotePrefix, (title, text)
    assert "Xã Lạ" in found  # the control character is dropped
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert all(b"<f>" not in archive.read(n) for n in sheets)


def test_a_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch):
    import errno

    from xlsxwriter.workbook import Workbook as XlsxWorkbook

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(XlsxWorkbook, "_store_workbook", full)
    doc, cat = document(["Xã A"])
    with pytest.raises(WorkbookWriteError, match=r"o\.xlsx: No space left"):
        write_consolidation(tmp_path / "o.xlsx", doc, cat)
    assert list(tmp_path.iterdir()) == []


def test_rows_sheet_is_hidden_with_numbers(tmp_path):
    doc, cat = document(["Xã A", "Xã B"])
    path = tmp_path / "o.xlsx"
    write_consolidation(path, doc, cat)
    sheet = load_workbook(path)["_rows"]
    assert sheet.sheet_state == "hidden"
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("pop.population")
    assert [r[column] for r in rows[1:]] == [10, 11]
    assert [r[3] for r in rows[1:]] == [1, 1]  # the version, a number


STYLES = [
    st.CellStyle(),
    st.CellStyle(size=11, bold=True, horizontal="center", wrap=True, boxed=True),
    st.CellStyle(size=14, bold=True, underline=True, horizontal="center"),
    st.CellStyle(size=10, italic=True, horizontal="right", boxed=True, indent=1),
    st.CellStyle(boxed=True, horizontal="right", number_format=st.DECIMAL_FORMAT),
    st.CellStyle(vertical="top", quote_prefix=True),
]


@pytest.mark.parametrize("style", STYLES)
def test_one_cell_style_looks_the_same_from_both_writers(tmp_path, style):
    """The commune report (openpyxl) and the consolidation (XlsxWriter) share one look."""
    by_openpyxl = Workbook()
    st.put(by_openpyxl.active, 1, 1, "Xã", st.openpyxl_style(style))
    by_openpyxl.save(tmp_path / "a.xlsx")
    book = Book(tmp_path / "b.xlsx")
    book.sheet("Sheet").put(0, 0, "Xã", style)
    book.close()

    def look(name: str) -> tuple:
        cell = load_workbook(tmp_path / name).active["A1"]
        font, alignment, border = cell.font, cell.alignment, cell.border
        return (
            font.name,
            float(font.sz),
            bool(font.b),
            bool(font.i),
            font.u,
            font.color.rgb,
            alignment.horizontal or "general",
            alignment.vertical,
            bool(alignment.wrap_text),
            int(alignment.indent),
            tuple(getattr(border, side).style for side in ("left", "right", "top", "bottom")),
            cell.number_format,
            bool(cell.quotePrefix),
        )

    assert look("a.xlsx") == look("b.xlsx")


def test_the_collector_is_paused_while_a_workbook_is_written_then_restored():
    import gc

    assert gc.isenabled()
    with pytest.raises(OSError), collector_paused():
        assert not gc.isenabled()
        raise OSError("disk full")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()
