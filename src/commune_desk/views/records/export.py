"""Export of a record page's filtered list to .xlsx, in the background, with progress and cancel.

Its texts belong to the page ("RecordPage" in the translation file): the page's own words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from commune_desk.domain.numbers import format_number
from commune_desk.domain.records import RecordKind
from commune_desk.services.exports import ExportService
from commune_desk.services.records import RecordQuery
from commune_desk.views.kernel import QueryOp
from commune_desk.views.widgets.dialogs import Dialogs, choose_workbook_path
from commune_desk.views.widgets.i18n import fill

translate = QCoreApplication.translate  # lupdate reads translate("RecordPage", ...)


class ListExport(QObject):
    """Drives the page's export action, its progress bar, work label and cancel button."""

    exported = Signal(object, int)  # the file written and its number of rows

    def __init__(
        self,
        page,  # the RecordPage: its `ui` and the parent of the dialogs
        exports: ExportService,
        dialogs: Dialogs,
        kind: RecordKind,
        query: Callable[[], RecordQuery],
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__(page)
        self._page = page
        self.ui = page.ui
        self._exports = exports
        self._dialogs = dialogs
        self._kind = kind
        self._query = query
        self._today = today
        self._op: QueryOp | None = None
        self._running = False

    def start(self) -> None:
        if self._running:
            return
        today = self._today()
        path = choose_workbook_path(
            self._dialogs,
            self._page,
            translate("RecordPage", "Xuất danh sách ra tệp Excel"),
            f"{self._kind.label} {today:%d-%m-%Y}.xlsx",
        )
        if path is None:
            return
        exports, kind, query = self._exports, self._kind.name, self._query()
        self._op = (
            QueryOp(
                parent=self._page,
                op=lambda task: (path, exports.export_list(kind, query, path, task.progress)),
                success=self._on_op_finished,
            )
            .with_progress(self._on_op_progress)
            .failure(self._on_op_failed)
            .on_cancel(self._on_op_cancelled)
        )
        self._set_running(True)
        self._op.run_in_background()

    def cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()
        self.ui.cancel_button.setEnabled(False)

    def _on_op_progress(self, done: int, total: int) -> None:
        self.ui.work_progress.setRange(0, max(total, 1))
        self.ui.work_progress.setValue(done)

    def _on_op_finished(self, result: tuple[Path, int]) -> None:
        path, rows = result
        self._set_running(False)
        text = fill(
            translate("RecordPage", "Đã xuất %1 dòng vào tệp %2."), format_number(rows), path
        )
        self._dialogs.inform(self._page, translate("RecordPage", "Xuất danh sách"), text)
        self.exported.emit(path, rows)

    def _on_op_failed(self, error: Exception) -> None:
        self._set_running(False)
        self._dialogs.warn(
            self._page, translate("RecordPage", "Không xuất được danh sách"), str(error)
        )

    def _on_op_cancelled(self) -> None:
        self._set_running(False)
        self.ui.work_label.setText(translate("RecordPage", "Đã hủy xuất danh sách."))

    def _set_running(self, running: bool) -> None:
        self._running = running
        ui = self.ui
        ui.export_action.setEnabled(not running)
        ui.work_label.setText(translate("RecordPage", "Đang xuất danh sách…") if running else "")
        ui.work_progress.setRange(0, 0)  # busy until the first page is written
        ui.work_progress.setVisible(running)
        ui.cancel_button.setVisible(running)
        ui.cancel_button.setEnabled(running)
