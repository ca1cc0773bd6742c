"""`consolidate --db`: every commune of a database consolidated into the same workbook as
their submitted files give (issue 19)."""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from commune_desk.domain.periods import Period
from commune_desk.services.context import Actor
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.common import run_cli
from tests.support.communes import two_communes

Q3 = Period.parse("2025-Q3")
FIGURES = {
    "15880": (1168, 140, 4),
    "15881": (900, 300, 2),
}


def _submitted(db: str, folder: Path) -> None:
    """Two communes in one database; A submits Q3 (its file kept), B only enters figures."""
    both = two_communes(db)
    try:
        for ctx, code in ((both.a, "15880"), (both.b, "15881")):
            online, direct, bts = FIGURES[code]
            ValuesService(ctx).save(
                [
                    ValueChange("tthc.received_online", "2025-09", online),
                    ValueChange("tthc.received_direct", "2025-09", direct),
                    ValueChange("infra.bts", "2025-09", bts),
                ]
            )
        officer = replace(both.a, actor=Actor("hoa", "officer"))
        ReportService(officer).export(Q3, folder / "15880-q3.xlsx")
    finally:
        both.close()


def _cells(path: Path) -> dict[str, list[tuple]]:
    """Every cell of every sheet; the names of the files read (which differ) as «FILE»."""
    book = load_workbook(path, data_only=True)

    def cell(value: object) -> object:
        if isinstance(value, str) and ".xlsx" in value:
            return re.sub(r"[\w.-]+\.xlsx", "FILE", value)
        return value

    return {
        ws.title: [tuple(cell(v) for v in row) for row in ws.iter_rows(values_only=True)]
        for ws in book.worksheets
    }


def test_the_database_gives_the_same_workbook_as_the_files(db_url, tmp_path, capsys):
    files = tmp_path / "files"
    files.mkdir()
    _submitted(db_url, files)
    status, _, err = run_cli(  # B's draft as the command line writes it: dated today
        capsys, "export", "--db", db_url, "--commune", "15881", "--period", "2025-Q3",
        "--out", str(files / "15881-nhap.xlsx"), "--draft",
    )  # fmt: skip
    assert status == 0, err
    from_files, from_db = tmp_path / "tu-tep.xlsx", tmp_path / "tu-csdl.xlsx"
    for drafts in ((), ("--include-drafts",)):
        status, _, err = run_cli(
            capsys, "consolidate", str(files), "--period", "2025-Q3", "--out", str(from_files),
            *drafts,
        )  # fmt: skip
        assert status == 0, err
        status, _out, err = run_cli(
            capsys, "consolidate", "--db", db_url, "--period", "2025-Q3", "--out", str(from_db),
            *drafts,
        )  # fmt: skip
        assert status == 0, err
        files_cells, db_cells = _cells(from_files), _cells(from_db)
        assert files_cells == db_cells
        flat = [c for rows in db_cells.values() for row in rows for c in row]
        assert 1168 in flat  # A's submitted figure is there
        assert (900 in flat) == bool(drafts)  # B's draft only when drafts are counted


def test_consolidate_needs_files_or_a_database_and_a_period(db_url, tmp_path, capsys):
    out = str(tmp_path / "x.xlsx")
    assert run_cli(capsys, "consolidate", "--out", out)[0] == 2
    assert run_cli(capsys, "consolidate", "--db", db_url, "--out", out)[0] == 2


def test_no_report_workbook_is_written_or_read(db_url, tmp_path, capsys, monkeypatch):
    _submitted(db_url, tmp_path)
    (tmp_path / "15880-q3.xlsx").unlink()  # only the database is consolidated
    scratch = tmp_path / "tam"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def refuse(*_args, **_kwargs):
        raise AssertionError("a commune report workbook was made")

    monkeypatch.setattr("commune_desk.excel.report.build_workbook", refuse)
    monkeypatch.setattr("commune_desk.services.commune_reports.write_report", refuse)
    monkeypatch.setattr("commune_desk.excel.consolidation_reader._read", refuse)
    out = tmp_path / "tong-hop.xlsx"
    status, _out, err = run_cli(
        capsys, "consolidate", "--db", db_url, "--period", "2025-Q3", "--out", str(out),
        "--include-drafts",
    )  # fmt: skip
    assert status == 0, err
    assert [p.name for p in tmp_path.rglob("*.xlsx")] == ["tong-hop.xlsx"]
    assert not any(scratch.iterdir())
    book = load_workbook(out, data_only=True)
    flat = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert 1168 in flat and 900 in flat
    named = [c for c in flat if isinstance(c, str) and "15880-" in c and ".xlsx" in c]
    assert named  # the commune's report is named as its file would be
