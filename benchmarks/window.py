"""Time from process start to the main window painted, on the demo database.

Builds the demo database once in a temporary folder, starts the program (offscreen) several
times and prints the median; also says whether matplotlib or openpyxl were imported by then.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": folder}
        db = str(Path(folder) / "demo.sqlite3")
        subprocess.run(
            [sys.executable, "-m", "commune_desk", "demo", "--db", db],
            env=env,
            check=True,
            capture_output=True,
        )
        times, heavy = [], set()
        for _ in range(args.repeat + 1):  # the first run warms the disk cache
            out = subprocess.run(
                [sys.executable, str(HERE / "_paint_probe.py"), repr(time.time()), db],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            line = next(x for x in out.splitlines() if x.startswith("painted"))
            _, seconds, modules = line.split()
            times.append(float(seconds))
            heavy.add(modules.removeprefix("heavy="))
        times = times[1:]
    print(
        f"process start to main window painted (demo database): median "
        f"{statistics.median(times):.2f} s, min {min(times):.2f} s over {len(times)} runs"
    )
    print(f"heavy modules imported by first paint: {', '.join(sorted(heavy))}")


if __name__ == "__main__":
    main()
