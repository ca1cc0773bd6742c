"""Every permission, enforced by the services: each role does what it may and nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from commune_desk.domain.periods import Mode, Period
from commune_desk.services.accounts import AccountService
from commune_desk.services.audit import AuditQuery, AuditService
from commune_desk.services.commune import CommuneService
from commune_desk.services.errors import NotAllowed
from commune_desk.services.exports import ExportService
from commune_desk.services.imports import ImportService
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.permissions import ALLOWED, Action
from commune_desk.services.records import RecordQuery, RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.accounts import as_role
from tests.support.common import SAMPLES

Q3 = Period.parse("2025-Q3")
STAFF = {
    "code": "CB01",
    "full_name": "Lê Thị Hoa",
    "group": "cong_chuc",
    "start_date": "01/03/2018",
    "phone": "0912345678",
}


@pytest.fixture
def staff_id(ctx) -> int:
    return RecordService(as_role(ctx, "officer")).create("staff", STAFF).id


def submitted(ctx, tmp_path: Path) -> None:
    ValuesService(as_role(ctx, "officer")).save([ValueChange("infra.bts", "2025-09", 4)])
    ReportService(as_role(ctx, "officer")).export(Q3, tmp_path / "q3.xlsx")


def test_the_table_matches_the_issue():
    roles = {a: sorted(r) for a, r in ALLOWED.items()}
    assert roles == {
        Action.EDIT_DATA: ["clerk", "officer", "system"],
        Action.IMPORT: ["officer", "system"],
        Action.SUBMIT: ["officer", "system"],
        Action.EDIT_SETTINGS: ["officer", "system"],
        Action.UNLOCK: ["supervisor", "system"],
        Action.MANAGE_ACCOUNTS: ["supervisor", "system"],
        Action.READ_AUDIT: ["supervisor", "system"],
        Action.RESTORE: ["supervisor", "system"],
        Action.SEE_PERSONAL: ["officer", "supervisor", "system"],
    }


# -- what each role may do, through the real services ----------------------------------------


def edit_figure(ctx, _staff_id, _tmp):
    ValuesService(ctx).set_value("infra.bts", "2025-10", 5)


def comment_figure(ctx, _staff_id, _tmp):
    ValuesService(as_role(ctx, "officer")).set_value("infra.bts", "2025-11", 5)
    ValuesService(ctx).set_comment("infra.bts", "2025-11", "đã kiểm tra")


def add_record(ctx, _staff_id, _tmp):
    RecordService(ctx).create("villages", {"code": "T09", "name": "Thôn Chín"})


def correct_record(ctx, staff_id, _tmp):
    RecordService(ctx).update("staff", staff_id, {"position": "Văn phòng"})


def delete_record(ctx, staff_id, _tmp):
    RecordService(ctx).delete("staff", staff_id)


def import_list(ctx, _staff_id, _tmp):
    ImportService(ctx).import_file("villages", SAMPLES / "villages.csv")


def submit(ctx, _staff_id, tmp):
    ReportService(ctx).export(Q3, tmp / "nop.xlsx")


def unlock(ctx, _staff_id, tmp):
    submitted(ctx, tmp)
    ReportService(ctx).unlock(Q3, "sửa số liệu tháng 9")


def edit_settings(ctx, _staff_id, _tmp):
    CommuneService(ctx).set_settings({"signer_name": "Lê Văn Hùng"})


def edit_profile(ctx, _staff_id, _tmp):
    CommuneService(ctx).update_profile("Xã Thiệu Trung", "Thanh Hóa")


def change_cutoff(ctx, _staff_id, _tmp):
    CommuneService(ctx).set_cutoff_mode(Mode.DECREE09)


def set_target(ctx, _staff_id, _tmp):
    IndicatorService(ctx).set_target("pop.households", 2026, 80)


def read_audit(ctx, _staff_id, _tmp):
    AuditService(ctx).page(AuditQuery())


def manage_accounts(ctx, _staff_id, _tmp):
    AccountService(ctx).add("moi", "clerk", "mat-khau-moi")


CASES = {
    edit_figure: {"clerk", "officer"},
    comment_figure: {"clerk", "officer"},
    add_record: {"clerk", "officer"},
    correct_record: {"clerk", "officer"},
    delete_record: {"clerk", "officer"},
    import_list: {"officer"},
    submit: {"officer"},
    unlock: {"supervisor"},
    edit_settings: {"officer"},
    edit_profile: {"officer"},
    change_cutoff: {"officer"},
    set_target: {"officer"},
    read_audit: {"supervisor"},
    manage_accounts: {"supervisor"},
}


@pytest.mark.parametrize("role", ["clerk", "officer", "supervisor", "system"])
@pytest.mark.parametrize("case", list(CASES), ids=lambda c: c.__name__)
def test_each_role_does_exactly_what_it_may(ctx, staff_id, tmp_path, role, case):
    acting = as_role(ctx, role)
    if role == "system" or role in CASES[case]:
        case(acting, staff_id, tmp_path)
        return
    with pytest.raises(NotAllowed) as err:
        case(acting, staff_id, tmp_path)
    assert f"«{acting.actor.username}»" in str(err.value)  # names the account...
    assert "không được" in str(err.value)  # ...and what it may not do


def test_a_supervisor_cannot_change_a_figure_and_nothing_is_saved(ctx):
    with pytest.raises(NotAllowed, match="lãnh đạo"):
        ValuesService(as_role(ctx, "supervisor")).save([ValueChange("infra.bts", "2025-09", 9)])
    assert ValuesService(ctx).cells([Period.parse("2025-09")]) == {}


def test_every_role_reads_and_drafts(ctx, tmp_path):
    for role in ("clerk", "officer", "supervisor"):
        acting = as_role(ctx, role)
        assert IndicatorService(acting).compute(Q3).period == Q3
        draft = ReportService(acting).export(Q3, tmp_path / f"{role}.xlsx", draft=True)
        assert draft.version is None and draft.path.exists()


# -- personal data: phone numbers ---------------------------------------------------------------


@pytest.mark.parametrize(("role", "shown"), [("clerk", ""), ("officer", "0912345678")])
def test_phone_numbers_are_shown_to_officers_and_supervisors_only(ctx, staff_id, role, shown):
    service = RecordService(as_role(ctx, role))
    assert service.get("staff", staff_id)["phone"] == shown
    assert service.list("staff")[0]["phone"] == shown
    assert service.page("staff", RecordQuery()).records[0]["phone"] == shown


def test_a_clerk_correcting_a_record_keeps_the_phone_they_cannot_see(ctx, staff_id):
    clerk = RecordService(as_role(ctx, "clerk"))
    record = clerk.get("staff", staff_id)
    clerk.update("staff", staff_id, {**record.values, "position": "Văn phòng"})
    kept = RecordService(as_role(ctx, "supervisor")).get("staff", staff_id)
    assert (kept["position"], kept["phone"]) == ("Văn phòng", "0912345678")


@pytest.mark.parametrize(("role", "found"), [("clerk", []), ("officer", ["CB01"])])
def test_a_search_by_phone_finds_people_only_for_those_who_see_phones(ctx, staff_id, role, found):
    service = RecordService(as_role(ctx, role))
    for typed in ("0912345678", "345"):
        page = service.page("staff", RecordQuery(search=typed))
        assert [r["code"] for r in page.records] == found and page.total == len(found)
    assert [r["code"] for r in service.page("staff", RecordQuery(search="hoa")).records] == ["CB01"]


@pytest.mark.parametrize(("role", "has_phone"), [("clerk", False), ("supervisor", True)])
def test_list_exports_carry_phone_numbers_only_for_those_who_see_them(
    ctx, staff_id, tmp_path, role, has_phone
):
    path = tmp_path / "staff.xlsx"
    ExportService(as_role(ctx, role)).export_list("staff", RecordQuery(), path)
    cells = [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row]
    assert ("Số điện thoại" in cells) is has_phone
    assert ("0912345678" in cells) is has_phone
