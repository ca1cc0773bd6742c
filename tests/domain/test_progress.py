"""Status rules at their boundaries: met, on track, behind; the projection methods."""

from __future__ import annotations

import pytest

from commune_desk.domain.progress import Method, Status, assess, least_squares_slope, reaches

LINEAR = {1: 10.0, 2: 20.0, 3: 30.0}  # +10 a month: 30 in March projects to 120 in December


def test_no_target_gives_no_status_but_still_a_projection():
    progress = assess(None, 30, 3, points=LINEAR)
    assert progress.status is None
    assert progress.projection == pytest.approx(120)
    assert progress.pct_of_target is None


def test_no_value_gives_no_status():
    progress = assess(80, None, 5)
    assert progress.status is None
    assert progress.method is Method.NONE
    assert progress.projection is None


def test_value_equal_to_the_target_is_met():
    assert assess(30, 30, 3, points=LINEAR).status is Status.MET


def test_value_above_the_target_is_met_even_when_falling():
    falling = {1: 50.0, 2: 40.0, 3: 35.0}
    assert assess(30, 35, 3, points=falling).status is Status.MET


def test_projection_equal_to_the_target_is_on_track():
    progress = assess(120, 30, 3, points=LINEAR)
    assert progress.projection == 120
    assert progress.status is Status.ON_TRACK
    assert progress.method is Method.TREND
    assert progress.months_used == (1, 2, 3)
    assert progress.slope == pytest.approx(10)


def test_projection_just_below_the_target_is_behind():
    progress = assess(120.001, 30, 3, points=LINEAR)
    assert progress.status is Status.BEHIND


def test_the_projection_continues_the_trend_from_the_current_value():
    # Least squares through (1, 10), (2, 14), (3, 12): slope 1; 12 + 1 × 9 = 21.
    progress = assess(100, 12, 3, points={1: 10, 2: 14, 3: 12})
    assert progress.slope == pytest.approx(1)
    assert progress.projection == pytest.approx(21)
    assert progress.status is Status.BEHIND


def test_months_without_values_are_left_out_of_the_trend():
    progress = assess(100, 40, 6, points={2: 20, 4: 30, 6: 40})
    assert progress.months_used == (2, 4, 6)
    assert progress.slope == pytest.approx(5)
    assert progress.projection == pytest.approx(70)


def test_months_after_the_elapsed_ones_are_ignored():
    progress = assess(100, 20, 2, points={1: 10, 2: 20, 3: 90})
    assert progress.months_used == (1, 2)
    assert progress.projection == pytest.approx(120)


def test_one_month_of_values_projects_the_current_value():
    progress = assess(50, 40, 1, points={1: 40})
    assert progress.method is Method.CURRENT
    assert progress.projection == 40
    assert progress.status is Status.BEHIND
    assert assess(40, 40, 1, points={1: 40}).status is Status.MET


def test_a_flow_projects_its_year_to_date_rate():
    # 300 in 4 months: 300 × 12 / 4 = 900 by December.
    assert assess(900, 300, 4, flow=True).status is Status.ON_TRACK
    assert assess(900.01, 300, 4, flow=True).status is Status.BEHIND
    assert assess(300, 300, 4, flow=True).status is Status.MET
    progress = assess(1000, 300, 4, flow=True)
    assert progress.method is Method.RATE
    assert progress.projection == pytest.approx(900)
    assert progress.months_used == (1, 2, 3, 4)


def test_december_has_nothing_left_to_project():
    progress = assess(100, 99, 12, points={11: 90, 12: 99})
    assert progress.projection == pytest.approx(99)
    assert progress.status is Status.BEHIND


def test_floating_point_ratios_equal_to_the_target_count_as_reached():
    value = 57 / 100 * 100  # 56.99999999999999
    assert value < 57
    assert reaches(value, 57)
    assert assess(57, value, 6).status is Status.MET
    assert not reaches(56.9999, 57)


def test_percent_of_target():
    assert assess(80, 60, 6).pct_of_target == pytest.approx(75)


def test_least_squares_needs_two_months():
    assert least_squares_slope({3: 5}) is None
    assert least_squares_slope({1: 0, 3: 4}) == pytest.approx(2)


@pytest.mark.parametrize("months", [0, 13])
def test_months_elapsed_must_be_a_month_of_the_year(months):
    with pytest.raises(ValueError):
        assess(1, 1, months)
