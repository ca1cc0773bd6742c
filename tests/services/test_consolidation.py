"""Consolidating dozens of generated commune reports with broken, tampered and duplicate files."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from commune_desk.demo.province import varied_values
from commune_desk.domain.consolidation import IssueKind
from commune_desk.excel.consolidation_document import ROWS_HEADER
from commune_desk.services.consolidation import ConsolidationError, ConsolidationService
from tests.support.common import FIXED_NOW
from tests.support.consolidation import (
    catalogue,
    edit_visible,
    entity_bomb,
    tamper_data,
    truncated,
    write_commune,
    zip_bomb,
)

PERIOD = "2025-Q3"
COMMUNES = 36  # expected in the province's list; 33 send a good report
EXPECTED = {f"{16000 + i}": f"Xã Thử {i:02d}" for i in range(COMMUNES)}


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    nested = folder / "huyen_a" / "dot_2"
    nested.mkdir(parents=True)
    rng = random.Random(7)
    cat = catalogue()
    good: dict[str, dict[str, int]] = {}
    codes = list(EXPECTED)
    for index, code in enumerate(codes[:33]):
        values = varied_values(cat, rng)
        where = nested if index % 3 == 0 else folder
        write_commune(where, code, EXPECTED[code], PERIOD, values, version=1)
        good[code] = values
    # A corrected re-submission (v2) of one commune: v2 is used, v1 listed as a duplicate.
    v2 = varied_values(cat, rng)
    write_commune(folder, codes[0], EXPECTED[codes[0]], PERIOD, v2, version=2)
    good[codes[0]] = v2
    # A draft of a commune that already submitted: listed as a duplicate, not used.
    write_commune(folder, codes[1], EXPECTED[codes[1]], PERIOD, varied_values(cat, rng), draft=True)
    # Another period: in the grid, listed, not summed.
    write_commune(folder, codes[2], EXPECTED[codes[2]], "2025-Q2", varied_values(cat, rng))
    # A commune that is not in the province's list.
    write_commune(folder, "99999", "Xã Lạ", PERIOD, varied_values(cat, rng))
    # Commune 33: checksum broken (a figure edited in `_data` by hand).
    tampered = write_commune(
        folder, codes[33], EXPECTED[codes[33]], PERIOD, varied_values(cat, rng)
    )
    tamper_data(tampered, "tthc.received_online", "999999")
    # Commune 34: sheet 1 edited after export, `_data` intact.
    edited = write_commune(folder, codes[34], EXPECTED[codes[34]], PERIOD, varied_values(cat, rng))
    edit_visible(edited, "Số hồ sơ tiếp nhận trực tuyến", 123456)
    # Commune 35 sends nothing. Then the hostile and broken files.
    source = folder / f"{codes[3]}_{PERIOD}_v1.xlsx"
    if not source.exists():
        source = nested / f"{codes[3]}_{PERIOD}_v1.xlsx"
    (folder / "ghi_chu.xlsx").write_text("đây không phải bảng tính", encoding="utf-8")
    (folder / "rong.xlsx").write_bytes(b"")
    truncated(source, folder / "cat_cut.xlsx")
    zip_bomb(folder / "bom.xlsx")
    entity_bomb(source, folder / "thuc_the.xlsx")
    no_data = load_workbook(source)
    del no_data["_data"]
    no_data.save(folder / "khong_data.xlsx")
    (folder / "doc.txt").write_text("not read: not .xlsx")
    units = folder.parent / "units.csv"
    units.write_text("code,name\n" + "".join(f"{c},{n}\n" for c, n in EXPECTED.items()), "utf-8")
    out = folder.parent / "tong_hop.xlsx"
    service = ConsolidationService(cat, lambda: FIXED_NOW.date())
    seen: list[tuple[int, int]] = []
    result = service.consolidate(
        [folder], out, PERIOD, units, progress=lambda d, t: seen.append((d, t))
    )
    return {
        "result": result,
        "good": good,
        "codes": codes,
        "out": out,
        "seen": seen,
        "folder": folder,
    }


def kinds(result) -> dict[str, IssueKind]:
    return {issue.file: issue.kind for issue in result.problems}


def test_summary_counts(scene):
    result = scene["result"]
    assert result.files == 33 + 1 + 1 + 1 + 1 + 2 + 6  # .txt not read
    assert result.communes == 33
    assert result.summary.startswith(f"Đã đọc {result.files} tệp, tổng hợp 33 xã, ")
    assert scene["seen"][-1] == (result.files, result.files)


def test_every_problem_is_listed(scene):
    codes = scene["codes"]
    found = kinds(scene["result"])
    assert found == {
        f"{codes[0]}_{PERIOD}_v1.xlsx": IssueKind.DUPLICATE,
        f"{codes[1]}_{PERIOD}_v1_nhap.xlsx": IssueKind.DRAFT,
        f"{codes[2]}_2025-Q2_v1.xlsx": IssueKind.OTHER_PERIOD,
        f"99999_{PERIOD}_v1.xlsx": IssueKind.UNKNOWN_COMMUNE,
        f"{codes[33]}_{PERIOD}_v1.xlsx": IssueKind.CHECKSUM,
        f"{codes[34]}_{PERIOD}_v1.xlsx": IssueKind.MISMATCH,
        "ghi_chu.xlsx": IssueKind.NOT_WORKBOOK,
        "rong.xlsx": IssueKind.NOT_WORKBOOK,
        "cat_cut.xlsx": IssueKind.UNREADABLE,
        "bom.xlsx": IssueKind.REFUSED,
        "thuc_the.xlsx": IssueKind.REFUSED,
        "khong_data.xlsx": IssueKind.NO_DATA,
    }
    mismatch = next(i for i in scene["result"].problems if i.kind is IssueKind.MISMATCH)
    assert "«Số hồ sơ tiếp nhận trực tuyến»" in mismatch.detail and "123456" in mismatch.detail
    assert "tthc." not in mismatch.detail and "_data" not in mismatch.detail


def sheet_rows(path: Path) -> tuple[list[str], list[tuple]]:
    sheet = load_workbook(path)["_rows"]
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def test_rows_sheet_has_every_commune_used_with_numbers(scene):
    header, rows = sheet_rows(scene["out"])
    cat = catalogue()
    assert tuple(header[:6]) == ROWS_HEADER and tuple(header[6:]) == cat.codes()
    assert load_workbook(scene["out"])["_rows"].sheet_state == "hidden"
    by_code = {row[0]: row for row in rows}
    assert set(by_code) == set(scene["good"])
    codes = scene["codes"]
    assert by_code[codes[0]][3] == 2  # the corrected version was used
    for code, values in scene["good"].items():
        row = dict(zip(header, by_code[code], strict=True))
        assert row["period"] == PERIOD
        for element, value in values.items():
            assert row[element] == value


def summary_total_row(path: Path) -> dict[str, object]:
    sheet = load_workbook(path)["Tổng hợp"]
    cat = catalogue()
    total = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "TỔNG CỘNG")
    return {code: sheet.cell(total, 4 + i).value for i, code in enumerate(cat.codes())} | {
        "_row": total,
        "_covered": [sheet.cell(total + 1, 4 + i).value for i in range(len(cat.codes()))],
        "_targets": [sheet.cell(total + 2, 4 + i).value for i in range(len(cat.codes()))],
        "_met": [sheet.cell(total + 3, 4 + i).value for i in range(len(cat.codes()))],
    }


def test_totals_are_sums_and_ratios_are_recomputed(scene):
    cat = catalogue()
    good = scene["good"]
    total = summary_total_row(scene["out"])
    for element in cat.elements:
        present = [v[element.code] for v in good.values() if element.code in v]
        assert total[element.code] == (sum(present) if present else None), element.code
    online = sum(v["tthc.received_online"] for v in good.values())
    received = sum(
        v["tthc.received_online"] + v["tthc.received_direct"] + v["tthc.received_postal"]
        for v in good.values()
    )
    assert total["ind.online_records_pct"] == pytest.approx(online / received * 100)
    staff = sum(v["staff.trained_dx"] for v in good.values()) / sum(
        v["staff.total"] for v in good.values()
    )
    assert total["ind.staff_dx_pct"] == pytest.approx(staff * 100)
    mean = sum(v["staff.trained_dx"] / v["staff.total"] * 100 for v in good.values()) / len(good)
    assert total["ind.staff_dx_pct"] != pytest.approx(mean)  # not an average of percentages


def test_targets_and_communes_meeting_them(scene):
    cat = catalogue()
    total = summary_total_row(scene["out"])
    codes = cat.codes()
    index = codes.index("ind.online_records_pct")
    assert total["_targets"][index] == 70
    met = sum(
        1
        for v in scene["good"].values()
        if v["tthc.received_online"]
        / (v["tthc.received_online"] + v["tthc.received_direct"] + v["tthc.received_postal"])
        * 100
        >= 70
    )
    assert total["_met"][index] == met
    assert total["_targets"][codes.index("pop.population")] is None


def test_completeness_grid(scene):
    sheet = load_workbook(scene["out"])["Tình trạng nộp"]
    codes = scene["codes"]
    assert sheet.cell(11, 4).value == "Quý II/2025" and sheet.cell(11, 7).value == "Quý III/2025"
    rows = {sheet.cell(r, 2).value: r for r in range(13, sheet.max_row + 1)}
    assert set(EXPECTED) | {"99999"} == set(rows)

    def cell(code: str, column: int) -> object:
        return sheet.cell(rows[code], column).value

    assert cell(codes[0], 7) == "Đã nộp v2" and cell(codes[0], 8) == f"{codes[0]}_{PERIOD}_v2.xlsx"
    assert cell(codes[0], 9) == f"{FIXED_NOW:%d/%m/%Y}"
    assert cell(codes[0], 4) == "Chưa nộp"
    assert cell(codes[2], 4) == "Đã nộp v1" and cell(codes[2], 7) == "Đã nộp v1"
    for missing in (codes[33], codes[34], codes[35]):  # unusable files count as not sent
        assert cell(missing, 7) == "Chưa nộp"
    assert "ngoài danh sách" in cell("99999", 3)


def test_other_sheets_and_style(scene):
    workbook = load_workbook(scene["out"])
    names = ["Báo cáo", "Tổng hợp", "Tình trạng nộp", "Vấn đề", "Ý kiến các xã", "Xếp hạng"]
    names.append("_rows")
    assert workbook.sheetnames == names
    problems = workbook["Vấn đề"]
    listed = [problems.cell(r, 2).value for r in range(12, problems.max_row + 1)]
    assert sorted(listed) == sorted(i.file for i in scene["result"].problems)
    summary = workbook["Tổng hợp"]
    assert summary.page_setup.orientation == "landscape" and summary.page_setup.paperSize == 9
    assert summary.print_title_rows == "$11:$13" and summary.print_title_cols == "$A:$C"
    fonts = {c.font.name for row in summary.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    assert len(workbook["Xếp hạng"]._charts) == 4


def test_the_communes_that_sent_nothing_are_listed_under_the_summary(scene):
    summary = load_workbook(scene["out"])["Tổng hợp"]
    texts = [c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)]
    line = next(t for t in texts if t.startswith("Các xã, phường chưa có báo cáo dùng được"))
    codes = scene["codes"]
    # Of the 36 listed, 33 and 34 sent files that could not be used, 35 nothing.
    assert line.startswith("Các xã, phường chưa có báo cáo dùng được (3/36; xem Vấn đề)")
    assert all(f"Xã Thử {i} ({codes[i]})" in line for i in (33, 34, 35))


def test_the_most_common_period_is_used_when_none_is_asked(scene, tmp_path):
    service = ConsolidationService(catalogue(), lambda: dt.date(2026, 1, 5))
    result = service.consolidate([scene["folder"]], tmp_path / "o.xlsx")
    assert result.period == PERIOD
    assert result.communes == 34  # no list: the unknown commune is used too


def test_the_output_inside_the_folder_is_not_read(scene, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    cat = catalogue()
    write_commune(folder, "16000", "Xã A", PERIOD, varied_values(cat, random.Random(1)))
    service = ConsolidationService(cat)
    service.consolidate([folder], folder / "kq.xlsx")
    again = service.consolidate([folder], folder / "kq.xlsx")
    assert (again.files, again.problems) == (1, ())


def test_nothing_usable_refuses_and_writes_nothing(tmp_path):
    (tmp_path / "a.xlsx").write_text("x")
    with pytest.raises(ConsolidationError, match="Không tìm thấy báo cáo xã nào"):
        ConsolidationService(catalogue()).consolidate([tmp_path], tmp_path / "o.xlsx")
    assert not (tmp_path / "o.xlsx").exists()


def test_an_unwritable_output_is_refused(tmp_path):
    cat = catalogue()
    write_commune(tmp_path, "16000", "Xã A", PERIOD, varied_values(cat, random.Random(1)))
    with pytest.raises(ConsolidationError, match=r"o\.xlsx"):
        ConsolidationService(cat).consolidate([tmp_path], tmp_path / "missing" / "o.xlsx")


def test_a_units_list_without_the_columns_is_refused(tmp_path):
    units = tmp_path / "u.csv"
    units.write_text("ma,ten\n1,A\n", "utf-8")
    with pytest.raises(ConsolidationError, match="code"):
        ConsolidationService(catalogue()).consolidate([tmp_path], tmp_path / "o.xlsx", units=units)


def test_a_report_breaking_a_rule_is_listed_and_not_summed(tmp_path):
    cat = catalogue()
    values = varied_values(cat, random.Random(3))
    values["tthc.fee_paid_online"] = values["tthc.fee_records"] + 5
    write_commune(tmp_path, "16000", "Xã A", PERIOD, values)
    good = varied_values(cat, random.Random(4))
    write_commune(tmp_path, "16001", "Xã B", PERIOD, good)
    result = ConsolidationService(cat).consolidate([tmp_path], tmp_path / "o.xlsx")
    assert result.communes == 1
    assert [i.kind for i in result.problems] == [IssueKind.VALIDATION]
    assert "thanh toán trực tuyến" in result.problems[0].detail
    assert "không được tổng hợp" in result.problems[0].detail
    total = summary_total_row(tmp_path / "o.xlsx")
    assert total["tthc.fee_records"] == good["tthc.fee_records"]


def test_copies_of_a_province_template_are_read_through_its_placeholders(tmp_path):
    from openpyxl import Workbook

    cat = catalogue()
    template = tmp_path / "mau.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Mẫu tỉnh"
    sheet["A1"], sheet["B1"] = "Mã xã", "{{commune.code}}"
    sheet["A2"], sheet["B2"] = "Tên xã", "{{commune.name}}"
    sheet["A3"], sheet["B3"] = "Kỳ", "{{period.key}}"
    sheet["A4"], sheet["B4"] = "Hồ sơ trực tuyến", "{{tthc.received_online}}"
    sheet["A5"], sheet["B5"] = "Hồ sơ trực tiếp", "{{tthc.received_direct.value}}"
    workbook.save(template)
    copies = tmp_path / "copies"
    copies.mkdir()
    for code, online, direct in (("16001", 30, 10), ("16002", "1.200", 800)):
        sheet["B1"], sheet["B2"], sheet["B3"] = code, f"Xã {code}", PERIOD
        sheet["B4"], sheet["B5"] = online, direct
        workbook.save(copies / f"{code}.xlsx")
    result = ConsolidationService(cat).consolidate([copies], tmp_path / "o.xlsx", template=template)
    assert (result.communes, result.problems) == (2, ())
    header, rows = sheet_rows(tmp_path / "o.xlsx")
    assert sorted(r[header.index("tthc.received_online")] for r in rows) == [30, 1200]
    total = summary_total_row(tmp_path / "o.xlsx")
    assert total["ind.online_records_pct"] == pytest.approx(1230 / 2040 * 100)
