"""Villages with mobile broadband, fibre and a community team, out of all villages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commune_desk.charts import style
from commune_desk.charts.data import CoverageSeries
from commune_desk.charts.texts import CoverageTexts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

BAR_COLOURS = (style.BLUE, style.GREEN, style.PURPLE, style.ORANGE)
BAR_HATCHES = ("", "//", "..", "xx")


def draw_coverage(
    fig: Figure, data: CoverageSeries, period: str = "", texts: CoverageTexts | None = None
) -> None:
    """One horizontal bar per figure over a pale bar of all villages; the label above it."""
    from matplotlib.lines import Line2D

    texts = texts or CoverageTexts()
    ax, _ = style.axes(fig)
    ax.grid(False, axis="y")
    ax.grid(True, axis="x", color=style.GRID, linewidth=0.8)
    total = float(data.total or 0)
    count = len(data.bars)
    rows = list(range(count))[::-1]  # the first bar at the top
    highest = max([total, *(float(b.covered or 0) for b in data.bars)], default=0.0) or 1.0
    handles = []
    for index, (row, bar) in enumerate(zip(rows, data.bars, strict=True)):
        ax.barh(row, highest if total == 0 else total, 0.42, color=style.MUTED, zorder=1)
        covered = float(bar.covered or 0)
        ax.barh(
            row,
            covered,
            0.42,
            color=BAR_COLOURS[index % len(BAR_COLOURS)],
            hatch=BAR_HATCHES[index % len(BAR_HATCHES)],
            edgecolor=style.EDGE,
            linewidth=0.4,
            zorder=2,
        )
        share = f" ({style.percent(covered / total * 100)})" if total else ""
        ax.text(0, row + 0.3, bar.label, va="bottom", ha="left", fontsize=8.5)
        ax.text(
            highest,
            row + 0.3,
            f"{style.number(bar.covered)}/{style.number(data.total)}{share}",
            va="bottom",
            ha="right",
            fontsize=8.5,
            fontweight="bold",
        )
        if bar.previous is not None:
            ax.plot(
                [bar.previous, bar.previous],
                [row - 0.3, row + 0.3],
                color=style.BLACK,
                linewidth=2,
                zorder=3,
            )
    if any(b.previous is not None for b in data.bars):
        handles.append(Line2D([], [], color=style.BLACK, linewidth=2, label=texts.previous))
    if data.total is not None:
        handles.insert(
            0,
            Line2D(
                [],
                [],
                color=style.MUTED,
                linewidth=8,
                label=f"{data.total_label} — {texts.total.format(value=style.number(total))}",
            ),
        )
    if not count or data.total is None:
        style.no_data(ax, texts.empty)
    ax.set_xlim(0, highest * 1.02)
    ax.set_ylim(-0.6, count - 0.1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_formatter(style.number_formatter())
    ax.set_xlabel(texts.count_axis)
    lines = style.title(fig, texts.title.format(period=period))
    legend_rows = style.legend(fig, handles)
    style.frame(fig, lines, legend_rows)
    fig.subplots_adjust(left=0.03)
