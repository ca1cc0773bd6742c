"""Tests of commune_desk.domain.periods."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commune_desk.domain.periods import (
    DateWindow,
    Kind,
    Mode,
    Period,
    PeriodError,
    Span,
    current_month,
    month_of,
    month_runs,
    months_between,
    parse_month,
    year_periods,
)

D = date
ONE_DAY = timedelta(days=1)

# Years away from the 2000..2100 limits, so that neighbours and windows stay valid.
years = st.integers(min_value=2001, max_value=2099)
modes = st.sampled_from(list(Mode))
kinds = st.sampled_from(list(Kind))
_COUNT = {Kind.MONTH: 12, Kind.QUARTER: 4, Kind.HALF: 2, Kind.YEAR: 1}


@st.composite
def periods(draw: st.DrawFn, kind: Kind | None = None) -> Period:
    k = draw(kinds) if kind is None else kind
    return Period(draw(years), k, draw(st.integers(1, _COUNT[k])))


# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("2025-09", Period(2025, Kind.MONTH, 9)),
        ("2025-12", Period(2025, Kind.MONTH, 12)),
        ("2025-Q3", Period(2025, Kind.QUARTER, 3)),
        ("2025-q1", Period(2025, Kind.QUARTER, 1)),
        ("2025-H1", Period(2025, Kind.HALF, 1)),
        ("2025-H2", Period(2025, Kind.HALF, 2)),
        ("2025", Period(2025, Kind.YEAR, 1)),
        ("  2025-Q4 \n", Period(2025, Kind.QUARTER, 4)),
        ("2000-01", Period(2000, Kind.MONTH, 1)),
        ("2100", Period(2100, Kind.YEAR, 1)),
    ],
)
def test_parse(key: str, expected: Period) -> None:
    assert Period.parse(key) == expected


@pytest.mark.parametrize(
    ("key", "canonical"),
    [("2025-09", "2025-09"), ("2025-q3", "2025-Q3"), ("2025-H1", "2025-H1"), (" 2025 ", "2025")],
)
def test_canonical_key_and_str(key: str, canonical: str) -> None:
    p = Period.parse(key)
    assert p.key == canonical
    assert str(p) == canonical


@given(periods())
def test_key_round_trip(p: Period) -> None:
    assert Period.parse(p.key) == p
    assert Period.parse(p.key.lower()) == p


@pytest.mark.parametrize(
    "key",
    [
        "2025-9",
        "2025-13",
        "2025-00",
        "2025-Q5",
        "2025-Q0",
        "2025-H3",
        "2025-H0",
        "25-01",
        "",
        "   ",
        "abcd",
        "2025-",
        "2025-Q",
        "2025-Q10",
        "2025-009",
        "2025/09",
        "2025-09-01",
        "1999",
        "2101-01",
        "٢٠٢٥-٠٩",  # Arabic-Indic digits
    ],
)
def test_parse_rejects(key: str) -> None:
    with pytest.raises(PeriodError) as info:
        Period.parse(key)
    assert info.value.key == key.strip()
    assert f'"{key.strip()}"' in str(info.value)
    assert isinstance(info.value, ValueError)


def test_parse_error_messages_are_vietnamese() -> None:
    with pytest.raises(PeriodError, match="tháng phải từ 01 đến 12") as info:
        Period.parse("2025-13")
    assert str(info.value) == 'Kỳ "2025-13" không hợp lệ: tháng phải từ 01 đến 12'
    with pytest.raises(PeriodError) as info:
        Period.parse("abcd")
    message = str(info.value)
    for form in ("YYYY-MM", "YYYY-Qn", "YYYY-Hn", "YYYY"):
        assert form in message
    with pytest.raises(PeriodError, match=r'"2025-q5".*quý'):
        Period.parse("2025-q5")


def test_parse_rejects_non_string() -> None:
    with pytest.raises(PeriodError):
        Period.parse(202509)  # type: ignore[arg-type]


def test_parse_month() -> None:
    assert parse_month(" 2025-09 ") == Period.month(2025, 9)
    with pytest.raises(PeriodError) as info:
        parse_month("2025-Q3")
    assert str(info.value) == 'Kỳ "2025-Q3" không phải là tháng (dạng YYYY-MM, ví dụ 2025-09)'
    assert info.value.key == "2025-Q3"
    for key in ("2025", "2025-H1", "2025-9"):
        with pytest.raises(PeriodError):
            parse_month(key)


# --- construction ---------------------------------------------------------------------------


def test_constructors() -> None:
    assert Period.month(2025, 9) == Period(2025, Kind.MONTH, 9)
    assert Period.quarter(2025, 3) == Period(2025, Kind.QUARTER, 3)
    assert Period.half(2025, 2) == Period(2025, Kind.HALF, 2)
    assert Period.of_year(2025) == Period(2025, Kind.YEAR, 1)
    # A plain string kind is coerced to Kind.
    assert Period(2025, "quarter", 3) == Period.quarter(2025, 3)  # type: ignore[arg-type]
    assert Period(2025, "quarter", 3).kind is Kind.QUARTER  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "make",
    [
        lambda: Period.month(2025, 0),
        lambda: Period.month(2025, 13),
        lambda: Period.quarter(2025, 5),
        lambda: Period.half(2025, 3),
        lambda: Period(2025, Kind.YEAR, 2),
        lambda: Period.of_year(1999),
        lambda: Period.of_year(2101),
        lambda: Period(2025, "week", 1),
        lambda: Period(2025, Kind.MONTH, True),
    ],
)
def test_constructors_reject(make) -> None:
    with pytest.raises(PeriodError):
        make()


def test_hashable_and_orderable() -> None:
    ps = list(year_periods(2025)) + list(year_periods(2024))
    assert len(set(ps)) == len(ps) == 38
    assert {Period.parse("2025-Q3"): 1}[Period.quarter(2025, 3)] == 1
    ordered = sorted(ps)  # mixing kinds must not crash
    assert sorted(reversed(ordered)) == ordered
    assert Period.month(2024, 12) < Period.month(2025, 1) < Period.month(2025, 2)
    assert Period.quarter(2025, 1) < Period.quarter(2025, 4)


# --- labels ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "vi", "en", "subject"),
    [
        ("2025-09", "Tháng 9/2025", "September 2025", "tháng 9 năm 2025"),
        ("2025-01", "Tháng 1/2025", "January 2025", "tháng 1 năm 2025"),
        ("2025-12", "Tháng 12/2025", "December 2025", "tháng 12 năm 2025"),
        ("2025-Q1", "Quý I/2025", "Q1 2025", "Quý I năm 2025"),
        ("2025-Q2", "Quý II/2025", "Q2 2025", "Quý II năm 2025"),
        ("2025-Q3", "Quý III/2025", "Q3 2025", "Quý III năm 2025"),
        ("2025-Q4", "Quý IV/2025", "Q4 2025", "Quý IV năm 2025"),
        ("2025-H1", "6 tháng đầu năm 2025", "First half of 2025", "6 tháng đầu năm 2025"),
        ("2025-H2", "6 tháng cuối năm 2025", "Second half of 2025", "6 tháng cuối năm 2025"),
        ("2025", "Năm 2025", "Year 2025", "năm 2025"),
    ],
)
def test_labels(key: str, vi: str, en: str, subject: str) -> None:
    p = Period.parse(key)
    assert p.label() == vi
    assert p.label("vi") == vi
    assert p.label("en") == en
    assert p.subject_label() == subject


def test_window_label() -> None:
    w = DateWindow(D(2025, 6, 15), D(2025, 9, 14))
    assert w.label() == "Số liệu từ ngày 15/6/2025 đến ngày 14/9/2025"
    assert DateWindow(D(2024, 12, 1), D(2025, 1, 9)).label() == (
        "Số liệu từ ngày 1/12/2024 đến ngày 9/1/2025"
    )


def test_date_window_contains_and_order() -> None:
    w = DateWindow(D(2025, 6, 15), D(2025, 9, 14))
    assert D(2025, 6, 15) in w
    assert D(2025, 9, 14) in w
    assert D(2025, 6, 14) not in w
    assert D(2025, 9, 15) not in w
    assert w.days == 92
    with pytest.raises(ValueError):
        DateWindow(D(2025, 2, 1), D(2025, 1, 31))


# --- months and containment -----------------------------------------------------------------


def test_months() -> None:
    assert Period.parse("2025-Q3").months() == tuple(Period.month(2025, m) for m in (7, 8, 9))
    assert Period.parse("2025-H2").months() == tuple(Period.month(2025, m) for m in range(7, 13))
    assert Period.parse("2025").months() == tuple(Period.month(2025, m) for m in range(1, 13))
    assert Period.parse("2025-09").months() == (Period.month(2025, 9),)
    q = Period.quarter(2025, 4)
    assert q.first_month == Period.month(2025, 10)
    assert q.last_month == Period.month(2025, 12)
    assert q.is_month is False
    assert Period.month(2025, 10).is_month is True


def test_contains() -> None:
    year = Period.of_year(2025)
    q3 = Period.quarter(2025, 3)
    assert year.contains(q3)
    assert q3.contains(Period.month(2025, 8))
    assert not q3.contains(Period.month(2025, 10))
    assert Period.half(2025, 2).contains(q3)
    assert not Period.half(2025, 1).contains(q3)
    assert not q3.contains(Period.half(2025, 2))
    assert not Period.of_year(2024).contains(Period.month(2025, 1))
    assert q3.contains(q3)


@given(periods(), periods())
def test_contains_matches_months(a: Period, b: Period) -> None:
    assert a.contains(b) == set(b.months()).issubset(a.months())


def test_year_periods() -> None:
    ps = year_periods(2025)
    assert [p.key for p in ps] == [
        *(f"2025-{m:02d}" for m in range(1, 13)),
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2025-H1",
        "2025-H2",
        "2025",
    ]


# --- windows: examples ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        ("2025-Q3", D(2025, 6, 15), D(2025, 9, 14)),
        ("2025", D(2024, 12, 15), D(2025, 12, 14)),
        ("2025-01", D(2024, 12, 15), D(2025, 1, 14)),
        ("2025-03", D(2025, 2, 15), D(2025, 3, 14)),
        ("2025-H1", D(2024, 12, 15), D(2025, 6, 14)),
        ("2025-H2", D(2025, 6, 15), D(2025, 12, 14)),
        ("2025-Q1", D(2024, 12, 15), D(2025, 3, 14)),
        ("2025-Q4", D(2025, 9, 15), D(2025, 12, 14)),
    ],
)
def test_decree09_windows(key: str, start: date, end: date) -> None:
    assert Period.parse(key).window(Mode.DECREE09) == DateWindow(start, end)


def test_decree09_window_label() -> None:
    assert Period.parse("2025-Q3").window(Mode.DECREE09).label() == (
        "Số liệu từ ngày 15/6/2025 đến ngày 14/9/2025"
    )


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        ("2025-Q3", D(2025, 7, 1), D(2025, 9, 30)),
        ("2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("2025-02", D(2025, 2, 1), D(2025, 2, 28)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2025-H1", D(2025, 1, 1), D(2025, 6, 30)),
        ("2025-H2", D(2025, 7, 1), D(2025, 12, 31)),
        ("2025-04", D(2025, 4, 1), D(2025, 4, 30)),
    ],
)
def test_calendar_windows(key: str, start: date, end: date) -> None:
    assert Period.parse(key).window(Mode.CALENDAR) == DateWindow(start, end)


def test_mode_accepts_plain_string() -> None:
    assert Period.parse("2025-Q3").window("decree09").start == D(2025, 6, 15)  # type: ignore[arg-type]


# --- month_of -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "decree09", "calendar_"),
    [
        (D(2025, 9, 14), "2025-09", "2025-09"),
        (D(2025, 9, 15), "2025-10", "2025-09"),
        (D(2025, 9, 1), "2025-09", "2025-09"),
        (D(2025, 9, 30), "2025-10", "2025-09"),
        (D(2025, 12, 14), "2025-12", "2025-12"),
        (D(2025, 12, 15), "2026-01", "2025-12"),
        (D(2025, 12, 20), "2026-01", "2025-12"),
        (D(2025, 12, 31), "2026-01", "2025-12"),
        (D(2026, 1, 1), "2026-01", "2026-01"),
        (D(2026, 1, 14), "2026-01", "2026-01"),
        (D(2026, 1, 15), "2026-02", "2026-01"),
    ],
)
def test_month_of_boundaries(d: date, decree09: str, calendar_: str) -> None:
    assert month_of(d, Mode.DECREE09).key == decree09
    assert month_of(d, Mode.CALENDAR).key == calendar_
    assert current_month(d, Mode.DECREE09).key == decree09
    assert current_month(d, Mode.CALENDAR).key == calendar_


# --- navigation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "prev", "nxt", "last_year"),
    [
        ("2025-01", "2024-12", "2025-02", "2024-01"),
        ("2025-12", "2025-11", "2026-01", "2024-12"),
        ("2025-06", "2025-05", "2025-07", "2024-06"),
        ("2025-Q1", "2024-Q4", "2025-Q2", "2024-Q1"),
        ("2025-Q4", "2025-Q3", "2026-Q1", "2024-Q4"),
        ("2025-H1", "2024-H2", "2025-H2", "2024-H1"),
        ("2025-H2", "2025-H1", "2026-H1", "2024-H2"),
        ("2025", "2024", "2026", "2024"),
    ],
)
def test_navigation(key: str, prev: str, nxt: str, last_year: str) -> None:
    p = Period.parse(key)
    assert p.previous().key == prev
    assert p.next().key == nxt
    assert p.same_period_last_year().key == last_year


def test_navigation_beyond_limits_raises() -> None:
    with pytest.raises(PeriodError):
        Period.month(2000, 1).previous()
    with pytest.raises(PeriodError):
        Period.quarter(2100, 4).next()


def test_start_of_year_span_ytd() -> None:
    q3 = Period.quarter(2025, 3)
    assert q3.start_of_year() == Period.month(2025, 1)
    assert q3.span() == Span(Period.month(2025, 7), Period.month(2025, 9))
    ytd = q3.ytd()
    assert ytd == Span(Period.month(2025, 1), Period.month(2025, 9))
    assert len(ytd.months()) == 9
    assert ytd.window(Mode.DECREE09) == DateWindow(D(2024, 12, 15), D(2025, 9, 14))
    assert ytd.window(Mode.CALENDAR) == DateWindow(D(2025, 1, 1), D(2025, 9, 30))
    assert Period.month(2025, 1).ytd() == Span(Period.month(2025, 1), Period.month(2025, 1))
    assert Period.half(2025, 2).ytd().months() == Period.of_year(2025).months()
    assert Period.of_year(2025).ytd() == Period.of_year(2025).span()


def test_span() -> None:
    s = Span(Period.month(2024, 11), Period.month(2025, 2))
    assert [m.key for m in s.months()] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert s.contains_month(Period.month(2024, 12))
    assert s.contains_month(Period.month(2025, 2))
    assert not s.contains_month(Period.month(2025, 3))
    assert not s.contains_month(Period.month(2024, 10))
    assert not s.contains_month(Period.quarter(2025, 1))
    assert s.window(Mode.DECREE09) == DateWindow(D(2024, 10, 15), D(2025, 2, 14))
    assert s.window(Mode.CALENDAR) == DateWindow(D(2024, 11, 1), D(2025, 2, 28))
    with pytest.raises(PeriodError):
        Span(Period.month(2025, 2), Period.month(2025, 1))
    with pytest.raises(PeriodError):
        Span(Period.quarter(2025, 1), Period.month(2025, 6))


def test_months_between() -> None:
    assert [m.key for m in months_between(Period.month(2024, 12), Period.month(2025, 2))] == [
        "2024-12",
        "2025-01",
        "2025-02",
    ]
    assert months_between(Period.month(2025, 3), Period.month(2025, 3)) == (Period.month(2025, 3),)
    assert months_between(Period.month(2025, 3), Period.month(2025, 2)) == ()
    assert len(months_between(Period.month(2023, 1), Period.month(2025, 12))) == 36


def test_month_runs_group_consecutive_months() -> None:
    months = [parse_month(k) for k in ("2026-06", "2025-12", "2026-01", "2026-02", "2026-01")]
    runs = [(first.key, last.key) for first, last in month_runs(months)]
    assert runs == [("2025-12", "2026-02"), ("2026-06", "2026-06")]
    assert month_runs([]) == []


# --- properties -----------------------------------------------------------------------------


def _assert_tiles(parts: list[DateWindow], whole: DateWindow) -> None:
    """``parts`` cover ``whole`` in order with no gap and no overlap."""
    assert parts[0].start == whole.start
    assert parts[-1].end == whole.end
    for before, after in pairwise(parts):
        assert after.start == before.end + ONE_DAY
    assert sum(p.days for p in parts) == whole.days


@given(years, modes)
def test_months_tile_the_year(year: int, mode: Mode) -> None:
    months = [Period.month(year, m) for m in range(1, 13)]
    _assert_tiles([m.window(mode) for m in months], Period.of_year(year).window(mode))


@given(periods(Kind.QUARTER), modes)
def test_quarter_is_its_three_months(q: Period, mode: Mode) -> None:
    first = 3 * (q.index - 1) + 1
    expected = tuple(Period.month(q.year, m) for m in range(first, first + 3))
    assert q.months() == expected
    _assert_tiles([m.window(mode) for m in expected], q.window(mode))
    assert all(q.contains(m) for m in expected)


@given(periods(Kind.HALF), modes)
def test_half_is_its_two_quarters_and_six_months(h: Period, mode: Mode) -> None:
    quarters = [Period.quarter(h.year, 2 * h.index - 1), Period.quarter(h.year, 2 * h.index)]
    _assert_tiles([q.window(mode) for q in quarters], h.window(mode))
    assert h.months() == quarters[0].months() + quarters[1].months()
    assert len(h.months()) == 6
    _assert_tiles([m.window(mode) for m in h.months()], h.window(mode))


@given(years, modes)
def test_year_is_its_four_quarters_and_two_halves(year: int, mode: Mode) -> None:
    y = Period.of_year(year)
    quarters = [Period.quarter(year, q) for q in range(1, 5)]
    _assert_tiles([q.window(mode) for q in quarters], y.window(mode))
    _assert_tiles([Period.half(year, h).window(mode) for h in (1, 2)], y.window(mode))
    assert y.months() == sum((q.months() for q in quarters), ())


@given(periods(Kind.MONTH), modes, st.data())
def test_month_of_any_day_in_window(m: Period, mode: Mode, data: st.DataObject) -> None:
    w = m.window(mode)
    d = w.start + timedelta(days=data.draw(st.integers(0, w.days - 1)))
    assert month_of(d, mode) == m
    # Just outside the window belongs to the neighbours.
    assert month_of(w.start - ONE_DAY, mode) == m.previous()
    assert month_of(w.end + ONE_DAY, mode) == m.next()


@given(st.dates(min_value=D(2001, 1, 1), max_value=D(2099, 12, 31)), modes)
def test_any_day_is_in_its_month_window(d: date, mode: Mode) -> None:
    m = month_of(d, mode)
    assert m.is_month
    assert d in m.window(mode)


@given(periods())
def test_previous_next_inverse(p: Period) -> None:
    assert p.previous().next() == p
    assert p.next().previous() == p
    assert p.previous().kind is p.kind
    assert p.previous() < p < p.next()


@given(periods(), modes)
def test_consecutive_periods_windows_touch(p: Period, mode: Mode) -> None:
    assert p.next().window(mode).start == p.window(mode).end + ONE_DAY
    assert p.same_period_last_year().months() == tuple(
        Period.month(m.year - 1, m.index) for m in p.months()
    )


@given(periods(), modes)
def test_span_matches_period(p: Period, mode: Mode) -> None:
    s = p.span()
    assert s.months() == p.months()
    assert s.window(mode) == p.window(mode)
    assert all(s.contains_month(m) for m in p.months())
    assert not s.contains_month(p.first_month.previous())
    assert not s.contains_month(p.last_month.next())
    ytd = p.ytd()
    assert ytd.first == Period.month(p.year, 1)
    assert ytd.last == p.last_month
    assert ytd.window(mode).end == p.window(mode).end


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Quý III/2026", "2026-Q3"),
        ("quý 3 năm 2026", "2026-Q3"),
        ("Quý IV/2025", "2025-Q4"),
        ("Tháng 9/2025", "2025-09"),
        ("tháng 09 năm 2025", "2025-09"),
        ("6 tháng đầu năm 2026", "2026-H1"),
        ("6 tháng cuối năm 2026", "2026-H2"),
        ("Năm 2026", "2026"),
        ("2026-Q3", "2026-Q3"),
    ],
)
def test_a_period_typed_in_vietnamese_is_understood(typed, key):
    assert Period.parse_text(typed).key == key


@pytest.mark.parametrize("typed", ["Quý V/2026", "Tháng 13/2025", "mùa thu 2026"])
def test_a_period_text_that_is_none_is_refused(typed):
    with pytest.raises(PeriodError):
        Period.parse_text(typed)


@pytest.mark.parametrize(
    ("key", "kind", "expected"),
    [
        ("2025-01", Kind.QUARTER, "2025-Q1"),
        ("2025-03", Kind.QUARTER, "2025-Q1"),
        ("2025-04", Kind.QUARTER, "2025-Q2"),
        ("2025-12", Kind.QUARTER, "2025-Q4"),
        ("2025-06", Kind.HALF, "2025-H1"),
        ("2025-07", Kind.HALF, "2025-H2"),
        ("2025-Q3", Kind.HALF, "2025-H2"),
        ("2025-H1", Kind.YEAR, "2025"),
        ("2025-08", Kind.MONTH, "2025-08"),
    ],
)
def test_enclosing_period(key: str, kind: Kind, expected: str) -> None:
    assert Period.parse(key).enclosing(kind).key == expected


@given(periods(Kind.MONTH), st.sampled_from(list(Kind)))
def test_enclosing_period_covers_the_month(m: Period, kind: Kind) -> None:
    outer = m.enclosing(kind)
    assert outer.kind is kind and outer.contains(m)


def test_a_longer_period_has_no_enclosing_shorter_one() -> None:
    with pytest.raises(PeriodError):
        Period.parse("2025-Q3").enclosing(Kind.MONTH)
