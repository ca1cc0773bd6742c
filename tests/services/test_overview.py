"""The overview's cards and series equal what the indicator engine computes (demo commune)."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from commune_desk.charts.data import Granularity
from commune_desk.demo import build_demo
from commune_desk.domain.catalogue import ChartFigures
from commune_desk.domain.indicators import formula_value
from commune_desk.domain.periods import Period
from commune_desk.domain.progress import Method, Status, assess
from commune_desk.services.context import Actor
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.overview import OverviewService
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.common import CATALOGUE, FIXED_NOW

Q3 = Period.quarter(2026, 3)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3", CATALOGUE, Actor("t"))
    db.context.clock = lambda: FIXED_NOW
    build_demo(db.context)
    yield db.context
    db.close()


@pytest.fixture(scope="module")
def engine(demo):
    """Month values of 2025 and 2026 straight from the indicator engine."""
    months = [Period.month(y, m) for y in (2025, 2026) for m in range(1, 13)]
    return {r.period: r for r in IndicatorService(demo).compute_many(months)}


@pytest.fixture(scope="module")
def q3(demo):
    return OverviewService(demo).load(Q3)


def _month_values(engine, code, year, cut=12, ytd=False):
    values = []
    for m in range(1, 13):
        figure = engine[Period.month(year, m)].figures[code]
        values.append(None if m > cut else (figure.ytd if ytd else figure.value))
    return tuple(None if v is None else float(v) for v in values)


def test_the_catalogue_names_the_indicators_with_a_series(demo, q3):
    codes = [i.code for i in demo.catalogue.items() if i.kind == "indicator" and i.unit == "%"]
    assert list(demo.catalogue.charts.indicators) == codes  # the default catalogue: every %
    assert [s.code for s in q3.indicators] == codes
    assert len(codes) >= 15


def test_indicator_series_equal_the_engine_and_targets(demo, q3, engine):
    targets = IndicatorService(demo).targets(2026)
    for series in q3.indicators:
        assert series.current == _month_values(engine, series.code, 2026, cut=9)
        assert series.previous == _month_values(engine, series.code, 2025)
        assert series.target == targets.get(series.code)
        assert series.projection == q3.card(series.code).progress.projection


def test_quarterly_series_equal_the_engine(demo):
    overview = OverviewService(demo).load(Q3, Granularity.QUARTER)
    quarters = IndicatorService(demo).compute_many(Period.quarter(2026, q) for q in range(1, 5))
    for series in overview.indicators:
        expected = [r.figures[series.code].value for r in quarters[:3]] + [None]
        assert series.current == tuple(None if v is None else float(v) for v in expected)
        assert series.previous == tuple(
            None if r.figures[series.code].last_year is None else r.figures[series.code].last_year
            for r in quarters
        )
        assert series.projection is None


def test_support_types_stack_up_to_the_people_supported(demo, q3, engine):
    kinds = demo.catalogue.vocab["activity_type"]
    assert [line.key for line in q3.support.types] == list(demo.catalogue.charts.support)
    assert [line.label for line in q3.support.types] == list(kinds.values())  # short labels
    for line in q3.support.types:
        assert line.values == _month_values(engine, line.key, 2026, cut=9)
    totals = _month_values(engine, "team.supported", 2026, cut=9)
    assert q3.support.totals == totals
    for month, total in enumerate(totals):
        if total is not None:
            assert sum(line.values[month] for line in q3.support.types) == total
    assert sum(t for t in totals if t) > 0


def test_online_share_and_channels(demo, q3, engine):
    online = q3.online
    assert online.share == _month_values(engine, "ind.online_records_pct", 2026, cut=9)
    assert online.previous_share == _month_values(engine, "ind.online_records_pct", 2025)
    assert [c.key for c in online.channels] == [
        "tthc.received_online",
        "tthc.received_direct",
        "tthc.received_postal",
    ]
    for channel in online.channels:
        assert channel.values == _month_values(engine, channel.key, 2026, cut=9)
    assert online.target == IndicatorService(demo).targets(2026)["ind.online_records_pct"]


def test_coverage_bars_at_the_period_end(demo, q3):
    figures = IndicatorService(demo).compute(Q3).figures
    assert q3.coverage.total == figures["commune.villages"].ytd
    assert [b.code for b in q3.coverage.bars] == [
        "infra.villages_mobile",
        "infra.villages_fiber",
        "team.villages_covered",
    ]
    for bar in q3.coverage.bars:
        assert bar.covered == figures[bar.code].ytd
        assert bar.previous == figures[bar.code].last_year
        assert 0 < bar.covered <= q3.coverage.total


def test_training_lines_are_cumulative(q3, engine):
    lines = {line.key: line for line in q3.training.lines}
    assert lines["staff.trained_dx"].values == _month_values(engine, "staff.trained_dx", 2026, 9)
    for code in ("staff.trained_ai", "staff.trained_infosec"):
        monthly = _month_values(engine, code, 2026, cut=9)
        running = tuple(itertools.accumulate(v for v in monthly if v is not None))
        assert lines[code].values[:9] == running
        assert lines[code].values[9:] == (None, None, None)
    assert q3.training.staff_total.values == _month_values(engine, "staff.total", 2026, cut=9)


def test_cards_show_the_year_to_date_against_the_target(demo, q3, engine):
    figures = IndicatorService(demo).compute(Q3).figures
    indicators = [i.code for i in demo.catalogue.items() if i.kind == "indicator"]
    assert [c.code for c in q3.cards] == indicators
    for card in q3.cards:
        f = figures[card.code]
        assert card.value == f.ytd
        assert card.period_value == f.value
        assert card.target == f.target
        indicator = demo.catalogue.get(card.code)
        ytd = {code: figure.ytd for code, figure in figures.items()}
        assert card.numerator == formula_value(indicator.numerator, ytd)
        assert card.denominator == formula_value(indicator.denominator, ytd)
        if card.denominator:
            ratio = card.numerator / card.denominator * indicator.factor
            assert ratio == pytest.approx(card.value)
        points = {
            m: engine[Period.month(2026, m)].figures[card.code].ytd
            for m in range(1, 10)
            if engine[Period.month(2026, m)].figures[card.code].value is not None
        }
        assert card.progress == assess(f.target, f.ytd, 9, points=points)
    statuses = {card.status for card in q3.cards}
    assert {Status.MET, Status.BEHIND, None} <= statuses


def test_the_current_period_stops_at_this_month(demo):
    overview = OverviewService(demo).load(Period.quarter(2026, 4))
    assert overview.cut == 11  # 21/11/2026: December has not come yet
    series = overview.indicator("ind.staff_dx_pct")
    assert series.current[10] is not None and series.current[11] is None
    assert overview.card("ind.staff_dx_pct").progress.months_elapsed == 11


def test_a_flow_with_a_target_gets_a_card_projected_by_its_rate(ctx):
    IndicatorService(ctx).set_target("tthc.received_online", 2026, 1200)
    ValuesService(ctx).save(
        [ValueChange("tthc.received_online", f"2026-0{m}", 100) for m in (1, 2, 3)]
    )
    card = OverviewService(ctx).load(Period.quarter(2026, 1)).card("tthc.received_online")
    assert card.value == 300
    assert card.progress.method is Method.RATE
    assert card.progress.projection == pytest.approx(1200)
    assert card.status is Status.ON_TRACK


def test_the_charts_show_what_the_catalogue_names(demo):
    charts = ChartFigures(
        indicators=("ind.on_time_pct",),
        coverage_total="commune.villages",
        coverage=("infra.villages_fiber",),
        training=("staff.trained_ai",),
    )
    catalogue = dataclasses.replace(demo.catalogue, charts=charts)
    overview = OverviewService(dataclasses.replace(demo, catalogue=catalogue)).load(Q3)
    assert [s.code for s in overview.indicators] == ["ind.on_time_pct"]
    assert [b.code for b in overview.coverage.bars] == ["infra.villages_fiber"]
    assert [b.label for b in overview.coverage.bars] == ["Có cáp quang đến thôn"]  # short label
    assert [line.key for line in overview.training.lines] == ["staff.trained_ai"]
    assert overview.support.types == () and overview.online is None
