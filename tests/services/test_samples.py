"""The sample files in resources/samples import cleanly and idempotently; dry-run writes nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from commune_desk.domain.periods import Period
from commune_desk.domain.records import IMPORT_ORDER, KINDS
from commune_desk.services.imports import VALUE_COLUMNS, ImportService
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValuesService

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
ALL_KINDS = (*IMPORT_ORDER, "values")
SAMPLE_MONTHS = [Period.parse(k) for k in ("2025-07", "2025-08", "2025-09")]


def _sample(kind: str) -> Path:
    return SAMPLES / f"{kind}.csv"


def _data_rows(kind: str) -> int:
    with _sample(kind).open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for row in csv.reader(handle) if any(cell.strip() for cell in row)) - 1


def _stored_values(ctx) -> int:
    return len(ValuesService(ctx).cells(SAMPLE_MONTHS))


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_sample_columns_are_the_field_names(kind: str) -> None:
    with _sample(kind).open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    expected = VALUE_COLUMNS if kind == "values" else KINDS[kind].columns
    assert tuple(header) == tuple(expected)
    assert 3 <= _data_rows(kind) <= (40 if kind == "values" else 8)


def test_samples_import_in_order_then_reimport_unchanged(ctx) -> None:
    service = ImportService(ctx)
    for kind in ALL_KINDS:
        report = service.import_file(kind, _sample(kind))
        rows = _data_rows(kind)
        assert (report.rows, report.added, report.changed, report.unchanged) == (rows, rows, 0, 0)
        assert report.ignored_columns == ()
        assert not report.dry_run
    records = RecordService(ctx)
    for kind in IMPORT_ORDER:
        assert records.count(kind) == _data_rows(kind), kind
    assert _stored_values(ctx) == _data_rows("values")

    for kind in ALL_KINDS:
        report = service.import_file(kind, _sample(kind))
        rows = _data_rows(kind)
        assert (report.added, report.changed, report.unchanged) == (0, 0, rows), kind


def test_imported_samples_show_in_the_figures(ctx) -> None:
    service = ImportService(ctx)
    for kind in ALL_KINDS:
        service.import_file(kind, _sample(kind))
    values = IndicatorService(ctx).compute(Period.parse("2025-Q3")).values()
    assert values["tthc.procedures"] == 399
    assert values["ind.online_records_pct"] > 89
    assert values["ind.electronic_docs_pct"] == 100
    assert values["commune.villages"] == 4  # T05 is not active
    assert values["team.count"] == 4
    assert values["team.villages_covered"] == 3
    assert values["class.count"] == 4
    assert values["team.sessions"] == 6
    staff = {s["code"]: s for s in RecordService(ctx).list("staff")}
    assert staff["CB01"]["steering_member"] is True
    assert staff["CB06"]["end_date"].isoformat() == "2025-06-30"
    topics = {t["code"]: t["topics"] for t in RecordService(ctx).list("trainings")}
    assert topics["BD25-01"] == ("dx", "infosec")
    assert topics["BD25-02"] == ("digital_skills",)


def test_dry_run_counts_but_writes_nothing(ctx) -> None:
    """Each kind dry-runs on a database without it (its references imported for real)."""
    service = ImportService(ctx)
    records = RecordService(ctx)
    for kind in ALL_KINDS:
        report = service.import_file(kind, _sample(kind), dry_run=True)
        assert report.dry_run
        assert (report.added, report.changed, report.unchanged) == (_data_rows(kind), 0, 0)
        if kind == "values":
            assert _stored_values(ctx) == 0
        else:
            assert records.count(kind) == 0, kind
        service.import_file(kind, _sample(kind))  # so that the next kind's references exist


def test_dry_run_on_a_fresh_database(ctx) -> None:
    service = ImportService(ctx)
    for kind in ("villages", "staff", "trainings", "values"):  # no references to other lists
        report = service.import_file(kind, _sample(kind), dry_run=True)
        assert report.added == _data_rows(kind)
    records = RecordService(ctx)
    assert all(records.count(kind) == 0 for kind in IMPORT_ORDER)
    assert _stored_values(ctx) == 0


def test_cli_imports_a_sample(opened, db_url: str, capsys: pytest.CaptureFixture) -> None:
    from commune_desk.cli import main

    sample = str(_sample("villages"))
    assert main(["import", "villages", sample, "--db", db_url, "--dry-run"]) == 0
    assert "chạy thử" in capsys.readouterr().out
    assert RecordService(opened.context).count("villages") == 0

    assert main(["import", "villages", sample, "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert f"thêm {_data_rows('villages')}" in out
    assert RecordService(opened.context).count("villages") == _data_rows("villages")
