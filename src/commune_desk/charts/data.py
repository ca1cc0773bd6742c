"""What the charts draw: plain frozen dataclasses, built by services.overview.

No matplotlib here, so services can build them without loading it. A series holds one value
per step of the x axis (12 months or 4 quarters); None is a step without a value (not yet
reported, or after the chosen period).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Value = float | None


class Granularity(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True)
class Line:
    """A named series: `key` identifies it (a catalogue code or a vocabulary key)."""

    key: str
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class IndicatorSeries:
    """One indicator over the year, with last year's values and the year's target."""

    code: str
    label: str
    unit: str
    year: int
    granularity: Granularity
    current: tuple[Value, ...]  # this year, up to the chosen period's end
    previous: tuple[Value, ...]  # the same steps of the previous year
    target: float | None
    projection: float | None = None  # the year-end projection of the status rule

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True)
class SupportSeries:
    """People supported by the community teams per month, one line per support type."""

    year: int
    types: tuple[Line, ...]
    totals: tuple[Value, ...]  # team.supported per month


@dataclass(frozen=True)
class OnlineSeries:
    """Records received per month by channel, and the share received online."""

    year: int
    channels: tuple[Line, ...]  # the online channel first
    share: tuple[Value, ...]  # % of records received online
    previous_share: tuple[Value, ...]
    target: float | None


@dataclass(frozen=True)
class CoverageBar:
    code: str
    label: str
    covered: Value
    previous: Value  # the same period of the previous year


@dataclass(frozen=True)
class CoverageSeries:
    """Villages with mobile broadband, fibre and a community team, out of all villages."""

    total_label: str
    total: Value
    bars: tuple[CoverageBar, ...]


@dataclass(frozen=True)
class TrainingSeries:
    """Staff trained, cumulative over the year, and the staff count."""

    year: int
    lines: tuple[Line, ...]
    staff_total: Line
