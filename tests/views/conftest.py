"""Fixtures of every window test: the fake dialogs and the window's settings file."""

from __future__ import annotations

import pytest

from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.fakes import FakeDialogs


@pytest.fixture
def dialogs() -> FakeDialogs:
    """The dialog service, answering as set in advance (no modal window opens under test)."""
    return FakeDialogs()


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    """The window's own settings, in a file of the test's."""
    return AppSettings(tmp_path / "settings.ini")
