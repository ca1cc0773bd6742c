"""Tổng hợp: choose the communes' reports (folders or files), an optional list of communes and
the output file; consolidate in the background with a progress bar and Cancel; then the
summary, the problems and "Mở tệp kết quả"; "Tiếp nhận / trả lại…" answers one commune's
report with the province's signed reply. The page only asks the dialogs and calls
ConsolidationService and ReviewService.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHeaderView, QWidget

from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import Issue
from commune_desk.services.consolidation import ConsolidationResult, ConsolidationService
from commune_desk.services.errors import ServiceError
from commune_desk.services.replies import ReviewService
from commune_desk.views.consolidation.document_fields import DocumentFields
from commune_desk.views.forms.ui_consolidation_page import Ui_ConsolidationPage
from commune_desk.views.kernel import QueryOp, Task
from commune_desk.views.widgets.dialogs import Dialogs, choose_workbook_path
from commune_desk.views.widgets.i18n import fill

_Index = QModelIndex | QPersistentModelIndex


class ProblemColumn(IntEnum):
    FILE = 0
    KIND = 1
    DETAIL = 2


_HEADERS = (
    QT_TRANSLATE_NOOP("ProblemsModel", "Tệp"),
    QT_TRANSLATE_NOOP("ProblemsModel", "Vấn đề"),
    QT_TRANSLATE_NOOP("ProblemsModel", "Chi tiết"),
)


class ProblemsModel(QAbstractTableModel):
    """The problems of the last consolidation, one row per Issue."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Issue, ...] = ()

    def set_rows(self, rows: tuple[Issue, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ProblemColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        issue = self._rows[index.row()]
        column = ProblemColumn(index.column())
        if column is ProblemColumn.FILE:
            return issue.file
        if column is ProblemColumn.KIND:
            return issue.label
        return issue.detail

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ProblemsModel", _HEADERS[section])
        return None


class ConsolidationPage(QWidget):
    consolidated = Signal(object)  # ConsolidationResult, after the workbook was written

    def __init__(
        self,
        catalogue: Catalogue,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        province_key: Path | None = None,
        document_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConsolidationPage()
        self.ui.setupUi(self)
        self._service = ConsolidationService(catalogue)
        self._province_key = province_key  # the province office's key file (its replies)
        # The agency, signer and deadline: remembered in document_file, read in the background.
        self._document = DocumentFields(self.ui, document_file, self)
        self._document.loaded.connect(self._update_buttons)
        self._dialogs = dialogs
        self._open_url = open_url
        self._sources: list[Path] = []
        self._units: Path | None = None
        self._out: Path | None = None
        self._op: QueryOp | None = None  # the consolidation under way
        self._result: ConsolidationResult | None = None
        self._model = ProblemsModel(self)
        table = self.ui.problems_table
        table.setModel(self._model)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProblemColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        ui = self.ui
        ui.add_folder_button.clicked.connect(self._on_add_folder_button_clicked)
        ui.add_file_button.clicked.connect(self._on_add_file_button_clicked)
        ui.clear_button.clicked.connect(self._on_clear_button_clicked)
        ui.units_button.clicked.connect(self._on_units_button_clicked)
        ui.output_button.clicked.connect(self._on_output_button_clicked)
        ui.run_button.clicked.connect(self._on_run_button_clicked)
        ui.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        ui.open_button.clicked.connect(self._on_open_button_clicked)
        ui.review_button.clicked.connect(self._on_review_button_clicked)
        ui.review_button.setEnabled(province_key is not None)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        """A switch of language re-translates the page at once (a result's summary stays in
        the language it was made in: it names files and communes)."""
        if event.type() == QEvent.Type.LanguageChange:
            summary = self.ui.summary_label.text()
            self.ui.retranslateUi(self)
            self.ui.summary_label.setText(summary)
            self._model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        super().changeEvent(event)

    # -- public ------------------------------------------------------------------------
    @property
    def model(self) -> ProblemsModel:
        return self._model

    @property
    def result(self) -> ConsolidationResult | None:
        return self._result

    @property
    def running(self) -> bool:
        return self._op is not None

    # -- choosing --------------------------------------------------------------------------
    def _add_sources(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self._sources:
                self._sources.append(path)
                self.ui.sources_list.addItem(str(path))
        self._update_buttons()

    def _on_add_folder_button_clicked(self) -> None:
        folder = self._dialogs.choose_folder(self, self.tr("Chọn thư mục báo cáo"))
        self._add_sources([folder] if folder is not None else [])

    def _on_add_file_button_clicked(self) -> None:
        filters = self.tr("Bảng tính Excel (*.xlsx)")
        title = self.tr("Chọn báo cáo (giữ Ctrl để chọn nhiều tệp)")
        self._add_sources(self._dialogs.choose_open_paths(self, title, filters))

    def _on_clear_button_clicked(self) -> None:
        self._sources.clear()
        self.ui.sources_list.clear()
        self._update_buttons()

    def _on_units_button_clicked(self) -> None:
        filters = self.tr("Danh sách (*.csv *.xlsx)")
        path = self._dialogs.choose_open_path(self, self.tr("Chọn danh sách xã"), filters)
        self._units = path
        self.ui.units_edit.setText(str(path) if path else "")

    def _on_output_button_clicked(self) -> None:
        title = self.tr("Lưu bảng tổng hợp")
        path = choose_workbook_path(self._dialogs, self, title, "tong_hop.xlsx")
        self._out = path
        self.ui.output_edit.setText(str(path) if path else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._op is not None or not self._document.ready
        self.ui.run_button.setEnabled(not busy and bool(self._sources) and self._out is not None)

    # -- running ---------------------------------------------------------------------------
    def _on_run_button_clicked(self) -> None:
        if not self._sources or self._out is None or not self._document.ready:
            return
        sources, out, units = list(self._sources), self._out, self._units
        period = self.ui.period_edit.text().strip() or None
        drafts = self.ui.include_drafts_check.isChecked()
        fields = self._document
        document, dated = fields.settings(), fields.dated()
        deadline, deadlines, remember = fields.deadline(), fields.deadlines(), fields.remember()
        service = self._service

        def work(task: Task) -> ConsolidationResult:
            result = service.consolidate(
                sources,
                out,
                period,
                units,
                progress=task.progress,
                cancelled=lambda: task.cancelled,
                include_drafts=drafts,
                document=document,
                dated=dated,
                deadline=deadline,
                deadlines=deadlines,
            )
            remember(result.period, deadline)  # the next consolidation carries them
            return result

        # Workbooks only (no database): in parallel with the database's work.
        self._op = (
            QueryOp(parent=self, op=work, success=self._on_op_finished)
            .with_progress(self._on_op_progress)
            .failure(self._on_op_failed)
            .on_cancel(self._on_op_cancelled)
            .in_parallel()
        )
        ui = self.ui
        ui.run_button.setEnabled(False)
        ui.cancel_button.setEnabled(True)
        ui.open_button.setEnabled(False)
        ui.progress_bar.setValue(0)
        ui.summary_label.setText(self.tr("Đang đọc báo cáo của các xã…"))
        self._op.run_in_background()

    def _on_cancel_button_clicked(self) -> None:
        if self._op is not None:
            self._op.cancel()
            self.ui.cancel_button.setEnabled(False)

    def _on_op_progress(self, done: int, total: int) -> None:
        self.ui.progress_bar.setMaximum(max(total, 1))
        self.ui.progress_bar.setValue(done)

    def _finish(self, text: str) -> None:
        self._op = None
        self.ui.cancel_button.setEnabled(False)
        self.ui.summary_label.setText(text)
        self._update_buttons()

    def _on_op_finished(self, result: ConsolidationResult) -> None:
        self._result = result
        self._document.remembered(result.period, result.deadline)
        self._model.set_rows(result.problems)
        self.ui.open_button.setEnabled(True)
        self._finish(result.summary)
        self.consolidated.emit(result)

    def _on_op_failed(self, error: Exception) -> None:
        self._model.set_rows(())
        self._finish(str(error))
        self._dialogs.warn(self, self.tr("Không tổng hợp được"), str(error))

    def _on_op_cancelled(self) -> None:
        self._finish(self.tr("Đã hủy tổng hợp; chưa ghi tệp nào."))

    def _on_open_button_clicked(self) -> None:
        if self._result is not None:
            self._open_url(QUrl.fromLocalFile(str(self._result.out)))

    # -- replying to a commune ----------------------------------------------------------------
    def _on_review_button_clicked(self) -> None:
        if self._province_key is None:
            return
        title = self.tr("Tiếp nhận hoặc trả lại báo cáo")
        filters = self.tr("Bảng tính Excel (*.xlsx)")
        report = self._dialogs.choose_open_path(self, self.tr("Chọn báo cáo của xã"), filters)
        if report is None:
            return
        label = self.tr("Lý do trả lại báo cáo (để trống: tiếp nhận báo cáo):")
        reason = self._dialogs.ask_text(self, title, label)
        if reason is None:
            return
        accept = not reason.strip()
        if accept and not self._dialogs.confirm(
            self, title, fill(self.tr("Tiếp nhận báo cáo %1?"), report.name)
        ):
            return
        suggested = f"phan_hoi_{report.stem}.xlsx"
        out = choose_workbook_path(self._dialogs, self, self.tr("Lưu phiếu phản hồi"), suggested)
        if out is None:
            return
        service = ReviewService(self._province_key)

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._dialogs.warn(self, self.tr("Không ghi được phiếu phản hồi"), str(exc))

        # Workbooks and the province's key file only (no database): in parallel.
        QueryOp(
            parent=self,
            op=lambda _task: service.review(report, accept, reason, out),
            success=lambda result: self._dialogs.inform(self, title, result.summary),
        ).failure(refused).with_busy(self.ui.review_button).in_parallel().run_in_background()
