"""Every input of every page can be reached by a screen reader and from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from commune_desk.services.commune import CommuneService
from commune_desk.views.shell.compose import build_main_window
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.fakes import FakeDialogs

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)
SECTIONS = (
    "overview",
    "monthly",
    "training",
    "teams",
    "classes",
    "villages",
    "targets",
    "settings",
)


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if isinstance(widget, QHeaderView):
        return True  # a table's headers are read with the table
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    parent = widget.parentWidget()  # editors inside a combo or spin box are named by it
    return isinstance(parent, QComboBox | QAbstractSpinBox) and _named(parent, buddies)


@pytest.mark.parametrize("section", SECTIONS)
def test_every_input_has_an_accessible_name_or_a_label(qtbot, ctx, tmp_path, section):
    window = build_main_window(
        ctx, CommuneService(ctx).profile(), AppSettings(tmp_path / "s.ini"), FakeDialogs()
    )
    qtbot.addWidget(window)
    window.show()
    page = window.show_section(section)
    buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
    unnamed = [
        f"{type(w).__name__} {w.objectName() or '(no name)'}"
        for w in page.findChildren(QWidget)
        if isinstance(w, INPUTS) and w.isVisibleTo(page) and not _named(w, buddies)
    ]
    assert unnamed == []


@pytest.mark.parametrize("section", SECTIONS)
def test_every_button_has_a_text_or_name(qtbot, ctx, tmp_path, section):
    window = build_main_window(
        ctx, CommuneService(ctx).profile(), AppSettings(tmp_path / "s.ini"), FakeDialogs()
    )
    qtbot.addWidget(window)
    page = window.show_section(section)
    silent = [
        b.objectName()
        for b in page.findChildren(QAbstractButton)
        if b.isVisibleTo(page)
        and not b.objectName().startswith("qt_")  # Qt's own (a table's corner button)
        and not (b.text().strip() or b.accessibleName().strip())
    ]
    assert silent == []
