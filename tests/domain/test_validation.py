from __future__ import annotations

import pytest

from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.domain.periods import Period
from commune_desk.domain.validation import (
    MISSING,
    OUTLIER,
    STOCK_DECREASE,
    Severity,
    check_rules,
    check_warnings,
)
from tests.support.common import CATALOGUE

SEPT = Period.parse("2025-09")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(CATALOGUE)


def test_each_rule_of_the_catalogue_is_checked(catalogue):
    assert len(catalogue.rules) == 13
    for rule in catalogue.rules:
        right = {c: 10 for c in rule.right.codes}
        left = {c: 0 for c in rule.left.codes}
        left[rule.left.codes[0]] = 10 * len(right) + 1
        problems = check_rules(catalogue, SEPT, {**right, **left})
        assert rule.id in [p.rule for p in problems]
        broken = next(p for p in problems if p.rule == rule.id)
        assert broken.severity is Severity.ERROR
        assert broken.period == "2025-09"
        assert set(rule.codes) <= set(broken.codes)
        assert broken.message.startswith("Tháng 9/2025:")
        for code in rule.codes:  # figures by their labels, never by their codes
            assert code not in broken.message and code not in broken.message_en
            assert f"«{catalogue.get(code).label}»" in broken.message


def test_rule_at_its_boundary_holds(catalogue):
    values = {
        "tthc.procedures": 399,
        "tthc.procedures_full_online": 300,
        "tthc.procedures_partial_online": 99,
    }
    assert check_rules(catalogue, SEPT, values) == []
    values["tthc.procedures_partial_online"] = 100
    (problem,) = check_rules(catalogue, SEPT, values)
    assert "399" in problem.message and "400" in problem.message


def test_rule_waits_until_both_sides_have_values(catalogue):
    assert check_rules(catalogue, SEPT, {"pop.adults_confirmed": 5000}) == []


def _history(code: str, values: dict[str, int]) -> dict[str, dict[str, int]]:
    return {code: values}


def test_flow_outlier_warning_at_three_times_the_median(catalogue):
    earlier = {"2025-03": 100, "2025-04": 100, "2025-05": 100, "2025-06": 100}
    at_limit = _history("tthc.received_online", {**earlier, "2025-09": 300})
    assert not [p for p in check_warnings(catalogue, SEPT, at_limit) if p.rule == OUTLIER]
    above = _history("tthc.received_online", {**earlier, "2025-09": 301})
    (warning,) = [p for p in check_warnings(catalogue, SEPT, above) if p.rule == OUTLIER]
    assert warning.codes == ("tthc.received_online",)
    assert warning.severity is Severity.WARNING
    below = _history("tthc.received_online", {**earlier, "2025-09": 33})
    assert [p for p in check_warnings(catalogue, SEPT, below) if p.rule == OUTLIER]


def test_no_outlier_warning_with_fewer_than_three_earlier_months(catalogue):
    few = _history("tthc.received_online", {"2025-07": 10, "2025-08": 10, "2025-09": 900})
    assert not [p for p in check_warnings(catalogue, SEPT, few) if p.rule == OUTLIER]


def test_outlier_uses_only_the_previous_six_months(catalogue):
    old_high = {f"2024-{m:02d}": 10_000 for m in range(1, 13)}
    recent = {f"2025-0{m}": 100 for m in range(3, 9)}
    history = _history("tthc.received_online", {**old_high, **recent, "2025-09": 110})
    assert not [p for p in check_warnings(catalogue, SEPT, history) if p.rule == OUTLIER]


def test_stock_that_decreases_is_a_warning(catalogue):
    history = _history("infra.bts", {"2025-08": 5, "2025-09": 4})
    (warning,) = [p for p in check_warnings(catalogue, SEPT, history) if p.rule == STOCK_DECREASE]
    assert "giảm từ 5 xuống 4" in warning.message


def test_missing_required_value_from_the_first_recorded_month(catalogue):
    history = {"infra.bts": {"2025-09": 5}}
    missing = [p for p in check_warnings(catalogue, SEPT, history) if p.rule == MISSING]
    entered = len(catalogue.entry_elements())
    assert len(missing) == entered - 1
    assert all(p.period == "2025-09" for p in missing)
    later_start = Period.parse("2025-10")
    assert not [
        p for p in check_warnings(catalogue, SEPT, history, later_start) if p.rule == MISSING
    ]
