"""The narrative typed on Báo cáo: saved per period with its button, locked once submitted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from commune_desk.domain.periods import Period
from commune_desk.services.narratives import NarrativeService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.kernel import Changes, Kind, kernel
from commune_desk.views.reports.page import ReportsPage
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle

Q3 = Period.parse("2026-Q3")


def test_the_clerk_types_the_narrative_saves_it_and_the_submission_locks_it(qtbot, ctx, tmp_path):
    # keyClicks types ASCII only (QtTest); the service tests carry the Vietnamese texts.
    ValuesService(ctx).save([ValueChange("tthc.received_online", "2026-09", 1168)])
    dialogs = FakeDialogs()
    page = ReportsPage(ctx, dialogs, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    page.ui.period_combo.setCurrentIndex(page.ui.period_combo.findData(Q3.key))
    wait_idle(qtbot)
    ui = page.ui
    qtbot.keyClicks(ui.assessment_edit, "Moi thon deu co to cong nghe so.")
    qtbot.keyClicks(ui.proposals_edit, "Ho tro 20 dien thoai.")
    heard: list[Changes] = []
    kernel().bus.changed.connect(lambda changes, _by: heard.append(changes))
    qtbot.mouseClick(ui.narrative_save_button, Qt.MouseButton.LeftButton)
    assert not ui.narrative_save_button.isEnabled()  # while the save runs
    wait_idle(qtbot)
    assert any(Kind.NARRATIVES in c.kinds and "2026-09" in c.periods for c in heard)
    saved = NarrativeService(ctx).get(Q3)
    assert saved["assessment"] == "Moi thon deu co to cong nghe so."
    assert saved["proposals"] == "Ho tro 20 dien thoai."
    assert ui.assessment_edit.toPlainText() == "Moi thon deu co to cong nghe so."  # read back

    ReportService(ctx).export(Q3, tmp_path / "nop.xlsx")
    page.refresh()
    wait_idle(qtbot)
    assert ui.assessment_edit.isReadOnly() and not ui.narrative_save_button.isEnabled()
