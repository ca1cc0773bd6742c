"""Size of the one-folder bundle and the time the bundled program takes to start and self-test.

Reads dist/commune-desk/ (build it with `make bundle`; `make bench` does), prints its size on
disk, its largest parts, then runs `commune-desk selftest` offscreen several times in a fresh
home folder and prints the median time to the first line (the program started: bootloader,
Python, the program's imports) and to the end (every check). Target: under 200 MB.
Run with `make bench` or `.venv/bin/python benchmarks/bundle.py [--repeat N]`.
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

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "commune-desk"
PROGRAM = BUNDLE / ("commune-desk.exe" if sys.platform == "win32" else "commune-desk")
TARGET_MB = 200


def size_mb(folder: Path) -> float:
    """Bytes of the regular files under `folder` (links counted once, as their target)."""
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1_048_576


def largest_parts(internal: Path, count: int = 8) -> list[tuple[str, float]]:
    parts = [(p.name, size_mb(p) if p.is_dir() else p.stat().st_size / 1_048_576)
             for p in internal.iterdir() if not p.is_symlink()]  # fmt: skip
    return sorted(parts, key=lambda part: -part[1])[:count]


def run_selftest() -> tuple[float, float, int]:
    """(seconds to the first line, seconds to the end, exit status) of one self-test run."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": home}
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(PROGRAM), "selftest"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        assert process.stdout is not None
        first = None
        for _line in process.stdout:
            if first is None:
                first = time.perf_counter() - started
        status = process.wait()
        return first or 0.0, time.perf_counter() - started, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not PROGRAM.exists():
        print(f"no bundle at {BUNDLE}: run `make bundle` first", file=sys.stderr)
        return 1
    total = size_mb(BUNDLE)
    verdict = "within" if total < TARGET_MB else "OVER"
    print(f"bundle {BUNDLE.relative_to(ROOT)}: {total:.0f} MB ({verdict} the {TARGET_MB} MB aim)")
    for name, mb in largest_parts(BUNDLE / "_internal"):
        print(f"  {mb:6.1f} MB  {name}")
    runs = [run_selftest() for _ in range(args.repeat)]
    if any(status != 0 for *_, status in runs):
        print("selftest FAILED in the bundle (run it by hand to see why)", file=sys.stderr)
        return 1
    started = statistics.median(first for first, _, _ in runs)
    finished = statistics.median(end for _, end, _ in runs)
    print(f"selftest, median of {args.repeat}: first line after {started:.2f} s, "
          f"all checks passed after {finished:.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
