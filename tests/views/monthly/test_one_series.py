"""A month imported village by village shows the same sum in the monthly grid, the overview
and the report: all three read the one series of services/series.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Period
from commune_desk.excel.data_sheet import read_data_sheet
from commune_desk.services.imports import ImportService
from commune_desk.services.overview import OverviewService
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValuesService
from commune_desk.views.monthly.layout import ColumnKind, GridData, grid_rows
from commune_desk.views.monthly.model import MonthlyGridModel

VILLAGES = "code,name,kind\nT01,Thôn Đông,thôn\nT02,Thôn Tây,thôn\nT03,Tổ dân phố 3,tổ dân phố\n"
VALUES = (
    "period,code,value,village\n"
    "2026-09,tthc.received_online,900,\n"  # September: the commune's own figure
    "2026-10,tthc.received_online,700,T01\n"  # October: by village only
    "2026-10,tthc.received_online,468,T02\n"
    "2026-10,tthc.received_online,32,T03\n"
    "2026-10,infra.bts,3,T01\n"
    "2026-10,infra.bts,2,T02\n"
)
OCTOBER = 700 + 468 + 32


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def imported(ctx, tmp_path):
    service = ImportService(ctx)
    service.import_file("villages", _write(tmp_path / "villages.csv", VILLAGES))
    service.import_file("values", _write(tmp_path / "values.csv", VALUES))
    return ctx


def _grid(qapp, ctx, period: Period) -> MonthlyGridModel:
    """The grid's model filled the way the monthly page fills it."""
    values = ValuesService(ctx)
    model = MonthlyGridModel()
    cells = values.cells(period.months())
    model.load(GridData(period, grid_rows(ctx.catalogue), cells, values.problems(period)))
    return model


def _total(model: MonthlyGridModel, code: str) -> str:
    row = model.index_of(code, model.column_at(1).period.key).row()
    column = next(
        c for c in range(model.columnCount()) if model.column_at(c).kind is ColumnKind.TOTAL
    )
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def _report(ctx, period: Period, folder: Path) -> dict[str, float | None]:
    result = ReportService(ctx).export(period, folder / f"{period.key}.xlsx", draft=True)
    data = read_data_sheet(result.path)
    return {code: data.number(code) for code in ("tthc.received_online", "infra.bts")}


def test_grid_overview_and_report_show_the_villages_sum(qapp, imported, tmp_path):
    ctx = imported
    quarter, october = Period.parse("2026-Q4"), Period.parse("2026-10")
    grid = _grid(qapp, ctx, quarter)
    month_cell = grid.index_of("tthc.received_online", "2026-10").data()
    overview = OverviewService(ctx).load(quarter)
    online = next(line for line in overview.online.channels if line.key == "tthc.received_online")
    month_report = _report(ctx, october, tmp_path)
    quarter_report = _report(ctx, quarter, tmp_path)

    # October alone: the villages' sum everywhere (the grid showed it blank).
    assert month_cell == format_number(OCTOBER)
    assert online.values[october.index - 1] == OCTOBER
    assert month_report["tthc.received_online"] == OCTOBER
    # The quarter (October to December): the grid's total, the overview's figure, the report.
    assert _total(grid, "tthc.received_online") == format_number(OCTOBER)
    assert overview.figures.figures["tthc.received_online"].value == OCTOBER
    assert quarter_report["tthc.received_online"] == OCTOBER
    # A stock entered by village: its villages' sum, the last month with a value.
    assert _total(grid, "infra.bts") == format_number(5)
    assert overview.figures.figures["infra.bts"].value == quarter_report["infra.bts"] == 5
    # September, entered for the commune, is untouched by the villages of October.
    assert _grid(qapp, ctx, Period.parse("2026-Q3")).index_of(
        "tthc.received_online", "2026-09"
    ).data() == format_number(900)
    assert online.values[8] == 900
