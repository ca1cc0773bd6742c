"""What the window shows of reports and workbooks: the window never imports `excel` itself.

The report document (the rows and texts of the official form, also printed by the window)
and the one rule for an Excel file name (".xlsx" added when it lacks it).
"""

from __future__ import annotations

from commune_desk.excel.atomic import xlsx_path
from commune_desk.excel.report_document import (
    REPORT_COLUMN_MARKS,
    REPORT_HEADERS,
    ReportDocument,
    ReportRow,
)

__all__ = [
    "REPORT_COLUMN_MARKS",
    "REPORT_HEADERS",
    "ReportDocument",
    "ReportRow",
    "xlsx_path",
]
