"""The full kill harness: SIGKILL the program at random moments and count what broke.

Runs the harness of tests/crash (a child process doing a large import, a run of monthly-figure
saves or a report export through the real services on a real SQLite file, killed at a moment
drawn uniformly over the operation's measured duration) `--runs` times in all, shared evenly
between the operations, and prints per operation how many runs there were, how many actually
killed the child mid-way, how many kills left temporary files for the recovery sweep, and how
many found a problem (it must be zero). Exit status 1 when any run found a problem; the
folders of those runs are kept and named.

`.venv/bin/python benchmarks/crash.py --runs 200` (POSIX only: it sends SIGKILL).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package

from tests.crash.harness import OPERATIONS, Harness, Outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=150, help="kills in all (default 150)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--operations", nargs="+", choices=OPERATIONS, default=list(OPERATIONS))
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    workdir = Path(tempfile.mkdtemp(prefix="commune-desk-crash-"))
    harness = Harness(workdir)
    print(f"seed {seed}; work folder {workdir}")
    for operation in args.operations:
        print(f"{operation}: measured duration {harness.duration(operation):.2f} s", flush=True)
    results: dict[str, list[Outcome]] = {op: [] for op in args.operations}
    started = time.perf_counter()
    for n in range(args.runs):
        operation = args.operations[n % len(args.operations)]
        outcome = harness.kill_once(operation, rng)
        results[operation].append(outcome)
        if outcome.problems:
            print(f"PROBLEM {operation} after {outcome.delay:.3f} s: {outcome.problems}")
    print(f"\n{args.runs} runs in {time.perf_counter() - started:.0f} s")
    print(f"{'operation':<10}{'runs':>6}{'killed':>8}{'temp files':>12}{'problems':>10}")
    for operation, outcomes in results.items():
        print(
            f"{operation:<10}{len(outcomes):>6}{sum(o.killed for o in outcomes):>8}"
            f"{sum(o.temp_files > 0 for o in outcomes):>12}"
            f"{sum(bool(o.problems) for o in outcomes):>10}"
        )
    failed = sum(bool(o.problems) for outs in results.values() for o in outs)
    print(f"kills that found a problem: {failed}")
    if not failed:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
