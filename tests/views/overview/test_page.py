"""Tổng quan page: periods change cards and charts; PNG, clipboard; lazy matplotlib."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from commune_desk.charts import style
from commune_desk.demo import build_demo
from commune_desk.domain.text import slug
from commune_desk.services.context import Actor
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.kernel import Changes, Kind, kernel
from commune_desk.views.overview.page import OverviewPage, period_choices
from tests.support.common import CATALOGUE, FIXED_NOW, ROOT
from tests.support.fakes import FakeDialogs

WAIT = 20_000  # ms: the first load imports matplotlib


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3", CATALOGUE, Actor("t"))
    db.context.clock = lambda: FIXED_NOW
    build_demo(db.context)
    yield db.context
    db.close()


def _open(qtbot, ctx, dialogs=None) -> OverviewPage:
    page = OverviewPage(ctx, dialogs or FakeDialogs())
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None and page.charts.ready, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)
    return page


def _choose(qtbot, page: OverviewPage, key: str) -> None:
    combo = page.ui.period_combo
    combo.setCurrentIndex(combo.findData(key))
    qtbot.waitUntil(lambda: page.overview.period.key == key and not page.busy, timeout=WAIT)


def _chart_lines(page: OverviewPage) -> dict[str, list[float | None]]:
    fig = page.charts.canvas("indicator").figure
    return {
        line.get_label(): [None if math.isnan(v) else v for v in line.get_ydata()]
        for line in fig.axes[0].get_lines()
    }


def test_period_choices_cover_months_quarters_halves_and_years():
    from commune_desk.domain.periods import Period

    keys = [p.key for p in period_choices(Period.month(2026, 11))]
    assert keys[:4] == ["2026", "2026-H2", "2026-H1", "2026-Q4"]
    assert "2026-12" not in keys and "2026-11" in keys and "2025-01" in keys
    assert len(keys) == (1 + 2 + 4 + 11) + (1 + 2 + 4 + 12)


def test_choosing_a_period_changes_the_cards_and_the_charts(qtbot, demo):
    page = _open(qtbot, demo)
    assert page.ui.period_combo.currentText() == "Quý IV/2026"
    code = "ind.adults_confirmed_pct"
    page.ui.indicator_combo.setCurrentIndex(page.ui.indicator_combo.findData(code))
    card = page.cards.card(code)
    before_value, before_lines = card.value_label.text(), _chart_lines(page)
    assert before_lines["2026"][10] is not None  # November 2026
    _choose(qtbot, page, "2025-Q2")
    card = page.cards.card(code)
    assert card.value_label.text() != before_value
    assert card.value_label.text() == style.percent(page.overview.card(code).value)
    lines = _chart_lines(page)
    series = page.overview.indicator(code)
    assert lines["2025"][:6] == list(series.current[:6])
    assert lines["2025"][6] is None  # after the chosen period
    assert lines["2024"] == [None] * 12  # the demo starts in 2025
    assert "1/4/2025" in page.ui.window_label.text()
    assert page.model.rowCount() == len(demo.catalogue.codes())


def test_quick_period_changes_show_only_the_last_choice(qtbot, demo):
    page = _open(qtbot, demo)
    combo = page.ui.period_combo
    for key in ("2026-09", "2026-Q2", "2025", "2026-H1"):
        combo.setCurrentIndex(combo.findData(key))
    qtbot.waitUntil(lambda: not page.busy and page.overview.period.key == "2026-H1", timeout=WAIT)
    assert page.ui.window_label.text().startswith("Số liệu từ ngày 1/1/2026")


def test_cards_explain_their_status(qtbot, demo):
    page = _open(qtbot, demo)
    card = page.cards.card("ind.staff_dx_pct")
    tip = card.toolTip()
    data = page.overview.card("ind.staff_dx_pct")
    assert data.status is not None
    assert card.status_label.text() in {"✓ Đạt", "↗ Đúng tiến độ", "! Chậm"}
    assert "Tử số" in tip and "mẫu số" in tip
    assert "Dự báo đến tháng 12" in tip
    assert card.accessibleName() == data.label
    assert "Chưa có chỉ tiêu" in page.cards.card("ind.vneid_level2_pct").status_label.text()


def test_a_card_opens_its_chart(qtbot, demo):
    page = _open(qtbot, demo)
    page.ui.chart_tabs.setCurrentWidget(page.ui.support_tab)
    qtbot.mouseClick(page.cards.card("ind.full_online_pct"), Qt.MouseButton.LeftButton)
    assert page.indicator_code() == "ind.full_online_pct"
    assert page.visible_chart() == "indicator"
    qtbot.waitUntil(
        lambda: "toàn trình" in page.charts.canvas("indicator").figure.texts[0].get_text()
    )


def test_only_the_visible_chart_is_drawn_and_tabs_draw_theirs(qtbot, demo):
    page = _open(qtbot, demo)
    page.charts.drawn.clear()
    _choose(qtbot, page, "2026-Q3")
    # Only the visible chart is drawn (a late resize of its canvas may draw it again).
    assert set(page.charts.drawn) == {"indicator"}
    page.ui.chart_tabs.setCurrentWidget(page.ui.coverage_tab)
    assert set(page.charts.drawn) == {"indicator", "coverage"}
    assert page.charts.drawn[-1] == "coverage"
    assert not page.ui.indicator_combo.isEnabled()


def test_save_png_writes_a_print_resolution_file(qtbot, demo, tmp_path):
    dialogs = FakeDialogs(save_path=tmp_path / "bieu-do")
    page = _open(qtbot, demo, dialogs)
    page.ui.chart_tabs.setCurrentWidget(page.ui.support_tab)
    qtbot.mouseClick(page.ui.save_png_button, Qt.MouseButton.LeftButton)
    kind, _, suggested = dialogs.asked[-1]
    assert kind == "save" and suggested == "ho-tro-nguoi-dan-2026-Q4.png"
    saved = tmp_path / "bieu-do.png"
    with Image.open(saved) as image:
        assert image.size == (round(style.PRINT_SIZE[0] * 300), round(style.PRINT_SIZE[1] * 300))
    assert "bieu-do.png" in page.ui.status_label.text()


def test_an_indicator_chart_is_saved_under_its_name_not_its_code(qtbot, demo, tmp_path):
    dialogs = FakeDialogs(save_path=tmp_path / "bieu-do")
    page = _open(qtbot, demo, dialogs)
    page.ui.chart_tabs.setCurrentWidget(page.ui.indicator_tab)
    qtbot.mouseClick(page.ui.save_png_button, Qt.MouseButton.LeftButton)
    suggested = dialogs.asked[-1][2]
    code = page.indicator_code()
    assert code.removeprefix("ind.").replace("_", "-") not in suggested
    label = page.ui.indicator_combo.currentText()
    assert suggested == f"chi-so-{slug(label)}-2026-Q4.png"
    assert suggested.isascii()


def test_cards_show_whole_rows_on_an_office_screen(qtbot, demo):
    page = OverviewPage(demo, FakeDialogs())
    qtbot.addWidget(page)
    page.resize(1080, 650)  # the page's room in a 1366×768 window
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None and not page.busy, timeout=WAIT)
    viewport = page.ui.cards_scroll.viewport()
    shown = []
    for card in page.cards.cards:
        top = card.mapTo(viewport, card.rect().topLeft()).y()
        bottom = top + card.height()
        if bottom > 0 and top < viewport.height():
            assert top >= 0 and bottom <= viewport.height(), card.card.code  # never cut
            shown.append(card)
    assert len(shown) >= 4
    bar = page.ui.cards_scroll.verticalScrollBar()
    assert bar.singleStep() == page.cards.row_height()  # the wheel moves a whole row


def test_copy_puts_the_chart_on_the_clipboard(qtbot, demo):
    page = _open(qtbot, demo)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(page.ui.copy_chart_button, Qt.MouseButton.LeftButton)
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert image.width() == round(style.PRINT_SIZE[0] * 150)


def test_the_table_tab_keeps_the_figures_model(qtbot, qtmodeltester, demo):
    page = _open(qtbot, demo)
    page.ui.chart_tabs.setCurrentWidget(page.ui.table_tab)
    assert not page.ui.save_png_button.isEnabled()
    qtmodeltester.check(page.model)


def test_data_changes_refresh_the_open_page(qtbot, ctx):
    page = _open(qtbot, ctx)
    _choose(qtbot, page, "2026-Q3")
    assert page.overview.card("ind.online_records_pct").value is None
    ValuesService(ctx).save(
        [
            ValueChange("tthc.received_online", "2026-08", 420),
            ValueChange("tthc.received_direct", "2026-08", 80),
        ]
    )
    bus, written = kernel().bus, Changes.of(Kind.VALUES, periods=["2026-08"])
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        bus.publish(written)  # as the grid's writes announce themselves
        bus.publish(written)  # debounced: one refresh
    assert page.overview.card("ind.online_records_pct").value == pytest.approx(84.0)
    assert page.cards.card("ind.online_records_pct").value_label.text() == "84,0 %"


def test_the_page_loads_matplotlib_only_after_it_is_shown(tmp_path):
    script = f"""
import datetime as dt, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.setup import open_database
from commune_desk.views.overview.page import OverviewPage
from tests.support.fakes import FakeDialogs
db = open_database({str(tmp_path / "p.sqlite3")!r}, {str(CATALOGUE)!r}, Actor("t"))
db.context.clock = lambda: dt.datetime(2026, 11, 21)
CommuneService(db.context).init("15880", "Xã Thiệu Trung", "Thanh Hóa")
page = OverviewPage(db.context, FakeDialogs())
print("built", "matplotlib" in sys.modules)
page.show()
while not page.charts.ready:
    app.processEvents()
import os
print("shown", "matplotlib" in sys.modules, os.environ["MPLCONFIGDIR"])
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMMUNE_DESK_HOME": str(tmp_path)}
    env.pop("MPLCONFIGDIR", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "built False" in lines
    assert f"shown True {tmp_path / 'matplotlib'}" in lines
