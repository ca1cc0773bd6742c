"""Records received per month by channel (bars) and the share received online (line).

Two panels on one month axis: the share above, on its own 0–100 % scale, and the bars below.
Each uses its panel's whole height, so neither is squeezed to make room for the other.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from commune_desk.charts import style
from commune_desk.charts.data import OnlineSeries
from commune_desk.charts.texts import OnlineTexts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Bars in light colours with hatches, so the share line stays readable over them.
CHANNEL_COLOURS = (style.SKY_BLUE, style.YELLOW, style.GREEN, style.PURPLE)
CHANNEL_HATCHES = ("", "//", "..", "xx")
SHARE = {"color": style.BLACK, "linestyle": "-", "marker": "o", "linewidth": 2.0, "markersize": 4}


def draw_online(fig: Figure, data: OnlineSeries, texts: OnlineTexts | None = None) -> None:
    """The online share in the upper panel, stacked bars of the channels in the lower one."""
    texts = texts or OnlineTexts()
    share_ax, ax = _panels(fig)
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
    ax.set_ylim(0, style.value_limit(bottoms, False))
    share_ax.set_ylim(0, 112)  # room for the last value's label above 100 %
    share_ax.set_yticks([0, 25, 50, 75, 100])
    ax.yaxis.set_major_formatter(style.number_formatter())
    share_ax.yaxis.set_major_formatter(style.percent_formatter())
    ax.set_ylabel(texts.count_axis)
    share_ax.set_ylabel(two_lines(texts.share_axis))
    style.step_axis(ax, count, texts.month_axis)
    share_ax.set_xlim(ax.get_xlim())
    share_ax.tick_params(axis="x", length=0, labelbottom=False)
    lines = style.title(fig, texts.title.format(year=data.year))
    rows = style.legend(fig, handles)
    fig.align_ylabels([share_ax, ax])  # both axis titles in one column
    style.frame(fig, lines, rows, left=0.95)


def two_lines(text: str) -> str:
    """An axis title in two lines of about half its length (the share's panel is short)."""
    return "\n".join(textwrap.wrap(text, max(12, -(-len(text) // 2) + 4))) or text


def _panels(fig: Figure) -> tuple[Axes, Axes]:
    """The share's panel above and the bars' panel below, created once, emptied on redraws."""
    style.configure()
    if len(fig.axes) != 2:
        for old in list(fig.axes):
            old.remove()
        grid = fig.add_gridspec(2, 1, height_ratios=(2, 3), hspace=0.25)
        share_ax = fig.add_subplot(grid[0])
        ax = fig.add_subplot(grid[1], sharex=share_ax)
        for each in (share_ax, ax):
            each.set_axisbelow(True)
            each.grid(axis="y", color=style.GRID, linewidth=0.8)
    for each in fig.axes:
        style.empty(each)
    share_ax, ax = fig.axes
    return share_ax, ax
