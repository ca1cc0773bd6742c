"""Invented commune reports for a province's consolidation: varied, believable figures written
by the real report writer (no database), for the consolidation tests, its benchmark and a
demonstration.

Each report is assembled by the report builder itself (`assemble_document`, the part of the
report service that needs no database), so sheet 1 and `_data` are the real thing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from pathlib import Path

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.indicators import build_figures, with_indicators
from commune_desk.domain.periods import Mode, Period
from commune_desk.domain.signing import KeyPair, key_pair_from_seed
from commune_desk.excel.report import write_report
from commune_desk.excel.report_document import ReportDocument
from commune_desk.services.commune import CommuneProfile
from commune_desk.services.indicators import PeriodFigures
from commune_desk.services.report_builder import assemble_document

PROVINCE = "Thanh Hóa"
FIRST_CODE = 14000  # invented commune codes follow from here


def varied_values(catalogue: Catalogue, rng: random.Random) -> dict[str, int]:
    """Element values with numerators no larger than their denominators, and the rules kept."""
    values = {e.code: rng.randint(0, 400) for e in catalogue.elements}
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
    catalogue: Catalogue,
    code: str,
    name: str,
    period: str,
    values: Mapping[str, int],
    generated: dt.datetime,
    version: int | None = 1,
    draft: bool = False,
    province: str = PROVINCE,
    key: KeyPair | None = None,
) -> ReportDocument:
    """The quarter report of one invented commune, as the report service would build it.

    Signed with `key`, by default the commune's invented key (`demo_key`).
    """
    p = Period.parse(period)
    full = with_indicators(catalogue, dict(values))
    targets = {
        c: t for c in catalogue.codes() if (t := catalogue.default_target(c, p.year)) is not None
    }
    figures = PeriodFigures(
        code, name, p, p.window(Mode.CALENDAR), build_figures(catalogue, full, full, {}, targets)
    )
    settings = {
        doc.SIGNER_NAME: "Lê Văn A",
        doc.PREPARER_NAME: "Trần Thị B",
        doc.RECIPIENTS: f"UBND tỉnh {province}",
    }
    commune = CommuneProfile(1, code, name, province, Mode.CALENDAR, settings)
    return assemble_document(
        catalogue,
        commune,
        figures,
        today=generated.date(),
        generated_at=generated,
        draft=draft,
        version=None if draft else version,
        key=key or demo_key(code),
    )


def demo_key(code: str) -> KeyPair:
    """The invented key pair of an invented commune (the same for a code every time)."""
    return key_pair_from_seed(f"commune-desk demo commune {code}".encode())


def write_commune_report(
    folder: Path,
    catalogue: Catalogue,
    code: str,
    name: str,
    period: str,
    values: Mapping[str, int],
    generated: dt.datetime,
    version: int | None = 1,
    draft: bool = False,
    province: str = PROVINCE,
    key: KeyPair | None = None,
) -> Path:
    """Write one commune's report into `folder` as `code_period_vN[_nhap].xlsx`."""
    suffix = "_nhap" if draft else ""
    path = Path(folder) / f"{code}_{period}_v{version}{suffix}.xlsx"
    report = report_document(
        catalogue, code, name, period, values, generated, version, draft, province, key
    )
    write_report(path, report)
    return path


def write_province_reports(
    folder: Path,
    catalogue: Catalogue,
    period: str,
    communes: int,
    generated: dt.datetime,
    seed: int = 2025,
) -> list[Path]:
    """Submitted reports of `communes` invented communes (Xã Thử 000, 001…), varied figures."""
    rng = random.Random(seed)
    return [
        write_commune_report(
            folder,
            catalogue,
            f"{FIRST_CODE + index}",
            f"Xã Thử {index:03d}",
            period,
            varied_values(catalogue, rng),
            generated,
        )
        for index in range(communes)
    ]
