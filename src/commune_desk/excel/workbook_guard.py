"""Refusing a hostile or broken .xlsx before any reader opens it, in bounded time and memory.

One pass over the zip parts, never trusting the sizes the zip declares: the real unpacked
size is counted (zip bombs, lying headers), XML parts must be UTF-8 without DOCTYPE
or ENTITY declarations (entity bombs), and the worksheets are scanned for the area a reader
would allocate (a single cell at XFD1048576 makes python-calamine abort the whole process),
their number of rows, and formulas saved without a result. Messages are Vietnamese and name
the file (and the cell where there is one).

It runs before every report a consolidation reads, so the usual file costs a few C-level
passes: a small file is read at once and its small parts unpacked straight from its bytes
(only when zipfile would return exactly the same; anything else is streamed through zipfile),
and a worksheet whose cells are all named within A1:Z99999 needs no per-cell work at all.
"""

from __future__ import annotations

import html
import io
import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from commune_desk.domain.numbers import format_number

MAX_UNPACKED_BYTES = 150 * 1024 * 1024  # a commune's workbook unpacks to a few MB
MAX_RATIO = 200  # unpacked/packed beyond which a large part is a bomb
MAX_ROWS = 200_000
MAX_CELLS = 4_000_000  # the rectangle a reader fills: rows × columns
MAX_ROW_XML = 32 * 1024 * 1024  # one row's XML
_CHUNK = 1 << 20
_WHOLE_FILE = 8 << 20  # read at once below this; larger files are streamed part by part
_FLAGS_LEFT_TO_ZIPFILE = 0x61  # encrypted, patched data, strong encryption

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 .xls (and .doc)
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

_TAGS = re.compile(
    rb"<(?:\w+:)?row\b([^>]*)>|<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL
)
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Za-z]{1,3})(\d+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?(?:v>\s*[^<\s]|is\b)")  # a value that is not empty
_NAMED_CELL = re.compile(rb'<c r="([A-Za-z]{1,3})(\d+)"')
_UNNAMED_CELL = re.compile(rb'<c(?=[\s/>])(?! r="[A-Za-z]{1,3}\d+")')  # a cell not led by its r
_UNNAMED_ROW = re.compile(rb'<row(?=[\s/>])(?! r="\d+")')
_PREFIXED = re.compile(rb":(?:c|row|f|v|is)[\s/>]")  # a prefixed element the fast path would miss
_BARE_FORMULA = re.compile(  # a cell holding a formula and no value (or an empty one)
    rb"<c\b([^>]*)>\s*<f\b[^>]*?(?:/>|>([^<]*)</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
_TAIL = rb"f\b[^>]*?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"  # how a bare formula ends
_BARE_TAIL = re.compile(b"<" + _TAIL)
# In one pass: a cell not led by an r within A1:Z99999, a row not led by its r, a bare formula.
_UNUSUAL = re.compile(
    rb'<(?:c(?=[\s/>])(?! r="[A-Za-z]\d{1,5}")|row(?=[\s/>])(?! r="\d+")|' + _TAIL + b")"
)
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_PLAIN_AREA = (100_000, 26)  # rows 0-99999 × columns A-Z: what _UNUSUAL lets through
assert _PLAIN_AREA[0] <= MAX_ROWS and _PLAIN_AREA[0] * _PLAIN_AREA[1] <= MAX_CELLS


class Refusal(StrEnum):
    """Why a workbook was refused, for callers that sort refusals (the consolidation)."""

    HOSTILE = "hostile"  # built to harm a reader: bombs, declarations, absurd sizes
    NOT_WORKBOOK = "not_workbook"  # a zip, but not a spreadsheet


class TableError(ValueError):
    """A file that cannot be read, or is refused; the message names the file and the problem."""

    def __init__(self, message: str, refusal: Refusal | None = None) -> None:
        super().__init__(message)
        self.refusal = refusal


def sniff(head: bytes) -> str:
    """What the first bytes say the file is: 'zip', 'xls' or 'other'."""
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(OLE_SIGNATURE):
        return "xls"
    return "other"


def check_xlsx_container(path: Path, formulas: bool = False) -> None:
    """Refuse (TableError) anything that is not a plain, reasonable .xlsx workbook.

    With `formulas`, a formula saved without its result is let through (a province's form,
    or a copy saved by a program that does not compute): the reader names such cells.
    """
    with open(path, "rb") as handle:
        _check_file(Path(path).name, handle, formulas)


Parts = dict[str, tuple[bytes, int]]  # part name -> its bytes unpacked and their CRC-32


def check_xlsx_bytes(name: str, raw: bytes, formulas: bool = False) -> Parts | None:
    """check_xlsx_container for a file already read whole (`name` for the messages).

    Returns every part as it was checked, unpacked, in the zip's order, with the CRC-32 they
    were found to have, when each was small enough to be unpacked straight from `raw` (a
    reader can then be given exactly what was checked); otherwise None.
    """
    parts: Parts = {}
    count = _check_file(name, io.BytesIO(raw), formulas, parts)
    return parts if len(parts) == count else None


def _check_file(name: str, handle: BinaryIO, formulas: bool, parts: Parts | None = None) -> int:
    """The checks of check_xlsx_container on an open file; returns the number of parts."""
    kind = sniff(handle.read(8))
    if kind == "xls" and _is_encrypted_ooxml(handle):
        raise TableError(
            f"{name}: tệp Excel có đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu "
            "(Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và chọn lại tệp."
        )
    if kind == "xls":
        raise TableError(
            f"{name}: đây là tệp Excel 97-2003 (.xls) được đổi đuôi; hãy mở bằng Excel và "
            "lưu lại thành «Excel Workbook (.xlsx)»."
        )
    if kind != "zip" or not zipfile.is_zipfile(handle):
        raise TableError(f"{name}: không phải tệp Excel .xlsx (tệp hỏng hoặc chỉ đổi đuôi).")
    try:
        with zipfile.ZipFile(handle) as archive:
            _check_members(name, archive, _whole_file(handle), formulas, parts)
            return len(archive.infolist())
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise TableError(f"{name}: tệp Excel bị hỏng hoặc không đầy đủ ({exc}).") from exc
    except RuntimeError as exc:  # zipfile: a part that needs a password
        raise TableError(f"{name}: tệp có phần được mã hóa bằng mật khẩu, bị từ chối.") from exc


def _is_encrypted_ooxml(handle: BinaryIO) -> bool:
    """An OLE file holding an encrypted workbook (what Excel saves when a password is set)."""
    handle.seek(0)
    content = handle.read(8 * _CHUNK)  # refused either way: reading a little more costs nothing
    return "EncryptedPackage".encode("utf-16-le") in content


def _check_members(
    name: str,
    archive: zipfile.ZipFile,
    raw: bytes | None,
    formulas: bool = False,
    parts: Parts | None = None,
) -> None:
    members = {m.filename: m for m in archive.infolist()}
    if "[Content_Types].xml" not in members:
        if "mimetype" in members and _head(archive, "mimetype").startswith(ODS_MIMETYPE):
            raise TableError(
                f"{name}: đây là bảng tính OpenDocument (.ods) được đổi đuôi; hãy lưu "
                "lại thành «Excel Workbook (.xlsx)»."
            )
        raise TableError(
            f"{name}: không phải tệp Excel .xlsx (thiếu [Content_Types].xml).", Refusal.NOT_WORKBOOK
        )
    budget = _Budget(name)
    budget.check_declared(archive.infolist())
    for member in archive.infolist():
        small = None if raw is None else _small_part(raw, member)
        if parts is not None and small is not None:
            parts[member.filename] = (small, member.CRC)  # a name given twice counts once
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            if small is None:
                budget.count_opaque(archive, member)
            else:
                budget.add(member, len(small), len(small))
        elif small is None:
            _check_part(archive, member, budget, formulas)
        else:
            budget.add(member, len(small), len(small))
            _check_xml(name, member.filename, small)
            if "worksheets/" in member.filename:
                _SheetScan(name, formulas).feed(small, last=True)


def _whole_file(handle: BinaryIO) -> bytes | None:
    """The bytes of a small file (one read instead of zipfile's per-part seeks), else None."""
    size = handle.seek(0, os.SEEK_END)
    if size > _WHOLE_FILE:
        return None
    handle.seek(0)
    return handle.read(size + 1)  # a buffer the size of the file, not of the largest one


def _small_part(raw: bytes, member: zipfile.ZipInfo) -> bytes | None:
    """A small part unpacked straight from the file's bytes, or None to leave it to zipfile.

    Only what zipfile would return unchanged comes back: the same name in the local header, no
    encryption, stored or deflated, unpacked to no more than `_CHUNK` bytes, exactly the
    declared size with the declared CRC-32. Anything else (a lie, damage, a large part) goes
    through zipfile, streamed, which reads or refuses it as it always did.
    """
    if (
        member.flag_bits & _FLAGS_LEFT_TO_ZIPFILE
        or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
        or member.file_size >= _CHUNK
        or member.compress_size > _CHUNK
    ):
        return None
    at = member.header_offset
    header = raw[at : at + 30]
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        return None
    flags, name_length, extra_length = struct.unpack("<H18xHH", header[6:30])
    start = at + 30 + name_length + extra_length
    try:
        name = raw[at + 30 : at + 30 + name_length].decode("utf-8" if flags & 0x800 else "cp437")
        packed = raw[start : start + member.compress_size]
        if name != member.orig_filename or len(packed) < member.compress_size:
            return None
        if member.compress_type == zipfile.ZIP_STORED:
            data = packed[: member.file_size]
        else:  # never more than one byte past the declared size
            data = zlib.decompressobj(-15).decompress(packed, member.file_size + 1)
    except (UnicodeDecodeError, zlib.error):
        return None
    if len(data) != member.file_size or zlib.crc32(data) != member.CRC:
        return None
    return data


def _head(archive: zipfile.ZipFile, member: str) -> bytes:
    with archive.open(member) as part:
        return part.read(100)


@dataclass
class _Budget:
    """Unpacked bytes so far: what the zip declares is checked first, then what is real."""

    file: str
    unpacked: int = 0

    def check_declared(self, members: list[zipfile.ZipInfo]) -> None:
        total = 0
        for member in members:
            total += member.file_size
            self._check(member, member.file_size, total)

    def add(self, member: zipfile.ZipInfo, part_size: int, block: int) -> None:
        """Count `block` more unpacked bytes; `part_size` is the part's so far."""
        self.unpacked += block
        self._check(member, part_size, self.unpacked)

    def _check(self, member: zipfile.ZipInfo, part_size: int, total: int) -> None:
        if total > MAX_UNPACKED_BYTES:
            raise TableError(
                f"{self.file}: tệp giải nén quá lớn (hơn {MAX_UNPACKED_BYTES // 2**20} MB), "
                "bị từ chối.",
                Refusal.HOSTILE,
            )
        if part_size > 10 * 2**20 and part_size > MAX_RATIO * max(member.compress_size, 1):
            raise TableError(
                f"{self.file}: tệp nén bất thường (nghi «zip bomb»), bị từ chối.", Refusal.HOSTILE
            )

    def count_opaque(self, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
        size = 0
        with archive.open(member) as part:
            while block := part.read(_CHUNK):
                size += len(block)
                self.add(member, size, len(block))


def _check_part(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: _Budget, formulas: bool = False
) -> None:
    name, part_name = budget.file, member.filename
    sheet = _SheetScan(name, formulas) if "worksheets/" in part_name else None
    with archive.open(member) as part:
        block = part.read(_CHUNK)
        size = len(block)
        budget.add(member, size, size)
        if size < _CHUNK:  # read(n) stops short of n only at the end: this is the whole part
            _check_xml(name, part_name, block)
            if sheet is not None:
                sheet.feed(block, last=True)
            return
        _check_xml(name, part_name, block[:200])
        tail = b""
        while block:
            _check_declarations(name, part_name, tail[-16:] + block)
            tail = block[-16:] if sheet is None else sheet.feed(tail + block)
            block = part.read(_CHUNK)
            size += len(block)
            budget.add(member, size, len(block))
    if sheet is not None:
        sheet.feed(tail, last=True)


def _check_xml(name: str, part_name: str, data: bytes) -> None:
    """The start of a part (or all of it): UTF-8, no DOCTYPE or ENTITY declaration."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:200]:
        raise TableError(
            f"{name}: phần {part_name} không phải XML UTF-8 (nghi tệp bị sửa), bị từ chối."
        )
    _check_declarations(name, part_name, data)


def _check_declarations(name: str, part_name: str, window: bytes) -> None:
    """No DOCTYPE or ENTITY; every declaration starts with '!', which ordinary parts lack."""
    if b"!" in window and any(d in window for d in _DECLARATIONS):
        raise TableError(
            f"{name}: tệp chứa khai báo XML không được phép ({part_name}).", Refusal.HOSTILE
        )


@dataclass
class _SheetScan:
    """The cells a worksheet's XML declares: how many rows, what rectangle, formulas."""

    file: str
    formulas_allowed: bool = False  # a formula without its result is not refused
    row: int = 0
    column: int = 0
    rows_with_cells: set[int] = field(default_factory=set)
    top: int = 0
    bottom: int = 0
    left: int = 0
    right: int = 0

    def feed(self, data: bytes, last: bool = False) -> bytes:
        """Scan the whole rows in `data`; return the rest for the next block."""
        end = len(data) if last else data.rfind(b"</row>")
        if end < 0:
            if len(data) > MAX_ROW_XML:
                raise TableError(
                    f"{self.file}: một dòng của bảng tính quá lớn, bị từ chối.", Refusal.HOSTILE
                )
            return data
        if not last:
            end += len(b"</row>")
        # Nothing before and nothing after: the limits only matter if they can be reached here.
        alone = last and not self.rows_with_cells
        if not self._every_cell_named(data, end, alone):
            self._cell_by_cell(data, end)
        return data[end:]

    def _every_cell_named(self, data: bytes, end: int, alone: bool) -> bool:
        """The usual case, left to C code: unprefixed rows and cells, each led by its `r`."""
        if _PREFIXED.search(data, 0, end):
            return False
        if alone and _UNUSUAL.search(data, 0, end) is None:
            # Every cell named within A1:Z99999, every row named, no bare formula: at most
            # 26 × 100 000 cells on 100 000 rows, so no limit can be reached.
            return True
        if _UNNAMED_CELL.search(data, 0, end) or _UNNAMED_ROW.search(data, 0, end):
            return False
        if _BARE_TAIL.search(data, 0, end):  # the end of every bare formula; rare otherwise
            bare = _BARE_FORMULA.search(data, 0, end)
            if bare:
                ref = _CELL_REF.search(bare.group(1))
                where = (_column_number(ref.group(1)), int(ref.group(2))) if ref else (0, 0)
                self._formula(where[1], where[0], bare.group(2))
        refs = _NAMED_CELL.findall(data, 0, end)
        if refs:
            numbers = {int(number) for number in {number for _, number in refs}}
            columns = [_column_number(letters) for letters in {letters for letters, _ in refs}]
            self._area(min(numbers), max(numbers), min(columns), max(columns), numbers)
            self.column, self.row = _column_number(refs[-1][0]), int(refs[-1][1])
        return True

    def _cell_by_cell(self, data: bytes, end: int) -> None:
        for match in _TAGS.finditer(data, 0, end):
            if match.group(1) is not None:
                number = _ROW_NUMBER.search(match.group(1))
                self.row = int(number.group(1)) if number else self.row + 1
                self.column = 0
                continue
            ref = _CELL_REF.search(match.group(2))
            if ref:
                self.column, self.row = _column_number(ref.group(1)), int(ref.group(2))
            else:
                self.column += 1
            content = match.group(3)
            if content and not _VALUE.search(content):
                formula = _FORMULA.search(content)
                if formula:
                    self._formula(self.row, self.column, formula.group(1))
            self._area(self.row, self.row, self.column, self.column, {self.row})

    def _formula(self, row: int, column: int, text: bytes | None) -> None:
        if self.formulas_allowed:
            return
        formula = html.unescape((text or b"").decode("utf-8", "replace"))[:60]
        raise TableError(
            f"{self.file}, ô {column_letters(column)}{row}: công thức chưa có kết quả "
            f"(={formula}); hãy mở tệp bằng Excel và lưu lại, hoặc dán giá trị thay cho "
            "công thức."
        )

    def _area(self, top: int, bottom: int, left: int, right: int, rows: set[int]) -> None:
        if not self.rows_with_cells:
            self.top, self.bottom, self.left, self.right = top, bottom, left, right
        self.rows_with_cells |= rows
        if len(self.rows_with_cells) > MAX_ROWS + 1:
            raise TableError(
                f"{self.file}: quá nhiều dòng (hơn {format_number(MAX_ROWS)}); một danh sách "
                f"nhập vào có tối đa {format_number(MAX_ROWS)} dòng."
            )
        self.top, self.bottom = min(self.top, top), max(self.bottom, bottom)
        self.left, self.right = min(self.left, left), max(self.right, right)
        if (self.bottom - self.top + 1) * (self.right - self.left + 1) > MAX_CELLS:
            area = (
                f"{column_letters(self.left)}{self.top}:{column_letters(self.right)}{self.bottom}"
            )
            raise TableError(
                f"{self.file}: vùng dữ liệu quá lớn ({area}); hãy xóa các ô thừa ở xa bảng "
                "rồi lưu lại.",
                Refusal.HOSTILE,
            )


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + char - 64
    return number


def column_letters(number: int) -> str:
    """The letters of a column from 1 (A)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"
