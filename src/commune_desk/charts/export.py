"""Figures for files and the clipboard: a new Figure, a PNG at print resolution, raw pixels."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from commune_desk.charts import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def new_figure(size: tuple[float, float] = style.SCREEN_SIZE, dpi: float = 100) -> Figure:
    """A Figure with an Agg canvas (no Qt, no pyplot): for files, tests and benchmarks."""
    style.configure()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def print_figure() -> Figure:
    """A Figure of the size charts are saved and copied at."""
    return new_figure(style.PRINT_SIZE, 100)


def save_png(fig: Figure, path: str | os.PathLike[str], dpi: int = style.PRINT_DPI) -> Path:
    """Write `fig` as a PNG at `dpi` (300: print resolution); atomic, never half a file."""
    target = Path(path)
    style.fit_margins(fig)
    handle, temporary = tempfile.mkstemp(prefix=".chart-", suffix=".png", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            fig.savefig(out, format="png", dpi=dpi, metadata={"Software": "Commune Desk"})
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def render_rgba(fig: Figure, dpi: float | None = None) -> tuple[bytes, int, int]:
    """The figure rendered by Agg: (RGBA bytes, width, height), e.g. for the clipboard."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    old = fig.get_dpi()
    if dpi is not None:
        fig.set_dpi(dpi)
    try:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        return bytes(canvas.buffer_rgba()), width, height
    finally:
        fig.set_dpi(old)
