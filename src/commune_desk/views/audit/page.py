"""The Nhật ký thay đổi section (supervisors): who changed what and when, filtered and exported.

The entries read in words that the audit service writes (plain Vietnamese, like its messages);
the page and the .xlsx export show the same text.

Entries are read newest first a page at a time (the trail of a busy commune grows long); the
export runs in the background through the audit service's atomic .xlsx writer.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHeaderView, QWidget

from commune_desk.domain.numbers import format_number
from commune_desk.services.audit import AuditKind, AuditQuery, AuditRow, AuditService
from commune_desk.services.audit import AuditPage as AuditPageRows
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.views.forms.ui_audit_page import Ui_AuditPage
from commune_desk.views.kernel import Kind, QueryOp, kernel
from commune_desk.views.widgets.dialogs import Dialogs, choose_workbook_path
from commune_desk.views.widgets.i18n import fill
from commune_desk.views.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
PAGE = 500

KIND_TITLES = {
    AuditKind.FIGURE: QT_TRANSLATE_NOOP("AuditPage", "Số liệu hằng tháng"),
    AuditKind.RECORD: QT_TRANSLATE_NOOP("AuditPage", "Danh sách"),
    AuditKind.REPORT: QT_TRANSLATE_NOOP("AuditPage", "Nộp báo cáo, mở khóa"),
    AuditKind.LOGIN: QT_TRANSLATE_NOOP("AuditPage", "Đăng nhập"),
    AuditKind.ACCOUNT: QT_TRANSLATE_NOOP("AuditPage", "Tài khoản"),
    AuditKind.SETTINGS: QT_TRANSLATE_NOOP("AuditPage", "Thông tin xã, cài đặt, chỉ tiêu"),
}


REASON_CHARS = 20  # what the reasons column keeps on a narrow screen
MIN_CHARS = 10  # no column narrower than this


class Column(IntEnum):
    AT = 0
    WHO = 1
    ACTION = 2
    WHAT = 3
    PERIOD = 4
    OLD = 5
    NEW = 6
    REASON = 7


HEADERS = {
    Column.AT: QT_TRANSLATE_NOOP("AuditModel", "Thời điểm"),
    Column.WHO: QT_TRANSLATE_NOOP("AuditModel", "Người"),
    Column.ACTION: QT_TRANSLATE_NOOP("AuditModel", "Thao tác"),
    Column.WHAT: QT_TRANSLATE_NOOP("AuditModel", "Đối tượng"),
    Column.PERIOD: QT_TRANSLATE_NOOP("AuditModel", "Kỳ"),
    Column.OLD: QT_TRANSLATE_NOOP("AuditModel", "Giá trị cũ"),
    Column.NEW: QT_TRANSLATE_NOOP("AuditModel", "Giá trị mới"),
    Column.REASON: QT_TRANSLATE_NOOP("AuditModel", "Lý do"),
}


# Asks for rows (query, offset, limit) and hands the page to the callback, now or later.
Fetch = Callable[[AuditQuery, int, int, Callable[[AuditPageRows], None]], None]


class AuditModel(RowsModel[AuditRow]):
    """The audit trail for a query, a page at a time; pages for an older query are dropped."""

    columns = Column
    context = "AuditModel"
    headers = HEADERS
    loaded = Signal()  # the first page of the current query has arrived

    def __init__(
        self, service: AuditService, parent: QWidget | None = None, fetch: Fetch | None = None
    ) -> None:
        super().__init__(parent)
        self._fetch: Fetch = fetch or (
            lambda query, offset, limit, deliver: deliver(service.page(query, offset, limit))
        )
        self.query = AuditQuery()
        self.total = 0
        self._generation = 0
        self._waiting = False

    def set_query(self, query: AuditQuery) -> None:
        self.query = query
        self._generation += 1
        generation, self._waiting = self._generation, True

        def arrived(page: AuditPageRows) -> None:
            if generation == self._generation:
                self._waiting = False
                self.total = page.total
                self.set_rows(page.rows)
                self.loaded.emit()

        self._fetch(query, 0, PAGE, arrived)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._waiting and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        generation, self._waiting = self._generation, True

        def arrived(page: AuditPageRows) -> None:
            if generation != self._generation:
                return
            self._waiting = False
            more = page.rows
            if not more:
                self.total = len(self.rows)
                return
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows = (*self._rows, *more)
            self.endInsertRows()

        self._fetch(self.query, len(self.rows), PAGE, arrived)

    def text(self, row: AuditRow, column: Column) -> str:
        if column is Column.AT:
            return row.at.strftime("%d/%m/%Y %H:%M:%S")
        if column is Column.WHO:
            return f"{row.actor_name} ({row.actor})" if row.actor_name else row.actor
        if column is Column.ACTION:
            return row.text.action
        if column is Column.WHAT:
            return row.text.subject
        if column is Column.PERIOD:
            return row.text.period
        if column is Column.OLD:
            return row.text.old
        if column is Column.NEW:
            return row.text.new
        return row.reason

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self.row_at(index.row()), Column(index.column()))
        return None


class AuditPage(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._dialogs = dialogs
        self._service = AuditService(ctx)
        self._exporting = False
        self._sized = False
        self._model = AuditModel(self._service, self, fetch=self._fetch)
        self._model.loaded.connect(self._on_model_loaded)
        ui = self.ui
        ui.audit_table.setModel(self._model)
        ui.audit_table.verticalHeader().hide()
        ui.audit_table.verticalHeader().setDefaultSectionSize(
            ui.audit_table.fontMetrics().height() + 8
        )
        header = ui.audit_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        today = ctx.today()
        ui.date_from_edit.setDate(QDate(today.year, today.month, 1))
        ui.date_to_edit.setDate(QDate(today.year, today.month, today.day))
        self._fill_combos()
        ui.actor_combo.currentIndexChanged.connect(self._on_filters_changed)
        ui.kind_combo.currentIndexChanged.connect(self._on_filters_changed)
        ui.dates_check.toggled.connect(self._on_filters_changed)
        ui.date_from_edit.dateChanged.connect(self._on_filters_changed)
        ui.date_to_edit.dateChanged.connect(self._on_filters_changed)
        ui.export_button.clicked.connect(self._on_export_button_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.activated.connect(ui.export_button.click)
        self._on_filters_changed()
        self._size_columns()
        kernel().bus.subscribe(self, (Kind.AUDIT,), lambda _changes: self.refresh())

    @property
    def model(self) -> AuditModel:
        return self._model

    def query(self) -> AuditQuery:
        """The filters as chosen."""
        ui = self.ui
        kind = ui.kind_combo.currentData()
        dated = ui.dates_check.isChecked()
        return AuditQuery(
            actor=ui.actor_combo.currentData() or "",
            date_from=ui.date_from_edit.date().toPython() if dated else None,
            date_to=ui.date_to_edit.date().toPython() if dated else None,
            kinds=(AuditKind(kind),) if kind else (),
        )

    def refresh(self) -> None:
        self._fill_combos()
        self._on_filters_changed()

    # -- slots ---------------------------------------------------------------------------
    def _fetch(
        self,
        query: AuditQuery,
        offset: int,
        limit: int,
        deliver: Callable[[AuditPageRows], None],
    ) -> None:
        """Rows of the trail, read off the UI thread."""
        service = self._service

        def failed(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self.ui.count_label.setText(str(exc))

        QueryOp(
            parent=self, op=lambda _task: service.page(query, offset, limit), success=deliver
        ).failure(failed).run_in_background()

    def _on_filters_changed(self, *_args: object) -> None:
        ui = self.ui
        ui.date_from_edit.setEnabled(ui.dates_check.isChecked())
        ui.date_to_edit.setEnabled(ui.dates_check.isChecked())
        self._model.set_query(self.query())

    def _on_model_loaded(self) -> None:
        ui = self.ui
        total = self._model.total
        ui.count_label.setText(fill(self.tr("%1 dòng", "", total), format_number(total)))
        ui.export_button.setEnabled(total > 0 and not self._exporting)
        if not self._sized and self._model.rowCount():  # the columns fit the first rows read
            self._sized = True
            self._size_columns()

    def _on_export_button_clicked(self) -> None:
        if self._exporting or not self.ui.export_button.isEnabled():
            return
        path = choose_workbook_path(
            self._dialogs,
            self,
            self.tr("Xuất nhật ký thay đổi ra tệp Excel"),
            f"nhat-ky-thay-doi-{self._ctx.today():%d-%m-%Y}.xlsx",
        )
        if path is None:
            return
        service, query = self._service, self._model.query
        self._exporting = True
        QueryOp(
            parent=self,
            op=lambda task: (path, service.export(query, path, task.progress)),
            success=self._on_export_finished,
        ).failure(self._on_export_failed).with_busy(self.ui.export_button).run_in_background()

    def _on_export_finished(self, result: tuple[Path, int]) -> None:
        path, rows = result
        self._exporting = False
        text = fill(self.tr("Đã xuất %1 dòng vào tệp %2."), format_number(rows), path)
        self._dialogs.inform(self, self.tr("Xuất nhật ký thay đổi"), text)

    def _on_export_failed(self, error: Exception) -> None:
        self._exporting = False
        self._dialogs.warn(self, self.tr("Không xuất được nhật ký thay đổi"), str(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._model.retranslate()
            self.refresh()
        super().changeEvent(event)

    # -- helpers -------------------------------------------------------------------------
    def _size_columns(self) -> None:
        """Every column on the screen: each fits its text within a cap, and when the table is
        narrow (a 1366×768 office screen) the long ones give way until the reasons show."""
        table = self.ui.audit_table
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(200)
        char = table.fontMetrics().averageCharWidth()
        caps = {
            Column.AT: 24,
            Column.WHO: 26,
            Column.ACTION: 18,
            Column.WHAT: 34,
            Column.PERIOD: 16,
            Column.OLD: 18,
            Column.NEW: 18,
        }
        for column, cap in caps.items():
            table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), cap * char))
        room = table.viewport().width() - sum(header.sectionSize(c) for c in caps)
        wanted = REASON_CHARS * char
        for column in (Column.WHAT, Column.OLD, Column.NEW, Column.WHO, Column.ACTION):
            if room >= wanted:
                break
            give = min(wanted - room, header.sectionSize(column) - MIN_CHARS * char)
            if give > 0:
                header.resizeSection(column, header.sectionSize(column) - give)
                room += give
        header.resizeSection(Column.REASON, max(room, wanted))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._size_columns)  # once the table has its new width

    def _fill_combos(self) -> None:
        """The kinds at once; the people who appear in the trail when they have been read."""
        ui = self.ui
        kind = ui.kind_combo.currentData()
        ui.kind_combo.blockSignals(True)
        ui.kind_combo.clear()
        ui.kind_combo.addItem(self.tr("Tất cả"), "")
        for audit_kind, title in KIND_TITLES.items():
            ui.kind_combo.addItem(QCoreApplication.translate("AuditPage", title), str(audit_kind))
        ui.kind_combo.setCurrentIndex(max(ui.kind_combo.findData(kind), 0) if kind else 0)
        ui.kind_combo.blockSignals(False)
        if ui.actor_combo.count() == 0:
            ui.actor_combo.addItem(self.tr("Tất cả"), "")
        service = self._service
        QueryOp(parent=self, op=lambda _task: service.actors(), success=self._fill_actors).failure(
            lambda _exc: self._fill_actors([])
        ).key("actors").run_in_background()

    def _fill_actors(self, people: list[tuple[str, str]]) -> None:
        combo = self.ui.actor_combo
        actor = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Tất cả"), "")
        for username, name in people:
            combo.addItem(f"{name} ({username})" if name else username, username)
        found = combo.findData(actor) if actor else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if actor and found < 0:  # the one chosen is no longer listed: show everyone
            self._on_filters_changed()
