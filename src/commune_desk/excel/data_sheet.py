"""The hidden `_data` sheet of a commune report: the whole contract, for writer and reader.

Column A `key`, column B `value`, row 1 those headers; every value is text; then `sha256`, the
hex SHA-256 of the UTF-8 text made of one line `key<TAB>value<LF>` for every row between the
header and that row, and last `signature`, the base64 Ed25519 signature of the same text by
the key in the `public_key` row (reports written before signing have no `signature` row).
The rows: `format`, the report's head (`DataKey`, in that order), the narrative
(`narrative.<part>`, free text escaped on one line) and `public_key`, then one row per
catalogue code with its value as plain decimal text (a dot, no grouping; a missing value
empty). The report builder writes it with `data_pairs`; the consolidation reads it back with
python-calamine (fast, and a hostile file is checked first), verifies its checksum and
signature and takes the head with `DataSheet.head`. Readers ignore unknown rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from commune_desk.domain.numbers import Number, plain_decimal
from commune_desk.excel.tables import TableError, check_xlsx_container

DATA_SHEET = "_data"
HEADER = ("key", "value")
CHECKSUM_KEY = "sha256"
SIGNATURE_KEY = "signature"
PUBLIC_KEY = "public_key"
FORMAT = "commune-desk-report/1"


class DataKey(StrEnum):
    """The rows before the figures, in the order they are written."""

    FORMAT = "format"
    COMMUNE_CODE = "commune_code"
    COMMUNE_NAME = "commune_name"
    PROVINCE = "province"
    PERIOD = "period"
    GENERATED_AT = "generated_at"
    APP_VERSION = "app_version"
    DRAFT = "draft"
    VERSION = "version"
    CATALOGUE_VERSION = "catalogue_version"
    # A submission's identity: when it was issued and a random id (empty for a draft), so the
    # province orders submissions without trusting the version alone and tells copies apart.
    ISSUED_AT = "issued_at"
    SUBMISSION_ID = "submission_id"


@dataclass(frozen=True)
class ReportHead:
    """What `_data` says about the report itself (every DataKey but `format`)."""

    commune_code: str
    commune_name: str
    province: str
    period: str  # a period key, "2025-Q3"
    generated_at: dt.datetime | None  # None when a reader cannot tell
    app_version: str
    draft: bool
    version: int | None  # the submission's version; None for a draft
    catalogue_version: str
    issued_at: dt.datetime | None = None  # a submission's identity; None for a draft
    submission_id: str = ""


NARRATIVE_PREFIX = "narrative."  # narrative.assessment, narrative.difficulties, …


def escape_text(text: str) -> str:
    """Free text as one `_data` value: backslash, line break and tab written as \\, \\n, \\t."""
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\n")
    )


def unescape_text(value: str) -> str:
    """The free text an `escape_text` value stands for."""
    out, chars = [], iter(value)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(following, "\\" + following))
    return "".join(out)


class DataSheetError(ValueError):
    """A workbook whose `_data` sheet is missing or malformed; the message names the file."""


def value_text(value: Number | None) -> str:
    """A figure as `_data` stores it: plain decimal text, empty when missing."""
    return plain_decimal(value)


def value_number(text: str) -> Number | None:
    """A figure read back from `_data` (None when empty); ValueError for anything else."""
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return int(value) if value.is_integer() else value


def data_pairs(
    head: ReportHead,
    values: Iterable[tuple[str, Number | None]],
    narrative: Mapping[str, str] | None = None,
    public_key: str = "",
) -> tuple[tuple[str, str], ...]:
    """The rows of `_data` before the checksum: `format`, the head, the narrative's parts
    (escaped), `public_key` when the report is signed, then each code's value."""
    generated = "" if head.generated_at is None else head.generated_at.isoformat("T", "seconds")
    texts = {
        DataKey.FORMAT: FORMAT,
        DataKey.COMMUNE_CODE: head.commune_code,
        DataKey.COMMUNE_NAME: head.commune_name,
        DataKey.PROVINCE: head.province,
        DataKey.PERIOD: head.period,
        DataKey.GENERATED_AT: generated,
        DataKey.APP_VERSION: head.app_version,
        DataKey.DRAFT: "1" if head.draft else "0",
        DataKey.VERSION: "" if head.version is None else str(head.version),
        DataKey.CATALOGUE_VERSION: head.catalogue_version,
        DataKey.ISSUED_AT: ""
        if head.issued_at is None
        else head.issued_at.isoformat("T", "seconds"),
        DataKey.SUBMISSION_ID: head.submission_id,
    }
    return (
        *((str(key), texts[key]) for key in DataKey),
        *((f"{NARRATIVE_PREFIX}{part}", escape_text(t)) for part, t in (narrative or {}).items()),
        *(((PUBLIC_KEY, public_key),) if public_key else ()),
        *((code, value_text(value)) for code, value in values),
    )


def read_head(values: Mapping[str, str]) -> ReportHead:
    """The head of a `_data` sheet's rows; a missing or unreadable row gives an empty field."""

    def text(key: DataKey) -> str:
        return values.get(key, "").strip()

    def moment(key: DataKey) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(text(key))
        except ValueError:
            return None

    version = text(DataKey.VERSION)
    return ReportHead(
        commune_code=text(DataKey.COMMUNE_CODE),
        commune_name=text(DataKey.COMMUNE_NAME),
        province=text(DataKey.PROVINCE),
        period=text(DataKey.PERIOD),
        generated_at=moment(DataKey.GENERATED_AT),
        app_version=text(DataKey.APP_VERSION),
        draft=text(DataKey.DRAFT) == "1",
        version=int(version) if version.isdigit() else None,
        catalogue_version=text(DataKey.CATALOGUE_VERSION),
        issued_at=moment(DataKey.ISSUED_AT),
        submission_id=text(DataKey.SUBMISSION_ID),
    )


def checksum(rows: Iterable[tuple[str, str]]) -> str:
    """The hex SHA-256 of `key<TAB>value<LF>` for every row, in order."""
    return hashlib.sha256(signed_text(rows)).hexdigest()


def signed_text(rows: Iterable[tuple[str, str]]) -> bytes:
    """The UTF-8 text of `key<TAB>value<LF>` for every row: what checksum and signature cover."""
    return "".join(f"{key}\t{value}\n" for key, value in rows).encode()


def data_rows(pairs: Sequence[tuple[str, str]], signature: str = "") -> list[tuple[str, str]]:
    """The rows under the header: the pairs, the `sha256` row, then `signature` when given."""
    rows = []
    for key, value in pairs:
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(f"_data row {key!r}: key and value must be text")
        if (
            any(ch in key + value for ch in "\t\n\r")
            or not key
            or key in (CHECKSUM_KEY, SIGNATURE_KEY)
        ):
            raise ValueError(f"_data row {key!r}: no tabs or line breaks; key not empty")
        rows.append((key, value))
    signed = [(SIGNATURE_KEY, signature)] if signature else []
    return [*rows, (CHECKSUM_KEY, checksum(rows)), *signed]


def data_sheet_of(name: str, pairs: Sequence[tuple[str, str]], signature: str = "") -> DataSheet:
    """The DataSheet a report holding `pairs` (signed with `signature`) gives its reader, with
    no workbook written or read: the same rows, checksum and signature (`name` its report)."""
    rows = data_rows(pairs)
    return DataSheet(name, tuple(rows[:-1]), rows[-1][1], signature.strip())


def add_data_sheet(
    workbook: Any, pairs: Sequence[tuple[str, str]], signature: str = "", name: str = DATA_SHEET
) -> Any:
    """Append the hidden `_data` sheet to an openpyxl workbook (replacing one already there).

    `signature` is the signature of `signed_text(pairs)`, made by the caller who holds the key;
    `name` another sheet of the same contract (a province's reply keeps `_reply`).
    """
    if name in workbook.sheetnames:
        workbook.remove(workbook[name])
    sheet = workbook.create_sheet(name)
    sheet.sheet_state = "hidden"
    for number, (key, value) in enumerate([HEADER, *data_rows(pairs, signature)], start=1):
        for column, text in ((1, key), (2, value)):
            cell = sheet.cell(row=number, column=column)
            cell.value = text
            cell.data_type = "s"  # text as written, never a number or a formula
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 70
    return sheet


@dataclass(frozen=True)
class DataSheet:
    file: str
    rows: tuple[tuple[str, str], ...]  # between the header and the sha256 row
    stored_sha256: str
    signature: str = ""  # base64; "" for a report written before reports were signed

    @cached_property
    def text(self) -> bytes:
        """What the checksum and the signature cover (made once: a province reads hundreds)."""
        return signed_text(self.rows)

    @property
    def computed_sha256(self) -> str:
        return hashlib.sha256(self.text).hexdigest()

    @property
    def intact(self) -> bool:
        """Whether the stored checksum matches the rows (nobody edited them by hand)."""
        return self.stored_sha256.lower() == self.computed_sha256

    @cached_property
    def values(self) -> dict[str, str]:
        return dict(self.rows)  # read-only by contract (made once, asked for often)

    @property
    def public_key(self) -> str:
        return self.values.get(PUBLIC_KEY, "").strip()

    def signature_valid(self) -> bool:
        """Whether the signature is the `public_key`'s over the rows (False when unsigned)."""
        from commune_desk.domain.signing import verify

        if not self.signature or not self.public_key:
            return False
        return verify(self.public_key, self.text, self.signature)

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.values.get(key, default)

    @property
    def format(self) -> str:
        return self.values.get(DataKey.FORMAT, "")

    def head(self) -> ReportHead:
        return read_head(self.values)

    def number(self, key: str) -> Number | None:
        """A value as a number; None for an empty value (a missing figure)."""
        return value_number(self.values.get(key, ""))


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        return plain_decimal(cell)  # a hand-edited sheet may hold numbers
    return str(cell)


def read_data_sheet(path: Path, sheet: str = DATA_SHEET) -> DataSheet:
    """Read the `_data` sheet of a report workbook; DataSheetError if it is absent or broken.

    `sheet` names another sheet of the same contract (`_reply`).
    """
    path = Path(path)
    name = path.name
    try:
        check_xlsx_container(path)
    except TableError as exc:
        raise DataSheetError(str(exc)) from exc
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if sheet not in workbook.sheet_names:
            what = "không phải báo cáo xã" if sheet == DATA_SHEET else "không đúng loại tệp"
            raise DataSheetError(f"{name}: không có trang {sheet} ({what}).")
        grid = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        if isinstance(exc, DataSheetError):
            raise
        raise DataSheetError(f"{name}: không đọc được trang {sheet} ({exc}).") from exc
    return parse_data_grid(name, grid)


def parse_data_grid(name: str, grid: Sequence[Sequence[object]]) -> DataSheet:
    """The DataSheet of the `_data` cells as read by python-calamine (DataSheetError if bad).

    Shared by `read_data_sheet` and the consolidation reader, which opens the workbook once.
    """
    # python-calamine gives text as str: such cells are taken as they are, without a call.
    lines = [
        (
            key if (key := row[0]).__class__ is str else _text(key),
            value if (value := row[1] if len(row) > 1 else "").__class__ is str else _text(value),
        )
        for row in grid
        if row and any(row)
    ]
    if not lines or lines[0] != HEADER:
        raise DataSheetError(f"{name}: phần dữ liệu ẩn của báo cáo bị hỏng (thiếu dòng tiêu đề).")
    body = lines[1:]
    signature = ""
    if body and body[-1][0] == SIGNATURE_KEY:
        signature = body.pop()[1].strip()
    if not body or body[-1][0] != CHECKSUM_KEY:
        raise DataSheetError(f"{name}: trang {DATA_SHEET} thiếu dòng «{CHECKSUM_KEY}» ở cuối.")
    return DataSheet(name, tuple(body[:-1]), body[-1][1].strip(), signature)
