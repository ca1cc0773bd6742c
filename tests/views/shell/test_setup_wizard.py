from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit

from commune_desk.domain.periods import Mode
from commune_desk.views.accounts.dialog import AccountInput
from commune_desk.views.shell.setup_wizard import SetupChoice, SetupValues, SetupWizard

SUPERVISOR = AccountInput("chutich", "Lê Văn Chủ", "supervisor", "", "mat-khau-chu-tich")


def type_text(widget, text: str) -> None:
    """Type as a keyboard (or a Vietnamese input method) does; QTest.keyClicks is ASCII-only."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def wizard(qtbot):
    dialog = SetupWizard()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, wizard: SetupWizard, code="15880", name="Xã Thiệu Trung", province="Thanh Hóa"):
    qtbot.keyClicks(wizard.ui.commune_code_edit, code)
    type_text(wizard.ui.commune_name_edit, name)
    type_text(wizard.ui.province_edit, province)
    fill_supervisor(qtbot, wizard)


def fill_supervisor(qtbot, wizard: SetupWizard) -> None:
    ui = wizard.ui
    qtbot.keyClicks(ui.supervisor_username_edit, SUPERVISOR.username)
    type_text(ui.supervisor_name_edit, SUPERVISOR.full_name)
    qtbot.keyClicks(ui.supervisor_password_edit, SUPERVISOR.password)
    qtbot.keyClicks(ui.supervisor_confirm_edit, SUPERVISOR.password)


def test_ok_waits_for_a_five_digit_code_a_name_and_a_province(qtbot, wizard):
    ui = wizard.ui
    assert not wizard.ui.start_button.isEnabled()
    assert ui.validation_label.text() == "Nhập mã xã (5 chữ số)."
    qtbot.keyClicks(ui.commune_code_edit, "1588")
    assert not wizard.ui.start_button.isEnabled()
    assert ui.validation_label.text() == "Mã xã gồm 5 chữ số; mới nhập 4 chữ số."
    qtbot.keyClicks(ui.commune_code_edit, "0")
    assert ui.validation_label.text() == "Nhập tên xã."
    type_text(ui.commune_name_edit, "Xã Thiệu Trung")
    assert not wizard.ui.start_button.isEnabled()
    assert ui.validation_label.text() == "Nhập tên tỉnh, thành phố."
    type_text(ui.province_edit, "Thanh Hóa")
    assert not wizard.ui.start_button.isEnabled()
    assert ui.validation_label.text() == "Nhập tên đăng nhập của lãnh đạo (ít nhất 3 ký tự)."
    qtbot.keyClicks(ui.supervisor_username_edit, "chutich")
    assert ui.validation_label.text() == "Nhập họ và tên của lãnh đạo."
    type_text(ui.supervisor_name_edit, "Lê Văn Chủ")
    assert ui.validation_label.text() == "Mật khẩu cần ít nhất 8 ký tự (mới có 0)."
    qtbot.keyClicks(ui.supervisor_password_edit, "1234567")
    assert ui.validation_label.text() == "Mật khẩu cần ít nhất 8 ký tự (mới có 7)."
    qtbot.keyClicks(ui.supervisor_password_edit, "8")
    assert ui.validation_label.text() == "Hai lần nhập mật khẩu chưa khớp nhau."
    qtbot.keyClicks(ui.supervisor_confirm_edit, "12345678")
    assert wizard.ui.start_button.isEnabled()
    assert ui.validation_label.text() == ""


def test_the_code_takes_digits_only_and_five_at_most(qtbot, wizard):
    qtbot.keyClicks(wizard.ui.commune_code_edit, "15a8.80 99")
    assert wizard.ui.commune_code_edit.text() == "15880"


def test_ok_creates_with_the_values_typed(qtbot, wizard):
    fill(qtbot, wizard, name="  Xã Thiệu Trung ")
    qtbot.keyClick(wizard.ui.cutoff_combo, Qt.Key.Key_Down)
    qtbot.mouseClick(wizard.ui.start_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.choice is SetupChoice.CREATE
    assert wizard.values() == SetupValues(
        "15880", "Xã Thiệu Trung", "Thanh Hóa", Mode.DECREE09, SUPERVISOR
    )


def test_enter_in_the_last_field_creates(qtbot, wizard):
    fill(qtbot, wizard)
    qtbot.keyClick(wizard.ui.supervisor_confirm_edit, Qt.Key.Key_Return)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.choice is SetupChoice.CREATE
    assert wizard.values().cutoff_mode is Mode.CALENDAR


def test_enter_does_nothing_while_the_form_is_incomplete(qtbot, wizard):
    fill(qtbot, wizard, province="")
    qtbot.keyClick(wizard.ui.commune_name_edit, Qt.Key.Key_Return)
    assert wizard.isVisible()
    assert wizard.choice is None


def test_the_demo_button_asks_for_the_demo_data(qtbot, wizard):
    qtbot.mouseClick(wizard.ui.demo_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.choice is SetupChoice.DEMO


def test_cancel_chooses_nothing(qtbot, wizard):
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.choice is None


def test_a_language_change_keeps_the_state(qtbot, wizard):
    qtbot.keyClicks(wizard.ui.commune_code_edit, "158")
    QCoreApplication.sendEvent(wizard, QEvent(QEvent.Type.LanguageChange))
    assert wizard.ui.start_button.text() == "&Bắt đầu"
    assert wizard.ui.commune_code_edit.text() == "158"
    assert "3 chữ số" in wizard.ui.validation_label.text()
    assert not wizard.ui.start_button.isEnabled()


def test_every_input_has_a_buddy_and_an_accessible_name(wizard):
    buddies = {label.buddy() for label in wizard.findChildren(QLabel) if label.buddy()}
    inputs = [*wizard.findChildren(QLineEdit), *wizard.findChildren(QComboBox)]
    assert len(inputs) == 8
    for widget in inputs:
        assert widget in buddies, widget.objectName()
        assert widget.accessibleName(), widget.objectName()
