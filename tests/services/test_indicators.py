from __future__ import annotations

import pytest

from commune_desk.domain.periods import Mode, Period
from commune_desk.services.commune import CommuneService
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValueChange, ValuesService


@pytest.fixture
def commune(ctx):
    r = RecordService(ctx)
    for i in range(1, 5):
        r.create("villages", {"code": f"T0{i}", "name": f"Thôn {i}"})
    r.create("villages", {"code": "T05", "name": "Thôn cũ", "active": "0"})
    staff = [
        ("CB01", "01/01/2015", "", "1"),
        ("CB02", "01/01/2015", "30/06/2025", "0"),
        ("CB03", "01/08/2025", "", "0"),
        ("CB04", "01/01/2019", "", "1"),
    ]
    for code, start, end, steering in staff:
        r.create(
            "staff",
            {
                "code": code,
                "full_name": f"Cán bộ {code}",
                "group": "cong_chuc",
                "start_date": start,
                "end_date": end,
                "steering_member": steering,
            },
        )
    r.create(
        "trainings",
        {
            "code": "K1",
            "title": "Chuyển đổi số",
            "topics": "dx;infosec",
            "start_date": "10/03/2025",
            "end_date": "12/03/2025",
            "hours": 8,
        },
    )
    r.create(
        "trainings",
        {
            "code": "K2",
            "title": "AI",
            "topics": "ai",
            "start_date": "14/09/2025",
            "end_date": "16/09/2025",
            "hours": 4,
        },
    )
    for staff_code, course, done in [
        ("CB01", "K1", 1),
        ("CB02", "K1", 1),
        ("CB04", "K1", 0),
        ("CB01", "K2", 1),
        ("CB04", "K2", 1),
        ("CB03", "K2", 0),
    ]:
        r.create(
            "participants", {"training_code": course, "staff_code": staff_code, "completed": done}
        )
    r.create(
        "teams", {"code": "TX", "name": "Tổ xã", "level": "commune", "established_on": "01/03/2025"}
    )
    r.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ 1",
            "level": "village",
            "village_code": "T01",
            "established_on": "01/03/2025",
        },
    )
    r.create(
        "teams",
        {
            "code": "TO2",
            "name": "Tổ 2",
            "level": "village",
            "village_code": "T02",
            "established_on": "01/03/2025",
            "dissolved_on": "01/09/2025",
        },
    )
    for team, name, left in [
        ("TO1", "A", ""),
        ("TO1", "B", "10/08/2025"),
        ("TX", "C", ""),
        ("TO2", "D", ""),
    ]:
        r.create(
            "members",
            {"team_code": team, "full_name": name, "joined_on": "01/03/2025", "left_on": left},
        )
    for date, kind, people in [
        ("14/09/2025", "vneid", 10),
        ("15/09/2025", "cashless", 7),
        ("02/07/2025", "vneid", 5),
        ("20/06/2025", "other", 3),
    ]:
        r.create(
            "activities",
            {"team_code": "TO1", "date": date, "type": kind, "people_supported": people},
        )
    r.create("classes", {"code": "L1", "date": "20/08/2025", "topic": "VNeID", "participants": 30})
    return ctx


def test_records_figures_of_a_quarter(commune):
    f = IndicatorService(commune).compute(Period.parse("2025-Q3")).values()
    assert f["commune.villages"] == 4
    assert f["staff.total"] == 3  # CB02 left in June; CB03 joined in August
    assert f["staff.trained_dx"] == 1  # CB01 (CB02 left, CB04 did not complete)
    assert f["staff.steering_trained"] == 1
    assert f["staff.trained_ai"] == 2
    assert f["staff.trained_infosec"] == 0  # K1 ended in March, outside the quarter
    assert f["staff.training_hours"] == 8
    assert f["team.count"] == 2  # TO2 dissolved on 1/9
    assert f["team.villages_covered"] == 1
    assert f["team.members"] == 2  # A and C: B left, D's team was dissolved
    assert f["team.sessions"] == 3
    assert f["team.supported"] == 22
    assert f["team.supported_vneid"] == 15
    assert f["team.supported_cashless"] == 7
    assert f["team.supported_ecommerce"] == 0
    assert (f["class.count"], f["class.participants"]) == (1, 30)
    assert f["ind.staff_dx_pct"] == pytest.approx(100 / 3)
    assert f["ind.villages_team_pct"] == pytest.approx(25.0)


def test_year_to_date_and_last_year(commune):
    result = IndicatorService(commune).compute(Period.parse("2025-Q3"))
    supported = result.figures["team.supported"]
    assert supported.ytd == 25  # June's 3 as well
    assert supported.last_year == 0
    assert result.figures["staff.trained_infosec"].ytd == 2  # CB01, CB02 in March


def test_decree09_windows_move_dated_records(commune):
    CommuneService(commune).set_cutoff_mode(Mode.DECREE09)
    result = IndicatorService(commune).compute(Period.parse("2025-Q3"))
    # Decree 09: Q3 = 15/6..14/9; the 15/9 activity falls into Q4, the 20/6 one into Q3.
    assert result.window.label() == "Số liệu từ ngày 15/6/2025 đến ngày 14/9/2025"
    assert result.values()["team.supported"] == 18


def test_entered_values_aggregate_sum_and_last(commune):
    ValuesService(commune).save(
        [
            ValueChange("tthc.received_online", "2025-07", 300),
            ValueChange("tthc.received_online", "2025-08", 420),
            ValueChange("tthc.received_online", "2025-09", 448),
            ValueChange("tthc.received_direct", "2025-08", 120),
            ValueChange("tthc.received_postal", "2025-09", 20),
            ValueChange("tthc.procedures", "2025-07", 380),
            ValueChange("tthc.procedures", "2025-09", 399),
            ValueChange("tthc.received_online", "2024-08", 100),
        ]
    )
    result = IndicatorService(commune).compute(Period.parse("2025-Q3"))
    values = result.values()
    assert values["tthc.received_online"] == 1168
    assert values["tthc.procedures"] == 399
    assert values["ind.online_records_pct"] == pytest.approx(1168 / 1308 * 100)
    assert result.figures["tthc.received_online"].last_year == 100


def test_default_and_own_targets(commune):
    service = IndicatorService(commune)
    assert service.targets(2026)["ind.adults_confirmed_pct"] == 80
    service.set_target("ind.adults_confirmed_pct", 2026, 85)
    result = service.compute(Period.parse("2026-Q1"))
    assert result.figures["ind.adults_confirmed_pct"].target == 85
    assert "ind.vneid_level2_pct" not in service.targets(2026)


def test_every_catalogue_code_is_present(commune):
    values = IndicatorService(commune).compute(Period.parse("2025")).values()
    assert list(values) == list(commune.catalogue.codes())
