"""A report is read once: the container checks see its bytes, and the reader is handed the
parts exactly as they were checked (packed again, stored), or the file itself when large."""

from __future__ import annotations

import io
import random
import shutil
import zipfile
import zlib
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from commune_desk.demo.province import varied_values
from commune_desk.domain.consolidation import Issue, IssueKind
from commune_desk.excel import consolidation_reader
from commune_desk.excel.consolidation_reader import CommuneReport, ReportReader
from commune_desk.excel.stored_zip import stored_zip
from commune_desk.excel.workbook_guard import TableError, check_xlsx_bytes, check_xlsx_container
from tests.support.consolidation import catalogue, entity_bomb, truncated, write_commune, zip_bomb


def report(folder: Path, code: str, seed: int) -> Path:
    folder.mkdir(exist_ok=True)
    values = varied_values(catalogue(), random.Random(seed))
    return write_commune(folder, code, f"Xã {code}", "2025-Q3", values)


def test_the_checked_parts_are_the_zip_parts_and_pack_again_as_a_stored_zip(tmp_path):
    path = report(tmp_path, "16000", 1)
    checked = check_xlsx_bytes(path.name, path.read_bytes())
    assert checked is not None
    parts = {name: data for name, (data, _crc) in checked.items()}
    with zipfile.ZipFile(path) as archive:
        assert parts == {name: archive.read(name) for name in archive.namelist()}
        assert {name: crc for name, (_data, crc) in checked.items()} == {
            info.filename: info.CRC for info in archive.infolist()
        }
    extra = (b"<x/>", zlib.crc32(b"<x/>"))
    packed = stored_zip({**checked, "xl/tên riêng.xml": extra})  # a UTF-8 name too
    with zipfile.ZipFile(io.BytesIO(packed)) as archive:
        assert archive.testzip() is None
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
        assert {n: archive.read(n) for n in archive.namelist()} == {
            **parts,
            "xl/tên riêng.xml": b"<x/>",
        }
    original = CalamineWorkbook.from_path(str(path))
    again = CalamineWorkbook.from_filelike(io.BytesIO(packed))
    assert again.sheet_names == original.sheet_names
    for name in original.sheet_names:
        assert again.get_sheet_by_name(name).to_python(
            skip_empty_area=False
        ) == original.get_sheet_by_name(name).to_python(skip_empty_area=False)


def test_parts_too_large_to_unpack_at_once_are_not_handed_on(tmp_path):
    path = report(tmp_path, "16000", 1)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/large.bin", bytes(2 << 20))  # streamed, not held
    assert check_xlsx_bytes(path.name, path.read_bytes()) is None
    found = ReportReader(catalogue()).read(path)
    assert isinstance(found, CommuneReport) and found.commune_code == "16000"


@pytest.mark.parametrize("make", ["zip_bomb", "entity_bomb", "truncated"])
def test_the_bytes_are_refused_as_the_file_is(tmp_path, make):
    source = report(tmp_path, "16000", 1)
    path = tmp_path / "xau.xlsx"
    if make == "zip_bomb":
        zip_bomb(path)
    else:
        {"entity_bomb": entity_bomb, "truncated": truncated}[make](source, path)
    with pytest.raises(TableError) as from_file:
        check_xlsx_container(path)
    with pytest.raises(TableError) as from_bytes:
        check_xlsx_bytes(path.name, path.read_bytes())
    assert str(from_bytes.value) == str(from_file.value)
    assert from_bytes.value.refusal == from_file.value.refusal


def test_the_reader_reads_what_was_checked_even_if_the_file_changes_after(tmp_path):
    first = report(tmp_path / "a", "16000", 1)
    other = report(tmp_path / "b", "16001", 2)
    reader = ReportReader(catalogue())
    checked = consolidation_reader._checked(first, False)
    assert isinstance(checked, bytes)
    shutil.copyfile(other, first)  # replaced between the check and the reading
    found = reader._read_safe_container(first, checked)
    assert isinstance(found, CommuneReport) and found.commune_code == "16000"


def test_a_large_file_is_checked_and_read_from_the_disk(tmp_path, monkeypatch):
    path = report(tmp_path, "16000", 1)
    held = ReportReader(catalogue()).read(path)
    monkeypatch.setattr(consolidation_reader, "_HELD", 100)  # every report is "large" now
    assert consolidation_reader._checked(path, False) is None
    assert ReportReader(catalogue()).read(path) == held
    bomb = zip_bomb(tmp_path / "bom.xlsx")
    refused = ReportReader(catalogue()).read(bomb)
    assert isinstance(refused, Issue) and refused.kind is IssueKind.REFUSED


def test_parts_that_unpack_large_are_read_from_the_file_bytes(tmp_path, monkeypatch):
    path = report(tmp_path, "16000", 1)
    held = ReportReader(catalogue()).read(path)
    monkeypatch.setattr(consolidation_reader, "_HELD_UNPACKED", 100)
    assert consolidation_reader._checked(path, False) == path.read_bytes()
    assert ReportReader(catalogue()).read(path) == held
