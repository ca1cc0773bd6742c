"""Progress against a year's target: met, on track or behind.

The rules, for one figure or indicator, a year's target and the months elapsed so far
(January to the last month of the chosen period):

* no target (None) or no current value: no status;
* **met** when the current value reaches the target (value ≥ target);
* otherwise the value is projected linearly to December, and the figure is **on track** when
  the projection reaches the target, **behind** when it falls short:

  - a *flow* (a figure summed over months, e.g. people supported) with a yearly target:
    projection = year-to-date sum × 12 / months elapsed;
  - anything else (indicators and stocks): the least-squares slope of the year-to-date
    values over the months of this year that have a value of their own, continued from the
    current value to December: projection = value + slope × (12 − months elapsed). With fewer
    than two such months no trend can be seen and the projection is the current value.

"Reaches" allows a relative difference of 1e-9, so that ratios that are mathematically equal
to the target but not in floating point (57 / 100 × 100 = 56.99999999999999) count as equal.

Pure Python; imports nothing of the project but numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from commune_desk.domain.numbers import Number

MONTHS_IN_YEAR = 12
_TOLERANCE = 1e-9


class Status(StrEnum):
    MET = "met"  # đạt
    ON_TRACK = "on_track"  # đúng tiến độ
    BEHIND = "behind"  # chậm


class Method(StrEnum):
    """How the year-end projection was made."""

    TREND = "trend"  # least-squares slope over the months with values
    RATE = "rate"  # a flow's year-to-date sum × 12 / months elapsed
    CURRENT = "current"  # fewer than two months of values: the current value
    NONE = "none"  # no value: nothing projected


@dataclass(frozen=True)
class Progress:
    """The status and the numbers that explain it (for a tooltip)."""

    status: Status | None
    value: float | None  # the current (year-to-date) value
    target: float | None
    projection: float | None  # expected value in December
    method: Method
    months_elapsed: int
    months_used: tuple[int, ...]  # the months (1-12) the projection is based on
    slope: float | None = None  # change per month (Method.TREND)

    @property
    def pct_of_target(self) -> float | None:
        if self.value is None or not self.target:
            return None
        return self.value / self.target * 100


def reaches(value: float, target: float) -> bool:
    """value ≥ target, allowing for floating-point rounding."""
    return value >= target - _TOLERANCE * max(1.0, abs(target))


def least_squares_slope(points: Mapping[int, Number]) -> float | None:
    """Slope of the least-squares line through (month, value); None for fewer than 2 months."""
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(points) / n
    mean_y = sum(float(v) for v in points.values()) / n
    sxx = sum((x - mean_x) ** 2 for x in points)
    sxy = sum((x - mean_x) * (float(y) - mean_y) for x, y in points.items())
    return sxy / sxx


def assess(
    target: Number | None,
    value: Number | None,
    months_elapsed: int,
    *,
    flow: bool = False,
    points: Mapping[int, Number] | None = None,
) -> Progress:
    """Decide met / on track / behind (see the module's rules).

    `value` is the current year-to-date value after `months_elapsed` months (1-12); `points`
    maps month numbers (1-12) to the year-to-date value at each month of this year that has a
    value of its own (used for the trend of indicators and stocks); `flow` selects the
    year-to-date rate instead.
    """
    if not 1 <= months_elapsed <= MONTHS_IN_YEAR:
        raise ValueError(f"months_elapsed must be 1-12, not {months_elapsed}")
    tgt = None if target is None else float(target)
    if value is None:
        return Progress(None, None, tgt, None, Method.NONE, months_elapsed, ())
    current = float(value)
    remaining = MONTHS_IN_YEAR - months_elapsed
    slope: float | None = None
    if flow:
        method = Method.RATE
        used: tuple[int, ...] = tuple(range(1, months_elapsed + 1))
        projection = current * MONTHS_IN_YEAR / months_elapsed
    else:
        usable = {m: v for m, v in (points or {}).items() if m <= months_elapsed and v is not None}
        used = tuple(sorted(usable))
        slope = least_squares_slope(usable)
        if slope is None:
            method, projection = Method.CURRENT, current
        else:
            method, projection = Method.TREND, current + slope * remaining
    if tgt is None:
        status = None
    elif reaches(current, tgt):
        status = Status.MET
    elif reaches(projection, tgt):
        status = Status.ON_TRACK
    else:
        status = Status.BEHIND
    return Progress(status, current, tgt, projection, method, months_elapsed, used, slope)
