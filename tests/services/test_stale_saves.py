"""No lost updates: a save made against a value or record changed since it was shown is
refused, naming who changed it, when, and what it holds now (two openings of one file)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

import pytest

from commune_desk.domain.periods import parse_month
from commune_desk.services.accounts import AccountService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.errors import StaleSave
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValuesService
from tests.support.communes import open_as

SEPT = parse_month("2026-09")
CODE = "pop.population"
STAFF = {
    "code": "CB01",
    "full_name": "Lê Thị Hoa",
    "group": "Công chức",
    "start_date": "01/03/2018",
}


@pytest.fixture
def two_pcs(db_url):
    """Two clerks' PCs: two openings (engines, connections) of one database."""
    first = open_as(db_url, None, Actor("lan", "clerk", "Trần Thị Lan"))
    CommuneService(first.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
    admin = replace(first.context, actor=Actor("sep", "supervisor"))
    AccountService(admin).add("lan", "clerk", "matkhau-123", "Trần Thị Lan")
    AccountService(admin).add("mai", "clerk", "matkhau-456", "Đỗ Thị Mai")
    second = open_as(db_url, None, Actor("mai", "clerk", "Đỗ Thị Mai"))
    second.context.clock = lambda: dt.datetime(2026, 11, 21, 10, 5)
    yield first.context, second.context
    second.close()
    first.close()


def _shown(ctx) -> int:
    cell = ValuesService(ctx).cells([SEPT]).get((CODE, SEPT.key))
    return 0 if cell is None else cell.version


def test_a_value_changed_since_it_was_shown_is_refused_with_who_when_and_now(two_pcs):
    lan, mai = two_pcs
    ValuesService(lan).set_value(CODE, SEPT.key, 5000, expected_version=0)
    seen_by_lan = seen_by_mai = _shown(lan)
    assert seen_by_lan == 1
    ValuesService(mai).set_value(CODE, SEPT.key, 5120, expected_version=seen_by_mai)
    with pytest.raises(StaleSave) as err:
        ValuesService(lan).set_value(CODE, SEPT.key, 5010, expected_version=seen_by_lan)
    message = str(err.value)
    assert "Đỗ Thị Mai (mai)" in message and "10:05 ngày 21/11/2026" in message
    assert "5.120" in message and "Dân số trên địa bàn" in message
    assert ValuesService(lan).cells([SEPT])[(CODE, SEPT.key)].value == 5120  # kept
    # With the current stamp (the grid reloaded) the save goes through.
    ValuesService(lan).set_value(CODE, SEPT.key, 5010, expected_version=_shown(lan))
    assert ValuesService(mai).cells([SEPT])[(CODE, SEPT.key)].value == 5010


def test_an_empty_cell_filled_meanwhile_and_a_removed_value_are_stale_too(two_pcs):
    lan, mai = two_pcs
    ValuesService(mai).set_value(CODE, SEPT.key, 4800, expected_version=0)
    with pytest.raises(StaleSave, match=r"4\.800"):
        ValuesService(lan).set_value(CODE, SEPT.key, 4900, expected_version=0)
    shown = _shown(lan)
    ValuesService(mai).set_value(CODE, SEPT.key, None, expected_version=shown)
    with pytest.raises(StaleSave, match="đã bị xóa") as err:
        ValuesService(lan).set_value(CODE, SEPT.key, 4900, expected_version=shown)
    assert "mai" in str(err.value)


def test_two_saves_racing_from_the_same_stamp_one_wins_one_is_refused(two_pcs):
    lan, mai = two_pcs
    ValuesService(lan).set_value(CODE, SEPT.key, 100, expected_version=0)
    shown = _shown(lan)
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def save(name, ctx, value):
        start.wait()
        try:
            ValuesService(ctx).set_value(CODE, SEPT.key, value, expected_version=shown)
            outcomes[name] = "saved"
        except StaleSave as exc:
            outcomes[name] = exc

    threads = [
        threading.Thread(target=save, args=("lan", lan, 111)),
        threading.Thread(target=save, args=("mai", mai, 222)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [n for n, o in outcomes.items() if o == "saved"]
    assert len(saved) == 1
    stored = ValuesService(lan).cells([SEPT])[(CODE, SEPT.key)]
    assert stored.value == {"lan": 111, "mai": 222}[saved[0]] and stored.version == shown + 1


def test_a_record_changed_since_it_was_shown_is_refused_and_kept(two_pcs):
    lan, mai = two_pcs
    created = RecordService(lan).create("staff", STAFF)
    assert created.version == 1
    seen = RecordService(mai).get("staff", created.id)
    RecordService(mai).update("staff", created.id, {"position": "Văn phòng"}, seen.version)
    with pytest.raises(StaleSave) as err:
        RecordService(lan).update("staff", created.id, {"position": "Tư pháp"}, created.version)
    message = str(err.value)
    assert "CB01" in message and "Đỗ Thị Mai (mai)" in message and "Văn phòng" in message
    with pytest.raises(StaleSave):
        RecordService(lan).delete("staff", created.id, created.version)
    now = RecordService(lan).get("staff", created.id)
    assert now["position"] == "Văn phòng" and now.version == 2
    RecordService(lan).update("staff", created.id, {"position": "Tư pháp"}, now.version)
    assert RecordService(mai).get("staff", created.id)["position"] == "Tư pháp"


def test_a_page_of_records_carries_the_stamps(two_pcs):
    from commune_desk.services.records import RecordQuery

    lan, _ = two_pcs
    created = RecordService(lan).create("staff", STAFF)
    RecordService(lan).update("staff", created.id, {"position": "Văn phòng"})
    page = RecordService(lan).page("staff", RecordQuery())
    assert [r.version for r in page.records] == [2]
    assert "_version" not in page.records[0].values
