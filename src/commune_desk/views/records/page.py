"""The page of one record kind: a searchable, filterable, sortable table with its actions.

Filters come from the kind's fields (a village filter where records carry a village, a date
range on the dating field, a "type" filter on the main choice) and run in SQL, as does the
sort; the table fetches 500 rows at a time. Add and edit open a RecordDialog, import an
ImportDialog (both with `open()`, never `exec()`); export runs in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from commune_desk.domain.numbers import format_number
from commune_desk.domain.records import KINDS, FieldType
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError, StaleSave
from commune_desk.services.exports import ExportService
from commune_desk.services.permissions import Action, hidden_fields
from commune_desk.services.records import Record, RecordQuery, RecordService
from commune_desk.services.records import RecordPage as Page
from commune_desk.views.forms.ui_record_page import Ui_RecordPage
from commune_desk.views.kernel import Changes, Kind, QueryOp, WriteOp, kernel
from commune_desk.views.records.dialog import RecordDialog, reference_choices
from commune_desk.views.records.export import ListExport
from commune_desk.views.records.import_dialog import ImportDialog
from commune_desk.views.records.model import (
    RecordFilters,
    RecordModel,
    describe,
    kind_text,
    reference_names,
    village_field,
)
from commune_desk.views.records.participants_dialog import (
    ParticipantChoices,
    ParticipantsDialog,
    participant_choices,
)
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill
from commune_desk.views.widgets.roles import add_permission_line, why_not

log = logging.getLogger(__name__)
MAX_COLUMN_CHARS = 40


class MiddleElideDelegate(QStyledItemDelegate):
    """Elides in the middle: a reference keeps its code and the end of its name in view."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class RecordPage(QWidget):
    exported = Signal(object, int)  # the file written and its number of rows
    dialog_opened = Signal(object)  # the RecordDialog or ImportDialog just opened

    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs,
        kind: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._dialogs = dialogs
        self._kind = KINDS[kind]
        self._records = RecordService(ctx)
        self._dialog: QDialog | None = None
        self._opening = False  # a record dialog is being prepared
        self._sized = False
        self._natural: dict[int, int] = {}  # column -> the width of its content
        self._spreader = QTimer(self)
        self._spreader.setSingleShot(True)
        self._spreader.setInterval(0)
        self._spreader.timeout.connect(self._spread)
        self._error = ""  # why the last read failed, shown instead of the count
        self._village = village_field(self._kind)
        self._cannot_edit = why_not(ctx, Action.EDIT_DATA)  # a supervisor only reads
        self._cannot_import = why_not(ctx, Action.IMPORT)
        self._keep: tuple[int | None, int | None] = (None, None)  # record, else row, after a load
        self._model = RecordModel(self._kind, ctx.catalogue.vocab, self._fetch, parent=self)
        self._model.loaded.connect(self._after_load)
        self._filters = RecordFilters(self.ui, self._kind, ctx.catalogue.vocab, ctx.today(), self)
        self._filters.changed.connect(self._on_filters_changed)
        self._export = ListExport(
            self, ExportService(ctx), dialogs, self._kind, lambda: self._model.query, ctx.today
        )
        self._export.exported.connect(self.exported)
        self._setup_table()
        self._setup_actions()
        self.permission_label = add_permission_line(
            self, self.ui.main_layout, 1, self._cannot_edit, self._cannot_import
        )
        self.setAccessibleName(kind_text(self._kind.label))
        chars = self.fontMetrics().averageCharWidth()
        self.ui.search_edit.setMinimumWidth(chars * 26)
        self.ui.search_edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Another list's records may be named here (a training's, a team's, a village's).
        kernel().bus.subscribe(self, (Kind.RECORDS,), lambda _changes: self.refresh())
        self.refresh()

    # -- public ------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self._kind.name

    @property
    def model(self) -> RecordModel:
        return self._model

    @property
    def current_dialog(self) -> QDialog | None:
        return self._dialog

    def current_record(self) -> Record | None:
        index = self.ui.records_table.currentIndex()
        return self._model.record_at(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        """Read the list again with the same filters, keeping the loaded rows and selection."""
        current = self.current_record()
        self._reload(current.id if current else None)

    @property
    def busy(self) -> bool:
        """True while the list is being read."""
        return self._model.loading

    def _reload(self, keep_id: int | None, keep_row: int | None = None) -> None:
        self._load_references()
        self._keep = (keep_id, keep_row)
        self._model.set_query(
            self._filters.query(self._model.query), at_least=self._model.rowCount()
        )

    def changeEvent(self, event: QEvent) -> None:
        """A switch of language re-translates the page at once: buttons, filters, notes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._filters.retranslate()
            self._cannot_edit = why_not(self._ctx, Action.EDIT_DATA)
            self._cannot_import = why_not(self._ctx, Action.IMPORT)
            for action, reason in (
                (self.ui.add_action, self._cannot_edit),
                (self.ui.edit_action, self._cannot_edit),
                (self.ui.delete_action, self._cannot_edit),
                (self.ui.import_action, self._cannot_import),
            ):
                if reason:
                    action.setToolTip(reason)
            self.setAccessibleName(kind_text(self._kind.label))
            self.ui.records_table.setAccessibleName(kind_text(self._kind.label))
            self._model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, max(0, self._model.columnCount() - 1)
            )
            self._show_count()
        super().changeEvent(event)

    # -- building ----------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.ui.records_table
        table.setModel(self._model)
        table.setAccessibleName(kind_text(self._kind.label))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(self._kind.fields[-1].type is FieldType.TEXT)  # notes
        self._middle = MiddleElideDelegate(table)
        for column, spec in enumerate(self._kind.fields):
            if spec.type is FieldType.REF:
                table.setItemDelegateForColumn(column, self._middle)
        header.setResizeContentsPrecision(100)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # the model sorts in SQL
        table.doubleClicked.connect(self._on_records_table_double_clicked)
        hidden = hidden_fields(self._ctx, self._kind)  # phone numbers: officers, supervisors
        for column, spec in enumerate(self._kind.fields):
            table.setColumnHidden(column, spec.name in hidden)
        table.selectionModel().currentRowChanged.connect(self._on_records_table_current_row_changed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.ui.edit_action.trigger)

    def _setup_actions(self) -> None:
        ui = self.ui
        keys = {
            ui.add_action: [QKeySequence("Ctrl+N"), QKeySequence(Qt.Key.Key_Insert)],
            ui.edit_action: [QKeySequence(Qt.Key.Key_F2)],
            ui.import_action: [QKeySequence("Ctrl+I")],
            ui.export_action: [QKeySequence("Ctrl+E")],
            ui.search_action: [QKeySequence("Ctrl+F")],
        }
        for action, sequences in keys.items():
            action.setShortcuts(sequences)
            # Window-wide, but only while this page is visible (Qt skips hidden widgets).
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        ui.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        ui.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        ui.records_table.addAction(ui.delete_action)  # Delete in the search box edits text
        ui.add_button.setDefaultAction(ui.add_action)
        ui.edit_button.setDefaultAction(ui.edit_action)
        ui.delete_button.setDefaultAction(ui.delete_action)
        ui.import_button.setDefaultAction(ui.import_action)
        ui.export_button.setDefaultAction(ui.export_action)
        ui.add_action.triggered.connect(self._on_add_action_triggered)
        ui.edit_action.triggered.connect(self._on_edit_action_triggered)
        ui.delete_action.triggered.connect(self._on_delete_action_triggered)
        ui.import_action.triggered.connect(self._on_import_action_triggered)
        ui.export_action.triggered.connect(self._export.start)
        ui.search_action.triggered.connect(self._on_search_action_triggered)
        ui.cancel_button.clicked.connect(self._export.cancel)
        for action, reason in (
            (ui.add_action, self._cannot_edit),
            (ui.edit_action, self._cannot_edit),
            (ui.delete_action, self._cannot_edit),
            (ui.import_action, self._cannot_import),
        ):
            if reason:
                action.setToolTip(reason)
        ui.add_action.setEnabled(not self._cannot_edit)
        ui.import_action.setEnabled(not self._cannot_import)

    # -- loading -----------------------------------------------------------------------
    def _fetch(self, query: RecordQuery, deliver: Callable[[Page], None]) -> None:
        """A page of rows, read off the UI thread (the model drops what is out of date)."""
        records, kind = self._records, self._kind.name

        def arrived(page: Page) -> None:
            self._error = ""
            deliver(page)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            log.warning("Cannot list %s: %s", kind, exc)
            self._error = str(exc)
            deliver(Page([], 0))

        QueryOp(parent=self, op=lambda _task: records.page(kind, query), success=arrived).failure(
            failed
        ).run_in_background()

    def _load_references(self) -> None:
        """Names beside reference codes, and the villages of the village filter."""
        records, kind = self._records, self._kind
        QueryOp(
            parent=self,
            op=lambda _task: reference_names(records, kind),
            success=self._show_references,
        ).key("references").run_in_background()

    def _show_references(self, names: dict[str, dict[str, str]]) -> None:
        self._model.set_ref_names(names)
        if self._village is not None:
            self._filters.set_villages(names.get(self._village.name, {}))

    def _after_load(self) -> None:
        (keep_id, keep_row), self._keep = self._keep, (None, None)
        self._show_count()
        row = self._model.row_of(keep_id) if keep_id is not None else None
        if row is None and keep_row is not None and self._model.rowCount():
            row = min(keep_row, self._model.rowCount() - 1)
        if row is not None:
            index = self._model.index(row, 0)
            self.ui.records_table.setCurrentIndex(index)
            self.ui.records_table.scrollTo(index)
        if not self._sized and self._model.rowCount():
            self._size_columns()
        self._update_actions()

    def _show_count(self) -> None:
        total = self._model.total
        count = fill(self.tr("%1 dòng", "", total), format_number(total))
        self.ui.count_label.setText(self._error or count)

    def _size_columns(self) -> None:
        """Each column as wide as its content, up to MAX_COLUMN_CHARS; the room the table has
        left goes to the columns that were cut (a course's long title), never to empty space."""
        table = self.ui.records_table
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        self._natural = {
            column: header.sectionSize(column)
            for column in range(self._model.columnCount())
            if not table.isColumnHidden(column)
        }
        self._sized = True
        self._spread()

    def _spread(self) -> None:
        if not self._natural:
            return
        table = self.ui.records_table
        header = table.horizontalHeader()
        widest = table.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
        widths = {column: min(natural, widest) for column, natural in self._natural.items()}
        spare = table.viewport().width() - sum(widths.values())
        cut = sorted((c for c in widths if self._natural[c] > widths[c]), key=self._natural.get)
        for left, column in enumerate(cut):
            extra = max(0, min(self._natural[column] - widths[column], spare // (len(cut) - left)))
            widths[column] += extra
            spare -= extra
        last = self._model.columnCount() - 1
        for column, width in widths.items():
            if column != last or not header.stretchLastSection():
                header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._spreader.start()  # once the table has its new size: more of what was cut shows

    def _update_actions(self) -> None:
        editable = self.ui.records_table.currentIndex().isValid() and not self._cannot_edit
        self.ui.edit_action.setEnabled(editable)
        self.ui.delete_action.setEnabled(editable)

    def _on_filters_changed(self) -> None:
        self._keep = (None, None)
        self.ui.work_label.setText("")
        self._model.set_query(self._filters.query(self._model.query))

    def _on_search_action_triggered(self) -> None:
        self.ui.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search_edit.selectAll()

    # -- record slots ------------------------------------------------------------------
    def _on_records_table_current_row_changed(
        self, _current: QModelIndex, _previous: QModelIndex
    ) -> None:
        self._update_actions()

    def _on_records_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ui.edit_action.trigger()

    def _on_add_action_triggered(self) -> None:
        if self._kind.name == "participants":
            self._open_participants_dialog()  # many people at once, the course chosen once
        else:
            self._open_record_dialog(None)

    def _on_edit_action_triggered(self) -> None:
        record = self.current_record()
        if record is None:
            return
        records, kind, record_id = self._records, self._kind.name, record.id

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._dialogs.warn(self, self.tr("Không sửa được"), str(exc))
            self.refresh()

        QueryOp(
            parent=self,
            op=lambda _task: records.get(kind, record_id),  # as stored now
            success=self._open_record_dialog,
        ).failure(refused).run_in_background()

    def _open_record_dialog(self, record: Record | None) -> None:
        """Read what the reference fields offer (off the UI thread), then open the dialog."""
        if self._dialog is not None:
            self._dialog.raise_()
            return
        if self._opening:
            return
        self._opening = True
        records, kind = self._records, self._kind.name

        def failed(exc: Exception) -> None:
            self._opening = False
            raise exc

        QueryOp(
            parent=self,
            op=lambda _task: reference_choices(records, kind),
            success=lambda choices: self._show_record_dialog(record, choices),
        ).failure(failed).run_in_background()

    def _show_record_dialog(self, record: Record | None, choices: dict[str, list[Record]]) -> None:
        self._opening = False
        dialog = RecordDialog(self._ctx, self._kind.name, record, self, references=choices)
        dialog.record_saved.connect(self._on_record_dialog_record_saved)
        dialog.record_reread.connect(self._on_record_dialog_record_saved)
        self._show_dialog(dialog)

    def _open_participants_dialog(self) -> None:
        """Read the courses, the staff and who is already in which course, then open."""
        if self._dialog is not None:
            self._dialog.raise_()
            return
        if self._opening:
            return
        self._opening = True
        records = self._records
        current = self.current_record()
        course = current["training_code"] if current is not None else None

        def failed(exc: Exception) -> None:
            self._opening = False
            raise exc

        QueryOp(
            parent=self,
            op=lambda _task: participant_choices(records),
            success=lambda choices: self._show_participants_dialog(choices, course),
        ).failure(failed).run_in_background()

    def _show_participants_dialog(self, choices: ParticipantChoices, course: str | None) -> None:
        self._opening = False
        dialog = ParticipantsDialog(
            self._ctx, choices.courses, choices.staff, choices.enrolled, course, self
        )
        dialog.participants_saved.connect(self._on_participants_dialog_participants_saved)
        self._show_dialog(dialog)

    def _on_participants_dialog_participants_saved(self, saved: list[Record]) -> None:
        if saved:
            self._show_saved(saved[0].id)

    def _on_record_dialog_record_saved(self, record: Record) -> None:
        self._show_saved(record.id)

    def _show_saved(self, record_id: int) -> None:
        """Show the record just saved, selected and in view, wherever the sort puts it; when
        the filters would hide it, they are cleared (and the page says so)."""
        self._load_references()
        records, kind = self._records, self._kind.name
        query = self._filters.query(self._model.query)
        unfiltered = RecordQuery(sort=query.sort, descending=query.descending)

        def locate(_task: object) -> tuple[int | None, bool]:
            at = records.position(kind, query, record_id)
            if at is None and query != unfiltered:
                return records.position(kind, unfiltered, record_id), True
            return at, False

        def located(result: tuple[int | None, bool]) -> None:
            at, cleared = result
            if cleared and at is not None:
                self._filters.clear()
                self.ui.work_label.setText(
                    self.tr("Đã bỏ lọc để hiện bản ghi vừa lưu (bộ lọc đang chọn sẽ ẩn nó).")
                )
            self._keep = (record_id, None)
            rows = max(self._model.rowCount(), (at or 0) + 1)
            self._model.set_query(self._filters.query(self._model.query), at_least=rows)

        QueryOp(parent=self, op=locate, success=located).key("locate").run_in_background()

    def _on_delete_action_triggered(self) -> None:
        record = self.current_record()
        if record is None:
            return
        what = describe(self._kind, record, self._ctx.catalogue.vocab)
        question = fill(self.tr("Xóa %1 «%2»?"), kind_text(self._kind.label).lower(), what)
        if not self._dialogs.confirm(self, self.tr("Xóa"), question):
            return
        records, kind, record_id = self._records, self._kind.name, record.id
        shown = record.version or None
        row = self.ui.records_table.currentIndex().row()

        def delete(_task: object) -> Changes:
            records.delete(kind, record_id, shown)
            return Changes.of(Kind.RECORDS, record_kinds=[kind])

        def deleted(_changes: Changes) -> None:
            self._reload(None, keep_row=row)  # the row below moves up under the cursor

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._dialogs.warn(self, self.tr("Không xóa được"), str(exc))
            if isinstance(exc, StaleSave):  # changed by someone else: show it as it is now
                self._reload(record_id)

        WriteOp(parent=self, op=delete, success=deleted).failure(refused).run_in_background()

    # -- import ------------------------------------------------------------------------
    def _on_import_action_triggered(self) -> None:
        if self._dialog is not None:
            return
        path = self._dialogs.choose_open_path(
            self,
            fill(self.tr("Nhập %1 từ Excel"), kind_text(self._kind.label).lower()),
            self.tr("Bảng tính (*.xlsx *.xlsm *.csv);;Tất cả các tệp (*)"),
        )
        if path is None:
            return
        dialog = ImportDialog(self._ctx, self._kind.name, path, self)
        dialog.imported.connect(self._on_import_dialog_imported)
        self.ui.import_action.setEnabled(False)
        self._show_dialog(dialog)
        dialog.start()

    def _on_import_dialog_imported(self, _report: object) -> None:
        self.refresh()

    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_dialog_finished(self, _result: int) -> None:
        self._dialog = None
        self.ui.import_action.setEnabled(not self._cannot_import)
        self.ui.records_table.setFocus()
