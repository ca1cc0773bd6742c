"""A province officer fills the official document fields on the Tổng hợp page, consolidates,
and the workbook carries them; the next start of the window shows them again."""

from __future__ import annotations

import random

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from commune_desk.demo.province import varied_values
from commune_desk.views.consolidation.page import ConsolidationPage
from tests.support.consolidation import catalogue, write_commune
from tests.support.fakes import FakeDialogs
from tests.support.keyboard import type_text


def make_page(qtbot, dialogs, settings_file):
    page = ConsolidationPage(catalogue(), dialogs, document_file=settings_file)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.ui.document_box.isEnabled(), timeout=10000)
    return page


def texts(path):
    sheet = load_workbook(path)["Báo cáo"]
    return {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}


def test_the_officer_fills_the_document_consolidates_and_finds_it_again(qtbot, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(7)
    for code in ("16000", "16001"):
        write_commune(folder, code, f"Xã {code}", "2026-Q3", varied_values(catalogue(), rng))
    units = tmp_path / "units.csv"
    units.write_text("code,name\n16000,Xã 16000\n16001,Xã 16001\n16002,Xã Vắng\n", "utf-8")
    settings_file = tmp_path / "home" / "province_document.json"
    dialogs = FakeDialogs(folder=folder, save_path=tmp_path / "tong_hop.xlsx", open_path=units)
    page = make_page(qtbot, dialogs, settings_file)
    ui = page.ui
    ui.add_folder_button.click()
    ui.units_button.click()
    ui.output_button.click()
    type_text(qtbot, ui.period_edit, "2026-Q3")
    type_text(qtbot, ui.parent_agency_edit, "UBND tỉnh Thanh Hóa")
    type_text(qtbot, ui.agency_edit, "Sở Khoa học và Công nghệ")
    type_text(qtbot, ui.number_edit, "BC-SKHCN")
    type_text(qtbot, ui.place_edit, "Thanh Hóa")
    ui.date_edit.setFocus()
    ui.date_edit.setDate(QDate(2026, 10, 20))
    type_text(qtbot, ui.signer_title_edit, "Phó Giám đốc")
    type_text(qtbot, ui.signer_name_edit, "Lê Văn Bình")
    type_text(qtbot, ui.recipients_edit, "UBND tỉnh Thanh Hóa")
    qtbot.keyClick(ui.recipients_edit, Qt.Key.Key_Return)
    type_text(qtbot, ui.recipients_edit, "Các xã, phường")
    qtbot.mouseClick(ui.deadline_check, Qt.MouseButton.LeftButton)
    assert ui.deadline_edit.isEnabled()
    ui.deadline_edit.setDate(QDate(2026, 10, 15))
    with qtbot.waitSignal(page.consolidated, timeout=20000) as blocker:
        qtbot.mouseClick(ui.run_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].period == "2026-Q3"

    found = texts(tmp_path / "tong_hop.xlsx")
    assert {"UBND TỈNH THANH HÓA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"} <= found
    assert any(t.startswith("Số:") and t.endswith("/BC-SKHCN") for t in found)
    assert "Thanh Hóa, ngày 20 tháng 10 năm 2026" in found
    assert {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Bình"} <= found
    assert {"- UBND tỉnh Thanh Hóa;", "- Các xã, phường;", "- Lưu: VT."} <= found
    assert "Các xã, phường chưa báo cáo đến hạn 15/10/2026 (1/3): Xã Vắng (16002)." in found
    assert settings_file.is_file()  # written in the background, after the workbook

    # The next start of the window: the fields come back, and the period's deadline with it.
    again = make_page(qtbot, FakeDialogs(), settings_file)
    ui = again.ui
    assert ui.parent_agency_edit.text() == "UBND tỉnh Thanh Hóa"
    assert ui.agency_edit.text() == "Sở Khoa học và Công nghệ"
    assert (ui.number_edit.text(), ui.place_edit.text()) == ("BC-SKHCN", "Thanh Hóa")
    assert (ui.signer_title_edit.text(), ui.signer_name_edit.text()) == (
        "Phó Giám đốc",
        "Lê Văn Bình",
    )
    assert ui.recipients_edit.toPlainText() == "UBND tỉnh Thanh Hóa\nCác xã, phường"
    assert not ui.deadline_check.isChecked()  # a deadline belongs to its period
    type_text(qtbot, ui.period_edit, "Quý III/2026")
    qtbot.keyClick(ui.period_edit, Qt.Key.Key_Return)
    assert ui.deadline_check.isChecked() and ui.deadline_edit.date() == QDate(2026, 10, 15)


def test_an_unreadable_settings_file_leaves_the_fields_empty(qtbot, tmp_path):
    settings_file = tmp_path / "province_document.json"
    settings_file.write_text("{không phải json", "utf-8")
    page = make_page(qtbot, FakeDialogs(), settings_file)
    assert page.ui.agency_edit.text() == "" and page.ui.recipients_edit.toPlainText() == ""
