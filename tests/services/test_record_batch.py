"""Several participants of a course saved at once: all or nothing, each with its audit entry."""

from __future__ import annotations

import datetime as dt

import pytest

from commune_desk.data.models import PeriodLock
from commune_desk.services.errors import PeriodLocked, ServiceError
from commune_desk.services.record_batch import BatchInvalid, create_records
from commune_desk.services.records import RecordService
from tests.support.accounts import trail

NAMES = ("Lê Thị Hoa", "Trần Văn Nam", "Nguyễn Thị Khánh")


@pytest.fixture
def records(ctx):
    service = RecordService(ctx)
    for number, name in enumerate(NAMES, 1):
        service.create(
            "staff",
            {"code": f"CB0{number}", "full_name": name, "group": "cong_chuc",
             "start_date": "01/03/2018"},
        )  # fmt: skip
    service.create(
        "trainings",
        {"code": "K01", "title": "Kỹ năng số cơ bản", "topics": "digital_skills",
         "start_date": "10/03/2025", "end_date": "12/03/2025"},
    )  # fmt: skip
    return service


def rows(*staff: str, completed: bool = True) -> list[dict[str, object]]:
    return [{"training_code": "K01", "staff_code": s, "completed": completed} for s in staff]


def test_every_participant_is_saved_with_its_audit_entry(ctx, records):
    saved = create_records(ctx, "participants", rows("CB01", "CB02", "CB03"))
    assert [r["staff_code"] for r in saved] == ["CB01", "CB02", "CB03"]
    assert all(r["completed"] is True for r in saved)
    assert sorted(r["staff_code"] for r in records.list("participants")) == ["CB01", "CB02", "CB03"]
    keys = [e.key for e in trail(ctx) if e.entity == "participants" and e.action == "create"]
    assert sorted(keys) == ["K01/CB01", "K01/CB02", "K01/CB03"]


def test_one_refused_row_saves_nothing_and_is_named(ctx, records):
    with pytest.raises(BatchInvalid) as err:
        create_records(ctx, "participants", rows("CB01", "CB09", "CB02"))
    assert list(err.value.rows) == [2]
    assert "dòng 2" in str(err.value) and "CB09" in str(err.value)
    assert records.list("participants") == []
    assert not [e for e in trail(ctx) if e.entity == "participants"]


def test_the_same_person_twice_or_already_in_the_course_is_refused(ctx, records):
    with pytest.raises(BatchInvalid, match="dòng 2: trùng"):
        create_records(ctx, "participants", rows("CB01", "CB01"))
    create_records(ctx, "participants", rows("CB01"))
    with pytest.raises(ServiceError, match="Đã có"):
        create_records(ctx, "participants", rows("CB02", "CB01"))
    assert [r["staff_code"] for r in records.list("participants")] == ["CB01"]


def test_a_course_in_a_locked_period_takes_no_one(ctx, records):
    with ctx.sessions.begin() as s:
        s.add(PeriodLock(commune_id=1, period="2025-Q1", locked_at=dt.datetime(2025, 4, 5),
                         locked_by="officer"))  # fmt: skip
    with pytest.raises(PeriodLocked):
        create_records(ctx, "participants", rows("CB01", "CB02"))
    assert records.list("participants") == []


def test_nothing_to_save_is_no_write(ctx, records):
    assert create_records(ctx, "participants", []) == []
