"""The Qt canvas of a chart: the only module that imports matplotlib's Qt backend.

Imported lazily (after `overview_charts.configure_matplotlib()`), never at window start.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from commune_desk.charts import style


class ChartCanvas(FigureCanvasQTAgg):
    """A canvas that keeps its figure's margins on resize and asks for a redraw after it."""

    resized = Signal()  # after the size settled: wrapping and legend columns may change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Figure(figsize=style.SCREEN_SIZE, facecolor="white"))
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(150)
        self._settle.timeout.connect(self.resized.emit)

    @property
    def fig(self) -> Figure:
        return self.figure

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        style.fit_margins(self.figure)  # cheap; the full redraw follows once resizing stops
        self._settle.start()
