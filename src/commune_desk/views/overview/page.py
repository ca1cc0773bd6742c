"""Tổng quan: progress against the year's targets at a glance — cards, charts and the table.

The page paints without matplotlib and without waiting for the database: the figures are
computed by a query operation of the kernel (`OverviewService.load`), the cards and the table
are filled when they arrive, and matplotlib is loaded after the first paint (its heavy part off
the UI thread too). A newer request makes older results stale (the operation's key), so
choosing periods quickly never shows an old answer. The page listens on the change bus for the
kinds of data it shows and reads again, debounced, when one of them changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from commune_desk.charts.data import Granularity
from commune_desk.domain.catalogue import Indicator
from commune_desk.domain.periods import Kind as PeriodKind
from commune_desk.domain.periods import Period, current_month
from commune_desk.domain.progress import Status
from commune_desk.domain.text import slug
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.services.overview import Overview, OverviewService
from commune_desk.views.forms.ui_overview_page import Ui_OverviewPage
from commune_desk.views.kernel import Changes, Kind, QueryOp, kernel
from commune_desk.views.overview.cards import CardGrid
from commune_desk.views.overview.charts import FILE_STEMS, KEYS, ChartSet, preload_matplotlib
from commune_desk.views.overview.figures_model import Column, FigureRow, FiguresModel
from commune_desk.views.widgets.dialogs import Dialogs, QtDialogs
from commune_desk.views.widgets.i18n import fill, relabel_periods, ui_language
from commune_desk.views.widgets.name_table import fit_name_table, set_up_name_table

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400
SHOWN_KINDS = (Kind.VALUES, Kind.RECORDS, Kind.TARGETS, Kind.PROFILE, Kind.SUBMISSIONS)


def period_choices(latest: Period) -> list[Period]:
    """This year and last year, newest first: each year, its halves, quarters and months."""
    choices: list[Period] = []
    for year in (latest.year, latest.year - 1):
        candidates = [
            Period.of_year(year),
            *(Period.half(year, h) for h in (2, 1)),
            *(Period.quarter(year, q) for q in (4, 3, 2, 1)),
            *(Period.month(year, m) for m in range(12, 0, -1)),
        ]
        choices += [p for p in candidates if p.first_month <= latest]
    return choices


class OverviewPage(QWidget):
    loaded = Signal(object)  # the Overview shown, once its cards and table are filled
    charts_ready = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OverviewPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._dialogs: Dialogs = dialogs or QtDialogs()
        self._service = OverviewService(ctx)
        self._overview: Overview | None = None
        self._loading = 0
        self._shown_once = False
        self._painted = False
        self._charts_asked = False
        self._model = FiguresModel(self)
        self.ui.figures_table.setModel(self._model)
        set_up_name_table(self.ui.figures_table, Column.LABEL)
        self._cards = CardGrid()
        self.ui.cards_scroll.setWidget(self._cards)
        self._cards.activated.connect(self._on_cards_activated)
        hosts = {key: getattr(self.ui, f"{key}_tab") for key in KEYS}
        self._charts = ChartSet(hosts, self)
        self._charts.visible_key = self.visible_chart
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.ui.overview_splitter.setStretchFactor(1, 1)
        self.ui.overview_splitter.setSizes([240, 460])
        self._periods_ready = False
        self._read_periods()
        self._fill_choices()
        self.ui.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self.ui.granularity_combo.currentIndexChanged.connect(self._on_granularity_combo_changed)
        self.ui.indicator_combo.currentIndexChanged.connect(self._on_indicator_combo_changed)
        self.ui.chart_tabs.currentChanged.connect(self._on_chart_tabs_changed)
        self.ui.save_png_button.clicked.connect(self._on_save_png_button_clicked)
        self.ui.copy_chart_button.clicked.connect(self._on_copy_chart_button_clicked)
        self._update_actions()
        kernel().bus.subscribe(self, SHOWN_KINDS, self._on_data_changed)

    # -- public ------------------------------------------------------------------------
    @property
    def model(self) -> FiguresModel:
        return self._model

    @property
    def overview(self) -> Overview | None:
        return self._overview

    @property
    def cards(self) -> CardGrid:
        return self._cards

    @property
    def charts(self) -> ChartSet:
        return self._charts

    @property
    def busy(self) -> bool:
        return self._loading > 0

    def period(self) -> Period:
        return Period.parse(self.ui.period_combo.currentData())

    def granularity(self) -> Granularity:
        return Granularity(self.ui.granularity_combo.currentData())

    def indicator_code(self) -> str:
        return self.ui.indicator_combo.currentData() or ""

    def visible_chart(self) -> str:
        key = self.ui.chart_tabs.currentWidget().objectName().removesuffix("_tab")
        return key if key in KEYS else ""

    def refresh(self) -> None:
        """Compute the period's figures again in the background (older results are dropped)."""
        self._debounce.stop()
        if not self._periods_ready:
            return  # the periods come first; the page reads once they are there
        period, granularity, service = self.period(), self.granularity(), self._service
        self._loading += 1
        self.ui.status_label.setText(self.tr("Đang tính…"))
        QueryOp(
            parent=self,
            op=lambda _task: service.load(period, granularity),
            success=self._on_loaded,
        ).failure(self._on_load_failed).on_cancel(self._on_load_ended).key(
            "load"
        ).run_in_background()

    def load_charts(self) -> None:
        """Load matplotlib (its heavy part in the background), then create the canvases."""
        if self._charts.ready or self._charts_asked:
            return
        import sys

        if "matplotlib.figure" in sys.modules:
            self._on_preload_finished(None)
            return
        self._charts_asked = True
        QueryOp(
            parent=self, op=lambda _task: preload_matplotlib(), success=self._on_preload_finished
        ).failure(self._on_preload_failed).in_parallel().run_in_background()

    # -- events ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.refresh)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the window is on screen: now matplotlib may load
            self._painted = True
            QTimer.singleShot(0, self.load_charts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            relabel_periods(self.ui.period_combo)
            self._label_granularity()
            if self._overview is not None:
                self._show(self._overview)
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------------------
    def _on_data_changed(self, changes: Changes) -> None:
        """Figures, records, targets or the profile changed elsewhere: read again, debounced."""
        if Kind.PROFILE in changes.kinds:  # the cut-off mode may have moved the periods
            self._read_periods()
        else:
            self._debounce.start()

    def _on_load_ended(self) -> None:
        self._loading = 0  # the newest load reports last: older ones were dropped

    def _on_load_failed(self, error: Exception) -> None:
        self._on_load_ended()
        log.info("Overview of %s failed: %s", self.period(), error)
        self.ui.status_label.setText(fill(self.tr("Không tính được số liệu: %1"), str(error)))

    def _on_loaded(self, overview: Overview) -> None:
        self._on_load_ended()
        self.ui.status_label.setText("")
        self._overview = overview
        self._show(overview)
        self.loaded.emit(overview)

    def _on_preload_finished(self, _result: object) -> None:
        self._charts.load()
        self._update_actions()
        self.charts_ready.emit()

    def _on_preload_failed(self, error: Exception) -> None:
        for key in KEYS:
            label = getattr(self.ui, f"{key}_placeholder_label")
            label.setText(fill(self.tr("Không tải được thư viện vẽ biểu đồ: %1"), str(error)))

    # -- filling widgets ---------------------------------------------------------------------
    def _show(self, overview: Overview) -> None:
        language = ui_language()
        label = overview.period.label(language)
        self._cards.set_cards(overview.cards, label)
        self._snap_cards()
        window = overview.window.label(language)
        if overview.submitted_version is not None:  # a locked period: the submitted figures
            window = fill(
                self.tr("%1 — số liệu đã nộp, phiên bản %2"),
                window,
                str(overview.submitted_version),
            )
        self.ui.window_label.setText(window)
        counts = {status: 0 for status in Status}
        for card in overview.cards:
            if card.status is not None:
                counts[card.status] += 1
        self.ui.summary_label.setText(
            fill(
                self.tr("— đạt %1 · đúng tiến độ %2 · chậm %3"),
                str(counts[Status.MET]),
                str(counts[Status.ON_TRACK]),
                str(counts[Status.BEHIND]),
            )
        )
        rows = []
        for item in self._ctx.catalogue.items():
            f = overview.figures.figures[item.code]
            rows.append(
                FigureRow(
                    item.code, item.label, item.unit, isinstance(item, Indicator), f.value, f.ytd,
                    f.last_year, f.target, f.pct_of_target,
                )
            )  # fmt: skip
        self._model.set_rows(rows)
        fit_name_table(self.ui.figures_table, Column.LABEL, {Column.UNIT: 12})
        self._charts.set_data(overview, self.indicator_code())
        self._update_actions()

    def _read_periods(self) -> None:
        """The periods offered follow the commune's cut-off mode (read off the UI thread)."""
        communes = CommuneService(self._ctx)
        self._loading += 1
        QueryOp(
            parent=self,
            op=lambda _task: communes.profile().cutoff_mode,
            success=self._fill_periods,
        ).failure(self._on_load_failed).key("periods").run_in_background()

    def _fill_periods(self, mode: str) -> None:
        self._loading = max(self._loading - 1, 0)
        today_month = current_month(self._ctx.today(), mode)
        quarter = today_month.enclosing(PeriodKind.QUARTER)
        language, combo = ui_language(), self.ui.period_combo
        chosen = combo.currentData() or quarter.key
        combo.blockSignals(True)
        combo.clear()
        for period in period_choices(today_month):
            combo.addItem(period.label(language), period.key)
        found = combo.findData(chosen)
        combo.setCurrentIndex(found if found >= 0 else combo.findData(quarter.key))
        combo.blockSignals(False)
        self._periods_ready = True
        if self._shown_once:
            self.refresh()

    def _fill_choices(self) -> None:
        for indicator in self._service.chart_indicators():
            self.ui.indicator_combo.addItem(indicator.label, indicator.code)
            index = self.ui.indicator_combo.count() - 1
            self.ui.indicator_combo.setItemData(index, indicator.label, Qt.ItemDataRole.ToolTipRole)
        for granularity in Granularity:
            self.ui.granularity_combo.addItem("", granularity.value)
        self._label_granularity()

    def _label_granularity(self) -> None:
        texts = {Granularity.MONTH: self.tr("tháng"), Granularity.QUARTER: self.tr("quý")}
        for index in range(self.ui.granularity_combo.count()):
            value = Granularity(self.ui.granularity_combo.itemData(index))
            self.ui.granularity_combo.setItemText(index, texts[value])

    def _update_actions(self) -> None:
        chart = self.visible_chart()
        ready = self._charts.ready and self._overview is not None and bool(chart)
        self.ui.save_png_button.setEnabled(ready)
        self.ui.copy_chart_button.setEnabled(ready)
        on_indicator = chart == "indicator"
        for widget in (
            self.ui.indicator_label,
            self.ui.indicator_combo,
            self.ui.granularity_label,
            self.ui.granularity_combo,
        ):
            widget.setEnabled(on_indicator)

    # -- slots -------------------------------------------------------------------------------
    def _on_period_combo_changed(self, _index: int) -> None:
        self.refresh()

    def _on_granularity_combo_changed(self, _index: int) -> None:
        self.refresh()

    def _on_indicator_combo_changed(self, _index: int) -> None:
        if self._overview is not None:
            self._charts.set_data(self._overview, self.indicator_code())

    def _on_chart_tabs_changed(self, _index: int) -> None:
        self._update_actions()
        self._charts.redraw_visible()

    def _snap_cards(self) -> None:
        """Show whole rows of cards (the charts take the rest) and scroll a row at a time."""
        scroll = self.ui.cards_scroll
        step = self._cards.row_height()
        if not step:
            return
        scroll.verticalScrollBar().setSingleStep(step)
        scroll.verticalScrollBar().setPageStep(step)
        sizes = self.ui.overview_splitter.sizes()
        frame = 2 * scroll.frameWidth()
        top = self._cards.whole_rows(sizes[0] - frame) + frame
        if top != sizes[0] and sum(sizes) > top:
            self.ui.overview_splitter.setSizes([top, sum(sizes) - top])

    def _on_cards_activated(self, code: str) -> None:
        index = self.ui.indicator_combo.findData(code)
        if index >= 0:
            self.ui.indicator_combo.setCurrentIndex(index)
            self.ui.chart_tabs.setCurrentWidget(self.ui.indicator_tab)

    def _suggested_name(self, key: str) -> str:
        parts = [FILE_STEMS[key]]
        if key == "indicator":  # the indicator as people name it, never its code
            parts.append(slug(self.ui.indicator_combo.currentText()) or "chi-so")
        parts.append(self.period().key)
        return "-".join(parts) + ".png"

    def _on_save_png_button_clicked(self) -> None:
        key = self.visible_chart()
        if not key or not self._charts.ready:
            return
        path = self._dialogs.choose_save_path(
            self, self.tr("Lưu biểu đồ"), self._suggested_name(key), self.tr("Ảnh PNG (*.png)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        try:
            saved = self._charts.save_png(key, Path(path))
        except OSError as exc:
            self._dialogs.warn(
                self,
                self.tr("Lưu biểu đồ"),
                fill(self.tr("Không lưu được %1:\n%2"), str(path), str(exc)),
            )
            return
        if saved is not None:
            self.ui.status_label.setText(fill(self.tr("Đã lưu %1"), saved.name))

    def _on_copy_chart_button_clicked(self) -> None:
        key = self.visible_chart()
        image = self._charts.image(key) if key and self._charts.ready else None
        if image is None:
            return
        QGuiApplication.clipboard().setImage(image)
        self.ui.status_label.setText(
            self.tr("Đã chép biểu đồ; dán vào Word hoặc Excel bằng Ctrl+V")
        )
