"""The report workbook of the demo commune, read back cell by cell, and opened by LibreOffice."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from commune_desk.domain.catalogue import Indicator
from commune_desk.domain.periods import Period
from commune_desk.excel import atomic
from commune_desk.excel.atomic import WorkbookWriteError
from commune_desk.excel.data_sheet import DATA_SHEET, checksum, read_data_sheet
from commune_desk.excel.report import write_report
from commune_desk.excel.report_document import (
    REPORT_COLUMN_MARKS,
    REPORT_HEADERS,
    ReportDocument,
    ReportRow,
    Signature,
)
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.reports import ReportService
from tests.support.report_files import (
    assert_page_numbers,
    demo_copy,
    opened_at,
    pdf_pages,
    pdf_text,
    sheet_xml,
    soffice_to_pdf,
    visible_cells,
)

PERIOD = Period.parse("2026-Q3")
SHEETS = ["Báo cáo", "Biểu 01", "Biểu 02", "Biểu 03", "Biểu 04", DATA_SHEET]
FIRST_BODY_ROW = 13


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's 2026-Q3 report as a draft and as submission version 1, with the figures."""
    folder = tmp_path_factory.mktemp("demo-report")
    with opened_at(demo_copy(folder)) as ctx:
        service = ReportService(ctx)
        draft = service.export(PERIOD, folder / "nhap.xlsx", draft=True)
        submitted = service.export(PERIOD, folder / "bao-cao.xlsx")
        figures = IndicatorService(ctx).compute(PERIOD)
        previous = IndicatorService(ctx).compute(PERIOD.previous())
        catalogue = ctx.catalogue
    return {
        "folder": folder,
        "draft": draft,
        "submitted": submitted,
        "figures": figures,
        "previous": previous,
        "catalogue": catalogue,
    }


@pytest.fixture(scope="module")
def pdfs(demo):
    files = [demo["submitted"].path, demo["draft"].path]
    return soffice_to_pdf(files, demo["folder"] / "pdf")


def report_sheet(path: Path):
    return load_workbook(path)["Báo cáo"]


def test_the_sheets_and_the_hidden_data(demo):
    workbook = load_workbook(demo["submitted"].path)
    assert workbook.sheetnames == SHEETS
    assert [s.sheet_state for s in workbook.worksheets] == ["visible"] * 5 + ["hidden"]
    assert workbook.active.title == "Báo cáo"


def test_the_heading_follows_decree_30(demo):
    sheet = report_sheet(demo["submitted"].path)
    assert sheet["A1"].value == "Biểu số 01/BDHVS-X"
    assert (sheet["A2"].value, sheet["A3"].value) == ("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG PHONG")
    assert sheet["A2"].font.b and sheet["A3"].font.b
    assert sheet["D2"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and sheet["D2"].font.b
    motto = sheet["D3"]
    assert motto.value == "Độc lập - Tự do - Hạnh phúc"
    assert motto.font.b and motto.font.u == "single" and motto.font.sz == 14
    assert sheet["A5"].value.startswith("Số:") and sheet["A5"].value.endswith("/BC-UBND")
    assert sheet["D5"].value == "Đông Phong, ngày 21 tháng 11 năm 2026"
    assert sheet["D5"].font.i
    assert sheet["A7"].value == "BÁO CÁO (PHIÊN BẢN 1)" and sheet["A7"].font.b
    assert sheet["A8"].value == (
        'Kết quả thực hiện phong trào "Bình dân học vụ số" Quý III năm 2026'
    )
    assert sheet["A9"].value == "(Số liệu từ ngày 1/7/2026 đến ngày 30/9/2026)"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:C1", "A2:C2", "A3:C3", "A5:C5", "D2:J2", "D3:J3", "D5:J5"} <= merged
    assert {"A7:J7", "A8:J8", "A9:J9"} <= merged


def test_the_table_has_the_official_columns_and_one_row_per_catalogue_item(demo):
    sheet = report_sheet(demo["submitted"].path)
    assert tuple(c.value for c in sheet[11][:10]) == REPORT_HEADERS
    assert tuple(c.value for c in sheet[12][:10]) == REPORT_COLUMN_MARKS
    catalogue = demo["catalogue"]
    expected = []
    for section in catalogue.sections:
        expected.append(("section", section.title.upper()))
        expected += [("item", item.label) for item in catalogue.section_items(section.key)]
    found = []
    row = FIRST_BODY_ROW
    while sheet.cell(row, 2).value and sheet.cell(row, 2).border.left.style == "thin":
        label = sheet.cell(row, 2)
        found.append(("section" if label.font.b else "item", label.value))
        row += 1
    assert found == expected
    numerals = [sheet.cell(r, 1).value for r in range(FIRST_BODY_ROW, row)]
    assert [n for n in numerals if n in ("I", "II", "III", "IV", "V")] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
    ]


def _row_of(sheet, label: str) -> int:
    for row in range(FIRST_BODY_ROW, sheet.max_row + 1):
        if sheet.cell(row, 2).value == label:
            return row
    raise AssertionError(label)


def test_cells_keep_exact_numbers_shown_the_vietnamese_way(demo):
    sheet = report_sheet(demo["submitted"].path)
    catalogue, figures = demo["catalogue"], demo["figures"].figures
    previous = demo["previous"].figures
    for item in catalogue.items():
        row = _row_of(sheet, item.label)
        f = figures[item.code]
        cells = [sheet.cell(row, c) for c in (4, 5, 7, 8, 9)]
        expected = [f.target, f.value, f.ytd, f.last_year, f.pct_of_target]
        before = sheet.cell(row, 6).value  # the previous period, beside this one
        want = previous[item.code].value
        assert before == (None if want is None else pytest.approx(want, rel=1e-15)), item.code
        # Not rounded: the exact number (to the 16 digits a spreadsheet keeps).
        for cell, value in zip(cells, expected, strict=True):
            assert cell.value == (None if value is None else pytest.approx(value, rel=1e-15))
        pct = cells[4]
        assert pct.number_format == "[$-42A]#,##0.0"  # 89,2 while the cell keeps 89.2…
        if isinstance(item, Indicator):
            assert cells[1].number_format == "[$-42A]#,##0.0"
        elif isinstance(f.value, int):
            assert cells[1].number_format == "[$-42A]#,##0"
    online = figures["ind.online_records_pct"].value
    assert 0 < online < 100 and not float(online).is_integer()
    assert previous["tthc.received_online"].value  # the demo has the previous quarter too


def test_times_new_roman_throughout(demo):
    workbook = load_workbook(demo["submitted"].path)
    fonts = {(sheet.title, cell.font.name) for sheet, cell in visible_cells(workbook)}
    assert {name for _, name in fonts} == {"Times New Roman"}
    assert {title for title, _ in fonts} == set(SHEETS[:-1])


def test_print_set_up(demo):
    workbook = load_workbook(demo["submitted"].path)
    sheet = workbook["Báo cáo"]
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$11:$12"
    assert sheet.print_area == f"'Báo cáo'!$A$1:$J${sheet.max_row}"
    margins = sheet.page_margins
    mm = [round(v * 25.4) for v in (margins.top, margins.bottom, margins.left, margins.right)]
    assert 20 <= mm[0] <= 25 and 20 <= mm[1] <= 25 and 30 <= mm[2] <= 35 and 15 <= mm[3] <= 20
    assert sheet.oddHeader.right.text is None  # a submission is not a draft
    # Decree 30: the page number top centre, not on the first page; each sheet from 1
    assert sheet.oddHeader.center.text == "&P" and sheet.HeaderFooter.differentFirst
    assert sheet.firstHeader.center.text is None
    assert sheet.page_setup.firstPageNumber == 1 and sheet.page_setup.useFirstPageNumber
    for appendix in workbook.worksheets[1:5]:
        assert appendix.page_setup.orientation == "landscape"
        assert appendix.sheet_properties.pageSetUpPr.fitToPage
        assert appendix.print_area


def test_the_signature_block_and_the_recipients(demo):
    sheet = report_sheet(demo["submitted"].path)
    values = {
        (c.row, c.column): c.value for row in sheet.iter_rows(min_row=80) for c in row if c.value
    }
    texts = list(values.values())
    assert "Nơi nhận:" in texts and "Người lập biểu" in texts
    assert "TM. ỦY BAN NHÂN DÂN" in texts and "CHỦ TỊCH" in texts
    start = next(r for (r, c), v in values.items() if v == "Nơi nhận:")
    recipients = [values[(r, 1)] for r in range(start + 1, start + 10) if (r, 1) in values]
    assert recipients[0] == "- UBND tỉnh Thanh Hóa;"
    assert recipients[-1] == "- Lưu: VT."
    assert all(line.endswith(";") for line in recipients[:-1])
    capacity = next((r, c) for (r, c), v in values.items() if v == "TM. ỦY BAN NHÂN DÂN")
    name = [v for (r, c), v in values.items() if c == capacity[1] and r > capacity[0] + 2]
    assert name and name[0].split()[0] in {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"}


def test_draft_marks_title_and_page_header_and_data(demo):
    workbook = load_workbook(demo["draft"].path)
    assert workbook["Báo cáo"]["A7"].value == "BÁO CÁO (BẢN NHÁP)"
    for sheet in workbook.worksheets[:5]:
        assert sheet.oddHeader.right.text == sheet.firstHeader.right.text == "BẢN NHÁP"
        assert sheet.oddHeader.center.text == "&P"  # the page number stays in the centre
    data = read_data_sheet(demo["draft"].path)
    assert (data.get("draft"), data.get("version")) == ("1", "")
    assert data.get("submission_id") == "" and data.get("issued_at") == ""
    assert demo["draft"].version is None


def test_the_data_sheet_carries_every_code_and_its_checksum(demo):
    result = demo["submitted"]
    data = read_data_sheet(result.path)
    assert data.intact
    keys = [k for k, _ in data.rows]
    head = ["format", "commune_code", "commune_name", "province", "period", "generated_at"]
    head += ["app_version", "draft", "version", "catalogue_version"]
    head += ["issued_at", "submission_id"]  # a submission's identity (empty in a draft)
    head += ["narrative.assessment", "narrative.difficulties", "narrative.proposals", "public_key"]
    assert keys[:16] == head
    catalogue = demo["catalogue"]
    assert keys[16:] == list(catalogue.codes())
    assert data.signature_valid()
    values = data.values
    assert values["format"] == "commune-desk-report/1"
    assert (values["commune_code"], values["period"]) == ("16024", "2026-Q3")
    assert (values["draft"], values["version"]) == ("0", "1")
    assert values["generated_at"] == "2026-11-21T09:30:00"
    assert values["catalogue_version"] == catalogue.version
    for code, figure in demo["figures"].figures.items():
        text = values[code]
        assert "," not in text and "e" not in text
        assert (float(text) if text else None) == figure.value
    # The checksum of the rows exactly as openpyxl reads them back.
    sheet = load_workbook(result.path)[DATA_SHEET]
    rows = [(r[0].value, r[1].value or "") for r in sheet.iter_rows(min_row=2)]
    assert rows[-2] == ("sha256", checksum(rows[:-2]))
    assert rows[-1] == ("signature", data.signature)


def test_the_returned_sha256_is_the_files(demo):
    result = demo["submitted"]
    assert result.sha256 == atomic.file_sha256(result.path)
    assert result.version == 1


def test_the_appendices(demo):
    workbook = load_workbook(demo["submitted"].path)
    trainings = workbook["Biểu 01"]
    texts = [c.value for row in trainings.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("CÁC KHÓA BỒI DƯỠNG") for t in texts)
    assert "Danh sách học viên" in " ".join(texts)
    teams = workbook["Biểu 02"]
    team_rows = [r for r in teams.iter_rows(min_row=8) if isinstance(r[0].value, int)]
    assert len(team_rows) >= 26  # every active team, then its members
    online = workbook["Biểu 03"]
    header_row = next(r for r in online.iter_rows() if r[0].value == "STT")
    headers = [c.value for c in header_row if c.value]
    assert headers[3:] == ["Tháng 7/2026", "Tháng 8/2026", "Tháng 9/2026", "Cả kỳ báo cáo"]
    infra = " ".join(
        c.value for row in workbook["Biểu 04"].iter_rows() for c in row if isinstance(c.value, str)
    )
    assert "HẠ TẦNG SỐ" in infra and "Theo thôn, tổ dân phố" in infra


def test_appendices_01_and_02_repeat_the_header_of_their_list_of_people(demo):
    workbook = load_workbook(demo["submitted"].path)
    for name, first in (("Biểu 01", "Họ và tên"), ("Biểu 02", "Họ và tên")):
        sheet = workbook[name]
        rows = [r for r in sheet.iter_rows() if r[0].value == "STT"]
        last_header = rows[-1][0].row  # the list of people, the sheet's long table
        assert sheet.print_title_rows == f"${last_header}:${last_header}"
        assert sheet.cell(last_header, 2).value == first


def test_libreoffice_opens_and_prints_both_reports(demo, pdfs):
    submitted, draft = pdfs[demo["submitted"].path], pdfs[demo["draft"].path]
    assert submitted.read_bytes().startswith(b"%PDF")
    assert pdf_pages(submitted) >= 5  # the report, then the appendices
    text = pdf_text(submitted)
    if text is not None:
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Nơi nhận:",
            "Người lập biểu",
            "Lũy kế từ",
        ):
            assert expected in text
        online = demo["figures"].figures["tthc.received_online"].value
        assert f"{online:,}".replace(",", ".") in text  # 1.320: Vietnamese grouping
        assert "BẢN NHÁP" not in text
        assert "BẢN NHÁP" in (pdf_text(draft) or "")
        pages = text.split("\f")
        signed = next(p for p in pages if "Nơi nhận:" in p)
        assert "Tỷ lệ" in signed  # the signature is never on a page of its own
        assert sum("Lũy kế từ" in p for p in pages) >= 2  # the header repeats on every page
        assert_page_numbers(pages)


# -- small documents: user text, failures ---------------------------------------------------


def small_document(**changes) -> ReportDocument:
    rows = (
        ReportRow("I", "Phổ cập kỹ năng số", is_section=True),
        ReportRow("1", "Dân số", "người", None, 1234, 1234, 1200, None, code="pop.population"),
        ReportRow("2", "Tỷ lệ", "%", 80, 89.25, 89.25, 70, 111.5625, is_indicator=True, code="x"),
    )
    document = ReportDocument(
        agency=("ỦY BAN NHÂN DÂN", "XÃ THIỆU TRUNG"),
        form_code="Biểu số 01/BDHVS-X",
        number_line="Số: 05/BC-UBND",
        date_line="Thiệu Trung, ngày 05 tháng 10 năm 2025",
        subject='Kết quả thực hiện phong trào "Bình dân học vụ số" Quý III năm 2025',
        window_line="(Số liệu từ ngày 1/7/2025 đến ngày 30/9/2025)",
        rows=rows,
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn A"),
        preparer="Trần Thị B",
        recipients=("- UBND tỉnh Thanh Hóa;", "- Lưu: VT."),
        draft=False,
        appendices=(),
        data=(("format", "commune-desk-report/1"), ("pop.population", "1234")),
    )
    return replace(document, **changes)


def test_formula_like_user_text_lands_as_text(tmp_path):
    tricky = ['=HYPERLINK("http://x")', "+84 912 345 678", "-5 hộ", "@admin"]
    rows = (ReportRow("1", tricky[0], "người", None, 1, 1, None, None, note=tricky[1], code="a"),)
    document = small_document(
        rows=rows,
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", tricky[2]),
        preparer=tricky[3],
        recipients=("- =cmd|' /C calc'!A0;", "- Lưu: VT."),
    )
    path = tmp_path / "r.xlsx"
    write_report(path, document)
    sheet = load_workbook(path)["Báo cáo"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for text in [*tricky, "- =cmd|' /C calc'!A0;"]:
        assert cells[text].data_type == "s", text
    assert "<f>" not in sheet_xml(path, "xl/worksheets/sheet1.xml")


def test_control_characters_are_dropped(tmp_path):
    rows = (ReportRow("1", "Dân\x01 số", "người", None, 1, 1, None, None, code="a"),)
    path = tmp_path / "r.xlsx"
    write_report(path, small_document(rows=rows))
    assert _row_labels(path) == ["Dân số"]


def _row_labels(path: Path) -> list[str]:
    sheet = load_workbook(path)["Báo cáo"]
    return [sheet.cell(r, 2).value for r in range(FIRST_BODY_ROW, FIRST_BODY_ROW + 1)]


def leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_a_target_open_in_excel_is_left_whole(tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"the workbook Excel holds open")

    def refuse(src, dst):  # what Windows does while Excel holds the file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(WorkbookWriteError, match=r"bao-cao\.xlsx: tệp đang được mở"):
        write_report(target, small_document())
    assert target.read_bytes() == b"the workbook Excel holds open"
    assert leftovers(tmp_path) == ["bao-cao.xlsx"]


def test_a_folder_that_refuses_new_files_is_named(tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(WorkbookWriteError, match=r"r\.xlsx: không có quyền ghi vào thư mục"):
        write_report(tmp_path / "r.xlsx", small_document())
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(WorkbookWriteError, match=r"r\.xlsx: không có thư mục"):
        write_report(tmp_path / "none" / "r.xlsx", small_document())


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(WorkbookWriteError, match="không có quyền ghi"):
            write_report(folder / "r.xlsx", small_document())
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failure_while_saving_leaves_nothing(tmp_path, monkeypatch):
    from commune_desk.excel import report

    def broken(document):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "build_workbook", broken)
    with pytest.raises(WorkbookWriteError, match="No space left"):
        write_report(tmp_path / "r.xlsx", small_document())
    assert leftovers(tmp_path) == []
