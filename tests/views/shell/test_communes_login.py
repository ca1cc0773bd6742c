"""The log-in on a database of several communes: each account's window works for its own
commune, read after the log-in off the UI thread; two windows of one commune on a server
never lose a save (issue 19)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from commune_desk.app import Session, open_for_login
from commune_desk.services.accounts import AccountService
from commune_desk.services.commune import CommuneService
from commune_desk.services.values import ValuesService
from commune_desk.views.kernel import ChangeBus
from commune_desk.views.monthly.page import MonthlyGridPage
from commune_desk.views.shell.compose import build_main_window
from commune_desk.views.shell.login_dialog import LoginDialog
from tests.support.accounts import as_role
from tests.support.common import FIXED_NOW
from tests.support.communes import A_CODE, A_NAME, B_CODE, B_NAME, two_communes
from tests.support.fakes import FakeDialogs
from tests.support.grid import go, stored, type_value
from tests.support.kernel import wait_idle

MONTH = "2026-11"
CODE = "pop.population"


def _clerks(location: str, clerks: dict[str, str]) -> None:
    """Two communes in the database, A's value 5000 and B's 7000, and clerks of each
    (name -> commune code)."""
    made = two_communes(location)
    try:
        for ctx, value in ((made.a, 5000), (made.b, 7000)):
            ValuesService(ctx).set_value(CODE, MONTH, value)
        for name, code in clerks.items():
            ctx = made.a if code == A_CODE else made.b
            AccountService(as_role(ctx, "system")).add(name, "clerk", f"mat-khau-{name}", name)
    finally:
        made.close()


def _log_in(qtbot, location: str, settings, username: str):
    """A session of its own (its own engine), its login typed in as the clerk would."""
    session = Session(location, False, settings, FakeDialogs(), lambda _language: None)
    session.opened = open_for_login(location, demo=False)
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    session.offer(dialog)
    assert "2 xã" in dialog.ui.commune_label.text()
    qtbot.keyClicks(dialog.ui.username_edit, username)
    qtbot.keyClicks(dialog.ui.password_edit, f"mat-khau-{username}")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ui.login_button, Qt.MouseButton.LeftButton)
    ctx = session.logged_in(dialog.account)
    ctx.clock = lambda: FIXED_NOW
    return session, ctx


def _grid(qtbot, ctx) -> MonthlyGridPage:
    page = MonthlyGridPage(ctx, FakeDialogs())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    wait_idle(qtbot)
    return page


def _shown(page: MonthlyGridPage) -> str:
    return page.model.index_of(CODE, MONTH).data().replace(".", "")


def test_each_clerk_sees_and_saves_only_the_figures_of_their_commune(
    qtbot, tmp_path, settings, monkeypatch
):
    location = str(tmp_path / "tinh.sqlite3")
    _clerks(location, {"lan": A_CODE, "thuy": B_CODE})
    threads: list[threading.Thread] = []
    reading = CommuneService.profile

    def spy(self):
        threads.append(threading.current_thread())
        return reading(self)

    monkeypatch.setattr(CommuneService, "profile", spy)
    expected = {"lan": (A_CODE, A_NAME, "5000", "5010"), "thuy": (B_CODE, B_NAME, "7000", "7020")}
    sessions = []
    try:
        for username, (code, name, before, typed) in expected.items():
            session, ctx = _log_in(qtbot, location, settings, username)
            sessions.append(session)
            assert session.opened.profile.code == code
            window = build_main_window(ctx, session.opened.profile, settings, FakeDialogs())
            qtbot.addWidget(window)
            assert name in window.ui.commune_label.text()
            page = _grid(qtbot, ctx)
            assert _shown(page) == before  # its own commune's figure, not the other's
            go(page, CODE, MONTH)
            type_value(qtbot, page, typed)
            assert stored(ctx, MONTH)[CODE] == int(typed)
        assert threads and threading.main_thread() not in threads
        check = open_for_login(location, demo=False).db
        try:
            a, b = check.context.for_commune(A_CODE), check.context.for_commune(B_CODE)
            assert stored(a, MONTH)[CODE] == 5010 and stored(b, MONTH)[CODE] == 7020
        finally:
            check.close()
    finally:
        for session in sessions:
            session.close()


@pytest.mark.usefixtures("postgres_server")
def test_two_windows_on_a_server_refuse_a_stale_save_naming_who_saved(
    qtbot, postgres_db, settings, monkeypatch
):
    _clerks(postgres_db, {"lan": A_CODE, "mai": A_CODE})
    first, lan = _log_in(qtbot, postgres_db, settings, "lan")
    second, mai = _log_in(qtbot, postgres_db, settings, "mai")
    try:
        assert first.db.engine is not second.db.engine
        lan_page = _grid(qtbot, lan)  # Lan shows the month: 5000
        mai_page = _grid(qtbot, mai)
        go(mai_page, CODE, MONTH)
        # Mai's window stands for another PC: what it announces never reaches Lan's window
        # (in one process they would share the change bus and Lan's grid would reload).
        monkeypatch.setattr(ChangeBus, "publish", lambda *_args: None)
        type_value(qtbot, mai_page, "5120")  # Mai saves meanwhile, from her own window
        monkeypatch.undo()
        assert stored(mai, MONTH)[CODE] == 5120

        with qtbot.waitActive(lan_page):
            lan_page.activateWindow()  # Lan is back at her own PC
        go(lan_page, CODE, MONTH)
        type_value(qtbot, lan_page, "5010")  # over the 5000 Lan was shown: refused
        message = lan_page.ui.message_label.text()
        assert "mai" in message and "5.120" in message
        assert stored(lan, MONTH)[CODE] == 5120  # Mai's value stays
        assert _shown(lan_page) == "5120"  # and Lan's grid shows it now
    finally:
        first.close()
        second.close()
