"""A target of a year whose report was submitted is refused, with what was submitted."""

from __future__ import annotations

from commune_desk.domain.periods import Period
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.reports import ReportService
from commune_desk.views.targets.page import TargetsPage
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle
from tests.support.targets import CODE, type_in_own_cell


def test_a_target_of_a_submitted_year_is_refused_in_the_window(qtbot, ctx, tmp_path):
    ReportService(ctx).export(Period.parse("2026-Q3"), tmp_path / "q3.xlsx")
    page = TargetsPage(ctx, FakeDialogs())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    type_in_own_cell(qtbot, page, "85")
    qtbot.waitUntil(lambda: "phiên bản 1" in page.ui.message_label.text())
    text = page.ui.message_label.text()
    assert "Quý III/2026" in text and "đã nộp 80, nay 85" in text
    assert IndicatorService(ctx).targets(2026)[CODE] == 80
