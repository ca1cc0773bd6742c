"""The province's live view of a database holding many communes: every commune's status for
a period and the consolidated indicators, read only.

A commune whose period is locked counts with what its submission reported (the snapshot, as
`consolidate --db` reports it); one still entering figures shows them as a draft, left out of
the totals as a draft file is; one without figures shows none. The totals are the sums of the
submitted communes' elements with the indicators computed from them (domain.consolidation).
"""

from __future__ import annotations

from dataclasses import dataclass

from commune_desk.domain.consolidation import consolidate_totals
from commune_desk.domain.numbers import Number
from commune_desk.domain.periods import Period
from commune_desk.services import snapshots
from commune_desk.services.commune import CommuneService, require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.reports import ReportState, ReportStatus, status_in


@dataclass(frozen=True)
class CommuneStatus:
    code: str
    name: str
    status: ReportStatus
    values: dict[str, Number | None]  # the period's figures (none without data)


@dataclass(frozen=True)
class ProvinceOverview:
    period: Period
    communes: tuple[CommuneStatus, ...]
    totals: dict[str, Number | None]  # of the submitted communes
    submitted: int  # how many communes the totals count
    counted: dict[str, int]  # how many communes each total covers (a ratio: both its parts)


def province_overview(ctx: ServiceContext, period: Period) -> ProvinceOverview:
    """Every commune of the database, by code, with its status and figures for `period`."""
    rows: list[CommuneStatus] = []
    for code, name in CommuneService(ctx).communes():
        one = ctx.for_commune(code)
        with one.read_session() as session:
            commune = require_commune(session)
            status = status_in(session, commune.id, period)
            submitted = None
            if status.state is ReportState.SUBMITTED:
                submitted = snapshots.submitted_figures(session, one.catalogue, commune, period)
        if submitted is not None:
            values = submitted[1].values()
        elif status.state is ReportState.EMPTY:
            values = {}
        else:
            values = IndicatorService(one).compute(period).values()
        rows.append(CommuneStatus(code, name, status, values))
    counted = [r.values for r in rows if r.status.state is ReportState.SUBMITTED]
    totals = consolidate_totals(ctx.catalogue, counted)
    return ProvinceOverview(
        period, tuple(rows), dict(totals.values), len(counted), dict(totals.counted)
    )
