"""The audit trail of a day's work; filters, pages and export; no plain password anywhere."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from commune_desk.data.models import AuditEntry
from commune_desk.domain.periods import Mode, Period
from commune_desk.services.accounts import AccountService, LoginFailed
from commune_desk.services.audit import AuditKind, AuditQuery, AuditRow, AuditService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import system_actor
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.records import RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from tests.support import rawsql

Q3 = Period.parse("2025-Q3")
STAFF = {
    "code": "CB01",
    "full_name": "Lê Thị Hoa",
    "group": "cong_chuc",
    "start_date": "01/03/2018",
    "phone": "0912345678",
}
PASSWORDS = {"lan": "Lan-nhap-lieu-8", "hoa": "Hoa-bao-cao-88", "lanhdao": "Lanh-dao-888"}


@pytest.fixture
def day(ctx, tmp_path, caplog):
    """A day at the commune office, through the services the window calls."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # every statement and parameter
    admin = replace(ctx, actor=system_actor())
    setup = AccountService(admin)
    setup.add("lan", "clerk", PASSWORDS["lan"], "Trần Thị Lan")
    setup.add("hoa", "officer", PASSWORDS["hoa"], "Lê Thị Hoa")
    setup.create_first_supervisor("lanhdao", "Nguyễn Văn Lãnh", PASSWORDS["lanhdao"])

    def session(username: str, password: str | None = None):
        account = AccountService(ctx).login(username, password or PASSWORDS[username])
        return replace(ctx, actor=account.actor())

    with pytest.raises(LoginFailed):
        AccountService(ctx).login("lan", "Hoa-bao-cao-88")  # her colleague's password
    lan = session("lan")
    ValuesService(lan).save([ValueChange("infra.bts", "2025-09", 4)])
    ValuesService(lan).set_value("infra.bts", "2025-09", 5)
    RecordService(lan).create("villages", {"code": "T01", "name": "Thôn Đông"})
    AccountService(lan).change_own_password(PASSWORDS["lan"], "Lan-mat-khau-moi")
    AccountService(lan).logout()
    hoa = session("hoa")
    ReportService(hoa).export(Q3, tmp_path / "q3.xlsx")
    AccountService(hoa).logout()
    boss = session("lanhdao")
    ReportService(boss).unlock(Q3, "Sai số trạm BTS tháng 9")
    AccountService(boss).logout()
    return admin, boss


def test_a_days_work_is_in_the_trail(day):
    _, boss = day
    rows = AuditService(boss).page(AuditQuery(date_from=dt.date(2026, 11, 21))).rows[::-1]
    seen = [(r.actor, r.action, r.entity, r.key) for r in rows]
    assert seen[-13:] == [
        ("lan", "login_failed", "account", "lan"),
        ("lan", "login", "account", "lan"),
        ("lan", "create", "value", "infra.bts@2025-09"),
        ("lan", "update", "value", "infra.bts@2025-09"),
        ("lan", "create", "villages", "T01"),
        ("lan", "password", "account", "lan"),
        ("lan", "logout", "account", "lan"),
        ("hoa", "login", "account", "hoa"),
        ("hoa", "submit", "report", "2025-Q3"),
        ("hoa", "logout", "account", "hoa"),
        ("lanhdao", "login", "account", "lanhdao"),
        ("lanhdao", "unlock", "report", "2025-Q3"),
        ("lanhdao", "logout", "account", "lanhdao"),
    ]
    by_action = {r.action: r for r in rows}
    figure = rows[-10]
    assert (figure.period, figure.old, figure.new) == ("2025-09", "4", "5")
    assert by_action["unlock"].reason == "Sai số trạm BTS tháng 9"
    assert by_action["unlock"].period == "2025-Q3"
    assert by_action["submit"].new and '"version": 1' in by_action["submit"].new
    assert by_action["logout"].actor_name == "Nguyễn Văn Lãnh"


def test_no_plain_password_reaches_the_database_or_the_log(day, db_url, caplog):
    logged = "\n".join(r.getMessage() for r in caplog.get_records("setup"))
    stored = rawsql.stored_bytes(db_url)
    assert "INSERT INTO users" in logged  # the statements were logged, with their values
    for password in [*PASSWORDS.values(), "Lan-mat-khau-moi"]:
        assert password.encode() not in stored
        assert password.encode("utf-16-le") not in stored
        assert password not in logged
    assert b"$argon2id$" in stored


def test_filters_by_person_date_and_kind(day):
    _, boss = day
    audit = AuditService(boss)

    def keys(query: AuditQuery) -> set[tuple[str, str]]:
        return {(r.actor, r.action) for r in audit.page(query).rows}

    assert keys(AuditQuery(actor="hoa")) == {("hoa", "login"), ("hoa", "submit"), ("hoa", "logout")}
    assert keys(AuditQuery(kinds=(AuditKind.REPORT,))) == {("hoa", "submit"), ("lanhdao", "unlock")}
    assert keys(AuditQuery(actor="lan", kinds=(AuditKind.FIGURE, AuditKind.RECORD))) == {
        ("lan", "create"),
        ("lan", "update"),
    }
    logins = keys(AuditQuery(kinds=(AuditKind.LOGIN,)))
    assert ("lan", "login_failed") in logins and ("lan", "password") not in logins
    assert ("lan", "password") in keys(AuditQuery(kinds=(AuditKind.ACCOUNT,)))
    assert keys(AuditQuery(date_to=dt.date(2026, 11, 20))) == set()
    assert keys(AuditQuery(date_from=dt.date(2026, 11, 22))) == set()
    page = audit.page(AuditQuery(), offset=2, limit=3)
    assert len(page.rows) == 3 and page.total == len(audit.list())
    assert page.rows[0].id > page.rows[-1].id  # newest first
    assert ("lan", "Trần Thị Lan") in audit.actors()


def words(rows: list[AuditRow]) -> list[tuple[str, str, str, str, str]]:
    return [(r.text.action, r.text.subject, r.text.period, r.text.old, r.text.new) for r in rows]


def test_a_days_entries_read_in_vietnamese(day):
    admin, boss = day
    rows = AuditService(boss).page(AuditQuery(date_from=dt.date(2026, 11, 21))).rows[::-1]
    said = words(rows[-13:])
    lan = "Tài khoản lan (Trần Thị Lan)"
    bts = "Số liệu «Số trạm BTS trên địa bàn»"
    assert said[:5] == [
        ("Đăng nhập sai", lan, "", "", "Sai mật khẩu, lần thứ 1"),
        ("Đăng nhập", lan, "", "", ""),
        ("Thêm", bts, "Tháng 9/2025", "", "4 trạm"),
        ("Sửa", bts, "Tháng 9/2025", "4 trạm", "5 trạm"),
        (
            "Thêm",
            "Thôn, tổ dân phố: T01",
            "",
            "",
            "Mã thôn: T01; Tên thôn, tổ dân phố: Thôn Đông; Loại: Thôn; Đang hoạt động: có",
        ),
    ]
    assert said[5:7] == [("Đổi mật khẩu", lan, "", "", ""), ("Đăng xuất", lan, "", "", "")]
    submit, unlock = said[8], said[11]
    assert submit[:4] == ("Nộp báo cáo", "Báo cáo Quý III/2025", "Quý III/2025", "")
    assert re.fullmatch(
        r"Phiên bản: 1; Tệp: q3\.xlsx; Số cảnh báo: \d+; Mã kiểm tra SHA-256: [0-9a-f]{12}…",
        submit[4],
    )
    assert unlock == (
        "Mở khóa kỳ báo cáo",
        "Báo cáo Quý III/2025",
        "Quý III/2025",
        "Đã khóa (phiên bản 1)",
        "Đã mở khóa",
    )
    created = words(AuditService(boss).page(AuditQuery(actor=admin.actor.username)).rows)
    assert (
        "Thêm",
        "Tài khoản hoa (Lê Thị Hoa)",
        "",
        "",
        "Vai trò: cán bộ báo cáo; Họ và tên: Lê Thị Hoa",
    ) in created


def test_record_changes_show_only_the_fields_changed_with_their_labels(day):
    admin, boss = day
    records = RecordService(admin)
    staff = records.create("staff", STAFF)
    records.update("staff", staff.id, {"position": "Văn phòng", "end_date": "31/12/2026"})
    records.create("villages", {"code": "T02", "name": "Thôn Tây", "kind": "to_dan_pho"})
    ValuesService(admin).save([ValueChange("infra.bts", "2025-10", 1234)])
    IndicatorService(admin).set_target("infra.bts", 2026, 12)
    IndicatorService(admin).set_target("infra.bts", 2026, None)
    communes = CommuneService(admin)
    communes.update_profile("Xã Thiệu Trung Mới", communes.profile().province)
    communes.set_cutoff_mode(Mode.DECREE09)
    communes.set_settings({"recipients": "UBND tỉnh\nSở Khoa học và Công nghệ"})
    rows = AuditService(boss).page(AuditQuery(actor=admin.actor.username)).rows
    settings, cutoff, profile = words(rows[:3])
    commune = f"Thông tin xã (mã {communes.profile().code})"
    assert settings == (
        "Sửa",
        "Cài đặt báo cáo: Nơi nhận",
        "",
        "",
        "UBND tỉnh; Sở Khoa học và Công nghệ",
    )
    assert cutoff == (
        "Sửa",
        commune,
        "",
        "Cách tính kỳ số liệu: Tháng dương lịch",
        "Cách tính kỳ số liệu: Theo Nghị định 09/2019 (15 tháng trước – 14 tháng này)",
    )
    assert profile[1:] == (commune, "", "Tên xã: Xã Thiệu Trung", "Tên xã: Xã Thiệu Trung Mới")
    said = words(rows[3:])
    assert said[4] == (
        "Sửa",
        "Cán bộ, công chức, viên chức, người lao động: CB01",
        "",
        "Chức vụ: —; Ngày thôi công tác: —",
        "Chức vụ: Văn phòng; Ngày thôi công tác: 31/12/2026",
    )
    assert said[5][4] == (
        "Mã cán bộ: CB01; Họ và tên: Lê Thị Hoa; Nhóm: Công chức; Thành viên Ban Chỉ đạo: không; "
        "Số điện thoại: 0912345678; Ngày bắt đầu công tác: 01/03/2018"
    )
    assert said[3][4].endswith("Loại: Tổ dân phố; Đang hoạt động: có")
    assert said[2][1:] == (
        "Số liệu «Số trạm BTS trên địa bàn»",
        "Tháng 10/2025",
        "",
        "1.234 trạm",
    )
    target = "Chỉ tiêu kế hoạch «Số trạm BTS trên địa bàn»"
    assert said[1] == ("Sửa", target, "Năm 2026", "", "12 trạm")
    assert said[0] == (
        "Sửa",
        target,
        "Năm 2026",
        "12 trạm",
        "Bỏ chỉ tiêu riêng của xã (theo danh mục)",
    )


def test_refused_logins_and_account_management_read_in_words(day, ctx):
    _, boss = day
    accounts = AccountService(ctx)
    for password in ("sai-1", "sai-2", "sai-3", "sai-4", "sai-5", PASSWORDS["hoa"]):
        with pytest.raises(LoginFailed):
            accounts.login("hoa", password)
    with pytest.raises(LoginFailed):
        accounts.login("khong-co-ai", "mat-khau-bat-ky")
    AccountService(boss).reset_password("hoa", "Hoa-mat-khau-moi")
    AccountService(boss).set_active("lan", False)
    with pytest.raises(LoginFailed):
        accounts.login("lan", "Lan-mat-khau-moi")
    said = words(AuditService(boss).page(AuditQuery(), limit=11).rows[::-1])
    hoa, lan = "Tài khoản hoa (Lê Thị Hoa)", "Tài khoản lan (Trần Thị Lan)"
    assert said == [
        *[("Đăng nhập sai", hoa, "", "", f"Sai mật khẩu, lần thứ {n}") for n in range(1, 6)],
        ("Tài khoản bị tạm khóa", hoa, "", "", "Tạm khóa đến 09:35 ngày 21/11/2026"),
        ("Đăng nhập sai", hoa, "", "", "Tài khoản đang bị tạm khóa"),
        (
            "Đăng nhập sai",
            "Tài khoản không rõ",
            "",
            "",
            "Tên đăng nhập không có trong danh sách tài khoản",
        ),
        ("Đặt lại mật khẩu", hoa, "", "", ""),
        ("Vô hiệu hóa tài khoản", lan, "", "", ""),
        ("Đăng nhập sai", lan, "", "", "Tài khoản đã bị vô hiệu hóa"),
    ]


def test_export_to_xlsx(day, tmp_path):
    _, boss = day
    path = tmp_path / "nhat-ky.xlsx"
    written = AuditService(boss).export(AuditQuery(kinds=(AuditKind.REPORT,)), path)
    header, *rows = load_workbook(path).active.iter_rows(values_only=True)
    assert written == 2 and header == (
        "Thời điểm",
        "Tài khoản",
        "Họ và tên",
        "Thao tác",
        "Đối tượng",
        "Kỳ",
        "Giá trị cũ",
        "Giá trị mới",
        "Lý do",
        "Mã thao tác",
        "Loại đối tượng",
        "Khóa",
        "Mã kỳ",
        "Giá trị cũ (dữ liệu gốc)",
        "Giá trị mới (dữ liệu gốc)",
    )
    unlock, submit = rows
    assert unlock[:13] == (
        "21/11/2026 09:30:00",
        "lanhdao",
        "Nguyễn Văn Lãnh",
        "Mở khóa kỳ báo cáo",
        "Báo cáo Quý III/2025",
        "Quý III/2025",
        "Đã khóa (phiên bản 1)",
        "Đã mở khóa",
        "Sai số trạm BTS tháng 9",
        "unlock",
        "report",
        "2025-Q3",
        "2025-Q3",
    )
    assert json.loads(unlock[13]) == {"locked": True, "version": 1}
    assert json.loads(unlock[14]) == {"locked": False}
    assert (submit[1], submit[3], submit[6], submit[8], submit[9]) == (
        "hoa",
        "Nộp báo cáo",
        None,
        None,
        "submit",
    )
    assert submit[7].startswith("Phiên bản: 1; Tệp: q3.xlsx; Số cảnh báo: ")
    assert json.loads(submit[14])["version"] == 1


def test_entries_cannot_be_changed_or_deleted(day):
    admin, _ = day
    for statement in (update(AuditEntry).values(reason="sửa"), delete(AuditEntry)):
        with (
            pytest.raises(DatabaseError, match="audit entries cannot be"),
            admin.sessions.begin() as session,
        ):
            session.execute(statement)
    assert not any(hasattr(AuditService, n) for n in ("delete", "update", "remove", "edit"))
