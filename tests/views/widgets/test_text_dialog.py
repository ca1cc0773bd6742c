"""A question that needs an answer: OK stays disabled while it is blank, the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit

from commune_desk.views.widgets.dialogs import text_dialog


def test_a_required_reason_cannot_be_confirmed_blank(qtbot):
    dialog = text_dialog(None, "Mở khóa kỳ báo cáo", "Lý do mở khóa:", required=True)
    qtbot.addWidget(dialog)
    dialog.open()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    edit = dialog.findChild(QLineEdit)
    assert not ok.isEnabled()
    qtbot.keyClicks(edit, "   ")
    assert not ok.isEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter on a blank reason: nothing happens
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.keyClicks(edit, "Sai so lieu thang 9")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QInputDialog.DialogCode.Accepted
    assert dialog.textValue().strip() == "Sai so lieu thang 9"


def test_an_optional_answer_may_be_blank(qtbot):
    dialog = text_dialog(None, "Tiêu đề", "Ghi chú:")
    qtbot.addWidget(dialog)
    dialog.open()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
