"""Two clerks on one database: a grid save against a value changed meanwhile is refused, and
the grid then shows the value as it is now (issue 19)."""

from __future__ import annotations

import datetime as dt

import pytest

from commune_desk.services.context import Actor
from commune_desk.services.values import ValuesService
from commune_desk.views.monthly.page import MonthlyGridPage
from tests.support.communes import open_as
from tests.support.grid import go, stored, type_value
from tests.support.kernel import wait_idle


@pytest.fixture
def other_pc(opened, db_path):
    """Another PC's opening of the same database, by Mai."""
    other = open_as(db_path, None, Actor("mai", "clerk", "Đỗ Thị Mai"))
    other.context.clock = lambda: dt.datetime(2026, 11, 21, 10, 5)
    yield other.context
    other.close()


def test_a_stale_cell_is_refused_named_and_reloaded(qtbot, ctx, dialogs, other_pc):
    ValuesService(ctx).set_value("pop.population", "2026-11", 5000)
    page = MonthlyGridPage(ctx, dialogs)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    wait_idle(qtbot)
    ValuesService(other_pc).set_value("pop.population", "2026-11", 5120)  # meanwhile, Mai

    go(page, "pop.population", "2026-11")
    type_value(qtbot, page, "5010")
    wait_idle(qtbot)
    message = page.ui.message_label.text()
    assert "mai" in message and "10:05" in message and "5.120" in message
    assert stored(ctx, "2026-11")["pop.population"] == 5120  # Mai's value stays
    shown = page.model.index_of("pop.population", "2026-11").data()
    assert shown.replace(".", "") == "5120"  # the grid shows it now

    go(page, "pop.population", "2026-11")
    type_value(qtbot, page, "5010")  # typed again over what is shown: saved
    assert stored(ctx, "2026-11")["pop.population"] == 5010
