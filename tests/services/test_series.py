"""One series of monthly values: a month entered by village reads as the villages' sum
everywhere (grid cells, indicator engine, report), and a commune-level value overrides it."""

from __future__ import annotations

from pathlib import Path

import pytest

from commune_desk.domain.periods import Period
from commune_desk.excel.data_sheet import read_data_sheet
from commune_desk.services.commune import require_commune
from commune_desk.services.errors import ServiceError
from commune_desk.services.imports import ImportService
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.reports import ReportService
from commune_desk.services.series import month_series
from commune_desk.services.values import ValueChange, ValuesService

VILLAGES = "code,name,kind\nT01,Thôn Đông,thôn\nT02,Thôn Tây,thôn\n"
VALUES = (
    "period,code,value,village\n"
    "2026-08,tthc.received_online,500,\n"
    "2026-09,tthc.received_online,700,T01\n"
    "2026-09,tthc.received_online,468,T02\n"
    "2026-08,infra.bts,3,\n"
    "2026-09,infra.bts,2,T01\n"
    "2026-09,infra.bts,2,T02\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _import(ctx, tmp_path: Path) -> None:
    service = ImportService(ctx)
    service.import_file("villages", _write(tmp_path / "villages.csv", VILLAGES))
    service.import_file("values", _write(tmp_path / "values.csv", VALUES))


def test_a_month_entered_by_village_is_the_villages_sum(ctx, tmp_path):
    _import(ctx, tmp_path)
    with ctx.read_session() as session:
        commune_id = require_commune(session).id
        series = month_series(session, commune_id, "2026-07", "2026-09")
    assert series.value("tthc.received_online", "2026-09") == 1168
    assert series.value("tthc.received_online", "2026-08") == 500
    assert series.cells[("tthc.received_online", "2026-09")].villages == 2
    assert not series.cells[("tthc.received_online", "2026-08")].from_villages
    assert series.by_code()["infra.bts"] == {"2026-08": 3, "2026-09": 4}


def test_the_grid_cells_hold_the_villages_sum(ctx, tmp_path):
    _import(ctx, tmp_path)
    cells = ValuesService(ctx).cells(Period.parse("2026-Q3").months())
    cell = cells[("tthc.received_online", "2026-09")]
    assert (cell.value, cell.villages, cell.updated_by) == (1168, 2, "tester")
    assert ("tthc.received_online", "2026-07") not in cells


def test_engine_and_report_agree_with_the_cells(ctx, tmp_path):
    _import(ctx, tmp_path)
    quarter = Period.parse("2026-Q3")
    figures = IndicatorService(ctx).compute(quarter).figures
    assert figures["tthc.received_online"].value == 500 + 1168  # a flow: summed
    assert figures["infra.bts"].value == 4  # a stock: the last month's villages' sum
    report = ReportService(ctx).export(quarter, tmp_path / "q3.xlsx", draft=True)
    data = read_data_sheet(report.path)
    assert data.number("tthc.received_online") == 1668
    assert data.number("infra.bts") == 4


def test_a_commune_level_value_overrides_the_villages(ctx, tmp_path):
    _import(ctx, tmp_path)
    values = ValuesService(ctx)
    values.set_value("tthc.received_online", "2026-09", 1200)
    cell = values.cells([Period.parse("2026-09")])[("tthc.received_online", "2026-09")]
    assert (cell.value, cell.villages) == (1200, 0)
    assert (
        IndicatorService(ctx).compute(Period.parse("2026-09")).figures["tthc.received_online"].value
        == 1200
    )
    values.save([ValueChange("tthc.received_online", "2026-09", None)])  # back to the villages
    cell = values.cells([Period.parse("2026-09")])[("tthc.received_online", "2026-09")]
    assert (cell.value, cell.villages) == (1168, 2)


def test_a_villages_sum_takes_no_comment_until_the_commune_has_its_own_value(ctx, tmp_path):
    _import(ctx, tmp_path)
    values = ValuesService(ctx)
    with pytest.raises(ServiceError, match="tổng của 2 thôn"):
        values.set_comment("tthc.received_online", "2026-09", "theo báo cáo của các thôn")
    values.set_value("tthc.received_online", "2026-09", 1168)
    values.set_comment("tthc.received_online", "2026-09", "theo báo cáo của các thôn")
    cell = values.cells([Period.parse("2026-09")])[("tthc.received_online", "2026-09")]
    assert (cell.comment, cell.villages) == ("theo báo cáo của các thôn", 0)
