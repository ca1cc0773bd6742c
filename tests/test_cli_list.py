"""`commune-desk list KIND`: the window's list, filtered by the same service, headless."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.support.common import run_cli

VILLAGES = "code,name,kind\nT01,Thôn Đông Khánh,thon\nT02,Thôn Tây,to_dan_pho\nT03,Xóm Đình,thon\n"
STAFF = (
    "code,full_name,group,start_date,phone\n"
    "CB01,Đặng Văn Khánh,cong_chuc,01/03/2018,0912345678\n"
    "CB02,Vũ Thị Lan,can_bo,02/04/2019,\n"
)


def imported(capsys, cli_db: str, tmp_path: Path, kind: str, text: str) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, "import", kind, str(path), "--db", cli_db)
    assert code == 0, err


def test_table_shows_labels_and_searches_without_accents(capsys, cli_db, tmp_path):
    imported(capsys, cli_db, tmp_path, "villages", VILLAGES)
    code, out, _ = run_cli(capsys, "list", "villages", "--search", "dong khanh", "--db", cli_db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("  ")[0] == "Mã thôn"
    assert "Thôn Đông Khánh" in out and "Thôn" in out and "Thôn Tây" not in out
    assert lines[-1] == "1 dòng"


def test_d_finds_dj_and_the_count_matches_the_window_query(capsys, cli_db, tmp_path):
    imported(capsys, cli_db, tmp_path, "villages", VILLAGES)
    _, out, _ = run_cli(capsys, "list", "villages", "--search", "dinh", "--db", cli_db)
    assert "Xóm Đình" in out and out.splitlines()[-1] == "1 dòng"


def test_csv_reads_back_with_import(capsys, cli_db, tmp_path):
    imported(capsys, cli_db, tmp_path, "staff", STAFF)
    code, out, _ = run_cli(capsys, "list", "staff", "--format", "csv", "--db", cli_db)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["full_name"] for r in rows] == ["Đặng Văn Khánh", "Vũ Thị Lan"]
    assert rows[0]["start_date"] == "01/03/2018" and rows[0]["steering_member"] == "0"
    again = tmp_path / "again.csv"
    again.write_text(out, encoding="utf-8")
    code, out, _ = run_cli(capsys, "import", "staff", str(again), "--dry-run", "--db", cli_db)
    assert code == 0 and "thêm 0, sửa 0, không đổi 2" in out


def test_json_holds_codes_and_iso_dates(capsys, cli_db, tmp_path):
    imported(capsys, cli_db, tmp_path, "staff", STAFF)
    code, out, _ = run_cli(
        capsys, "list", "staff", "--search", "KHANH", "--format", "json", "--db", cli_db
    )
    assert code == 0
    (row,) = json.loads(out)
    assert row["code"] == "CB01" and row["group"] == "cong_chuc"
    assert row["start_date"] == "2018-03-01"


def test_unknown_kind_is_a_usage_error(capsys, cli_db):
    with pytest.raises(SystemExit) as exit_:
        run_cli(capsys, "list", "animals", "--db", cli_db)
    assert exit_.value.code == 2
    assert "animals" in capsys.readouterr().err
