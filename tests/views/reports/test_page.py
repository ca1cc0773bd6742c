"""The Báo cáo page: status, preview, problems, draft, submission, unlock, print preview."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QWidget,
)

from commune_desk.domain.periods import Period
from commune_desk.excel.data_sheet import read_data_sheet
from commune_desk.services.context import Actor
from commune_desk.services.records import RecordService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.reports.model import Column, ReportModel
from commune_desk.views.reports.page import report_periods
from commune_desk.views.reports.printing import make_printer, render, report_html
from tests.support.accounts import as_role
from tests.support.kernel import wait_idle
from tests.support.reports import Q3, Opened, show


@pytest.fixture
def values(ctx):
    ValuesService(ctx).save(
        [
            ValueChange("tthc.received_online", "2026-09", 1168),
            ValueChange("tthc.received_direct", "2026-09", 140),
        ]
    )


def test_the_model_passes_the_model_tester(qtmodeltester, ctx, values):
    model = ReportModel()
    model.set_rows(ReportService(ctx).preview(Q3).rows)
    qtmodeltester.check(model)
    sections = [r for r in range(model.rowCount()) if model.row_at(r).is_section]
    assert model.index(sections[1], Column.LABEL).data() == "PHỔ CẬP KỸ NĂNG SỐ CHO NGƯỜI DÂN"
    online = next(
        r for r in range(model.rowCount()) if model.row_at(r).code == "ind.online_records_pct"
    )
    assert model.index(online, Column.VALUE).data() == "89,3"
    assert model.index(online, Column.TARGET).data() == "80,0"
    received = next(
        r for r in range(model.rowCount()) if model.row_at(r).code == "tthc.received_online"
    )
    assert model.index(received, Column.VALUE).data() == "1.168"


def test_the_periods_offered_start_with_the_quarter_just_ended(qtbot, ctx, dialogs, settings):
    assert [p.key for p in report_periods(Period.parse("2026-11"))[:3]] == [
        "2026-Q4",
        "2026-Q3",
        "2026-Q2",
    ]
    page = show(qtbot, ctx, dialogs, settings)
    assert page.period == Q3
    assert page.ui.period_combo.currentText() == "Quý III/2026"
    keys = [page.ui.period_combo.itemData(i) for i in range(page.ui.period_combo.count())]
    assert {"2026-11", "2026-H2", "2026", "2025"} <= set(keys)
    assert "chưa có số liệu" in page.ui.status_label.text()
    assert not page.ui.open_folder_button.isEnabled()


def test_preview_and_problems(qtbot, ctx, dialogs, values, settings):
    page = show(qtbot, ctx, dialogs, settings)
    assert page.model.rowCount() == len(ctx.catalogue.codes()) + len(ctx.catalogue.sections)
    assert "đang nhập" in page.ui.status_label.text()
    assert page.ui.window_label.text() == "Số liệu từ ngày 1/7/2026 đến ngày 30/9/2026"
    assert "cảnh báo" in page.ui.problems_label.text()
    items = [page.ui.problems_list.item(i).text() for i in range(page.ui.problems_list.count())]
    assert items and all(i.startswith("Cảnh báo: ") for i in items)
    assert page.ui.submit_button.isEnabled() and not page.ui.unlock_button.isEnabled()


def test_errors_disable_the_submission_and_are_listed(qtbot, ctx, dialogs, settings):
    records = RecordService(ctx)
    for code in ("T1", "T2"):
        records.create("villages", {"code": code, "name": f"Thôn {code}"})
    ValuesService(ctx).set_value("infra.villages_mobile", "2026-08", 2)
    village = next(r for r in records.list("villages") if r["code"] == "T2")
    records.update("villages", village.id, {"active": False})
    page = show(qtbot, ctx, dialogs, settings)
    assert not page.ui.submit_button.isEnabled()
    assert page.ui.draft_button.isEnabled()
    assert "1 lỗi" in page.ui.problems_label.text()
    assert page.ui.problems_list.item(0).text().startswith("Lỗi: Tháng 8/2026")


def test_a_draft_is_written_in_the_background_then_the_folder_opens(
    qtbot, ctx, dialogs, values, tmp_path, settings
):
    opened = Opened()
    page = show(qtbot, ctx, dialogs, settings, opened)
    dialogs.save_path = tmp_path / "nhap"
    with qtbot.waitSignal(page.exported, timeout=20_000) as signal:
        page.ui.draft_button.click()
        assert not page.ui.draft_button.isEnabled()  # while writing
        assert page.ui.progress_bar.isVisible()
    result = signal.args[0]
    assert result.path == tmp_path / "nhap.xlsx" and result.version is None
    assert read_data_sheet(result.path).get("draft") == "1"
    assert dialogs.asked[0][:2] == ("save", "Xuất bản nháp")
    assert dialogs.asked[0][2] == "Báo cáo 2026-Q3 (bản nháp).xlsx"
    assert "Đã ghi bản nháp" in dialogs.texts("inform")[0]
    wait_idle(qtbot)
    assert not page.ui.progress_bar.isVisible() and page.ui.draft_button.isEnabled()
    assert "đang nhập" in page.ui.status_label.text()  # a draft records nothing
    page.ui.open_folder_button.click()
    assert opened.urls == [QUrl.fromLocalFile(str(tmp_path))]


def test_submit_asks_first_then_locks(qtbot, ctx, dialogs, values, tmp_path, settings):
    page = show(qtbot, ctx, dialogs, settings)
    assert "bản nháp" in page.ui.preview_label.text()
    dialogs.save_path = tmp_path / "q3.xlsx"
    dialogs.confirm_answer = False
    page.ui.submit_button.click()
    wait_idle(qtbot)
    assert [k for k, _, _ in dialogs.asked] == ["confirm"]  # declined: no file asked for
    dialogs.confirm_answer = True
    with qtbot.waitSignal(page.exported, timeout=20_000) as signal:
        page.ui.submit_button.click()
        wait_idle(qtbot)
    assert signal.args[0].version == 1
    assert dialogs.asked[-2][2] == "Báo cáo 2026-Q3 v1.xlsx"
    assert "phiên bản 1" in dialogs.texts("inform")[-1]
    assert "đã nộp v1" in page.ui.status_label.text()
    assert "phiên bản 1" in page.ui.preview_label.text()
    assert "nháp" not in page.ui.preview_label.text()
    assert not page.ui.submit_button.isEnabled()
    assert not page.ui.unlock_button.isEnabled()  # an officer does not unlock: a supervisor does


def test_a_failed_write_is_explained(qtbot, ctx, dialogs, values, tmp_path, settings):
    page = show(qtbot, ctx, dialogs, settings)
    dialogs.save_path = tmp_path / "khong-co" / "q3.xlsx"
    page.ui.submit_button.click()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: bool(dialogs.texts("warn")), timeout=20_000)
    assert "không có thư mục" in dialogs.texts("warn")[0]
    assert page.ui.submit_button.isEnabled()
    assert "đang nhập" in page.ui.status_label.text()


def test_unlock_asks_for_a_reason(qtbot, ctx, dialogs, values, tmp_path, settings):
    ReportService(ctx).export(Q3, tmp_path / "q3.xlsx")
    supervisor = replace(ctx, actor=Actor("lanhdao", "supervisor"))
    page = show(qtbot, supervisor, dialogs, settings)
    assert page.ui.unlock_button.isEnabled()
    dialogs.text_answer = None
    page.ui.unlock_button.click()
    wait_idle(qtbot)
    assert "đã nộp v1" in page.ui.status_label.text()  # cancelled
    dialogs.text_answer = "  "  # the reason dialog cannot be confirmed blank
    page.ui.unlock_button.click()
    wait_idle(qtbot)
    assert "đã nộp v1" in page.ui.status_label.text()
    assert dialogs.texts("warn") == []
    dialogs.text_answer = "Sửa số hồ sơ tháng 9"
    page.ui.unlock_button.click()
    wait_idle(qtbot)
    assert "đã mở khóa" in page.ui.status_label.text()
    assert "Sửa số hồ sơ tháng 9" in page.ui.status_label.text()
    assert "lần nộp sau là v2" in page.ui.status_label.text()
    assert not page.ui.unlock_button.isEnabled()
    assert not page.ui.submit_button.isEnabled()  # the officer submits the next version


def test_an_officer_cannot_unlock_and_is_told_why(qtbot, ctx, dialogs, values, tmp_path, settings):
    ReportService(ctx).export(Q3, tmp_path / "q3.xlsx")
    page = show(qtbot, ctx, dialogs, settings)
    assert not page.ui.unlock_button.isEnabled()
    assert page.ui.unlock_button.toolTip() == "Chỉ lãnh đạo được mở khóa kỳ đã nộp."
    assert page.permission_label.isVisible()
    assert page.permission_label.text() == "Chỉ lãnh đạo được mở khóa kỳ đã nộp."
    dialogs.text_answer = "muốn sửa"
    page.ui.unlock_button.click()
    wait_idle(qtbot)
    assert dialogs.asked == [] and "đã nộp v1" in page.ui.status_label.text()


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_an_officer_submits(qtbot, ctx, dialogs, values, role, settings):
    page = show(qtbot, as_role(ctx, role), dialogs, settings)
    assert page.preview is not None and page.preview.can_submit
    assert page.ui.draft_button.isEnabled()  # every role may draft
    assert not page.ui.submit_button.isEnabled()
    assert page.ui.submit_button.toolTip() == "Chỉ cán bộ báo cáo được nộp báo cáo."
    assert "Chỉ cán bộ báo cáo được nộp báo cáo." in page.permission_label.text()
    unlock_refused = page.ui.unlock_button.toolTip() == "Chỉ lãnh đạo được mở khóa kỳ đã nộp."
    assert unlock_refused is (role == "clerk")


def test_print_preview_of_the_report_sheet(qtbot, ctx, dialogs, values, tmp_path, settings):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    page = show(qtbot, ctx, dialogs, settings)
    page.ui.print_preview_button.click()
    dialog = page.findChild(QPrintPreviewDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    html = report_html(page.preview.document)
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:", "1.168", "89,3", "<thead>"):
        assert text in html
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    render(page.preview.document, printer)
    assert (tmp_path / "in.pdf").read_bytes().startswith(b"%PDF")


def test_changing_the_period_refreshes(qtbot, ctx, dialogs, values, settings):
    page = show(qtbot, ctx, dialogs, settings)
    combo = page.ui.period_combo
    combo.setCurrentIndex(combo.findData("2026-09"))
    wait_idle(qtbot)
    assert page.period == Period.parse("2026-09")
    assert page.ui.window_label.text() == "Số liệu từ ngày 1/9/2026 đến ngày 30/9/2026"
    online = next(r for r in page.model.rows if r.code == "tthc.received_online")
    assert online.value == 1168


def test_every_input_is_named_and_every_button_has_a_text(qtbot, ctx, dialogs, settings):
    page = show(qtbot, ctx, dialogs, settings)
    buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
    inputs = (QComboBox, QAbstractItemView)
    unnamed = [
        f"{type(w).__name__} {w.objectName()} {type(w.parentWidget()).__name__}"
        for w in page.findChildren(QWidget)
        if isinstance(w, inputs)
        and w.isVisibleTo(page)
        and not (w.accessibleName().strip() or id(w) in buddies)
        and not isinstance(w, QHeaderView)  # a table's headers are read with the table
        and not isinstance(w.parentWidget(), QComboBox)
    ]
    assert unnamed == []
    for button in page.findChildren(QAbstractButton):
        if button.isVisibleTo(page) and not button.objectName().startswith("qt_"):
            assert "&" in button.text(), button.objectName()  # a keyboard mnemonic


def test_a_language_change_relabels_the_periods(qtbot, ctx, dialogs, settings):
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale

    page = show(qtbot, ctx, dialogs, settings)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
        assert page.ui.period_combo.currentText() == "Q3 2026"
        assert page.ui.window_label.text() == "Data from 1/7/2026 to 30/9/2026"
    finally:
        QLocale.setDefault(before)
    QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.ui.period_combo.currentText() == "Quý III/2026"


def test_a_long_note_leaves_the_indicators_names_readable(qtbot, ctx, dialogs, settings):
    from PySide6.QtCore import Qt

    from commune_desk.services.values import ValueChange, ValuesService
    from commune_desk.views.reports.model import Column

    note = "Theo báo cáo của Công an xã và Bưu điện văn hóa xã, đối chiếu ngày 15 hằng tháng " * 3
    ValuesService(ctx).save([ValueChange("infra.bts", "2026-09", 4, note)])
    page = show(qtbot, ctx, dialogs, settings)
    header = page.ui.preview_table.horizontalHeader()
    chars = page.ui.preview_table.fontMetrics().averageCharWidth()
    assert header.sectionSize(Column.LABEL) >= 30 * chars
    assert header.sectionSize(Column.NOTE) < header.sectionSize(Column.LABEL)
    row = next(
        r
        for r in range(page.model.rowCount())
        if note.strip() in (page.model.index(r, Column.NOTE).data() or "")
    )
    assert note.strip() in page.model.index(row, Column.NOTE).data(Qt.ItemDataRole.ToolTipRole)


def test_bang_so_lieu_gives_the_names_their_room_at_1366x768(qtbot, ctx, dialogs, values, settings):
    """The clerk reads every indicator's whole name; no column keeps empty space beside it."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    page = show(qtbot, ctx, dialogs, settings)
    page.resize(1366 - 260, 768 - 60)  # what the window leaves beside its list of sections
    qtbot.waitUntil(lambda: page.ui.preview_table.viewport().width() > 900)
    table = page.ui.preview_table
    header = table.horizontalHeader()
    chars = table.fontMetrics().averageCharWidth()
    assert header.sectionSize(Column.LABEL) > table.viewport().width() * 0.4
    assert header.sectionSize(Column.UNIT) <= 13 * chars  # "người", not a wide empty column
    assert header.sectionSize(Column.NOTE) <= header.sectionSizeHint(Column.NOTE)  # no notes
    assert header.sectionSize(Column.TARGET) <= header.sectionSizeHint(Column.TARGET) + 4 * chars

    def cut() -> list[str]:  # the names that do not fit their row, wrapped at the column
        width = header.sectionSize(Column.LABEL) - 8
        names = []
        for row in range(page.model.rowCount()):
            index = page.model.index(row, Column.LABEL)
            metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or table.font())
            box = QRect(0, 0, width, 10_000)
            needed = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, index.data()).height()
            if needed > table.rowHeight(row):
                names.append(index.data())
        return names

    assert any(
        page.model.row_at(r).label and len(page.model.row_at(r).label) > 70
        for r in range(page.model.rowCount())
    )  # a name that needs two lines here
    qtbot.waitUntil(lambda: not cut())
    tooltips = [
        page.model.index(r, Column.LABEL).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(page.model.rowCount())
    ]
    assert not [t for t in tooltips if t and "." in t and "(" in t]  # no "(ind.online_…)"
