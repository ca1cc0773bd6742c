"""The hidden `_data` sheet: written as text with its checksum, read back and verified."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from commune_desk.excel.data_sheet import (
    DATA_SHEET,
    FORMAT,
    DataSheetError,
    ReportHead,
    add_data_sheet,
    checksum,
    data_pairs,
    data_rows,
    read_data_sheet,
    read_head,
    value_number,
    value_text,
)

PAIRS = (
    ("format", "commune-desk-report/1"),
    ("commune_name", "Xã Thiệu Trung"),
    ("tthc.received_online", "1168"),
    ("ind.online_records_pct", "89.29663608562691"),
    ("pop.population", ""),
    ("note", "=SUM(A1:A2)"),
)


def write(path: Path, pairs=PAIRS) -> Path:
    workbook = Workbook()
    workbook.active.title = "Báo cáo"
    add_data_sheet(workbook, pairs)
    workbook.save(path)
    return path


def test_the_checksum_is_the_contract_of_design_md():
    text = "".join(f"{k}\t{v}\n" for k, v in PAIRS)
    assert checksum(PAIRS) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    rows = data_rows(PAIRS)
    assert rows[-1] == ("sha256", checksum(PAIRS))
    assert rows[:-1] == list(PAIRS)


def test_the_sheet_is_hidden_text_with_headers_and_the_checksum_last(tmp_path):
    path = write(tmp_path / "r.xlsx")
    sheet = load_workbook(path)[DATA_SHEET]
    assert sheet.sheet_state == "hidden"
    assert (sheet["A1"].value, sheet["B1"].value) == ("key", "value")
    rows = [(r[0].value, r[1].value) for r in sheet.iter_rows(min_row=2)]
    assert rows[:-1] == [(k, v or None) for k, v in PAIRS]  # openpyxl reads "" as empty
    assert rows[-1] == ("sha256", checksum(PAIRS))
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if cell.value is not None:
                assert cell.data_type == "s"  # text, never a number or a formula
    assert "<f>" not in _xml(path)


def _xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        return "".join(archive.read(n).decode() for n in names)


def test_read_back_and_verified(tmp_path):
    data = read_data_sheet(write(tmp_path / "r.xlsx"))
    assert data.intact
    assert data.rows == PAIRS
    assert data.get("commune_name") == "Xã Thiệu Trung"
    assert data.number("tthc.received_online") == 1168
    assert data.number("pop.population") is None
    assert data.get("note") == "=SUM(A1:A2)"


def test_an_edited_value_breaks_the_checksum(tmp_path):
    path = write(tmp_path / "r.xlsx")
    workbook = load_workbook(path)
    workbook[DATA_SHEET]["B4"] = "9999"
    workbook.save(path)
    data = read_data_sheet(path)
    assert data.get("tthc.received_online") == "9999"
    assert not data.intact
    assert data.stored_sha256 == checksum(PAIRS)


def test_numbers_typed_into_the_sheet_read_as_plain_decimals(tmp_path):
    path = write(tmp_path / "r.xlsx")
    workbook = load_workbook(path)
    workbook[DATA_SHEET]["B4"] = 1168  # a number cell, as a hand edit would leave it
    workbook.save(path)
    data = read_data_sheet(path)
    assert data.get("tthc.received_online") == "1168"
    assert data.intact


def test_missing_or_broken_sheets_are_named(tmp_path):
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    with pytest.raises(DataSheetError, match=r"plain\.xlsx: không có trang _data"):
        read_data_sheet(plain)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(DataSheetError, match=r"junk\.xlsx"):
        read_data_sheet(junk)
    workbook = Workbook()
    sheet = workbook.create_sheet(DATA_SHEET)
    sheet.append(["key", "value"])
    sheet.append(["format", "x"])
    workbook.save(tmp_path / "nosum.xlsx")
    with pytest.raises(DataSheetError, match="sha256"):
        read_data_sheet(tmp_path / "nosum.xlsx")


@pytest.mark.parametrize("pair", [("a\tb", "1"), ("a", "1\n2"), ("", "1"), ("sha256", "x")])
def test_keys_and_values_that_would_break_the_lines_are_refused(pair):
    with pytest.raises(ValueError):
        data_rows([pair])


def test_a_signature_row_follows_the_checksum_and_is_read_back(tmp_path):
    from commune_desk.domain.signing import new_key_pair, sign
    from commune_desk.excel.data_sheet import signed_text

    pair = new_key_pair()
    pairs = (*PAIRS, ("public_key", pair.public_key))
    signature = sign(pair.private_key, signed_text(pairs))
    workbook = Workbook()
    add_data_sheet(workbook, pairs, signature)
    path = tmp_path / "s.xlsx"
    workbook.save(path)
    sheet = load_workbook(path)[DATA_SHEET]
    keys = [r[0].value for r in sheet.iter_rows(min_row=2)]
    assert keys[-2:] == ["sha256", "signature"]
    data = read_data_sheet(path)
    assert data.intact and data.signature == signature and data.signature_valid()
    assert data.rows == pairs  # the signature is not one of the signed rows
    forged = type(data)(data.file, (*pairs[:-2], ("note", "khác"), pairs[-1]), "", signature)
    assert not forged.signature_valid()


def test_an_unsigned_sheet_is_read_as_before(tmp_path):
    data = read_data_sheet(write(tmp_path / "r.xlsx"))
    assert data.intact and data.signature == "" and not data.signature_valid()


HEAD = ReportHead(
    commune_code="15880",
    commune_name="Xã Thiệu Trung",
    province="Thanh Hóa",
    period="2025-Q3",
    generated_at=dt.datetime(2025, 10, 5, 8, 30, 15),
    app_version="0.1.0",
    draft=False,
    version=2,
    catalogue_version="2025.1",
)


def test_the_rows_follow_the_contract_of_design_md():
    pairs = data_pairs(HEAD, [("tthc.received_online", 1168), ("pop.population", None)])
    assert pairs == (
        ("format", "commune-desk-report/1"),
        ("commune_code", "15880"),
        ("commune_name", "Xã Thiệu Trung"),
        ("province", "Thanh Hóa"),
        ("period", "2025-Q3"),
        ("generated_at", "2025-10-05T08:30:15"),
        ("app_version", "0.1.0"),
        ("draft", "0"),
        ("version", "2"),
        ("catalogue_version", "2025.1"),
        ("issued_at", ""),  # a draft's identity is empty; a submission's below
        ("submission_id", ""),
        ("tthc.received_online", "1168"),
        ("pop.population", ""),
    )


def test_a_submissions_identity_follows_the_head_and_reads_back(tmp_path):
    moment = dt.datetime(2025, 10, 5, 8, 30, 15)
    head = dataclasses.replace(HEAD, issued_at=moment, submission_id="a1" * 16)
    pairs = data_pairs(head, [])
    assert pairs[10:] == (("issued_at", "2025-10-05T08:30:15"), ("submission_id", "a1" * 16))
    assert read_data_sheet(write(tmp_path / "r.xlsx", pairs)).head() == head


@pytest.mark.parametrize("draft", [True, False])
def test_the_head_reads_back_as_written(tmp_path, draft):
    head = dataclasses.replace(HEAD, draft=draft, version=None if draft else 3)
    pairs = data_pairs(head, [("ind.online_records_pct", 89.29663608562691)])
    data = read_data_sheet(write(tmp_path / "r.xlsx", pairs))
    assert data.intact and data.format == FORMAT
    assert data.head() == head
    assert data.number("ind.online_records_pct") == 89.29663608562691


def test_an_unreadable_head_gives_empty_fields():
    head = read_head({"generated_at": "hôm qua", "version": "v2", "draft": "có"})
    assert (head.generated_at, head.version, head.draft, head.commune_code) == (
        None,
        None,
        False,
        "",
    )


@pytest.mark.parametrize(("text", "number"), [("", None), ("12", 12), ("0.5", 0.5), ("1e3", 1000)])
def test_values_read_back_as_numbers(text, number):
    assert value_number(text) == number
    assert value_text(number) == ("1000" if text == "1e3" else text)


@pytest.mark.parametrize("text", ["nan", "inf", "mười", "1.234,5"])
def test_values_that_are_not_numbers_are_refused(text):
    with pytest.raises(ValueError):
        value_number(text)
