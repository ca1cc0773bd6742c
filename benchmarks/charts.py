"""Time to draw the whole overview (Tổng quan) on the demo database, after a warm-up.

Builds the demo in a temporary folder, then for each run: compute every card and series of a
quarter (`OverviewService.load`, one batch of the indicator engine) and draw every chart on
Agg canvases of screen size, reusing the figures as the page does. Prints the median of the
whole and of its two parts; the target is under half a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

TARGET = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--period", default="2026-Q3")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("MPLCONFIGDIR", str(Path(folder) / "matplotlib"))
        from commune_desk import paths
        from commune_desk.charts import export, style
        from commune_desk.charts.coverage import draw_coverage
        from commune_desk.charts.indicator import draw_indicator
        from commune_desk.charts.online import draw_online
        from commune_desk.charts.support import draw_support
        from commune_desk.charts.training import draw_training
        from commune_desk.demo import build_demo
        from commune_desk.domain.periods import Period
        from commune_desk.services.context import Actor
        from commune_desk.services.overview import OverviewService
        from commune_desk.services.setup import open_database

        db = open_database(Path(folder) / "demo.sqlite3", paths.catalogue_file(), Actor("bench"))
        db.context.clock = lambda: dt.datetime(2026, 11, 21, 9, 30)
        build_demo(db.context)
        service = OverviewService(db.context)
        period = Period.parse(args.period)
        figures = [export.new_figure(style.SCREEN_SIZE) for _ in range(5)]

        def draw(overview) -> None:
            first = overview.indicators[0].code
            draw_indicator(figures[0], overview.indicator(first))
            draw_support(figures[1], overview.support)
            draw_online(figures[2], overview.online)
            draw_coverage(figures[3], overview.coverage, period.label())
            draw_training(figures[4], overview.training)
            for fig in figures:
                fig.canvas.draw()

        computed, drawn, whole = [], [], []
        for run in range(args.repeat + 1):  # the first run warms caches and fonts
            started = time.perf_counter()
            overview = service.load(period)
            middle = time.perf_counter()
            draw(overview)
            ended = time.perf_counter()
            if run:
                computed.append(middle - started)
                drawn.append(ended - middle)
                whole.append(ended - started)
        db.close()
    med = statistics.median
    verdict = "under" if med(whole) < TARGET else "OVER"
    print(
        f"overview of {period.key} on the demo database (5 charts, {len(overview.cards)} cards): "
        f"median {med(whole) * 1000:.0f} ms ({verdict} the {TARGET * 1000:.0f} ms target), "
        f"min {min(whole) * 1000:.0f} ms over {len(whole)} runs"
    )
    print(
        f"  compute (cards and series, one indicator batch): median {med(computed) * 1000:.0f} ms"
    )
    print(f"  draw (every chart, Agg, figures reused): median {med(drawn) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
