"""The Tài khoản section (supervisors): the accounts, add, reset a password, disable/enable.

Accounts are never deleted: a disabled account keeps its name in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from commune_desk.services.accounts import Account, AccountService
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.views.accounts.dialog import AccountDialog, AccountForm, AccountInput, run_form
from commune_desk.views.forms.ui_accounts_page import Ui_AccountsPage
from commune_desk.views.kernel import Changes, Kind, QueryOp, WriteOp, kernel
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill
from commune_desk.views.widgets.roles import role_title
from commune_desk.views.widgets.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    STATE = 3
    CREATED = 4


HEADERS = {
    Column.USERNAME: QT_TRANSLATE_NOOP("AccountsModel", "Tên đăng nhập"),
    Column.FULL_NAME: QT_TRANSLATE_NOOP("AccountsModel", "Họ và tên"),
    Column.ROLE: QT_TRANSLATE_NOOP("AccountsModel", "Vai trò"),
    Column.STATE: QT_TRANSLATE_NOOP("AccountsModel", "Trạng thái"),
    Column.CREATED: QT_TRANSLATE_NOOP("AccountsModel", "Ngày tạo"),
}


class AccountsModel(RowsModel[Account]):
    columns = Column
    context = "AccountsModel"
    headers = HEADERS

    def __init__(self, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = now

    def state_text(self, account: Account) -> str:
        if not account.active:
            return self.tr("Đã vô hiệu hóa")
        if account.locked_until is not None and account.locked_until > self.now:
            return fill(self.tr("Tạm khóa đến %1"), f"{account.locked_until:%H:%M}")
        return self.tr("Đang hoạt động")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self.valid(index):
            return None
        account = self.row_at(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.USERNAME:
                return account.username
            if column is Column.FULL_NAME:
                return account.full_name
            if column is Column.ROLE:
                return role_title(account.role)
            if column is Column.STATE:
                return self.state_text(account)
            return account.created_at.strftime("%d/%m/%Y")
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return Qt.GlobalColor.gray
        return None


class AccountsPage(QWidget):
    def __init__(
        self, ctx: ServiceContext, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountsPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._dialogs = dialogs
        self._service = AccountService(ctx)
        self._model = AccountsModel(ctx.now(), self)
        ui = self.ui
        ui.accounts_table.setModel(self._model)
        ui.accounts_table.verticalHeader().hide()
        ui.accounts_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.accounts_table.horizontalHeader().setStretchLastSection(True)
        ui.accounts_table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        ui.add_button.clicked.connect(self._on_add_button_clicked)
        ui.reset_button.clicked.connect(self._on_reset_button_clicked)
        ui.active_button.clicked.connect(self._on_active_button_clicked)
        kernel().bus.subscribe(self, (Kind.ACCOUNTS,), lambda _changes: self.refresh())
        self.refresh()

    @property
    def model(self) -> AccountsModel:
        return self._model

    def refresh(self, select: str | None = None) -> None:
        """Read the accounts again (off the UI thread), keeping the chosen one."""
        current = self.current_account()
        chosen = select or (current.username if current is not None else None)
        service = self._service
        QueryOp(
            parent=self,
            op=lambda _task: service.accounts(),
            success=lambda accounts: self._show(accounts, chosen),
        ).failure(self._warn).key("accounts").run_in_background()

    def _show(self, accounts: list[Account], chosen: str | None) -> None:
        self._model.now = self._ctx.now()
        self._model.set_rows(accounts)
        if chosen is not None:
            self.select(chosen)
        self._update_buttons()

    def _warn(self, exc: Exception) -> None:
        if not isinstance(exc, ServiceError):
            raise exc
        self._dialogs.warn(self, self.tr("Tài khoản"), str(exc))

    def select(self, username: str) -> None:
        for row, account in enumerate(self._model.rows):
            if account.username == username:
                self.ui.accounts_table.setCurrentIndex(self._model.index(row, 0))

    def current_account(self) -> Account | None:
        index = self.ui.accounts_table.currentIndex()
        return self._model.row_at(index.row()) if index.isValid() else None

    # -- slots ---------------------------------------------------------------------------
    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _on_add_button_clicked(self) -> None:
        def submit(value: AccountInput) -> None:
            self._service.add(value.username, value.role, value.password, value.full_name)

        added = run_form(AccountDialog(AccountForm.NEW, submit, parent=self))
        if added is not None:
            self.refresh(select=added.username.lower())

    def _on_reset_button_clicked(self) -> None:
        account = self.current_account()
        if account is None:
            return

        def submit(value: AccountInput) -> None:
            self._service.reset_password(account.username, value.password)

        if run_form(AccountDialog(AccountForm.RESET, submit, account.username, self)):
            self.refresh()  # a lock-out was lifted

    def _on_active_button_clicked(self) -> None:
        account = self.current_account()
        if account is None:
            return
        if account.active:
            question = fill(
                self.tr(
                    "Vô hiệu hóa tài khoản «%1»? Người này sẽ không đăng nhập được nữa; tên vẫn "
                    "giữ trong nhật ký thay đổi."
                ),
                account.username,
            )
            if not self._dialogs.confirm(self, self.tr("Vô hiệu hóa tài khoản"), question):
                return
        service, username, active = self._service, account.username, not account.active

        def write(_task: object) -> Changes:
            service.set_active(username, active)
            return Changes.of(Kind.ACCOUNTS)

        def refused(exc: Exception) -> None:
            self._warn(exc)
            self.refresh()

        WriteOp(parent=self, op=write, success=lambda _c: self.refresh()).failure(
            refused
        ).with_busy(self.ui.active_button).run_in_background()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._model.retranslate()
            self._update_buttons()
        super().changeEvent(event)

    # -- helpers -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ui = self.ui
        account = self.current_account()
        ui.reset_button.setEnabled(account is not None)
        ui.active_button.setEnabled(
            account is not None and account.username != self._ctx.actor.username
        )
        active = account is None or account.active
        ui.active_button.setText(self.tr("&Vô hiệu hóa") if active else self.tr("&Kích hoạt lại"))
