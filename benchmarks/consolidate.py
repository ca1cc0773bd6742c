"""Time to consolidate 200 commune reports, next to python-calamine's floor for reading them.

Generates 200 quarter reports once (demo/province.py: the real report writer, varied
figures) in a temporary folder. Then, several rounds: each round reads the files with
python-calamine only (open them, read their report sheet and `_data`: the floor) and
consolidates them, the two in turn (which goes first alternates), so a machine whose load
changes during the run slows both alike. Prints the medians, their ratio and the spread of
the rounds' ratios, in wall-clock time and in the processor time of this process (on a
machine shared with other work, wall-clock time also counts the waits for a processor; the
processor time counts the work done), then what consolidation does beyond reading: the
container checks, the reading with every check (signatures, checksums, the visible sheet
against `_data`), and the writing of the workbook. (The container checks include packing the
checked parts again for python-calamine: each file is read once.)
Run with `.venv/bin/python benchmarks/consolidate.py [--communes N] [--repeat N]`.
Target: consolidation within 3 times the reading floor. The reports are signed and the units
list carries every commune's public key, so each signature is checked (and each key compared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from commune_desk.demo.province import FIRST_CODE, demo_key, write_province_reports
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.paths import catalogue_file
from commune_desk.services import consolidation
from commune_desk.services.consolidation import ConsolidationService


def read_floor(files: list[Path]) -> None:
    from python_calamine import CalamineWorkbook

    for path in files:
        workbook = CalamineWorkbook.from_path(str(path))
        workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        workbook.get_sheet_by_name("_data").to_python(skip_empty_area=False)


TARGET = 3.0


def timed(function: Callable[[], object]) -> float:
    return clocked(function)[0]


def clocked(function: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock, processor) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


Times = list[tuple[float, float]]


def alternated(
    first: Callable[[], object], second: Callable[[], object], rounds: int
) -> tuple[Times, Times]:
    """Times of `first` and `second`, run in turn `rounds` times, alternating which goes first."""
    a: Times = []
    b: Times = []
    for round_ in range(rounds):
        if round_ % 2:
            b.append(clocked(second))
            a.append(clocked(first))
        else:
            a.append(clocked(first))
            b.append(clocked(second))
    return a, b


def phases(cat: Catalogue, files: list[Path], rounds: int) -> dict[str, float]:
    """Medians of the parts beyond the floor (each measured on its own)."""
    from commune_desk.excel.consolidation_reader import ReportReader, container_issue

    def check() -> None:
        for path in files:
            container_issue(path)

    def read() -> None:
        for _ in ReportReader(cat).read_many(files):
            pass

    return {
        "container checks, repacking": statistics.median(timed(check) for _ in range(rounds)),
        "reading with every check": statistics.median(timed(read) for _ in range(rounds)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7, help="rounds (each: floor + whole)")
    args = parser.parse_args()
    cat = load_catalogue(catalogue_file())
    with tempfile.TemporaryDirectory(prefix="commune-desk-bench-") as home:
        folder = Path(home) / "reports"
        folder.mkdir()
        started = time.perf_counter()
        generated = dt.datetime(2025, 10, 5, 9, 0)
        files = write_province_reports(folder, cat, "2025-Q3", args.communes, generated)
        print(f"generated {args.communes} reports in {time.perf_counter() - started:.1f} s")
        units = Path(home) / "units.csv"
        lines = ["code,name,public_key"]
        for index in range(args.communes):
            code = f"{FIRST_CODE + index}"
            lines.append(f"{code},Xã Thử {index:03d},{demo_key(code).public_key}")
        units.write_text("\n".join(lines) + "\n", "utf-8")
        service = ConsolidationService(cat)
        out = Path(home) / "tong_hop.xlsx"
        result = service.consolidate([folder], out, units=units)  # warm-up: the imports
        assert result.communes == args.communes and not result.problems, result.problems[:3]
        read_floor(files)
        writes: list[float] = []
        write = consolidation.write_consolidation

        def timed_write(*args: object) -> str:  # the writing alone, inside each consolidation
            started = time.perf_counter()
            try:
                return write(*args)  # type: ignore[arg-type]
            finally:
                writes.append(time.perf_counter() - started)

        consolidation.write_consolidation = timed_write  # type: ignore[assignment]
        floors, wholes = alternated(
            lambda: read_floor(files),
            lambda: service.consolidate([folder], out, units=units),
            args.repeat,
        )
        consolidation.write_consolidation = write
        parts = phases(cat, files, max(3, args.repeat // 2))
        print(f"rounds (floor and whole in turn): {args.repeat}")
        for clock, name in ((0, "wall-clock"), (1, "processor")):
            report(name, [t[clock] for t in floors], [t[clock] for t in wholes])
        print("beyond the floor (medians):")
        for name, seconds in parts.items():
            print(f"  {name:<28}: {seconds:6.3f} s")
        print(f"  {'writing the workbook':<28}: {statistics.median(writes):6.3f} s")


def report(clock: str, floors: list[float], wholes: list[float]) -> None:
    floor, whole = statistics.median(floors), statistics.median(wholes)
    ratios = sorted(w / f for f, w in zip(floors, wholes, strict=True))
    verdict = "within" if whole / floor <= TARGET else "ABOVE"
    print(f"{clock} time:")
    print(f"  python-calamine reading floor : {floor:6.3f} s (median)")
    print(f"  consolidation (read + write)  : {whole:6.3f} s (median)")
    print(f"  ratio of the medians          : {whole / floor:6.2f}×  ({verdict} {TARGET:g}×)")
    print(
        f"  ratio of each round           : {ratios[0]:.2f}× … "
        f"{statistics.median(ratios):.2f}× (median) … {ratios[-1]:.2f}×"
    )


if __name__ == "__main__":
    main()
