"""File dialogs open where the last one was left, and remember it across starts."""

from __future__ import annotations

from pathlib import Path

from commune_desk.views.widgets.app_settings import AppSettings
from commune_desk.views.widgets.dialogs import QtDialogs


def test_the_next_dialog_opens_in_the_last_folder(tmp_path):
    settings = AppSettings(tmp_path / "s.ini")
    dialogs = QtDialogs(settings)
    assert dialogs.start("thon.xlsx") == "thon.xlsx"  # nothing chosen yet: Qt's own default
    usb = tmp_path / "usb" / "danh-sach"
    dialogs.remember(usb / "thon.csv")  # an import from the USB stick
    assert dialogs.start() == str(usb)
    assert Path(dialogs.start("bao-cao.xlsx")) == usb / "bao-cao.xlsx"  # the export goes there
    assert dialogs.start(str(tmp_path / "x.xlsx")) == str(tmp_path / "x.xlsx")
    again = QtDialogs(AppSettings(tmp_path / "s.ini"))  # the next start of the program
    assert again.start() == str(usb)
