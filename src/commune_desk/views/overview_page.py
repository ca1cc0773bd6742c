"""Tổng quan: the figures and indicators of a chosen period (cards and charts come later)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from commune_desk.domain.catalogue import Indicator
from commune_desk.domain.periods import Period, current_month
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.services.indicators import IndicatorService
from commune_desk.views.figures_model import FigureRow, FiguresModel
from commune_desk.views.forms.ui_overview_page import Ui_OverviewPage
from commune_desk.views.i18n import relabel_periods, ui_language


class OverviewPage(QWidget):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OverviewPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._indicators = IndicatorService(ctx)
        self._model = FiguresModel(self)
        self.ui.figures_table.setModel(self._model)
        header = self.ui.figures_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        today_month = current_month(ctx.today(), CommuneService(ctx).profile().cutoff_mode)
        quarter = Period.quarter(today_month.year, (today_month.index - 1) // 3 + 1)
        periods = [quarter]
        for _ in range(7):
            periods.append(periods[-1].previous())
        for period in periods:
            self.ui.period_combo.addItem(period.label(ui_language()), period.key)
        self.ui.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            relabel_periods(self.ui.period_combo)
            self.refresh()
        super().changeEvent(event)

    @property
    def model(self) -> FiguresModel:
        return self._model

    def refresh(self) -> None:
        self._on_period_combo_changed(self.ui.period_combo.currentIndex())

    def _on_period_combo_changed(self, _index: int) -> None:
        period = Period.parse(self.ui.period_combo.currentData())
        result = self._indicators.compute(period)
        rows = []
        for item in self._ctx.catalogue.items():
            f = result.figures[item.code]
            rows.append(
                FigureRow(
                    item.code,
                    item.label,
                    item.unit,
                    isinstance(item, Indicator),
                    f.value,
                    f.ytd,
                    f.last_year,
                    f.target,
                    f.pct_of_target,
                )
            )
        self._model.set_rows(rows)
        self.ui.window_label.setText(result.window.label(ui_language()))
