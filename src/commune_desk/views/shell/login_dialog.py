"""The login: username and password, refusals shown inline (tries left, locked until HH:MM).

The dialog shows before the database is open (nothing here imports SQLAlchemy or argon2):
the composition root opens, migrates and checks the database while the user types, then
hands the accounts service over with `set_ready()`, or says what went wrong with
`show_problem()`. A log-in asked before that waits for it. The attempt runs through the
operations kernel (the service records every attempt); the dialog keeps the account that
logged in, and the composition root then opens the main window for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from commune_desk.services.errors import ServiceError
from commune_desk.services.login import MAX_ATTEMPTS, LoginFailed, LoginRefusal
from commune_desk.views.forms.ui_login_dialog import Ui_LoginDialog
from commune_desk.views.widgets.i18n import fill

if TYPE_CHECKING:
    from commune_desk.services.accounts import Account


CONNECT_SERVER = 3  # the log-in's and the set-up's result: «Kết nối máy chủ…» was chosen


class Accounts(Protocol):
    """What the dialog asks of the accounts service."""

    def login(self, username: str, password: str) -> Account: ...


ERROR_STYLE = "color: #b3261e;"  # a colour only: the font follows the system


class LoginDialog(QDialog):
    first_painted = Signal()  # on screen: now the database may be opened behind it

    def __init__(
        self, accounts: Accounts | None = None, commune: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._accounts = accounts  # None until the database is open
        self._commune = commune
        self._waiting = False  # a log-in was asked before the database was open
        self._problem = False
        self._painted = False
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
        ui.server_button.clicked.connect(lambda: self.done(CONNECT_SERVER))  # server_dialog.py
        ui.username_edit.setFocus()
        self._on_input_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.adjustSize()

    def error_text(self) -> str:
        """The refusal shown under the form ("" when none)."""
        return "" if self.ui.error_label.isHidden() else self.ui.error_label.text()

    @property
    def ready(self) -> bool:
        return self._accounts is not None

    def set_ready(self, accounts: Accounts, commune: str) -> None:
        """The database is open: log-ins may go through (one already asked goes now)."""
        self._accounts, self._commune = accounts, commune
        self.ui.commune_label.setText(commune)
        self.ui.commune_label.setVisible(bool(commune))
        if self._waiting:
            self._waiting = False
            self.ui.error_label.hide()
            self._on_login_button_clicked()

    def show_problem(self, text: str) -> None:
        """The database could not be opened: say so here; only "Thoát" is left."""
        self._problem, self._waiting = True, False
        self._show_error(text)
        self._on_input_changed()

    # -- slots ---------------------------------------------------------------------------
    def _on_show_password_check_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.password_edit.setEchoMode(mode)

    def _on_input_changed(self, _text: str = "") -> None:
        ui = self.ui
        ui.login_button.setEnabled(
            not self._problem and bool(ui.username_edit.text().strip() and ui.password_edit.text())
        )

    def _on_login_button_clicked(self) -> None:
        ui = self.ui
        if not ui.login_button.isEnabled():
            return
        if self._accounts is None:  # still opening the database: go on once it is open
            self._waiting = True
            self._show_error(self.tr("Đang mở cơ sở dữ liệu…"), error=False)
            return
        from commune_desk.views.kernel import QueryOp  # not needed to paint the login

        accounts = self._accounts
        username, password = ui.username_edit.text(), ui.password_edit.text()
        QueryOp(
            parent=self,
            op=lambda _task: accounts.login(username, password),
            success=self._on_logged_in,
        ).failure(self._on_refused).with_busy(ui.login_button).run_in_background()

    def _on_logged_in(self, account: Account) -> None:
        self.account = account
        self.ui.password_edit.clear()
        self.accept()

    def _on_refused(self, exc: Exception) -> None:
        ui = self.ui
        if isinstance(exc, LoginFailed):
            self._show_error(self._refusal_text(exc))
            ui.password_edit.clear()
            ui.password_edit.setFocus()
        elif isinstance(exc, ServiceError):  # the database cannot be written, for one
            self._show_error(str(exc))
        else:
            raise exc

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

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

    def _show_error(self, text: str, error: bool = True) -> None:
        self.ui.error_label.setStyleSheet(ERROR_STYLE if error else "")
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self.adjustSize()
