"""The province's live view: every commune's status for a period, its figures, and the totals
of the submitted communes (issue 19)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from commune_desk.domain.periods import Period
from commune_desk.services.accounts import AccountService
from commune_desk.services.commune import CommuneService
from commune_desk.services.errors import NotAllowed
from commune_desk.services.province import province_overview
from commune_desk.services.reports import ReportService, ReportState
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.accounts import as_role
from tests.support.communes import A_CODE, A_NAME, B_CODE, B_NAME, open_as, two_communes

Q3 = Period.parse("2025-Q3")


def test_every_commune_shows_its_status_and_only_submitted_ones_are_totalled(tmp_path):
    made = two_communes(tmp_path / "tinh.sqlite3")
    try:
        ValuesService(made.a).save(
            [
                ValueChange("tthc.received_online", "2025-09", 1168),
                ValueChange("tthc.received_direct", "2025-09", 140),
            ]
        )
        ReportService(made.a).export(Q3, tmp_path / "a.xlsx")  # A submits version 1
        ValuesService(made.b).save([ValueChange("tthc.received_online", "2025-09", 500)])
        third = open_as(tmp_path / "tinh.sqlite3", None)
        try:
            CommuneService(third.context).init("15882", "Xã Thiệu Long", "Thanh Hóa")
            overview = province_overview(third.context, Q3)
        finally:
            third.close()
    finally:
        made.close()
    rows = {row.code: row for row in overview.communes}
    assert [r.code for r in overview.communes] == [A_CODE, B_CODE, "15882"]
    assert (rows[A_CODE].name, rows[B_CODE].name) == (A_NAME, B_NAME)
    assert rows[A_CODE].status.state is ReportState.SUBMITTED
    assert rows[A_CODE].status.version == 1
    assert rows[B_CODE].status.state is ReportState.ENTERING
    assert rows["15882"].status.state is ReportState.EMPTY and rows["15882"].values == {}
    assert rows[A_CODE].values["tthc.received_online"] == 1168
    assert rows[B_CODE].values["tthc.received_online"] == 500  # shown, as a draft
    assert overview.submitted == 1
    assert overview.totals["tthc.received_online"] == 1168  # B's draft left out


def test_a_province_account_acts_read_only_even_on_a_database_of_one_commune(ctx):
    accounts = AccountService(as_role(ctx, "system"))
    accounts.add("tinh.thanhhoa", "officer", "mat-khau-tinh-1", "Sở Nội vụ", province=True)
    clerk = accounts.add("lan", "clerk", "mat-khau-lan", "Trần Thị Lan")
    account = accounts.login("tinh.thanhhoa", "mat-khau-tinh-1")
    assert account.province and not clerk.province
    assert account.actor().role == "province" and clerk.actor().role == "clerk"
    province = replace(ctx, actor=account.actor())
    with pytest.raises(NotAllowed):
        ValuesService(province).set_value("infra.bts", "2025-09", 4)
    assert province_overview(province, Q3).communes[0].status.state is ReportState.EMPTY
