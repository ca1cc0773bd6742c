"""The overview's charts on screen: canvases created once matplotlib is loaded, translated texts.

matplotlib is loaded in two steps so the window never waits for it: `preload_matplotlib()`
imports the heavy part in a background worker (after the window's first paint), then
`ChartSet.load()` imports the Qt canvas (a few milliseconds) on the UI thread. Figures are
drawn on the UI thread from the DTOs, and only when their tab is visible. The words are the
charts' own (`charts.texts`) and the catalogue's short labels, translated here.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from commune_desk import paths
from commune_desk.charts.coverage import draw_coverage
from commune_desk.charts.data import CoverageSeries, Line, OnlineSeries, TrainingSeries
from commune_desk.charts.indicator import draw_indicator
from commune_desk.charts.online import draw_online
from commune_desk.charts.support import draw_support
from commune_desk.charts.texts import CONTEXT as CHART_CONTEXT
from commune_desk.charts.texts import (
    CoverageTexts,
    IndicatorTexts,
    OnlineTexts,
    SupportTexts,
    TrainingTexts,
    translated,
)
from commune_desk.charts.training import draw_training
from commune_desk.services.overview import Overview
from commune_desk.views.widgets.i18n import ui_language

# The catalogue's labels are data: translated in the context update_translations.py fills.
DATA_CONTEXT = "RecordKinds"
KEYS = ("indicator", "support", "online", "coverage", "training")
CLIPBOARD_DPI = 150

FILE_STEMS = {
    "indicator": "chi-so",
    "support": "ho-tro-nguoi-dan",
    "online": "ho-so-truc-tuyen",
    "coverage": "thon-phu-song",
    "training": "boi-duong-can-bo",
}


def configure_matplotlib() -> None:
    """Keep matplotlib's font cache in the user data folder, before matplotlib is imported.

    PyInstaller's runtime hook points MPLCONFIGDIR at a new temporary folder at every launch
    (the font cache would be rebuilt each time): a frozen program always uses ours.
    """
    if "matplotlib" in sys.modules:
        return
    if getattr(sys, "frozen", False) or not os.environ.get("MPLCONFIGDIR"):
        folder = paths.user_data_dir() / "matplotlib"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(folder)


def preload_matplotlib(_task: object = None) -> None:
    """Import the heavy part of matplotlib (safe in a worker thread: no Qt, no figure)."""
    configure_matplotlib()
    import matplotlib.backends.backend_agg
    import matplotlib.figure  # noqa: F401
    from matplotlib import font_manager

    font_manager.findfont("DejaVu Sans")


def _chart_text(text: str) -> str:
    return QCoreApplication.translate(CHART_CONTEXT, text)


def _data_label(text: str) -> str:
    """A figure's name from the catalogue (its short label), translated like other data."""
    return QCoreApplication.translate(DATA_CONTEXT, text)


def _relabel(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    return tuple(dataclasses.replace(line, label=_data_label(line.label)) for line in lines)


def draw_chart(key: str, fig: object, overview: Overview, indicator: str) -> None:
    """Draw the chart `key` of `overview` on `fig` with the texts of the current language."""
    if key == "indicator":
        texts = translated(IndicatorTexts(), _chart_text)
        draw_indicator(fig, overview.indicator(indicator), texts)  # type: ignore[arg-type]
    elif key == "support":
        data = dataclasses.replace(overview.support, types=_relabel(overview.support.types))
        draw_support(fig, data, translated(SupportTexts(), _chart_text))  # type: ignore[arg-type]
    elif key == "online":
        empty_months = (None,) * 12
        online = overview.online or OnlineSeries(
            overview.period.year, (), empty_months, empty_months, None
        )
        online = dataclasses.replace(online, channels=_relabel(online.channels))
        draw_online(fig, online, translated(OnlineTexts(), _chart_text))  # type: ignore[arg-type]
    elif key == "coverage":
        cov: CoverageSeries = overview.coverage
        bars = tuple(dataclasses.replace(b, label=_data_label(b.label)) for b in cov.bars)
        cov = dataclasses.replace(cov, bars=bars, total_label=_data_label(cov.total_label))
        period = overview.period.label(ui_language())
        texts_c = translated(CoverageTexts(), _chart_text)
        draw_coverage(fig, cov, period, texts_c)  # type: ignore[arg-type]
    elif key == "training":
        training: TrainingSeries = overview.training
        training = dataclasses.replace(
            training,
            lines=_relabel(training.lines),
            staff_total=_relabel((training.staff_total,))[0],
        )
        draw_training(fig, training, translated(TrainingTexts(), _chart_text))  # type: ignore[arg-type]
    else:
        raise KeyError(key)


class ChartSet(QObject):
    """The five charts of the overview, each in its own host widget (a tab)."""

    def __init__(self, hosts: dict[str, QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hosts = hosts
        self._canvases: dict[str, object] = {}
        self._dirty: set[str] = set(KEYS)
        self._overview: Overview | None = None
        self._indicator = ""
        self.visible_key: Callable[[], str] = lambda: ""
        self.drawn: list[str] = []  # keys in the order they were drawn (for tests)

    @property
    def ready(self) -> bool:
        return bool(self._canvases)

    def canvas(self, key: str) -> object:
        return self._canvases[key]

    def load(self) -> None:
        """Create the canvases (imports matplotlib's Qt backend: call after the preload)."""
        if self.ready:
            return
        configure_matplotlib()
        from commune_desk.views.widgets.chart_canvas import ChartCanvas

        for key, host in self._hosts.items():
            for placeholder in host.findChildren(QLabel):
                placeholder.hide()
            canvas = ChartCanvas(host)
            canvas.setObjectName(f"{key}_canvas")
            canvas.setAccessibleName(QCoreApplication.translate("OverviewCharts", "Biểu đồ"))
            canvas.resized.connect(lambda key=key: self._on_canvas_resized(key))
            host.layout().addWidget(canvas)
            self._canvases[key] = canvas
        self._dirty = set(KEYS)
        self.redraw_visible()

    def set_data(self, overview: Overview | None, indicator: str) -> None:
        self._overview, self._indicator = overview, indicator
        self._dirty = set(KEYS)
        self.redraw_visible()

    def invalidate(self, keys: tuple[str, ...] = KEYS) -> None:
        self._dirty.update(keys)
        self.redraw_visible()

    def redraw_visible(self) -> None:
        key = self.visible_key()
        if key in self._dirty:
            self.draw(key)

    def draw(self, key: str) -> None:
        """Draw one chart now (on its canvas), if the canvases and the data are there."""
        if not self.ready or self._overview is None or not self._indicator:
            return
        canvas = self._canvases[key]
        draw_chart(key, canvas.figure, self._overview, self._indicator)  # type: ignore[attr-defined]
        canvas.draw_idle()  # type: ignore[attr-defined]
        self._dirty.discard(key)
        self.drawn.append(key)

    def figure_for_file(self, key: str) -> object | None:
        """A new print-size figure of the chart (its screen figure keeps its own size)."""
        if self._overview is None or not self._indicator:
            return None
        configure_matplotlib()
        from commune_desk.charts.export import print_figure

        fig = print_figure()
        draw_chart(key, fig, self._overview, self._indicator)
        return fig

    def save_png(self, key: str, path: Path) -> Path | None:
        from commune_desk.charts.export import save_png

        fig = self.figure_for_file(key)
        return None if fig is None else save_png(fig, path)  # type: ignore[arg-type]

    def image(self, key: str) -> QImage | None:
        """The chart as an image for the clipboard (print size, 150 dpi)."""
        from commune_desk.charts.export import render_rgba

        fig = self.figure_for_file(key)
        if fig is None:
            return None
        data, width, height = render_rgba(fig, CLIPBOARD_DPI)  # type: ignore[arg-type]
        return QImage(data, width, height, QImage.Format.Format_RGBA8888).copy()

    def _on_canvas_resized(self, key: str) -> None:
        # Titles wrap and legends fold to the new width: redraw when visible, else later.
        self._dirty.add(key)
        self.redraw_visible()
