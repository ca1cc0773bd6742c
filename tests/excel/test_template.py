"""A province's own form filled through its placeholders, everything else in it kept."""

from __future__ import annotations

from copy import copy
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from commune_desk.domain.periods import Period
from commune_desk.excel.data_sheet import DATA_SHEET, read_data_sheet
from commune_desk.services.commune import CommuneService
from commune_desk.services.errors import ServiceError
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.report_files import pdf_text, soffice_to_pdf

PERIOD = Period.parse("2025-Q3")
THIN = Side(style="thin", color="FF000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def make_template(path: Path, extra: dict[str, str] | None = None) -> Path:
    """A form as a province would send it: merged title, styled cells, print set-up."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mẫu 01"
    sheet["A1"] = "BÁO CÁO PHONG TRÀO BÌNH DÂN HỌC VỤ SỐ"
    sheet["A1"].font = Font(name="Times New Roman", size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A1:D1")
    sheet["A2"] = "Đơn vị: {{commune.name}} (ghi rõ)"  # not a whole-cell placeholder: kept
    cells = {
        "B2": "{{commune.name}}",
        "C2": "{{commune.code}}",
        "B3": "{{period.label}}",
        "C3": "{{report.window}}",
        "D3": "{{report.date}}",
        "A5": "Hồ sơ trực tuyến",
        "B5": "{{tthc.received_online}}",
        "C5": "{{tthc.received_online.ytd}}",
        "D5": "{{ind.online_records_pct}}",
        "E5": "{{ind.online_records_pct.target}}",
        "F5": "{{ind.online_records_pct.pct}}",
        "G5": "{{ tthc.received_online.last_year }}",
        "B6": "{{pop.population}}",
        "B8": "{{signer.name}}",
        **(extra or {}),
    }
    for ref, text in cells.items():
        sheet[ref] = text
    for ref in ("B5", "C5", "D5", "E5", "F5", "G5", "B6"):
        sheet[ref].font = Font(name="Arial", size=10, italic=True)
        sheet[ref].border = BOX
        sheet[ref].fill = PatternFill("solid", fgColor="FFFFF2CC")
        sheet[ref].number_format = "#,##0.0" if ref in ("D5", "F5") else "#,##0"
    sheet.column_dimensions["A"].width = 30
    sheet.row_dimensions[5].height = 24
    sheet.freeze_panes = "B5"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9
    sheet.print_area = "A1:G10"
    sheet.print_title_rows = "1:2"
    guide = workbook.create_sheet("Hướng dẫn")
    guide["A1"] = "Điền số liệu vào các ô màu vàng."
    guide["A1"].font = Font(name="Arial", size=11, color="FFFF0000")
    workbook.save(path)
    return path


@pytest.fixture
def filled_ctx(ctx):
    ValuesService(ctx).save(
        [
            ValueChange("tthc.received_online", "2025-09", 1168),
            ValueChange("tthc.received_direct", "2025-09", 140),
        ]
    )
    CommuneService(ctx).set_settings({"signer_name": "=Lê Văn An"})
    return ctx


def test_placeholders_are_filled_and_the_rest_is_kept(filled_ctx, tmp_path):
    template = make_template(tmp_path / "mau-tinh.xlsx")
    out = tmp_path / "bao-cao-tinh.xlsx"
    result = ReportService(filled_ctx).export(PERIOD, out, template=template)
    assert result.version == 1
    figures = IndicatorService(filled_ctx).compute(PERIOD).figures
    before = load_workbook(template)
    after = load_workbook(out)
    sheet, old = after["Mẫu 01"], before["Mẫu 01"]
    assert sheet["B2"].value == "Xã Thiệu Trung"
    assert sheet["C2"].value == "15880"
    assert sheet["B3"].value == "Quý III/2025"
    assert sheet["C3"].value == "Số liệu từ ngày 1/7/2025 đến ngày 30/9/2025"
    assert sheet["D3"].value == "21/11/2026"
    assert sheet["B5"].value == 1168
    assert sheet["C5"].value == figures["tthc.received_online"].ytd
    assert sheet["D5"].value == pytest.approx(figures["ind.online_records_pct"].value, rel=1e-15)
    assert sheet["E5"].value == 70  # the catalogue's target for 2025
    assert sheet["F5"].value == pytest.approx(figures["ind.online_records_pct"].pct_of_target)
    assert sheet["G5"].value is None  # no value last year: an empty cell
    assert sheet["B6"].value is None
    assert sheet["B8"].value == "=Lê Văn An" and sheet["B8"].data_type == "s"
    assert sheet["A2"].value == "Đơn vị: {{commune.name}} (ghi rõ)"
    # Everything else as the province made it.
    assert sheet["A1"].value == old["A1"].value
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:D1"}
    for ref in ("A1", "B5", "D5", "F5", "B6"):
        assert copy(sheet[ref].font) == copy(old[ref].font)
        assert copy(sheet[ref].border) == copy(old[ref].border)
        assert copy(sheet[ref].fill) == copy(old[ref].fill)
        assert sheet[ref].number_format == old[ref].number_format
    assert sheet.column_dimensions["A"].width == 30
    assert sheet.row_dimensions[5].height == 24
    assert sheet.freeze_panes == "B5"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_area == old.print_area
    assert sheet.print_title_rows == old.print_title_rows
    assert sheet.oddHeader.center.text is None
    guide = after["Hướng dẫn"]
    assert guide["A1"].value == "Điền số liệu vào các ô màu vàng."
    assert copy(guide["A1"].font) == copy(before["Hướng dẫn"]["A1"].font)
    assert after.sheetnames == ["Mẫu 01", "Hướng dẫn", DATA_SHEET]
    assert after[DATA_SHEET].sheet_state == "hidden"
    data = read_data_sheet(out)
    assert data.intact and data.get("version") == "1"
    assert data.number("tthc.received_online") == 1168


def test_an_unknown_placeholder_is_refused_naming_sheet_and_cell(filled_ctx, tmp_path):
    template = make_template(tmp_path / "mau.xlsx", {"C8": "{{khong.co}}", "D9": "{{pop.xyz}}"})
    out = tmp_path / "out.xlsx"
    with pytest.raises(ServiceError) as caught:
        ReportService(filled_ctx).export(PERIOD, out, template=template)
    message = str(caught.value)
    assert "mau.xlsx" in message
    assert "trang «Mẫu 01», ô C8: {{khong.co}}" in message
    assert "ô D9: {{pop.xyz}}" in message
    assert not out.exists()
    assert ReportService(filled_ctx).status(PERIOD).version is None  # nothing recorded


def test_a_template_without_placeholders_or_not_a_workbook_is_refused(filled_ctx, tmp_path):
    empty = tmp_path / "trong.xlsx"
    Workbook().save(empty)
    with pytest.raises(ServiceError, match="không có ô giữ chỗ"):
        ReportService(filled_ctx).export(PERIOD, tmp_path / "o.xlsx", draft=True, template=empty)
    junk = tmp_path / "hong.xlsx"
    junk.write_text("không phải bảng tính")
    with pytest.raises(ServiceError, match=r"hong\.xlsx"):
        ReportService(filled_ctx).export(PERIOD, tmp_path / "o.xlsx", draft=True, template=junk)
    with pytest.raises(ServiceError, match=r"khong-co\.xlsx"):
        ReportService(filled_ctx).export(
            PERIOD, tmp_path / "o.xlsx", draft=True, template=tmp_path / "khong-co.xlsx"
        )


def test_a_draft_template_says_so_in_the_page_header(filled_ctx, tmp_path):
    template = make_template(tmp_path / "mau.xlsx")
    out = tmp_path / "nhap.xlsx"
    result = ReportService(filled_ctx).export(PERIOD, out, draft=True, template=template)
    assert result.version is None
    workbook = load_workbook(out)
    assert workbook["Mẫu 01"].oddHeader.center.text == "BẢN NHÁP"
    assert read_data_sheet(out).get("draft") == "1"
    pdf = soffice_to_pdf([out], tmp_path / "pdf")[out]  # a real spreadsheet program opens it
    text = pdf_text(pdf)
    if text is not None:
        assert "15880" in text and "1.168" in text.replace(",", ".") and "=Lê Văn An" in text
