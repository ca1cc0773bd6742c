"""First start: the commune's code, name, province and cut-off mode and the supervisor's
account, or the demo data.

The dialog collects the answer; the composition root's `submit(choice, values)` creates the
commune (or opens the demo database) in a kernel write operation while the dialog stays open
with its buttons disabled; the dialog closes once it is done (`outcome` holds what `submit`
returned) and says in its own message line why not when the service refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QWidget

from commune_desk.domain.periods import Mode
from commune_desk.services.errors import ServiceError
from commune_desk.views.accounts.dialog import AccountInput, password_problem
from commune_desk.views.forms.ui_setup_wizard import Ui_SetupWizard
from commune_desk.views.kernel import Changes, Outcome, WriteOp
from commune_desk.views.shell.login_dialog import CONNECT_SERVER

CUTOFF_MODES = (Mode.CALENDAR, Mode.DECREE09)  # the order of cutoff_combo's items
_CODE = re.compile(r"[0-9]{5}")  # the official code of a commune has five digits


class SetupChoice(Enum):
    CREATE = "create"  # create the commune from values()
    DEMO = "demo"  # open the demo data instead


@dataclass(frozen=True)
class SetupValues:
    code: str
    name: str
    province: str
    cutoff_mode: Mode
    supervisor: AccountInput | None = None  # the supervisor's account to create


Submit = Callable[["SetupChoice", "SetupValues | None"], "Changes | Outcome[object]"]


class SetupWizard(QDialog):
    def __init__(self, submit: Submit | None = None, parent: QWidget | None = None) -> None:
        """`submit(choice, values)` runs off the UI thread (a write operation) before the
        dialog closes; without it the dialog only collects the answer."""
        super().__init__(parent)
        self.ui = Ui_SetupWizard()
        self.ui.setupUi(self)
        self._submit = submit
        self.choice: SetupChoice | None = None  # set when the dialog is accepted
        self.outcome: object = None  # what `submit` returned, once it is done
        ui = self.ui
        ui.commune_code_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,5}"), ui.commune_code_edit)
        )
        ui.commune_code_edit.textChanged.connect(self._on_commune_code_edit_text_changed)
        ui.commune_name_edit.textChanged.connect(self._on_commune_name_edit_text_changed)
        ui.province_edit.textChanged.connect(self._on_province_edit_text_changed)
        for edit in (
            ui.supervisor_username_edit,
            ui.supervisor_name_edit,
            ui.supervisor_password_edit,
            ui.supervisor_confirm_edit,
        ):
            edit.textChanged.connect(self._on_supervisor_text_changed)
        ui.demo_button.clicked.connect(self._on_demo_button_clicked)
        ui.start_button.clicked.connect(self._on_start_button_clicked)
        ui.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        ui.server_button.clicked.connect(lambda: self.done(CONNECT_SERVER))  # server_dialog.py
        self._validate()

    def values(self) -> SetupValues:
        """What the user typed, trimmed."""
        ui = self.ui
        return SetupValues(
            ui.commune_code_edit.text().strip(),
            ui.commune_name_edit.text().strip(),
            ui.province_edit.text().strip(),
            CUTOFF_MODES[ui.cutoff_combo.currentIndex()],
            AccountInput(
                username=ui.supervisor_username_edit.text().strip(),
                full_name=ui.supervisor_name_edit.text().strip(),
                role="supervisor",
                password=ui.supervisor_password_edit.text(),
            ),
        )

    def problem(self) -> str:
        """What still stops the commune from being created ("" when nothing does)."""
        values = self.values()
        if not _CODE.fullmatch(values.code):
            if values.code:
                return self.tr("Mã xã gồm 5 chữ số; mới nhập %n chữ số.", "", len(values.code))
            return self.tr("Nhập mã xã (5 chữ số).")
        if not values.name:
            return self.tr("Nhập tên xã.")
        if not values.province:
            return self.tr("Nhập tên tỉnh, thành phố.")
        ui = self.ui
        if len(ui.supervisor_username_edit.text().strip()) < 3:
            return self.tr("Nhập tên đăng nhập của lãnh đạo (ít nhất 3 ký tự).")
        if not ui.supervisor_name_edit.text().strip():
            return self.tr("Nhập họ và tên của lãnh đạo.")
        return password_problem(
            ui.supervisor_password_edit.text(), ui.supervisor_confirm_edit.text()
        )

    # -- slots ---------------------------------------------------------------------------
    def _on_commune_code_edit_text_changed(self, _text: str) -> None:
        self._validate()

    def _on_commune_name_edit_text_changed(self, _text: str) -> None:
        self._validate()

    def _on_province_edit_text_changed(self, _text: str) -> None:
        self._validate()

    def _on_supervisor_text_changed(self, _text: str) -> None:
        self._validate()

    def _on_demo_button_clicked(self) -> None:
        self._finish(SetupChoice.DEMO, None)

    def _on_start_button_clicked(self) -> None:
        if self.problem():  # disabled then; this guards a click from code
            return
        self._finish(SetupChoice.CREATE, self.values())

    def _finish(self, choice: SetupChoice, values: SetupValues | None) -> None:
        submit = self._submit
        if submit is None:
            self.choice = choice
            self.accept()
            return

        def done(outcome: object) -> None:
            self.choice, self.outcome = choice, outcome
            self.accept()

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._validate()  # the start button as the form allows
            self.ui.validation_label.setText(str(exc))

        ui = self.ui
        self.ui.validation_label.setText(self.tr("Đang tạo dữ liệu…"))
        WriteOp(parent=self, op=lambda _task: submit(choice, values), success=done).failure(
            refused
        ).with_busy(ui.start_button, ui.demo_button, ui.cancel_button).run_in_background()

    def _on_cancel_button_clicked(self) -> None:
        self.reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._validate()
        super().changeEvent(event)

    # -- helpers -----------------------------------------------------------------------
    def _validate(self) -> None:
        # The validator lets only digits in, so a code can be incomplete but never wrong: the
        # message guides (no error colour) and OK waits until the form is complete.
        problem = self.problem()
        self.ui.start_button.setEnabled(not problem)
        self.ui.validation_label.setText(problem)
