"""`consolidate --db URL --period P`: the consolidation of every commune of a database, made
from their reports written into a temporary folder (services/commune_reports.py), so the
workbook is the one the same reports sent as files would give."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
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
    from commune_desk.services.commune_reports import write_period_reports
    from commune_desk.services.consolidation import ConsolidationService

    if not args.period:
        raise UsageError("consolidate --db cần --period (ví dụ 2025-Q3).")
    period = Period.parse(args.period)
    db = open_database(args, choose=False)  # every commune of the database
    try:
        with tempfile.TemporaryDirectory(prefix="commune-desk-") as folder:
            write_period_reports(db.context, period, Path(folder))
            service = ConsolidationService(db.context.catalogue)
            return service.consolidate(
                [Path(folder)],
                xlsx_path(args.out),
                period.key,
                args.units,
                args.template,
                include_drafts=args.include_drafts,
                document=document,
            )
    finally:
        db.close()
