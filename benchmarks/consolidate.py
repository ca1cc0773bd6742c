"""Time to consolidate 200 commune reports, next to python-calamine's floor for reading them.

Generates 200 quarter reports once (demo/province.py: the real report writer, varied
figures) in a temporary
folder, then consolidates them several times and prints the median, next to the median time
python-calamine needs only to open the same files and read their report sheet and `_data`.
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
from pathlib import Path

from commune_desk.demo.province import FIRST_CODE, demo_key, write_province_reports
from commune_desk.domain.catalogue_loader import load_catalogue
from commune_desk.paths import catalogue_file
from commune_desk.services.consolidation import ConsolidationService


def read_floor(files: list[Path]) -> None:
    from python_calamine import CalamineWorkbook

    for path in files:
        workbook = CalamineWorkbook.from_path(str(path))
        workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
        workbook.get_sheet_by_name("_data").to_python(skip_empty_area=False)


def median_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
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
        floor = median_time(lambda: read_floor(files), args.repeat)
        whole = median_time(lambda: service.consolidate([folder], out, units=units), args.repeat)
        print(f"python-calamine reading floor : {floor:6.3f} s")
        print(f"consolidation (read + write)  : {whole:6.3f} s  = {whole / floor:.1f}× the floor")


if __name__ == "__main__":
    main()
