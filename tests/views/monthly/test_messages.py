"""Every message the monthly grid can show names figures by their labels, never by codes.

Each case is what a clerk does (types, pastes a block from Excel, deletes, undoes); the
message beside the grid and the cells' tooltips are read back and searched for any code of
the catalogue ("tthc.fee_paid_online") or anything shaped like one.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from commune_desk.views.monthly.page import MonthlyGridPage
from tests.support.grid import go, lock_q3, type_value
from tests.support.kernel import wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier
CODE_SHAPE = re.compile(r"\b[a-z]+\.[a-z][a-z0-9_]*\b")  # "pop.population", "ind.x_pct"


@pytest.fixture
def page(qtbot, ctx, dialogs) -> MonthlyGridPage:
    page = MonthlyGridPage(ctx, dialogs, ask_comment=lambda parent, cell, comment: None)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    wait_idle(qtbot)
    return page


def paste(qtbot, page: MonthlyGridPage, text: str) -> None:
    QApplication.clipboard().setText(text)
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
    wait_idle(qtbot)


def codes_in(ctx, text: str) -> list[str]:
    catalogue = ctx.catalogue
    known = {e.code for e in catalogue.elements} | {i.code for i in catalogue.indicators}
    known |= {r.id for r in catalogue.rules}
    found = [code for code in known if code in text]
    return found + CODE_SHAPE.findall(text)


def shown(page: MonthlyGridPage) -> str:
    """The message beside the grid and every cell's tooltip."""
    model = page.model
    tips = [
        model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) or ""
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    return "\n".join([page.ui.message_label.text(), *tips])


CASES = {
    "paste text": ("tthc.received_online", "2026-10", "paste", "abc\t12"),
    "paste negative": ("tthc.received_online", "2026-10", "paste", "-5"),
    "paste decimal": ("tthc.received_online", "2026-10", "paste", "1,5"),
    "paste too big": ("tthc.received_online", "2026-10", "paste", "99999999999999"),
    "paste breaks a rule": ("tthc.fee_records", "2026-10", "paste", "50\t50\n60\t40"),
    "paste past the months": ("tthc.received_online", "2026-11", "paste", "1\t2\t3"),
    "paste on a header": ("pop.digital_signatures", "2026-10", "paste", "1\n2\n3"),
    "paste past the last row": ("infra.wifi_points", "2026-10", "paste", "1\n2"),
    "paste nothing": ("tthc.received_online", "2026-10", "paste", ""),
    "paste a falling stock": ("infra.bts", "2026-10", "paste", "5\t3"),
    "type negative": ("tthc.received_online", "2026-10", "type", "-5"),
    "type text": ("tthc.received_online", "2026-10", "type", "muoi"),
    "type past a rule": ("tthc.fee_paid_online", "2026-10", "type", "60"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_no_message_of_the_grid_shows_a_code(qtbot, ctx, page, case):
    code, month, how, text = CASES[case]
    if case == "type past a rule":
        go(page, "tthc.fee_records", month)
        type_value(qtbot, page, "50")
    go(page, code, month)
    if how == "paste":
        paste(qtbot, page, text)
    else:
        type_value(qtbot, page, text)
    message = page.ui.message_label.text()
    assert message, "the case said nothing"
    assert codes_in(ctx, shown(page)) == [], shown(page)


def test_locked_months_undo_and_delete_speak_plainly(qtbot, ctx, page):
    page.ui.period_combo.setCurrentIndex(page.ui.period_combo.findData("2026-Q3"))
    wait_idle(qtbot)
    lock_q3(ctx)
    page.refresh()
    wait_idle(qtbot)
    said = []
    go(page, "tthc.received_online", "2026-08")
    paste(qtbot, page, "1\t2")
    said.append(page.ui.message_label.text())
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Delete)
    wait_idle(qtbot)
    said.append(page.ui.message_label.text())
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot)
    said.append(page.ui.message_label.text())
    assert all(said), said
    assert codes_in(ctx, "\n".join([*said, shown(page)])) == []
