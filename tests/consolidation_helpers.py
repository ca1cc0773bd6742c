"""Commune reports for the consolidation tests, written by the real report writer (no database).

Each report is a ReportDocument built from varied figures through the same functions the
report service uses (report_rows, data_pairs), so sheet 1 and `_data` are the real thing.
"""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from pathlib import Path

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue, load_catalogue
from commune_desk.domain.indicators import build_figures, with_indicators
from commune_desk.domain.periods import Mode, Period
from commune_desk.excel.report import write_report
from commune_desk.excel.report_document import ReportDocument, Signature
from commune_desk.services.indicators import PeriodFigures
from commune_desk.services.report_builder import Commune, data_pairs, report_rows
from tests.conftest import CATALOGUE, FIXED_NOW

_catalogue: list[Catalogue] = []


def catalogue() -> Catalogue:
    if not _catalogue:
        _catalogue.append(load_catalogue(CATALOGUE))
    return _catalogue[0]


def varied_values(cat: Catalogue, rng: random.Random) -> dict[str, int]:
    """Element values with numerators no larger than their denominators, and the rules kept."""
    values = {e.code: rng.randint(0, 400) for e in cat.elements}
    values["pop.population"] = rng.randint(3000, 20000)
    values["pop.households"] = values["pop.population"] // 4
    values["pop.adults"] = values["pop.population"] * 7 // 10
    values["commune.villages"] = rng.randint(5, 25)
    for code in ("team.villages_covered", "infra.villages_mobile", "infra.villages_fiber"):
        values[code] = rng.randint(0, values["commune.villages"])
    for code in ("pop.adults_confirmed", "pop.vneid_level2", "infra.adults_smartphone"):
        values[code] = rng.randint(0, values["pop.adults"])
    values["infra.households_fiber"] = rng.randint(0, values["pop.households"])
    values["pop.students_equipped"] = rng.randint(0, values["pop.students"])
    values["pop.workers_skilled"] = rng.randint(0, values["pop.enterprise_workers"])
    values["staff.trained_dx"] = rng.randint(0, values["staff.total"])
    values["tthc.procedures"] = rng.randint(100, 400)
    values["tthc.procedures_full_online"] = rng.randint(0, values["tthc.procedures"] // 2)
    values["tthc.procedures_partial_online"] = rng.randint(0, values["tthc.procedures"] // 2)
    values["tthc.fee_paid_online"] = rng.randint(0, values["tthc.fee_records"])
    values["tthc.digitized"] = rng.randint(0, values["tthc.received_online"])
    values["tthc.docs_electronic"] = rng.randint(0, values["tthc.docs_total"])
    if rng.random() < 0.2:
        values.pop("infra.wifi_points")  # a figure some communes leave empty
    return values


def report_document(
    cat: Catalogue,
    code: str,
    name: str,
    period: str,
    values: dict[str, int],
    version: int | None = 1,
    draft: bool = False,
    generated: dt.datetime = FIXED_NOW,
    province: str = "Thanh Hóa",
) -> ReportDocument:
    p = Period.parse(period)
    full = with_indicators(cat, values)
    targets = {c: t for c in cat.codes() if (t := cat.default_target(c, p.year)) is not None}
    figures = PeriodFigures(
        code, name, p, p.window(Mode.CALENDAR), build_figures(cat, full, full, {}, targets)
    )
    commune = Commune(1, code, name, province, {})
    return ReportDocument(
        agency=doc.agency_lines(name),
        form_code=doc.FORM_CODE,
        number_line="Số: 05/BC-UBND",
        date_line=doc.date_line(doc.place_name(name), generated.date()),
        subject=doc.report_subject(p),
        window_line=doc.window_line(figures.window),
        rows=report_rows(cat, figures),
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn A"),
        preparer="Trần Thị B",
        recipients=("- UBND tỉnh Thanh Hóa;", "- Lưu: VT."),
        draft=draft,
        appendices=(),
        data=data_pairs(cat, commune, figures, generated, draft, None if draft else version),
    )


def write_commune(
    folder: Path, code: str, name: str, period: str, values: dict[str, int], **kw
) -> Path:
    path = (
        folder / f"{code}_{period}_v{kw.get('version', 1)}{'_nhap' if kw.get('draft') else ''}.xlsx"
    )
    write_report(path, report_document(catalogue(), code, name, period, values, **kw))
    return path


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
