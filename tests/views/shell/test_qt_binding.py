"""Guard against a Qt binding that miscounts references (PySide6 6.12.0 on Python 3.11
dropped a reference to None on every call, crashing the program after a few thousand)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_into_qt_keep_reference_counts(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 100
