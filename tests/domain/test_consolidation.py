"""The consolidation arithmetic: sums, recomputed ratios, targets met, the period, ranking."""

from __future__ import annotations

import pytest

from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.domain.consolidation import (
    Issue,
    IssueKind,
    communes_meeting,
    indicator_targets,
    meets,
    most_common_period,
    ranking,
    sum_figures,
)
from tests.conftest import CATALOGUE


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
    assert Issue("a", IssueKind.VALIDATION, "").used
