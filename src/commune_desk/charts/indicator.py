"""One indicator by month or quarter: this year, last year, the target and the projection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commune_desk.charts import style
from commune_desk.charts.data import Granularity, IndicatorSeries
from commune_desk.charts.texts import IndicatorTexts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ROMAN = ("I", "II", "III", "IV")


def draw_indicator(fig: Figure, data: IndicatorSeries, texts: IndicatorTexts | None = None) -> None:
    """Draw `data` on `fig`, reusing its axes."""
    texts = texts or IndicatorTexts()
    ax, _ = style.axes(fig)
    is_percent = data.is_percent
    count = len(data.current)
    x = style.steps(count)
    handles = []
    for values, year, look in (
        (data.current, data.year, style.CURRENT),
        (data.previous, data.year - 1, style.PREVIOUS),
    ):
        ys = [float("nan") if v is None else v for v in values]
        (line,) = ax.plot(x, ys, label=str(year), **look, zorder=3)
        handles.append(line)
    points = style.present(data.current)
    if points:  # the latest value, written beside its point
        step, value = points[-1]
        ax.annotate(
            style.value_text(value, is_percent),
            (step, value),
            xytext=(0, 8),
            textcoords="offset points",
            ha="center",
            fontsize=8.5,
            fontweight="bold",
            color=style.BLUE,
        )
    tops = [*data.current, *data.previous]
    if data.target is not None:
        label = texts.target.format(year=data.year, value=style.value_text(data.target, is_percent))
        handles.append(ax.axhline(data.target, label=label, **style.TARGET, zorder=2))
        tops.append(data.target)
    if (
        data.projection is not None
        and data.granularity is Granularity.MONTH
        and points
        and points[-1][0] < count
    ):
        step, value = points[-1]
        (line,) = ax.plot(
            [step, count],
            [value, data.projection],
            color=style.BLUE,
            linestyle=":",
            linewidth=1.4,
            marker="D",
            markevery=[1],
            markerfacecolor="white",
            markersize=5,
            label=texts.projection.format(value=style.value_text(data.projection, is_percent)),
            zorder=3,
        )
        handles.append(line)
        tops.append(data.projection)
    if not points and not style.present(data.previous):
        style.no_data(ax, texts.empty)
    ax.set_ylim(0, style.value_limit(tops, is_percent))
    ax.yaxis.set_major_formatter(
        style.percent_formatter() if is_percent else style.number_formatter()
    )
    if not is_percent:
        ax.set_ylabel(data.unit)
    if data.granularity is Granularity.QUARTER:
        style.step_axis(ax, count, texts.quarter_axis, ROMAN[:count])
    else:
        style.step_axis(ax, count, texts.month_axis)
    lines = style.title(fig, texts.title.format(label=data.label, year=data.year))
    rows = style.legend(fig, handles)
    style.frame(fig, lines, rows)
