from __future__ import annotations

import pytest

from commune_desk.domain.catalogue import Agg, Formula
from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.domain.indicators import (
    aggregate,
    build_figures,
    formula_value,
    indicator_value,
    percent_of_target,
    with_indicators,
)
from commune_desk.domain.periods import Period
from tests.support.common import CATALOGUE

Q3 = Period.parse("2025-Q3").months()


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE)


def test_sum_adds_the_months_that_have_values():
    assert aggregate(Agg.SUM, {"2025-07": 10, "2025-09": 5, "2025-10": 100}, Q3) == 15


def test_last_takes_the_last_month_that_has_a_value():
    assert aggregate(Agg.LAST, {"2025-07": 10, "2025-08": 12, "2025-10": 99}, Q3) == 12


def test_no_value_in_the_period_gives_none():
    assert aggregate(Agg.SUM, {"2025-06": 3}, Q3) is None
    assert aggregate(Agg.LAST, {}, Q3) is None


def test_formula_sums_present_terms_and_is_none_when_all_missing():
    f = Formula.parse("a + b + c")
    assert formula_value(f, {"a": 1, "b": None, "c": 4}) == 5
    assert formula_value(f, {"a": None}) is None


def test_indicator_is_none_when_denominator_zero_or_missing(catalogue):
    ind = catalogue.get("ind.online_records_pct")
    assert indicator_value(ind, {"tthc.received_online": 5}) == pytest.approx(100.0)
    zero = {"tthc.received_online": 0, "tthc.received_direct": 0, "tthc.received_postal": 0}
    assert indicator_value(ind, zero) is None
    assert indicator_value(ind, {}) is None


def test_thieu_trung_quarter_ratio(catalogue):
    """Q3-2025 of Thiệu Trung: over 1,300 records, over 89% online; all documents electronic."""
    values = {
        "tthc.received_online": 1168,
        "tthc.received_direct": 130,
        "tthc.received_postal": 10,
        "tthc.docs_total": 820,
        "tthc.docs_electronic": 820,
        "tthc.procedures": 399,
    }
    computed = with_indicators(catalogue, values)
    assert computed["ind.online_records_pct"] == pytest.approx(1168 / 1308 * 100)
    assert computed["ind.online_records_pct"] > 89
    assert computed["ind.electronic_docs_pct"] == pytest.approx(100.0)
    assert set(computed) == set(catalogue.codes())


def test_percent_of_target():
    assert percent_of_target(40, 80) == pytest.approx(50.0)
    assert percent_of_target(None, 80) is None
    assert percent_of_target(40, None) is None
    assert percent_of_target(40, 0) is None


def test_build_figures_compares_year_to_date_with_target(catalogue):
    period = {"ind.staff_dx_pct": 70.0}
    ytd = {"ind.staff_dx_pct": 72.0}
    last = {"ind.staff_dx_pct": 50.0}
    figures = build_figures(catalogue, period, ytd, last, {"ind.staff_dx_pct": 80})
    f = figures["ind.staff_dx_pct"]
    assert (f.value, f.ytd, f.last_year, f.target) == (70.0, 72.0, 50.0, 80)
    assert f.pct_of_target == pytest.approx(90.0)
    assert list(figures) == list(catalogue.codes())
