"""The report preview's table ("Bảng số liệu"): the indicators' names get the room.

Number columns are as wide as their figures, the unit column as its widest unit up to a few
words, the notes column as its notes up to a limit (the whole note on hover); the name column
takes the rest and a name longer than that wraps onto a second line instead of being cut.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from commune_desk.views.reports.model import Column

UNIT_CHARS = 12  # "thuê bao/100 dân" wraps; "người", "hồ sơ" stay on one line
NOTE_CHARS = 22


def set_up_preview_table(table: QTableView) -> None:
    """Word wrap, rows as tall as their text, the name column stretched."""
    rows_header = table.verticalHeader()
    rows_header.hide()
    rows_header.setMinimumSectionSize(table.fontMetrics().height() + 6)  # air around a line
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)  # the notes never take the names' room
    header.setSectionResizeMode(Column.LABEL, QHeaderView.ResizeMode.Stretch)
    # A wider or narrower name column re-wraps the names: the rows follow, once per burst.
    rows = QTimer(table)
    rows.setSingleShot(True)
    rows.setInterval(0)
    rows.timeout.connect(table.resizeRowsToContents)
    header.sectionResized.connect(
        lambda column, _old, _new: column == Column.LABEL and rows.start()
    )
    table.model().modelReset.connect(rows.start)


def fit_preview_columns(table: QTableView) -> None:
    """Size every column but the names to what it holds (call when the rows have changed)."""
    chars = table.fontMetrics().averageCharWidth()
    header = table.horizontalHeader()
    caps = {Column.UNIT: UNIT_CHARS * chars, Column.NOTE: NOTE_CHARS * chars}
    for column in Column:
        if column is Column.LABEL:
            continue
        title = header.sectionSizeHint(column)
        width = max(table.sizeHintForColumn(column), title)
        if column in caps:
            width = min(width, max(caps[column], title))
        header.resizeSection(column, width)
