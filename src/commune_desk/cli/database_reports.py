"""`consolidate --db URL --period P`: the consolidation of every commune of a database, made
from their reports' content read as their files would be (services/commune_reports.py), so the
workbook is the one the same reports sent as files would give; no report file is written."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from commune_desk.cli.common import UsageError, open_database
from commune_desk.excel.atomic import xlsx_path

if TYPE_CHECKING:
    from commune_desk.services.consolidation import ConsolidationResult
    from commune_desk.services.province_document import DocumentSettings


def consolidate_database(
    args: argparse.Namespace, document: DocumentSettings
) -> ConsolidationResult:
    from commune_desk.domain.periods import Period
    from commune_desk.services.commune_reports import period_reports
    from commune_desk.services.consolidation import ConsolidationService

    if not args.period:
        raise UsageError("consolidate --db cần --period (ví dụ 2025-Q3).")
    period = Period.parse(args.period)
    db = open_database(args, choose=False)  # every commune of the database
    try:
        reports = period_reports(db.context, period)
        service = ConsolidationService(db.context.catalogue)
        return service.consolidate(
            [],
            xlsx_path(args.out),
            period.key,
            args.units,
            args.template,
            include_drafts=args.include_drafts,
            document=document,
            reports=reports,
        )
    finally:
        db.close()
