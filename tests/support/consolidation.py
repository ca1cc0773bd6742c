"""Commune reports for the consolidation tests: the generator of demo/province.py with
the tests' catalogue and clock, and the ways a file goes wrong (tampered, edited, hostile).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from commune_desk.demo.province import write_commune_report
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.catalogue_loader import load_catalogue
from tests.support.common import CATALOGUE, FIXED_NOW

_catalogue: list[Catalogue] = []


def catalogue() -> Catalogue:
    if not _catalogue:
        _catalogue.append(load_catalogue(CATALOGUE))
    return _catalogue[0]


def write_commune(
    folder: Path, code: str, name: str, period: str, values: dict[str, int], **kw
) -> Path:
    """One commune's report in `folder` (generated at the tests' fixed clock unless told)."""
    kw.setdefault("generated", FIXED_NOW)
    return write_commune_report(folder, catalogue(), code, name, period, values, **kw)


def tamper_data(path: Path, key: str, new_value: str) -> None:
    """Edit one `_data` value by hand (openpyxl), leaving the checksum as it was."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["_data"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = new_value
    workbook.save(path)


def edit_visible(path: Path, label: str, new_value: float) -> None:
    """Change the "Thực hiện kỳ báo cáo" cell of the row labelled `label` on sheet 1."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=12):
        if row[1].value == label:
            row[4].value = new_value
    workbook.save(path)


def zip_bomb(path: Path) -> Path:
    """An .xlsx-looking zip with one part that unpacks to 60 MB of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 2**20))
    return path


def entity_bomb(source: Path, path: Path) -> Path:
    """A copy of a real report whose workbook.xml declares XML entities (billion laughs)."""
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'
    )
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, evil if item.filename == "xl/workbook.xml" else data)
    return path


def truncated(source: Path, path: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def reseal(path: Path, changes: dict[str, str], key=None, unsigned: bool = False) -> Path:
    """Change `_data` values and seal it again by the documented rule (shared/DESIGN.md):
    the checksum recomputed; the old signature kept, or made with `key` (another KeyPair,
    whose public key then replaces the row), or dropped with the public key (`unsigned`)."""
    from openpyxl import load_workbook

    from commune_desk.domain.signing import sign
    from commune_desk.excel.data_sheet import checksum, signed_text

    workbook = load_workbook(path)
    sheet = workbook["_data"]
    rows = [(r[0].value, r[1].value or "") for r in sheet.iter_rows(min_row=2)]
    body = [(k, v) for k, v in rows if k not in ("sha256", "signature")]
    signature = dict(rows).get("signature", "")
    if key is not None:
        changes = {**changes, "public_key": key.public_key}
    body = [(k, changes.get(k, v)) for k, v in body if not (unsigned and k == "public_key")]
    if key is not None:
        signature = sign(key.private_key, signed_text(body))
    tail = [("sha256", checksum(body))] + ([] if unsigned else [("signature", signature)])
    sheet.delete_rows(2, sheet.max_row)
    for number, (k, v) in enumerate([*body, *tail], start=2):
        sheet.cell(number, 1).value, sheet.cell(number, 2).value = k, v
        sheet.cell(number, 1).data_type = sheet.cell(number, 2).data_type = "s"
    workbook.save(path)
    return path
