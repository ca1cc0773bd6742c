"""Reading one file for the consolidation: a report, or an issue; never an exception."""

from __future__ import annotations

import random

import pytest

from commune_desk.demo.province import varied_values
from commune_desk.domain.consolidation import Issue, IssueKind
from commune_desk.excel import consolidation_reader
from commune_desk.excel.consolidation_reader import CommuneReport, ReportReader, read_report
from tests.support.consolidation import (
    catalogue,
    edit_visible,
    entity_bomb,
    tamper_data,
    truncated,
    write_commune,
    zip_bomb,
)


@pytest.fixture
def report(tmp_path):
    values = varied_values(catalogue(), random.Random(5))
    return write_commune(tmp_path, "16000", "Xã Thử", "2025-Q3", values, version=3), values


def test_a_report_is_read_through_its_data_sheet(report):
    path, values = report
    found = read_report(path, catalogue())
    assert isinstance(found, CommuneReport)
    assert (found.commune_code, found.commune_name, found.period) == ("16000", "Xã Thử", "2025-Q3")
    assert (found.version, found.draft, found.province) == (3, False, "Thanh Hóa")
    assert found.generated == "21/11/2026"
    for code, value in values.items():
        assert found.values[code] == value
    online = values["tthc.received_online"]
    received = online + values["tthc.received_direct"] + values["tthc.received_postal"]
    assert found.values["ind.online_records_pct"] == pytest.approx(online / received * 100)


def test_a_tampered_data_sheet_is_a_checksum_issue(report):
    path, _ = report
    tamper_data(path, "pop.population", "1")
    found = read_report(path, catalogue())
    assert isinstance(found, Issue) and found.kind is IssueKind.CHECKSUM
    assert found.commune_code == "16000" and path.name in found.detail


def test_the_visible_sheet_must_agree_with_data(report):
    path, values = report
    edit_visible(path, "Dân số trên địa bàn", values["pop.population"] + 1)
    found = read_report(path, catalogue())
    assert isinstance(found, Issue) and found.kind is IssueKind.MISMATCH
    assert "«Dân số trên địa bàn»" in found.detail and "pop.population" not in found.detail


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda src, p: p.write_bytes(b"%PDF-1.4 not a workbook"), IssueKind.NOT_WORKBOOK),
        (lambda src, p: p.write_bytes(b""), IssueKind.NOT_WORKBOOK),
        (truncated, IssueKind.UNREADABLE),
        (lambda src, p: zip_bomb(p), IssueKind.REFUSED),
        (entity_bomb, IssueKind.REFUSED),
    ],
)
def test_broken_and_hostile_files_are_issues(report, tmp_path, make, kind):
    source, _ = report
    target = tmp_path / "bad.xlsx"
    make(source, target)
    found = read_report(target, catalogue())
    assert isinstance(found, Issue) and found.kind is kind and "bad.xlsx" in found.detail


def test_a_workbook_without_data_is_an_issue(tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "plain.xlsx")
    found = read_report(tmp_path / "plain.xlsx", catalogue())
    assert isinstance(found, Issue) and found.kind is IssueKind.NO_DATA
    assert "--template" in found.detail


def test_many_files_are_read_in_order_across_batches(report, tmp_path, monkeypatch):
    source, _ = report
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "b_bom.xlsx").write_bytes(b"")
    zip_bomb(folder / "d_bom.xlsx")
    for name in ("a.xlsx", "c.xlsx", "e.xlsx"):
        (folder / name).write_bytes(source.read_bytes())
    paths = sorted(folder.iterdir())
    monkeypatch.setattr(consolidation_reader, "_BATCH", 2)  # batches of 2, 2 and 1
    reader = ReportReader(catalogue())
    found = list(reader.read_many(paths))
    assert [f.file for f in found] == [p.name for p in paths]
    assert [type(f) for f in found] == [CommuneReport, Issue, CommuneReport, Issue, CommuneReport]
    assert [f.kind for f in found if isinstance(f, Issue)] == [
        IssueKind.NOT_WORKBOOK,
        IssueKind.REFUSED,
    ]
    assert found == [reader.read(path) for path in paths]
