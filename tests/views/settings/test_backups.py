"""Cài đặt: Sao lưu ngay, to a USB folder, Khôi phục with its summary."""

from __future__ import annotations

import pytest

from commune_desk.data.backup import Kind, parse_name
from commune_desk.services.records import RecordService
from commune_desk.views.settings.restore_dialog import RestoreDialog
from tests.support.accounts import as_role
from tests.support.kernel import wait_idle
from tests.support.settings import settings_page


@pytest.fixture
def asked() -> list:
    return []


@pytest.fixture
def page(qtbot, ctx, tmp_path, asked):
    def ask(parent, summary) -> bool:
        asked.append(summary)
        return True

    return settings_page(qtbot, as_role(ctx, "supervisor"), tmp_path, ask)


@pytest.mark.parametrize("role", ["clerk", "officer"])
def test_only_a_supervisor_restores_but_everyone_backs_up(qtbot, ctx, tmp_path, role):
    page = settings_page(qtbot, as_role(ctx, role), tmp_path)
    ui = page.ui
    backup_now(qtbot, page)
    ui.backups_table.selectRow(0)
    assert ui.backup_now_button.isEnabled() and ui.backup_to_folder_button.isEnabled()
    for button in (ui.restore_button, ui.restore_file_button):
        assert not button.isEnabled()
        assert "Chỉ lãnh đạo được khôi phục" in button.toolTip()


@pytest.mark.parametrize(("role", "editable"), [("clerk", False), ("officer", True)])
def test_the_commune_settings_are_an_officers(qtbot, ctx, tmp_path, role, editable):
    page = settings_page(qtbot, as_role(ctx, role), tmp_path)
    ui = page.ui
    for group in (ui.profile_group, ui.cutoff_group, ui.report_group):
        assert group.isEnabled() is editable
    assert ui.language_group.isEnabled()  # each person chooses the language
    assert page.permission_label.isVisible() is not editable
    if not editable:
        assert "Chỉ cán bộ báo cáo" in page.permission_label.text()


def names(ctx) -> list[str]:
    return [r.values["code"] for r in RecordService(ctx).list("villages")]


def backup_now(qtbot, page) -> None:
    page.ui.backup_now_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "Đã sao lưu" in page.ui.backups_status_label.text())
    qtbot.waitUntil(lambda: page.ui.backup_now_button.isEnabled())


def test_backup_now_lists_the_copy(qtbot, page, tmp_path):
    assert page.backups.model.rowCount() == 0 and not page.ui.restore_button.isEnabled()
    backup_now(qtbot, page)
    assert page.backups.model.rowCount() == 1
    assert page.backups.model.index(0, 0).data() == "21/11/2026 09:30"
    assert page.backups.model.index(0, 1).data() == "sao lưu thủ công"
    assert page.backups.model.index(0, 2).data().endswith("KB")
    (copy,) = (tmp_path / "backups").glob("*.sqlite3")
    assert str(copy) in page.ui.backups_status_label.text()


def test_backup_to_a_usb_folder_is_one_click(qtbot, page, tmp_path):
    page.ui.backup_to_folder_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: "Đã sao lưu" in page.ui.backups_status_label.text())
    (copy,) = (tmp_path / "usb").glob("*.sqlite3")
    assert parse_name(copy).kind is Kind.MANUAL
    assert page.backups.model.rowCount() == 0  # not in the backups folder


def test_restore_shows_the_summary_saves_the_current_state_and_replaces(
    qtbot, page, ctx, asked, tmp_path
):
    from commune_desk.services.values import ValueChange, ValuesService

    RecordService(ctx).create("villages", {"code": "T01", "name": "Thôn Đông"})
    months = ("2025-12", "2026-01", "2026-02", "2026-06")
    ValuesService(ctx).save([ValueChange("infra.bts", m, 4) for m in months])
    backup_now(qtbot, page)
    RecordService(ctx).create("villages", {"code": "T02", "name": "Thôn Tây"})
    page.ui.backups_table.selectRow(0)
    assert page.ui.restore_button.isEnabled()
    with qtbot.waitSignal(page.database_restored) as restored:
        page.ui.restore_button.click()
        wait_idle(qtbot)
    (summary,) = asked
    assert summary.contents.records["villages"] == 1
    assert summary.contents.commune_name == "Xã Thiệu Trung"
    assert restored.args[0].safety_copy is not None
    assert names(ctx) == ["T01"]
    kinds = {parse_name(p).kind for p in (tmp_path / "backups").glob("*.sqlite3")}
    assert kinds == {Kind.MANUAL, Kind.BEFORE_RESTORE}
    assert page.backups.model.rowCount() == 2


def test_restoring_a_file_that_is_not_a_backup_says_why(qtbot, page, ctx, asked, tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("hello")
    page.backups._dialogs.open_path = junk
    page.ui.restore_file_button.click()
    wait_idle(qtbot)
    assert "notes.sqlite3" in page.ui.backups_status_label.text() and asked == []


def test_the_restore_dialog_shows_date_and_contents(qtbot, page, ctx, tmp_path):
    from commune_desk.services.backups import describe_backup
    from commune_desk.services.values import ValueChange, ValuesService

    RecordService(ctx).create("villages", {"code": "T01", "name": "Thôn Đông"})
    months = ("2025-12", "2026-01", "2026-02", "2026-06")
    ValuesService(ctx).save([ValueChange("infra.bts", m, 4) for m in months])
    backup_now(qtbot, page)
    (copy,) = (tmp_path / "backups").glob("*.sqlite3")
    dialog = RestoreDialog(describe_backup(copy))
    qtbot.addWidget(dialog)
    text = dialog.summary_label.text()
    assert "21/11/2026 09:30" in text and "Xã Thiệu Trung (15880), Thanh Hóa" in text
    assert "Thôn, tổ dân phố: 1" in text
    assert "4 tháng: Tháng 12/2025 – Tháng 2/2026, Tháng 6/2026" in text
    assert dialog.cancel_button.isDefault()
