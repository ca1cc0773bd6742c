"""Table model of a year's targets: the catalogue's default, the commune's own, the one applied.

The model only shows rows and reports an edit of the commune's own target; the page parses
the text and calls the service, then hands the new row back with `replace_row`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from commune_desk.domain.numbers import format_number
from commune_desk.views.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TargetViewRow:
    code: str
    label: str
    unit: str
    default: float | None  # the catalogue's target for the year
    own: float | None  # the commune's own target, when it set one

    @property
    def effective(self) -> float | None:
        return self.own if self.own is not None else self.default


class Column(IntEnum):
    LABEL = 0
    UNIT = 1
    DEFAULT = 2
    OWN = 3
    EFFECTIVE = 4


HEADERS = {
    Column.LABEL: QT_TRANSLATE_NOOP("TargetsModel", "Chỉ tiêu"),
    Column.UNIT: QT_TRANSLATE_NOOP("TargetsModel", "Đơn vị tính"),
    Column.DEFAULT: QT_TRANSLATE_NOOP("TargetsModel", "Mặc định"),
    Column.OWN: QT_TRANSLATE_NOOP("TargetsModel", "Kế hoạch của xã"),
    Column.EFFECTIVE: QT_TRANSLATE_NOOP("TargetsModel", "Áp dụng"),
}
_NUMBER_COLUMNS = (Column.DEFAULT, Column.OWN, Column.EFFECTIVE)


def format_target(value: float | None) -> str:
    """A target the Vietnamese way, with as many decimals as it has (up to three)."""
    if value is None:
        return ""
    decimals = next((d for d in range(4) if round(value, d) == value), 3)
    return format_number(value, decimals)


class TargetsModel(RowsModel[TargetViewRow]):
    own_target_edited = Signal(str, str)  # catalogue code, the text typed in the cell
    columns = Column
    headers = HEADERS
    context = "TargetsModel"
    numbered = True
    editable = True  # False for an account that may not set targets

    def replace_row(self, row: TargetViewRow) -> None:
        """Show a row again after its target changed (no reset: an open editor survives)."""
        number = self.row_of(row.code)
        self._rows = (*self._rows[:number], row, *self._rows[number + 1 :])
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))

    def row_of(self, code: str) -> int:
        return next(i for i, row in enumerate(self._rows) if row.code == code)

    # -- QAbstractTableModel -------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.isValid() and index.column() == Column.OWN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.FontRole and column == Column.EFFECTIVE and row.own is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != Column.OWN
            or index.row() >= len(self._rows)
        ):
            return False
        # The page saves through the service and calls replace_row; nothing changes here.
        self.own_target_edited.emit(self._rows[index.row()].code, str(value or ""))
        return True

    @staticmethod
    def _display(row: TargetViewRow, column: Column) -> str:
        if column == Column.LABEL:
            return row.label
        if column == Column.UNIT:
            return row.unit
        if column == Column.DEFAULT:
            return format_target(row.default)
        if column == Column.OWN:
            return format_target(row.own)
        return format_target(row.effective)

    @staticmethod
    def _tooltip(row: TargetViewRow, column: Column) -> str | None:
        if column == Column.LABEL:
            return f"{row.label}\n{row.code}"  # the whole label, even when the column cuts it
        if column == Column.EFFECTIVE and row.effective is not None:
            if row.own is not None:
                return QCoreApplication.translate("TargetsModel", "Kế hoạch riêng của xã")
            return QCoreApplication.translate("TargetsModel", "Mức mặc định của danh mục")
        return None
