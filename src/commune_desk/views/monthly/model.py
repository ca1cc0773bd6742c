"""The monthly figures grid as a Qt table model (its rows and columns: monthly_grid_layout).

The model is read-only (typed values go to the service through the page) and is filled from
plain DTOs by one `load()`; it also knows the grid's geometry: where the keyboard goes next
and where a pasted block lands.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from commune_desk.domain.catalogue import Agg
from commune_desk.domain.indicators import aggregate
from commune_desk.domain.numbers import Number, format_number
from commune_desk.domain.periods import Period
from commune_desk.domain.validation import MISSING, Problem
from commune_desk.services.series import ValueCell
from commune_desk.services.values import ValueChange
from commune_desk.views.monthly.comment_dialog import comment_icon
from commune_desk.views.monthly.layout import (
    ColumnKind,
    GridColumn,
    GridData,
    GridRow,
    Move,
    grid_columns,
)
from commune_desk.views.widgets.i18n import fill, ui_language

translate = QCoreApplication.translate  # lupdate reads translate("MonthlyGridModel", "…")

Index = QModelIndex | QPersistentModelIndex

ERROR_COLOUR = "#f6c9c9"  # light red: a broken cross-figure rule
WARNING_COLOUR = "#ffe3a6"  # light amber: an unusual value (outlier, falling stock)
LOCKED_COLOUR = "#eceff1"
SECTION_COLOUR = "#dbe5f1"
TOTAL_COLOUR = "#f2f5f8"
LOCKED_TEXT_COLOUR = "#607d8b"


@cache
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


@cache
def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class MonthlyGridModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: GridData | None = None
        self._rows: tuple[GridRow, ...] = ()
        self._columns: tuple[GridColumn, ...] = ()
        self._problems: dict[tuple[str, str], list[Problem]] = {}
        self._totals: dict[str, Number | None] = {}
        self._notes: dict[tuple[str, str], str] = {}  # why a typed value was refused

    # -- filling -------------------------------------------------------------------------
    def load(self, data: GridData) -> None:
        """Show `data`; the current cell and selection survive when the layout stays."""
        columns = grid_columns(data.period)
        same_layout = data.rows == self._rows and columns == self._columns
        if not same_layout:
            self.beginResetModel()
        self._data, self._rows, self._columns = data, data.rows, columns
        self._notes.clear()
        self._problems = {}
        for problem in data.problems:
            if problem.rule == MISSING and (
                data.current_month is None or Period.parse(problem.period) > data.current_month
            ):
                continue  # months still to come are not "missing" yet
            for code in problem.codes:
                self._problems.setdefault((code, problem.period), []).append(problem)
        months = data.period.months()
        by_code: dict[str, dict[str, Number]] = {}
        for (code, month), cell in data.cells.items():
            by_code.setdefault(code, {})[month] = cell.value
        self._totals = {
            row.code: aggregate(row.agg, by_code.get(row.code, {}), months)
            for row in self._rows
            if not row.is_section
        }
        if same_layout:
            if self._rows and self._columns:
                last = self.index(len(self._rows) - 1, len(self._columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        else:
            self.endResetModel()

    def set_note(self, index: Index, text: str) -> None:
        """Keep why a value typed into the cell was refused (in its tooltip until reload)."""
        key = self.key_at(index)
        if key is not None:
            self._notes[key] = text
            changed = self.index(index.row(), index.column())
            self.dataChanged.emit(changed, changed)

    # -- questions the page asks ---------------------------------------------------------
    def row_at(self, row: int) -> GridRow:
        return self._rows[row]

    def column_at(self, column: int) -> GridColumn:
        return self._columns[column]

    def key_at(self, index: Index) -> tuple[str, str] | None:
        """(code, month key) of a month cell of an element row; None elsewhere."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if row.is_section or column.kind is not ColumnKind.MONTH or column.period is None:
            return None
        return row.code, column.period.key

    def cell(self, key: tuple[str, str] | None) -> ValueCell | None:
        return self._data.cells.get(key) if key and self._data else None

    def lock_reason(self, month: str) -> str:
        return self._data.locks.get(month, "") if self._data else ""

    def is_editable(self, index: Index) -> bool:
        key = self.key_at(index)
        return key is not None and not self.lock_reason(key[1])

    def index_of(self, code: str, month: str) -> QModelIndex:
        row = next((i for i, r in enumerate(self._rows) if r.code == code), -1)
        column = next(
            (i for i, c in enumerate(self._columns) if c.period and c.period.key == month), -1
        )
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def neighbour(self, index: Index, move: Move) -> QModelIndex:
        """Down to the next element row, or along the month cells row after row."""
        rows = [r for r, row in enumerate(self._rows) if not row.is_section]
        if move is Move.DOWN:
            below = [r for r in rows if r > index.row()]
            return self.index(below[0], index.column()) if below else QModelIndex()
        months = [c for c, column in enumerate(self._columns) if column.kind is ColumnKind.MONTH]
        cells = [(r, c) for r in rows for c in months]
        here = (index.row(), index.column())
        if move is Move.STAY or here not in cells:
            return QModelIndex()
        position = cells.index(here) + (1 if move is Move.RIGHT else -1)
        return self.index(*cells[position]) if 0 <= position < len(cells) else QModelIndex()

    def home(self) -> QModelIndex:
        """The first element of the current month (or of the first month shown)."""
        rows = [r for r, row in enumerate(self._rows) if not row.is_section]
        months = [c for c, col in enumerate(self._columns) if col.kind is ColumnKind.MONTH]
        today = self._data.current_month if self._data else None
        current = [c for c in months if self._columns[c].period == today]
        return self.index(rows[0], (current or months)[0]) if rows and months else QModelIndex()

    def block_changes(self, start: Index, block: Sequence[Sequence[str]]) -> list[ValueChange]:
        """The changes a block pasted at `start` makes; ValueError says why it cannot land.

        A line may fall on a section header only if it is empty (a form copied with its
        headers); the block must stay inside the months and out of locked ones.
        """
        if not block:
            raise ValueError(translate("MonthlyGridModel", "Không có số liệu để dán."))
        if self.key_at(start) is None:
            raise ValueError(translate("MonthlyGridModel", "Hãy chọn ô tháng đầu của khối."))
        changes: list[ValueChange] = []
        for r, line in enumerate(block, start.row()):
            if r >= len(self._rows):
                raise ValueError(translate("MonthlyGridModel", "Khối dán vượt quá dòng cuối."))
            row = self._rows[r]
            if row.is_section:
                if any(line):
                    text = translate("MonthlyGridModel", "Khối dán rơi vào dòng tiêu đề «%1».")
                    raise ValueError(fill(text, row.label))
                continue
            for c, text in enumerate(line, start.column()):
                column = self._columns[c] if c < len(self._columns) else None
                if column is None or column.kind is not ColumnKind.MONTH or not column.period:
                    why = translate("MonthlyGridModel", "Khối dán vượt quá tháng cuối của kỳ.")
                    raise ValueError(why)
                if self.lock_reason(column.period.key):
                    raise ValueError(self.lock_reason(column.period.key))
                changes.append(ValueChange(row.code, column.period.key, text or None))
        return changes

    # -- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self._rows[index.row()].is_section:
            return Qt.ItemFlag.NoItemFlags  # section headers: the keyboard passes over them
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            return self._row_header(section, role) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        current = self._data.current_month if self._data else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind is ColumnKind.UNIT:
                return translate("MonthlyGridModel", "ĐVT")
            assert column.period is not None
            if column.kind is ColumnKind.TOTAL:
                return column.period.label(ui_language())
            month = column.period
            return fill(translate("MonthlyGridModel", "T%1/%2"), month.index, month.year)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tooltip(column)
        if role == Qt.ItemDataRole.FontRole and (
            column.kind is ColumnKind.TOTAL or (current is not None and column.period == current)
        ):
            return _bold()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if row.is_section:
            if role == Qt.ItemDataRole.BackgroundRole:
                return _brush(SECTION_COLOUR)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return row.label
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index, row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind is ColumnKind.UNIT:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._tooltip(index, row, column) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index, column)
        if role == Qt.ItemDataRole.ForegroundRole and column.kind is ColumnKind.MONTH:
            key = self.key_at(index)
            return _brush(LOCKED_TEXT_COLOUR) if key and self.lock_reason(key[1]) else None
        if role == Qt.ItemDataRole.FontRole and column.kind is ColumnKind.TOTAL:
            return _bold()
        if role == Qt.ItemDataRole.DecorationRole and column.kind is ColumnKind.MONTH:
            cell = self.cell(self.key_at(index))
            return comment_icon() if cell and cell.comment else None
        return None

    # -- helpers -------------------------------------------------------------------------
    def _row_header(self, section: int, role: int) -> object:
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.FontRole and row.is_section:
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and not row.is_section:
            return "\n".join(filter(None, (row.label, row.code, row.description)))
        return None

    def _column_tooltip(self, column: GridColumn) -> str:
        if column.kind is ColumnKind.UNIT:
            return translate("MonthlyGridModel", "Đơn vị tính")
        assert column.period is not None
        if column.kind is ColumnKind.TOTAL:
            return translate(
                "MonthlyGridModel",
                "Số liệu cả kỳ: cộng các tháng với chỉ tiêu phát sinh, "
                "số của tháng gần nhất có số liệu với chỉ tiêu thời điểm",
            )
        return self.lock_reason(column.period.key) or column.period.label(ui_language())

    def _text(self, index: Index, row: GridRow, column: GridColumn) -> str:
        if column.kind is ColumnKind.UNIT:
            return row.unit
        if column.kind is ColumnKind.TOTAL:
            return format_number(self._totals.get(row.code))
        cell = self.cell(self.key_at(index))
        return format_number(cell.value) if cell else ""

    def _tooltip(self, index: Index, row: GridRow, column: GridColumn) -> str:
        if column.kind is ColumnKind.UNIT:
            return row.label
        if column.kind is ColumnKind.TOTAL:
            if row.agg is Agg.SUM:
                how = translate("MonthlyGridModel", "cộng các tháng")
            else:
                how = translate("MonthlyGridModel", "tháng gần nhất có số")
            period = column.period.label(ui_language()) if column.period else ""
            return f"{row.label} — {period} ({how})"
        key = self.key_at(index)
        cell = self.cell(self.key_at(index))
        lines: list[str] = []
        if key and self.lock_reason(key[1]):
            lines.append(self.lock_reason(key[1]))
        if key and key in self._notes:
            lines.append(self._notes[key])
        lines += [p.message for p in self._problems.get(key, [])] if key else []
        if cell is not None:
            if cell.from_villages:
                text = translate(
                    "MonthlyGridModel",
                    "Tổng của %1 thôn, tổ dân phố (số liệu nhập theo thôn); "
                    "số gõ vào ô này là số của cả xã, thay cho tổng đó",
                )
                lines.append(fill(text, cell.villages))
            if cell.comment:
                lines.append(fill(translate("MonthlyGridModel", "Ghi chú: %1"), cell.comment))
            when = cell.updated_at.strftime("%d/%m/%Y %H:%M")
            text = translate("MonthlyGridModel", "Cập nhật: %1, %2")
            lines.append(fill(text, cell.updated_by, when))
        return "\n".join(lines)

    def _background(self, index: Index, column: GridColumn) -> QBrush | None:
        if column.kind is ColumnKind.TOTAL:
            return _brush(TOTAL_COLOUR)
        key = self.key_at(index)
        problems = self._problems.get(key, []) if key else []
        if any(p.is_error for p in problems):
            return _brush(ERROR_COLOUR)
        if any(p.rule != MISSING for p in problems):
            return _brush(WARNING_COLOUR)  # a missing value is told in the tooltip, not painted
        if key and self.lock_reason(key[1]):
            return _brush(LOCKED_COLOUR)
        return None
