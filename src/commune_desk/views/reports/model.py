"""Table model of the report's rows as they will be printed (frozen ReportRow dataclasses)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from commune_desk.domain.numbers import format_number
from commune_desk.services.documents import ReportRow
from commune_desk.views.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    STT = 0
    LABEL = 1
    UNIT = 2
    TARGET = 3
    VALUE = 4
    PREVIOUS = 5
    YTD = 6
    LAST_YEAR = 7
    PCT = 8
    NOTE = 9


# The official column titles (forms.md); the printed report keeps them in Vietnamese.
HEADERS = {
    Column.STT: QT_TRANSLATE_NOOP("ReportModel", "STT"),
    Column.LABEL: QT_TRANSLATE_NOOP("ReportModel", "Chỉ tiêu"),
    Column.UNIT: QT_TRANSLATE_NOOP("ReportModel", "Đơn vị tính"),
    Column.TARGET: QT_TRANSLATE_NOOP("ReportModel", "Kế hoạch năm"),
    Column.VALUE: QT_TRANSLATE_NOOP("ReportModel", "Thực hiện kỳ báo cáo"),
    Column.PREVIOUS: QT_TRANSLATE_NOOP("ReportModel", "Kỳ trước"),
    Column.YTD: QT_TRANSLATE_NOOP("ReportModel", "Lũy kế từ đầu năm"),
    Column.LAST_YEAR: QT_TRANSLATE_NOOP("ReportModel", "Cùng kỳ năm trước"),
    Column.PCT: QT_TRANSLATE_NOOP("ReportModel", "Tỷ lệ % so với KH"),
    Column.NOTE: QT_TRANSLATE_NOOP("ReportModel", "Ghi chú"),
}
_NUMBERS = (
    Column.TARGET,
    Column.VALUE,
    Column.PREVIOUS,
    Column.YTD,
    Column.LAST_YEAR,
    Column.PCT,
)


def cell_text(row: ReportRow, column: Column) -> str:
    """A cell as the report prints it: numbers the Vietnamese way (1.234 and 89,2)."""
    if column is Column.STT:
        return row.stt
    if column is Column.LABEL:
        return row.label.upper() if row.is_section else row.label
    if column is Column.UNIT:
        return row.unit
    if column is Column.NOTE:
        return row.note
    if column is Column.PCT:
        return format_number(row.pct, 1)
    value = {
        Column.TARGET: row.target,
        Column.VALUE: row.value,
        Column.PREVIOUS: row.previous,
        Column.YTD: row.ytd,
        Column.LAST_YEAR: row.last_year,
    }[column]
    return format_number(value, 1 if row.is_indicator else None)


def two_lines(title: str) -> str:
    """A column title of several words broken at the space nearest its middle."""
    spaces = [i for i, char in enumerate(title) if char == " "]
    if len(title) <= 10 or not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return f"{title[:cut]}\n{title[cut + 1 :]}"


class ReportModel(RowsModel[ReportRow]):
    columns = Column
    headers = HEADERS
    context = "ReportModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        title = super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and isinstance(title, str):
            return two_lines(title)  # narrow number columns leave room for the names
        return title

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.LABEL and row.code:
            return row.label  # the whole name, never the catalogue's code
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.NOTE and row.note:
            return row.note  # the column is kept narrow: the whole note on hover
        if role == Qt.ItemDataRole.FontRole:
            if row.is_section:
                return self._bold
            if row.is_detail:
                return self._italic
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in _NUMBERS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in (Column.STT, Column.UNIT):
                return int(Qt.AlignmentFlag.AlignCenter)
        return None
