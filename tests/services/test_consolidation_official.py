"""The consolidated workbook as the province agency's document: agency, number, place and
date, signer and Nơi nhận; set by --agency/--signer and remembered."""

from __future__ import annotations

import random

from openpyxl import load_workbook

from commune_desk.demo.province import varied_values
from tests.support.common import FIXED_NOW, run_cli
from tests.support.consolidation import catalogue, write_commune


def texts(path):
    sheet = load_workbook(path)["Báo cáo"]
    return [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]


def test_agency_and_signer_are_set_then_remembered(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write_commune(folder, "16000", "Xã A", "2025-Q3", varied_values(catalogue(), random.Random(1)))
    out = tmp_path / "tong_hop.xlsx"
    args = [
        "consolidate", str(folder), "--out", str(out),
        "--agency", "Sở Khoa học và Công nghệ",
        "--signer", "Lê Văn Bình", "--signer-title", "Phó Giám đốc",
        "--recipients", "UBND tỉnh Thanh Hóa;Các xã, phường",
    ]  # fmt: skip
    code, _, err = run_cli(capsys, *args)
    assert code == 0, err
    first = texts(out)
    assert "UBND TỈNH THANH HÓA" in first and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in first
    assert any(t.startswith("Số:") and t.endswith("/BC-UBND") for t in first)
    assert any(t.startswith("Thanh Hóa, ngày ") for t in first)
    assert {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Văn Bình", "Nơi nhận:"} <= set(first)
    assert {"- UBND tỉnh Thanh Hóa;", "- Các xã, phường;", "- Lưu: VT."} <= set(first)

    again = tmp_path / "lan_sau.xlsx"
    assert run_cli(capsys, "consolidate", str(folder), "--out", str(again))[0] == 0
    assert {"SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Lê Văn Bình"} <= set(texts(again))  # remembered


def test_without_settings_the_committee_issues_it_unsigned(tmp_path):
    from commune_desk.services.consolidation import ConsolidationService

    folder = tmp_path / "in"
    folder.mkdir()
    write_commune(folder, "16000", "Xã A", "2025-Q3", varied_values(catalogue(), random.Random(1)))
    out = tmp_path / "o.xlsx"
    ConsolidationService(catalogue(), lambda: FIXED_NOW.date()).consolidate([folder], out)
    found = texts(out)
    assert "ỦY BAN NHÂN DÂN" in found and "TỈNH THANH HÓA" in found
    assert "Nơi nhận:" not in found


def test_the_headline_page_holds_the_totals_on_a4_landscape(tmp_path):
    from commune_desk.services.consolidation import ConsolidationService

    folder = tmp_path / "in"
    folder.mkdir()
    values = varied_values(catalogue(), random.Random(1))
    write_commune(folder, "16000", "Xã A", "2025-Q3", values)
    out = tmp_path / "o.xlsx"
    ConsolidationService(catalogue(), lambda: FIXED_NOW.date()).consolidate([folder], out)
    workbook = load_workbook(out)
    assert workbook.sheetnames[:2] == ["Báo cáo", "Tổng hợp"] and workbook.active.title == "Báo cáo"
    sheet = workbook["Báo cáo"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage  # one page wide (1 is the default)
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    header = next(r for r in sheet.iter_rows() if r[0].value == "STT")[0].row
    assert sheet.print_title_rows == f"${header}:${header}"  # on every printed page
    rows = {r[1].value: [c.value for c in r] for r in sheet.iter_rows() if r[1].value}
    population = rows["Dân số trên địa bàn"]
    assert population[4] == values["pop.population"] and population[6] == "1/1 xã"
    assert "PHỤ LỤC: SỐ LIỆU TỪNG XÃ, PHƯỜNG" in texts_of(workbook["Tổng hợp"])


def texts_of(sheet):
    return [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
