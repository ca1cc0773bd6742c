"""The composition root on a database without a commune: the set-up wizard's outcomes."""

from __future__ import annotations

import pytest

from commune_desk import app as app_module
from commune_desk import paths
from commune_desk.domain.periods import Mode
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.setup import open_database
from commune_desk.views.shell import setup_wizard
from commune_desk.views.shell.setup_wizard import SetupChoice, SetupValues
from tests.support.fakes import FakeDialogs


@pytest.fixture
def empty_db(db_path):
    db = open_database(db_path, paths.catalogue_file(), Actor("tester"))
    yield db
    db.close()


def answer(monkeypatch, choice, values=None):
    """Make the wizard answer at once instead of waiting for a person."""

    def exec_(self):
        self.choice = choice
        return 1 if choice else 0

    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", exec_)
    if values is not None:
        monkeypatch.setattr(setup_wizard.SetupWizard, "values", lambda self: values)


def test_create_records_the_commune(qapp, monkeypatch, empty_db):
    answer(
        monkeypatch,
        SetupChoice.CREATE,
        SetupValues("15880", "Xã Thiệu Trung", "Thanh Hóa", Mode.DECREE09),
    )
    db = app_module._first_start(empty_db, FakeDialogs())
    assert db is empty_db
    profile = CommuneService(db.context).profile()
    assert (profile.code, profile.cutoff_mode) == ("15880", Mode.DECREE09)


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
