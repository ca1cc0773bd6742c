"""The audit trail of a day's work; filters, pages and export; no plain password anywhere."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from commune_desk.data.models import AuditEntry
from commune_desk.domain.periods import Period
from commune_desk.services.accounts import AccountService, LoginFailed
from commune_desk.services.audit import AuditKind, AuditQuery, AuditService
from commune_desk.services.context import system_actor
from commune_desk.services.records import RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService

Q3 = Period.parse("2025-Q3")
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


def test_no_plain_password_reaches_the_database_or_the_log(day, db_path, caplog):
    logged = "\n".join(r.getMessage() for r in caplog.get_records("setup"))
    stored = b"".join(p.read_bytes() for p in Path(db_path).parent.glob(Path(db_path).name + "*"))
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


def test_export_to_xlsx(day, tmp_path):
    _, boss = day
    path = tmp_path / "nhat-ky.xlsx"
    written = AuditService(boss).export(AuditQuery(kinds=(AuditKind.REPORT,)), path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert written == 2 and rows[0][:4] == ("Thời điểm", "Tài khoản", "Họ và tên", "Thao tác")
    assert [(r[1], r[3], r[9]) for r in rows[1:]] == [
        ("lanhdao", "unlock", "Sai số trạm BTS tháng 9"),
        ("hoa", "submit", None),
    ]


def test_entries_cannot_be_changed_or_deleted(day):
    admin, _ = day
    for statement in (update(AuditEntry).values(reason="sửa"), delete(AuditEntry)):
        with (
            pytest.raises(DatabaseError, match="audit entries cannot be"),
            admin.sessions.begin() as session,
        ):
            session.execute(statement)
    assert not any(hasattr(AuditService, n) for n in ("delete", "update", "remove", "edit"))
