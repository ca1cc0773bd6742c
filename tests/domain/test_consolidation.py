"""The consolidation arithmetic: sums, recomputed ratios, targets met, the period, ranking."""

from __future__ import annotations

import pytest

from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.domain.consolidation import (
    Issue,
    IssueKind,
    communes_meeting,
    consolidate_totals,
    figure_problems,
    indicator_targets,
    meets,
    most_common_period,
    ranking,
    sum_figures,
)
from tests.support.common import CATALOGUE


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(CATALOGUE)


def test_sums_and_recomputed_indicators(cat):
    a = {"staff.total": 10, "staff.trained_dx": 9, "pop.population": 1000}
    b = {"staff.total": 90, "staff.trained_dx": 9}
    total = sum_figures(cat, [a, b])
    assert total["staff.total"] == 100 and total["staff.trained_dx"] == 18
    assert total["pop.population"] == 1000  # only the communes with a value
    assert total["pop.households"] is None  # nobody has one
    assert total["ind.staff_dx_pct"] == pytest.approx(18.0)  # not (90 % + 10 %) / 2
    assert sum_figures(cat, [])["ind.staff_dx_pct"] is None


def test_targets_and_communes_meeting_them(cat):
    targets = indicator_targets(cat, 2025)
    assert targets["ind.online_records_pct"] == 70 and "ind.vneid_level2_pct" not in targets
    counts = communes_meeting(
        [{"ind.online_records_pct": 70.0}, {"ind.online_records_pct": 69.9}, {}], targets
    )
    assert counts["ind.online_records_pct"] == 1
    assert not meets(None, 1) and not meets(5, None) and meets(5, 5)


def test_most_common_period_ties_go_to_the_latest():
    assert most_common_period(["2025-Q3", "2025-Q2", "2025-Q3", ""]) == "2025-Q3"
    assert most_common_period(["2025-Q2", "2025-Q3"]) == "2025-Q3"
    assert most_common_period([]) is None


def test_ranking_shares_ranks_and_drops_missing():
    assert ranking([("A", 5), ("B", 9), ("C", None), ("D", 5), ("E", 1)]) == [
        (1, "B", 9),
        (2, "A", 5),
        (2, "D", 5),
        (4, "E", 1),
    ]


def test_issue_labels_are_vietnamese():
    issue = Issue("a.xlsx", IssueKind.CHECKSUM, "a.xlsx: sai")
    assert issue.label.startswith("Sai mã kiểm tra") and not issue.used
    assert Issue("a", IssueKind.UNREAD_VALUE, "").used
    # A report that breaks a rule, or holds a figure of the wrong type, is not summed.
    assert not Issue("a", IssueKind.VALIDATION, "").used
    assert not Issue("a", IssueKind.FIGURES, "").used
    assert not Issue("a", IssueKind.DRAFT, "").used


def test_a_numerator_without_its_denominator_does_not_raise_the_ratio(cat):
    # The issue's case: one commune confirms 508 adults but reports no number of adults.
    # Summed into both, the province's ratio read 81.15 %, falsely above the 80 % target.
    full = {"pop.adults": 10000, "pop.adults_confirmed": 7607}
    numerator_only = {"pop.adults_confirmed": 508}
    totals = consolidate_totals(cat, [full, numerator_only])
    assert totals.values["ind.adults_confirmed_pct"] == pytest.approx(76.07)
    assert totals.values["pop.adults_confirmed"] == 8115  # the figure itself is still summed
    assert totals.counted["ind.adults_confirmed_pct"] == 1
    assert totals.counted["pop.adults_confirmed"] == 2 and totals.counted["pop.adults"] == 1
    assert sum_figures(cat, [full, numerator_only])["ind.adults_confirmed_pct"] < 80


def test_a_denominator_alone_is_not_counted_either(cat):
    totals = consolidate_totals(
        cat, [{"staff.total": 50}, {"staff.total": 10, "staff.trained_dx": 5}]
    )
    assert totals.values["ind.staff_dx_pct"] == pytest.approx(50.0)
    assert totals.counted["ind.staff_dx_pct"] == 1


@pytest.mark.parametrize(
    ("value", "said"),
    [(-500, "class.participants = -500 là số âm"), (31.5, "31.5 không phải số nguyên")],
)
def test_negative_and_fractional_counts_are_named(cat, value, said):
    problems = figure_problems(cat, {"class.participants": value})
    assert len(problems) == 1 and said in problems[0]


def test_hours_may_be_fractional_but_not_negative(cat):
    assert figure_problems(cat, {"staff.training_hours": 12.5}) == []
    assert "là số âm" in figure_problems(cat, {"staff.training_hours": -1})[0]


def test_an_indicator_stated_otherwise_than_its_figures_is_named(cat):
    values = {"staff.total": 10, "staff.trained_dx": 5, "ind.staff_dx_pct": 95.0}
    problems = figure_problems(cat, values)
    assert problems == ["ind.staff_dx_pct ghi 95 nhưng tính từ số liệu của báo cáo được 50"]
    assert figure_problems(cat, {**values, "ind.staff_dx_pct": 50.0}) == []
