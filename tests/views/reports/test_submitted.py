"""The print preview of a submitted period names its version."""

from __future__ import annotations

from commune_desk.domain.periods import Period
from commune_desk.services.reports import ReportService


def test_the_print_preview_of_a_submitted_period_names_its_version(ctx, tmp_path):
    from commune_desk.views.reports.printing import report_html

    quarter = Period.parse("2026-Q3")
    assert "BÁO CÁO (BẢN NHÁP)" in report_html(ReportService(ctx).preview(quarter).document)
    ReportService(ctx).export(quarter, tmp_path / "q3.xlsx")
    html = report_html(ReportService(ctx).preview(quarter).document)
    assert "BÁO CÁO (PHIÊN BẢN 1)" in html and "NHÁP" not in html
