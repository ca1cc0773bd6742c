"""Tổng quan's Bảng số liệu at 1366×768: every indicator's name read whole, no code shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from commune_desk.demo import build_demo
from commune_desk.services.context import Actor
from commune_desk.services.setup import open_database
from commune_desk.views.overview.figures_model import Column
from commune_desk.views.overview.page import OverviewPage
from tests.support.common import CATALOGUE, FIXED_NOW
from tests.support.fakes import FakeDialogs

WAIT = 20_000  # ms: the first load imports matplotlib


@pytest.fixture
def demo(tmp_path):
    db = open_database(tmp_path / "demo.sqlite3", CATALOGUE, Actor("t"))
    db.context.clock = lambda: FIXED_NOW
    build_demo(db.context)
    yield db.context
    db.close()


def test_the_figures_table_gives_the_names_their_room(qtbot, demo):
    page = OverviewPage(demo, FakeDialogs())
    qtbot.addWidget(page)
    page.resize(1366 - 280, 768 - 60)  # what the window leaves beside its sections
    page.show()
    qtbot.waitUntil(lambda: page.overview is not None and not page.busy, timeout=WAIT)
    page.ui.chart_tabs.setCurrentWidget(page.ui.chart_tabs.widget(page.ui.chart_tabs.count() - 1))
    table = page.ui.figures_table
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().width() > 700)
    header = table.horizontalHeader()
    chars = table.fontMetrics().averageCharWidth()
    assert header.sectionSize(Column.UNIT) <= 13 * chars  # "người", not a wide empty column
    assert header.sectionSize(Column.LABEL) > table.viewport().width() * 0.5
    model = page.model

    def cut() -> list[str]:
        width = header.sectionSize(Column.LABEL) - 8
        names = []
        for row in range(model.rowCount()):
            text = model.index(row, Column.LABEL).data()
            box = QRect(0, 0, width, 10_000)
            needed = QFontMetrics(table.font()).boundingRect(box, Qt.TextFlag.TextWordWrap, text)
            if needed.height() > table.rowHeight(row):
                names.append(text)
        return names

    qtbot.waitUntil(lambda: not cut())
    codes = {e.code for e in demo.catalogue.elements} | {i.code for i in demo.catalogue.indicators}
    for row in range(model.rowCount()):
        tip = model.index(row, Column.LABEL).data(Qt.ItemDataRole.ToolTipRole) or ""
        assert tip not in codes and "." not in tip.split()[0], tip
