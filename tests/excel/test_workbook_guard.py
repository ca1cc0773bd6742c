"""The guard's fast paths refuse exactly what its careful paths refuse."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import pytest

from commune_desk.excel.workbook_guard import TableError, check_xlsx_container
from tests.hostile.files import header_row, raw_xlsx, text_cell


def value_row(number: int, *refs: str, tag: bytes = b"<c ") -> bytes:
    cells = b"".join(tag + f'r="{ref}"><v>1</v></c>'.encode() for ref in refs)
    return f'<row r="{number}">'.encode() + cells + b"</row>"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([value_row(99_999, "Z99999")], None),  # the largest plain area
        ([value_row(2, "ZZ2"), value_row(99_999, "A99999")], "vùng dữ liệu quá lớn (A1:ZZ99999)"),
        ([value_row(3, "XFD3"), value_row(300, "A300")], "vùng dữ liệu quá lớn (A1:XFD300)"),
        ([value_row(2, "XFD1048576", tag=b"<c\t")], "vùng dữ liệu quá lớn"),  # a tab, not a space
        ([value_row(2, "XFD1048576", tag=b"<x:c\t")], "vùng dữ liệu quá lớn"),  # prefixed
        ([b'<row r="2"><c r="A2"><f>B7*2</f></c></row>'], "ô A2: công thức chưa có kết quả"),
        ([b'<row r="2"><c r="A2"><x:f>B7*2</x:f></c></row>'], "ô A2: công thức chưa có kết quả"),
        ([b'<row r="2"><c r="A2"><f>1</f><v>2</v></c></row>'], None),
    ],
)
def test_worksheet_limits_hold_on_the_fast_path(tmp_path: Path, rows, expected) -> None:
    path = raw_xlsx(tmp_path / "bang.xlsx", [header_row("code"), *rows])
    if expected is None:
        check_xlsx_container(path)
    else:
        with pytest.raises(TableError, match=expected.replace("(", r"\(").replace(")", r"\)")):
            check_xlsx_container(path)


def test_a_part_whose_crc_does_not_match_is_refused(tmp_path: Path) -> None:
    path = raw_xlsx(
        tmp_path / "hong.xlsx",
        [header_row("code"), b'<row r="2">', text_cell("A2", "T1"), b"</row>"],
    )
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/workbook.xml")
    at = member.header_offset + 30 + len(member.filename) + len(member.extra)
    packed = zlib.compress(b"<workbook/>".ljust(member.file_size), 9)[2:-4]
    assert len(packed) <= member.compress_size
    data[at : at + len(packed)] = packed
    path.write_bytes(bytes(data))
    with pytest.raises(TableError, match="bị hỏng"):
        check_xlsx_container(path)


def test_an_entity_declaration_in_a_small_part_is_refused(tmp_path: Path) -> None:
    path = raw_xlsx(tmp_path / "thuc_the.xlsx", [header_row("code")])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "xl/styles.xml", b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "a">]><s/>'
        )
    with pytest.raises(TableError, match="khai báo XML không được phép"):
        check_xlsx_container(path)


def test_a_password_protected_workbook_is_named_as_such(tmp_path: Path) -> None:
    # What Excel saves when a password is set: an OLE file holding an "EncryptedPackage".
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path = tmp_path / "danh_sach.xlsx"
    path.write_bytes(ole + bytes(1024) + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    with pytest.raises(TableError, match=r"danh_sach\.xlsx: tệp Excel có đặt mật khẩu"):
        check_xlsx_container(path)
    path.write_bytes(ole + bytes(2048))  # a plain Excel 97-2003 file, renamed
    with pytest.raises(TableError, match=r"Excel 97-2003 \(\.xls\)"):
        check_xlsx_container(path)


def test_a_zip_part_that_needs_a_password_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khoa.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag of every entry, in the local headers and the central directory.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 1
            start += 4
    path.write_bytes(bytes(data))
    with pytest.raises(TableError, match=r"khoa\.xlsx: tệp có phần được mã hóa bằng mật khẩu"):
        check_xlsx_container(path)
