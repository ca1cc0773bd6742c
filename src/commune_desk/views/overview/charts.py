"""The overview's charts on screen: canvases created once matplotlib is loaded, translated texts.

matplotlib is loaded in two steps so the window never waits for it: `preload_matplotlib()`
imports the heavy part in a background worker (after the window's first paint), then
`ChartSet.load()` imports the Qt canvas (a few milliseconds) on the UI thread. Figures are
drawn on the UI thread from the DTOs, and only when their tab is visible.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from commune_desk import paths
from commune_desk.charts.coverage import CoverageTexts, draw_coverage
from commune_desk.charts.data import CoverageSeries, Line, OnlineSeries, TrainingSeries
from commune_desk.charts.indicator import IndicatorTexts, draw_indicator
from commune_desk.charts.online import OnlineTexts, draw_online
from commune_desk.charts.support import SupportTexts, draw_support
from commune_desk.charts.training import TrainingTexts, draw_training
from commune_desk.services.overview import Overview
from commune_desk.views.widgets.i18n import ui_language

CONTEXT = "OverviewCharts"
KEYS = ("indicator", "support", "online", "coverage", "training")
CLIPBOARD_DPI = 150

# Short labels of the figures the special charts name (legends must stay short).
SHORT_LABELS = {
    "tthc.received_online": QT_TRANSLATE_NOOP("OverviewCharts", "Trực tuyến"),
    "tthc.received_direct": QT_TRANSLATE_NOOP("OverviewCharts", "Trực tiếp"),
    "tthc.received_postal": QT_TRANSLATE_NOOP("OverviewCharts", "Qua bưu chính công ích"),
    "staff.total": QT_TRANSLATE_NOOP("OverviewCharts", "Tổng số CBCCVC, NLĐ"),
    "staff.trained_dx": QT_TRANSLATE_NOOP(
        "OverviewCharts", "Đã bồi dưỡng chuyển đổi số, kỹ năng số (người)"
    ),
    "staff.trained_ai": QT_TRANSLATE_NOOP("OverviewCharts", "Tập huấn AI (lượt, lũy kế)"),
    "staff.trained_infosec": QT_TRANSLATE_NOOP(
        "OverviewCharts", "Tập huấn an toàn thông tin (lượt, lũy kế)"
    ),
    "infra.villages_mobile": QT_TRANSLATE_NOOP(
        "OverviewCharts", "Được phủ sóng di động băng rộng (4G/5G)"
    ),
    "infra.villages_fiber": QT_TRANSLATE_NOOP("OverviewCharts", "Có cáp quang đến thôn"),
    "team.villages_covered": QT_TRANSLATE_NOOP("OverviewCharts", "Có Tổ công nghệ số cộng đồng"),
    "commune.villages": QT_TRANSLATE_NOOP("OverviewCharts", "Số thôn, tổ dân phố"),
}
FILE_STEMS = {
    "indicator": "chi-so",
    "support": "ho-tro-nguoi-dan",
    "online": "ho-so-truc-tuyen",
    "coverage": "thon-phu-song",
    "training": "boi-duong-can-bo",
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


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


def _short(code: str, label: str) -> str:
    return tr(SHORT_LABELS[code]) if code in SHORT_LABELS else label


def _relabel(lines: tuple[Line, ...], kind_texts: bool = False) -> tuple[Line, ...]:
    def label(line: Line) -> str:
        if kind_texts:  # vocabulary labels are translated with the record kinds
            return QCoreApplication.translate("RecordKinds", line.label)
        return _short(line.key, line.label)

    return tuple(dataclasses.replace(line, label=label(line)) for line in lines)


def draw_chart(key: str, fig: object, overview: Overview, indicator: str) -> None:
    """Draw the chart `key` of `overview` on `fig` with the texts of the current language."""
    period = overview.period.label(ui_language())
    month, empty = (
        QCoreApplication.translate("OverviewCharts", "Tháng"),
        QCoreApplication.translate("OverviewCharts", "Chưa có số liệu"),
    )
    target = QCoreApplication.translate("OverviewCharts", "Chỉ tiêu năm {year}: {value}")
    if key == "indicator":
        texts = IndicatorTexts(
            title=QCoreApplication.translate("OverviewCharts", "{label} — năm {year}"),
            month_axis=month,
            quarter_axis=QCoreApplication.translate("OverviewCharts", "Quý"),
            target=target,
            projection=QCoreApplication.translate("OverviewCharts", "Dự báo tháng 12: {value}"),
            empty=empty,
        )
        draw_indicator(fig, overview.indicator(indicator), texts)  # type: ignore[arg-type]
    elif key == "support":
        data = overview.support
        data = dataclasses.replace(data, types=_relabel(data.types, kind_texts=True))
        texts_s = SupportTexts(
            title=QCoreApplication.translate(
                "OverviewCharts", "Lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ, năm {year}"
            ),
            month_axis=month,
            value_axis=QCoreApplication.translate("OverviewCharts", "lượt"),
            empty=empty,
        )
        draw_support(fig, data, texts_s)  # type: ignore[arg-type]
    elif key == "online":
        empty_months = (None,) * 12
        online = overview.online or OnlineSeries(
            overview.period.year, (), empty_months, empty_months, None
        )
        online = dataclasses.replace(online, channels=_relabel(online.channels))
        texts_o = OnlineTexts(
            title=QCoreApplication.translate(
                "OverviewCharts",
                "Hồ sơ tiếp nhận theo hình thức và tỷ lệ hồ sơ trực tuyến, năm {year}",
            ),
            month_axis=month,
            count_axis=QCoreApplication.translate("OverviewCharts", "hồ sơ"),
            share_axis=QCoreApplication.translate("OverviewCharts", "Tỷ lệ hồ sơ trực tuyến"),
            share=QCoreApplication.translate("OverviewCharts", "Tỷ lệ trực tuyến {year}"),
            target=target,
            empty=empty,
        )
        draw_online(fig, online, texts_o)  # type: ignore[arg-type]
    elif key == "coverage":
        cov: CoverageSeries = overview.coverage
        bars = tuple(dataclasses.replace(b, label=_short(b.code, b.label)) for b in cov.bars)
        cov = dataclasses.replace(cov, bars=bars, total_label=_short("commune.villages", ""))
        texts_c = CoverageTexts(
            title=QCoreApplication.translate(
                "OverviewCharts",
                "Thôn, tổ dân phố có hạ tầng số và Tổ công nghệ số cộng đồng — {period}",
            ),
            count_axis=QCoreApplication.translate("OverviewCharts", "thôn, tổ dân phố"),
            total=QCoreApplication.translate("OverviewCharts", "tổng số: {value}"),
            previous=QCoreApplication.translate("OverviewCharts", "Cùng kỳ năm trước"),
            empty=empty,
        )
        draw_coverage(fig, cov, period, texts_c)  # type: ignore[arg-type]
    elif key == "training":
        training: TrainingSeries = overview.training
        training = dataclasses.replace(
            training,
            lines=_relabel(training.lines),
            staff_total=_relabel((training.staff_total,))[0],
        )
        texts_t = TrainingTexts(
            title=QCoreApplication.translate(
                "OverviewCharts",
                "Cán bộ, công chức, viên chức, người lao động được bồi dưỡng, năm {year}",
            ),
            month_axis=month,
            value_axis=QCoreApplication.translate("OverviewCharts", "người, lượt"),
            empty=empty,
        )
        draw_training(fig, training, texts_t)  # type: ignore[arg-type]
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
