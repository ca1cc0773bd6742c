"""English is applied without restart, to the window and to pages already built."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from commune_desk import paths
from commune_desk.services.commune import CommuneService
from commune_desk.views.shell.compose import build_main_window
from commune_desk.views.widgets.app_settings import LANGUAGE, AppSettings
from commune_desk.views.widgets.i18n import Translations
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle


@pytest.fixture
def translations(qapp):
    t = Translations(qapp, paths.translations_dir())
    yield t
    t.switch("vi")


def test_choosing_english_in_settings_translates_the_open_window(
    qtbot, ctx, tmp_path, translations
):
    settings = AppSettings(tmp_path / "s.ini")
    window = build_main_window(
        ctx, CommuneService(ctx).profile(), settings, FakeDialogs(), translations.switch
    )
    qtbot.addWidget(window)
    window.show()
    overview = window.page("overview")
    grid = window.page("monthly")
    page = window.show_section("settings")
    wait_idle(qtbot)  # what the pages read has arrived
    english = page.ui.language_combo.findData("en")
    page.ui.language_combo.setCurrentIndex(english)
    page.ui.language_combo.activated.emit(english)
    assert settings.get(LANGUAGE) == "en"
    # Qt delivers LanguageChange to the widgets through the event loop.
    qtbot.waitUntil(lambda: window.ui.section_list.item(0).text() == "Overview")
    qtbot.waitUntil(lambda: grid.ui.period_combo.currentText() == "Q4 2026")
    assert "Current period" in window.ui.current_period_label.text()
    assert "November 2026" in window.ui.current_period_label.text()
    assert overview.ui.period_combo.currentText() == "Q4 2026"
    assert overview.model.headerData(0, Qt.Orientation.Horizontal) == "Indicator"
    assert grid.ui.period_combo.currentText() == "Q4 2026"
    translations.switch("vi")
    qtbot.waitUntil(lambda: window.ui.section_list.item(0).text() == "Tổng quan")
    qtbot.waitUntil(lambda: overview.ui.period_combo.currentText() == "Quý IV/2026")


def test_fill_puts_each_value_once_even_when_a_value_holds_a_placeholder():
    from commune_desk.views.widgets.i18n import fill

    assert fill("Không lưu «%1»: %2", "tỷ lệ %2", "lỗi") == "Không lưu «tỷ lệ %2»: lỗi"
    assert fill("%1 — %3", "a") == "a — %3"  # a place without a value stays
