from __future__ import annotations

import pytest

from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.figures_model import Column, FiguresModel
from commune_desk.views.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx):
    ValuesService(ctx).save([
        ValueChange("tthc.received_online", "2026-08", 420),
        ValueChange("tthc.received_direct", "2026-08", 80),
        ValueChange("tthc.received_online", "2026-10", 500),
    ])
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def _row(model: FiguresModel, code: str) -> int:
    return next(i for i in range(model.rowCount()) if model.row_at(i).code == code)


def test_window_shows_the_commune_and_the_current_quarter(window):
    assert "Xã Thiệu Trung" in window.ui.commune_label.text()
    assert window.ui.period_combo.currentText() == "Quý IV/2026"
    model = window.model
    row = _row(model, "tthc.received_online")
    assert model.index(row, Column.VALUE).data() == "500"
    assert model.index(row, Column.YTD).data() == "920"


def test_choosing_another_period_updates_the_figures(qtbot, window):
    combo = window.ui.period_combo
    combo.setCurrentIndex(combo.findData("2026-Q3"))
    model = window.model
    row = _row(model, "ind.online_records_pct")
    assert model.index(row, Column.VALUE).data() == "84,0"
    assert "1/7/2026" in window.ui.window_label.text()


def test_figures_model_passes_the_model_tester(qtmodeltester, window):
    qtmodeltester.check(window.model)
