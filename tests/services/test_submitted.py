"""What was submitted stays true: the one guard of locked figures, and the snapshot it keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from commune_desk.data.models import Staff, Submission, TeamMember, Village
from commune_desk.domain import documents
from commune_desk.domain.periods import Period
from commune_desk.excel.data_sheet import read_data_sheet
from commune_desk.services import guard
from commune_desk.services.checks import CheckService
from commune_desk.services.commune import CommuneService
from commune_desk.services.errors import PeriodLocked
from commune_desk.services.imports import ImportService
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.records import RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from tests.support import rawsql

SEPT = Period.parse("2025-09")
STAFF_HEADER = "code,full_name,group,start_date,end_date\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def staff_list(tmp_path: Path, end_of_s1: str = "") -> Path:
    rows = [f"S{i},Cán bộ {i},cong_chuc,01/01/2020," for i in range(1, 6)]
    rows[0] += end_of_s1
    return write(tmp_path / "staff.csv", STAFF_HEADER + "\n".join(rows) + "\n")


@pytest.fixture
def submitted(ctx, tmp_path: Path) -> Path:
    """September 2025 submitted: 5 staff, 4 trained in digital transformation, one team of 3."""
    imports = ImportService(ctx)
    imports.import_file("staff", staff_list(tmp_path))
    write(
        tmp_path / "trainings.csv",
        "code,title,topics,start_date,end_date\nK1,Chuyển đổi số,dx,01/06/2025,02/06/2025\n",
    )
    imports.import_file("trainings", tmp_path / "trainings.csv")
    write(
        tmp_path / "participants.csv",
        "training_code,staff_code\n" + "".join(f"K1,S{i}\n" for i in range(1, 5)),
    )
    imports.import_file("participants", tmp_path / "participants.csv")
    records = RecordService(ctx)
    for code in ("T01", "T02"):
        records.create("villages", {"code": code, "name": f"Thôn {code}"})
    records.create(
        "teams",
        {"code": "TO1", "name": "Tổ 1", "level": "commune", "established_on": "01/03/2025"},
    )
    for name in ("An", "Bình", "Chi"):
        records.create(
            "members", {"team_code": "TO1", "full_name": name, "joined_on": "01/03/2025"}
        )
    ValuesService(ctx).save([ValueChange("tthc.received_online", "2025-09", 90)])
    ReportService(ctx).export(SEPT, tmp_path / "t9.xlsx")
    return tmp_path / "t9.xlsx"


def count(ctx, model) -> int:
    with ctx.read_session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_a_submission_stores_every_code_and_the_targets_used(ctx, submitted):
    with ctx.read_session() as s:
        (row,) = s.execute(select(Submission)).scalars()
    stored = json.loads(row.snapshot)["figures"]
    assert set(stored) == set(ctx.catalogue.codes())
    assert stored["staff.trained_dx"]["value"] == 4
    assert stored["ind.staff_dx_pct"]["value"] == 80
    assert stored["ind.staff_dx_pct"]["target"] == 80  # the catalogue's 2025 target
    sheet = read_data_sheet(submitted)
    assert sheet.get("submission_id") == row.uid and len(row.uid) == 32
    assert sheet.get("issued_at") == "2026-11-21T09:30:00"


def test_a_staff_end_date_inside_a_locked_period_is_refused_with_the_figures(
    ctx, submitted, tmp_path
):
    with pytest.raises(PeriodLocked) as refused:
        ImportService(ctx).import_file("staff", staff_list(tmp_path, "15/08/2025"))
    message = str(refused.value)
    assert "Tháng 9/2025" in message and "phiên bản 1" in message
    label = ctx.catalogue.get("staff.trained_dx").label
    assert f"{label}: đã nộp 4, nay 3" in message
    assert "đã nộp 80, nay 75" in message
    assert "Chưa có gì được ghi" in message
    with ctx.read_session() as s:
        assert s.execute(select(Staff.end_date).where(Staff.code == "S1")).scalar() is None
    figures = IndicatorService(ctx).compute(SEPT).values()
    assert figures["staff.trained_dx"] == 4


def test_a_change_effective_after_the_locked_period_goes_through(ctx, submitted, tmp_path):
    ImportService(ctx).import_file("staff", staff_list(tmp_path, "15/10/2025"))
    records = RecordService(ctx)
    records.create("members", {"team_code": "TO1", "full_name": "Dũng", "joined_on": "02/10/2025"})
    records.create("villages", {"code": "T03", "name": "Thôn mới", "established_on": "01/10/2025"})
    assert IndicatorService(ctx).compute(SEPT).values()["commune.villages"] == 2
    assert IndicatorService(ctx).compute(Period.parse("2025-10")).values()["commune.villages"] == 3


def test_members_and_villages_dated_inside_the_locked_period_are_refused(ctx, submitted):
    records = RecordService(ctx)
    with pytest.raises(PeriodLocked, match="Số thành viên Tổ công nghệ số cộng đồng: đã nộp 3"):
        records.create(
            "members", {"team_code": "TO1", "full_name": "Dũng", "joined_on": "10/09/2025"}
        )
    with pytest.raises(PeriodLocked, match="Số thôn, tổ dân phố: đã nộp 2, nay 3"):
        records.create("villages", {"code": "T03", "name": "Thôn không ngày"})
    village = next(r for r in records.list("villages") if r["code"] == "T02")
    with pytest.raises(PeriodLocked, match="Tháng 9/2025"):
        records.update("villages", village.id, {"dissolved_on": "20/09/2025"})
    with pytest.raises(PeriodLocked, match="Tháng 9/2025"):
        records.delete("villages", village.id)
    assert count(ctx, TeamMember) == 3 and count(ctx, Village) == 2


def test_a_target_changed_after_the_submission_is_refused(ctx, submitted):
    service = IndicatorService(ctx)
    with pytest.raises(PeriodLocked, match=r"chỉ tiêu kế hoạch của .*: đã nộp 80, nay 85"):
        service.set_target("ind.staff_dx_pct", 2025, 85)
    assert service.targets(2025)["ind.staff_dx_pct"] == 80
    service.set_target("ind.staff_dx_pct", 2026, 95)  # another year: not locked


def test_the_guard_computes_once_per_import_not_per_row(ctx, submitted, tmp_path, monkeypatch):
    calls = []
    real = guard.check_locked
    monkeypatch.setattr(guard, "check_locked", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    rows = "".join(f"N{i},Người {i},nguoi_lao_dong,01/10/2025,\n" for i in range(2000))
    ImportService(ctx).import_file("staff", write(tmp_path / "many.csv", STAFF_HEADER + rows))
    assert calls == [1]
    assert count(ctx, Staff) == 2005


def test_the_guard_sees_a_bulk_insert_at_the_drivers_level(ctx, submitted):
    import datetime as dt

    from commune_desk.data.bulk import insert_many

    with ctx.read_session() as s:
        team_id = s.execute(select(TeamMember.team_id)).scalars().first()
    row = {"team_id": team_id, "full_name": "Dũng", "joined_on": dt.date(2025, 3, 1)}
    with pytest.raises(PeriodLocked, match="Tháng 9/2025"), ctx.sessions.begin() as session:
        insert_many(session, TeamMember.__table__, [row])
    assert count(ctx, TeamMember) == 3  # nothing written
    later = {**row, "joined_on": dt.date(2025, 10, 1)}  # after the locked periods: allowed
    with ctx.sessions.begin() as session:
        insert_many(session, TeamMember.__table__, [later])
    assert count(ctx, TeamMember) == 4


def test_writes_that_touch_no_figure_do_not_recompute(ctx, submitted, monkeypatch):
    calls = []
    monkeypatch.setattr(guard, "check_locked", lambda *a, **kw: calls.append(1) or [])
    CommuneService(ctx).set_settings({documents.SIGNER_NAME: "Nguyễn Văn A"})
    assert calls == []


def test_check_names_a_locked_figure_changed_in_the_file_itself(ctx, submitted, db_url):
    assert CheckService(ctx).check_all().drift == []
    rawsql.execute(
        db_url,
        "UPDATE monthly_values SET value = 95 WHERE code = 'tthc.received_online'"
        " AND month = '2025-09'",
    )
    report = CheckService(ctx).check_all()
    (d,) = [d for d in report.drift if d.code == "tthc.received_online"]
    assert (d.period, d.version, d.submitted, d.now) == (SEPT, 1, 90, 95)
    assert report.errors >= 1 and report.locked == 1


def test_check_finds_a_missing_or_broken_audit_trigger_and_leaves_it(ctx, db_url):
    assert CheckService(ctx).check_all().schema == []
    before = rawsql.audit_triggers(db_url)
    rawsql.drop_audit_trigger(db_url, "audit_entries_no_delete")
    rawsql.make_audit_trigger_harmless(db_url, "audit_entries_no_update", "UPDATE")
    report = CheckService(ctx).check_all()
    assert len(report.schema) == 2 and report.errors == 2
    # Nothing recreated, and the probe left nothing behind.
    assert rawsql.audit_triggers(db_url) == before - {"audit_entries_no_delete"}
    assert rawsql.rows(db_url, "SELECT count(*) FROM audit_entries WHERE action='probe'") == [(0,)]


def test_a_locked_period_shows_what_was_submitted_under_its_version(ctx, submitted, db_url):
    from commune_desk.services.overview import OverviewService

    rawsql.execute(  # behind the program's back
        db_url,
        "INSERT INTO yearly_targets (commune_id, code, year, value) "
        "VALUES (1, 'ind.staff_dx_pct', 2025, 85)",
    )
    preview = ReportService(ctx).preview(SEPT)
    row = next(r for r in preview.rows if r.code == "ind.staff_dx_pct")
    assert (row.value, row.target) == (80, 80)
    assert preview.document.shown_title == "BÁO CÁO (PHIÊN BẢN 1)"
    assert not preview.document.draft
    overview = OverviewService(ctx).load(SEPT)
    assert overview.submitted_version == 1
    assert overview.figures.figures["ind.staff_dx_pct"].target == 80
    assert overview.card("ind.staff_dx_pct").target == 80
    october = ReportService(ctx).preview(Period.parse("2025-10"))
    assert october.document.draft and october.document.shown_title == "BÁO CÁO (BẢN NHÁP)"


def test_a_village_merger_needs_its_date_and_counts_until_then(ctx):
    from commune_desk.services.records import RecordInvalid

    records = RecordService(ctx)
    for code in ("T01", "T02"):
        records.create("villages", {"code": code, "name": f"Thôn {code}"})
    with pytest.raises(RecordInvalid, match="ngày sáp nhập"):
        records.create("villages", {"code": "T03", "name": "Thôn cũ", "merged_into": "T01"})
    records.create(
        "villages",
        {"code": "T03", "name": "Thôn cũ", "merged_into": "T01", "dissolved_on": "01/07/2025"},
    )
    counted = {
        key: IndicatorService(ctx).compute(Period.parse(key)).values()["commune.villages"]
        for key in ("2025-06", "2025-07")
    }
    assert counted == {"2025-06": 3, "2025-07": 2}


def test_a_figure_changed_behind_the_programs_back_does_not_block_unrelated_writes(
    ctx, submitted, db_url
):
    rawsql.execute(  # another tool changed the database
        db_url,
        "UPDATE monthly_values SET value = 95 WHERE code = 'tthc.received_online'"
        " AND month = '2025-09'",
    )
    # The clerk's later changes do not move September's figures: they go through (check
    # names the difference that was already there).
    records = RecordService(ctx)
    records.create("members", {"team_code": "TO1", "full_name": "Dũng", "joined_on": "02/10/2025"})
    ValuesService(ctx).save([ValueChange("tthc.received_online", "2025-10", 70)])
    assert count(ctx, TeamMember) == 4
    # A change that does move a locked figure is still refused, naming only that figure.
    with pytest.raises(PeriodLocked) as refused:
        records.create(
            "members", {"team_code": "TO1", "full_name": "Em", "joined_on": "10/09/2025"}
        )
    assert "Số thành viên Tổ công nghệ số cộng đồng: đã nộp 3, nay 4" in str(refused.value)
    assert "đã nộp 90, nay 95" not in str(refused.value)
    assert count(ctx, TeamMember) == 4
    (d,) = [d for d in CheckService(ctx).check_all().drift if d.code == "tthc.received_online"]
    assert (d.submitted, d.now) == (90, 95)


def test_a_merged_villages_team_no_longer_covers_a_village(ctx):
    records = RecordService(ctx)
    for code in ("T01", "T02"):
        records.create("villages", {"code": code, "name": f"Thôn {code}"})
        records.create(
            "teams",
            {
                "code": f"TO-{code}",
                "name": f"Tổ {code}",
                "level": "village",
                "village_code": code,
                "established_on": "01/03/2025",
            },
        )
    village = next(r for r in records.list("villages") if r["code"] == "T02")
    records.update("villages", village.id, {"merged_into": "T01", "dissolved_on": "01/07/2025"})
    figures = {
        key: IndicatorService(ctx).compute(Period.parse(key)).values()
        for key in ("2025-06", "2025-07")
    }
    assert [figures[k]["team.villages_covered"] for k in figures] == [2, 1]
    assert [figures[k]["ind.villages_team_pct"] for k in figures] == [100, 100]  # never 200


def test_the_submitted_workbook_is_titled_with_its_version_like_its_preview(
    ctx, submitted, tmp_path
):
    from openpyxl import load_workbook

    reports = ReportService(ctx)
    assert load_workbook(submitted)["Báo cáo"]["A7"].value == "BÁO CÁO (PHIÊN BẢN 1)"
    assert reports.preview(SEPT).document.shown_title == "BÁO CÁO (PHIÊN BẢN 1)"
    draft = reports.export(Period.parse("2025-10"), tmp_path / "t10.xlsx", draft=True)
    assert draft is not None
    assert load_workbook(tmp_path / "t10.xlsx")["Báo cáo"]["A7"].value == "BÁO CÁO (BẢN NHÁP)"


def test_a_difference_that_rounds_alike_shows_the_decimals_that_differ():
    from commune_desk.services.snapshots import Difference

    def text(submitted, now):
        return Difference(
            SEPT, 1, "x", "Số thành viên trên 100 dân", "value", submitted, now
        ).text()

    assert text(178 / 12028 * 100, 179 / 12028 * 100).endswith("đã nộp 1,48, nay 1,49")
    assert text(80, 75).endswith("đã nộp 80, nay 75")
    assert text(None, 3).endswith("đã nộp (trống), nay 3")


def test_check_warns_when_a_submitted_year_to_date_column_no_longer_holds(ctx, submitted):
    # March is not locked, so a class entered late for March goes through; but September's
    # submitted report said 0 classes so far this year, and check says that no longer holds.
    RecordService(ctx).create(
        "classes", {"code": "L1", "date": "10/03/2025", "topic": "Kỹ năng số", "participants": 40}
    )
    report = CheckService(ctx).check_all()
    assert report.drift == []
    shifted = {(d.code, d.what): (d.submitted, d.now) for d in report.columns}
    assert shifted[("class.count", "ytd")] == (0, 1)
    assert shifted[("class.participants", "ytd")] == (0, 40)
    (d,) = [d for d in report.columns if d.code == "class.count"]
    assert d.text().startswith("lũy kế từ đầu năm của Số lớp phổ cập")
    assert report.warnings >= 2 and report.errors == 0


def test_a_village_share_is_refused_for_a_month_the_village_did_not_exist(ctx, tmp_path):
    from commune_desk.services.errors import ImportRefused

    records = RecordService(ctx)
    records.create("villages", {"code": "T01", "name": "Thôn 1"})
    records.create(
        "villages",
        {"code": "T02", "name": "Thôn 2", "merged_into": "T01", "dissolved_on": "01/07/2025"},
    )
    records.create("villages", {"code": "T03", "name": "Thôn 3", "established_on": "15/07/2025"})
    rows = (
        "period,code,value,village\n"
        "2025-06,infra.bts,1,T02\n"  # before the merger: fine
        "2025-07,infra.bts,1,T02\n"  # merged on 1 July: no share of July
        "2025-06,infra.bts,1,T03\n"  # established in mid-July
        "2025-07,infra.bts,1,T03\n"  # its first month: fine
    )
    with pytest.raises(ImportRefused) as refused:
        ImportService(ctx).import_file("values", write(tmp_path / "v.csv", rows))
    named = {(e.row, e.column): e.message for e in refused.value.errors}
    assert set(named) == {(3, "village"), (4, "village")}
    assert "đã sáp nhập hoặc giải thể từ ngày 01/07/2025" in named[(3, "village")]
    assert "thành lập từ ngày 15/07/2025" in named[(4, "village")]


def test_a_locked_periods_preview_shows_the_previous_period_as_submitted(ctx, submitted):
    ValuesService(ctx).save([ValueChange("tthc.received_online", "2025-08", 70)])  # open month
    row = next(r for r in ReportService(ctx).preview(SEPT).rows if r.code == "tthc.received_online")
    assert (row.value, row.previous) == (90, None)  # August was empty when September went in
    october = ReportService(ctx).preview(Period.parse("2025-10")).rows
    assert next(r for r in october if r.code == "tthc.received_online").previous == 90
