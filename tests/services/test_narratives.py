"""The narrative of a period's report: saved per period, audited, locked with the submission,
placed on sheet 1 and in `_data`, gathered by the province in "Ý kiến các xã"."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from commune_desk.domain.periods import Period
from commune_desk.excel.data_sheet import read_data_sheet
from commune_desk.services.consolidation import ConsolidationService
from commune_desk.services.errors import PeriodLocked
from commune_desk.services.narratives import NarrativeService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.accounts import trail

Q3 = Period.parse("2026-Q3")
TEXTS = {
    "assessment": "Phong trào được triển khai đồng bộ.\nCác thôn đều có tổ công nghệ số.",
    "difficulties": "Sóng 4G yếu ở thôn Đồng Lạc; C:\\dữ liệu\\tab\there.",
    "proposals": "Đề nghị tỉnh hỗ trợ 20 điện thoại thông minh.",
}


def test_saved_per_period_and_audited(ctx):
    service = NarrativeService(ctx)
    assert service.get(Q3) == {"assessment": "", "difficulties": "", "proposals": ""}
    assert service.save(Q3, TEXTS) == TEXTS
    assert service.get(Period.parse("2026-Q2"))["assessment"] == ""
    subjects = [row.text.subject for row in trail(ctx)]
    assert "Báo cáo, phần «Đánh giá chung»" in subjects


def test_locked_with_the_submission_and_placed_in_the_report(ctx, tmp_path):
    ValuesService(ctx).save([ValueChange("tthc.received_online", "2026-09", 1168)])
    NarrativeService(ctx).save(Q3, TEXTS)
    report = tmp_path / "nop" / "15880.xlsx"
    report.parent.mkdir()
    ReportService(ctx).export(Q3, report)
    with pytest.raises(PeriodLocked, match="đã khóa cùng số liệu"):
        NarrativeService(ctx).save(Q3, {"assessment": "sửa sau khi nộp"})
    sheet = load_workbook(report).worksheets[0]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "1. Đánh giá chung" in texts and "3. Đề xuất, kiến nghị" in texts
    assert "Các thôn đều có tổ công nghệ số." in texts  # each paragraph on its own row
    assert texts.index("1. Đánh giá chung") < texts.index("Nơi nhận:")
    data = read_data_sheet(report)
    assert data.signature_valid()
    assert (
        data.get("narrative.difficulties")
        == "Sóng 4G yếu ở thôn Đồng Lạc; C:\\\\dữ liệu\\\\tab\\there."
    )

    out = tmp_path / "tong_hop.xlsx"
    ConsolidationService(ctx.catalogue).consolidate([report.parent], out)
    opinions = load_workbook(out)["Ý kiến các xã"]
    rows = [[c.value for c in row] for row in opinions.iter_rows()]
    header = next(r for r in rows if r[0] == "STT")
    assert header[3:] == ["Đánh giá chung", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
    commune = next(r for r in rows if r[1] == "15880")
    assert commune[3:] == [TEXTS["assessment"], TEXTS["difficulties"], TEXTS["proposals"]]
