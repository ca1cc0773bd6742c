"""The reply round trip through the window, as the two offices would click it: the commune
submits on Báo cáo; the province, on Tổng hợp các xã, ticks "Tính cả bản nháp", consolidates,
then returns the report with a reason ("Tiếp nhận / trả lại…"); the commune opens the reply
("Nhận phản hồi của tỉnh…"), confirms the province's fingerprint once, and the period is
unlocked with the province's reason."""

from __future__ import annotations

import random

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from commune_desk.demo.province import varied_values
from commune_desk.domain.periods import Period
from commune_desk.services.reports import ReportService, ReportState
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.consolidation.page import ConsolidationPage
from commune_desk.views.kernel import Changes, Kind, kernel
from commune_desk.views.reports.page import ReportsPage
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.consolidation import catalogue, write_commune
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle

Q3 = Period.parse("2026-Q3")


def test_commune_submits_province_returns_commune_receives(qtbot, ctx, tmp_path):
    ValuesService(ctx).save([ValueChange("tthc.received_online", "2026-09", 1168)])
    report = tmp_path / "nop" / "15880_2026-Q3.xlsx"
    report.parent.mkdir()
    ReportService(ctx).export(Q3, report)  # submitted: v1, the period locked
    values = varied_values(catalogue(), random.Random(1))
    write_commune(report.parent, "16000", "Xã Khác", Q3.key, values, draft=True)

    # The province: consolidate (drafts included), then return the report with a reason.
    province = FakeDialogs(folder=report.parent, save_path=tmp_path / "tong_hop.xlsx")
    remembered = tmp_path / "van_ban.json"
    page = ConsolidationPage(
        ctx.catalogue, province, province_key=tmp_path / "tinh.json", document_file=remembered
    )
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(page.ui.document_box.isEnabled)  # the remembered document is read
    qtbot.mouseClick(page.ui.add_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.ui.output_button, Qt.MouseButton.LeftButton)
    page.ui.include_drafts_check.setFocus()
    qtbot.keyClick(page.ui.include_drafts_check, Qt.Key.Key_Space)
    assert page.ui.include_drafts_check.isChecked()
    qtbot.keyClicks(page.ui.agency_edit, "So Khoa hoc va Cong nghe")
    qtbot.keyClicks(page.ui.signer_name_edit, "Le Van Binh")
    qtbot.mouseClick(page.ui.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result is not None, timeout=30_000)
    assert page.result.communes == 2  # the draft counted, as asked
    summary_sheet = load_workbook(page.result.out)["Báo cáo"]
    texts = {c.value for row in summary_sheet.iter_rows() for c in row if c.value}
    assert {"SO KHOA HOC VA CONG NGHE", "Le Van Binh"} <= texts
    assert "So Khoa hoc va Cong nghe" in remembered.read_text("utf-8")  # for the next time
    reply = tmp_path / "phan_hoi.xlsx"
    province.open_path, province.save_path = report, reply
    province.text_answer = "Thiếu số liệu hồ sơ bưu chính"
    qtbot.mouseClick(page.ui.review_button, Qt.MouseButton.LeftButton)
    assert not page.ui.review_button.isEnabled()  # while the reply is written
    wait_idle(qtbot)
    assert page.ui.review_button.isEnabled()
    assert reply.is_file(), province.asked
    (summary,) = province.texts("inform")
    assert "Đã trả lại báo cáo Quý III/2026 phiên bản 1 của Xã Thiệu Trung" in summary

    # The commune: open the reply, compare the fingerprint, accept the key.
    commune = FakeDialogs(open_path=reply, confirm_answer=True)
    reports = ReportsPage(ctx, commune, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(reports)
    reports.show()
    qtbot.waitExposed(reports)
    reports.ui.period_combo.setCurrentIndex(reports.ui.period_combo.findData(Q3.key))
    qtbot.waitUntil(lambda: reports.preview is not None and reports.preview.status.locked)
    assert reports.ui.reply_button.isEnabled()
    heard: list[Changes] = []
    kernel().bus.changed.connect(lambda changes, _by: heard.append(changes))
    qtbot.mouseClick(reports.ui.reply_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    # The unlock is announced: the monthly grid and the overview read the period again.
    assert any(
        Kind.SUBMISSIONS in c.kinds and {"2026-07", "2026-08", "2026-09"} <= c.periods
        for c in heard
    )
    (question,) = commune.texts("confirm")
    fingerprint = summary.rsplit("khóa của tỉnh ", 1)[1].rstrip(").")
    assert fingerprint in question
    assert commune.texts("inform") == ["tỉnh trả lại: Thiếu số liệu hồ sơ bưu chính"]
    status = ReportService(ctx).status(Q3)
    assert status.state is ReportState.UNLOCKED
    assert status.unlock_reason == "Tỉnh trả lại: Thiếu số liệu hồ sơ bưu chính"
    qtbot.waitUntil(lambda: "Tỉnh trả lại" in reports.ui.status_label.text(), timeout=10_000)

    # The same reply again: refused, nothing asked about the key any more.
    qtbot.mouseClick(reports.ui.reply_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "đã được nhận" in commune.texts("warn")[0]
    assert len(commune.texts("confirm")) == 1
