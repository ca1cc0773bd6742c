"""The Cài đặt page with its backups in a folder of the test's."""

from __future__ import annotations

from commune_desk.views.settings.page import SettingsPage
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle


def settings_page(qtbot, ctx, tmp_path, ask=None) -> SettingsPage:
    dialogs = FakeDialogs(folder=tmp_path / "usb")
    widget = SettingsPage(
        ctx,
        dialogs,
        AppSettings(str(tmp_path / "settings.ini")),
        backups_dir=tmp_path / "backups",
        ask=ask or (lambda parent, summary: True),
    )
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    wait_idle(qtbot)
    return widget
