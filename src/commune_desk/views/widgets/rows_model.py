"""The common part of the program's table models: a tuple of frozen rows, IntEnum columns.

A subclass names its `columns` (an IntEnum), its `headers` (column -> source text marked with
QT_TRANSLATE_NOOP under `context`) and implements `data()`; rows are replaced with one
`set_rows()`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    columns: ClassVar[type[IntEnum]]
    headers: ClassVar[Mapping[Any, str]]
    context: ClassVar[str]
    numbered: ClassVar[bool] = False  # row numbers in the vertical header

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[R, ...] = ()

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    @property
    def rows(self) -> tuple[R, ...]:
        return self._rows

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def retranslate(self) -> None:
        """Headers again in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate(self.context, self.headers[self.columns(section)])
        if orientation == Qt.Orientation.Vertical and self.numbered:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        return None

    def valid(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows)
