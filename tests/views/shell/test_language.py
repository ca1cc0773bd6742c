"""English is applied without restart, to the window and to pages already built."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from commune_desk import paths
from commune_desk.services.commune import CommuneService
from commune_desk.views.shell.compose import build_main_window
from commune_desk.views.widgets.app_settings import LANGUAGE, AppSettings, language_of
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
    assert language_of(settings, ctx.actor.username) == "en"  # this account's choice
    assert settings.get(LANGUAGE) == "vi"  # the PC's (the log-in) is left alone
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


def test_each_account_keeps_its_own_language(qtbot, ctx, tmp_path, translations):
    from dataclasses import replace

    from commune_desk.services.context import Actor

    settings = AppSettings(tmp_path / "s.ini")
    lan = replace(ctx, actor=Actor("lan", "officer"))
    window = build_main_window(
        lan, CommuneService(lan).profile(), settings, FakeDialogs(), translations.switch
    )
    qtbot.addWidget(window)
    page = window.show_section("settings")
    wait_idle(qtbot)
    english = page.ui.language_combo.findData("en")
    page.ui.language_combo.setCurrentIndex(english)
    page.ui.language_combo.activated.emit(english)
    assert language_of(settings, "lan") == "en"
    assert language_of(settings, "hoa") == "vi"  # another account: the PC's language
    translations.switch(language_of(settings, "hoa"))
    hoa = replace(ctx, actor=Actor("hoa", "officer"))
    other = build_main_window(
        hoa, CommuneService(hoa).profile(), settings, FakeDialogs(), translations.switch
    )
    qtbot.addWidget(other)
    combo = other.show_section("settings").ui.language_combo
    wait_idle(qtbot)
    assert combo.currentData() == "vi"
    translations.switch(language_of(settings, "LAN"))  # the same account, however typed
    qtbot.waitUntil(lambda: other.ui.section_list.item(0).text() == "Overview")


def test_fill_puts_each_value_once_even_when_a_value_holds_a_placeholder():
    from commune_desk.views.widgets.i18n import fill

    assert fill("Không lưu «%1»: %2", "tỷ lệ %2", "lỗi") == "Không lưu «tỷ lệ %2»: lỗi"
    assert fill("%1 — %3", "a") == "a — %3"  # a place without a value stays


# Vietnamese letters no English text has; data (names, the catalogue's labels, official
# wording, examples) may hold them, so those widgets are left out by name.
_VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_DATA = {
    "card_label_label",
    "card_target_label",
    "status_label",
    "cutoff_hint_label",
    "recipients_hint_label",  # quotes the official «- Lưu: VT.»
    "report_preview_label",
    "commune_name_edit",
    "province_edit",
    "signer_name_edit",
    "report_place_edit",
    "",  # the official wording's placeholders (TM. ỦY BAN NHÂN DÂN …)
}


def _texts(page) -> list[tuple[str, str]]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTabBar

    found = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if widget.isVisibleTo(page) and widget.objectName() not in _DATA:
            found.append((widget.objectName(), widget.text()))
    for edit in page.findChildren(QLineEdit):
        if edit.isVisibleTo(page) and edit.objectName() not in _DATA:
            found.append((edit.objectName(), edit.placeholderText()))
    for bar in page.findChildren(QTabBar):
        found += [(bar.objectName(), bar.tabText(i)) for i in range(bar.count())]
    return found


def _walk(qtbot, window, check) -> None:
    from commune_desk.views.shell.main_window import SECTION_TITLES

    for key in SECTION_TITLES:
        if key in ("accounts", "audit") and window.existing_page(key) is None:
            continue
        for name, text in _texts(window.page(key)):
            assert check(text), (key, name, text)


def test_every_page_changes_language_at_once_both_ways(qtbot, ctx, tmp_path, translations):
    from dataclasses import replace

    from commune_desk.services.context import Actor
    from commune_desk.views.shell.main_window import SECTION_TITLES

    supervisor = replace(ctx, actor=Actor("lanhdao", "supervisor"))  # every section, role notes
    window = build_main_window(
        supervisor,
        CommuneService(supervisor).profile(),
        AppSettings(tmp_path / "s.ini"),
        FakeDialogs(),
    )
    qtbot.addWidget(window)
    window.show()
    for key in SECTION_TITLES:  # every page built in Vietnamese first
        window.show_section(key)
    wait_idle(qtbot)
    translations.switch("en")
    qtbot.waitUntil(lambda: window.ui.section_list.item(0).text() == "Overview")
    qtbot.wait(50)  # the LanguageChange events reach every page through the event loop
    wait_idle(qtbot)  # and what a page reads again in the new language has arrived
    _walk(qtbot, window, lambda text: not _VIETNAMESE.search(text))
    training = window.page("training")
    assert training.tabs.tabText(0) == "Staff"
    assert training.current_page().ui.add_action.text().replace("&", "").rstrip("…") == "Add"
    translations.switch("vi")
    qtbot.waitUntil(lambda: window.ui.section_list.item(0).text() == "Tổng quan")
    qtbot.wait(50)
    assert training.tabs.tabText(0) != "Staff"
    assert training.current_page().ui.add_action.text().replace("&", "").rstrip("…") == "Thêm"
    english_words = re.compile(r"\b(the|and|of|to|is|not|add|edit|delete|search|only)\b", re.I)
    _walk(qtbot, window, lambda text: not (text.isascii() and english_words.search(text)))
