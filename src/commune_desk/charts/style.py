"""The look shared by every chart: colours, line styles, number formats, fonts and margins.

Colours are the Okabe–Ito palette (told apart by colour-blind readers); every series also
differs by line style, marker or hatch, so a chart printed in greyscale stays readable.
Numbers are written the Vietnamese way ("1.234", "89,2 %"). DejaVu Sans, bundled with
matplotlib, has every Vietnamese diacritic. matplotlib is imported inside functions only.
"""

from __future__ import annotations

import math
import textwrap
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from commune_desk.domain.numbers import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FONT = "DejaVu Sans"

# Okabe & Ito (2008), "Color Universal Design".
ORANGE, SKY_BLUE, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, VERMILLION, PURPLE, BLACK = "#0072B2", "#D55E00", "#CC79A7", "#000000"
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, SKY_BLUE, PURPLE, YELLOW, BLACK)
HATCHES = ("", "//", "..", "xx", "\\\\", "--", "oo", "++")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINE_STYLES: tuple[Any, ...] = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)))
GRID = "#D9D9D9"
MUTED = "#F0F0F0"
EDGE = "#333333"

# The series every chart shares: this year, last year, the target.
CURRENT = {"color": BLUE, "linestyle": "-", "marker": "o", "linewidth": 2.2, "markersize": 5}
PREVIOUS = {"color": ORANGE, "linestyle": "--", "marker": "s", "linewidth": 1.6, "markersize": 4}
TARGET = {"color": VERMILLION, "linestyle": (0, (6, 2, 1, 2)), "linewidth": 1.8}

PRINT_DPI = 300
PRINT_SIZE = (7.5, 4.2)  # inches: about 19 × 10.7 cm, the width of a report page
SCREEN_SIZE = (8.0, 4.0)
LINE_HEIGHT = 0.22  # inches per line of 9-point text, for the margins


def configure() -> None:
    """Fonts and sizes for figures made from now on (cheap; called by every builder)."""
    import matplotlib

    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT],
            "font.size": 9,
            "axes.titlesize": 10,
            "axes.labelsize": 9,
            "legend.fontsize": 8.5,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "hatch.linewidth": 0.6,
            "svg.fonttype": "none",
        }
    )


# --- numbers -----------------------------------------------------------------------------


def number(value: float | None, decimals: int | None = None) -> str:
    """1.234 / 1.234,5 (Vietnamese)."""
    return format_number(value, decimals)


def percent(value: float | None, decimals: int = 1) -> str:
    """89,2 %."""
    return "" if value is None else f"{format_number(value, decimals)} %"


def value_text(value: float | None, is_percent: bool) -> str:
    """A value as shown beside a point: percentages with one decimal, numbers grouped."""
    if is_percent:
        return percent(value)
    if value is not None and not float(value).is_integer():
        return number(value, 1)
    return number(value)


def _tick(value: float) -> str:
    # Ticks are round numbers: show decimals only when a tick has them.
    return format_number(value, 0 if float(value).is_integer() else 1)


def number_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: _tick(v))


def percent_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{_tick(v)} %")


def value_limit(values: Iterable[float | None], is_percent: bool) -> float:
    """Upper y limit: room above the highest value; at least 100 % for a percentage."""
    highest = max((float(v) for v in values if v is not None), default=0.0)
    if is_percent:
        return max(105.0, highest * 1.08)
    return max(1.0, highest * 1.15)


# --- layout --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Margins:
    """Space around the axes, in inches, so that it stays right when the figure is resized."""

    left: float = 0.75
    right: float = 0.25
    top: float = 0.45
    bottom: float = 0.45


_MARGINS: weakref.WeakKeyDictionary[Any, Margins] = weakref.WeakKeyDictionary()


def fit_margins(fig: Figure, margins: Margins | None = None) -> None:
    """Place the axes with fixed margins (cheap, unlike a layout engine): call after a resize."""
    margins = margins or _MARGINS.get(fig) or Margins()
    _MARGINS[fig] = margins
    width, height = fig.get_size_inches()
    left = min(0.45, margins.left / width)
    right = max(left + 0.1, 1 - margins.right / width)
    bottom = min(0.6, margins.bottom / height)
    top = max(bottom + 0.1, 1 - margins.top / height)
    fig.subplots_adjust(left=left, right=right, bottom=bottom, top=top)


def wrap(text: str, fig: Figure, points: float = 10.5, share: float = 0.95) -> str:
    """Wrap a title to the figure's width (DejaVu Sans is about 0.55 em per character)."""
    width_points = fig.get_size_inches()[0] * 72 * share
    columns = max(20, int(width_points / (points * 0.55)))
    return "\n".join(textwrap.wrap(text, columns)) or text


def title(fig: Figure, text: str) -> int:
    """The chart's title at the top left; returns its number of lines."""
    wrapped = wrap(text, fig)
    fig.suptitle(wrapped, x=0.01, y=0.985, ha="left", va="top", fontsize=10.5, fontweight="bold")
    return wrapped.count("\n") + 1


def _text_inches(text: str, points: float) -> float:
    # DejaVu Sans averages about 0.55 em per character.
    return max(len(line) for line in text.split("\n")) * points * 0.55 / 72


def legend(fig: Figure, handles: Sequence[Any], points: float = 8.5) -> int:
    """A legend along the bottom of the figure, in as many columns as fit; returns its rows.

    Labels too long for the figure are wrapped, so the legend never runs off the edge.
    """
    for old in list(fig.legends):
        old.remove()
    if not handles:
        return 0
    available = fig.get_size_inches()[0] * 0.96
    extra = (2.6 + 0.8 + 1.4) * points / 72  # handle, padding and column spacing
    chars = int(max(1.0, (available - extra) * 72 / (points * 0.55)))  # a label's longest line
    labels = []
    for handle in handles:
        label = handle.get_label()
        labels.append("\n".join(textwrap.wrap(label, chars)) if len(label) > chars else label)
    count = 1
    for candidate in range(len(labels), 0, -1):  # legends fill column by column
        rows = math.ceil(len(labels) / candidate)
        columns = [labels[i : i + rows] for i in range(0, len(labels), rows)]
        width = sum(max(_text_inches(x, points) for x in column) + extra for column in columns)
        if width <= available:
            count = len(columns)
            break
    rows = math.ceil(len(handles) / count)
    fig.legend(
        handles=list(handles),
        labels=labels,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.005),
        ncol=count,
        frameon=False,
        handlelength=2.6,
        columnspacing=1.4,
        fontsize=points,
    )
    return sum(
        max(labels[i].count("\n") + 1 for i in range(row, len(labels), rows)) for row in range(rows)
    )


def frame(
    fig: Figure, title_lines: int, legend_rows: int, *, right: float = 0.25, left: float = 0.75
) -> None:
    """Margins for a title of `title_lines` and a legend of `legend_rows` under the axes."""
    top = 0.25 + LINE_HEIGHT * 1.1 * title_lines
    bottom = 0.5 + LINE_HEIGHT * legend_rows
    fit_margins(fig, Margins(left=left, right=right, top=top, bottom=bottom))


# --- axes ------------------------------------------------------------------------------------


def axes(fig: Figure, twin: bool = False) -> tuple[Axes, Axes | None]:
    """The figure's axes, created once and emptied on every redraw (never a new figure).

    The previous drawing's artists are removed rather than the axes cleared: clearing would
    rebuild every tick, the costliest part of a redraw.
    """
    configure()
    if not fig.axes:
        ax = fig.add_subplot()
        ax.set_axisbelow(True)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        if twin:
            other = ax.twinx()
            other.patch.set_visible(False)
            other.spines["right"].set_visible(True)
    for each in fig.axes:
        empty(each)
    ax = fig.axes[0]
    return ax, (fig.axes[1] if twin and len(fig.axes) > 1 else None)


def empty(ax: Axes) -> None:
    """Remove what a chart drew on `ax`, keeping its ticks, grid and formatters."""
    for container in list(ax.containers):
        container.remove()
    for artist in (*ax.lines, *ax.patches, *ax.texts, *ax.collections, *ax.images):
        artist.remove()
    if ax.legend_ is not None:
        ax.legend_.remove()
    ax.set_xlabel("")
    ax.set_ylabel("")


def steps(count: int) -> list[int]:
    return list(range(1, count + 1))


def step_axis(ax: Axes, count: int, label: str, tick_labels: Sequence[str] | None = None) -> None:
    """X axis of months (1-12) or quarters (I-IV)."""
    ax.set_xlim(0.4, count + 0.6)
    ax.set_xticks(steps(count))
    ax.set_xticklabels(list(tick_labels) if tick_labels else [str(i) for i in steps(count)])
    ax.set_xlabel(label)
    ax.tick_params(axis="x", length=0)


def no_data(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color="#555555")


def present(values: Sequence[float | None]) -> list[tuple[int, float]]:
    """(step, value) of the steps that have a value."""
    return [(i, float(v)) for i, v in enumerate(values, 1) if v is not None]


def end_labels(ax: Axes, labels: Sequence[tuple[float, float, str, str]], gap: float = 11) -> None:
    """Write (x, y, text, colour) beside line ends, pushed apart so none overlap another.

    Call after the limits and margins are set: the spacing of `gap` points is converted to
    data units from the axes' height.
    """
    fig = ax.get_figure()
    low, high = ax.get_ylim()
    height = fig.get_size_inches()[1] * (fig.subplotpars.top - fig.subplotpars.bottom) * 72
    step = gap * (high - low) / max(height, 1.0)
    placed: list[float] = []
    for x, y, text, colour in sorted(labels, key=lambda item: item[1]):
        at = max(y, placed[-1] + step) if placed else y
        placed.append(at)
        ax.annotate(
            text,
            (x, y),
            xytext=(x, at),
            textcoords="data",
            xycoords="data",
            va="center",
            ha="left",
            fontsize=8,
            fontweight="bold",
            color=colour,
            annotation_clip=False,
        )


def stacked_bars(
    ax: Axes,
    layers: Sequence[tuple[str, Sequence[float | None], str, str]],
    width: float = 0.72,
) -> tuple[list[Any], list[float]]:
    """Stacked bars at x = 1, 2, ...: one (label, values, colour, hatch) per layer.

    Each layer is one PolyCollection (one artist, not a patch per bar: much faster to build
    and draw); returns the legend handles and the stack tops.
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    count = max((len(values) for _, values, _, _ in layers), default=0)
    tops = [0.0] * count
    handles = []
    for label, values, colour, hatch in layers:
        boxes = []
        for index, value in enumerate(values):
            height = 0.0 if value is None else float(value)
            left, bottom = index + 1 - width / 2, tops[index]
            if height > 0:
                boxes.append(
                    [(left, bottom), (left, bottom + height), (left + width, bottom + height),
                     (left + width, bottom)]
                )  # fmt: skip
            tops[index] = bottom + height
        look = {"facecolor": colour, "edgecolor": EDGE, "linewidth": 0.4, "hatch": hatch}
        collection = PolyCollection(boxes, label=label, zorder=2, **look)
        collection.set_gid(label)
        ax.add_collection(collection, autolim=False)
        handles.append(Patch(label=label, **look))
    return handles, tops
