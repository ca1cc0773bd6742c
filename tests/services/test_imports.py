from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from commune_desk.domain.periods import Period
from commune_desk.services.errors import ImportRefused
from commune_desk.services.imports import ImportService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValuesService


def write_csv(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


VILLAGES = "code,name,kind\nT01,Thôn Đông,thôn\nT02,Thôn Tây,thon\nT03,Tổ dân phố 3,tổ dân phố\n"


def test_csv_with_bom_imports_all_rows(ctx, tmp_path):
    report = ImportService(ctx).import_file(
        "villages", write_csv(tmp_path / "v.csv", VILLAGES, bom=True)
    )
    assert (report.added, report.changed, report.unchanged) == (3, 0, 0)
    names = [r["name"] for r in RecordService(ctx).list("villages")]
    assert names == ["Thôn Đông", "Thôn Tây", "Tổ dân phố 3"]


def test_reimport_updates_changed_rows_only(ctx, tmp_path):
    service = ImportService(ctx)
    service.import_file("villages", write_csv(tmp_path / "v.csv", VILLAGES))
    changed = VILLAGES.replace("Thôn Tây", "Thôn Tây Mới")
    report = service.import_file("villages", write_csv(tmp_path / "v2.csv", changed))
    assert (report.added, report.changed, report.unchanged) == (0, 1, 2)


def test_dry_run_changes_nothing(ctx, tmp_path):
    report = ImportService(ctx).import_file(
        "villages", write_csv(tmp_path / "v.csv", VILLAGES), dry_run=True
    )
    assert report.added == 3 and report.dry_run
    assert RecordService(ctx).count("villages") == 0


def test_xlsx_with_labels_as_headers_and_date_cells(ctx, tmp_path):
    ImportService(ctx).import_file("villages", write_csv(tmp_path / "v.csv", VILLAGES))
    path = write_xlsx(
        tmp_path / "teams.xlsx",
        [
            ["STT", "Mã tổ", "Tên tổ", "Cấp", "Mã thôn", "Ngày thành lập"],
            [1, "TO1", "Tổ CNS Thôn Đông", "Cấp thôn", "T01", dt.datetime(2025, 4, 1)],
            [2, "TOX", "Tổ CNS xã", "commune", None, "15/03/2025"],
        ],
    )
    report = ImportService(ctx).import_file("teams", path)
    assert report.added == 2
    teams = {r["code"]: r for r in RecordService(ctx).list("teams")}
    assert teams["TO1"]["established_on"] == dt.date(2025, 4, 1)
    assert teams["TOX"]["village_code"] is None


def test_bad_rows_are_all_named_and_nothing_is_imported(ctx, tmp_path):
    text = (
        "code,full_name,group,start_date\n"
        "CB01,Lê Văn A,cong_chuc,01/01/2020\n"
        "CB02,,cong_chuc,01/01/2020\n"
        "CB03,Trần B,giám đốc,01/01/2020\n"
        "CB04,Phạm C,can_bo,2020/31/12\n"
        "CB01,Lê Văn A lặp,cong_chuc,01/01/2020\n"
    )
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file("staff", write_csv(tmp_path / "staff.csv", text))
    where = [(e.row, e.column) for e in err.value.errors]
    assert where == [(3, "full_name"), (4, "group"), (5, "start_date"), (6, "code")]
    assert "trùng với dòng 2" in str(err.value)
    assert "staff.csv, dòng 3, cột full_name" in str(err.value)
    assert RecordService(ctx).count("staff") == 0


def test_missing_required_column(ctx, tmp_path):
    with pytest.raises(ImportRefused, match="thiếu cột bắt buộc «group»"):
        ImportService(ctx).import_file(
            "staff", write_csv(tmp_path / "s.csv", "code,full_name,start_date\nA,B,01/01/2020\n")
        )


def test_empty_file_and_not_a_workbook(ctx, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused, match=r"empty\.csv: tệp rỗng"):
        ImportService(ctx).import_file("villages", empty)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("this is not a workbook")
    with pytest.raises(ImportRefused, match=r"fake\.xlsx: không phải tệp Excel"):
        ImportService(ctx).import_file("villages", fake)
    headers_only = write_csv(tmp_path / "h.csv", "code,name\n")
    report = ImportService(ctx).import_file("villages", headers_only)
    assert report.rows == 0


def test_hostile_workbooks_refused(ctx, tmp_path):
    bomb = tmp_path / "entities.xlsx"
    write_xlsx(bomb, [["code", "name"], ["T1", "x"]])
    with zipfile.ZipFile(bomb) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    body = parts[sheet].split(b"?>", 1)[-1]
    parts[sheet] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;">]>' + body
    )
    with zipfile.ZipFile(bomb, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(ImportRefused, match="khai báo XML"):
        ImportService(ctx).import_file("villages", bomb)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ImportRefused, match=r"\.xls không được hỗ trợ"):
        ImportService(ctx).import_file("villages", xls)


def test_latin1_csv_refused_with_advice(ctx, tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes("code,name\nT1,Müller Straße\n".encode("latin-1"))
    with pytest.raises(ImportRefused, match="không phải UTF-8"):
        ImportService(ctx).import_file("villages", path)


VALUES_OK = (
    "period,code,value,comment\n"
    "2025-09,tthc.procedures,399,\n"
    "2025-09,tthc.received_online,1168,\n"
    "2025-09,tthc.received_direct,130,\n"
)


def test_values_import(ctx, tmp_path):
    report = ImportService(ctx).import_file("values", write_csv(tmp_path / "v.csv", VALUES_OK))
    assert report.added == 3
    cells = ValuesService(ctx).cells([Period.parse("2025-09")])
    assert cells[("tthc.received_online", "2025-09")].value == 1168


@pytest.mark.parametrize(
    ("line", "column", "fragment"),
    [
        ("2025-09,tthc.received_postal,-4,", "value", "âm"),
        ("2025-09,tthc.received_postal,mười,", "value", "không phải là số"),
        ("2025-9,tthc.received_postal,4,", "period", "không hợp lệ"),
        ("2025-Q3,tthc.received_postal,4,", "period", "không phải là tháng"),
        ("2025-09,tthc.unknown,4,", "code", "không có trong danh mục"),
        ("2025-09,staff.total,4,", "code", "tính từ danh sách"),
    ],
)
def test_bad_value_rows_refused(ctx, tmp_path, line, column, fragment):
    path = write_csv(tmp_path / "v.csv", VALUES_OK + line + "\n")
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file("values", path)
    (error,) = err.value.errors
    assert (error.row, error.column) == (5, column)
    assert fragment in error.message
    assert ValuesService(ctx).cells([Period.parse("2025-09")]) == {}


def test_rule_broken_across_two_rows_names_both(ctx, tmp_path):
    text = (
        "period,code,value\n"
        "2025-09,tthc.fee_records,50\n"
        "2025-09,tthc.procedures,399\n"
        "2025-09,tthc.fee_paid_online,60\n"
    )
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file("values", write_csv(tmp_path / "v.csv", text))
    (error,) = err.value.errors
    assert error.row == 2
    assert "các dòng 2, 4" in error.message
    assert ValuesService(ctx).cells([Period.parse("2025-09")]) == {}


def test_reimport_with_topics_in_any_order_is_unchanged(ctx, tmp_path):
    text = (
        "code,title,topics,start_date,end_date\n"
        "K1,An toàn thông tin,infosec;dx,01/03/2025,02/03/2025\n"
    )
    service = ImportService(ctx)
    assert service.import_file("trainings", write_csv(tmp_path / "t.csv", text)).added == 1
    again = service.import_file("trainings", write_csv(tmp_path / "t2.csv", text))
    assert (again.changed, again.unchanged) == (0, 1)
