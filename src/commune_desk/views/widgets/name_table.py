"""Tables of figures beside their names (the report's preview, the overview's Bảng số liệu).

Number columns are as wide as their figures, a short-text column (the unit, the notes) as its
content up to a few words (the whole text on hover), and the name column takes the rest: a
name longer than that wraps onto a second line instead of being cut beside empty columns.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


def set_up_name_table(table: QTableView, name_column: int) -> None:
    """Word wrap, rows as tall as their text, the name column stretched (after `setModel`)."""
    rows_header = table.verticalHeader()
    rows_header.setMinimumSectionSize(table.fontMetrics().height() + 6)  # air around a line
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)  # the last column never takes the names' room
    header.setSectionResizeMode(name_column, QHeaderView.ResizeMode.Stretch)
    # A wider or narrower name column re-wraps the names: the rows follow, once per burst.
    rows = QTimer(table)
    rows.setSingleShot(True)
    rows.setInterval(0)
    rows.timeout.connect(table.resizeRowsToContents)
    header.sectionResized.connect(lambda column, _old, _new: column == name_column and rows.start())
    table.model().modelReset.connect(rows.start)


def fit_name_table(table: QTableView, name_column: int, caps: Mapping[int, int]) -> None:
    """Size every column but the names to what it holds, `caps` (column -> characters) at
    most; call when the rows have changed."""
    chars = table.fontMetrics().averageCharWidth()
    header = table.horizontalHeader()
    for column in range(header.count()):
        if column == name_column:
            continue
        title = header.sectionSizeHint(column)
        width = max(table.sizeHintForColumn(column), title)
        if column in caps:
            width = min(width, max(caps[column] * chars, title))
        header.resizeSection(column, width)
