"""«Kết nối máy chủ…»: host, port, database, user and password of a PostgreSQL server.

The connection is tried through the operations kernel, off the UI thread; what goes wrong is
said in the dialog, which stays open. "Ghi nhớ mật khẩu" keeps the password in the operating
system's keyring (services.server_login.PasswordStore) — never in the settings file or a log.
On success `location` holds the database's URL for the composition root to open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QWidget

from commune_desk.services.errors import DatabaseError, ServiceError
from commune_desk.services.server_login import PasswordStore, ServerLogin, connect, login_of
from commune_desk.views.forms.ui_server_dialog import Ui_ServerDialog
from commune_desk.views.kernel import QueryOp
from commune_desk.views.widgets.app_settings import LAST_SERVER, AppSettings

# connect(login, remember) -> the database's location; raises DatabaseError when it cannot.
Connect = Callable[[ServerLogin, bool], str]

ERROR_STYLE = "color: #b3261e;"


class ServerDialog(QDialog):
    def __init__(
        self,
        connect: Connect,
        passwords: PasswordStore,
        last: ServerLogin | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ServerDialog()
        self.ui.setupUi(self)
        self._connect, self._passwords = connect, passwords
        self.location: str | None = None  # set when the connection succeeded
        self.login: ServerLogin | None = None
        ui = self.ui
        ui.message_label.hide()
        if last is not None:
            self._fill(last)
        for edit in (ui.host_edit, ui.database_edit, ui.user_edit, ui.password_edit):
            edit.textChanged.connect(self._on_input_changed)
        ui.connect_button.clicked.connect(self._on_connect_button_clicked)
        ui.cancel_button.clicked.connect(self.reject)
        self._on_input_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _fill(self, last: ServerLogin) -> None:
        ui = self.ui
        ui.host_edit.setText(last.host)
        ui.port_spin.setValue(last.port)
        ui.database_edit.setText(last.database)
        ui.user_edit.setText(last.user)
        kept = last.password or self._passwords.get(last)
        if kept:
            ui.password_edit.setText(kept)
            ui.remember_check.setChecked(True)
        (ui.password_edit if ui.host_edit.text() else ui.host_edit).setFocus()

    def value(self) -> ServerLogin:
        ui = self.ui
        return ServerLogin(
            ui.host_edit.text().strip(),
            ui.port_spin.value(),
            ui.database_edit.text().strip(),
            ui.user_edit.text().strip(),
            ui.password_edit.text(),
        )

    def message_text(self) -> str:
        return "" if self.ui.message_label.isHidden() else self.ui.message_label.text()

    # -- slots ---------------------------------------------------------------------------
    def _on_input_changed(self, _text: str = "") -> None:
        self.ui.connect_button.setEnabled(not self.value().problem())

    def _on_connect_button_clicked(self) -> None:
        login = self.value()
        if login.problem():
            return
        remember = self.ui.remember_check.isChecked()
        connect = self._connect
        self._say(self.tr("Đang kết nối…"), error=False)
        ui = self.ui
        QueryOp(
            parent=self,
            op=lambda _task: connect(login, remember),
            success=lambda location: self._on_connected(login, location),
        ).failure(self._on_refused).with_busy(
            ui.connect_button, ui.host_edit, ui.port_spin, ui.database_edit, ui.user_edit
        ).run_in_background()

    def _on_connected(self, login: ServerLogin, location: str) -> None:
        self.login, self.location = login, location
        self.accept()

    def _on_refused(self, exc: Exception) -> None:
        if not isinstance(exc, DatabaseError | ServiceError):
            raise exc
        self._say(str(exc))
        self.ui.password_edit.setFocus()

    def _say(self, text: str, error: bool = True) -> None:
        self.ui.message_label.setStyleSheet(ERROR_STYLE if error else "")
        self.ui.message_label.setText(text)
        self.ui.message_label.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)


def choose_server(settings: AppSettings, current: str) -> str | None:
    """Show the dialog (filled with the current or the last server); the location chosen.

    The server (never its password) is kept in the settings for the next start."""
    passwords = PasswordStore()
    last = login_of(current) or login_of(settings.get(LAST_SERVER))

    def connect_to(login: ServerLogin, remember: bool) -> str:
        return connect(login, passwords, remember)

    dialog = ServerDialog(connect_to, passwords, last)
    if not dialog.exec() or dialog.location is None or dialog.login is None:
        return None
    settings.set(LAST_SERVER, dialog.login.url(with_password=False))
    return dialog.location
