from __future__ import annotations

import pytest

from commune_desk.services.commune import CommuneService
from commune_desk.services.overview import OverviewService
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.overview.figures_model import Column, FiguresModel
from commune_desk.views.shell.compose import build_main_window
from tests.support.fakes import FakeDialogs
from tests.support.grid import go, type_value
from tests.support.kernel import wait_idle


@pytest.fixture
def window(qtbot, ctx, settings):
    ValuesService(ctx).save(
        [
            ValueChange("tthc.received_online", "2026-08", 420),
            ValueChange("tthc.received_direct", "2026-08", 80),
            ValueChange("tthc.received_online", "2026-10", 500),
        ]
    )
    w = build_main_window(ctx, CommuneService(ctx).profile(), settings, FakeDialogs())
    qtbot.addWidget(w)
    w.show()
    return w


def _row(model: FiguresModel, code: str) -> int:
    return next(i for i in range(model.rowCount()) if model.row_at(i).code == code)


def test_header_shows_the_commune_and_the_current_period(window):
    assert "Xã Thiệu Trung" in window.ui.commune_label.text()
    assert "Tháng 11/2026" in window.ui.current_period_label.text()
    assert window.ui.section_list.count() == 10
    assert window.current_key == "overview"


def test_overview_shows_the_current_quarter(qtbot, window):
    page = window.page("overview")
    qtbot.waitUntil(
        lambda: page.model.rowCount() > 0 and not page.busy
    )  # computed in the background
    assert page.ui.period_combo.currentText() == "Quý IV/2026"
    row = _row(page.model, "tthc.received_online")
    assert page.model.index(row, Column.VALUE).data() == "500"
    assert page.model.index(row, Column.YTD).data() == "920"


def test_choosing_another_period_updates_the_figures(qtbot, window):
    page = window.page("overview")
    combo = page.ui.period_combo
    wait_idle(qtbot)  # the periods offered follow the cut-off mode, read off the UI thread
    combo.setCurrentIndex(combo.findData("2026-Q3"))
    qtbot.waitUntil(lambda: page.overview is not None and page.overview.period.key == "2026-Q3")
    row = _row(page.model, "ind.online_records_pct")
    assert page.model.index(row, Column.VALUE).data() == "84,0"
    assert "1/7/2026" in page.ui.window_label.text()


def test_keyboard_switches_sections_and_the_last_one_is_remembered(qtbot, window, ctx, settings):
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "consolidation"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "settings"
    window.close()
    again = build_main_window(ctx, CommuneService(ctx).profile(), settings, FakeDialogs())
    qtbot.addWidget(again)
    assert again.current_key == "settings"


def test_figures_model_passes_the_model_tester(qtbot, qtmodeltester, window):
    page = window.page("overview")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtmodeltester.check(page.model)


def test_every_section_opens(window):
    for key in (
        "overview",
        "monthly",
        "training",
        "teams",
        "classes",
        "villages",
        "targets",
        "reports",
        "settings",
    ):
        page = window.show_section(key)
        assert window.ui.page_stack.currentWidget() is page
        assert window.current_key == key


def test_cutoff_change_in_settings_updates_the_header(qtbot, window):
    page = window.show_section("settings")
    wait_idle(qtbot)
    assert "Tháng 11/2026" in window.ui.current_period_label.text()
    page.ui.cutoff_combo.setCurrentIndex(1)
    page.ui.cutoff_combo.activated.emit(1)  # Decree 09: 21/11 already belongs to December
    wait_idle(qtbot)
    assert "Tháng 12/2026" in window.ui.current_period_label.text()


def test_a_value_saved_in_the_grid_is_redrawn_in_the_overview(qtbot, window, ctx):
    overview = window.show_section("overview")
    qtbot.waitUntil(lambda: overview.overview is not None and not overview.busy)
    before = overview.overview.card("ind.online_records_pct").value
    grid = window.show_section("monthly")
    wait_idle(qtbot)
    go(grid, "tthc.received_online", "2026-11")
    type_value(qtbot, grid, "0")
    type_value(qtbot, grid, "500")  # Enter moved down to the direct ones
    with qtbot.waitSignal(overview.loaded, timeout=10_000):  # told on the bus, read when shown
        window.show_section("overview")
    now = OverviewService(ctx).load(overview.period(), overview.granularity())
    expected = now.card("ind.online_records_pct").value
    assert expected != before
    assert overview.overview.card("ind.online_records_pct").value == pytest.approx(expected)


def test_the_first_window_fits_an_office_screen():
    from PySide6.QtCore import QRect

    from commune_desk.views.shell.main_window import FRAME_TOP, fit_on_screen

    office = QRect(0, 0, 1366, 728)  # 1366×768 less the taskbar
    first = fit_on_screen(QRect(0, 0, 1200, 760), office, centre=True)
    assert first.top() - FRAME_TOP >= office.top()  # the title bar stays on the screen
    assert first.bottom() <= office.bottom() and first.right() <= office.right()
    assert first.width() == 1200
    kept = fit_on_screen(QRect(300, 20, 1600, 1000), office, centre=False)
    assert office.contains(kept) and kept.top() >= FRAME_TOP
    roomy = QRect(0, 0, 1920, 1040)
    assert fit_on_screen(QRect(0, 0, 1200, 760), roomy, centre=True).size().toTuple() == (
        1200,
        760,
    )
