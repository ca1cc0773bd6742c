"""The demonstration commune: sizes, believable records, determinism, validity, indicators, CLI."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from commune_desk.demo import COMMUNE_CODE, COMMUNE_NAME, DemoSummary, build_demo
from commune_desk.demo.build import DEMO_ACCOUNTS
from commune_desk.domain.periods import Kind, Mode, Period, current_month, months_between
from commune_desk.services.accounts import AccountService
from commune_desk.services.checks import CheckService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.errors import ServiceError
from commune_desk.services.indicators import IndicatorService, values_json
from commune_desk.services.records import RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.setup import open_database
from tests.support.accounts import trail

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "catalogue" / "default.toml"
FIXED_NOW = dt.datetime(2026, 11, 21, 9, 30)
TODAY = FIXED_NOW.date()
KINDS = (
    "villages",
    "staff",
    "trainings",
    "participants",
    "teams",
    "members",
    "activities",
    "classes",
)


def _open(path: Path, now: dt.datetime = FIXED_NOW):
    db = open_database(path, CATALOGUE, Actor("tester", "officer"))
    db.context.clock = lambda: now
    return db


def _latest_full_quarter(today: dt.date) -> Period:
    month = current_month(today, Mode.CALENDAR)
    return month.enclosing(Kind.QUARTER).previous()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    """One demo database for the whole module: (open database, summary, seconds taken)."""
    db = _open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    started = time.perf_counter()
    summary = build_demo(db.context)
    elapsed = time.perf_counter() - started
    yield db, summary, elapsed
    db.close()


@pytest.fixture(scope="module")
def demo_ctx(demo):
    return demo[0].context


@pytest.fixture(scope="module")
def summary(demo) -> DemoSummary:
    return demo[1]


@pytest.fixture(scope="module")
def figures(demo_ctx):
    """Values of a few periods, computed once: period key -> code -> value."""
    periods = [Period.parse(k) for k in ("2025-Q1", "2025-Q3", "2025-Q4", "2025")]
    periods.append(_latest_full_quarter(TODAY))
    results = IndicatorService(demo_ctx).compute_many(periods)
    return {r.period.key: r.values() for r in results}


# ---------------------------------------------------------------------------- sizes


def test_counts_are_in_the_expected_ranges(summary: DemoSummary) -> None:
    print(summary)
    assert 20 <= summary.villages <= 30
    assert 40 <= summary.staff <= 50
    assert 25 <= summary.trainings <= 35
    assert 8 * summary.trainings <= summary.participants <= 25 * summary.trainings
    assert summary.teams == summary.villages + 1  # a team per village and one for the commune
    assert 5 * summary.teams <= summary.members <= 9 * summary.teams
    assert 3_000 <= summary.activities <= 6_000
    assert 60 <= summary.classes <= 120


def test_summary_matches_the_database(demo_ctx, summary: DemoSummary) -> None:
    records = RecordService(demo_ctx)
    assert {kind: records.count(kind) for kind in KINDS} == {
        kind: getattr(summary, kind) for kind in KINDS
    }
    months = months_between(Period.month(2025, 1), Period.month(TODAY.year, TODAY.month))
    assert summary.values == len(demo_ctx.catalogue.entry_elements()) * len(months)


def test_summary_reads_as_vietnamese(summary: DemoSummary) -> None:
    text = str(summary)
    assert text.startswith(f"{summary.villages} thôn, {summary.staff} cán bộ, ")
    assert f"{summary.trainings} khóa bồi dưỡng" in text
    activities = f"{summary.activities:,}".replace(",", ".")
    assert f"{activities} hoạt động hỗ trợ" in text
    assert text.endswith(f"{summary.values} số liệu hằng tháng")
    assert "\n" not in text


def test_demo_is_fast(demo) -> None:
    elapsed = demo[2]
    print(f"build_demo: {elapsed:.2f} s")
    assert elapsed < 10


def test_the_commune_and_an_audit_entry(demo_ctx, summary: DemoSummary) -> None:
    profile = CommuneService(demo_ctx).profile()
    assert (profile.code, profile.name, profile.province) == (
        COMMUNE_CODE,
        COMMUNE_NAME,
        "Thanh Hóa",
    )
    entries = [e for e in trail(demo_ctx, entity="commune") if e.action == "demo"]
    assert len(entries) == 1
    recorded = json.loads(entries[0].new or "{}")
    assert recorded["seed"] == 2025
    assert recorded["activities"] == summary.activities


# ---------------------------------------------------------------------------- believable records


def test_villages_staff_and_courses_look_real(demo_ctx) -> None:
    records = RecordService(demo_ctx)
    villages = records.list("villages")
    assert {v["kind"] for v in villages} == {"thon", "to_dan_pho"}
    assert [v["code"] for v in villages] == [f"T{i:02d}" for i in range(1, len(villages) + 1)]

    staff = records.list("staff")
    assert set(Counter(s["group"] for s in staff)) == {
        "can_bo",
        "cong_chuc",
        "vien_chuc",
        "nguoi_lao_dong",
    }
    assert 8 <= sum(1 for s in staff if s["steering_member"]) <= 12
    assert 2 <= sum(1 for s in staff if s["end_date"] is not None) <= 5
    assert 2 <= sum(1 for s in staff if s["start_date"].year == 2026) <= 5
    assert len({s["full_name"] for s in staff}) == len(staff)
    assert all(len(s["full_name"].split()) >= 3 for s in staff)
    assert all(s["phone"].startswith("09") and len(s["phone"]) == 10 for s in staff)
    assert all(s["start_date"] <= TODAY for s in staff)

    courses = records.list("trainings")
    topics = set(demo_ctx.catalogue.vocab["course_topic"])
    assert set().union(*(c["topics"] for c in courses)) == topics
    assert all(4 <= c["hours"] <= 40 for c in courses)
    assert all(dt.date(2025, 1, 1) <= c["start_date"] <= c["end_date"] <= TODAY for c in courses)
    assert {c["end_date"].year for c in courses} == {2025, 2026}
    participants = records.list("participants")
    completed = sum(1 for p in participants if p["completed"])
    assert completed / len(participants) > 0.85


def test_teams_members_activities_and_classes_look_real(demo_ctx) -> None:
    records = RecordService(demo_ctx)
    villages = {v["code"] for v in records.list("villages")}
    teams = records.list("teams")
    by_level = Counter(t["level"] for t in teams)
    assert by_level == {"village": len(villages), "commune": 1}
    assert {t["village_code"] for t in teams if t["level"] == "village"} == villages

    members = records.list("members")
    for team in teams:
        own = [m for m in members if m["team_code"] == team["code"]]
        roles = Counter(m["role"] for m in own)
        assert 5 <= len(own) <= 9, team["code"]
        assert roles["to_truong"] == 1 and 1 <= roles["to_pho"] <= 2, team["code"]
    assert len({m["affiliation"] for m in members}) >= 8
    assert all(m["phone"].startswith("09") and len(m["phone"]) == 10 for m in members)

    activities = records.list("activities")
    keys = [(a["team_code"], a["date"], a["type"], a["village_code"]) for a in activities]
    assert len(set(keys)) == len(keys)  # the import key is unique
    assert min(a["date"] for a in activities) < dt.date(2025, 2, 1)
    assert max(a["date"] for a in activities) <= TODAY
    assert all(1 <= a["people_supported"] <= 40 for a in activities)
    people = Counter()
    for a in activities:
        people[a["type"]] += a["people_supported"]
    assert set(people) == set(demo_ctx.catalogue.vocab["activity_type"])
    assert {t for t, _ in people.most_common(2)} == {"vneid", "online_services"}

    classes = records.list("classes")
    assert all(15 <= c["participants"] <= 60 for c in classes)
    assert all(c["village_code"] in villages and c["date"] <= TODAY for c in classes)
    assert len({c["code"] for c in classes}) == len(classes)


# ---------------------------------------------------------------------------- validity


def test_check_all_finds_no_error_and_no_warning(demo_ctx) -> None:
    report = CheckService(demo_ctx).check_all()
    for problem in report.problems:
        print(problem)
    assert report.months == 23  # January 2025 to November 2026
    assert report.errors == 0
    assert report.warnings == 0


def test_every_figure_of_2025_q4_has_a_number(demo_ctx, figures) -> None:
    values = figures["2025-Q4"]
    assert set(values) == set(demo_ctx.catalogue.codes())
    missing = [code for code, value in values.items() if value is None]
    assert missing == []
    for indicator in demo_ctx.catalogue.indicators:
        assert isinstance(values[indicator.code], int | float), indicator.code


# ---------------------------------------------------------------------------- trends


def test_trends_move_toward_the_targets(figures) -> None:
    first = figures["2025-Q1"]
    latest = figures[_latest_full_quarter(TODAY).key]
    q4 = figures["2025-Q4"]
    assert 20 <= first["ind.adults_confirmed_pct"] <= 35
    assert latest["ind.adults_confirmed_pct"] > first["ind.adults_confirmed_pct"]
    assert latest["ind.adults_confirmed_pct"] >= 70
    assert 50 <= first["ind.online_records_pct"] <= 70
    assert 70 <= q4["ind.online_records_pct"] <= 95
    assert latest["ind.online_records_pct"] >= q4["ind.online_records_pct"]
    assert q4["ind.staff_dx_pct"] >= 80
    assert latest["ind.staff_dx_pct"] >= 90
    assert q4["ind.villages_team_pct"] == 100
    assert q4["ind.electronic_docs_pct"] >= 95
    assert 40 <= q4["ind.online_payment_pct"] <= 55
    assert q4["ind.villages_mobile_pct"] == 100
    assert 60 <= q4["ind.villages_fiber_pct"] < 100
    for code in (
        "ind.digitized_pct",
        "ind.on_time_pct",
        "ind.households_fiber_pct",
        "ind.smartphone_pct",
        "ind.students_pct",
        "ind.workers_pct",
    ):
        assert 0 < q4[code] <= 100, code
        assert latest[code] >= first[code], code


def test_scale_is_that_of_a_real_commune(figures) -> None:
    year = figures["2025"]
    assert 11_000 <= year["pop.population"] <= 13_000
    assert 3_000 <= year["pop.households"] <= 3_400
    assert 8_000 <= year["pop.adults"] <= 9_000
    assert 2_100 <= year["pop.students"] <= 2_500
    assert 800 <= year["pop.enterprise_workers"] <= 1_000
    q3 = figures["2025-Q3"]
    assert q3["tthc.procedures"] == 399
    received = sum(
        year[c] for c in ("tthc.received_online", "tthc.received_direct", "tthc.received_postal")
    )
    assert 400 <= received / 12 <= 500
    assert year["tthc.digitized"] <= received


# ---------------------------------------------------------------------------- determinism


def test_same_seed_same_demo_other_seed_other_demo(
    tmp_path: Path,
    demo_ctx,
    summary: DemoSummary,
) -> None:
    period = Period.parse("2025-Q4")
    reference = values_json(IndicatorService(demo_ctx).compute(period))
    staff = [s["full_name"] for s in RecordService(demo_ctx).list("staff")]

    again = _open(tmp_path / "again.sqlite3")
    other = _open(tmp_path / "other.sqlite3")
    try:
        assert build_demo(again.context, seed=2025) == summary
        assert values_json(IndicatorService(again.context).compute(period)) == reference
        assert [s["full_name"] for s in RecordService(again.context).list("staff")] == staff

        other_summary = build_demo(other.context, seed=7)
        assert values_json(IndicatorService(other.context).compute(period)) != reference
        assert [s["full_name"] for s in RecordService(other.context).list("staff")] != staff
        assert other_summary != summary
    finally:
        again.close()
        other.close()


def test_today_bounds_the_data(tmp_path: Path) -> None:
    db = _open(tmp_path / "early.sqlite3")
    try:
        today = dt.date(2025, 8, 20)
        summary = build_demo(db.context, seed=3, today=today)
        records = RecordService(db.context)
        assert max(a["date"] for a in records.list("activities")) <= today
        assert max(c["end_date"] for c in records.list("trainings")) <= today
        assert summary.values == len(db.context.catalogue.entry_elements()) * 8
        assert CheckService(db.context).check_all().errors == 0
    finally:
        db.close()


# ---------------------------------------------------------------------------- refusals


def test_a_second_run_is_refused(demo_ctx, summary: DemoSummary) -> None:
    with pytest.raises(ServiceError, match="đã có dữ liệu"):
        build_demo(demo_ctx)
    assert RecordService(demo_ctx).count("villages") == summary.villages


def test_a_database_with_another_commune_is_refused(opened) -> None:
    with pytest.raises(ServiceError, match="Thiệu Trung"):
        build_demo(opened.context)
    assert RecordService(opened.context).count("staff") == 0


def test_a_date_before_2025_is_refused(tmp_path: Path) -> None:
    db = _open(tmp_path / "too-early.sqlite3")
    try:
        with pytest.raises(ServiceError, match="2025"):
            build_demo(db.context, today=dt.date(2024, 12, 31))
        assert not CommuneService(db.context).exists()
    finally:
        db.close()


# ---------------------------------------------------------------------------- command line


def test_cli_demo_then_indicators_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from commune_desk.cli import main

    path = tmp_path / "cli-demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Đã tạo dữ liệu mẫu" in out and "số liệu hằng tháng" in out

    assert main(["indicators", "--period", "2025-Q4", "--db", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["commune_code"] == COMMUNE_CODE
    assert document["period"] == "2025-Q4"
    from commune_desk.domain.catalogue_loader import load_catalogue

    catalogue = load_catalogue(CATALOGUE)
    assert set(catalogue.codes()) <= set(document["values"])
    for indicator in catalogue.indicators:
        value = document["values"][indicator.code]
        assert isinstance(value, int | float) and not isinstance(value, bool), indicator.code

    assert main(["demo", "--db", str(path)]) == 1
    assert "đã có dữ liệu" in capsys.readouterr().err


def test_one_account_per_role_logs_in_with_the_readme_password(demo_ctx):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    accounts = AccountService(demo_ctx)
    for username, role, password, _ in DEMO_ACCOUNTS:
        assert f"`{username}`" in readme and f"`{password}`" in readme
        account = accounts.login(username, password)
        assert account.role == role and account.full_name


def test_the_report_carries_no_phone_number(demo_ctx, tmp_path):
    officer = replace(demo_ctx, actor=Actor("baocao", "officer"))
    phones = {
        r["phone"]
        for kind in ("staff", "members")
        for r in RecordService(officer).list(kind)
        if r["phone"]
    }
    assert len(phones) > 20
    quarter = _latest_full_quarter(TODAY)
    path = ReportService(officer).export(quarter, tmp_path / "r.xlsx", draft=True).path
    texts = {
        str(c).replace(" ", "").replace(".", "")
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c is not None
    }
    assert texts and not {p.replace(" ", "").replace(".", "") for p in phones} & texts


def test_demo_records_search_without_accents(demo_ctx) -> None:
    from commune_desk.domain.text import fold
    from commune_desk.services.records import RecordQuery

    records = RecordService(demo_ctx)
    for kind, field in (("staff", "full_name"), ("members", "full_name"), ("villages", "name")):
        first = records.page(kind, RecordQuery(limit=1)).records[0]
        found = records.page(kind, RecordQuery(search=fold(first[field]).upper()))
        assert first.id in [r.id for r in found.records]
