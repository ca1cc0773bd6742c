"""Staff trained in digital transformation, AI and information security, cumulative."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commune_desk.charts import style
from commune_desk.charts.data import TrainingSeries
from commune_desk.charts.texts import TrainingTexts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LOOKS = (
    {"color": style.BLUE, "linestyle": "-", "marker": "o", "linewidth": 2.2, "markersize": 5},
    {"color": style.GREEN, "linestyle": "--", "marker": "^", "linewidth": 1.8, "markersize": 5},
    {"color": style.PURPLE, "linestyle": "-.", "marker": "s", "linewidth": 1.8, "markersize": 4},
    {"color": style.ORANGE, "linestyle": ":", "marker": "D", "linewidth": 1.8, "markersize": 4},
)
TOTAL = {"color": style.BLACK, "linestyle": (0, (1, 1.5)), "linewidth": 1.4}


def draw_training(fig: Figure, data: TrainingSeries, texts: TrainingTexts | None = None) -> None:
    """One line per training figure (cumulative), and the staff count as a dotted step line."""
    texts = texts or TrainingTexts()
    ax, _ = style.axes(fig)
    count = len(data.staff_total.values)
    x = style.steps(count)
    handles = []
    ends: list[tuple[float, float, str, str]] = []
    tops: list[float | None] = list(data.staff_total.values)
    total = [float("nan") if v is None else v for v in data.staff_total.values]
    (line,) = ax.step(x, total, where="mid", label=data.staff_total.label, **TOTAL, zorder=2)
    handles.append(line)
    for index, series in enumerate(data.lines):
        ys = [float("nan") if v is None else v for v in series.values]
        (line,) = ax.plot(x, ys, label=series.label, **LOOKS[index % len(LOOKS)], zorder=3)
        handles.append(line)
        tops.extend(series.values)
        points = style.present(series.values)
        if points:
            step, value = points[-1]
            colour = LOOKS[index % len(LOOKS)]["color"]
            ends.append((step + 0.18, value, style.number(value), colour))
    if not any(style.present(s.values) for s in data.lines):
        style.no_data(ax, texts.empty)
    ax.set_ylim(0, style.value_limit(tops, False))
    ax.yaxis.set_major_formatter(style.number_formatter())
    ax.set_ylabel(texts.value_axis)
    style.step_axis(ax, count, texts.month_axis)
    lines = style.title(fig, texts.title.format(year=data.year))
    rows = style.legend(fig, handles)
    style.frame(fig, lines, rows)
    style.end_labels(ax, ends)
