"""Typing a target in the Kế hoạch, chỉ tiêu page, as an officer does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from commune_desk.views.targets.model import Column, TargetsModel
from commune_desk.views.targets.page import TargetsPage
from tests.support.kernel import wait_idle

CODE = "ind.adults_confirmed_pct"  # catalogue default: 50 in 2025, 80 from 2026


def row_index(model: TargetsModel, code: str = CODE) -> int:
    return model.row_of(code)


def type_in_own_cell(qtbot, page: TargetsPage, keys: str, code: str = CODE) -> None:
    """Go to the commune's cell, F2, select what is there, type, Enter."""
    table = page.ui.targets_table
    table.setFocus()
    table.setCurrentIndex(page.model.index(row_index(page.model, code), Column.OWN))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    qtbot.keyClick(editors[0], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editors[0], Qt.Key.Key_Backspace)
    qtbot.keyClicks(editors[0], keys)
    with qtbot.waitSignal(table.itemDelegate().closeEditor):  # Qt commits on the next loop turn
        qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    wait_idle(qtbot)
