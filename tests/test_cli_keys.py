"""`commune-desk key show` and signed reports end to end: init makes the key, export signs,
the province's units list carries the key, consolidation checks it."""

from __future__ import annotations

import pytest

from commune_desk.domain.signing import normalise_public_key
from commune_desk.excel.data_sheet import read_data_sheet
from tests.support import rawsql
from tests.support.common import run_cli


def test_init_makes_a_key_and_key_show_prints_the_units_line(cli_db, capsys):
    code, out, err = run_cli(capsys, "key", "show", "--db", cli_db)
    assert code == 0, err
    header, line = out.strip().splitlines()
    assert header == "code,name,public_key"
    commune_code, name, key = line.split(",")
    assert (commune_code, name) == ("15880", "Xã Thiệu Trung")
    assert normalise_public_key(key) == key
    assert run_cli(capsys, "key", "show", "--db", cli_db)[1] == out  # the same key every time
    # Kept in the database, so backups carry it.
    stored = rawsql.rows(cli_db, "select public_key, private_key from signing_keys")
    assert stored[0][0] == key and len(stored[0][1]) == 44


def test_a_signed_report_passes_with_the_key_in_the_units_list(cli_db, capsys, tmp_path):
    values = tmp_path / "values.csv"
    values.write_text("period,code,value\n2025-09,tthc.received_online,1168\n", "utf-8")
    assert run_cli(capsys, "import", "values", str(values), "--db", cli_db)[0] == 0
    reports = tmp_path / "nop"
    reports.mkdir()
    report = reports / "15880.xlsx"
    code, _, err = run_cli(
        capsys, "export", "--period", "2025-Q3", "--out", str(report), "--db", cli_db
    )
    assert code == 0, err
    data = read_data_sheet(report)
    assert data.signature and data.signature_valid()
    _, line, _ = run_cli(capsys, "key", "show", "--db", cli_db)
    units = tmp_path / "units.csv"
    units.write_text(line, "utf-8")
    out = tmp_path / "tong_hop.xlsx"
    code, printed, err = run_cli(
        capsys, "consolidate", str(reports), "--out", str(out), "--units", str(units)
    )
    assert code == 0 and "tổng hợp 1 xã, 0 vấn đề" in printed, err
    other = "15880,Xã Thiệu Trung," + "A" * 43 + "="
    units.write_text("code,name,public_key\n" + other + "\n", "utf-8")
    from commune_desk.domain.catalogue_loader import load_catalogue
    from commune_desk.services.consolidation import ConsolidationError, ConsolidationService
    from tests.support.common import CATALOGUE

    service = ConsolidationService(load_catalogue(CATALOGUE))
    with pytest.raises(
        ConsolidationError, match=r"khóa ký không khớp với xã Xã Thiệu Trung \(15880\)"
    ):
        service.consolidate([reports], out, units=units)
