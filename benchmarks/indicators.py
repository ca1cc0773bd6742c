"""Time to compute every indicator for every month, quarter, half and year of two years.

Builds the demo commune once in a temporary folder, then prints the figures. Run with
`make bench` or `.venv/bin/python benchmarks/indicators.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from commune_desk import paths
from commune_desk.demo import build_demo
from commune_desk.domain.periods import Period, year_periods
from commune_desk.services.context import Actor
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.setup import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite3", paths.catalogue_file(), Actor("bench"))
        started = time.perf_counter()
        summary = build_demo(db.context)
        print(f"demo built in {time.perf_counter() - started:.2f} s: {summary}")
        service = IndicatorService(db.context)
        periods = [*year_periods(2025), *year_periods(2026)]
        service.compute(Period.parse("2025-Q1"))  # warm-up
        one, each, batch = [], [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            service.compute(Period.parse("2025-Q3"))
            one.append(time.perf_counter() - t)
            t = time.perf_counter()
            for period in periods:
                service.compute(period)
            each.append(time.perf_counter() - t)
            t = time.perf_counter()
            service.compute_many(periods)
            batch.append(time.perf_counter() - t)
        db.close()
    print(f"one quarter (2025-Q3), every indicator: median {statistics.median(one) * 1000:.1f} ms")
    print(
        f"{len(periods)} periods of 2025-2026 one by one: "
        f"median {statistics.median(each) * 1000:.0f} ms"
    )
    print(
        f"{len(periods)} periods of 2025-2026 in one batch: "
        f"median {statistics.median(batch) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
