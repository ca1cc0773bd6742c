"""Every commune's report of a period, straight from a database that holds many communes.

`consolidate --db` consolidates them exactly as the files communes send: each report's `_data`
content goes through the file reader's checks (`period_reports`), with no workbook written or
read, so the workbook is the same; `write_period_reports` writes them as files. A commune whose
period is locked reports what its submission reported (the snapshot, under its version and
identity, signed with its key); one that is still entering figures reports a draft (left out
of the totals unless drafts are included, as a draft file would be); one without any figure
for the period reports nothing (missing, as a commune that sent nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from commune_desk.data.backup import slug
from commune_desk.data.repositories import submissions as submissions_repo
from commune_desk.domain.consolidation import Issue
from commune_desk.domain.periods import Period
from commune_desk.excel.consolidation_reader import CommuneReport, ReportReader
from commune_desk.excel.data_sheet import data_sheet_of
from commune_desk.excel.report import write_report
from commune_desk.excel.report_document import ReportDocument
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
    written: list[Path] = []
    for name, document in period_documents(ctx, period, progress):
        path = folder / name
        write_report(path, document)
        written.append(path)
    return written


def period_reports(
    ctx: ServiceContext, period: Period, progress: Progress | None = None
) -> list[CommuneReport | Issue]:
    """Each commune's report of `period` as the consolidation reads it from its file (or
    why it is unusable), named as that file would be; no workbook is written or read."""
    reader = ReportReader(ctx.catalogue)
    return [
        reader.read_data(data_sheet_of(name, document.data, document.data_signature))
        for name, document in period_documents(ctx, period, progress)
    ]


def period_documents(
    ctx: ServiceContext, period: Period, progress: Progress | None = None
) -> Iterator[tuple[str, ReportDocument]]:
    """Each commune's report document of `period`, with the name of its file."""
    communes = CommuneService(ctx).communes()
    for done, (code, name) in enumerate(communes, start=1):
        document = _document(ctx.for_commune(code), period)
        if document is not None:
            yield f"{code}-{slug(name)}-{period.key}.xlsx", document
        if progress is not None:
            progress(done, len(communes))


def _document(one: ServiceContext, period: Period) -> ReportDocument | None:
    """The commune's report of `period`; None when it has no figure for the period."""
    with one.read_session() as session:
        commune = require_commune(session)
        state = status_in(session, commune.id, period).state
    if state is ReportState.EMPTY:
        return None
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
        return build_document(
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
