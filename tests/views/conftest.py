"""Fixtures of every window test: the fake dialogs, the window's settings file, accounts."""

from __future__ import annotations

import pytest

from commune_desk.services.accounts import AccountService
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.accounts import as_role
from tests.support.fakes import FakeDialogs


@pytest.fixture
def dialogs() -> FakeDialogs:
    """The dialog service, answering as set in advance (no modal window opens under test)."""
    return FakeDialogs()


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    """The window's own settings, in a file of the test's."""
    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def accounts(ctx) -> AccountService:
    """A clerk (lan) and a supervisor (lanhdao) with known passwords."""
    service = AccountService(as_role(ctx, "system"))
    service.add("lan", "clerk", "mat-khau-lan", "Trần Thị Lan")
    service.add("lanhdao", "supervisor", "mat-khau-lanh-dao", "Nguyễn Văn Lãnh")
    return service
