"""Restoring another commune's backup names both communes and goes on when confirmed."""

from __future__ import annotations

from dataclasses import replace

from commune_desk.services.backups import BackupService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.setup import open_database
from commune_desk.views.settings.restore_dialog import RestoreDialog
from tests.support.common import CATALOGUE
from tests.support.settings import settings_page


def test_restoring_another_communes_backup_names_both_and_goes_on_when_confirmed(
    qtbot, ctx, tmp_path
):
    other_path = tmp_path / "other.sqlite3"
    other = open_database(other_path, CATALOGUE, Actor("t", "officer"))
    CommuneService(other.context).init("15881", "Xã Thiệu Quang", "Thanh Hóa")
    other.close()
    supervisor = replace(ctx, actor=Actor("ld", "supervisor"))
    summary = BackupService(supervisor, tmp_path / "backups").describe(other_path)
    assert summary.other_commune
    dialog = RestoreDialog(summary)
    qtbot.addWidget(dialog)
    warning = dialog.warning_label.text()
    assert "Xã Thiệu Quang (mã 15881)" in warning and "Xã Thiệu Trung (mã 15880)" in warning
    asked = []
    page = settings_page(qtbot, supervisor, tmp_path, lambda parent, s: asked.append(s) or True)
    page.backups._dialogs.open_path = other_path
    with qtbot.waitSignal(page.database_restored):
        page.ui.restore_file_button.click()
    assert asked[0].other_commune
    assert CommuneService(ctx).profile().code == "15881"
