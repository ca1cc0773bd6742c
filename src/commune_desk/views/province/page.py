"""The province view: a period chooser, every commune of the database with its status for
that period, and the indicators consolidated from the communes that submitted it.

Read only: every read is a kernel query (off the UI thread); nothing here writes. The window
opens it for a province account (an account of no commune) on a database of many communes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from commune_desk.domain.periods import Kind as PeriodKind
from commune_desk.domain.periods import Mode, Period, current_month
from commune_desk.services.context import ServiceContext
from commune_desk.services.province import ProvinceOverview, province_overview
from commune_desk.views.kernel import QueryOp
from commune_desk.views.province.table_model import CommunesModel, IndicatorRow, IndicatorsModel
from commune_desk.views.province.texts import summary_text
from commune_desk.views.widgets.i18n import relabel_periods, ui_language

OFFICE_SIZE = (1280, 680)  # fits a 1366×768 screen with its task bar


def offered_periods(month: Period) -> list[Period]:
    """Newest first: 8 quarters, 12 months, 2 years (a province asks for quarters most)."""
    offered: list[Period] = []
    for first, count in (
        (month.enclosing(PeriodKind.QUARTER), 8),
        (month, 12),
        (Period.of_year(month.year), 2),
    ):
        period = first
        for _ in range(count):
            offered.append(period)
            period = period.previous()
    return offered


class ProvincePage(QWidget):
    commune_chosen = Signal(str)  # «Xem số liệu xã…»: the code of the commune to open

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProvincePage")
        self._ctx = ctx
        self.overview: ProvinceOverview | None = None
        self.period_label = QLabel()
        self.period_combo = QComboBox()
        self.period_label.setBuddy(self.period_combo)
        self.refresh_button = QPushButton()
        self.view_button = QPushButton()
        self.view_button.setEnabled(False)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.communes = CommunesModel(self)
        self.indicators = IndicatorsModel(self)
        self.communes_table = self._table(self.communes, "communes_table")
        self.indicators_table = self._table(self.indicators, "indicators_table")
        self._lay_out()
        self._retranslate()
        month = current_month(ctx.today(), Mode.CALENDAR)
        for period in offered_periods(month):
            self.period_combo.addItem(period.label(ui_language()), period.key)
        self.period_combo.setCurrentIndex(1)  # the latest quarter that has ended
        self.period_combo.currentIndexChanged.connect(lambda _index: self.load())
        self.refresh_button.clicked.connect(self.load)
        self.view_button.clicked.connect(self._view_commune)
        self.communes_table.doubleClicked.connect(lambda _index: self._view_commune())
        self.communes_table.selectionModel().selectionChanged.connect(
            lambda *_args: self.view_button.setEnabled(self._chosen() is not None)
        )
        self.load()

    # -- layout --------------------------------------------------------------------------
    @staticmethod
    def _table(model, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period_combo)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.view_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.communes_table)
        splitter.addWidget(self.indicators_table)
        splitter.setSizes([520, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        label_column = self.indicators_table.horizontalHeader()
        label_column.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        label_column.setStretchLastSection(False)

    def _retranslate(self) -> None:
        self.period_label.setText(self.tr("&Kỳ báo cáo:"))
        self.refresh_button.setText(self.tr("&Làm mới"))
        self.refresh_button.setToolTip(self.tr("Đọc lại tình trạng của các xã (F5)"))
        self.refresh_button.setShortcut("F5")
        self.view_button.setText(self.tr("&Xem số liệu xã…"))
        self.view_button.setToolTip(self.tr("Mở số liệu của xã đang chọn, chỉ xem"))
        self.communes_table.setAccessibleName(self.tr("Các xã và tình trạng báo cáo"))
        self.indicators_table.setAccessibleName(self.tr("Chỉ tiêu tổng hợp của tỉnh"))

    def _chosen(self) -> str | None:
        rows = self.communes_table.selectionModel().selectedRows()
        return self.communes.row_at(rows[0].row()).code if rows else None

    def _view_commune(self) -> None:
        code = self._chosen()
        if code is not None:
            self.commune_chosen.emit(code)

    # -- reading -------------------------------------------------------------------------
    @property
    def period(self) -> Period:
        return Period.parse(self.period_combo.currentData())

    def load(self) -> None:
        """Read every commune's status and the totals for the chosen period, off the UI thread."""
        ctx, period = self._ctx, self.period
        self.summary_label.setText(self.tr("Đang đọc số liệu của các xã…"))
        QueryOp(
            parent=self, op=lambda _task: province_overview(ctx, period), success=self._show
        ).key("province").run_in_background()

    def _show(self, overview: ProvinceOverview) -> None:
        if overview.period != self.period:  # an older answer, for a period left meanwhile
            return
        self.overview = overview
        self.communes.set_rows(overview.communes)
        catalogue = self._ctx.catalogue
        self.indicators.set_rows(
            [
                IndicatorRow(
                    i.code,
                    i.label,
                    i.unit,
                    overview.totals.get(i.code),
                    overview.counted.get(i.code, 0),
                    len(overview.communes),
                )
                for i in catalogue.indicators
            ]
        )
        self.indicators_table.resizeRowsToContents()
        label = overview.period.label(ui_language())
        self.summary_label.setText(summary_text(len(overview.communes), overview.submitted, label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            relabel_periods(self.period_combo)
            self.communes.retranslate()
            self.indicators.retranslate()
            if self.overview is not None:
                self._show(self.overview)
        super().changeEvent(event)


class ProvinceWindow(QMainWindow):
    """The window of a province account: the province view alone, read only."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProvinceWindow")
        self.logged_out = False  # closing ends the program (as the main window's close)
        self.page = ProvincePage(ctx, self)
        self.setCentralWidget(self.page)
        self.resize(*OFFICE_SIZE)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commune Desk — Tổng hợp của tỉnh (chỉ xem)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
