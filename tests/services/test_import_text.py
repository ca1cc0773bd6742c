"""The one text rule and the one number rule at the import entrance, with files made here."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from commune_desk.domain.periods import Period
from commune_desk.services.errors import ImportRefused
from commune_desk.services.imports import ImportService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValuesService


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def write_csv(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


NAMES = [
    "Nguyễn Thị Hà",
    "Đặng Văn Khánh",
    "Bùi Quang Huy",
    "Lê Thị Ánh",
    "Trần Đức Tường",
    "Phạm Thị Hương",
    "Vũ Văn Định",
    "Hoàng Thị Yến",
]


@pytest.fixture
def team(ctx, tmp_path):
    service = ImportService(ctx)
    service.import_file("villages", write_csv(tmp_path / "v.csv", "code,name\n01,Thôn Đông\n"))
    service.import_file(
        "teams",
        write_csv(
            tmp_path / "t.csv",
            "code,name,level,village_code,established_on\nTO1,Tổ Đông,village,01,01/03/2025\n",
        ),
    )
    return service


def members_csv(names, gender="Nữ") -> str:
    lines = ["team_code,full_name,gender,joined_on"]
    lines += [f"TO1,{name},{gender},01/04/2025" for name in names]
    return "\n".join(lines) + "\n"


def test_decomposed_names_reimported_over_the_same_people_add_no_one(ctx, tmp_path, team):
    team.import_file("members", write_csv(tmp_path / "m1.csv", members_csv(NAMES)))
    decomposed = members_csv([nfd(n) for n in NAMES], gender=nfd("Nữ"))
    assert decomposed != members_csv(NAMES)
    report = team.import_file("members", write_csv(tmp_path / "m2.csv", decomposed))
    assert (report.added, report.changed, report.unchanged) == (0, 0, 8)
    stored = [r["full_name"] for r in RecordService(ctx).list("members")]
    assert sorted(stored) == sorted(NAMES)
    assert all(unicodedata.is_normalized("NFC", n) for n in stored)


def test_decomposed_label_is_a_valid_choice(ctx, tmp_path, team):
    report = team.import_file(
        "members", write_csv(tmp_path / "m.csv", members_csv([NAMES[0]], gender=nfd("Nữ")))
    )
    assert report.added == 1
    (member,) = RecordService(ctx).list("members")
    assert member["gender"] == "nu"


@pytest.mark.parametrize("other", ["Bùi  Quang Huy", "BÙI QUANG HUY", "  bùi quang   huy "])
def test_case_and_spaces_do_not_make_new_people(ctx, tmp_path, team, other):
    team.import_file("members", write_csv(tmp_path / "m1.csv", members_csv(["Bùi Quang Huy"])))
    report = team.import_file("members", write_csv(tmp_path / "m2.csv", members_csv([other])))
    assert report.added == 0
    (member,) = RecordService(ctx).list("members")
    assert member["full_name"] == "Bùi Quang Huy"  # the stored spelling stays


def test_names_typed_in_a_dialog_are_stored_clean(ctx):
    record = RecordService(ctx).create("villages", {"code": " T9 ", "name": nfd("Thôn  Đoài ")})
    assert record["code"] == "T9" and record["name"] == "Thôn Đoài"


def test_codes_excel_turned_into_numbers_match_their_zero_padded_originals(ctx, tmp_path, team):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [
            ["team_code", "date", "type", "people_supported", "village_code"],
            ["TO1", dt.datetime(2025, 9, 3), "vneid", 12, 1],
        ],
    )
    report = team.import_file("activities", path)
    assert report.added == 1
    assert any("«1» được hiểu là «01»" in n and "dòng 2" in n for n in report.notes)
    (activity,) = RecordService(ctx).list("activities")
    assert activity["village_code"] == "01"
    again = team.import_file(
        "villages", write_xlsx(tmp_path / "v.xlsx", [["code", "name"], [1, "Thôn Đông"]])
    )
    assert (again.added, again.unchanged) == (0, 1)
    assert [r["code"] for r in RecordService(ctx).list("villages")] == ["01"]


def test_a_year_out_of_range_names_file_row_and_column(ctx, tmp_path, team):
    text = "team_code,date,type,people_supported\nTO1,03/09/2025,vneid,4\nTO1,03/09/1999,vneid,4\n"
    with pytest.raises(ImportRefused) as err:
        team.import_file("activities", write_csv(tmp_path / "a.csv", text))
    (error,) = err.value.errors
    assert (error.file, error.row, error.column) == ("a.csv", 3, "date")
    assert "2000" in error.message


def test_hours_read_the_vietnamese_way(ctx, tmp_path):
    text = (
        "code;title;topics;start_date;end_date;hours\n"
        "K1;An toàn thông tin;infosec;01/03/2025;02/03/2025;1.500\n"
        'K2;Chuyển đổi số, AI;dx;01/03/2025;02/03/2025;"1,5"\n'
        "K3;AI;ai;01/03/2025;02/03/2025;2.25\n"
    )
    ImportService(ctx).import_file("trainings", write_csv(tmp_path / "k.csv", text))
    hours = {r["code"]: r["hours"] for r in RecordService(ctx).list("trainings")}
    assert hours == {"K1": 1500.0, "K2": 1.5, "K3": 2.25}


def test_semicolon_csv_with_commas_in_a_label_is_split_by_its_header(ctx, tmp_path):
    text = "Mã thôn;Tên thôn, tổ dân phố\nT1;Thôn Đông, xóm 2\n"
    report = ImportService(ctx).import_file("villages", write_csv(tmp_path / "v.csv", text))
    assert report.added == 1
    assert RecordService(ctx).list("villages")[0]["name"] == "Thôn Đông, xóm 2"


def test_excel_sep_line_is_honoured(ctx, tmp_path):
    text = "sep=;\ncode;name\nT1;Thôn Đông\n"
    assert ImportService(ctx).import_file("villages", write_csv(tmp_path / "v.csv", text)).added


def test_a_file_not_split_by_its_separator_suggests_the_other(ctx, tmp_path):
    text = "code;name,kind,active\nT1;Thôn Đông,thon,1\n"
    path = write_csv(tmp_path / "v.csv", text)
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file("villages", path)
    assert any("dấu chấm phẩy «;»" in e.message for e in err.value.errors)
    assert all(e.file == "v.csv" for e in err.value.errors)


@pytest.mark.parametrize(
    "period", ["2025-09", "09/2025", "9/2025", "Tháng 9/2025", "tháng 09/2025", "2025/9"]
)
def test_value_periods_as_clerks_write_them(ctx, tmp_path, period):
    text = f"period,code,value\n{period},tthc.received_online,1.168\n"
    ImportService(ctx).import_file("values", write_csv(tmp_path / "v.csv", text))
    cells = ValuesService(ctx).cells([Period.parse("2025-09")])
    assert cells[("tthc.received_online", "2025-09")].value == 1168


def test_value_period_that_excel_turned_into_a_date(ctx, tmp_path):
    path = write_xlsx(
        tmp_path / "v.xlsx",
        [["Kỳ", "Mã", "Giá trị"], [dt.datetime(2025, 9, 1), "tthc.received_online", 40]],
    )
    ImportService(ctx).import_file("values", path)
    cells = ValuesService(ctx).cells([Period.parse("2025-09")])
    assert cells[("tthc.received_online", "2025-09")].value == 40


@pytest.mark.parametrize("period", ["13/2025", "09/1999", "Tháng 9/2150"])
def test_bad_periods_name_row_and_column(ctx, tmp_path, period):
    text = f"period,code,value\n{period},tthc.received_online,4\n"
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file("values", write_csv(tmp_path / "v.csv", text))
    (error,) = err.value.errors
    assert (error.file, error.row, error.column) == ("v.csv", 2, "period")


def test_other_entrances_store_clean_text(ctx):
    from commune_desk.services.commune import CommuneService

    ValuesService(ctx).set_value("tthc.received_online", "2025-09", 4, nfd("  Ghi  chú\nthêm "))
    cell = ValuesService(ctx).cells([Period.parse("2025-09")])[("tthc.received_online", "2025-09")]
    assert cell.comment == "Ghi chú\nthêm"
    profile = CommuneService(ctx).update_profile(nfd(" Xã  Thiệu Trung "), " Thanh  Hóa")
    assert (profile.name, profile.province) == ("Xã Thiệu Trung", "Thanh Hóa")
