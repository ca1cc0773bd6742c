"""The Báo cáo page with a province's own form: chosen, remembered, used, cleared, refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from commune_desk.services.reports import ReportService, ReportState
from commune_desk.services.values import ValuesService
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.accounts import as_role
from tests.support.kernel import wait_idle
from tests.support.reports import Q3, show

STANDARD = "Mẫu chuẩn của chương trình"


@pytest.fixture
def values(ctx) -> None:
    ValuesService(ctx).set_value("tthc.received_online", "2026-09", 1168)


def make_template(path: Path, cells: dict[str, str] | None = None) -> Path:
    """A one-sheet province form with a few placeholders."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mẫu tỉnh"
    sheet["A1"] = "BÁO CÁO CỦA XÃ"
    for ref, text in (
        cells or {"B2": "{{commune.name}}", "B3": "{{tthc.received_online}}"}
    ).items():
        sheet[ref] = text
    workbook.save(path)
    return path


def test_the_standard_form_is_used_until_a_template_is_chosen(
    qtbot, ctx, dialogs, settings, tmp_path
):
    page = show(qtbot, ctx, dialogs, settings)
    assert page.template is None
    assert page.ui.template_label.text() == STANDARD
    assert not page.ui.standard_template_button.isEnabled()
    template = make_template(tmp_path / "mau-thanh-hoa.xlsx")
    dialogs.open_path = None
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    assert page.template is None  # cancelled
    dialogs.open_path = template
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    assert dialogs.asked[-1] == ("open", "Chọn mẫu báo cáo của tỉnh", "Bảng tính Excel (*.xlsx)")
    assert page.template == template
    assert page.ui.template_label.text() == "mau-thanh-hoa.xlsx"
    assert page.ui.template_label.toolTip() == str(template)
    assert "mẫu chuẩn" in page.ui.print_preview_button.toolTip()
    assert page.ui.standard_template_button.isEnabled()


def test_a_draft_fills_the_chosen_template(qtbot, ctx, dialogs, settings, values, tmp_path):
    page = show(qtbot, ctx, dialogs, settings)
    dialogs.open_path = make_template(tmp_path / "mau.xlsx")
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    dialogs.save_path = tmp_path / "nhap.xlsx"
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.ui.draft_button.click()
        wait_idle(qtbot)
    sheet = load_workbook(tmp_path / "nhap.xlsx")["Mẫu tỉnh"]
    assert sheet["A1"].value == "BÁO CÁO CỦA XÃ"
    assert sheet["B2"].value == "Xã Thiệu Trung"
    assert sheet["B3"].value == 1168


def test_an_officer_submits_on_the_chosen_template(qtbot, ctx, dialogs, settings, values, tmp_path):
    officer = as_role(ctx, "officer")
    page = show(qtbot, officer, dialogs, settings)
    dialogs.open_path = make_template(tmp_path / "mau.xlsx")
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    dialogs.save_path = tmp_path / "q3.xlsx"
    with qtbot.waitSignal(page.exported, timeout=20_000) as signal:
        page.ui.submit_button.click()
        wait_idle(qtbot)
    assert signal.args[0].version == 1
    assert load_workbook(tmp_path / "q3.xlsx")["Mẫu tỉnh"]["B3"].value == 1168
    assert "đã nộp v1" in page.ui.status_label.text()


def test_the_choice_is_remembered_and_can_be_cleared(qtbot, ctx, dialogs, settings, tmp_path):
    template = make_template(tmp_path / "mau.xlsx")
    first = show(qtbot, ctx, dialogs, settings)
    dialogs.open_path = template
    first.ui.choose_template_button.click()
    wait_idle(qtbot)
    again = show(qtbot, ctx, dialogs, AppSettings(Path(settings.file_name)))  # a later run
    assert again.template == template
    assert again.ui.template_label.text() == "mau.xlsx"
    again.ui.standard_template_button.click()
    wait_idle(qtbot)
    assert again.template is None
    assert again.ui.template_label.text() == STANDARD
    assert not again.ui.standard_template_button.isEnabled()
    assert show(qtbot, ctx, dialogs, AppSettings(Path(settings.file_name))).template is None


def test_back_on_the_standard_form_the_draft_is_the_standard_report(
    qtbot, ctx, dialogs, settings, values, tmp_path
):
    page = show(qtbot, ctx, dialogs, settings)
    dialogs.open_path = make_template(tmp_path / "mau.xlsx")
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    page.ui.standard_template_button.click()
    wait_idle(qtbot)
    dialogs.save_path = tmp_path / "nhap.xlsx"
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.ui.draft_button.click()
        wait_idle(qtbot)
    assert "Mẫu tỉnh" not in load_workbook(tmp_path / "nhap.xlsx").sheetnames


def test_a_broken_template_is_explained_and_nothing_is_written_or_locked(
    qtbot, ctx, dialogs, settings, values, tmp_path
):
    broken = make_template(tmp_path / "mau-loi.xlsx", {"C4": "{{khong.co}}"})
    page = show(qtbot, as_role(ctx, "officer"), dialogs, settings)
    dialogs.open_path = broken
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    dialogs.save_path = tmp_path / "q3.xlsx"
    page.ui.submit_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: bool(dialogs.texts("warn")), timeout=20_000)
    message = dialogs.texts("warn")[0]
    assert "mau-loi.xlsx" in message and "ô C4" in message and "{{khong.co}}" in message
    assert [title for kind, title, _ in dialogs.asked if kind == "warn"] == [
        "Không ghi được báo cáo"
    ]
    assert not (tmp_path / "q3.xlsx").exists()
    assert ReportService(ctx).status(Q3).state is ReportState.ENTERING  # not locked
    assert page.ui.submit_button.isEnabled()


def test_a_template_gone_from_the_disk_is_shown_and_refused(
    qtbot, ctx, dialogs, settings, values, tmp_path
):
    template = make_template(tmp_path / "mau.xlsx")
    page = show(qtbot, ctx, dialogs, settings)
    dialogs.open_path = template
    page.ui.choose_template_button.click()
    wait_idle(qtbot)
    template.unlink()
    page.refresh()
    wait_idle(qtbot)
    assert page.ui.template_label.text() == "mau.xlsx (không tìm thấy tệp)"
    dialogs.save_path = tmp_path / "nhap.xlsx"
    page.ui.draft_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: bool(dialogs.texts("warn")), timeout=20_000)
    assert dialogs.texts("warn") == ["Không tìm thấy tệp mẫu mau.xlsx."]
    assert not (tmp_path / "nhap.xlsx").exists()
