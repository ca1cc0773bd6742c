"""What was submitted stays true, through the command line: the lock guard, `check`, `restore`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commune_desk.excel.data_sheet import read_data_sheet
from tests.support import rawsql
from tests.support.common import run_cli

run = run_cli
STAFF = "code,full_name,group,start_date,end_date\n"


def staff_file(folder: Path, end_of_s1: str = "") -> Path:
    rows = [f"S{i},Cán bộ {i},cong_chuc,01/01/2020," for i in range(1, 6)]
    rows[0] += end_of_s1
    path = folder / "staff.csv"
    path.write_text(STAFF + "\n".join(rows) + "\n", "utf-8")
    return path


@pytest.fixture
def submitted(cli_db: str, tmp_path: Path, capsys) -> str:
    """Xã Thiệu Trung with 5 staff, 4 trained in digital transformation; 2025-09 submitted."""
    (tmp_path / "k.csv").write_text(
        "code,title,topics,start_date,end_date\nK1,Chuyển đổi số,dx,01/06/2025,02/06/2025\n",
        "utf-8",
    )
    (tmp_path / "p.csv").write_text(
        "training_code,staff_code\n" + "".join(f"K1,S{i}\n" for i in range(1, 5)), "utf-8"
    )
    (tmp_path / "v.csv").write_text("period,code,value\n2025-09,tthc.received_online,90\n")
    for kind, path in (
        ("staff", staff_file(tmp_path)),
        ("trainings", tmp_path / "k.csv"),
        ("participants", tmp_path / "p.csv"),
        ("values", tmp_path / "v.csv"),
    ):
        assert run(capsys, "import", kind, str(path), "--db", cli_db)[0] == 0
    out = tmp_path / "t9-v1.xlsx"
    code, _, err = run(capsys, "export", "--period", "2025-09", "--out", str(out), "--db", cli_db)
    assert code == 0, err
    return cli_db


def figures(capsys, db: str) -> dict:
    code, out, _ = run(capsys, "indicators", "--period", "2025-09", "--format", "json", "--db", db)
    assert code == 0
    return json.loads(out)["values"]


def test_a_staff_list_that_would_change_a_submitted_month_is_refused(submitted, tmp_path, capsys):
    code, _, err = run(
        capsys, "import", "staff", str(staff_file(tmp_path, "15/08/2025")), "--db", submitted
    )
    assert code == 1
    assert "Tháng 9/2025" in err and "phiên bản 1" in err
    assert "đã nộp 4, nay 3" in err and "đã nộp 80, nay 75" in err
    assert figures(capsys, submitted)["staff.trained_dx"] == 4
    code, _, err = run(
        capsys, "import", "staff", str(staff_file(tmp_path, "15/10/2025")), "--db", submitted
    )
    assert code == 0, err  # effective after the locked month


def test_check_names_a_locked_value_changed_in_the_file(submitted, capsys):
    code, out, _ = run(capsys, "check", "--db", submitted)
    assert code == 0 and "1 kỳ đã nộp" in out
    rawsql.execute(submitted, "UPDATE monthly_values SET value = 95 WHERE month = '2025-09'")
    code, out, _ = run(capsys, "check", "--db", submitted)
    assert code == 1
    assert "Tháng 9/2025 đã nộp phiên bản 1" in out
    assert "đã nộp 90, nay 95 [tthc.received_online]" in out
    assert "Toàn vẹn dữ liệu: tốt" not in out  # never "sound" beside the errors it lists
    assert "số liệu đã nộp bị thay đổi" in out


def test_check_finds_the_audit_trigger_gone_and_does_not_recreate_it(submitted, capsys):
    before = rawsql.audit_triggers(submitted)
    rawsql.drop_audit_trigger(submitted, "audit_entries_no_delete")
    code, out, _ = run(capsys, "check", "--db", submitted)
    assert code == 1 and "không còn chặn việc xóa" in out
    assert rawsql.audit_triggers(submitted) == before - {"audit_entries_no_delete"}


@pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B
def test_restore_never_reissues_a_version(cli_db, tmp_path, capsys):
    db = cli_db
    (tmp_path / "v.csv").write_text("period,code,value\n2025-09,tthc.received_online,90\n")
    assert run(capsys, "import", "values", str(tmp_path / "v.csv"), "--db", db)[0] == 0
    code, out, _ = run(capsys, "backup", "--to", str(tmp_path / "usb"), "--db", db)
    assert code == 0
    (backup,) = (tmp_path / "usb").glob("*.sqlite3")
    v1, v2, v3 = (tmp_path / f"v{n}.xlsx" for n in (1, 2, 3))
    assert run(capsys, "export", "--period", "2025-09", "--out", str(v1), "--db", db)[0] == 0
    unlock = ("unlock", "--period", "2025-09", "--reason", "Sửa số liệu", "--db", db)
    assert run(capsys, *unlock)[0] == 0
    assert run(capsys, "export", "--period", "2025-09", "--out", str(v2), "--db", db)[0] == 0
    code, out, err = run(capsys, "restore", str(backup), "--db", db)
    assert code == 0, err
    assert "2 lần nộp báo cáo" in out
    code, _, err = run(capsys, "export", "--period", "2025-09", "--out", str(v3), "--db", db)
    assert code == 0, err
    sheets = [read_data_sheet(p) for p in (v1, v2, v3)]
    assert [s.get("version") for s in sheets] == ["1", "2", "3"]
    assert len({s.get("submission_id") for s in sheets}) == 3
    code, out, _ = run(capsys, "audit", "--format", "json", "--db", db)
    actions = [e["action"] for e in json.loads(out)]
    assert actions.count("submit") == 3 and "unlock" in actions and "restore" in actions


@pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B
def test_restoring_another_communes_backup_needs_force(cli_db, tmp_path, capsys):
    other = str(tmp_path / "other.sqlite3")
    init = ("init", "--commune-code", "15881", "--commune-name", "Xã Thiệu Quang")
    assert run(capsys, *init, "--province", "Thanh Hóa", "--db", other)[0] == 0
    code, _, err = run(capsys, "restore", other, "--db", cli_db)
    assert code == 1 and "Xã Thiệu Quang" in err and "Xã Thiệu Trung" in err and "--force" in err
    code, _, err = run(capsys, "restore", other, "--force", "--db", cli_db)
    assert code == 0, err
