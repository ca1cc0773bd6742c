"""Every commune's report of a period, straight from a database that holds many communes.

`consolidate --db` writes them into a folder and consolidates that folder exactly as it
consolidates the files communes send: the same reader, checks and workbook. A commune whose
period is locked reports what its submission reported (the snapshot, under its version and
identity, signed with its key); one that is still entering figures reports a draft (left out
of the totals unless drafts are included, as a draft file would be); one without any figure
for the period reports nothing (missing, as a commune that sent nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from commune_desk.data.backup import slug
from commune_desk.data.repositories import submissions as submissions_repo
from commune_desk.domain.periods import Period
from commune_desk.excel.report import write_report
from commune_desk.services import snapshots
from commune_desk.services.commune import CommuneService, commune_profile, require_commune
from commune_desk.services.context import ServiceContext
from commune_desk.services.report_builder import Identity, build_document
from commune_desk.services.reports import ReportState, status_in
from commune_desk.services.signing import ensure_own_key

Progress = Callable[[int, int], None]


def write_period_reports(
    ctx: ServiceContext, period: Period, folder: Path, progress: Progress | None = None
) -> list[Path]:
    """Write each commune's report of `period` into `folder`; the files written."""
    communes = CommuneService(ctx).communes()
    written: list[Path] = []
    for done, (code, name) in enumerate(communes, start=1):
        one = ctx.for_commune(code)
        with one.read_session() as session:
            commune = require_commune(session)
            state = status_in(session, commune.id, period).state
        if state is ReportState.EMPTY:
            continue
        ensure_own_key(one)  # every report is signed, drafts too
        with one.read_session() as session:
            commune = require_commune(session)
            submitted = snapshots.submitted_figures(session, one.catalogue, commune, period)
            identity = figures = previous = version = None
            if submitted is not None:
                version, figures = submitted
                row = submissions_repo.latest_submission(session, commune.id, period.key)
                assert row is not None
                identity = Identity(row.version, row.submitted_at, row.uid or "")
                locked = snapshots.locked_snapshot(session, commune, period)
                previous = locked[1].previous if locked else None
            document = build_document(
                session,
                one,
                commune_profile(session),
                period,
                submitted is None,
                version,
                identity=identity,
                figures=figures,
                previous=previous,
            )
        path = folder / f"{code}-{slug(name)}-{period.key}.xlsx"
        write_report(path, document)
        written.append(path)
        if progress is not None:
            progress(done, len(communes))
    return written
