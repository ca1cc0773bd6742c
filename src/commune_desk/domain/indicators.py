"""Indicator arithmetic: aggregate elements over periods, compute ratios, compare to targets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from commune_desk.domain.catalogue import Agg, Catalogue, Formula, Indicator
from commune_desk.domain.numbers import Number
from commune_desk.domain.periods import Period

Values = Mapping[str, Number | None]


def aggregate(agg: Agg, by_month: Mapping[str, Number], months: Iterable[Period]) -> Number | None:
    """Combine monthly values over `months`: the sum of flows, the last value of stocks.

    Months without a value are skipped; no value at all gives None.
    """
    present = [by_month[m.key] for m in months if m.key in by_month]
    if not present:
        return None
    if agg is Agg.SUM:
        return sum(present)
    return present[-1]


def formula_value(formula: Formula, values: Values) -> Number | None:
    """The sum of the formula's codes; missing terms count as 0 unless all are missing."""
    present = [values[c] for c in formula.codes if values.get(c) is not None]
    if not present:
        return None
    return sum(present)  # type: ignore[arg-type]


def indicator_value(indicator: Indicator, values: Values) -> float | None:
    """numerator / denominator x factor; None when the denominator is 0 or missing."""
    numerator = formula_value(indicator.numerator, values)
    denominator = formula_value(indicator.denominator, values)
    if numerator is None or not denominator:
        return None
    return numerator / denominator * indicator.factor


def with_indicators(catalogue: Catalogue, element_values: Values) -> dict[str, Number | None]:
    """Every catalogue code: the given element values plus each computed indicator."""
    result: dict[str, Number | None] = {
        e.code: element_values.get(e.code) for e in catalogue.elements
    }
    for indicator in catalogue.indicators:
        result[indicator.code] = indicator_value(indicator, result)
    return result


def percent_of_target(achieved: Number | None, target: Number | None) -> float | None:
    """Achievement as % of the target; None without a target or a value."""
    if achieved is None or not target:
        return None
    return achieved / target * 100


@dataclass(frozen=True)
class Figure:
    """One row of a report: a figure or indicator over a period and its comparisons."""

    code: str
    value: Number | None
    ytd: Number | None
    last_year: Number | None
    target: Number | None
    pct_of_target: float | None


def build_figures(
    catalogue: Catalogue,
    period: Values,
    ytd: Values,
    last_year: Values,
    targets: Mapping[str, Number],
) -> dict[str, Figure]:
    """Rows for every catalogue code, in catalogue order.

    Each argument holds every code's value (see `with_indicators`); the ratio to the target
    compares the year-to-date value (flows summed since January, stocks and indicators as of
    the period end) with the year's target.
    """
    figures: dict[str, Figure] = {}
    for code in catalogue.codes():
        target = targets.get(code)
        achieved = ytd.get(code)
        figures[code] = Figure(
            code=code,
            value=period.get(code),
            ytd=achieved,
            last_year=last_year.get(code),
            target=target,
            pct_of_target=percent_of_target(achieved, target),
        )
    return figures
