"""Import a list from Excel/CSV: first a preview (a dry run), then the import on request.

Both runs happen in a background worker with a progress bar and a Cancel button. The preview
says how many rows would be added, changed or left as they are, which columns are ignored, and
lists every refused row with its reason; "Nhập" stays disabled while any row is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from commune_desk.domain.numbers import format_number
from commune_desk.domain.records import KINDS, RecordKind
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ImportRefused, RowError
from commune_desk.services.imports import ImportReport, ImportService
from commune_desk.views.forms.ui_import_dialog import Ui_ImportDialog
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, Task, WriteOp
from commune_desk.views.records.model import kind_text
from commune_desk.views.widgets.i18n import fill

Index = QModelIndex | QPersistentModelIndex
Progress = Callable[[int, int], None]


class ErrorColumn(IntEnum):
    ROW = 0
    COLUMN = 1
    CODE = 2
    MESSAGE = 3


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a constant for translation (lupdate reads it); translated where shown."""
    return text


ERROR_HEADERS = {
    ErrorColumn.ROW: QT_TRANSLATE_NOOP("RowErrorsModel", "Dòng"),
    ErrorColumn.COLUMN: QT_TRANSLATE_NOOP("RowErrorsModel", "Cột"),
    ErrorColumn.CODE: QT_TRANSLATE_NOOP("RowErrorsModel", "Mã"),
    ErrorColumn.MESSAGE: QT_TRANSLATE_NOOP("RowErrorsModel", "Lý do"),
}


class RowErrorsModel(QAbstractTableModel):
    """The refused rows of an import: row, column, key and reason."""

    def __init__(self, kind: RecordKind | None = None, parent=None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._rows: tuple[RowError, ...] = ()

    def set_rows(self, rows: Sequence[RowError]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowError:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ErrorColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(ErrorColumn):
            return self.tr(ERROR_HEADERS[ErrorColumn(section)])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        error = self._rows[index.row()]
        column = ErrorColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ErrorColumn.ROW:
                return str(error.row) if error.row else ""
            if column == ErrorColumn.COLUMN:
                return self._column_text(error.column)
            return error.code if column == ErrorColumn.CODE else error.message
        if role == Qt.ItemDataRole.ToolTipRole and column == ErrorColumn.COLUMN:
            return error.column or None
        if role == Qt.ItemDataRole.ToolTipRole and column == ErrorColumn.MESSAGE:
            return error.message
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ErrorColumn.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _column_text(self, column: str) -> str:
        """A field's label when the column is one of the kind's fields, else as written."""
        if self._kind is not None and column in self._kind.columns:
            return kind_text(self._kind.field(column).label)
        return column


class ImportDialog(QDialog):
    """Call `start()` after `open()`: the preview runs at once in the background."""

    checked = Signal(object)  # the preview's ImportReport, or the ImportRefused
    imported = Signal(object)  # the ImportReport of the import done

    def __init__(
        self,
        ctx: ServiceContext,
        kind: str,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self._service = ImportService(ctx)
        self._kind = KINDS[kind]
        self._path = Path(path)
        self._op: QueryOp | None = None
        self._running = False
        self._dry_run = True
        self._close_when_done = False
        self.preview: ImportReport | None = None
        self.report: ImportReport | None = None
        self._errors = RowErrorsModel(self._kind, self)
        self.ui.errors_table.setModel(self._errors)
        header = self.ui.errors_table.horizontalHeader()
        header.setSectionResizeMode(ErrorColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.setWindowTitle(fill(self.tr("Nhập từ Excel — %1"), kind_text(self._kind.label)))
        self.ui.file_label.setText(fill(self.tr("Tệp: %1"), self._path.name))
        self.ui.file_label.setToolTip(str(self._path))
        self._show_errors(())
        self.ui.import_button.clicked.connect(self._on_import_button_clicked)
        self.ui.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.ui.close_button.clicked.connect(self._on_close_button_clicked)
        self._set_running(False)

    # -- public ------------------------------------------------------------------------
    @property
    def errors_model(self) -> RowErrorsModel:
        return self._errors

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Check the file (a dry run): nothing is written."""
        self.ui.summary_label.setText(self.tr("Đang kiểm tra tệp…"))
        self._run(dry_run=True)

    def reject(self) -> None:
        if self.running:  # stop the work first; the dialog closes when the worker reports
            self._close_when_done = True
            self._on_cancel_button_clicked()
            return
        super().reject()

    # -- work --------------------------------------------------------------------------
    def _run(self, dry_run: bool) -> None:
        service, kind, path = self._service, self._kind.name, self._path
        self._dry_run = dry_run
        if dry_run:  # a check reads the file and the lists; nothing is written
            op: QueryOp = QueryOp(
                parent=self,
                op=lambda task: service.import_file(
                    kind, path, dry_run=True, progress=task.progress
                ),
            )
        else:

            def write(task: Task) -> Outcome[ImportReport]:
                report = service.import_file(kind, path, dry_run=False, progress=task.progress)
                written = report.added + report.changed > 0
                changes = Changes.of(Kind.RECORDS, record_kinds=[kind]) if written else Changes()
                return Outcome(report, changes)

            op = WriteOp(parent=self, op=write)
        self._op = op.with_progress(self._on_op_progress).on_success(self._on_op_finished)
        op.failure(self._on_op_failed).on_cancel(self._on_op_cancelled)
        self.ui.progress_bar.setRange(0, 0)  # busy until the first report
        self._running = True
        self._set_running(True)
        op.run_in_background()

    def _on_op_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.ui.progress_bar.setRange(0, total)
            self.ui.progress_bar.setValue(done)

    def _on_op_finished(self, report: ImportReport) -> None:
        self._finish_progress()
        if self._dry_run:
            self.preview = report
            self.ui.summary_label.setText(self._preview_text(report))
            self.ui.import_button.setEnabled(report.added + report.changed > 0)
            self._done()
            self.checked.emit(report)
            return
        self.report = report
        text = self.tr("Đã nhập: thêm %1, sửa %2, không đổi %3 dòng.")
        self.ui.summary_label.setText(_fill(text, report.added, report.changed, report.unchanged))
        self.ui.import_button.setEnabled(False)
        self._done()
        self.ui.close_button.setFocus()
        self.imported.emit(report)

    def _on_op_failed(self, error: Exception) -> None:
        self._finish_progress()
        self.ui.import_button.setEnabled(False)
        if isinstance(error, ImportRefused):
            self._show_errors(error.errors)
            text = self.tr(
                "Không nhập được: %1 lỗi. Hãy sửa tệp rồi nhập lại; chưa có gì được ghi."
            )
            self.ui.summary_label.setText(_fill(text, len(error.errors)))
        else:
            self.ui.summary_label.setText(fill(self.tr("Lỗi: %1"), error))
        self._done()
        if self._dry_run:
            self.checked.emit(error)

    def _on_op_cancelled(self) -> None:
        self.ui.progress_bar.setRange(0, 1)
        self.ui.progress_bar.setValue(0)
        if self._dry_run:
            self.ui.summary_label.setText(self.tr("Đã hủy kiểm tra tệp."))
        else:
            self.ui.summary_label.setText(self.tr("Đã hủy nhập; chưa có gì được ghi."))
            preview = self.preview
            self.ui.import_button.setEnabled(bool(preview and preview.added + preview.changed))
        self._done()

    def _done(self) -> None:
        self._running = False
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    # -- slots -------------------------------------------------------------------------
    def _on_import_button_clicked(self) -> None:
        if self.running or self.preview is None:
            return
        self.ui.summary_label.setText(self.tr("Đang nhập…"))
        self._run(dry_run=False)

    def _on_cancel_button_clicked(self) -> None:
        if self.running and self._op is not None:
            self._op.cancel()
            self.ui.cancel_button.setEnabled(False)
            self.ui.summary_label.setText(self.tr("Đang hủy…"))

    def _on_close_button_clicked(self) -> None:
        self.reject()

    # -- display -----------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        self.ui.cancel_button.setEnabled(running)
        self.ui.cancel_button.setVisible(running)
        if running:
            self.ui.import_button.setEnabled(False)
            self.ui.progress_bar.show()

    def _finish_progress(self) -> None:
        self.ui.progress_bar.setRange(0, 1)
        self.ui.progress_bar.setValue(1)

    def _show_errors(self, errors: Sequence[RowError]) -> None:
        self._errors.set_rows(errors)
        self.ui.errors_label.setVisible(bool(errors))
        self.ui.errors_table.setVisible(bool(errors))
        if errors:
            self.ui.errors_table.resizeColumnsToContents()
            header = self.ui.errors_table.horizontalHeader()
            header.setSectionResizeMode(ErrorColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)

    def _preview_text(self, report: ImportReport) -> str:
        if report.rows == 0:
            return self.tr("Tệp không có dòng dữ liệu nào.")
        text = self.tr("Tệp có %1 dòng: sẽ thêm %2, sửa %3, không đổi %4.")
        text = _fill(text, report.rows, report.added, report.changed, report.unchanged)
        if report.ignored_columns:
            ignored = self.tr("Các cột không dùng (bỏ qua): %1.")
            text += "\n" + fill(ignored, ", ".join(report.ignored_columns))
        if report.added + report.changed == 0:
            text += "\n" + self.tr("Không có gì để nhập: danh sách đã giống tệp.")
        else:
            text += "\n" + self.tr("Bấm «Nhập» để ghi vào cơ sở dữ liệu.")
        return text


def _fill(text: str, *numbers: int) -> str:
    """Put Vietnamese-formatted numbers in the %1, %2… places of a translated text."""
    return fill(text, *(format_number(n) for n in numbers))
