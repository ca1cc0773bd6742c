"""A write that meets another copy's long write: the clerk loses nothing typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from commune_desk.views.monthly.page import MonthlyGridPage
from commune_desk.views.records.dialog import RecordDialog
from tests.support.busy import holder, second_copy, stored
from tests.support.fakes import FakeDialogs
from tests.support.grid import go, type_value
from tests.support.kernel import wait_idle
from tests.support.keyboard import type_text

__all__ = ["holder"]  # a fixture used by the tests below
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_grid_keeps_a_value_refused_by_a_busy_database_for_ctrl_r(
    qtbot, opened, db_path, holder
):
    dialogs = FakeDialogs(confirm_answer=False)  # "Thử lại ngay?" -> not now
    page = MonthlyGridPage(second_copy(opened, db_path, busy_timeout_ms=50), dialogs)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    wait_idle(qtbot)
    go(page, "tthc.procedures", "2026-10")
    type_value(qtbot, page, "12")
    (question,) = dialogs.texts("confirm")
    assert "đang bận" in question and "Thử lại" in question
    assert "Ctrl+R" in page.ui.message_label.text()
    assert stored(opened.context, "2026-10") is None
    holder.release()
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_R, CTRL)
    wait_idle(qtbot)
    assert stored(opened.context, "2026-10").value == 12
    assert page.model.index_of("tthc.procedures", "2026-10").data() == "12"


def test_the_grid_retries_at_once_when_asked(qtbot, opened, db_path, holder):
    dialogs = FakeDialogs(confirm_answer=True)
    dialogs.confirm = lambda *a: (holder.release(), True)[1]  # the other copy is done by then
    page = MonthlyGridPage(second_copy(opened, db_path, busy_timeout_ms=50), dialogs)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    wait_idle(qtbot)
    go(page, "tthc.procedures", "2026-10")
    type_value(qtbot, page, "7")
    assert stored(opened.context, "2026-10").value == 7


def test_a_record_dialog_stays_open_with_its_fields(qtbot, opened, db_path, holder):
    dialog = RecordDialog(second_copy(opened, db_path, busy_timeout_ms=50), "villages")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.editor("code"), "T01")
    type_text(qtbot, dialog.editor("name"), "Thôn Đông")
    dialog.ok_button.click()
    wait_idle(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    assert "đang bận" in dialog.ui.message_label.text()
    assert dialog.editor("name").text() == "Thôn Đông"
    holder.release()
    dialog.ok_button.click()
    wait_idle(qtbot)
    assert not dialog.isVisible() and dialog.saved.values["name"] == "Thôn Đông"
