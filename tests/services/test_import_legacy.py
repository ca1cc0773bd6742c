"""Old Vietnamese encodings in the files communes really have, made here."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from commune_desk.services.errors import ImportRefused
from commune_desk.services.imports import ImportService
from commune_desk.services.records import RecordService


def styled_xlsx(path: Path, rows: list[list[tuple[str, str | None]]]) -> Path:
    """A workbook whose cells carry (text, font name)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    sheet = wb.active
    for r, row in enumerate(rows, start=1):
        for c, (text, font) in enumerate(row, start=1):
            cell = sheet.cell(r, c, text)
            if font:
                cell.font = Font(name=font)
    wb.save(path)
    return path


HEADER = [("code", None), ("name", None)]


def names(ctx) -> dict[str, str]:
    return {r["code"]: r["name"] for r in RecordService(ctx).list("villages")}


def test_tcvn3_and_vni_cells_recognised_by_their_fonts(ctx, tmp_path):
    path = styled_xlsx(
        tmp_path / "thon.xlsx",
        [
            HEADER,
            [("T1", None), ("Th«n §«ng", ".VnTime")],
            [("T2", None), ("Thanh Hãa", ".VnTime")],  # reads as letters: only the font tells
            [("T3", None), ("thoân Ñoaøi", "VNI-Times")],
            [("T4", None), ("th«n b¾c", ".VnTimeH")],
            [("T5", None), ("Thôn Nam", "Times New Roman")],
        ],
    )
    report = ImportService(ctx).import_file("villages", path, dry_run=True)
    text = "\n".join(report.notes)
    assert "TCVN3 (ABC)" in text and "VNI-Windows" in text
    assert "dòng 2, 3" in text and "dòng 4" in text
    ImportService(ctx).import_file("villages", path)
    assert names(ctx) == {
        "T1": "Thôn Đông",
        "T2": "Thanh Hóa",
        "T3": "thôn Đoài",
        "T4": "THÔN BẮC",
        "T5": "Thôn Nam",
    }


def test_legacy_text_without_its_font_is_recognised_by_its_characters(ctx, tmp_path):
    path = styled_xlsx(
        tmp_path / "thon.xlsx",
        [HEADER, [("T1", None), ("NguyÔn V¨n A", "Arial")], [("T2", None), ("Vieät", None)]],
    )
    ImportService(ctx).import_file("villages", path)
    assert names(ctx) == {"T1": "Nguyễn Văn A", "T2": "Việt"}


def test_utf8_csv_holding_tcvn3_text_is_converted(ctx, tmp_path):
    path = tmp_path / "thon.csv"
    path.write_text("code,name\nT1,Hµ Néi\nT2,Thôn Tây\n", encoding="utf-8")
    report = ImportService(ctx).import_file("villages", path)
    assert any("dòng 2" in n and "TCVN3" in n for n in report.notes)
    assert names(ctx) == {"T1": "Hà Nội", "T2": "Thôn Tây"}


def test_what_cannot_be_converted_is_named_and_nothing_is_stored(ctx, tmp_path):
    path = styled_xlsx(
        tmp_path / "thon.xlsx",
        [
            HEADER,
            [("T1", None), ("Thôn Đông", None)],
            [("T2", None), ("Ph¹m ThÞ Ñ¨©", None)],
            [("T3", None), ("Hµµµ ¸¸", ".VnTime")],
        ],
    )
    with pytest.raises(ImportRefused) as err:
        ImportService(ctx).import_file("villages", path)
    where = [(e.file, e.row, e.column) for e in err.value.errors]
    assert where == [("thon.xlsx", 3, "name"), ("thon.xlsx", 4, "name")]
    assert "phông chữ cũ" in err.value.errors[0].message
    assert names(ctx) == {}


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """As Excel on a Vietnamese Windows saves it: â ê ô ơ ư ă đ whole, the tones combining."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_code_page_1258_csv_from_excel_is_read(ctx, tmp_path):
    text = "code,name\nT1,Thôn Đông Khánh\nT2,Tổ dân phố Hưng Đạo\n"
    raw = cp1258(text)
    assert b"\xec" in raw and b"\xd2" in raw  # the combining acute and hook of code page 1258
    path = tmp_path / "thon.csv"
    path.write_bytes(raw)
    report = ImportService(ctx).import_file("villages", path)
    assert any("Windows-1258" in n for n in report.notes)
    assert names(ctx) == {"T1": "Thôn Đông Khánh", "T2": "Tổ dân phố Hưng Đạo"}
    assert all(unicodedata.is_normalized("NFC", n) for n in names(ctx).values())


def test_latin1_csv_that_is_not_vietnamese_is_still_refused(ctx, tmp_path):
    path = tmp_path / "thon.csv"
    path.write_bytes("code,name\nT1,Müller Straße\n".encode("latin-1"))
    with pytest.raises(ImportRefused, match="không phải UTF-8"):
        ImportService(ctx).import_file("villages", path)
