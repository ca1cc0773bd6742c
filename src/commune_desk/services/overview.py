"""Tổng quan: the cards (progress against the year's targets) and the charts' series.

Everything comes from one batch of the indicator engine (`IndicatorService.compute_many`):
the 12 months of the chosen period's year (each with its value, its year-to-date value and
the same month of the previous year), the quarters when the charts show quarters, and the
chosen period itself. The catalogue drives the cards (every indicator, and every figure that
has a target) and, through its [charts] table, which figures each chart shows; a legend names
a figure by its short label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from commune_desk.charts.data import (
    CoverageBar,
    CoverageSeries,
    Granularity,
    IndicatorSeries,
    Line,
    OnlineSeries,
    SupportSeries,
    TrainingSeries,
    Value,
)
from commune_desk.domain.catalogue import Agg, Element, Indicator, Item
from commune_desk.domain.indicators import formula_value
from commune_desk.domain.periods import DateWindow, Mode, Period, current_month
from commune_desk.domain.progress import Progress, Status, assess
from commune_desk.services import snapshots
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.indicators import IndicatorService, PeriodFigures

PERCENT = "%"


@dataclass(frozen=True)
class Card:
    """One figure against its year's target, as of the chosen period's end."""

    code: str
    label: str
    unit: str
    value: Value  # year to date: flows summed since January, the rest as of the period end
    period_value: Value  # the chosen period alone
    last_year: Value  # the same period of the previous year
    numerator: Value  # of an indicator, year to date
    denominator: Value
    progress: Progress

    @property
    def target(self) -> float | None:
        return self.progress.target

    @property
    def pct_of_target(self) -> float | None:
        return self.progress.pct_of_target

    @property
    def status(self) -> Status | None:
        return self.progress.status

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT


@dataclass(frozen=True)
class Overview:
    """Everything the Tổng quan section shows for one period."""

    period: Period
    window: DateWindow
    commune_name: str
    granularity: Granularity
    cut: int  # the last month (1-12) of the year the charts show: period end or today
    cards: tuple[Card, ...]
    indicators: tuple[IndicatorSeries, ...]
    support: SupportSeries
    online: OnlineSeries | None
    coverage: CoverageSeries
    training: TrainingSeries
    figures: PeriodFigures  # the chosen period's figures, for the table
    submitted_version: int | None = None  # a locked period: its figures are the submission's

    def indicator(self, code: str) -> IndicatorSeries:
        return next(series for series in self.indicators if series.code == code)

    def card(self, code: str) -> Card:
        return next(card for card in self.cards if card.code == code)


class OverviewService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._indicators = IndicatorService(ctx)

    def chart_indicators(self) -> tuple[Indicator, ...]:
        """The indicators the per-indicator chart offers: the catalogue's [charts] list."""
        catalogue = self._ctx.catalogue
        items = (catalogue.get(code) for code in catalogue.charts.indicators)
        return tuple(i for i in items if isinstance(i, Indicator))

    def load(self, period: Period, granularity: Granularity = Granularity.MONTH) -> Overview:
        """Cards and series of `period` (one batch of the indicator engine)."""
        granularity = Granularity(granularity)
        with self._ctx.read_session() as session:
            mode = Mode(require_commune(session).cutoff_mode)
        year = period.year
        months = [Period.month(year, m) for m in range(1, 13)]
        quarters = [Period.quarter(year, q) for q in range(1, 5)]
        batch = months + (quarters if granularity is Granularity.QUARTER else [])
        batch += [] if period in batch else [period]
        results = {r.period: r for r in self._indicators.compute_many(batch)}
        by_month = [results[m] for m in months]
        now = current_month(self._ctx.today(), mode)
        cut = period.last_month.index
        if now.year == year and now.index < cut:
            cut = now.index
        steps = by_month if granularity is Granularity.MONTH else [results[q] for q in quarters]
        chosen = results[period]
        with self._ctx.read_session() as session:  # a locked period: what was submitted
            submitted = snapshots.submitted_figures(
                session, self._ctx.catalogue, require_commune(session), period
            )
        if submitted is not None:
            chosen = submitted[1]
        cards = self._cards(chosen, by_month, cut)
        projections = {card.code: card.progress.projection for card in cards}
        return Overview(
            period=period,
            window=chosen.window,
            commune_name=chosen.commune_name,
            granularity=granularity,
            cut=cut,
            cards=cards,
            indicators=self._indicator_series(steps, granularity, cut, year, projections),
            support=self._support(by_month, cut, year),
            online=self._online(by_month, cut, year),
            coverage=self._coverage(chosen),
            training=self._training(by_month, cut, year),
            figures=chosen,
            submitted_version=submitted[0] if submitted else None,
        )

    def cards(self, period: Period) -> list[Card]:
        return list(self.load(period).cards)

    # -- cards ------------------------------------------------------------------------------

    def _card_items(self, targets: dict[str, float | None]) -> list[Item]:
        catalogue = self._ctx.catalogue
        return [
            item
            for item in catalogue.items()
            if isinstance(item, Indicator) or targets.get(item.code) is not None
        ]

    def _cards(
        self, chosen: PeriodFigures, by_month: Sequence[PeriodFigures], cut: int
    ) -> tuple[Card, ...]:
        figures = chosen.figures
        targets = {code: f.target for code, f in figures.items()}
        ytd_values = {code: f.ytd for code, f in figures.items()}
        cards = []
        for item in self._card_items(targets):
            f = figures[item.code]
            # Months of this year with a value of their own, and the year-to-date value then.
            points = {
                m: r.figures[item.code].ytd
                for m, r in enumerate(by_month[:cut], 1)
                if r.figures[item.code].value is not None and r.figures[item.code].ytd is not None
            }
            flow = isinstance(item, Element) and item.agg is Agg.SUM
            numerator = denominator = None
            if isinstance(item, Indicator):
                numerator = formula_value(item.numerator, ytd_values)
                denominator = formula_value(item.denominator, ytd_values)
            progress = assess(f.target, f.ytd, cut, flow=flow, points=points)  # type: ignore[arg-type]
            cards.append(
                Card(
                    item.code,
                    item.label,
                    item.unit,
                    _num(f.ytd),
                    _num(f.value),
                    _num(f.last_year),
                    _num(numerator),
                    _num(denominator),
                    progress,
                )
            )
        return tuple(cards)

    # -- series -----------------------------------------------------------------------------

    def _indicator_series(
        self,
        steps: Sequence[PeriodFigures],
        granularity: Granularity,
        cut: int,
        year: int,
        projections: dict[str, float | None],
    ) -> tuple[IndicatorSeries, ...]:
        series = []
        for indicator in self.chart_indicators():
            code = indicator.code
            current = tuple(
                _num(r.figures[code].value) if r.period.first_month.index <= cut else None
                for r in steps
            )
            previous = tuple(_num(r.figures[code].last_year) for r in steps)
            target = steps[0].figures[code].target
            # The status rule's year-end projection, drawn on the monthly chart.
            projection = projections.get(code) if granularity is Granularity.MONTH else None
            series.append(
                IndicatorSeries(
                    code, indicator.label, indicator.unit, year, granularity, current, previous,
                    target, projection,
                )
            )  # fmt: skip
        return tuple(series)

    def _month_values(
        self, by_month: Sequence[PeriodFigures], code: str, cut: int, ytd: bool = False
    ) -> tuple[Value, ...]:
        values = []
        for m, result in enumerate(by_month, 1):
            figure = result.figures.get(code)
            if figure is None or m > cut:
                values.append(None)
            else:
                values.append(_num(figure.ytd if ytd else figure.value))
        return tuple(values)

    def _lines(
        self, by_month: Sequence[PeriodFigures], codes: Sequence[str], cut: int
    ) -> tuple[Line, ...]:
        """One line per code, named by its short label; flows cumulated over the year."""
        catalogue = self._ctx.catalogue
        lines = []
        for code in codes:
            item = catalogue.get(code)
            flow = isinstance(item, Element) and item.agg is Agg.SUM
            values = self._month_values(by_month, code, cut, ytd=flow)
            lines.append(Line(code, catalogue.short_label(code), values))
        return tuple(lines)

    def _total(self, by_month: Sequence[PeriodFigures], code: str | None, cut: int) -> Line:
        if code is None:
            return Line("", "", (None,) * len(by_month))
        label = self._ctx.catalogue.short_label(code)
        return Line(code, label, self._month_values(by_month, code, cut))

    def _support(self, by_month: Sequence[PeriodFigures], cut: int, year: int) -> SupportSeries:
        charts = self._ctx.catalogue.charts
        lines = tuple(
            Line(
                code, self._ctx.catalogue.short_label(code), self._month_values(by_month, code, cut)
            )
            for code in charts.support
        )
        return SupportSeries(year, lines, self._total(by_month, charts.support_total, cut).values)

    def _online(
        self, by_month: Sequence[PeriodFigures], cut: int, year: int
    ) -> OnlineSeries | None:
        catalogue = self._ctx.catalogue
        code = catalogue.charts.online
        if code is None:
            return None
        indicator = catalogue.get(code)
        assert isinstance(indicator, Indicator)  # the loader checks it
        online = indicator.numerator.codes
        codes = [*online, *(c for c in indicator.denominator.codes if c not in online)]
        channels = tuple(
            Line(c, catalogue.short_label(c), self._month_values(by_month, c, cut)) for c in codes
        )
        share = self._month_values(by_month, code, cut)
        previous = tuple(_num(r.figures[code].last_year) for r in by_month)
        target = by_month[0].figures[code].target
        return OnlineSeries(year, channels, share, previous, target)

    def _coverage(self, chosen: PeriodFigures) -> CoverageSeries:
        catalogue = self._ctx.catalogue
        charts, figures = catalogue.charts, chosen.figures
        bars = tuple(
            CoverageBar(
                code, catalogue.short_label(code), _num(figures[code].ytd),
                _num(figures[code].last_year),
            )
            for code in charts.coverage
        )  # fmt: skip
        if charts.coverage_total is None:
            return CoverageSeries("", None, bars)
        total = figures[charts.coverage_total]
        return CoverageSeries(catalogue.short_label(charts.coverage_total), _num(total.ytd), bars)

    def _training(self, by_month: Sequence[PeriodFigures], cut: int, year: int) -> TrainingSeries:
        charts = self._ctx.catalogue.charts
        lines = self._lines(by_month, charts.training, cut)
        return TrainingSeries(year, lines, self._total(by_month, charts.training_total, cut))


def _num(value: object) -> Value:
    return None if value is None else float(value)  # type: ignore[arg-type]
