"""«Kết nối máy chủ…»: a clerk types the server's details; the connection is tried off the UI
thread; a refusal is said in the dialog; a remembered password lives in the keyring only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from commune_desk.services.server_login import (
    KEYRING_SERVICE,
    PasswordStore,
    ServerLogin,
    connect,
)
from commune_desk.views.shell.login_dialog import CONNECT_SERVER, LoginDialog
from commune_desk.views.shell.server_dialog import ServerDialog, choose_server
from commune_desk.views.shell.setup_wizard import SetupWizard
from commune_desk.views.widgets.app_settings import LAST_SERVER
from tests.support.postgres import PostgresServer


def _dialog(qtbot, last: ServerLogin | None = None) -> ServerDialog:
    passwords = PasswordStore()
    dialog = ServerDialog(lambda login, keep: connect(login, passwords, keep), passwords, last)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, dialog: ServerDialog, server: PostgresServer, database: str, password: str):
    ui = dialog.ui
    qtbot.keyClicks(ui.host_edit, server.host)
    ui.port_spin.selectAll()
    qtbot.keyClicks(ui.port_spin, str(server.port))
    qtbot.keyClicks(ui.database_edit, database)
    qtbot.keyClicks(ui.user_edit, server.user)
    qtbot.keyClicks(ui.password_edit, password)


def test_connecting_with_the_password_remembered_in_the_keyring(
    qtbot, postgres_server, postgres_db, keyring_in_memory, settings, tmp_path
):
    database = postgres_db.rsplit("/", 1)[1]
    dialog = _dialog(qtbot)
    assert not dialog.ui.connect_button.isEnabled()  # nothing typed yet
    _type(qtbot, dialog, postgres_server, database, postgres_server.password)
    qtbot.keyClick(dialog.ui.remember_check, Qt.Key.Key_Space)
    assert dialog.ui.remember_check.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.ui.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.login is not None and dialog.location is not None
    assert dialog.location.startswith("postgresql+psycopg://cd_admin:")
    account = f"cd_admin@127.0.0.1:{postgres_server.port}/{database}"
    assert keyring_in_memory.passwords == {(KEYRING_SERVICE, account): postgres_server.password}
    # Opened again for the same server, the dialog has the password from the keyring.
    again = _dialog(qtbot, ServerLogin("127.0.0.1", postgres_server.port, database, "cd_admin"))
    assert again.ui.password_edit.text() == postgres_server.password
    assert again.ui.remember_check.isChecked()


def test_a_wrong_password_is_said_in_the_dialog_and_nothing_is_kept(
    qtbot, postgres_server, postgres_db, keyring_in_memory
):
    dialog = _dialog(qtbot)
    _type(qtbot, dialog, postgres_server, postgres_db.rsplit("/", 1)[1], "sai-mat-khau")
    dialog.ui.remember_check.setChecked(True)
    qtbot.mouseClick(dialog.ui.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "sai tên đăng nhập hoặc mật khẩu" in dialog.message_text(), timeout=20_000
    )
    assert dialog.isVisible() and dialog.location is None
    assert "sai-mat-khau" not in dialog.message_text()
    assert keyring_in_memory.passwords == {}


def test_the_chosen_server_is_kept_for_the_next_start_without_its_password(
    qtbot, postgres_server, postgres_db, settings, tmp_path
):
    database = postgres_db.rsplit("/", 1)[1]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ServerDialog)
        _type(qtbot, dialog, postgres_server, database, postgres_server.password)
        dialog.ui.connect_button.click()

    QTimer.singleShot(0, answer)
    location = choose_server(settings, str(tmp_path / "commune.sqlite3"))
    assert location is not None and postgres_server.password in location  # in memory only
    kept = settings.get(LAST_SERVER)
    assert kept == f"postgresql+psycopg://cd_admin@127.0.0.1:{postgres_server.port}/{database}"
    settings.sync()
    assert postgres_server.password not in (tmp_path / "settings.ini").read_text()


def test_the_log_in_and_the_set_up_offer_the_server(qtbot):
    login = LoginDialog()
    qtbot.addWidget(login)
    login.show()
    login.show_problem("Không mở được cơ sở dữ liệu")  # even then the server can be chosen
    with qtbot.waitSignal(login.finished) as finished:
        qtbot.mouseClick(login.ui.server_button, Qt.MouseButton.LeftButton)
    assert finished.args == [CONNECT_SERVER]
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.finished) as finished:
        qtbot.mouseClick(wizard.ui.server_button, Qt.MouseButton.LeftButton)
    assert finished.args == [CONNECT_SERVER]
