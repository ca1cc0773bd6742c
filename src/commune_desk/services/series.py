"""The monthly series of the entered figures: the one reading of the stored values.

The monthly grid, the indicator engine (and through it the overview and the report) and the
validation checks all read a month's value here, so a figure shows the same number
everywhere. A month's value is the commune-level value when there is one; otherwise the sum
of the villages' values (a month imported village by village).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from commune_desk.data.repositories import values as repo


@dataclass(frozen=True)
class ValueCell:
    """One figure's value in one month, with who last changed it and when."""

    code: str
    month: str
    value: int
    comment: str
    updated_by: str
    updated_at: dt.datetime
    villages: int = 0  # 0: the commune-level value; n: the sum of n villages' values
    # The commune-level row's stamp (0: none); a save carries it back (ValueChange).
    version: int = 0

    @property
    def from_villages(self) -> bool:
        return self.villages > 0


@dataclass(frozen=True)
class MonthSeries:
    """The values of some months: every (code, month) that has one."""

    cells: Mapping[tuple[str, str], ValueCell]

    def by_code(self) -> dict[str, dict[str, int]]:
        """code -> month key -> value (what the indicator arithmetic aggregates)."""
        result: dict[str, dict[str, int]] = {}
        for (code, month), cell in self.cells.items():
            result.setdefault(code, {})[month] = cell.value
        return result

    def value(self, code: str, month: str) -> int | None:
        cell = self.cells.get((code, month))
        return None if cell is None else cell.value


def month_series(
    session: Session,
    commune_id: int,
    first: str | None = None,
    last: str | None = None,
    months: Iterable[str] | None = None,
) -> MonthSeries:
    """The series between two month keys (inclusive), or of the given months only."""
    wanted = None if months is None else set(months)
    if wanted is not None:
        if not wanted:
            return MonthSeries({})
        first, last = min(wanted), max(wanted)
    cells: dict[tuple[str, str], ValueCell] = {}  # commune-level first, then villages' sums
    villages: dict[tuple[str, str], list[repo.StoredValue]] = {}
    for row in repo.value_rows(session, commune_id, first, last):
        key = (row.code, row.month)
        if wanted is not None and row.month not in wanted:
            continue
        if row.village_id is None:
            cells[key] = ValueCell(
                row.code,
                row.month,
                row.value,
                row.comment,
                row.updated_by,
                row.updated_at,
                version=row.version,
            )
        else:
            villages.setdefault(key, []).append(row)
    for key, rows in villages.items():
        if key not in cells:
            latest = max(rows, key=lambda r: r.updated_at)
            cells[key] = ValueCell(
                *key,
                value=sum(r.value for r in rows),
                comment="",
                updated_by=latest.updated_by,
                updated_at=latest.updated_at,
                villages=len(rows),
            )
    return MonthSeries(cells)
