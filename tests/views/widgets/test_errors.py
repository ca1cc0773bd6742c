"""An error in a slot: logged with its traceback, shown in Vietnamese; the program goes on."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QPushButton

from commune_desk.views.widgets.errors import install_excepthook
from tests.support.fakes import FakeDialogs


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_and_the_program_goes_on(qtbot, tmp_path):
    log_path = tmp_path / "commune-desk.log"
    handler = logging.FileHandler(log_path, encoding="utf-8")
    # the file handler of the program
    logger = logging.getLogger("commune_desk.views.widgets.errors")
    logger.addHandler(handler)
    dialogs = FakeDialogs()
    previous = sys.excepthook
    install_excepthook(dialogs, str(log_path))
    clicks: list[str] = []

    def broken_slot() -> None:
        clicks.append("broken")
        raise ZeroDivisionError("chia cho 0 trong ô tổng")

    try:
        button, other = QPushButton("Tính"), QPushButton("Khác")
        qtbot.addWidget(button)
        qtbot.addWidget(other)
        button.clicked.connect(broken_slot)
        other.clicked.connect(lambda: clicks.append("other"))
        button.click()
        other.click()  # the window still answers
    finally:
        sys.excepthook = previous
        logger.removeHandler(handler)
        handler.close()
    assert clicks == ["broken", "other"]
    (message,) = dialogs.texts("warn")
    assert "lỗi không mong muốn" in message and "chia cho 0" in message
    assert str(log_path) in message
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "broken_slot" in logged and "ZeroDivisionError" in logged


@pytest.mark.qt_no_exception_capture
def test_a_busy_database_anywhere_gets_its_own_plain_message(qtbot, tmp_path):
    from commune_desk.data.db import DatabaseBusy

    dialogs = FakeDialogs()
    previous = sys.excepthook
    install_excepthook(dialogs, str(tmp_path / "commune-desk.log"))

    def save() -> None:
        raise DatabaseBusy("commune.sqlite3", 15.2)

    try:
        button = QPushButton("Lưu")
        qtbot.addWidget(button)
        button.clicked.connect(save)
        button.click()
    finally:
        sys.excepthook = previous
    (message,) = dialogs.texts("warn")
    assert message.startswith("Cơ sở dữ liệu commune.sqlite3 đang bận")
    assert "chưa có gì thay đổi" in message and "lỗi không mong muốn" not in message
