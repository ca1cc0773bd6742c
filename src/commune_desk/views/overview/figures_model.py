"""Table model of a period's figures and indicators (rows are plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from commune_desk.domain.numbers import format_number
from commune_desk.views.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FigureRow:
    code: str
    label: str
    unit: str
    is_indicator: bool
    value: float | None
    ytd: float | None
    last_year: float | None
    target: float | None
    pct_of_target: float | None


class Column(IntEnum):
    LABEL = 0
    UNIT = 1
    TARGET = 2
    VALUE = 3
    YTD = 4
    LAST_YEAR = 5
    PCT = 6


HEADERS = {
    Column.LABEL: QT_TRANSLATE_NOOP("FiguresModel", "Chỉ tiêu"),
    Column.UNIT: QT_TRANSLATE_NOOP("FiguresModel", "Đơn vị tính"),
    Column.TARGET: QT_TRANSLATE_NOOP("FiguresModel", "Kế hoạch năm"),
    Column.VALUE: QT_TRANSLATE_NOOP("FiguresModel", "Thực hiện kỳ báo cáo"),
    Column.YTD: QT_TRANSLATE_NOOP("FiguresModel", "Lũy kế từ đầu năm"),
    Column.LAST_YEAR: QT_TRANSLATE_NOOP("FiguresModel", "Cùng kỳ năm trước"),
    Column.PCT: QT_TRANSLATE_NOOP("FiguresModel", "Tỷ lệ % so với KH"),
}


def two_lines(title: str) -> str:
    """A column title of several words broken at the space nearest its middle."""
    spaces = [i for i, char in enumerate(title) if char == " "]
    if len(title) <= 10 or not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return f"{title[:cut]}\n{title[cut + 1 :]}"


class FiguresModel(RowsModel[FigureRow]):
    columns = Column
    headers = HEADERS
    context = "FiguresModel"
    numbered = True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        title = super().headerData(section, orientation, role)
        if orientation == Qt.Orientation.Horizontal and isinstance(title, str):
            return two_lines(title)  # narrow number columns leave room for the names
        return title

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.LABEL:
            return row.label  # the whole name, never the catalogue's code
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= Column.TARGET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: FigureRow, column: Column) -> str:
        if column == Column.LABEL:
            return row.label
        if column == Column.UNIT:
            return row.unit
        decimals = 1 if row.is_indicator else None
        value = {
            Column.TARGET: row.target,
            Column.VALUE: row.value,
            Column.YTD: row.ytd,
            Column.LAST_YEAR: row.last_year,
        }.get(column)
        if column == Column.PCT:
            return format_number(row.pct_of_target, 1)
        return format_number(value, decimals)
