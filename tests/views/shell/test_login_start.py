"""The login shows at once; the database opens behind it, and a problem is said in it."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from commune_desk.app import Session, open_for_login
from commune_desk.services.accounts import AccountService
from commune_desk.views.shell.login_dialog import LoginDialog
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle


def shown(qtbot, dialog: LoginDialog) -> LoginDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_log_in_asked_before_the_database_is_open_goes_through_once_it_is(qtbot, ctx, accounts):
    dialog = shown(qtbot, LoginDialog())
    dialog.ui.username_edit.setText("lan")
    dialog.ui.password_edit.setText("mat-khau-lan")
    dialog.ui.login_button.click()
    assert dialog.error_text() == "Đang mở cơ sở dữ liệu…" and dialog.account is None
    with qtbot.waitSignal(dialog.accepted):
        dialog.set_ready(AccountService(ctx), "Xã Thiệu Trung — Thanh Hóa")
    assert dialog.account.username == "lan"
    assert dialog.ui.commune_label.text() == "Xã Thiệu Trung — Thanh Hóa"


def test_a_database_that_cannot_be_opened_is_explained_in_the_login(qtbot, tmp_path, settings):
    folder = tmp_path / "khong-phai-tep"
    folder.mkdir()
    opened = open_for_login(str(folder), demo=False)  # as the background operation does
    assert opened.db is None and opened.error is not None and not opened.needs_attention
    session = Session(str(folder), False, settings, FakeDialogs(), lambda _language: None)
    session.opened = opened
    dialog = shown(qtbot, LoginDialog())
    session.offer(dialog)
    assert dialog.error_text().startswith(f"Không mở được cơ sở dữ liệu {folder}")
    assert "tệp nhật ký" in dialog.error_text()
    dialog.ui.username_edit.setText("lan")
    dialog.ui.password_edit.setText("mat-khau-lan")
    assert not dialog.ui.login_button.isEnabled()  # only "Thoát" is left


def test_opening_a_good_database_finds_its_commune_and_its_supervisor(db_path, opened):
    from commune_desk.services.accounts import AccountService as Accounts

    Accounts(opened.context).create_first_supervisor("lanhdao", "Lê Văn Lãnh", "mat-khau-ld-1")
    opened.close()
    found = open_for_login(str(db_path), demo=False)
    try:
        assert found.error is None and not found.needs_attention
        assert (found.exists, found.has_supervisor) == (True, True)
        assert found.title == "Xã Thiệu Trung — Thanh Hóa"
    finally:
        found.db.close()


def test_a_new_database_needs_the_set_up_before_the_login(tmp_path):
    found = open_for_login(str(tmp_path / "moi.sqlite3"), demo=False)
    try:
        assert found.error is None and not found.exists and found.needs_attention
    finally:
        found.db.close()


def test_after_a_log_out_the_login_reads_the_commune_again_off_the_ui_thread(
    qtbot, db_path, opened, settings, monkeypatch
):
    from commune_desk.services.accounts import AccountService as Accounts
    from commune_desk.services.commune import CommuneService

    Accounts(opened.context).create_first_supervisor("lanhdao", "Lê Văn Lãnh", "mat-khau-ld-1")
    opened.close()
    found = open_for_login(str(db_path), demo=False)
    try:
        session = Session(str(db_path), False, settings, FakeDialogs(), lambda _language: None)
        session.opened = found
        found.profile = None  # as after a log-out: the window may have changed the commune
        threads: list[threading.Thread] = []
        reading = CommuneService.profile

        def spy(self):
            threads.append(threading.current_thread())
            return reading(self)

        monkeypatch.setattr(CommuneService, "profile", spy)
        dialog = shown(qtbot, LoginDialog())
        session.offer(dialog)
        wait_idle(qtbot)
        monkeypatch.undo()
        assert threads and threading.main_thread() not in threads
        assert found.profile is not None and found.profile.name == "Xã Thiệu Trung"
        assert dialog.ui.commune_label.text() == "Xã Thiệu Trung — Thanh Hóa"
        qtbot.keyClicks(dialog.ui.username_edit, "lanhdao")
        qtbot.keyClicks(dialog.ui.password_edit, "mat-khau-ld-1")
        with qtbot.waitSignal(dialog.accepted):
            qtbot.mouseClick(dialog.ui.login_button, Qt.MouseButton.LeftButton)
        assert dialog.account.username == "lanhdao"
    finally:
        found.db.close()
