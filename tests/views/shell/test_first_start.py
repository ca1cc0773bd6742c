"""The composition root on a database without a commune: the set-up wizard's outcomes."""

from __future__ import annotations

import pytest

from commune_desk import app as app_module
from commune_desk import paths
from commune_desk.domain.periods import Mode
from commune_desk.services.accounts import AccountService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.errors import ServiceError
from commune_desk.services.setup import open_database
from commune_desk.views.shell import setup_wizard
from commune_desk.views.shell.setup_wizard import SetupChoice, SetupValues
from tests.support.fakes import FakeDialogs
from tests.support.kernel import settle


@pytest.fixture
def empty_db(db_path):
    db = open_database(db_path, paths.catalogue_file(), Actor("tester"))
    yield db
    db.close()


def answer(monkeypatch, choice, values=None):
    """Make the wizard answer at once as a person would: type the form, press a button, wait
    for the work (a kernel write operation) while the wizard is still open."""

    def exec_(self):
        if choice is None:
            return 0
        if values is not None:
            ui = self.ui
            ui.commune_code_edit.setText(values.code)
            ui.commune_name_edit.setText(values.name)
            ui.province_edit.setText(values.province)
            ui.cutoff_combo.setCurrentIndex(setup_wizard.CUTOFF_MODES.index(values.cutoff_mode))
            ui.supervisor_username_edit.setText("lanhdao")
            ui.supervisor_name_edit.setText("Lê Văn Lãnh")
            ui.supervisor_password_edit.setText("mat-khau-ld-1")
            ui.supervisor_confirm_edit.setText("mat-khau-ld-1")
        button = self.ui.demo_button if choice is SetupChoice.DEMO else self.ui.start_button
        assert button.isEnabled(), self.ui.validation_label.text()
        button.click()
        assert not button.isEnabled()  # while the commune is created
        settle(60.0)
        return self.result()

    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", exec_)


THIEU_TRUNG = SetupValues("15880", "Xã Thiệu Trung", "Thanh Hóa", Mode.DECREE09)


def test_create_records_the_commune(qapp, monkeypatch, empty_db):
    answer(monkeypatch, SetupChoice.CREATE, THIEU_TRUNG)
    db = app_module._first_start(empty_db, FakeDialogs())
    assert db is empty_db
    profile = CommuneService(db.context).profile()
    assert (profile.code, profile.cutoff_mode) == ("15880", Mode.DECREE09)
    assert AccountService(db.context).has_active_supervisor()


def test_a_refusal_is_said_in_the_wizard_which_stays_open(qapp, monkeypatch, empty_db):
    def refuse(self, *args, **kwargs):
        raise ServiceError("Mã xã 15880 đã có.")

    monkeypatch.setattr(CommuneService, "init", refuse)
    wizards: list = []

    def exec_(self):
        wizards.append(self)
        ui = self.ui
        ui.commune_code_edit.setText("15880")
        ui.commune_name_edit.setText("Xã Thiệu Trung")
        ui.province_edit.setText("Thanh Hóa")
        ui.supervisor_username_edit.setText("lanhdao")
        ui.supervisor_name_edit.setText("Lê Văn Lãnh")
        ui.supervisor_password_edit.setText("mat-khau-ld-1")
        ui.supervisor_confirm_edit.setText("mat-khau-ld-1")
        ui.start_button.click()
        settle()
        assert self.ui.validation_label.text() == "Mã xã 15880 đã có."
        assert ui.start_button.isEnabled() and not self.result()  # still open, may try again
        ui.cancel_button.click()
        return self.result()

    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", exec_)
    assert app_module._first_start(empty_db, FakeDialogs()) is None
    assert len(wizards) == 1


def test_demo_opens_the_demo_database(qapp, monkeypatch, empty_db):
    answer(monkeypatch, SetupChoice.DEMO)
    db = app_module._first_start(empty_db, FakeDialogs())
    try:
        assert str(paths.demo_database()) in str(db.engine.url)
        assert CommuneService(db.context).profile().name == "Xã Đông Phong"
    finally:
        db.close()


def test_cancel_quits(qapp, monkeypatch, empty_db):
    answer(monkeypatch, None)
    assert app_module._first_start(empty_db, FakeDialogs()) is None
