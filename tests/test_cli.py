"""Every command of the command line, end to end on a real SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from commune_desk.cli import main
from tests.support.common import SAMPLES, run_cli

run = run_cli


@pytest.fixture
def db(cli_db: str) -> str:
    return cli_db


def test_init_of_a_known_commune_is_refused(db, capsys):
    code, _, err = run(
        capsys,
        "init",
        "--db",
        db,
        "--commune-code",
        "15880",
        "--commune-name",
        "Xã Khác",
        "--province",
        "Thanh Hóa",
    )
    assert code == 1
    assert "đã có Xã Thiệu Trung (mã 15880)" in err


def test_init_validates_the_code(tmp_path, capsys):
    code, _, err = run(
        capsys,
        "init",
        "--db",
        str(tmp_path / "x.sqlite3"),
        "--commune-code",
        "12",
        "--commune-name",
        "X",
        "--province",
        "Y",
    )
    assert code == 1 and "5 chữ số" in err


def test_commands_before_init_say_what_to_do(tmp_path, capsys):
    code, _, err = run(
        capsys, "indicators", "--period", "2025-Q3", "--db", str(tmp_path / "new.sqlite3")
    )
    assert code == 1 and "commune-desk init" in err


def test_import_dry_run_then_import(db, capsys, tmp_path):
    csv = tmp_path / "villages.csv"
    csv.write_text("code,name\nT01,Thôn Đông\nT02,Thôn Tây\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", "villages", str(csv), "--db", db, "--dry-run")
    assert code == 0 and "thêm 2" in out and "chạy thử" in out
    code, out, _ = run(capsys, "import", "villages", str(csv), "--db", db)
    assert code == 0 and "thêm 2" in out
    code, out, _ = run(capsys, "import", "villages", str(csv), "--db", db)
    assert "không đổi 2" in out


def test_import_refusal_exit_1_names_file_row_column(db, capsys, tmp_path):
    csv = tmp_path / "values.csv"
    csv.write_text("period,code,value\n2025-09,tthc.procedures,-3\n", encoding="utf-8")
    code, out, err = run(capsys, "import", "values", str(csv), "--db", db)
    assert code == 1
    assert "values.csv, dòng 2, cột value, mã tthc.procedures" in err
    assert out == ""


def test_import_unknown_kind_is_a_usage_error(db, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["import", "animals", str(tmp_path / "x.csv"), "--db", db])
    assert exc.value.code == 2


def test_indicators_table_and_json(db, capsys, tmp_path):
    csv = tmp_path / "values.csv"
    csv.write_text(
        "period,code,value\n2025-09,tthc.received_online,1168\n2025-09,tthc.received_direct,140\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", "values", str(csv), "--db", db)[0] == 0
    code, out, _ = run(capsys, "indicators", "--period", "2025-Q3", "--db", db)
    assert code == 0
    assert "Quý III/2025" in out and "1.168" in out and "89,3" in out
    code, out, _ = run(capsys, "indicators", "--period", "2025-Q3", "--db", db, "--format", "json")
    doc = json.loads(out)
    assert doc["commune_code"] == "15880" and doc["period"] == "2025-Q3"
    assert doc["values"]["tthc.received_online"] == 1168
    assert doc["values"]["ind.online_records_pct"] == pytest.approx(1168 / 1308 * 100)
    assert doc["values"]["pop.population"] is None
    assert len(doc["values"]) == 70


def test_indicators_bad_period(db, capsys):
    code, _, err = run(capsys, "indicators", "--period", "2025-13", "--db", db)
    assert code == 1 and "2025-13" in err


def test_check_exit_codes(db, capsys, tmp_path):
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 0 and "Toàn vẹn dữ liệu: tốt" in out
    villages = tmp_path / "villages.csv"
    villages.write_text("code,name,active\nT1,Thôn 1,1\nT2,Thôn 2,1\nT3,Thôn 3,1\n")
    assert run(capsys, "import", "villages", str(villages), "--db", db)[0] == 0
    csv = tmp_path / "v.csv"
    csv.write_text("period,code,value\n2025-09,infra.villages_mobile,3\n", encoding="utf-8")
    assert run(capsys, "import", "values", str(csv), "--db", db)[0] == 0
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 0 and "0 lỗi" in out
    # A village closed later makes the entered figure exceed the commune's villages: an error.
    villages.write_text("code,name,active\nT1,Thôn 1,1\nT2,Thôn 2,1\nT3,Thôn 3,0\n")
    assert run(capsys, "import", "villages", str(villages), "--db", db)[0] == 0
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 1
    assert "LỖI" in out and "infra.villages_mobile" in out


def test_check_refuses_a_damaged_file(tmp_path, capsys):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    code, _, err = run(capsys, "check", "--db", str(broken))
    assert code == 1 and "hỏng" in err


@pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B
def test_backup_and_restore(db, capsys, tmp_path):
    target = tmp_path / "usb"
    code, out, _ = run(capsys, "backup", "--db", db, "--to", str(target))
    assert code == 0
    (copy,) = target.glob("*.sqlite3")
    assert str(copy) in out
    csv = tmp_path / "villages.csv"
    csv.write_text("code,name\nT01,Thôn Đông\n", encoding="utf-8")
    run(capsys, "import", "villages", str(csv), "--db", db)
    code, out, _ = run(capsys, "restore", str(copy), "--db", db)
    assert code == 0 and "Đã khôi phục" in out and "trạng thái hiện tại" in out
    code, out, _ = run(capsys, "import", "villages", str(csv), "--db", db, "--dry-run")
    assert "thêm 1" in out  # the village imported after the backup is gone again


@pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B
def test_restore_refuses_a_file_that_is_not_a_backup(db, capsys, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello")
    code, _, err = run(capsys, "restore", str(junk), "--db", db)
    assert code == 1 and "junk.sqlite3" in err


def test_audit_lists_who_changed_what(db, capsys, tmp_path):
    csv = tmp_path / "v.csv"
    csv.write_text("period,code,value\n2025-09,infra.bts,4\n", encoding="utf-8")
    run(capsys, "import", "values", str(csv), "--db", db)
    csv.write_text("period,code,value\n2025-09,infra.bts,5\n", encoding="utf-8")
    run(capsys, "import", "values", str(csv), "--db", db)
    code, out, _ = run(capsys, "audit", "--db", db, "--format", "json")
    entries = [e for e in json.loads(out) if e["entity"] == "value"]
    assert [(e["old"], e["new"]) for e in entries] == [(None, 4), (4, 5)]
    assert entries[0]["actor"].startswith("os:")
    code, out, _ = run(capsys, "audit", "--db", db, "--since", "2999-01-01")
    assert code == 0 and "0 mục" in out
    with pytest.raises(SystemExit) as exc:
        main(["audit", "--db", db, "--since", "21/11/2026"])
    assert exc.value.code == 2


def test_audit_shows_an_import_in_words_and_its_rows_as_json(db, capsys, tmp_path):
    csv = tmp_path / "thon.csv"
    csv.write_text("code,name\nT01,Thôn Đông\nT02,Thôn Tây\n", encoding="utf-8")
    assert run(capsys, "import", "villages", str(csv), "--db", db)[0] == 0
    code, out, _ = run(capsys, "audit", "--db", db)
    assert code == 0 and "Nhập từ tệp" in out and "Nhập 2 thôn, tổ dân phố từ tệp thon.csv" in out
    assert "villages" not in out
    code, out, _ = run(capsys, "audit", "--db", db, "--format", "json")
    (entry,) = [e for e in json.loads(out) if e["action"] == "import"]
    assert entry["key"] == "thon.csv" and entry["old"] is None
    assert [(r["code"], r["name"]) for r in entry["new"]["added"]] == [
        ("T01", "Thôn Đông"),
        ("T02", "Thôn Tây"),
    ]


def test_samples_import_in_order(db, capsys):
    from commune_desk.domain.records import IMPORT_ORDER

    for kind in (*IMPORT_ORDER, "values"):
        sample = SAMPLES / f"{kind}.csv"
        code, out, err = run(capsys, "import", kind, str(sample), "--db", db)
        assert code == 0, err
        assert "thêm" in out


def test_module_and_entry_point_run(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "commune_desk", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0
    for name in ("init", "demo", "import", "indicators", "check", "backup", "restore", "audit"):
        assert name in result.stdout
    exe = Path(sys.executable).with_name("commune-desk")
    if exe.exists():
        result = subprocess.run([str(exe), "nonsense"], capture_output=True, text=True, check=False)
        assert result.returncode == 2


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "text.csv",
            "period,code,value\n2025-09,tthc.procedures,ba trăm\n",
            "text.csv, dòng 2, cột value, mã tthc.procedures",
        ),
        (
            "unknown.csv",
            "period,code,value\n2025-09,tthc.khong_co,3\n",
            "unknown.csv, dòng 2, cột code, mã tthc.khong_co",
        ),
        (
            "month.csv",
            "period,code,value\n13/2025,tthc.procedures,3\n",
            "month.csv, dòng 2, cột period",
        ),
        (
            "rule.csv",
            "period,code,value\n2025-09,tthc.docs_total,10\n2025-09,tthc.docs_electronic,12\n",
            "các dòng 2, 3",
        ),
        ("empty.csv", "", "empty.csv: tệp rỗng"),
        ("fake.xlsx", "not a workbook", "fake.xlsx: không phải tệp Excel"),
    ],
)
def test_import_refusals_end_to_end(db, capsys, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "import", "values", str(path), "--db", db)
    assert code == 1
    assert expected in err
    code, out, _ = run(capsys, "audit", "--db", db, "--format", "json")
    assert [e for e in json.loads(out) if e["entity"] == "value"] == []  # nothing imported
