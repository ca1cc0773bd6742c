"""The login: username and password, refusals shown inline (tries left, locked until HH:MM).

The dialog calls the accounts service (which records every attempt) and keeps the account
that logged in; the composition root then opens the main window for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from commune_desk.services.accounts import (
    MAX_ATTEMPTS,
    Account,
    AccountService,
    LoginFailed,
    LoginRefusal,
)
from commune_desk.services.errors import ServiceError
from commune_desk.views.forms.ui_login_dialog import Ui_LoginDialog
from commune_desk.views.widgets.i18n import fill

ERROR_STYLE = "color: #b3261e;"  # a colour only: the font follows the system


class LoginDialog(QDialog):
    def __init__(
        self, accounts: AccountService, commune: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._accounts = accounts
        self._commune = commune
        self.account: Account | None = None  # set when the login succeeds
        ui = self.ui
        ui.error_label.setStyleSheet(ERROR_STYLE)
        ui.error_label.hide()
        ui.commune_label.setText(commune)
        ui.commune_label.setVisible(bool(commune))
        ui.show_password_check.toggled.connect(self._on_show_password_check_toggled)
        ui.username_edit.textChanged.connect(self._on_input_changed)
        ui.password_edit.textChanged.connect(self._on_input_changed)
        ui.login_button.clicked.connect(self._on_login_button_clicked)
        ui.quit_button.clicked.connect(self.reject)
        ui.username_edit.setFocus()
        self._on_input_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.adjustSize()

    def error_text(self) -> str:
        """The refusal shown under the form ("" when none)."""
        return "" if self.ui.error_label.isHidden() else self.ui.error_label.text()

    # -- slots ---------------------------------------------------------------------------
    def _on_show_password_check_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.password_edit.setEchoMode(mode)

    def _on_input_changed(self, _text: str = "") -> None:
        ui = self.ui
        ui.login_button.setEnabled(
            bool(ui.username_edit.text().strip() and ui.password_edit.text())
        )

    def _on_login_button_clicked(self) -> None:
        ui = self.ui
        if not ui.login_button.isEnabled():
            return
        try:
            self.account = self._accounts.login(ui.username_edit.text(), ui.password_edit.text())
        except LoginFailed as exc:
            self._show_error(self._refusal_text(exc))
            ui.password_edit.clear()
            ui.password_edit.setFocus()
            return
        except ServiceError as exc:  # the database cannot be written, for one
            self._show_error(str(exc))
            return
        ui.password_edit.clear()
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.ui.commune_label.setText(self._commune)
        super().changeEvent(event)

    # -- helpers -------------------------------------------------------------------------
    def _refusal_text(self, exc: LoginFailed) -> str:
        if exc.refusal is LoginRefusal.LOCKED and exc.locked_until is not None:
            text = self.tr(
                "Tài khoản tạm khóa đến %1 vì nhập sai mật khẩu %2 lần. Hãy thử lại sau."
            )
            return fill(text, exc.locked_until.strftime("%H:%M"), MAX_ATTEMPTS)
        if exc.refusal is LoginRefusal.DISABLED:
            return self.tr("Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ lãnh đạo UBND xã.")
        if exc.remaining is not None:
            return self.tr(
                "Sai mật khẩu. Còn %n lần thử trước khi tài khoản bị tạm khóa.", "", exc.remaining
            )
        return self.tr("Sai tên đăng nhập hoặc mật khẩu.")

    def _show_error(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self.adjustSize()
