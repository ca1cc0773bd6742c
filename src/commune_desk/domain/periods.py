"""Reporting periods: months, quarters, halves and years, with their data cut-off windows.

Keys: ``2025-09`` (month), ``2025-Q3`` (quarter), ``2025-H1`` (half year), ``2025`` (year).
Two cut-off modes (see shared/domain/forms.md):

* ``Mode.CALENDAR`` - calendar months; a period runs from the 1st of its first month to the
  last day of its last month.
* ``Mode.DECREE09`` - Decree 09/2019/ND-CP windows; month M runs from the 15th of M-1 to the
  14th of M, so a period runs from the 15th of the month before its first month to the 14th
  of its last month.

Pure standard library; imports nothing of the project.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "DateWindow",
    "Kind",
    "Mode",
    "Period",
    "PeriodError",
    "Span",
    "current_month",
    "month_of",
    "months_between",
    "parse_month",
    "year_periods",
]

MIN_YEAR = 2000
MAX_YEAR = 2100

# Day of month on which a Decree 09 month starts (in the previous calendar month).
_DECREE09_START_DAY = 15

_ACCEPTED_FORMS = (
    "YYYY-MM (tháng, ví dụ 2025-09), YYYY-Qn (quý, ví dụ 2025-Q3), "
    "YYYY-Hn (6 tháng, ví dụ 2025-H1) hoặc YYYY (năm, ví dụ 2025)"
)

# Only ASCII digits: ``\d`` would also accept other Unicode digits.
_KEY_RE = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?:(?P<month>[0-9]{2})|[Qq](?P<quarter>[0-9])|[Hh](?P<half>[0-9])))?"
)

_ROMAN = ("I", "II", "III", "IV")
_LABEL_RE = re.compile(  # a period label typed in Vietnamese, folded to lower case
    r"(?:tháng (?P<month>\d{1,2})"
    r"|quý (?P<quarter>iv|iii|ii|i|[1-4])"
    r"|6 tháng (?P<half>đầu|cuối)"
    r"|(?P<year_only>năm))"
    r"(?:\s*/\s*|\s+năm\s+|\s+)(?P<year>\d{4})"
)
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class PeriodError(ValueError):
    """An invalid period key or period; the message is in Vietnamese, ``key`` is the input."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


class Mode(StrEnum):
    """How a commune cuts its data into months."""

    CALENDAR = "calendar"
    DECREE09 = "decree09"


class Kind(StrEnum):
    """The length of a period."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


# Number of periods of each kind in a year, and their length in months.
_PER_YEAR = {Kind.MONTH: 12, Kind.QUARTER: 4, Kind.HALF: 2, Kind.YEAR: 1}
_INDEX_ERRORS = {
    Kind.MONTH: "tháng phải từ 01 đến 12",
    Kind.QUARTER: "quý phải từ 1 đến 4",
    Kind.HALF: "6 tháng phải là H1 (đầu năm) hoặc H2 (cuối năm)",
    Kind.YEAR: "kỳ năm chỉ có chỉ số 1",
}


def _month_ordinal(year: int, month: int) -> int:
    """Months counted from year 0, so that consecutive months differ by one."""
    return year * 12 + month - 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class DateWindow:
    """A closed range of days, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends before it starts: {self.start} > {self.end}")

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end

    @property
    def days(self) -> int:
        """Number of days in the window."""
        return (self.end - self.start).days + 1

    def label(self, lang: str = "vi") -> str:
        """Line under a report title: "Số liệu từ ngày 15/6/2025 đến ngày 14/9/2025"."""
        s, e = self.start, self.end
        start, end = f"{s.day}/{s.month}/{s.year}", f"{e.day}/{e.month}/{e.year}"
        if lang == "en":
            return f"Data from {start} to {end}"
        return f"Số liệu từ ngày {start} đến ngày {end}"


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: ``index`` is the month (1-12), quarter (1-4), half (1-2) or 1."""

    year: int
    kind: Kind
    index: int

    def __post_init__(self) -> None:
        try:
            kind = Kind(self.kind)
        except ValueError:
            raise PeriodError(
                f'Loại kỳ "{self.kind}" không hợp lệ', f"{self.year}-{self.kind}"
            ) from None
        object.__setattr__(self, "kind", kind)
        key = self._raw_key()
        if not isinstance(self.year, int) or isinstance(self.year, bool):
            raise PeriodError(f'Kỳ "{key}" không hợp lệ: năm phải là số nguyên', key)
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(
                f'Kỳ "{key}" không hợp lệ: năm phải từ {MIN_YEAR} đến {MAX_YEAR}', key
            )
        if (
            not isinstance(self.index, int)
            or isinstance(self.index, bool)
            or not 1 <= self.index <= _PER_YEAR[kind]
        ):
            raise PeriodError(f'Kỳ "{key}" không hợp lệ: {_INDEX_ERRORS[kind]}', key)

    def _raw_key(self) -> str:
        # Key built without validation, used in error messages too.
        if self.kind is Kind.MONTH:
            idx = self.index
            return f"{self.year}-{idx:02d}" if isinstance(idx, int) else f"{self.year}-{idx}"
        if self.kind is Kind.QUARTER:
            return f"{self.year}-Q{self.index}"
        if self.kind is Kind.HALF:
            return f"{self.year}-H{self.index}"
        return str(self.year) if self.index == 1 else f"{self.year}-Y{self.index}"

    # --- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls, key: str) -> Period:
        """Parse a key ("2025-09", "2025-Q3", "2025-H1", "2025"); raise PeriodError if invalid."""
        if not isinstance(key, str):
            raise PeriodError(f'Kỳ "{key}" không hợp lệ: phải là chuỗi dạng {_ACCEPTED_FORMS}')
        text = key.strip()
        m = _KEY_RE.fullmatch(text)
        if m is None:
            raise PeriodError(f'Kỳ "{text}" không hợp lệ: dùng dạng {_ACCEPTED_FORMS}', text)
        year = int(m["year"])
        if m["month"] is not None:
            kind, index = Kind.MONTH, int(m["month"])
        elif m["quarter"] is not None:
            kind, index = Kind.QUARTER, int(m["quarter"])
        elif m["half"] is not None:
            kind, index = Kind.HALF, int(m["half"])
        else:
            kind, index = Kind.YEAR, 1
        try:
            return cls(year, kind, index)
        except PeriodError as exc:
            # Report the key as the user typed it (e.g. "2025-q5"), not the canonical form.
            raise PeriodError(str(exc).replace(f'"{exc.key}"', f'"{text}"', 1), text) from None

    @classmethod
    def parse_text(cls, text: str) -> Period:
        """A key, or a period as typed in Vietnamese: "Quý III/2026", "Quý 3 năm 2026",
        "Tháng 9/2025", "tháng 09 năm 2025", "6 tháng đầu năm 2026", "Năm 2026"."""
        if not isinstance(text, str):
            raise PeriodError(f'Kỳ "{text}" không hợp lệ: phải là chuỗi dạng {_ACCEPTED_FORMS}')
        words = " ".join(text.replace("\u00a0", " ").split()).casefold()
        m = _LABEL_RE.fullmatch(words)
        if m is None:
            return cls.parse(text)
        year = int(m["year"])
        if m["month"]:
            return cls(year, Kind.MONTH, int(m["month"]))
        if m["quarter"]:
            q = m["quarter"].upper()
            return cls(year, Kind.QUARTER, _ROMAN.index(q) + 1 if q in _ROMAN else int(q))
        if m["half"]:
            return cls(year, Kind.HALF, 1 if m["half"] == "đầu" else 2)
        return cls(year, Kind.YEAR, 1)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The month ``month`` (1-12) of ``year``."""
        return cls(year, Kind.MONTH, month)

    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        """Quarter ``q`` (1-4) of ``year``."""
        return cls(year, Kind.QUARTER, q)

    @classmethod
    def half(cls, year: int, h: int) -> Period:
        """Half ``h`` of ``year``: 1 = January-June, 2 = July-December."""
        return cls(year, Kind.HALF, h)

    @classmethod
    def of_year(cls, year: int) -> Period:
        """The whole ``year``."""
        return cls(year, Kind.YEAR, 1)

    # --- text ---------------------------------------------------------------------------

    @property
    def key(self) -> str:
        """Canonical key: "2025-09", "2025-Q3", "2025-H1" or "2025"."""
        return self._raw_key()

    def __str__(self) -> str:
        return self.key

    def label(self, lang: str = "vi") -> str:
        """Short label: "Tháng 9/2025", "Quý III/2025", ... (``lang`` "vi" or "en")."""
        y, i = self.year, self.index
        if lang == "en":
            if self.kind is Kind.MONTH:
                return f"{_EN_MONTHS[i - 1]} {y}"
            if self.kind is Kind.QUARTER:
                return f"Q{i} {y}"
            if self.kind is Kind.HALF:
                return f"{'First' if i == 1 else 'Second'} half of {y}"
            return f"Year {y}"
        if self.kind is Kind.MONTH:
            return f"Tháng {i}/{y}"
        if self.kind is Kind.QUARTER:
            return f"Quý {_ROMAN[i - 1]}/{y}"
        if self.kind is Kind.HALF:
            return self.subject_label()
        return f"Năm {y}"

    def subject_label(self) -> str:
        """Wording for a report subject: "tháng 9 năm 2025", "Quý III năm 2025", ..."""
        y, i = self.year, self.index
        if self.kind is Kind.MONTH:
            return f"tháng {i} năm {y}"
        if self.kind is Kind.QUARTER:
            return f"Quý {_ROMAN[i - 1]} năm {y}"
        if self.kind is Kind.HALF:
            return f"6 tháng {'đầu' if i == 1 else 'cuối'} năm {y}"
        return f"năm {y}"

    # --- months covered -----------------------------------------------------------------

    @property
    def is_month(self) -> bool:
        """True for a month period."""
        return self.kind is Kind.MONTH

    @property
    def _length(self) -> int:
        return 12 // _PER_YEAR[self.kind]

    @property
    def first_month(self) -> Period:
        """The first month this period covers."""
        return Period(self.year, Kind.MONTH, (self.index - 1) * self._length + 1)

    @property
    def last_month(self) -> Period:
        """The last month this period covers."""
        return Period(self.year, Kind.MONTH, self.index * self._length)

    def enclosing(self, kind: Kind | str) -> Period:
        """The period of `kind` that covers this one: 2025-08 -> 2025-Q3, 2025-H2 or 2025."""
        kind = Kind(kind)
        length = 12 // _PER_YEAR[kind]
        if length < self._length:
            raise PeriodError(f'Kỳ "{self.key}" dài hơn một kỳ loại "{kind}"', self.key)
        return Period(self.year, kind, (self.first_month.index - 1) // length + 1)

    def months(self) -> tuple[Period, ...]:
        """The month periods this period covers, in order."""
        first = (self.index - 1) * self._length + 1
        return tuple(Period(self.year, Kind.MONTH, m) for m in range(first, first + self._length))

    def _bounds(self) -> tuple[int, int]:
        # First and last month as ordinals.
        first = (self.index - 1) * self._length + 1
        return _month_ordinal(self.year, first), _month_ordinal(self.year, first + self._length - 1)

    def contains(self, other: Period) -> bool:
        """True if every month of ``other`` is in this period."""
        lo, hi = self._bounds()
        olo, ohi = other._bounds()
        return lo <= olo and ohi <= hi

    def span(self) -> Span:
        """The months of this period as a Span."""
        return Span(self.first_month, self.last_month)

    def ytd(self) -> Span:
        """Year to date: January of the year to the last month of this period."""
        return Span(self.start_of_year(), self.last_month)

    def window(self, mode: Mode) -> DateWindow:
        """The days whose data belong to this period under ``mode``."""
        return _window(self.first_month, self.last_month, mode)

    # --- navigation ---------------------------------------------------------------------

    def _shift(self, step: int) -> Period:
        n = _PER_YEAR[self.kind]
        year, idx = divmod(self.year * n + self.index - 1 + step, n)
        return Period(year, self.kind, idx + 1)

    def previous(self) -> Period:
        """The period of the same kind just before (2025-01 -> 2024-12)."""
        return self._shift(-1)

    def next(self) -> Period:
        """The period of the same kind just after (2025-12 -> 2026-01)."""
        return self._shift(1)

    def same_period_last_year(self) -> Period:
        """The same period one year earlier."""
        return Period(self.year - 1, self.kind, self.index)

    def start_of_year(self) -> Period:
        """January of this period's year."""
        return Period(self.year, Kind.MONTH, 1)


@dataclass(frozen=True)
class Span:
    """A run of consecutive months, ``first`` to ``last`` inclusive."""

    first: Period
    last: Period

    def __post_init__(self) -> None:
        if not (self.first.is_month and self.last.is_month):
            raise PeriodError(
                f'Khoảng "{self.first}..{self.last}" không hợp lệ: hai đầu phải là tháng',
                f"{self.first}..{self.last}",
            )
        if self.last._bounds()[0] < self.first._bounds()[0]:
            raise PeriodError(
                f'Khoảng "{self.first}..{self.last}" không hợp lệ: tháng cuối trước tháng đầu',
                f"{self.first}..{self.last}",
            )

    def months(self) -> tuple[Period, ...]:
        """The months of the span, in order."""
        return months_between(self.first, self.last)

    def window(self, mode: Mode) -> DateWindow:
        """From the start of the first month's window to the end of the last month's."""
        return _window(self.first, self.last, mode)

    def contains_month(self, m: Period) -> bool:
        """True if the month ``m`` lies in the span."""
        if not m.is_month:
            return False
        return self.first._bounds()[0] <= m._bounds()[0] <= self.last._bounds()[0]


def _window(first: Period, last: Period, mode: Mode) -> DateWindow:
    """Window from the start of month ``first`` to the end of month ``last``."""
    mode = Mode(mode)
    if mode is Mode.CALENDAR:
        return DateWindow(date(first.year, first.index, 1), _last_day(last.year, last.index))
    # Decree 09: starts on the 15th of the month before, ends on the 14th.
    start = date(first.year, first.index, 1) - timedelta(days=1)
    return DateWindow(
        start.replace(day=_DECREE09_START_DAY),
        date(last.year, last.index, _DECREE09_START_DAY - 1),
    )


def parse_month(key: str) -> Period:
    """Parse a month key ("2025-09"); raise PeriodError for any other key."""
    period = Period.parse(key)
    if not period.is_month:
        text = key.strip()
        raise PeriodError(f'Kỳ "{text}" không phải là tháng (dạng YYYY-MM, ví dụ 2025-09)', text)
    return period


def month_of(d: date, mode: Mode) -> Period:
    """The month whose window under ``mode`` contains the day ``d``."""
    year, month = d.year, d.month
    if Mode(mode) is Mode.DECREE09 and d.day >= _DECREE09_START_DAY:
        year, month = divmod(_month_ordinal(year, month) + 1, 12)
        month += 1
    return Period(year, Kind.MONTH, month)


def current_month(today: date, mode: Mode) -> Period:
    """The month being reported on ``today`` under ``mode``."""
    return month_of(today, mode)


def months_between(first: Period, last: Period) -> tuple[Period, ...]:
    """Months from the first month of ``first`` to the last month of ``last``, inclusive.

    Empty if ``last`` ends before ``first`` starts.
    """
    lo = first._bounds()[0]
    hi = last._bounds()[1]
    return tuple(Period(o // 12, Kind.MONTH, o % 12 + 1) for o in range(lo, hi + 1))


def year_periods(year: int) -> tuple[Period, ...]:
    """The 12 months, 4 quarters, 2 halves and the year itself, in that order."""
    return (
        *(Period.month(year, m) for m in range(1, 13)),
        *(Period.quarter(year, q) for q in range(1, 5)),
        *(Period.half(year, h) for h in (1, 2)),
        Period.of_year(year),
    )


def month_runs(months: Sequence[Period]) -> list[tuple[Period, Period]]:
    """Consecutive months grouped into (first, last) runs, in order; a lone month is (m, m)."""
    runs: list[tuple[Period, Period]] = []
    for month in sorted(set(months), key=lambda m: (m.year, m.index)):
        if runs and runs[-1][1].next() == month:
            runs[-1] = (runs[-1][0], month)
        else:
            runs.append((month, month))
    return runs
