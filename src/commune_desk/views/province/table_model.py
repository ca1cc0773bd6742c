"""The province view's tables: the communes with their status, and the consolidated
indicators of the submitted communes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from commune_desk.domain.numbers import Number, format_number
from commune_desk.services.province import CommuneStatus
from commune_desk.views.province.texts import status_text
from commune_desk.views.widgets.rows_model import Index, RowsModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CommuneColumn(IntEnum):
    CODE = 0
    NAME = 1
    STATUS = 2


class CommunesModel(RowsModel[CommuneStatus]):
    columns = CommuneColumn
    context = "CommunesModel"
    headers: ClassVar[Mapping[CommuneColumn, str]] = {
        CommuneColumn.CODE: QT_TRANSLATE_NOOP("CommunesModel", "Mã xã"),
        CommuneColumn.NAME: QT_TRANSLATE_NOOP("CommunesModel", "Tên xã"),
        CommuneColumn.STATUS: QT_TRANSLATE_NOOP("CommunesModel", "Tình trạng"),
    }
    numbered = True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.row_at(index.row())
        column = CommuneColumn(index.column())
        if column is CommuneColumn.CODE:
            return row.code
        if column is CommuneColumn.NAME:
            return row.name
        return status_text(row.status)


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    label: str  # the catalogue's name (data, as the overview shows it)
    unit: str
    value: Number | None
    covered: int = 0  # how many communes the total covers (a ratio: both its parts)
    expected: int = 0  # how many communes the database holds


class IndicatorColumn(IntEnum):
    LABEL = 0
    UNIT = 1
    VALUE = 2
    COVERED = 3


class IndicatorsModel(RowsModel[IndicatorRow]):
    columns = IndicatorColumn
    context = "IndicatorsModel"
    headers: ClassVar[Mapping[IndicatorColumn, str]] = {
        IndicatorColumn.LABEL: QT_TRANSLATE_NOOP("IndicatorsModel", "Chỉ tiêu"),
        IndicatorColumn.UNIT: QT_TRANSLATE_NOOP("IndicatorsModel", "Đơn vị"),
        IndicatorColumn.VALUE: QT_TRANSLATE_NOOP("IndicatorsModel", "Toàn tỉnh"),
        IndicatorColumn.COVERED: QT_TRANSLATE_NOOP("IndicatorsModel", "Số xã"),
    }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        row = self.row_at(index.row())
        column = IndicatorColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            IndicatorColumn.VALUE,
            IndicatorColumn.COVERED,
        ):
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is IndicatorColumn.LABEL:
            return row.label
        if column is IndicatorColumn.UNIT:
            return row.unit
        if column is IndicatorColumn.COVERED:  # "124/166 xã", as the consolidated workbook says
            text = QCoreApplication.translate("IndicatorsModel", "%1/%2 xã")
            return text.replace("%1", str(row.covered)).replace("%2", str(row.expected))
        return format_number(row.value, 1 if isinstance(row.value, float) else None)
