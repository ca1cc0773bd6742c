"""The backups part of Cài đặt: the list of copies, "Sao lưu ngay" and "Khôi phục…".

Copies and restores run in the background; the buttons wait meanwhile. After a restore the
page emits `database_restored`, and the composition root rebuilds the window on the file.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from commune_desk.data.backup import BackupCopy, BackupError
from commune_desk.services.backups import BackupService, BackupSummary, RestoreResult
from commune_desk.services.errors import ServiceError
from commune_desk.views.forms.ui_settings_page import Ui_SettingsPage
from commune_desk.views.kernel.workers import Task, Worker, start
from commune_desk.views.settings.restore_dialog import ask_restore, kind_label, size_text, when_text
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill
from commune_desk.views.widgets.rows_model import Index, RowsModel

AskRestore = Callable[[QWidget | None, BackupSummary], bool]
_ERROR_STYLE = "color: #b3261e;"


class Column(IntEnum):
    WHEN = 0
    KIND = 1
    SIZE = 2


HEADERS = {
    Column.WHEN: QT_TRANSLATE_NOOP("BackupsModel", "Ngày giờ"),
    Column.KIND: QT_TRANSLATE_NOOP("BackupsModel", "Loại"),
    Column.SIZE: QT_TRANSLATE_NOOP("BackupsModel", "Dung lượng"),
}


class BackupsModel(RowsModel[BackupCopy]):
    columns = Column
    context = "BackupsModel"
    headers = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[Path, int] = {}

    def set_rows(self, rows) -> None:
        self._sizes = {}
        for copy in rows:
            try:
                self._sizes[copy.path] = copy.size
            except OSError:
                self._sizes[copy.path] = 0  # removed meanwhile: shown until the next refresh
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        copy = self.row_at(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.WHEN:
                return when_text(copy.taken_at)
            if column is Column.KIND:
                return kind_label(copy.kind)
            return size_text(self._sizes.get(copy.path, 0))
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(copy.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsSection(QObject):
    database_restored = Signal(object)  # the RestoreResult

    def __init__(
        self,
        ui: Ui_SettingsPage,
        service: BackupService,
        dialogs: Dialogs,
        page: QWidget,
        ask: AskRestore = ask_restore,
        cannot_restore: str = "",
    ) -> None:
        super().__init__(page)
        self._cannot_restore = cannot_restore  # why this account may not restore ("" if it may)
        self.ui, self._service, self._dialogs, self._page, self._ask = (
            ui,
            service,
            dialogs,
            page,
            ask,
        )
        self._worker: Worker | None = None
        self.model = BackupsModel(self)
        table = ui.backups_table
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        ui.backup_now_button.clicked.connect(self._on_backup_now_button_clicked)
        ui.backup_to_folder_button.clicked.connect(self._on_backup_to_folder_button_clicked)
        ui.restore_button.clicked.connect(self._on_restore_button_clicked)
        ui.restore_file_button.clicked.connect(self._on_restore_file_button_clicked)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._service.list())
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._worker is not None

    # -- slots ---------------------------------------------------------------------------
    def _on_backup_now_button_clicked(self) -> None:
        self._backup(None)

    def _on_backup_to_folder_button_clicked(self) -> None:
        folder = self._dialogs.choose_folder(
            self._page, self.tr("Chọn thư mục (ví dụ USB) để lưu bản sao lưu")
        )
        if folder is not None:
            self._backup(folder)

    def _on_restore_button_clicked(self) -> None:
        rows = self.ui.backups_table.selectionModel().selectedRows()
        if rows:
            self._restore(self.model.row_at(rows[0].row()).path)

    def _on_restore_file_button_clicked(self) -> None:
        path = self._dialogs.choose_open_path(
            self._page,
            self.tr("Chọn tệp sao lưu để khôi phục"),
            self.tr("Bản sao lưu Commune Desk (*.sqlite3 *.db);;Mọi tệp (*)"),
        )
        if path is not None:
            self._restore(path)

    # -- work ----------------------------------------------------------------------------
    def _backup(self, folder: Path | None) -> None:
        self._say(self.tr("Đang sao lưu…"))
        self._run(lambda _task: self._service.backup(folder), self._on_backup_done)

    def _on_backup_done(self, target: Path) -> None:
        self._say(fill(self.tr("Đã sao lưu vào %1"), target))
        self.refresh()

    def _restore(self, path: Path) -> None:
        try:
            summary = self._service.describe(path)
        except (BackupError, ServiceError) as exc:
            self._say(str(exc), error=True)
            return
        if not self._ask(self._page, summary):
            return
        # The dialog named both communes when they differ: accepting it is the confirmation.
        force = summary.other_commune
        self._say(self.tr("Đang lưu trạng thái hiện tại rồi khôi phục…"))
        self._run(lambda _task: self._service.restore(path, force), self._on_restore_done)

    def _on_restore_done(self, result: RestoreResult) -> None:
        text = fill(self.tr("Đã khôi phục từ %1."), result.restored_from.name)
        if result.safety_copy is not None:
            text += " " + fill(
                self.tr("Trạng thái trước đó đã được lưu vào %1."), result.safety_copy
            )
        if result.set_aside is not None:
            text += " " + fill(self.tr("Tệp hỏng được giữ lại với tên %1."), result.set_aside)
        self._say(text)
        self.refresh()
        self.database_restored.emit(result)

    def _run(self, function: Callable[[Task], object], done: Callable) -> None:
        worker = Worker(function)
        worker.signals.finished.connect(done)
        worker.signals.failed.connect(self._on_worker_failed)
        for signal in (worker.signals.finished, worker.signals.failed):
            signal.connect(self._on_worker_ended)
        self._worker = worker
        self._update_buttons()
        start(worker)

    def _on_worker_failed(self, error: Exception) -> None:
        self._say(str(error), error=True)

    def _on_worker_ended(self, _result: object) -> None:
        self._worker = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui, idle = self.ui, self._worker is None
        for button in (ui.backup_now_button, ui.backup_to_folder_button):
            button.setEnabled(idle)
        may_restore = idle and not self._cannot_restore
        ui.restore_file_button.setEnabled(may_restore)
        ui.restore_button.setEnabled(
            may_restore and ui.backups_table.selectionModel().hasSelection()
        )
        for button in (ui.restore_button, ui.restore_file_button):
            button.setToolTip(self._cannot_restore)

    def _say(self, text: str, error: bool = False) -> None:
        self.ui.backups_status_label.setStyleSheet(_ERROR_STYLE if error else "")
        self.ui.backups_status_label.setText(text)
