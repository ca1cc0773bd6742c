"""Honest totals: ratios from communes that reported both parts, coverage, drafts, types."""

from __future__ import annotations

import random

import pytest
from openpyxl import load_workbook

from commune_desk.demo.province import varied_values
from commune_desk.domain.consolidation import IssueKind
from commune_desk.services.consolidation import ConsolidationError, ConsolidationService
from tests.support.consolidation import catalogue, write_commune

PERIOD = "2025-Q3"


def summary(path):
    """The Tổng hợp sheet: {label of column A: the row's values by catalogue code}."""
    sheet = load_workbook(path)["Tổng hợp"]
    codes = catalogue().codes()
    rows = {}
    for r in range(1, sheet.max_row + 1):
        label = sheet.cell(r, 1).value
        if isinstance(label, str):
            rows[label] = {code: sheet.cell(r, 4 + i).value for i, code in enumerate(codes)}
    names = [sheet.cell(r, 3).value for r in range(1, sheet.max_row + 1)]
    return rows, names, sheet


def test_a_ratio_counts_only_communes_with_both_parts_and_says_how_many(tmp_path):
    cat = catalogue()
    full = varied_values(cat, random.Random(1)) | {
        "pop.adults": 10000,
        "pop.adults_confirmed": 7607,
    }
    partial = varied_values(cat, random.Random(2)) | {"pop.adults_confirmed": 508}
    partial.pop("pop.adults")
    partial.pop("infra.adults_smartphone")  # the rule adults_smartphone <= adults skips anyway
    write_commune(tmp_path, "16000", "Xã A", PERIOD, full)
    write_commune(tmp_path, "16001", "Xã B", PERIOD, partial)
    units = tmp_path.parent / f"{tmp_path.name}_units.csv"
    units.write_text("code,name\n16000,Xã A\n16001,Xã B\n16002,Xã C\n", "utf-8")
    out = tmp_path.parent / f"{tmp_path.name}_o.xlsx"
    ConsolidationService(cat).consolidate([tmp_path], out, PERIOD, units)
    rows, _, _ = summary(out)
    total = rows["TỔNG CỘNG"]
    assert total["ind.adults_confirmed_pct"] == pytest.approx(76.07)  # not 81.15
    covered = rows["Số xã có trong tổng (trên số xã phải nộp)"]
    assert covered["ind.adults_confirmed_pct"] == "1/3 xã"
    assert covered["pop.adults_confirmed"] == "2/3 xã"
    assert covered["pop.adults"] == "1/3 xã"


def drafts_scene(folder):
    cat = catalogue()
    values = {code: varied_values(cat, random.Random(i)) for i, code in enumerate(("A", "B"))}
    write_commune(folder, "16000", "Xã A", PERIOD, values["A"], version=1)
    write_commune(folder, "16001", "Xã B", PERIOD, values["B"], draft=True)
    return values


def test_a_draft_is_left_out_of_the_official_totals(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    values = drafts_scene(folder)
    out = tmp_path / "o.xlsx"
    result = ConsolidationService(catalogue()).consolidate([folder], out, PERIOD)
    assert result.communes == 1
    draft = next(i for i in result.problems if i.kind is IssueKind.DRAFT)
    assert draft.file == f"16001_{PERIOD}_v1_nhap.xlsx" and "bản nháp" in draft.detail
    rows, names, _ = summary(out)
    assert rows["TỔNG CỘNG"]["pop.population"] == values["A"]["pop.population"]
    assert "Xã B" not in names and "Xã B (bản nháp)" not in names
    assert "Số xã đạt kế hoạch (trên 1 xã)" in rows
    grid = load_workbook(out)["Tình trạng nộp"]
    assert any(c.value == "Bản nháp" for row in grid.iter_rows() for c in row)


def test_drafts_asked_for_are_counted_and_marked_wherever_they_count(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    values = drafts_scene(folder)
    out = tmp_path / "o.xlsx"
    result = ConsolidationService(catalogue()).consolidate(
        [folder], out, PERIOD, include_drafts=True
    )
    assert result.communes == 2 and result.problems == ()
    rows, names, sheet = summary(out)
    population = values["A"]["pop.population"] + values["B"]["pop.population"]
    assert rows["TỔNG CỘNG (gồm 1 bản nháp)"]["pop.population"] == population
    assert "Xã B (bản nháp)" in names
    assert "Số xã đạt kế hoạch (trên 2 xã, gồm 1 bản nháp)" in rows
    assert "gồm 1 bản nháp" in sheet["D8"].value
    ranking = load_workbook(out)["Xếp hạng"]
    assert any(c.value == "Xã B (bản nháp)" for row in ranking.iter_rows() for c in row)


@pytest.mark.parametrize("wrong", [-500, 31.5])
def test_a_resealed_report_with_a_negative_or_fractional_count_is_not_summed(tmp_path, wrong):
    cat = catalogue()
    folder = tmp_path / "in"
    folder.mkdir()
    good = varied_values(cat, random.Random(5))
    bad = varied_values(cat, random.Random(6)) | {"class.participants": wrong}
    write_commune(folder, "16000", "Xã A", PERIOD, good)
    write_commune(folder, "16001", "Xã B", PERIOD, bad)  # sealed by the documented rule
    out = tmp_path / "o.xlsx"
    result = ConsolidationService(cat).consolidate([folder], out, PERIOD)
    assert result.communes == 1
    (issue,) = result.problems
    assert issue.kind is IssueKind.FIGURES and issue.commune_code == "16001"
    assert f"class.participants = {wrong:g}" in issue.detail
    rows, _, _ = summary(out)
    assert rows["TỔNG CỘNG"]["class.participants"] == good["class.participants"]


def test_the_output_may_not_be_one_of_the_inputs(tmp_path):
    cat = catalogue()
    a = write_commune(tmp_path, "16000", "Xã A", PERIOD, varied_values(cat, random.Random(1)))
    b = write_commune(tmp_path, "16001", "Xã B", PERIOD, varied_values(cat, random.Random(2)))
    before = a.read_bytes()
    with pytest.raises(ConsolidationError, match="trùng với tệp đầu vào"):
        ConsolidationService(cat).consolidate([a, b], a)
    assert a.read_bytes() == before


def test_the_output_may_not_be_a_report_found_in_a_folder_or_the_template(tmp_path):
    cat = catalogue()
    a = write_commune(tmp_path, "16000", "Xã A", PERIOD, varied_values(cat, random.Random(1)))
    before = a.read_bytes()
    with pytest.raises(ConsolidationError, match="trùng với tệp đầu vào"):
        ConsolidationService(cat).consolidate([tmp_path], a)
    assert a.read_bytes() == before
    template = tmp_path.parent / f"{tmp_path.name}_mau.xlsx"
    template.write_bytes(b"form")
    with pytest.raises(ConsolidationError, match="trùng với mẫu biểu"):
        ConsolidationService(cat).consolidate([tmp_path], template, template=template)
    assert template.read_bytes() == b"form"
