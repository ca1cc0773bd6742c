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

from commune_desk.services.backups import (
    BackupCopy,
    BackupError,
    BackupService,
    BackupSummary,
    RestoreResult,
)
from commune_desk.services.errors import ServiceError
from commune_desk.views.forms.ui_settings_page import Ui_SettingsPage
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, Task, WriteOp, kernel
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
        self._running = 0
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
        kernel().bus.subscribe(page, (Kind.BACKUPS,), lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """List the copies again (off the UI thread)."""
        service = self._service
        QueryOp(parent=self._page, op=lambda _task: service.list(), success=self._show).failure(
            self._on_op_failed
        ).key("backups").run_in_background()

    def _show(self, copies: list[BackupCopy]) -> None:
        self.model.set_rows(copies)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._running > 0

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
        service = self._service
        self._run(
            lambda _task: service.backup(folder), self._on_backup_done, Changes.of(Kind.BACKUPS)
        )

    def _on_backup_done(self, target: Path) -> None:
        self._say(fill(self.tr("Đã sao lưu vào %1"), target))
        self.refresh()

    def _restore(self, path: Path) -> None:
        service = self._service

        def refused(exc: Exception) -> None:
            if not isinstance(exc, BackupError | ServiceError):
                raise exc
            self._say(str(exc), error=True)

        QueryOp(
            parent=self._page,
            op=lambda _task: service.describe(path),
            success=lambda summary: self._confirm_restore(path, summary),
        ).failure(refused).run_in_background()

    def _confirm_restore(self, path: Path, summary: BackupSummary) -> None:
        if not self._ask(self._page, summary):
            return
        # The dialog named both communes when they differ: accepting it is the confirmation.
        force = summary.other_commune
        self._say(self.tr("Đang lưu trạng thái hiện tại rồi khôi phục…"))
        service = self._service
        self._run(
            lambda _task: service.restore(path, force), self._on_restore_done, Changes.everything()
        )

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

    def _run(self, function: Callable[[Task], object], done: Callable, changes: Changes) -> None:
        """A backup or a restore, as a write announcing `changes` on the bus."""

        def write(task: Task) -> Outcome:
            return Outcome(function(task), changes)

        def finished(result: object) -> None:
            self._ended()
            done(result)

        def failed(error: Exception) -> None:
            self._ended()
            self._on_op_failed(error)

        self._running += 1
        self._update_buttons()
        WriteOp(parent=self._page, op=write, success=finished).failure(failed).run_in_background()

    def _on_op_failed(self, error: Exception) -> None:
        self._say(str(error), error=True)

    def _ended(self) -> None:
        self._running = max(self._running - 1, 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui, idle = self.ui, self._running == 0
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
