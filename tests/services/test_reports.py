"""Submitting a report: refused by errors, recorded with its file, locking, unlocking."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from commune_desk.data.models import PeriodLock, Submission
from commune_desk.domain.periods import Mode, Period
from commune_desk.excel import atomic
from commune_desk.excel.data_sheet import read_data_sheet
from commune_desk.services import reports as reports_module
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.errors import (
    NotAllowed,
    PeriodLocked,
    ServiceError,
    SubmissionRefused,
)
from commune_desk.services.records import RecordService
from commune_desk.services.reports import ReportService, ReportState
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.accounts import trail

Q3 = Period.parse("2025-Q3")


@pytest.fixture
def values(ctx) -> ValuesService:
    service = ValuesService(ctx)
    service.save(
        [
            ValueChange("tthc.received_online", "2025-09", 1168),
            ValueChange("tthc.received_direct", "2025-09", 140),
            ValueChange("infra.bts", "2025-09", 4, comment="thêm trạm mới ở thôn Đông"),
        ]
    )
    return service


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"  # the database lives in tmp_path too
    folder.mkdir()
    return folder


@pytest.fixture
def supervisor(ctx):
    return replace(ctx, actor=Actor("lanhdao", "supervisor", "Lê Văn Lãnh"))


def counts(ctx) -> tuple[int, int]:
    with ctx.sessions.begin() as s:
        submissions = s.execute(select(func.count()).select_from(Submission)).scalar_one()
        locks = s.execute(select(func.count()).select_from(PeriodLock)).scalar_one()
    return submissions, locks


def make_errors(ctx) -> None:
    """Two broken rules in September: villages closed after the coverage figures were typed."""
    records = RecordService(ctx)
    for code in ("T1", "T2", "T3"):
        records.create("villages", {"code": code, "name": f"Thôn {code}"})
    ValuesService(ctx).save(
        [
            ValueChange("infra.villages_mobile", "2025-09", 3),
            ValueChange("infra.villages_fiber", "2025-09", 3),
        ]
    )
    village = next(r for r in records.list("villages") if r["code"] == "T3")
    records.update("villages", village.id, {"active": False})


def test_status_goes_from_empty_to_entering(ctx):
    service = ReportService(ctx)
    assert service.status(Q3).state is ReportState.EMPTY
    assert service.status(Q3).label() == "chưa có số liệu"
    ValuesService(ctx).set_value("infra.bts", "2025-08", 4)
    status = service.status(Q3)
    assert status.state is ReportState.ENTERING and status.label() == "đang nhập"
    assert not status.locked


def test_preview_rows_problems_and_notes(ctx, values):
    preview = ReportService(ctx).preview(Q3)
    codes = [r.code for r in preview.rows if r.code]
    assert codes == list(ctx.catalogue.codes())
    sections = [r.stt for r in preview.rows if r.is_section]
    assert sections == ["", "I", "II", "III", "IV", "V"]
    online = next(r for r in preview.rows if r.code == "ind.online_records_pct")
    assert online.value == pytest.approx(1168 / 1308 * 100) and online.is_indicator
    bts = next(r for r in preview.rows if r.code == "infra.bts")
    assert bts.note == "Tháng 9: thêm trạm mới ở thôn Đông"
    assert preview.errors == [] and preview.warnings  # missing required values
    assert preview.can_submit
    assert preview.window.label() == "Số liệu từ ngày 1/7/2025 đến ngày 30/9/2025"


def test_a_submission_is_refused_while_the_period_has_errors(ctx, out):
    make_errors(ctx)
    target = out / "bao-cao.xlsx"
    with pytest.raises(SubmissionRefused) as caught:
        ReportService(ctx).export(Q3, target)
    message = str(caught.value)
    assert "Không nộp được báo cáo Quý III/2025: còn 2 lỗi" in message
    for code in ("infra.villages_mobile", "infra.villages_fiber"):  # named by their labels
        assert code not in message and f"«{ctx.catalogue.get(code).label}»" in message
    assert len(caught.value.problems) == 2
    assert list(out.iterdir()) == []
    assert counts(ctx) == (0, 0)
    assert ReportService(ctx).status(Q3).state is ReportState.ENTERING
    # A draft is still possible, to show the figures to be corrected.
    draft = ReportService(ctx).export(Q3, out / "nhap.xlsx", draft=True)
    assert draft.version is None and counts(ctx) == (0, 0)


def test_submit_locks_the_period_and_records_the_file(ctx, values, tmp_path):
    target = tmp_path / "bao-cao-q3.xlsx"
    steps = []
    result = ReportService(ctx).export(Q3, target, progress=lambda d, t: steps.append((d, t)))
    assert result.version == 1 and result.path == target
    assert result.sha256 == atomic.file_sha256(target)
    assert steps == [(1, 3), (2, 3)]  # no report after the file is written and recorded
    assert result.warnings and all(not w.is_error for w in result.warnings)
    status = ReportService(ctx).status(Q3)
    assert status.state is ReportState.SUBMITTED and status.label() == "đã nộp v1"
    assert (status.submitted_by, status.submitted_at.isoformat()) == (
        "tester",
        "2026-11-21T09:30:00",
    )
    (info,) = ReportService(ctx).submissions(Q3)
    assert (info.version, info.file_name, info.sha256) == (1, "bao-cao-q3.xlsx", result.sha256)
    assert info.warnings == tuple(w.message for w in result.warnings)  # kept with it
    (entry,) = [e for e in trail(ctx, entity="report") if e.action == "submit"]
    assert entry.period == "2025-Q3" and json.loads(entry.new)["sha256"] == result.sha256
    assert read_data_sheet(target).get("version") == "1"


def test_changes_inside_a_locked_period_are_refused_naming_the_submission(ctx, values, tmp_path):
    records = RecordService(ctx)
    records.create("villages", {"code": "T01", "name": "Thôn Đông"})
    records.create(
        "teams",
        {
            "code": "TO1",
            "name": "Tổ Thôn Đông",
            "level": "village",
            "village_code": "T01",
            "established_on": "01/04/2025",
        },
    )
    ReportService(ctx).export(Q3, tmp_path / "q3.xlsx")
    with pytest.raises(
        PeriodLocked, match="Quý III/2025 đã nộp báo cáo phiên bản 1 ngày 21/11/2026"
    ):
        ValuesService(ctx).set_value("infra.bts", "2025-08", 5)
    with pytest.raises(PeriodLocked, match="phiên bản 1"):
        records.create(
            "activities",
            {"team_code": "TO1", "date": "05/08/2025", "type": "vneid", "people_supported": 3},
        )
    with pytest.raises(PeriodLocked, match="phiên bản 1"):
        CommuneService(ctx).set_cutoff_mode(Mode.DECREE09)
    with pytest.raises(PeriodLocked, match="cần mở khóa kỳ này trước"):
        ReportService(ctx).export(Q3, tmp_path / "again.xlsx")
    assert not (tmp_path / "again.xlsx").exists()
    ValuesService(ctx).set_value("infra.bts", "2025-10", 5)  # outside the period: fine
    records.create(
        "activities",
        {"team_code": "TO1", "date": "05/10/2025", "type": "vneid", "people_supported": 3},
    )


def test_unlock_needs_a_reason_and_a_supervisor(ctx, values, supervisor, tmp_path):
    ReportService(ctx).export(Q3, tmp_path / "q3.xlsx")
    with pytest.raises(ServiceError, match="lý do"):
        ReportService(supervisor).unlock(Q3, "   ")
    with pytest.raises(NotAllowed, match="tester"):
        ReportService(ctx).unlock(Q3, "sửa số liệu")  # an officer may not
    with pytest.raises(ServiceError, match="không bị khóa"):
        ReportService(supervisor).unlock(Period.parse("2025-Q2"), "nhầm kỳ")
    assert ReportService(ctx).status(Q3).locked


def test_unlock_then_resubmit_as_version_2(ctx, values, supervisor, tmp_path):
    service = ReportService(ctx)
    first = service.export(Q3, tmp_path / "q3.xlsx")
    status = ReportService(supervisor).unlock(Q3, "Sai số hồ sơ trực tiếp tháng 9")
    assert status.state is ReportState.UNLOCKED and status.label() == "đã mở khóa"
    assert status.version == 1 and status.unlock_reason == "Sai số hồ sơ trực tiếp tháng 9"
    (entry,) = [e for e in trail(ctx, entity="report") if e.action == "unlock"]
    assert entry.reason == "Sai số hồ sơ trực tiếp tháng 9" and entry.actor == "lanhdao"
    with ctx.sessions.begin() as s:
        lock = s.execute(select(PeriodLock)).scalar_one()
        assert (lock.unlocked_by, lock.unlock_reason) == ("lanhdao", entry.reason)
    values.set_value("tthc.received_direct", "2025-09", 150)  # open again: the fix is allowed
    second = service.export(Q3, tmp_path / "q3.xlsx")
    assert second.version == 2 and second.sha256 != first.sha256
    assert service.status(Q3).label() == "đã nộp v2"
    assert [s.version for s in service.submissions(Q3)] == [1, 2]
    assert read_data_sheet(second.path).get("version") == "2"
    assert read_data_sheet(second.path).number("tthc.received_direct") == 150
    assert counts(ctx) == (2, 2)


def test_a_clerk_cannot_submit(ctx, values, tmp_path):
    clerk = replace(ctx, actor=Actor("nhaplieu", "clerk"))
    with pytest.raises(NotAllowed):
        ReportService(clerk).export(Q3, tmp_path / "q3.xlsx")
    assert ReportService(clerk).export(Q3, tmp_path / "nhap.xlsx", draft=True).version is None


def test_a_file_that_cannot_be_written_records_nothing(ctx, values, out, monkeypatch):
    target = out / "q3.xlsx"
    target.write_bytes(b"open in Excel")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ServiceError, match=r"q3\.xlsx: tệp đang được mở"):
        ReportService(ctx).export(Q3, target)
    monkeypatch.undo()
    assert target.read_bytes() == b"open in Excel"
    assert counts(ctx) == (0, 0)
    assert sorted(p.name for p in out.iterdir()) == ["q3.xlsx"]
    assert ReportService(ctx).status(Q3).state is ReportState.ENTERING


def test_a_failure_after_writing_puts_the_previous_file_back(ctx, values, out, monkeypatch):
    target = out / "q3.xlsx"
    target.write_bytes(b"the previous version")
    fresh = out / "new.xlsx"

    def broken(session, entries):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(reports_module.audit_repo, "add_entries", broken)
    with pytest.raises(RuntimeError):
        ReportService(ctx).export(Q3, target)
    with pytest.raises(RuntimeError):
        ReportService(ctx).export(Q3, fresh)
    monkeypatch.undo()
    assert target.read_bytes() == b"the previous version"
    assert not fresh.exists()
    assert sorted(p.name for p in out.iterdir()) == ["q3.xlsx"]
    assert counts(ctx) == (0, 0)


@pytest.mark.parametrize("key", ["2025-09", "2025-H2", "2025"])
def test_month_half_and_year_reports(ctx, values, tmp_path, key):
    period = Period.parse(key)
    result = ReportService(ctx).export(period, tmp_path / f"{key}.xlsx")
    assert result.version == 1
    assert ReportService(ctx).status(period).label() == "đã nộp v1"
    sheet = load_workbook(result.path)["Báo cáo"]
    assert sheet["A8"].value.endswith(period.subject_label())
    months = {"2025-09": 1, "2025-H2": 6, "2025": 12}[key]
    online = load_workbook(result.path)["Biểu 03"]
    header = next(r for r in online.iter_rows() if r[0].value == "STT")
    assert len([c for c in header if c.value]) == 3 + months + (1 if months > 1 else 0)


def test_a_month_inside_a_submitted_quarter_shows_the_quarter_lock(ctx, values, tmp_path):
    ReportService(ctx).export(Q3, tmp_path / "q3.xlsx")
    status = ReportService(ctx).status(Period.parse("2025-09"))
    assert status.state is ReportState.ENTERING
    assert status.covered_by is not None and status.covered_by.period == Q3


def test_settings_fill_the_heading_and_the_signature(ctx, values, tmp_path):
    CommuneService(ctx).set_settings(
        {
            "signer_name": "Nguyễn Văn Bình",
            "signer_title": "PHÓ CHỦ TỊCH",
            "signer_capacity": "KT. CHỦ TỊCH",
            "preparer_name": "Lê Thị Hoa",
            "report_place": "Thiệu Trung",
            "report_number_prefix": "BC-UBND",
            "recipients": "UBND tỉnh Thanh Hóa\nSở KH&CN",
        }
    )
    path = ReportService(ctx).export(Q3, tmp_path / "q3.xlsx", draft=True).path
    sheet = load_workbook(path)["Báo cáo"]
    texts = {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert "Thiệu Trung, ngày 21 tháng 11 năm 2026" in texts
    assert {"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình", "Lê Thị Hoa"} <= texts
    assert {"- UBND tỉnh Thanh Hóa;", "- Sở KH&CN;", "- Lưu: VT."} <= texts
    assert "XÃ THIỆU TRUNG" in texts


def test_writing_to_a_missing_folder_is_explained(ctx, values, tmp_path):
    with pytest.raises(ServiceError, match="không có thư mục"):
        ReportService(ctx).export(Q3, tmp_path / "khong-co" / "q3.xlsx")
    assert counts(ctx) == (0, 0)


def test_the_service_file_is_the_one_recorded(ctx, values, tmp_path):
    result = ReportService(ctx).export(Q3, Path(tmp_path) / "q3.xlsx")
    with ctx.sessions.begin() as s:
        stored = s.execute(select(Submission.sha256)).scalar_one()
    assert stored == result.sha256 == atomic.file_sha256(result.path)


def test_infrastructure_per_village_where_recorded(ctx, out):
    records = RecordService(ctx)
    records.create("villages", {"code": "T01", "name": "Thôn Đông"})
    records.create("villages", {"code": "T02", "name": "Thôn Tây"})
    ids = {r["code"]: r.id for r in records.list("villages")}
    ValuesService(ctx).save(
        [
            ValueChange("infra.bts", "2025-08", 1, village_id=ids["T01"]),
            ValueChange("infra.bts", "2025-09", 2, village_id=ids["T01"]),
            ValueChange("infra.wifi_points", "2025-09", 3, village_id=ids["T02"]),
        ]
    )
    path = ReportService(ctx).export(Q3, out / "q3.xlsx", draft=True).path
    sheet = load_workbook(path)["Biểu 04"]
    rows = {r[1].value: r for r in sheet.iter_rows() if r[1].value in ("Thôn Đông", "Thôn Tây")}
    header = next(r for r in sheet.iter_rows() if r[1].value == "Thôn, tổ dân phố")
    columns = {c.value.split(" (")[0]: c.column - 1 for c in header if c.value}
    bts = columns["Số trạm BTS trên địa bàn"]
    wifi = columns["Số điểm wifi công cộng miễn phí"]
    assert rows["Thôn Đông"][bts].value == 2  # a stock: the last month's value
    assert rows["Thôn Tây"][wifi].value == 3 and rows["Thôn Tây"][bts].value is None
