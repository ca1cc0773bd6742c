"""The monthly grid's editor: a line edit whose Enter and Tab save and move on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from commune_desk.views.monthly.layout import Move
from commune_desk.views.monthly.model import Index


class GridDelegate(QStyledItemDelegate):
    """Edits a cell in a line edit; Enter and Tab commit and ask the page to move on.

    It does not paint: painting each cell through Python is slow (and PySide6 6.12.0 on
    Python 3.11 loses a reference to None on every such call), so comments show as an icon.
    """

    value_committed = Signal(QPersistentModelIndex, str)
    navigate = Signal(int)  # a Move, once the editor is closed

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        column = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        row = index.model().headerData(index.row(), Qt.Orientation.Vertical)
        editor.setAccessibleName(f"{row}, {column}")
        return editor

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            self.value_committed.emit(QPersistentModelIndex(index), editor.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            move = {
                Qt.Key.Key_Return: Move.DOWN,
                Qt.Key.Key_Enter: Move.DOWN,
                Qt.Key.Key_Tab: Move.RIGHT,
                Qt.Key.Key_Backtab: Move.LEFT,
            }.get(Qt.Key(event.key()))
            if move is not None:
                self.commitData.emit(watched)  # the page saves, synchronously
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                self.navigate.emit(int(move))
                return True
        return super().eventFilter(watched, event)
