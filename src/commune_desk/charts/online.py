"""Records received per month by channel (bars) and the share received online (line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commune_desk.charts import style
from commune_desk.charts.data import OnlineSeries
from commune_desk.charts.texts import OnlineTexts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Bars in light colours with hatches, so the share line stays readable over them.
CHANNEL_COLOURS = (style.SKY_BLUE, style.YELLOW, style.GREEN, style.PURPLE)
CHANNEL_HATCHES = ("", "//", "..", "xx")
SHARE = {"color": style.BLACK, "linestyle": "-", "marker": "o", "linewidth": 2.0, "markersize": 4}


def draw_online(fig: Figure, data: OnlineSeries, texts: OnlineTexts | None = None) -> None:
    """Stacked bars of the channels on the left axis, the online share on the right one."""
    texts = texts or OnlineTexts()
    ax, share_ax = style.axes(fig, twin=True)
    assert share_ax is not None
    count = len(data.share)
    x = style.steps(count)
    layers = [
        (
            line.label,
            line.values,
            CHANNEL_COLOURS[index % len(CHANNEL_COLOURS)],
            CHANNEL_HATCHES[index % len(CHANNEL_HATCHES)],
        )
        for index, line in enumerate(data.channels)
    ]
    handles, bottoms = style.stacked_bars(ax, layers, 0.7)
    for values, year, look in (
        (data.share, data.year, SHARE),
        (data.previous_share, data.year - 1, style.PREVIOUS),
    ):
        ys = [float("nan") if v is None else v for v in values]
        (line,) = share_ax.plot(x, ys, label=texts.share.format(year=year), **look, zorder=4)
        handles.append(line)
    if data.target is not None:
        label = texts.target.format(year=data.year, value=style.percent(data.target))
        handles.append(share_ax.axhline(data.target, label=label, **style.TARGET, zorder=3))
    points = style.present(data.share)
    if points:
        step, value = points[-1]
        share_ax.annotate(
            style.percent(value),
            (step, value),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            fontsize=8.5,
            fontweight="bold",
        )
    else:
        style.no_data(ax, texts.empty)
    # Bars in the lower part, the share line above them: both stay readable.
    ax.set_ylim(0, style.value_limit(bottoms, False) * 1.9)
    share_ax.set_ylim(-110, 105)
    share_ax.set_yticks([0, 25, 50, 75, 100])
    ax.yaxis.set_major_formatter(style.number_formatter())
    share_ax.yaxis.set_major_formatter(style.percent_formatter())
    ax.set_ylabel(texts.count_axis)
    share_ax.set_ylabel(texts.share_axis)
    style.step_axis(ax, count, texts.month_axis)
    lines = style.title(fig, texts.title.format(year=data.year))
    rows = style.legend(fig, handles)
    style.frame(fig, lines, rows, right=0.85)
