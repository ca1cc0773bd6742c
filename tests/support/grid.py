"""Driving the monthly grid from the keyboard, as a clerk would, and reading what it stored."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from commune_desk.data.models import PeriodLock
from commune_desk.domain.periods import Period
from commune_desk.services.values import ValuesService
from commune_desk.views.monthly.page import MonthlyGridPage
from tests.support.kernel import wait_idle

BACKGROUND = Qt.ItemDataRole.BackgroundRole


def stored(ctx, month: str) -> dict[str, int]:
    cells = ValuesService(ctx).cells([Period.parse(month)])
    return {code: cell.value for (code, _), cell in cells.items()}


def go(page: MonthlyGridPage, code: str, month: str) -> QModelIndex:
    index = page.model.index_of(code, month)
    assert index.isValid()
    page.ui.grid_table.setCurrentIndex(index)
    return index


def type_value(qtbot, page: MonthlyGridPage, text: str, key=Qt.Key.Key_Return) -> None:
    """F2 on the current cell, type over its content, then Enter (or Tab)."""
    table = page.ui.grid_table
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit), "the cell did not open an editor"
    assert editor.selectedText() == editor.text()  # typing replaces the old value
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, key)
    wait_idle(qtbot)  # the clerk sees the save reported


def at(page: MonthlyGridPage) -> tuple[str, str]:
    index = page.ui.grid_table.currentIndex()
    return page.model.row_at(index.row()).code, page.model.column_at(index.column()).period.key


def colour(page: MonthlyGridPage, code: str, month: str) -> str | None:
    brush = page.model.index_of(code, month).data(BACKGROUND)
    return brush.color().name() if brush is not None else None


def lock_q3(ctx) -> None:
    with ctx.sessions.begin() as s:
        s.add(
            PeriodLock(
                commune_id=1,
                period="2026-Q3",
                locked_at=dt.datetime(2026, 10, 5),
                locked_by="officer",
            )
        )
