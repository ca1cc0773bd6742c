"""A record dialog built on its own reads its reference lists through the kernel."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from commune_desk.services.records import RecordService
from commune_desk.views.records.dialog import RecordDialog
from tests.support.kernel import wait_idle


def test_a_dialog_without_lists_reads_them_off_the_ui_thread(qtbot, ctx, monkeypatch):
    service = RecordService(ctx)
    service.create("villages", {"code": "T01", "name": "Thôn Đông"})
    service.create("villages", {"code": "T02", "name": "Thôn Tây"})
    team = service.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ Một",
            "level": "village",
            "village_code": "T02",
            "established_on": "01/04/2025",
        },
    )
    threads: list[threading.Thread] = []
    reading = RecordService.list

    def spy(self, kind, *args, **kwargs):
        threads.append(threading.current_thread())
        return reading(self, kind, *args, **kwargs)

    monkeypatch.setattr(RecordService, "list", spy)
    dialog = RecordDialog(ctx, "teams", team)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot)
    assert threads and threading.main_thread() not in threads
    combo = dialog.editor("village_code")
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert {"T01", "T02"} <= set(offered)
    assert offered.count("T02") == 1  # the record's own code, not kept twice
    assert combo.currentData() == "T02"  # what the record says, kept through the refill

    combo.setFocus()
    combo.setCurrentIndex(combo.findData("T01"))
    wait_idle(qtbot)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert dialog.saved is not None
    (stored,) = [r for r in reading(service, "teams") if r.values["code"] == "TO1"]
    assert stored.values["village_code"] == "T01"
