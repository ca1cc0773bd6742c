"""Simple formulas saved without a result are computed; anything else is left alone."""

from __future__ import annotations

import pytest

from commune_desk.excel.formulas import compute

GRID = {(5, 2): 30, (6, 2): 10, (7, 2): 5, (8, 2): "", (9, 2): "năm"}


def at(row: int, column: int):
    return GRID.get((row, column))


@pytest.mark.parametrize(
    ("formula", "value"),
    [
        ("=B5+B6", 40),
        ("=SUM(B5:B7)", 45),
        ("=SUM(B5;B6)", 40),
        ("=$B$5-B6*2", 10),
        ("=(B5+B6)/4", 10),
        ("=B8+1", 1),  # an empty cell counts as 0
    ],
)
def test_simple_formulas_are_computed(formula, value):
    assert compute(formula, at) == value


@pytest.mark.parametrize(
    "formula", ["=VLOOKUP(A1,B:C,2)", '=IF(B5>0,1,"")', "=B5/B8", "=B9+1", "=LOG10(B5)", "=B5^2"]
)
def test_anything_else_is_not_guessed(formula):
    assert compute(formula, at) is None
