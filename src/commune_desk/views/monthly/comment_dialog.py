"""Comments on monthly values: the small dialog that writes one, the mark that shows one."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import QDialog, QWidget

from commune_desk.views.forms.ui_comment_dialog import Ui_CommentDialog

# (parent, which cell, current comment) -> the new comment, or None when cancelled
AskComment = Callable[[QWidget | None, str, str], str | None]
COMMENT_MARK_COLOUR = "#d35400"


class CommentDialog(QDialog):
    def __init__(self, cell: str, comment: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CommentDialog()
        self.ui.setupUi(self)
        self.ui.cell_label.setText(cell)
        self.ui.comment_edit.setText(comment)
        self.ui.comment_edit.selectAll()

    @property
    def comment(self) -> str:
        return self.ui.comment_edit.text().strip()


def ask_comment(parent: QWidget | None, cell: str, comment: str) -> str | None:
    """Open the dialog modally; the comment typed, or None when the user cancels."""
    dialog = CommentDialog(cell, comment, parent)
    try:
        return dialog.comment if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


@cache
def comment_icon() -> QPixmap:
    """The mark of a value with a comment: a small corner triangle, as in Excel."""
    pixmap = QPixmap(8, 8)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COMMENT_MARK_COLOUR))
    painter.drawPolygon(QPolygonF([QPointF(0, 0), QPointF(8, 0), QPointF(8, 8)]))
    painter.end()
    return pixmap
