from __future__ import annotations

import datetime as dt

import pytest

from commune_desk.data.models import PeriodLock
from commune_desk.services.errors import PeriodLocked, ServiceError
from commune_desk.services.records import RecordInvalid, RecordService
from tests.support.accounts import trail

STAFF = {
    "code": "CB01",
    "full_name": "Lê Thị Hoa",
    "group": "Công chức",
    "start_date": "01/03/2018",
    "phone": "0912345678",
}


@pytest.fixture
def records(ctx):
    service = RecordService(ctx)
    service.create("villages", {"code": "T01", "name": "Thôn Đông", "kind": "thôn"})
    service.create("villages", {"code": "T02", "name": "Thôn Tây"})
    return service


def test_create_staff_and_read_back(records):
    created = records.create("staff", STAFF)
    assert created["group"] == "cong_chuc"
    assert created["start_date"] == dt.date(2018, 3, 1)
    assert created["steering_member"] is False
    assert [r["code"] for r in records.list("staff")] == ["CB01"]


def test_invalid_fields_are_named(records):
    with pytest.raises(RecordInvalid) as err:
        records.create(
            "staff",
            {**STAFF, "group": "giám đốc", "start_date": "32/1/2020", "end_date": "01/01/2010"},
        )
    assert set(err.value.errors) == {"group", "start_date"}
    with pytest.raises(RecordInvalid) as err:
        records.create("staff", {**STAFF, "end_date": "01/01/2010"})
    assert set(err.value.errors) == {"end_date"}
    assert "Ngày thôi công tác" in str(err.value)


def test_duplicate_code_refused(records):
    records.create("staff", STAFF)
    with pytest.raises(ServiceError, match="Đã có"):
        records.create("staff", {**STAFF, "full_name": "Người khác"})


def test_update_and_audit_old_and_new(records, ctx):
    created = records.create("staff", STAFF)
    updated = records.update("staff", created.id, {"position": "Công chức Văn phòng"})
    assert updated["position"] == "Công chức Văn phòng"
    assert updated["full_name"] == "Lê Thị Hoa"
    (entry,) = [r for r in trail(ctx) if r.entity == "staff" and r.action == "update"]
    assert '"position": ""' in entry.old and "Văn phòng" in entry.new
    assert entry.key == "CB01"


def test_team_rules(records):
    with pytest.raises(RecordInvalid, match="mã thôn"):
        records.create(
            "teams",
            {"code": "TO1", "name": "Tổ 1", "level": "village", "established_on": "01/04/2025"},
        )
    with pytest.raises(RecordInvalid, match="không có mã «T99»"):
        records.create(
            "teams",
            {
                "code": "TO1",
                "name": "Tổ 1",
                "level": "village",
                "village_code": "T99",
                "established_on": "01/04/2025",
            },
        )
    records.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ 1",
            "level": "Cấp thôn",
            "village_code": "T01",
            "established_on": "01/04/2025",
        },
    )
    with pytest.raises(ServiceError, match="Mỗi thôn chỉ có một"):
        records.create(
            "teams",
            {
                "code": "TO2",
                "name": "Tổ 2",
                "level": "village",
                "village_code": "T01",
                "established_on": "01/04/2025",
            },
        )


def test_delete_refused_while_referenced_then_allowed(records):
    team = records.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ 1",
            "level": "village",
            "village_code": "T01",
            "established_on": "01/04/2025",
        },
    )
    activity = records.create(
        "activities",
        {"team_code": "TO1", "date": "05/04/2025", "type": "vneid", "people_supported": "12"},
    )
    with pytest.raises(ServiceError, match="Không xóa được"):
        records.delete("teams", team.id)
    records.delete("activities", activity.id)
    records.delete("teams", team.id)
    assert records.list("teams") == []


def test_training_topics_and_participants(records):
    records.create("staff", STAFF)
    course = records.create(
        "trainings",
        {
            "code": "K01",
            "title": "Kỹ năng số cơ bản",
            "topics": "dx;ai",
            "start_date": "10/03/2025",
            "end_date": "12/03/2025",
            "hours": "16",
        },
    )
    assert course["topics"] == ("ai", "dx")
    records.create("participants", {"training_code": "K01", "staff_code": "CB01"})
    (participant,) = records.list("participants")
    assert participant["completed"] is True


def test_dated_records_in_a_locked_period_are_refused(records, ctx):
    records.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ 1",
            "level": "village",
            "village_code": "T01",
            "established_on": "01/04/2025",
        },
    )
    with ctx.sessions.begin() as s:
        s.add(
            PeriodLock(
                commune_id=1,
                period="2025-Q3",
                locked_at=dt.datetime(2025, 10, 5),
                locked_by="officer",
            )
        )
    with pytest.raises(PeriodLocked):
        records.create(
            "activities",
            {"team_code": "TO1", "date": "05/08/2025", "type": "vneid", "people_supported": 3},
        )
    records.create(
        "activities",
        {"team_code": "TO1", "date": "05/10/2025", "type": "vneid", "people_supported": 3},
    )


def test_search(records):
    records.create("staff", STAFF)
    records.create("staff", {**STAFF, "code": "CB02", "full_name": "Trần Văn Nam"})
    assert [r["code"] for r in records.list("staff", search="nam")] == ["CB02"]


def test_unknown_kind(records):
    with pytest.raises(ServiceError, match="Loại danh sách"):
        records.list("animals")


def test_page_filters_sorts_and_counts_in_sql(records):
    from commune_desk.services.records import RecordQuery

    records.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ 1",
            "level": "village",
            "village_code": "T01",
            "established_on": "01/04/2025",
        },
    )
    for day in range(1, 21):
        records.create(
            "activities",
            {
                "team_code": "TO1",
                "date": f"{day:02d}/05/2025",
                "type": "vneid" if day % 2 else "cashless",
                "people_supported": day,
                "village_code": "T01" if day <= 10 else "T02",
                "note": "Hỗ trợ ĐĂNG KÝ" if day == 7 else "",
            },
        )
    query = RecordQuery(
        equals=(("type", "vneid"),),
        date_field="date",
        date_from=__import__("datetime").date(2025, 5, 5),
        sort="people_supported",
        descending=True,
        limit=3,
    )
    page = records.page("activities", query)
    assert page.total == 8  # odd days 5..19
    assert [r["people_supported"] for r in page.records] == [19, 17, 15]
    by_village = records.page("activities", RecordQuery(equals=(("village_code", "T02"),)))
    assert by_village.total == 10
    found = records.page("activities", RecordQuery(search="đăng ký"))
    assert [r["people_supported"] for r in found.records] == [7]
    second = records.page("activities", RecordQuery(sort="date", offset=18, limit=5))
    assert [r["people_supported"] for r in second.records] == [19, 20]
