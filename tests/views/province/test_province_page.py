"""A province account on a database of many communes: the log-in opens the province view,
read only, with every commune's status for the period chosen and the consolidated indicators
(issue 19)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from commune_desk.app import Session, open_for_login
from commune_desk.domain.periods import Period
from commune_desk.services.accounts import AccountService
from commune_desk.services.errors import NotAllowed
from commune_desk.services.permissions import Action
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.province.page import ProvinceWindow
from commune_desk.views.province.table_model import CommuneColumn, IndicatorColumn
from commune_desk.views.shell.login_dialog import LoginDialog
from commune_desk.views.widgets.roles import can
from tests.support.accounts import as_role
from tests.support.common import FIXED_NOW
from tests.support.communes import A_CODE, A_NAME, B_CODE, B_NAME, two_communes
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle

Q3 = Period.parse("2026-Q3")  # the latest quarter ended on FIXED_NOW (November 2026)


@pytest.fixture
def province_db(tmp_path) -> str:
    """A submits 2026-Q3 (version 1); B is still entering; a province account."""
    location = str(tmp_path / "tinh.sqlite3")
    made = two_communes(location)
    try:
        ValuesService(made.a).save(
            [
                ValueChange("tthc.received_online", "2026-09", 1168),
                ValueChange("tthc.received_direct", "2026-09", 140),
            ]
        )
        ReportService(made.a).export(Q3, tmp_path / "a.xlsx")
        ValuesService(made.b).save([ValueChange("tthc.received_online", "2026-09", 500)])
        AccountService(as_role(made.db.context, "system")).add(
            "tinh.thanhhoa", "officer", "mat-khau-tinh-1", "Sở Nội vụ", province=True
        )
    finally:
        made.close()
    return location


def _cell(model, row: int, column) -> str:
    return model.index(row, int(column)).data()


def test_a_province_account_sees_every_commune_and_the_totals_read_only(
    qtbot, province_db, settings
):
    session = Session(province_db, False, settings, FakeDialogs(), lambda _language: None)
    session.opened = open_for_login(province_db, demo=False)
    try:
        dialog = LoginDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        session.offer(dialog)
        qtbot.keyClicks(dialog.ui.username_edit, "tinh.thanhhoa")
        qtbot.keyClicks(dialog.ui.password_edit, "mat-khau-tinh-1")
        with qtbot.waitSignal(dialog.accepted):
            qtbot.mouseClick(dialog.ui.login_button, Qt.MouseButton.LeftButton)
        ctx = session.logged_in(dialog.account)
        ctx.clock = lambda: FIXED_NOW
        assert session.opened.profile is None  # no commune of its own
        with pytest.raises(NotAllowed):  # read only, whatever the account's row says
            ValuesService(ctx.for_commune(A_CODE)).set_value("infra.bts", "2026-09", 4)

        window = session.main_window(ctx, None, None)  # as the log-in opens it
        assert isinstance(window, ProvinceWindow)
        qtbot.addWidget(window)
        window.show()
        wait_idle(qtbot)
        page = window.page
        assert page.period == Q3
        communes = page.communes
        assert communes.rowCount() == 2
        assert [_cell(communes, r, CommuneColumn.CODE) for r in range(2)] == [A_CODE, B_CODE]
        assert [_cell(communes, r, CommuneColumn.NAME) for r in range(2)] == [A_NAME, B_NAME]
        statuses = [_cell(communes, r, CommuneColumn.STATUS) for r in range(2)]
        assert statuses == ["đã nộp lần 1", "đang nhập"]
        assert "2 xã, 1 xã đã nộp" in page.summary_label.text()
        rows = {row.code: i for i, row in enumerate(page.indicators.rows)}
        online = rows["ind.online_records_pct"]  # 1168 of 1308 received online: A's alone
        shown = _cell(page.indicators, online, IndicatorColumn.VALUE)
        assert shown == "89,3"
        assert _cell(page.indicators, online, IndicatorColumn.COVERED) == "1/2 xã"

        page.period_combo.setCurrentIndex(page.period_combo.findData("2026-Q2"))
        qtbot.waitUntil(lambda: page.overview is not None and page.overview.period.key == "2026-Q2")
        statuses = [_cell(communes, r, CommuneColumn.STATUS) for r in range(2)]
        assert statuses == ["chưa có số liệu", "chưa có số liệu"]
        assert _cell(page.indicators, online, IndicatorColumn.VALUE) == ""
        table = page.communes_table
        assert not page.view_button.isEnabled()
        rect = table.visualRect(communes.index(1, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert page.view_button.isEnabled()
        qtbot.mouseClick(page.view_button, Qt.MouseButton.LeftButton)  # «Xem số liệu xã…»
        qtbot.waitUntil(lambda: len(window.commune_windows) == 1)
        commune = window.commune_windows[0]
        assert B_NAME in commune.ui.commune_label.text()
        assert not commune.ui.logout_button.isVisible()
        assert "Cán bộ tỉnh (chỉ xem)" in commune.ui.account_label.text()
        assert not can(ctx, Action.EDIT_DATA)  # so its pages offer no editing
        commune.close()
        qtbot.waitUntil(lambda: window.commune_windows == [])
        session.log_out(ctx)  # as closing the window does: recorded, without a commune
        wait_idle(qtbot)
    finally:
        session.close()


def test_the_province_view_fits_an_office_screen(qtbot, province_db):
    opened = open_for_login(province_db, demo=False)
    try:
        window = ProvinceWindow(opened.db.context)
        qtbot.addWidget(window)
        assert window.width() <= 1366 and window.height() <= 768 - 40
        assert window.minimumSizeHint().width() <= 1366
        wait_idle(qtbot)
    finally:
        opened.db.close()
