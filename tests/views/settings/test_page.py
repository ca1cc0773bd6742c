from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from commune_desk.domain.documents import date_line, recipient_lines
from commune_desk.domain.periods import Mode
from commune_desk.services.commune import CommuneService
from commune_desk.views.settings.page import SettingsPage
from commune_desk.views.widgets.app_settings import LANGUAGE, AppSettings
from tests.support.kernel import wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier


def type_text(widget, text: str) -> None:
    """Type as a keyboard (or a Vietnamese input method) does; QTest.keyClicks is ASCII-only."""
    for ch in text:
        if ch == "\n":
            QApplication.sendEvent(
                widget,
                QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
                ),
            )
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def replace_text(qtbot, widget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    type_text(widget, text)


@pytest.fixture
def page(qtbot, ctx, dialogs, settings):
    widget = SettingsPage(ctx, dialogs, settings)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    wait_idle(qtbot)
    return widget


def test_the_page_shows_the_commune(page):
    ui = page.ui
    assert ui.commune_code_edit.text() == "15880"
    assert ui.commune_code_edit.isReadOnly()
    assert ui.commune_name_edit.text() == "Xã Thiệu Trung"
    assert ui.province_edit.text() == "Thanh Hóa"
    assert ui.cutoff_combo.currentIndex() == 0
    assert ui.language_combo.currentText() == "Tiếng Việt"


def test_enter_saves_a_new_name_and_tells_the_window(qtbot, page, ctx):
    edit = page.ui.commune_name_edit
    replace_text(qtbot, edit, "Xã Thiệu Trung Mới")
    with qtbot.waitSignal(page.profile_changed) as blocker:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        wait_idle(qtbot)
    assert blocker.args[0].name == "Xã Thiệu Trung Mới"
    assert CommuneService(ctx).profile().name == "Xã Thiệu Trung Mới"
    assert page.ui.profile_status_label.text() == "Đã lưu thông tin xã."


def test_the_save_button_saves_the_province(qtbot, page, ctx):
    replace_text(qtbot, page.ui.province_edit, "Nghệ An")
    with qtbot.waitSignal(page.profile_changed):
        qtbot.mouseClick(page.ui.save_profile_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot)
    assert CommuneService(ctx).profile().province == "Nghệ An"


def test_an_empty_name_is_refused_with_a_message(qtbot, page, ctx):
    edit = page.ui.commune_name_edit
    replace_text(qtbot, edit, "   ")
    with qtbot.assertNotEmitted(page.profile_changed):
        qtbot.mouseClick(page.ui.save_profile_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot)
    assert "Chưa nhập tên xã" in page.ui.profile_status_label.text()
    assert CommuneService(ctx).profile().name == "Xã Thiệu Trung"
    assert edit.hasFocus()


def test_choosing_the_decree_09_cutoff_applies_it_after_confirmation(qtbot, page, ctx, dialogs):
    with qtbot.waitSignal(page.profile_changed) as blocker:
        qtbot.keyClick(page.ui.cutoff_combo, Qt.Key.Key_Down)
        wait_idle(qtbot)
    assert blocker.args[0].cutoff_mode is Mode.DECREE09
    assert CommuneService(ctx).profile().cutoff_mode is Mode.DECREE09
    assert [kind for kind, _, _ in dialogs.asked] == ["confirm"]


def test_declining_the_cutoff_change_keeps_calendar_months(qtbot, page, ctx, dialogs):
    dialogs.confirm_answer = False
    with qtbot.assertNotEmitted(page.profile_changed):
        qtbot.keyClick(page.ui.cutoff_combo, Qt.Key.Key_Down)
        wait_idle(qtbot)
    assert page.ui.cutoff_combo.currentIndex() == 0
    assert CommuneService(ctx).profile().cutoff_mode is Mode.CALENDAR


def test_signer_and_recipients_are_saved_for_the_report(qtbot, page, ctx):
    ui = page.ui
    qtbot.keyClick(ui.signer_title_combo, Qt.Key.Key_Down)  # PHÓ CHỦ TỊCH
    assert ui.signer_capacity_combo.currentText() == ""  # nothing to pair with yet
    qtbot.keyClick(ui.signer_capacity_combo, Qt.Key.Key_Down)  # KT. CHỦ TỊCH
    type_text(ui.signer_name_edit, "Lê Văn Hùng")
    type_text(ui.preparer_name_edit, "Nguyễn Thị Lan")
    type_text(ui.report_place_edit, "Thiệu Trung")
    type_text(ui.report_number_prefix_edit, "BC-UBND")
    type_text(
        ui.recipients_edit, "- UBND tỉnh Thanh Hóa (b/c);\nSở Khoa học và Công nghệ\n\n- Lưu: VT."
    )
    qtbot.mouseClick(ui.save_report_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)

    stored = CommuneService(ctx).profile().settings
    assert stored["signer_name"] == "Lê Văn Hùng"
    assert stored["signer_title"] == "PHÓ CHỦ TỊCH"
    assert stored["signer_capacity"] == "KT. CHỦ TỊCH"
    assert stored["preparer_name"] == "Nguyễn Thị Lan"
    assert stored["report_place"] == "Thiệu Trung"
    assert stored["report_number_prefix"] == "BC-UBND"
    assert stored["recipients"] == "UBND tỉnh Thanh Hóa (b/c)\nSở Khoa học và Công nghệ"
    assert ui.report_status_label.text() == "Đã lưu thông tin báo cáo."
    preview = ui.report_preview_label.text()
    assert "Thiệu Trung, ngày 21 tháng 11 năm 2026" in preview
    assert "- Lưu: VT." in preview


def test_choosing_the_vice_chairman_switches_to_signing_on_behalf(qtbot, page):
    ui = page.ui
    ui.signer_capacity_combo.setCurrentText("TM. ỦY BAN NHÂN DÂN")
    ui.signer_title_combo.setCurrentText("CHỦ TỊCH")
    qtbot.keyClick(ui.signer_title_combo, Qt.Key.Key_Down)
    assert ui.signer_title_combo.currentText() == "PHÓ CHỦ TỊCH"
    assert ui.signer_capacity_combo.currentText() == "KT. CHỦ TỊCH"


def test_enter_in_a_report_field_saves(qtbot, page, ctx):
    type_text(page.ui.signer_name_edit, "Lê Văn Hùng")
    qtbot.keyClick(page.ui.signer_name_edit, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert CommuneService(ctx).profile().settings["signer_name"] == "Lê Văn Hùng"


def test_ctrl_s_saves_everything_that_changed(qtbot, page, ctx):
    replace_text(qtbot, page.ui.commune_name_edit, "Xã Thiệu Trung Mới")
    type_text(page.ui.report_place_edit, "Thiệu Trung")
    page.ui.report_place_edit.setFocus()
    with qtbot.waitSignal(page.profile_changed):
        qtbot.keyClick(page.ui.report_place_edit, Qt.Key.Key_S, CTRL)
        wait_idle(qtbot)
    profile = CommuneService(ctx).profile()
    assert profile.name == "Xã Thiệu Trung Mới"
    assert profile.settings["report_place"] == "Thiệu Trung"


def test_ctrl_s_without_changes_says_so(qtbot, page):
    page.ui.commune_name_edit.setFocus()
    with qtbot.assertNotEmitted(page.profile_changed):
        qtbot.keyClick(page.ui.commune_name_edit, Qt.Key.Key_S, CTRL)
    assert page.ui.profile_status_label.text() == "Không có thay đổi nào cần lưu."


def test_choosing_english_stores_it_and_asks_for_a_new_language(qtbot, page, settings, ctx):
    from commune_desk.views.widgets.app_settings import language_of

    with qtbot.waitSignal(page.language_changed) as blocker:
        qtbot.keyClick(page.ui.language_combo, Qt.Key.Key_Down)
    assert blocker.args == ["en"]
    assert language_of(settings, ctx.actor.username) == "en"  # the account's own choice
    assert settings.get(LANGUAGE) == "vi"
    again = AppSettings(settings.file_name)  # written to the file
    assert language_of(again, ctx.actor.username) == "en"


def test_refresh_keeps_what_the_user_is_typing(qtbot, page, ctx):
    replace_text(qtbot, page.ui.commune_name_edit, "Đang sửa")
    CommuneService(ctx).set_settings({"signer_name": "Lê Văn Hùng"})
    page.refresh()
    wait_idle(qtbot)
    assert page.ui.commune_name_edit.text() == "Đang sửa"
    assert page.ui.signer_name_edit.text() == "Lê Văn Hùng"


def test_a_language_change_retranslates_and_keeps_the_values(qtbot, page):
    type_text(page.ui.signer_name_edit, "Lê Văn Hùng")
    page.ui.profile_status_label.setText("old message")
    QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.ui.save_profile_button.text() == "&Lưu thông tin xã"
    assert page.ui.profile_status_label.text() == ""
    assert page.ui.signer_name_edit.text() == "Lê Văn Hùng"
    assert "Lê Văn Hùng" in page.ui.report_preview_label.text()
    assert page.ui.cutoff_combo.itemData(1) == "decree09"


def test_every_input_has_a_buddy_and_an_accessible_name(page):
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

    buddies = {label.buddy() for label in page.findChildren(QLabel) if label.buddy()}
    inputs = [
        w
        for kind in (QLineEdit, QComboBox, QPlainTextEdit)
        for w in page.findChildren(kind)
        if w.objectName() and not w.objectName().startswith("qt_")
    ]
    assert len(inputs) == 12
    for widget in inputs:
        assert widget in buddies, widget.objectName()
        assert widget.accessibleName(), widget.objectName()


def test_recipient_lines_drop_the_marks_the_report_adds():
    text = " - UBND tỉnh (b/c);\n\n• Đảng ủy xã,\nLưu: VT.\n- Lưu VT"
    assert recipient_lines(text) == ["UBND tỉnh (b/c)", "Đảng ủy xã"]


def test_the_date_line_pads_as_decree_30_asks():
    import datetime as dt

    assert (
        date_line("Thiệu Trung", dt.date(2025, 10, 5)) == "Thiệu Trung, ngày 05 tháng 10 năm 2025"
    )
    assert (
        date_line("Thiệu Trung", dt.date(2026, 2, 14)) == "Thiệu Trung, ngày 14 tháng 02 năm 2026"
    )
