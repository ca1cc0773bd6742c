"""Every figure and indicator of a period: this period, year to date, last year, target."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from commune_desk.data.models import Commune, YearlyTarget
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import figures as figures_repo
from commune_desk.data.repositories import values as repo
from commune_desk.domain.catalogue import Catalogue, Source
from commune_desk.domain.indicators import Figure, aggregate, build_figures, with_indicators
from commune_desk.domain.numbers import Number
from commune_desk.domain.periods import DateWindow, Mode, Period, Span
from commune_desk.services import audit
from commune_desk.services.commune import require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import Action, require
from commune_desk.services.series import month_series


@dataclass(frozen=True)
class PeriodFigures:
    commune_code: str
    commune_name: str
    period: Period
    window: DateWindow
    figures: dict[str, Figure]

    def values(self) -> dict[str, Number | None]:
        return {code: f.value for code, f in self.figures.items()}


@dataclass(frozen=True)
class TargetRow:
    code: str
    year: int
    default: float | None  # the catalogue's target
    own: float | None  # the commune's own target, when it set one

    @property
    def effective(self) -> float | None:
        return self.own if self.own is not None else self.default


class _Calculator:
    """Computes element and indicator values over spans, caching within one session."""

    def __init__(
        self,
        session: Session,
        catalogue: Catalogue,
        commune_id: int,
        mode: Mode,
        first: Period,
        last: Period,
    ) -> None:
        self._session, self._catalogue = session, catalogue
        self._commune_id, self._mode = commune_id, mode
        self._series = month_series(session, commune_id, first.key, last.key).by_code()
        self._counted: dict[DateWindow, dict[str, Number]] = {}
        self._spans: dict[Span, dict[str, Number | None]] = {}

    def know_counted(self, window: DateWindow, counted: Mapping[str, Number]) -> None:
        """Take `counted` as the window's record figures instead of counting them."""
        self._counted[window] = dict(counted)

    def span_values(self, span: Span) -> dict[str, Number | None]:
        if span in self._spans:
            return self._spans[span]
        catalogue = self._catalogue
        months = span.months()
        window = span.window(self._mode)
        counted = self._counted.get(window)
        if counted is None:
            counted = figures_repo.record_figures(
                self._session, self._commune_id, window.start, window.end
            )
            self._counted[window] = counted
        elements: dict[str, Number | None] = {}
        for element in catalogue.elements:
            if element.source is Source.RECORDS:
                elements[element.code] = counted.get(element.code, 0)
            else:
                elements[element.code] = aggregate(
                    element.agg, self._series.get(element.code, {}), months
                )
        result = with_indicators(catalogue, elements)
        self._spans[span] = result
        return result


class IndicatorService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def compute(self, period: Period) -> PeriodFigures:
        return self.compute_many([period])[0]

    def compute_many(self, periods: Iterable[Period]) -> list[PeriodFigures]:
        """Figures of several periods in one session (values are read once)."""
        periods = list(periods)
        if not periods:
            return []
        with self._ctx.read_session() as session:
            return compute_in(session, self._ctx, periods)

    def targets(self, year: int) -> dict[str, float]:
        """The year's targets: the commune's own, else the catalogue's defaults."""
        with self._ctx.read_session() as session:
            return self._targets(session, require_commune(session).id, year)

    def target_rows(self, year: int) -> list[TargetRow]:
        """Every catalogue code with its default and own target for the year."""
        catalogue = self._ctx.catalogue
        with self._ctx.read_session() as session:
            own = repo.targets(session, require_commune(session).id, year)
        return [
            TargetRow(code, year, catalogue.default_target(code, year), own.get(code))
            for code in catalogue.codes()
        ]

    def set_target(self, code: str, year: int, value: float | None) -> None:
        """Set (or with None, remove) the commune's own target for a code and year."""
        require(self._ctx, Action.EDIT_SETTINGS)
        if code not in self._ctx.catalogue:
            raise ServiceError(f"Mã chỉ tiêu «{code}» không có trong danh mục.")
        if value is not None and value < 0:
            raise ServiceError(f"Chỉ tiêu kế hoạch của «{code}» phải ≥ 0.")
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            row = repo.target_row(session, commune.id, code, year)
            old = row.value if row else None
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(YearlyTarget(commune_id=commune.id, code=code, year=year, value=value))
            else:
                row.value = value
            audit_repo.add_entries(
                session,
                [audit.entry(self._ctx, "update", "target", f"{code}@{year}", old, value)],
            )

    def _targets(self, session: Session, commune_id: int, year: int) -> dict[str, float]:
        return year_targets(session, self._ctx, commune_id, year)


def year_targets(
    session: Session, ctx: ServiceContext | Catalogue, commune_id: int, year: int
) -> dict[str, float]:
    """The year's targets: the commune's own, else the catalogue's defaults."""
    catalogue = ctx if isinstance(ctx, Catalogue) else ctx.catalogue
    merged: dict[str, float] = {}
    for code in catalogue.codes():
        default = catalogue.default_target(code, year)
        if default is not None:
            merged[code] = default
    merged.update(repo.targets(session, commune_id, year))
    return merged


def compute_in(
    session: Session, ctx: ServiceContext, periods: Iterable[Period]
) -> list[PeriodFigures]:
    """Figures of several periods inside the caller's transaction (values are read once)."""
    periods = list(periods)
    if not periods:
        return []
    return compute_with(session, ctx.catalogue, require_commune(session), periods)


def compute_with(
    session: Session, catalogue: Catalogue, commune: Commune, periods: Iterable[Period]
) -> list[PeriodFigures]:
    """Figures of several periods of `commune` inside the caller's transaction."""
    periods = list(periods)
    mode = Mode(commune.cutoff_mode)
    first = min(p.first_month for p in periods).same_period_last_year().start_of_year()
    last = max(p.last_month for p in periods)
    calc = _Calculator(session, catalogue, commune.id, mode, first, last)
    targets_by_year: dict[int, dict[str, float]] = {}
    results = []
    for period in periods:
        if period.year not in targets_by_year:
            targets_by_year[period.year] = year_targets(session, catalogue, commune.id, period.year)
        figures = build_figures(
            catalogue,
            calc.span_values(period.span()),
            calc.span_values(period.ytd()),
            calc.span_values(period.same_period_last_year().span()),
            targets_by_year[period.year],
        )
        results.append(
            PeriodFigures(commune.code, commune.name, period, period.window(mode), figures)
        )
    return results


def values_and_targets(
    session: Session,
    catalogue: Catalogue,
    commune: Commune,
    periods: Iterable[Period],
    counted: Sequence[Mapping[str, Number] | None] = (),
) -> list[tuple[dict[str, Number | None], dict[str, float]]]:
    """Each period's own values and its year's targets, without the comparisons (year to
    date, last year) a report adds: what the lock guard compares, computed lean.

    `counted`, per period, the figures counted from records when they are known not to have
    changed (no record was touched): they are not counted again.
    """
    periods = list(periods)
    if not periods:
        return []
    first = min(p.first_month for p in periods)
    last = max(p.last_month for p in periods)
    mode = Mode(commune.cutoff_mode)
    calc = _Calculator(session, catalogue, commune.id, mode, first, last)
    for period, known in zip(periods, counted, strict=False):
        if known is not None:
            calc.know_counted(period.span().window(mode), known)
    targets: dict[int, dict[str, float]] = {}
    result = []
    for period in periods:
        if period.year not in targets:
            targets[period.year] = year_targets(session, catalogue, commune.id, period.year)
        result.append((calc.span_values(period.span()), targets[period.year]))
    return result


def values_json(result: PeriodFigures) -> Mapping[str, object]:
    """The `indicators --format json` document (every catalogue code, numbers or null)."""
    figures = result.figures
    return {
        "commune_code": result.commune_code,
        "period": result.period.key,
        "values": {code: f.value for code, f in figures.items()},
        "ytd": {code: f.ytd for code, f in figures.items()},
        "last_year": {code: f.last_year for code, f in figures.items()},
        "targets": {code: f.target for code, f in figures.items()},
        "pct_of_target": {code: f.pct_of_target for code, f in figures.items()},
    }
