"""People supported by the community teams per month, stacked by support type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commune_desk.charts import style
from commune_desk.charts.data import SupportSeries
from commune_desk.charts.texts import SupportTexts

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def draw_support(fig: Figure, data: SupportSeries, texts: SupportTexts | None = None) -> None:
    """Stacked bars, one colour and hatch per type; the month's total above each bar."""
    texts = texts or SupportTexts()
    ax, _ = style.axes(fig)
    count = len(data.totals)
    layers = [
        (
            line.label,
            line.values,
            style.PALETTE[index % len(style.PALETTE)],
            style.HATCHES[index % len(style.HATCHES)],
        )
        for index, line in enumerate(data.types)
    ]
    handles, _ = style.stacked_bars(ax, layers)
    for step, total in style.present(data.totals):
        ax.annotate(
            style.number(total),
            (step, total),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    if not style.present(data.totals):
        style.no_data(ax, texts.empty)
    ax.set_ylim(0, style.value_limit(data.totals, False))
    ax.yaxis.set_major_formatter(style.number_formatter())
    ax.set_ylabel(texts.value_axis)
    style.step_axis(ax, count, texts.month_axis)
    lines = style.title(fig, texts.title.format(year=data.year))
    rows = style.legend(fig, handles)
    style.frame(fig, lines, rows)
