"""Typing as a user does, Vietnamese letters included."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.support.kernel import settle


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does: ASCII by key clicks, Vietnamese letters as an input method
    (Unikey, ibus) commits them; QTest cannot click keys outside ASCII."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
    settle()  # what the window checks as the user types has been checked
