"""The province's own form read back from hand-filled copies: rows found by their labels,
Vietnamese numbers and periods, values that are no number named with their cell, formulas
without a result not taken for broken files."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from commune_desk.domain.consolidation import IssueKind
from commune_desk.excel.tables import TableError, check_xlsx_container
from commune_desk.services.consolidation import ConsolidationService
from tests.support.consolidation import catalogue

PERIOD = "2026-Q3"
ROWS = (
    ("Số hồ sơ tiếp nhận trực tuyến", "tthc.received_online"),
    ("Số hồ sơ tiếp nhận trực tiếp", "tthc.received_direct"),
    ("Số hồ sơ tiếp nhận qua bưu chính", "tthc.received_postal"),
)


def form(path):
    """The province's form: heading fields, three figure rows, a formula of its own."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mẫu tỉnh"
    sheet["A1"], sheet["B1"] = "Mã xã", "{{commune.code}}"
    sheet["A2"], sheet["B2"] = "Tên xã", "{{commune.name}}"
    sheet["A3"], sheet["B3"] = "Kỳ báo cáo", "{{period.key}}"
    sheet["A4"], sheet["B4"] = "Chỉ tiêu", "Số lượng"
    for row, (label, code) in enumerate(ROWS, start=5):
        sheet.cell(row, 1).value, sheet.cell(row, 2).value = label, f"{{{{{code}}}}}"
    sheet["A8"], sheet["B8"] = "Tỷ lệ trực tuyến (%)", '=IF(SUM(B5:B7)>0,B5/SUM(B5:B7)*100,"")'
    workbook.save(path)
    return path


def copy(path, template, code, name, period, figures, insert_at=None, relabel=None):
    """A commune's copy filled by hand (openpyxl saves no formula results)."""
    workbook = load_workbook(template)
    sheet = workbook["Mẫu tỉnh"]
    sheet["B1"], sheet["B2"], sheet["B3"] = code, name, period
    for row, value in zip((5, 6, 7), figures, strict=True):
        sheet.cell(row, 2).value = value
    if relabel:
        sheet.cell(relabel[0], 1).value = relabel[1]
    if insert_at:
        sheet.insert_rows(insert_at)
        sheet.cell(insert_at, 1).value = "Ghi chú của xã"
        sheet.cell(insert_at, 2).value = 999
    workbook.save(path)
    return path


@pytest.fixture
def scene(tmp_path):
    template = form(tmp_path / "mau.xlsx")
    folder = tmp_path / "ban_dien"
    folder.mkdir()
    return template, folder


def consolidate(template, folder, tmp_path):
    out = tmp_path / "tong_hop.xlsx"
    service = ConsolidationService(catalogue())
    return service.consolidate([folder], out, PERIOD, template=template), out


def totals(out):
    sheet = load_workbook(out)["Tổng hợp"]
    codes = catalogue().codes()
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "TỔNG CỘNG")
    return {code: sheet.cell(row, 4 + i).value for i, code in enumerate(codes)}


def test_an_inserted_row_is_followed_by_its_labels(scene, tmp_path):
    # The issue's case: one inserted row made three figures come from the wrong rows, with
    # "Không có vấn đề nào".
    template, folder = scene
    copy(folder / "a.xlsx", template, "16001", "Xã A", PERIOD, (30, 10, 5), insert_at=5)
    copy(folder / "b.xlsx", template, "16002", "Xã B", PERIOD, (70, 20, 0))
    result, out = consolidate(template, folder, tmp_path)
    assert (result.communes, result.problems) == (2, ())
    total = totals(out)
    assert (total["tthc.received_online"], total["tthc.received_direct"]) == (100, 30)
    assert total["tthc.received_postal"] == 5


def test_a_row_whose_label_is_gone_is_named_not_read_wrong(scene, tmp_path):
    template, folder = scene
    copy(
        folder / "a.xlsx",
        template,
        "16001",
        "Xã A",
        PERIOD,
        (30, 10, 5),
        insert_at=5,
        relabel=(6, "Hồ sơ khác"),
    )
    result, out = consolidate(template, folder, tmp_path)
    (issue,) = result.problems
    assert issue.kind is IssueKind.UNREAD_VALUE
    assert issue.detail.startswith("a.xlsx: không tìm thấy dòng «Số hồ sơ tiếp nhận trực tiếp»")
    total = totals(out)
    assert total["tthc.received_direct"] is None  # named, never read from another row
    assert (total["tthc.received_online"], total["tthc.received_postal"]) == (30, 5)


def test_vietnamese_numbers_and_periods_are_read_and_words_named_with_their_cell(scene, tmp_path):
    template, folder = scene
    copy(folder / "a.xlsx", template, "16001", "Xã A", "Quý III/2026", ("1.320", "1 234", "5 tổ"))
    result, out = consolidate(template, folder, tmp_path)
    (issue,) = result.problems  # no "kỳ Quý III/2026, không phải kỳ Quý III/2026"
    assert issue.kind is IssueKind.UNREAD_VALUE
    assert "trang «Mẫu tỉnh», ô B7 (tthc.received_postal" in issue.detail
    assert "«5 tổ» không phải là số" in issue.detail
    total = totals(out)
    assert (total["tthc.received_online"], total["tthc.received_direct"]) == (1320, 1234)
    grid = load_workbook(out)["Tình trạng nộp"]
    assert "Quý III/2026" in [c.value for row in grid.iter_rows() for c in row]


def test_a_count_typed_with_a_decimal_comma_is_named_not_left_blank_silently(scene, tmp_path):
    # The issue's case: "1,320" was silently left blank. The Vietnamese way reads it 1,32,
    # which no count is: the cell is named, the rest of the copy is summed.
    template, folder = scene
    copy(folder / "a.xlsx", template, "16001", "Xã A", PERIOD, ("1,320", 10, 5))
    result, out = consolidate(template, folder, tmp_path)
    (issue,) = result.problems
    assert (
        "ô B5 (tthc.received_online" in issue.detail
        and "«1,320» không phải số nguyên" in issue.detail
    )
    assert result.communes == 1 and totals(out)["tthc.received_direct"] == 10


def test_a_copy_whose_formulas_have_no_result_is_no_broken_file(scene, tmp_path):
    template, folder = scene
    copy(folder / "a.xlsx", template, "16001", "Xã A", PERIOD, (30, 10, 5))
    result, _ = consolidate(template, folder, tmp_path)
    assert result.communes == 1 and result.problems == ()


def test_a_formula_refused_in_a_list_is_named_without_xml_escapes(scene):
    template, _ = scene
    with pytest.raises(TableError) as refused:
        check_xlsx_container(template)  # a list to import: a formula without a result
    message = str(refused.value)
    assert "ô B8" in message and "SUM(B5:B7)>0" in message and "&gt;" not in message


def test_a_simple_formula_without_result_is_computed_another_is_named(scene, tmp_path):
    template, folder = scene
    copy(folder / "a.xlsx", template, "16001", "Xã A", PERIOD, (30, 10, "=B5-B6-15"))
    copy(folder / "b.xlsx", template, "16002", "Xã B", PERIOD, (70, 20, "=VLOOKUP(A1,D:E,2)"))
    result, out = consolidate(template, folder, tmp_path)
    (issue,) = result.problems
    assert issue.file == "b.xlsx" and issue.kind is IssueKind.UNREAD_VALUE
    assert "ô B7: công thức «=VLOOKUP(A1,D:E,2)» chưa có kết quả" in issue.detail
    assert totals(out)["tthc.received_postal"] == 5  # 30 - 10 - 15, computed for Xã A
