"""Lists search without diacritics or case and sort in Vietnamese order, in SQL."""

from __future__ import annotations

import pytest

from commune_desk.services.records import RecordQuery, RecordService

NAMES = ["Vũ Thị Lan", "Đặng Văn Khánh", "Dương Khánh Linh", "Ánh Nguyệt", "An Bình", "Bùi Huy"]


@pytest.fixture
def staff(ctx):
    service = RecordService(ctx)
    for i, name in enumerate(NAMES, 1):
        service.create(
            "staff",
            {
                "code": f"CB{i:02d}",
                "full_name": name,
                "group": "cong_chuc",
                "start_date": "01/03/2018",
                "position": "Công chức Văn phòng" if i == 1 else "",
            },
        )
    return service


def names(page) -> list[str]:
    return [r["full_name"] for r in page.records]


@pytest.mark.parametrize("typed", ["khanh", "Khanh", "khánh", "KHÁNH", "khánh"])
def test_search_ignores_diacritics_and_case(staff, typed):
    found = staff.page("staff", RecordQuery(search=typed, sort="full_name"))
    assert names(found) == ["Dương Khánh Linh", "Đặng Văn Khánh"]


def test_d_finds_dj(staff):
    found = staff.page("staff", RecordQuery(search="dang"))
    assert names(found) == ["Đặng Văn Khánh"]
    assert staff.page("staff", RecordQuery(search="d")).total >= 2


def test_search_reaches_every_text_field_and_codes(staff):
    assert names(staff.page("staff", RecordQuery(search="van phong"))) == ["Vũ Thị Lan"]
    assert names(staff.page("staff", RecordQuery(search="cb05"))) == ["An Bình"]


def test_sort_follows_the_vietnamese_alphabet(staff):
    ordered = names(staff.page("staff", RecordQuery(sort="full_name")))
    assert ordered == [
        "An Bình",
        "Ánh Nguyệt",
        "Bùi Huy",
        "Dương Khánh Linh",
        "Đặng Văn Khánh",
        "Vũ Thị Lan",
    ]
    backwards = names(staff.page("staff", RecordQuery(sort="full_name", descending=True)))
    assert backwards == ordered[::-1]


def test_keys_follow_an_edit(staff):
    (record,) = staff.page("staff", RecordQuery(search="bui")).records
    staff.update("staff", record.id, {"full_name": "Đỗ Huy"})
    assert staff.page("staff", RecordQuery(search="bui")).total == 0
    assert names(staff.page("staff", RecordQuery(search="do huy"))) == ["Đỗ Huy"]
    ordered = names(staff.page("staff", RecordQuery(sort="full_name")))
    assert ordered.index("Đỗ Huy") == ordered.index("Đặng Văn Khánh") + 1


def test_imported_records_are_searchable(ctx, tmp_path):
    from commune_desk.services.imports import ImportService

    path = tmp_path / "v.csv"
    path.write_text("code,name\nT1,Thôn Đông Khánh\nT2,Thôn Tây\n", encoding="utf-8")
    ImportService(ctx).import_file("villages", path)
    found = RecordService(ctx).page("villages", RecordQuery(search="dong khanh"))
    assert [r["code"] for r in found.records] == ["T1"]


def test_the_whole_list_searches_the_same_way(staff):
    assert [r["full_name"] for r in staff.list("staff", search="khanh")] == [
        "Đặng Văn Khánh",
        "Dương Khánh Linh",
    ]


def test_position_agrees_with_the_pages_whatever_the_sort_and_filters(ctx):
    from commune_desk.services.records import RecordQuery, RecordService

    records = RecordService(ctx)
    names = ["Vũ Văn An", "Đặng Thị Bình", "Lê Khánh", "Bùi Quang Huy", "Nguyễn Khanh", "Ân Lan"]
    created = [
        records.create(
            "staff",
            {
                "code": f"CB{i:02d}",
                "full_name": name,
                "group": "cong_chuc",
                "start_date": "01/03/2018",
            },
        )
        for i, name in enumerate(names, 1)
    ]
    for query in (
        RecordQuery(),
        RecordQuery(sort="full_name"),
        RecordQuery(sort="full_name", descending=True),
        RecordQuery(search="khanh", sort="code", descending=True),
    ):
        listed = [r.id for r in records.page("staff", query).records]
        for record in created:
            expected = listed.index(record.id) if record.id in listed else None
            assert records.position("staff", query, record.id) == expected, (query, record)
    assert records.position("staff", RecordQuery(search="khanh"), created[0].id) is None
