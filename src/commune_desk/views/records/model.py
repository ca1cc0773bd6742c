"""The query side of a record page: the table model, fetched a page at a time, and the filters.

Columns come from the kind's fields (domain.records); filters and sort run in SQL through
`RecordService.page`, so a list of 100,000 activities opens and sorts without loading it all.
Rows are the service's frozen `Record` dataclasses. `RecordFilters` sets up a page's filter
widgets from the kind and reads them back into a `RecordQuery`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from commune_desk.domain.numbers import format_number
from commune_desk.domain.records import KINDS, VOCABS, Field, FieldType, RecordKind
from commune_desk.services.errors import ServiceError
from commune_desk.services.records import Record, RecordPage, RecordQuery, RecordService
from commune_desk.views.widgets.i18n import fill

Index = QModelIndex | QPersistentModelIndex
# Asks for a page of rows and hands it to the callback, at once or later (off the UI thread).
Fetch = Callable[[RecordQuery, Callable[[RecordPage], None]], None]
PAGE_SIZE = 500
SEARCH_DELAY_MS = 250
_NUMBERS = (FieldType.INT, FieldType.FLOAT)
_LONG = (FieldType.TEXT, FieldType.CHOICE, FieldType.CHOICES, FieldType.REF)  # tooltips


def kind_text(text: str) -> str:
    """A label of domain.records, translated (context "RecordKinds")."""
    return QCoreApplication.translate("RecordKinds", text)


def options_of(spec: Field, vocabs: Mapping[str, Mapping[str, str]]) -> Mapping[str, str]:
    """Code -> Vietnamese label of a CHOICE/CHOICES field (catalogue first, then the schema's)."""
    return vocabs.get(spec.vocab) or VOCABS.get(spec.vocab, {})


def name_field(kind: RecordKind) -> str:
    """The field that names a record beside its code (name, full_name, title), or ""."""
    for spec in kind.fields:
        if spec.type is FieldType.TEXT and spec.required and spec.name not in kind.key:
            return spec.name
    return ""


def filter_choice_field(kind: RecordKind) -> Field | None:
    """The field a "type" filter offers: the first required CHOICE, else the first CHOICE."""
    choices = [f for f in kind.fields if f.type is FieldType.CHOICE and f.vocab]
    required = [f for f in choices if f.required]
    return (required or choices or [None])[0]


def filter_date_field(kind: RecordKind) -> Field | None:
    """The date a date-range filter uses: the kind's dating field, else its first date."""
    dates = [f for f in kind.fields if f.type is FieldType.DATE]
    dating = [f for f in dates if f.name == kind.dated_by]
    return (dating or dates or [None])[0]


def village_field(kind: RecordKind) -> Field | None:
    # The village a record belongs to (not a village's own merger into another).
    return next((f for f in kind.fields if f.name == "village_code"), None)


def reference_names(service: RecordService, kind: RecordKind) -> dict[str, dict[str, str]]:
    """For each reference field of `kind`: code -> name of the records it may refer to."""
    names: dict[str, dict[str, str]] = {}
    for spec in kind.fields:
        if spec.type is FieldType.REF:
            label = name_field(KINDS[spec.ref])
            try:
                records = service.list(spec.ref)
            except ServiceError:
                records = []
            names[spec.name] = {r["code"]: r.values.get(label) or "" for r in records}
    return names


def header_lines(title: str, longest: int = 16) -> str:
    """A long column title on two lines, broken at the space nearest its middle, so a column
    of small numbers or Có/Không is not as wide as its title."""
    spaces = [i for i, char in enumerate(title) if char == " "]
    if len(title) <= longest or not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return f"{title[:cut]}\n{title[cut + 1 :]}"


def is_year(spec: Field) -> bool:
    """A year (birth_year) reads 1978, not 1.978."""
    return spec.type is FieldType.INT and (spec.name == "year" or spec.name.endswith("_year"))


def display_text(
    spec: Field,
    value: Any,
    vocabs: Mapping[str, Mapping[str, str]],
    names: Mapping[str, str] | None = None,
) -> str:
    """A stored value as the user reads it: labels, dd/mm/yyyy, Có/Không, 1.234,5."""
    if value is None or value == "":
        return ""
    kind = spec.type
    if kind is FieldType.DATE and isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if kind is FieldType.BOOL:
        if value:
            return QCoreApplication.translate("RecordModel", "Có")
        return QCoreApplication.translate("RecordModel", "Không")
    if kind in _NUMBERS and isinstance(value, int | float):
        return str(value) if is_year(spec) else format_number(value)
    if kind is FieldType.CHOICE:
        return kind_text(options_of(spec, vocabs).get(value, str(value)))
    if kind is FieldType.CHOICES:
        options = options_of(spec, vocabs)
        return "; ".join(kind_text(options.get(v, str(v))) for v in value)
    if kind is FieldType.REF and names and value in names:
        return f"{value} — {names[value]}"
    return str(value)


def describe(kind: RecordKind, record: Record, vocabs: Mapping[str, Mapping[str, str]]) -> str:
    """A short name of a record for questions: its key, and its name when it has one."""
    key = " / ".join(
        display_text(kind.field(n), record.values.get(n), vocabs) or "—" for n in kind.key
    )
    name = name_field(kind)
    return f"{key} — {record.values.get(name)}" if name else key


class RecordModel(QAbstractTableModel):
    """Rows of one kind for the current query; more pages arrive as the view scrolls.

    Rows are asked of `fetch`, which may answer later: a page asked for an older query is
    dropped when it arrives, and no further page is asked while one is on its way.
    """

    loaded = Signal()  # the first page(s) of the current query have arrived

    def __init__(
        self,
        kind: RecordKind,
        vocabs: Mapping[str, Mapping[str, str]],
        fetch: Fetch,
        page_size: int = PAGE_SIZE,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._kind = kind
        self._vocabs = vocabs
        self._fetch = fetch
        self._page_size = page_size
        self._fields: tuple[Field, ...] = kind.fields
        self._rows: tuple[Record, ...] = ()
        self._total = 0
        self._query = RecordQuery()
        self._ref_names: dict[str, Mapping[str, str]] = {}
        self._generation = 0  # one per query: pages of an older one are dropped
        self._loading = False
        self._fetching = False

    # -- public ------------------------------------------------------------------------
    @property
    def kind(self) -> RecordKind:
        return self._kind

    @property
    def query(self) -> RecordQuery:
        """The filters and sort shown (without offset and limit)."""
        return self._query

    @property
    def total(self) -> int:
        """Rows matching the query, fetched or not."""
        return self._total

    def field_at(self, column: int) -> Field:
        return self._fields[column]

    def column_of(self, name: str) -> int:
        return next(i for i, f in enumerate(self._fields) if f.name == name)

    def record_at(self, row: int) -> Record:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    def set_ref_names(self, names: Mapping[str, Mapping[str, str]]) -> None:
        """Code -> name of referred records, by reference field, shown beside the codes."""
        self._ref_names = dict(names)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._fields) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    @property
    def loading(self) -> bool:
        """True while the first page(s) of the current query are on their way."""
        return self._loading

    def set_query(self, query: RecordQuery, at_least: int = 0) -> None:
        """Show the first page(s) of `query`: at least `at_least` rows when there are as many."""
        self._query = replace(query, offset=0, limit=None)
        self._generation += 1
        generation = self._generation
        self._loading, self._fetching = True, False
        pages = max(1, -(-at_least // self._page_size))

        def arrived(page: RecordPage) -> None:
            if generation != self._generation:
                return  # asked for an older query
            self._loading = False
            self.set_rows(page.records, page.total)
            self.loaded.emit()

        self._fetch(replace(self._query, limit=pages * self._page_size), arrived)

    def reload(self) -> None:
        """Query again, keeping as many rows as were loaded (the scroll position survives)."""
        self.set_query(self._query, at_least=len(self._rows))

    def set_rows(self, rows: Sequence[Record], total: int | None = None) -> None:
        """The one reset: these rows, out of `total` matching ones (more can be fetched)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self.endResetModel()

    # -- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        busy = self._loading or self._fetching
        return not parent.isValid() and not busy and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        query = replace(self._query, offset=len(self._rows), limit=self._page_size)
        generation = self._generation
        self._fetching = True

        def arrived(page: RecordPage) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if not page.records:  # rows were deleted meanwhile: stop asking
                self._total = len(self._rows)
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.records) - 1)
            self._rows += tuple(page.records)
            self.endInsertRows()
            self._total = max(page.total, len(self._rows))

        self._fetch(query, arrived)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; a column below 0 goes back to the order of entry."""
        name = self._fields[column].name if 0 <= column < len(self._fields) else ""
        descending = bool(name) and order == Qt.SortOrder.DescendingOrder
        if (name, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=name, descending=descending))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._fields):
            return header_lines(kind_text(self._fields[section].label))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (
            0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._fields)
        ):
            return None
        spec = self._fields[index.column()]
        value = self._rows[index.row()].values.get(spec.name)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(spec, value, self._vocabs, self._ref_names.get(spec.name))
        if role == Qt.ItemDataRole.ToolTipRole and spec.type in _LONG:
            text = display_text(spec, value, self._vocabs, self._ref_names.get(spec.name))
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.type in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RecordFilters(QObject):
    """The filter widgets of a record page (`ui`: its form), set up from the kind.

    Shown only where the kind has them: a village filter (a reference to villages), a "type"
    filter (`filter_choice_field`) and a date range (`filter_date_field`). `changed` is emitted
    at once for combos and dates, after a pause in the typing for the search text.
    """

    changed = Signal()

    def __init__(
        self,
        ui: Any,
        kind: RecordKind,
        vocabs: Mapping[str, Mapping[str, str]],
        today: dt.date,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self._village = village_field(kind)
        self._type = filter_choice_field(kind)
        self._date = filter_date_field(kind)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_search_timer_timeout)
        ui.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        for widget in (ui.village_label, ui.village_combo):
            widget.setVisible(self._village is not None)
        self._vocabs = vocabs
        ui.village_combo.addItem("", None)
        ui.village_combo.currentIndexChanged.connect(self._on_village_combo_current_index_changed)
        for widget in (ui.type_label, ui.type_combo):
            widget.setVisible(self._type is not None)
        if self._type is not None:
            ui.type_combo.addItem("", None)
            for code in options_of(self._type, vocabs):
                ui.type_combo.addItem("", code)
        ui.type_combo.currentIndexChanged.connect(self._on_type_combo_current_index_changed)
        for widget in self._date_widgets():
            widget.setVisible(self._date is not None)
        self.retranslate()
        ui.date_from_edit.setDate(QDate(today.year, 1, 1))
        ui.date_to_edit.setDate(QDate(today.year, today.month, today.day))
        self._enable_dates(False)
        ui.date_check.toggled.connect(self._on_date_check_toggled)
        ui.date_from_edit.dateChanged.connect(self._on_date_edit_date_changed)
        ui.date_to_edit.dateChanged.connect(self._on_date_edit_date_changed)

    def retranslate(self) -> None:
        """The filters' texts in the language of the moment (the form's own are its)."""
        ui = self.ui
        ui.village_combo.setItemText(0, self.tr("Tất cả các thôn"))
        if self._type is not None:
            label = kind_text(self._type.label)
            ui.type_label.setText(f"&{label}:" if label[:1].isascii() else f"{label}:")
            ui.type_combo.setAccessibleName(fill(self.tr("Lọc theo %1"), label.lower()))
            ui.type_combo.setItemText(0, self.tr("Tất cả"))
            options = options_of(self._type, self._vocabs)
            for index in range(1, ui.type_combo.count()):
                code = ui.type_combo.itemData(index)
                ui.type_combo.setItemText(index, kind_text(options.get(code, code)))
        if self._date is not None:
            label = kind_text(self._date.label)
            ui.date_check.setText(label)
            ui.date_check.setAccessibleName(fill(self.tr("Lọc theo %1"), label.lower()))

    def query(self, sort: RecordQuery) -> RecordQuery:
        """The filters as a query, keeping the sort of `sort`."""
        ui = self.ui
        self._timer.stop()
        equals = []
        if self._village is not None and ui.village_combo.currentData() is not None:
            equals.append((self._village.name, ui.village_combo.currentData()))
        if self._type is not None and ui.type_combo.currentData() is not None:
            equals.append((self._type.name, ui.type_combo.currentData()))
        dated = self._date is not None and ui.date_check.isChecked()
        return RecordQuery(
            search=ui.search_edit.text().strip(),
            equals=tuple(equals),
            date_field=self._date.name if dated and self._date else "",
            date_from=ui.date_from_edit.date().toPython() if dated else None,
            date_to=ui.date_to_edit.date().toPython() if dated else None,
            sort=sort.sort,
            descending=sort.descending,
        )

    def clear(self) -> None:
        """Every filter back to "all", without announcing it (the caller reads the list)."""
        ui = self.ui
        blocked = self.blockSignals(True)
        try:
            ui.search_edit.clear()
            ui.village_combo.setCurrentIndex(0)
            ui.type_combo.setCurrentIndex(0)
            ui.date_check.setChecked(False)
        finally:
            self._timer.stop()
            self.blockSignals(blocked)

    def set_villages(self, names: Mapping[str, str]) -> None:
        """Offer these villages (code -> name), keeping the one chosen if it is still there."""
        combo = self.ui.village_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for code, name in names.items():
            combo.addItem(f"{code} — {name}", code)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)

    def _date_widgets(self) -> tuple[Any, ...]:
        ui = self.ui
        return (
            ui.date_check,
            ui.date_from_label,
            ui.date_from_edit,
            ui.date_to_label,
            ui.date_to_edit,
        )

    def _enable_dates(self, enabled: bool) -> None:
        for widget in self._date_widgets()[1:]:
            widget.setEnabled(enabled)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._timer.start()  # wait for a pause in the typing

    def _on_search_timer_timeout(self) -> None:
        self.changed.emit()

    def _on_village_combo_current_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def _on_type_combo_current_index_changed(self, _index: int) -> None:
        self.changed.emit()

    def _on_date_check_toggled(self, checked: bool) -> None:
        self._enable_dates(checked)
        self.changed.emit()

    def _on_date_edit_date_changed(self, _date: QDate) -> None:
        if self.ui.date_check.isChecked():
            self.changed.emit()
