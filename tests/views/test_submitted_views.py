"""A submitted period in the window: the lock guard's refusal, what a restore asks."""

from __future__ import annotations

from dataclasses import replace

from commune_desk.domain.periods import Period
from commune_desk.services.backups import BackupService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database
from commune_desk.views.settings.restore_dialog import RestoreDialog
from commune_desk.views.targets.page import TargetsPage
from tests.conftest import CATALOGUE
from tests.views.fakes import FakeDialogs
from tests.views.test_backups_views import settings_page
from tests.views.test_targets_page import CODE, type_in_own_cell


def test_a_target_of_a_submitted_year_is_refused_in_the_window(qtbot, ctx, tmp_path):
    ReportService(ctx).export(Period.parse("2026-Q3"), tmp_path / "q3.xlsx")
    page = TargetsPage(ctx, FakeDialogs())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    type_in_own_cell(qtbot, page, "85")
    qtbot.waitUntil(lambda: "phiên bản 1" in page.ui.message_label.text())
    text = page.ui.message_label.text()
    assert "Quý III/2026" in text and "đã nộp 80, nay 85" in text
    assert IndicatorService(ctx).targets(2026)[CODE] == 80


def test_restoring_another_communes_backup_names_both_and_goes_on_when_confirmed(
    qtbot, ctx, tmp_path
):
    other_path = tmp_path / "other.sqlite3"
    other = open_database(other_path, CATALOGUE, Actor("t", "officer"))
    CommuneService(other.context).init("15881", "Xã Thiệu Quang", "Thanh Hóa")
    other.close()
    supervisor = replace(ctx, actor=Actor("ld", "supervisor"))
    summary = BackupService(supervisor, tmp_path / "backups").describe(other_path)
    assert summary.other_commune
    dialog = RestoreDialog(summary)
    qtbot.addWidget(dialog)
    warning = dialog.warning_label.text()
    assert "Xã Thiệu Quang (mã 15881)" in warning and "Xã Thiệu Trung (mã 15880)" in warning
    asked = []
    page = settings_page(qtbot, supervisor, tmp_path, lambda parent, s: asked.append(s) or True)
    page.backups._dialogs.open_path = other_path
    with qtbot.waitSignal(page.database_restored):
        page.ui.restore_file_button.click()
    assert asked[0].other_commune
    assert CommuneService(ctx).profile().code == "15881"


def test_the_print_preview_of_a_submitted_period_names_its_version(ctx, tmp_path):
    from commune_desk.views.reports.printing import report_html

    quarter = Period.parse("2026-Q3")
    assert "BÁO CÁO (BẢN NHÁP)" in report_html(ReportService(ctx).preview(quarter).document)
    ReportService(ctx).export(quarter, tmp_path / "q3.xlsx")
    html = report_html(ReportService(ctx).preview(quarter).document)
    assert "BÁO CÁO (PHIÊN BẢN 1)" in html and "NHÁP" not in html
