"""`commune-desk export` and `commune-desk unlock`, end to end on a real SQLite file."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from commune_desk.cli import main
from commune_desk.excel.atomic import file_sha256
from commune_desk.excel.data_sheet import read_data_sheet
from tests.support.common import run_cli

run = run_cli


@pytest.fixture
def db(cli_db: str, tmp_path, capsys) -> str:
    path = cli_db
    values = tmp_path / "values.csv"
    values.write_text(
        "period,code,value\n2025-09,tthc.received_online,1168\n2025-09,tthc.received_direct,140\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", "values", str(values), "--db", path)[0] == 0
    return path


def test_draft_then_submit_then_refused_then_unlock_then_version_2(db, capsys, tmp_path):
    draft = tmp_path / "nhap.xlsx"
    code, out, err = run(
        capsys, "export", "--period", "2025-Q3", "--out", str(draft), "--draft", "--db", db
    )
    assert code == 0, err
    assert "bản nháp" in out and str(draft) in out
    assert load_workbook(draft)["Báo cáo"]["A7"].value == "BÁO CÁO (BẢN NHÁP)"

    report = tmp_path / "bao-cao.xlsx"
    code, out, err = run(capsys, "export", "--period", "2025-Q3", "--out", str(report), "--db", db)
    assert code == 0, err
    assert "phiên bản 1" in out and file_sha256(report) in out and "Cảnh báo:" in out
    assert read_data_sheet(report).get("version") == "1"

    code, out, err = run(capsys, "export", "--period", "2025-Q3", "--out", str(report), "--db", db)
    assert code == 1 and out == ""
    assert "đang khóa" in err and "phiên bản 1" in err

    with pytest.raises(SystemExit) as usage:
        main(["unlock", "--period", "2025-Q3", "--db", db])  # the reason is required
    assert usage.value.code == 2
    code, out, err = run(
        capsys, "unlock", "--period", "2025-Q3", "--reason", "Sửa số liệu tháng 9", "--db", db
    )
    assert code == 0, err
    assert "Đã mở khóa Quý III/2025" in out

    code, out, err = run(capsys, "export", "--period", "2025-Q3", "--out", str(report), "--db", db)
    assert code == 0, err
    assert "phiên bản 2" in out
    assert read_data_sheet(report).get("version") == "2"

    code, out, _ = run(capsys, "audit", "--db", db, "--format", "json")
    entries = [e for e in json.loads(out) if e["entity"] == "report"]
    assert [e["action"] for e in entries] == ["submit", "unlock", "submit"]
    assert entries[1]["reason"] == "Sửa số liệu tháng 9"


def test_a_refused_submission_lists_every_error(db, capsys, tmp_path):
    villages = tmp_path / "villages.csv"
    villages.write_text("code,name,active\nT1,Thôn 1,1\nT2,Thôn 2,1\n", encoding="utf-8")
    assert run(capsys, "import", "villages", str(villages), "--db", db)[0] == 0
    values = tmp_path / "v.csv"
    values.write_text(
        "period,code,value\n2025-08,infra.villages_mobile,2\n2025-09,infra.villages_fiber,2\n",
        encoding="utf-8",
    )
    assert run(capsys, "import", "values", str(values), "--db", db)[0] == 0
    villages.write_text("code,name,active\nT1,Thôn 1,1\nT2,Thôn 2,0\n", encoding="utf-8")
    assert run(capsys, "import", "villages", str(villages), "--db", db)[0] == 0
    report = tmp_path / "q3.xlsx"
    code, out, err = run(capsys, "export", "--period", "2025-Q3", "--out", str(report), "--db", db)
    assert code == 1 and out == ""
    assert "còn 2 lỗi" in err
    assert "Tháng 8/2025" in err and "Tháng 9/2025" in err
    assert "«Số thôn, tổ dân phố có cáp quang đến thôn»" in err  # by label, never by code
    assert "infra.villages_mobile" not in err and "infra.villages_fiber" not in err
    assert not report.exists()
    code, _, err = run(capsys, "unlock", "--period", "2025-Q3", "--reason", "x", "--db", db)
    assert code == 1 and "không bị khóa" in err


def test_a_template_and_the_out_suffix(db, capsys, tmp_path):
    from openpyxl import Workbook

    template = tmp_path / "mau.xlsx"
    workbook = Workbook()
    workbook.active["A1"] = "{{commune.name}}"
    workbook.active["B1"] = "{{tthc.received_online}}"
    workbook.save(template)
    target = tmp_path / "tinh"
    code, out, err = run(
        capsys,
        "export",
        "--period",
        "2025-09",
        "--out",
        str(target),
        "--template",
        str(template),
        "--db",
        db,
    )
    assert code == 0, err
    written = tmp_path / "tinh.xlsx"
    sheet = load_workbook(written).active
    assert (sheet["A1"].value, sheet["B1"].value) == ("Xã Thiệu Trung", 1168)
    assert "phiên bản 1" in out


def test_a_province_form_with_formulas_is_filled_and_keeps_them(db, capsys, tmp_path):
    # The issue's case: a form with =E8/D8 or IF(…;"") was refused outright ("công thức chưa
    # có kết quả…", with a raw &gt; in the message).
    from openpyxl import Workbook

    template = tmp_path / "mau.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet["D8"], sheet["E8"] = "{{tthc.received_direct}}", "{{tthc.received_online}}"
    sheet["F8"] = "=E8/D8"
    sheet["G8"] = '=IF(D8>0,E8/D8,"")'
    sheet.oddHeader.center.text = "MẪU CỦA TỈNH"
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = workbook.create_sheet("Danh mục")
    lists["A1"], lists["A2"] = "Có", "Không"
    choice = DataValidation(type="list", formula1="='Danh mục'!$A$1:$A$2")
    sheet.add_data_validation(choice)
    choice.add("H8")
    workbook.save(template)
    out = tmp_path / "dien.xlsx"
    args = ("--period", "2025-09", "--out", str(out), "--template", str(template), "--draft")
    code, _, err = run(capsys, "export", *args, "--db", db)
    assert code == 0, err
    sheet = load_workbook(out).active
    assert (sheet["D8"].value, sheet["E8"].value) == (140, 1168)
    assert (sheet["F8"].value, sheet["G8"].value) == ("=E8/D8", '=IF(D8>0,E8/D8,"")')
    assert sheet.oddHeader.center.text == "BẢN NHÁP – MẪU CỦA TỈNH"  # its header kept
    (kept,) = sheet.data_validations.dataValidation  # the cross-sheet list stays
    assert (kept.formula1, str(kept.sqref)) == ("='Danh mục'!$A$1:$A$2", "H8")


@pytest.mark.parametrize("draft", [(), ("--draft",)])
def test_export_refuses_to_write_over_its_template(db, capsys, tmp_path, draft):
    from openpyxl import Workbook

    template = tmp_path / "mau.xlsx"
    workbook = Workbook()
    workbook.active["B1"] = "{{tthc.received_online}}"
    workbook.save(template)
    before = template.read_bytes()
    args = ("--period", "2025-09", "--out", str(template), "--template", str(template))
    code, _out, err = run(capsys, "export", *args, *draft, "--db", db)
    assert code == 1 and "trùng với mẫu biểu" in err
    assert template.read_bytes() == before
    code, out, err = run(
        capsys, "export", "--period", "2025-09", "--out", str(tmp_path / "b"), "--db", db
    )
    assert code == 0 and "phiên bản 1" in out  # the refusal locked nothing


def test_bad_inputs_exit_1_with_a_message(db, capsys, tmp_path):
    code, _, err = run(
        capsys, "export", "--period", "2025-13", "--out", str(tmp_path / "a.xlsx"), "--db", db
    )
    assert code == 1 and "2025-13" in err
    code, _, err = run(
        capsys,
        "export",
        "--period",
        "2025-Q3",
        "--out",
        str(tmp_path / "no" / "a.xlsx"),
        "--db",
        db,
    )
    assert code == 1 and "a.xlsx: không có thư mục" in err
    with pytest.raises(SystemExit) as usage:
        main(["export", "--period", "2025-Q3", "--db", db])  # --out is required
    assert usage.value.code == 2


def test_help_lists_the_new_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "export" in out and "unlock" in out
