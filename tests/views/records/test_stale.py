"""Two clerks on one database: a record saved against a version changed meanwhile is refused,
and the dialog and the list then show the record as it is now (issue 19)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from commune_desk.services.context import Actor
from commune_desk.services.records import RecordService
from commune_desk.views.records.page import RecordPage
from tests.support.communes import open_as
from tests.support.kernel import wait_idle
from tests.support.keyboard import type_text

STAFF = {
    "code": "CB01",
    "full_name": "Lê Thị Hoa",
    "group": "cong_chuc",
    "start_date": "01/03/2018",
}


def test_a_stale_record_is_refused_and_shown_as_it_is_now(qtbot, ctx, dialogs, db_path):
    records = RecordService(ctx)
    created = records.create("staff", STAFF)
    page = RecordPage(ctx, dialogs, "staff")
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    wait_idle(qtbot)
    table = page.ui.records_table
    table.setFocus()
    table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    wait_idle(qtbot)
    dialog = page.current_dialog

    other = open_as(db_path, None, Actor("mai", "clerk", "Đỗ Thị Mai"))
    other.context.clock = lambda: dt.datetime(2026, 11, 21, 10, 5)
    try:
        RecordService(other.context).update("staff", created.id, {"position": "Tư pháp"})
    finally:
        other.close()

    type_text(qtbot, dialog.editor("position"), "Văn phòng")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    message = dialog.ui.message_label.text()
    assert "mai" in message and "10:05" in message and "Tư pháp" in message
    assert dialog.isVisible()
    assert dialog.editor("position").text() == "Tư pháp"  # refilled as it is now
    assert records.get("staff", created.id)["position"] == "Tư pháp"

    qtbot.keyClick(dialog.editor("position"), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, dialog.editor("position"), "Văn phòng")  # again, knowingly: saved
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert records.get("staff", created.id)["position"] == "Văn phòng"
