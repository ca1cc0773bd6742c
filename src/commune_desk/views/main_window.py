"""The main window: the commune, the chosen period and its figures."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMainWindow

from commune_desk.domain.catalogue import Indicator
from commune_desk.domain.periods import Period, current_month
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.services.indicators import IndicatorService
from commune_desk.views.figures_model import FigureRow, FiguresModel
from commune_desk.views.forms.ui_main_window import Ui_MainWindow


class MainWindow(QMainWindow):
    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._indicators = IndicatorService(ctx)
        self._model = FiguresModel(self)
        self.ui.figures_table.setModel(self._model)
        header = self.ui.figures_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        profile = CommuneService(ctx).profile()
        self.ui.commune_label.setText(f"<b>{profile.name}</b> — {profile.province}")
        self.setWindowTitle(self.tr("Commune Desk — %1").replace("%1", profile.name))
        today_month = current_month(ctx.today(), profile.cutoff_mode)
        quarter = Period.quarter(today_month.year, (today_month.index - 1) // 3 + 1)
        periods = [quarter]
        for _ in range(7):
            periods.append(periods[-1].previous())
        for period in periods:
            self.ui.period_combo.addItem(period.label(), period.key)
        self.ui.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self._on_period_combo_changed(0)

    @property
    def model(self) -> FiguresModel:
        return self._model

    def _on_period_combo_changed(self, _index: int) -> None:
        period = Period.parse(self.ui.period_combo.currentData())
        result = self._indicators.compute(period)
        catalogue = self._ctx.catalogue
        rows = []
        for item in catalogue.items():
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
        self.ui.window_label.setText(result.window.label())
