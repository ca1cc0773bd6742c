"""The grid's shape as plain values: its rows (the catalogue's entered elements under their
section headers), its columns (the months of the period and its total), where the keyboard
moves, and the data one period shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from commune_desk.domain.catalogue import Agg, Catalogue
from commune_desk.domain.periods import Period
from commune_desk.domain.validation import Problem
from commune_desk.services.series import ValueCell


class ColumnKind(StrEnum):
    UNIT = "unit"
    MONTH = "month"
    TOTAL = "total"


@dataclass(frozen=True)
class GridColumn:
    kind: ColumnKind
    period: Period | None = None  # the month of a MONTH column, the whole period of TOTAL


@dataclass(frozen=True)
class GridRow:
    code: str  # "" for a section header row
    label: str
    unit: str = ""
    agg: Agg = Agg.SUM
    description: str = ""

    @property
    def is_section(self) -> bool:
        return not self.code


@dataclass(frozen=True)
class GridData:
    """Everything the grid shows for one period, read from the services."""

    period: Period
    rows: tuple[GridRow, ...]
    cells: Mapping[tuple[str, str], ValueCell] = field(default_factory=dict)
    problems: Sequence[Problem] = ()
    locks: Mapping[str, str] = field(default_factory=dict)  # month key -> why it is locked
    current_month: Period | None = None


def grid_rows(catalogue: Catalogue) -> tuple[GridRow, ...]:
    """The entered elements in catalogue order, each section opened by a header row."""
    rows: list[GridRow] = []
    section = None
    for element in catalogue.entry_elements():
        if element.section != section:
            section = element.section
            head = catalogue.section(section)
            rows.append(GridRow("", f"{head.numeral}. {head.title}"))
        rows.append(
            GridRow(element.code, element.label, element.unit, element.agg, element.description)
        )
    return tuple(rows)


def grid_columns(period: Period) -> tuple[GridColumn, ...]:
    months = (GridColumn(ColumnKind.MONTH, m) for m in period.months())
    return (GridColumn(ColumnKind.UNIT), *months, GridColumn(ColumnKind.TOTAL, period))


class Move(IntEnum):
    """Where the keyboard goes after a value is committed from the editor."""

    STAY = 0
    DOWN = 1
    RIGHT = 2
    LEFT = 3
