"""One small form for accounts: a new account, the first supervisor, one's own password, a reset.

The dialog checks what it can as the user types (lengths, the two passwords match), then hands
an `AccountInput` to `submit`, a function of the composition root or the page that calls the
accounts service, as a write operation of the kernel (off the UI thread); a refusal it raises
is shown in the dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from commune_desk.services.accounts import MIN_PASSWORD, AccountService
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import ROLES
from commune_desk.views.forms.ui_account_dialog import Ui_AccountDialog
from commune_desk.views.kernel import Changes, Kind, WriteOp
from commune_desk.views.widgets.i18n import fill
from commune_desk.views.widgets.roles import role_title

ERROR_STYLE = "color: #b3261e;"


class AccountForm(Enum):
    NEW = "new"  # username, full name, role, password twice
    FIRST_SUPERVISOR = "first_supervisor"  # as NEW, the role being supervisor
    OWN_PASSWORD = "own_password"  # the current password, the new one twice
    RESET = "reset"  # a new password twice, for another account


@dataclass(frozen=True)
class AccountInput:
    username: str = ""
    full_name: str = ""
    role: str = ""
    old_password: str = ""
    password: str = ""


_ROWS = {
    AccountForm.NEW: ("username", "full_name", "role", "password", "confirm"),
    AccountForm.FIRST_SUPERVISOR: ("username", "full_name", "password", "confirm"),
    AccountForm.OWN_PASSWORD: ("old_password", "password", "confirm"),
    AccountForm.RESET: ("password", "confirm"),
}


def password_problem(password: str, confirm: str) -> str:
    """What is wrong with a new password typed twice ("" when nothing), in the UI language."""
    if len(password) < MIN_PASSWORD:
        text = QCoreApplication.translate(
            "AccountDialog", "Mật khẩu cần ít nhất %1 ký tự (mới có %2)."
        )
        return fill(text, MIN_PASSWORD, len(password))
    if not password.strip():
        return QCoreApplication.translate("AccountDialog", "Mật khẩu không được chỉ gồm dấu cách.")
    if password != confirm:
        return QCoreApplication.translate("AccountDialog", "Hai lần nhập mật khẩu chưa khớp nhau.")
    return ""


class AccountDialog(QDialog):
    def __init__(
        self,
        form: AccountForm,
        submit: Callable[[AccountInput], object],
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountDialog()
        self.ui.setupUi(self)
        self._form = form
        self._submit = submit
        ui = self.ui
        for role in ROLES:
            ui.role_combo.addItem(role_title(role), role)
        ui.role_combo.setCurrentIndex(0)
        shown = _ROWS[form]
        for name in ("username", "full_name", "role", "old_password", "password", "confirm"):
            ui.account_form.setRowVisible(getattr(ui, f"{name}_label"), name in shown)
        titles = {
            AccountForm.NEW: self.tr("Thêm tài khoản"),
            AccountForm.FIRST_SUPERVISOR: self.tr("Tạo tài khoản lãnh đạo"),
            AccountForm.OWN_PASSWORD: self.tr("Đổi mật khẩu"),
            AccountForm.RESET: self.tr("Đặt lại mật khẩu"),
        }
        intros = {
            AccountForm.NEW: self.tr("Mỗi người dùng máy có một tài khoản riêng."),
            AccountForm.FIRST_SUPERVISOR: self.tr(
                "Cơ sở dữ liệu chưa có tài khoản lãnh đạo. Tạo tài khoản lãnh đạo UBND xã; "
                "lãnh đạo sẽ tạo tài khoản cho cán bộ ở mục «Tài khoản»."
            ),
            AccountForm.OWN_PASSWORD: self.tr("Đổi mật khẩu của tài khoản «%1»."),
            AccountForm.RESET: self.tr(
                "Đặt mật khẩu mới cho tài khoản «%1» (tài khoản đang bị tạm khóa sẽ được mở)."
            ),
        }
        self.setWindowTitle(titles[form])
        ui.intro_label.setText(fill(intros[form], username))
        for edit in (ui.username_edit, ui.full_name_edit, ui.old_password_edit):
            edit.textChanged.connect(self._on_input_changed)
        for edit in (ui.password_edit, ui.confirm_edit):
            edit.textChanged.connect(self._on_input_changed)
        ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Lưu"))
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._on_input_changed()

    def value(self) -> AccountInput:
        ui = self.ui
        role = "supervisor" if self._form is AccountForm.FIRST_SUPERVISOR else ""
        return AccountInput(
            username=ui.username_edit.text().strip(),
            full_name=ui.full_name_edit.text().strip(),
            role=role or (ui.role_combo.currentData() if self._form is AccountForm.NEW else ""),
            old_password=ui.old_password_edit.text(),
            password=ui.password_edit.text(),
        )

    def problem(self) -> str:
        """What still stops the form from being saved ("" when nothing does)."""
        ui = self.ui
        shown = _ROWS[self._form]
        if "username" in shown and len(ui.username_edit.text().strip()) < 3:
            return self.tr("Nhập tên đăng nhập (ít nhất 3 ký tự).")
        if "full_name" in shown and not ui.full_name_edit.text().strip():
            return self.tr("Nhập họ và tên.")
        if "old_password" in shown and not ui.old_password_edit.text():
            return self.tr("Nhập mật khẩu hiện tại.")
        return password_problem(ui.password_edit.text(), ui.confirm_edit.text())

    def accept(self) -> None:
        """Submit as a write operation (password hashing and the database off the UI thread);
        the dialog closes once it is stored, or says why not and stays open."""
        if self.problem():
            return
        submit, value = self._submit, self.value()

        def write(_task: object) -> Changes:
            submit(value)
            return Changes.of(Kind.ACCOUNTS)

        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_refused).with_busy(
            ok
        ).run_in_background()

    def _on_saved(self, _changes: Changes) -> None:
        super().accept()

    def _on_refused(self, exc: Exception) -> None:
        if not isinstance(exc, ServiceError):
            raise exc
        self.ui.message_label.setStyleSheet(ERROR_STYLE)  # refused by the service: in red
        self.ui.message_label.setText(str(exc))

    def _on_input_changed(self, _text: str = "") -> None:
        problem = self.problem()  # guidance, not an error: the normal colour
        self.ui.message_label.setStyleSheet("")
        self.ui.message_label.setText(problem)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


def run_form(dialog: AccountDialog) -> AccountInput | None:
    """Show the form modally; what the user saved, or None when they cancelled."""
    try:
        return dialog.value() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def change_own_password(ctx: ServiceContext, parent: QWidget | None = None) -> bool:
    """The logged-in account changes its password; True when it did."""
    service = AccountService(ctx)

    def submit(value: AccountInput) -> None:
        service.change_own_password(value.old_password, value.password)

    form = AccountDialog(AccountForm.OWN_PASSWORD, submit, ctx.actor.username, parent)
    return run_form(form) is not None
