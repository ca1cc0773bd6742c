"""benchmarks/province_db.py, the generator of engines.py's `consolidate --db` figures, kept
from rotting: three communes generated on SQLite (one submitted, one draft, one missing)
and consolidated from the database as the benchmark does."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from openpyxl import load_workbook

from commune_desk.domain.periods import Period
from commune_desk.services.commune import CommuneService, require_commune
from commune_desk.services.reports import ReportState, status_in
from tests.support.common import run_cli
from tests.support.communes import open_as

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "province_db.py"


def _generator():
    spec = importlib.util.spec_from_file_location("province_db", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_three_generated_communes_are_submitted_draft_and_missing(tmp_path, capsys):
    generator = _generator()
    db = tmp_path / "province.sqlite3"
    generator.make_database(str(db), 3, tmp_path)
    quarter = Period.parse("2025-Q3")
    opened = open_as(db, None)
    try:
        states = {}
        for code, _name in CommuneService(opened.context).communes():
            with opened.context.for_commune(code).read_session() as session:
                states[code] = status_in(session, require_commune(session).id, quarter).state
    finally:
        opened.close()
    assert states == {
        "14000": ReportState.SUBMITTED,
        "14001": ReportState.ENTERING,
        "14002": ReportState.EMPTY,
    }
    out = tmp_path / "tong-hop.xlsx"
    status, printed, err = run_cli(
        capsys, "consolidate", "--db", str(db), "--period", "2025-Q3", "--out", str(out)
    )
    assert status == 0, err
    assert "2 tệp" in printed and "1 xã" in printed, printed
    cells = [
        v
        for ws in load_workbook(out).worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
    ]
    assert any(isinstance(v, str) and "Xã Thử 0000" in v for v in cells)
