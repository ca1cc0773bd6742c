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


def test_deadline_lists_the_unreported_and_the_late_then_is_remembered(tmp_path, capsys):
    import datetime as dt

    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(3)
    on_time, late = dt.datetime(2026, 10, 15, 16, 0), dt.datetime(2026, 10, 20, 8, 0)
    write_commune(
        folder, "16000", "Xã A", "2026-Q3", varied_values(catalogue(), rng), generated=on_time
    )
    write_commune(
        folder, "16001", "Xã B", "2026-Q3", varied_values(catalogue(), rng), generated=late
    )
    units = tmp_path / "units.csv"
    units.write_text("code,name\n16000,Xã A\n16001,Xã B\n16002,Xã C\n", "utf-8")
    out = tmp_path / "tong_hop.xlsx"
    args = ["consolidate", str(folder), "--units", str(units), "--out", str(out)]
    code, _, err = run_cli(capsys, *args, "--deadline", "15/10/2026")
    assert code == 0, err
    expected = {
        "Các xã, phường chưa báo cáo đến hạn 15/10/2026 (1/3): Xã C (16002).",
        "Các xã, phường báo cáo sau hạn 15/10/2026 (1): Xã B (16001) ngày 20/10/2026.",
    }
    assert expected <= set(texts(out))
    summary = load_workbook(out)["Tổng hợp"]
    assert expected <= {c.value for row in summary.iter_rows() for c in row}

    again = tmp_path / "lan_sau.xlsx"  # the period's deadline is remembered
    assert (
        run_cli(capsys, "consolidate", str(folder), "--units", str(units), "--out", str(again))[0]
        == 0
    )
    assert expected <= set(texts(again))


def test_a_deadline_typed_wrong_is_named(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as exited:
        run_cli(capsys, "consolidate", str(tmp_path), "--out", "x.xlsx", "--deadline", "2026-10-15")
    assert exited.value.code == 2
    assert "ngày «2026-10-15» không hợp lệ" in capsys.readouterr().err
