from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from commune_desk.data.repositories import records as repo
from commune_desk.excel import atomic, lists
from commune_desk.services.errors import ServiceError
from commune_desk.services.exports import ExportService
from commune_desk.services.records import RecordQuery, RecordService

ACTIVITY_HEADERS = (
    "Mã tổ",
    "Ngày",
    "Nội dung hỗ trợ",
    "Số lượt người được hỗ trợ",
    "Mã thôn",
    "Ghi chú",
)


@pytest.fixture
def records(ctx) -> RecordService:
    service = RecordService(ctx)
    service.create("villages", {"code": "T01", "name": "Thôn Đông"})
    service.create("villages", {"code": "T02", "name": "Thôn Tây"})
    service.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ 1",
            "level": "village",
            "village_code": "T01",
            "established_on": "01/04/2025",
        },
    )
    notes = ["=1+1", "+84 912 345 678", "-", "@mention", "Hỗ trợ tại nhà"]
    for day in range(1, 11):
        service.create(
            "activities",
            {
                "team_code": "TO1",
                "date": f"{day:02d}/05/2025",
                "type": "vneid" if day % 2 else "cashless",
                "people_supported": day * 1000,
                "village_code": "T01" if day <= 5 else "T02",
                "note": notes[day - 1] if day <= 5 else "",
            },
        )
    return service


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def read(path: Path):
    from openpyxl import load_workbook

    return load_workbook(path).active


def leftovers(folder: Path, *expected: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in expected)


def test_export_with_filters_and_sort(ctx, records, out):
    query = RecordQuery(
        equals=(("village_code", "T01"),),
        date_field="date",
        date_from=dt.date(2025, 5, 2),
        sort="date",
        descending=True,
        offset=3,  # the page the user was looking at does not matter
        limit=1,
    )
    path = out / "hoat-dong.xlsx"
    assert ExportService(ctx).export_list("activities", query, path) == 4
    sheet = read(path)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ACTIVITY_HEADERS
    assert [r[1] for r in rows[1:]] == [dt.datetime(2025, 5, d) for d in (5, 4, 3, 2)]
    assert rows[1][2] == "Cài đặt, kích hoạt VNeID"
    assert rows[2][2] == "Thanh toán không dùng tiền mặt"
    assert rows[1][3] == 5000 and isinstance(rows[1][3], int)
    date_cell = sheet.cell(row=2, column=2)
    assert date_cell.is_date and date_cell.number_format == "dd/mm/yyyy"
    header = sheet.cell(row=1, column=1).font
    assert header.b and header.name == "Times New Roman"
    body = sheet.cell(row=3, column=6).font
    assert not body.b and body.name == "Times New Roman"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["B"].width
    assert sheet.freeze_panes == "A2"
    assert leftovers(out, "hoat-dong.xlsx") == []


def test_text_that_looks_like_a_formula_stays_text(ctx, records, out):
    path = out / "a.xlsx"
    ExportService(ctx).export_list("activities", RecordQuery(sort="date"), path)
    sheet = read(path)
    notes = [sheet.cell(row=r, column=6) for r in range(2, 7)]
    assert [c.value for c in notes] == [
        "=1+1",
        "+84 912 345 678",
        "-",
        "@mention",
        "Hỗ trợ tại nhà",
    ]
    assert {c.data_type for c in notes} == {"s"}


def test_personal_fields_booleans_and_choices(ctx, records, out):
    records.create(
        "staff",
        {
            "code": "CB01",
            "full_name": "Lê Thị Hoa",
            "group": "cong_chuc",
            "start_date": "01/03/2018",
            "phone": "0912345678",
            "birth_year": "1985",
        },
    )
    path = out / "staff.xlsx"
    assert ExportService(ctx).export_list("staff", RecordQuery(), path) == 1
    header, row = list(read(path).iter_rows(values_only=True))
    values = dict(zip(header, row, strict=True))
    assert values["Số điện thoại"] == "0912345678"
    assert values["Nhóm"] == "Công chức"
    assert values["Thành viên Ban Chỉ đạo"] == "Không"
    assert values["Năm sinh"] == 1985
    assert values["Ngày thôi công tác"] is None


def test_the_export_reads_back_as_an_import(ctx, records, out):
    from commune_desk.services.imports import ImportService

    path = out / "a.xlsx"
    ExportService(ctx).export_list("activities", RecordQuery(), path)
    report = ImportService(ctx).import_file("activities", path, dry_run=True)
    assert (report.added, report.changed, report.unchanged) == (0, 0, 10)


def test_every_page_is_written_with_progress(ctx, records, out):
    with ctx.sessions.begin() as session:
        team = repo.code_map(session, 1, "teams")["TO1"]
        rows = [
            {"team_id": team, "date": dt.date(2025, 6, 1), "type": "other", "people_supported": i}
            for i in range(2_345)
        ]
        repo.insert_rows(session, "activities", 1, rows)
    seen: list[tuple[int, int]] = []
    path = out / "all.xlsx"
    count = ExportService(ctx).export_list(
        "activities",
        RecordQuery(equals=(("type", "other"),)),
        path,
        lambda done, total: seen.append((done, total)),
    )
    assert count == 2_345
    assert seen == [(1000, 2345), (2000, 2345), (2345, 2345)]
    assert read(path).max_row == 2_346


def test_a_directory_as_target_is_refused(ctx, records, out):
    target = out / "folder.xlsx"
    target.mkdir()
    with pytest.raises(ServiceError, match=r"folder\.xlsx: đó là một thư mục"):
        ExportService(ctx).export_list("activities", RecordQuery(), target)
    assert leftovers(out) == ["folder.xlsx"]
    with pytest.raises(ServiceError, match=r"x\.xlsx: không có thư mục"):
        ExportService(ctx).export_list("activities", RecordQuery(), out / "no" / "x.xlsx")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused(ctx, records, out):
    folder = out / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ServiceError, match=r"a\.xlsx: không có quyền ghi"):
            ExportService(ctx).export_list("activities", RecordQuery(), folder / "a.xlsx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_folder_that_refuses_new_files_is_named(ctx, records, out, monkeypatch):
    def refuse(**kwargs):  # what a read-only folder does, even when the tests run as root
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ServiceError, match=r"a\.xlsx: không có quyền ghi vào thư mục"):
        ExportService(ctx).export_list("activities", RecordQuery(), out / "a.xlsx")
    assert leftovers(out) == []


def test_a_target_open_elsewhere_is_left_whole(ctx, records, out, monkeypatch):
    target = out / "list.xlsx"
    target.write_bytes(b"the workbook Excel holds open")

    def refuse(src, dst):  # what Windows does while Excel holds the file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ServiceError, match=r"list\.xlsx: tệp đang được mở"):
        ExportService(ctx).export_list("activities", RecordQuery(), target)
    assert target.read_bytes() == b"the workbook Excel holds open"
    assert leftovers(out, "list.xlsx") == []


def test_a_cancelled_export_leaves_nothing(ctx, records, out):
    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop()

    with pytest.raises(Stop):
        ExportService(ctx).export_list("activities", RecordQuery(), out / "a.xlsx", stop)
    assert leftovers(out) == []


def test_control_characters_do_not_break_the_file(tmp_path):
    path = tmp_path / "x.xlsx"
    lists.write_list(path, "Danh/sách: [1]", [lists.ListColumn("Ghi chú")], [["a\x01b"]])
    sheet = read(path)
    assert sheet.title == "Danh sách   1"
    assert sheet.cell(row=2, column=1).value == "ab"
