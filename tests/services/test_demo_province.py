"""The invented province reports: real commune reports, varied, that consolidate cleanly."""

from __future__ import annotations

from commune_desk.demo.province import write_province_reports
from commune_desk.excel.consolidation_reader import CommuneReport, ReportReader
from tests.support.common import FIXED_NOW
from tests.support.consolidation import catalogue


def test_province_reports_are_distinct_usable_reports(tmp_path):
    cat = catalogue()
    files = write_province_reports(tmp_path, cat, "2025-Q3", 4, FIXED_NOW, seed=3)
    reader = ReportReader(cat)
    reports = [reader.read(path) for path in files]
    assert all(isinstance(r, CommuneReport) for r in reports), reports
    assert [r.commune_code for r in reports] == ["14000", "14001", "14002", "14003"]
    assert {r.period for r in reports} == {"2025-Q3"} and {r.version for r in reports} == {1}
    populations = {r.values["pop.population"] for r in reports}
    assert len(populations) == 4  # varied figures
    (tmp_path / "again").mkdir()
    again = write_province_reports(tmp_path / "again", cat, "2025-Q3", 1, FIXED_NOW, seed=3)
    assert reader.read(again[0]).values == reports[0].values  # the same seed, the same figures
