"""The figures carry the data they are given: lines, target lines, bars, formats, PNG size."""

from __future__ import annotations

import math

import pytest
from PIL import Image

from commune_desk.charts import export, style
from commune_desk.charts.coverage import draw_coverage
from commune_desk.charts.data import (
    CoverageBar,
    CoverageSeries,
    Granularity,
    IndicatorSeries,
    Line,
    OnlineSeries,
    SupportSeries,
    TrainingSeries,
)
from commune_desk.charts.indicator import draw_indicator
from commune_desk.charts.online import draw_online
from commune_desk.charts.support import draw_support
from commune_desk.charts.texts import OnlineTexts
from commune_desk.charts.training import draw_training

CURRENT = (58.6, 61.3, 63.3, 65.6, 68.4, 70.8, 72.7, 75.5, 77.6, None, None, None)
PREVIOUS = (24.0, 28.2, 31.6, 34.8, 37.5, 40.4, 43.1, 46.0, 48.5, 51.2, 53.6, 56.4)
INDICATOR = IndicatorSeries(
    "ind.adults_confirmed_pct",
    "Tỷ lệ người trưởng thành được xác nhận phổ cập kỹ năng số trên VNeID",
    "%",
    2026,
    Granularity.MONTH,
    CURRENT,
    PREVIOUS,
    80.0,
    84.7,
)


def _ydata(line) -> list[float | None]:
    return [None if math.isnan(v) else float(v) for v in line.get_ydata()]


def _plain(values) -> list[float | None]:
    return [None if v is None else float(v) for v in values]


def _boxes(collection) -> list[tuple[float, float, float]]:
    """(x centre, bottom, top) of each bar of a layer of stacked bars."""
    boxes = []
    for path in collection.get_paths():
        xs, ys = path.vertices[:, 0], path.vertices[:, 1]
        boxes.append((round((xs.min() + xs.max()) / 2, 6), ys.min(), ys.max()))
    return boxes


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_indicator_lines_target_and_projection():
    fig = export.new_figure()
    draw_indicator(fig, INDICATOR)
    ax = fig.axes[0]
    by_label = {line.get_label(): line for line in ax.get_lines()}
    assert _ydata(by_label["2026"]) == _plain(CURRENT)
    assert _ydata(by_label["2025"]) == _plain(PREVIOUS)
    target = by_label["Chỉ tiêu năm 2026: 80,0 %"]
    assert set(target.get_ydata()) == {80.0}
    projection = by_label["Dự báo tháng 12: 84,7 %"]
    assert list(projection.get_xdata()) == [9, 12]
    assert list(projection.get_ydata()) == [77.6, 84.7]
    assert list(ax.get_xticks()) == list(range(1, 13))
    assert fig.texts[0].get_text().startswith("Tỷ lệ người trưởng thành")  # the title


def test_redrawing_reuses_the_figure_and_its_axes():
    fig = export.new_figure()
    draw_indicator(fig, INDICATOR)
    ax = fig.axes[0]
    other = IndicatorSeries("x", "Khác", "%", 2026, Granularity.QUARTER, (10, 20, None, None),
                            (5, 6, 7, 8), None)  # fmt: skip
    draw_indicator(fig, other)
    assert fig.axes == [ax]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["2026", "2025"]  # no target, no projection, nothing left over
    assert [t.get_text() for t in ax.get_xticklabels()] == ["I", "II", "III", "IV"]
    assert len(fig.legends) == 1


def test_percent_ticks_are_written_the_vietnamese_way():
    fig = export.new_figure()
    draw_indicator(fig, INDICATOR)
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "80 %" in ticks and "100 %" in ticks
    assert style.percent(89.24) == "89,2 %"
    assert style.number(1234) == "1.234"
    assert style.number(1234.5, 1) == "1.234,5"


def test_support_bars_stack_by_type_with_totals():
    types = (
        Line("vneid", "Cài đặt, kích hoạt VNeID", (800.0, 450.0) + (None,) * 10),
        Line("cashless", "Thanh toán không dùng tiền mặt", (826.0, 679.0) + (None,) * 10),
    )
    data = SupportSeries(2026, types, (1626.0, 1129.0) + (None,) * 10)
    fig = export.new_figure()
    draw_support(fig, data)
    fig.canvas.draw()
    ax = fig.axes[0]
    first, second = ax.collections
    assert _boxes(first) == [(1, 0, 800.0), (2, 0, 450.0)]
    assert _boxes(second) == [(1, 800.0, 1626.0), (2, 450.0, 1129.0)]
    assert first.get_hatch() != second.get_hatch()  # told apart in greyscale print
    legend = [h.get_label() for h in fig.legends[0].legend_handles]
    assert legend == ["Cài đặt, kích hoạt VNeID", "Thanh toán không dùng tiền mặt"]
    assert "1.626" in _texts(fig)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert any("." in t for t in ticks)  # 1.000, 1.500: thousands with a dot


def test_online_bars_share_line_and_target():
    channels = (
        Line("tthc.received_online", "Trực tuyến", (430.0, 300.0) + (None,) * 10),
        Line("tthc.received_direct", "Trực tiếp", (70.0, 40.0) + (None,) * 10),
    )
    share = (86.0, 88.2) + (None,) * 10
    data = OnlineSeries(2026, channels, share, (60.0,) * 12, 80.0)
    fig = export.new_figure()
    draw_online(fig, data)
    share_ax, bars_ax = fig.axes
    assert _boxes(bars_ax.collections[0]) == [(1, 0, 430.0), (2, 0, 300.0)]
    assert _boxes(bars_ax.collections[1]) == [(1, 430.0, 500.0), (2, 300.0, 340.0)]
    lines = {line.get_label(): line for line in share_ax.get_lines()}
    assert _ydata(lines["Tỷ lệ trực tuyến 2026"]) == _plain(share)
    assert set(lines["Chỉ tiêu năm 2026: 80,0 %"].get_ydata()) == {80.0}
    draw_online(fig, data)  # a redraw keeps the two axes
    assert len(fig.axes) == 2


def test_online_share_uses_its_whole_panel_above_the_bars():
    channels = (Line("tthc.received_online", "Trực tuyến", (430.0, 300.0) + (None,) * 10),)
    data = OnlineSeries(2026, channels, (61.4, 46.9) + (None,) * 10, (40.0,) * 12, 80.0)
    fig = export.print_figure()
    draw_online(fig, data)
    fig.canvas.draw()
    share_ax, bars_ax = fig.axes

    def span(ax, low, high):  # the part of the axes' height between two values
        to_axes = ax.transData + ax.transAxes.inverted()
        return to_axes.transform((1, high))[1] - to_axes.transform((1, low))[1]

    assert span(share_ax, 0, 100) > 0.85  # 0 % at the bottom of its panel, 100 % near the top
    assert span(bars_ax, 0, 430) > 0.5  # the highest bar takes most of its panel
    share_box, bars_box = share_ax.get_position(), bars_ax.get_position()
    assert share_box.y0 > bars_box.y1  # one above the other, never drawn over each other
    assert share_box.height > 0.25 * (share_box.y1 - bars_box.y0)
    labels = [ax.yaxis.label.get_window_extent() for ax in (share_ax, bars_ax)]
    assert min(label.x0 for label in labels) >= 0  # the axis titles stay on the figure
    english = OnlineTexts(share_axis="Share of online applications", count_axis="applications")
    for size in (style.SCREEN_SIZE, (10.8, 3.9)):  # the canvas in a 1366×768 window
        fig.set_size_inches(*size)
        draw_online(fig, data, english)
        fig.canvas.draw()
        label = share_ax.yaxis.label.get_window_extent()
        assert label.x0 >= 0 and label.y0 >= 0, size
        assert label.y1 <= fig.bbox.height, size


def test_coverage_bars_against_all_villages():
    bars = (
        CoverageBar("infra.villages_mobile", "Phủ sóng 4G/5G", 25.0, 22.0),
        CoverageBar("infra.villages_fiber", "Cáp quang", 23.0, 19.0),
    )
    fig = export.new_figure()
    draw_coverage(fig, CoverageSeries("Số thôn", 25.0, bars), "Quý III/2026")
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == [25.0, 25.0, 25.0, 23.0]  # background (all villages), then covered
    texts = _texts(fig)
    assert "23/25 (92,0 %)" in texts
    assert any("Quý III/2026" in t for t in texts)


def test_training_lines_and_staff_total():
    lines = (
        Line("staff.trained_dx", "Đã bồi dưỡng", (36.0, 36.0, 38.0) + (None,) * 9),
        Line("staff.trained_ai", "AI", (0.0, 16.0, 33.0) + (None,) * 9),
    )
    total = Line("staff.total", "Tổng số", (40.0, 41.0, 41.0) + (None,) * 9)
    fig = export.new_figure()
    draw_training(fig, TrainingSeries(2026, lines, total))
    by_label = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert _ydata(by_label["AI"]) == _plain(lines[1].values)
    assert _ydata(by_label["Tổng số"]) == _plain(total.values)
    assert "33" in _texts(fig)


def test_empty_series_say_so():
    empty = IndicatorSeries("x", "Khác", "%", 2026, Granularity.MONTH, (None,) * 12,
                            (None,) * 12, None)  # fmt: skip
    fig = export.new_figure()
    draw_indicator(fig, empty)
    assert "Chưa có số liệu" in _texts(fig)


@pytest.mark.parametrize("dpi", [150, 300])
def test_saved_png_has_the_print_size_at_the_requested_dpi(tmp_path, dpi):
    fig = export.print_figure()
    draw_indicator(fig, INDICATOR)
    path = export.save_png(fig, tmp_path / "chart.png", dpi=dpi)
    with Image.open(path) as image:
        width, height = style.PRINT_SIZE
        assert image.size == (round(width * dpi), round(height * dpi))
        assert round(image.info["dpi"][0]) == dpi
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]  # no temporary file left


def test_render_rgba_gives_pixels_for_the_clipboard():
    fig = export.print_figure()
    draw_indicator(fig, INDICATOR)
    data, width, height = export.render_rgba(fig, 100)
    assert (width, height) == (750, 420)
    assert len(data) == width * height * 4
    assert fig.get_dpi() == 100
