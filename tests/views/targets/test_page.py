from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLineEdit

from commune_desk.services.indicators import IndicatorService
from commune_desk.views.targets.model import Column, TargetsModel, TargetViewRow, format_target
from commune_desk.views.targets.page import TargetsPage, TargetTextError, parse_target
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle
from tests.support.targets import CODE, row_index, type_in_own_cell


@pytest.fixture
def page(qtbot, ctx):
    widget = TargetsPage(ctx, FakeDialogs())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    wait_idle(qtbot)
    return widget


def _cell(page: TargetsPage, column: Column, code: str = CODE) -> str:
    return page.model.index(row_index(page.model, code), column).data()


def test_the_current_year_and_the_catalogue_defaults_are_shown(page, ctx):
    assert page.ui.year_spin.value() == 2026
    assert page.model.rowCount() == len(ctx.catalogue.codes())
    assert [page.model.row_at(i).code for i in range(3)] == list(ctx.catalogue.codes()[:3])
    assert _cell(page, Column.LABEL).startswith("Tỷ lệ người trưởng thành")
    assert _cell(page, Column.UNIT) == "%"
    assert _cell(page, Column.DEFAULT) == "80"
    assert _cell(page, Column.OWN) == ""
    assert _cell(page, Column.EFFECTIVE) == "80"


def test_typing_a_number_and_enter_saves_the_commune_target(qtbot, page, ctx):
    type_in_own_cell(qtbot, page, "85")
    assert IndicatorService(ctx).targets(2026)[CODE] == 85
    assert _cell(page, Column.OWN) == "85"
    assert _cell(page, Column.EFFECTIVE) == "85"
    font = page.model.index(row_index(page.model), Column.EFFECTIVE).data(Qt.ItemDataRole.FontRole)
    assert font.bold()
    assert "85" in page.ui.message_label.text()


def test_enter_moves_to_the_next_row_so_the_next_number_lands_there(qtbot, page, ctx):
    table = page.ui.targets_table
    first = row_index(page.model)
    type_in_own_cell(qtbot, page, "85")
    below = page.model.row_at(first + 1).code
    assert table.currentIndex().row() == first + 1  # the cursor went down with the grid
    assert table.currentIndex().column() == Column.OWN
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the clerk types on where the cursor is
    (editor,) = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    qtbot.keyClicks(editor, "90")
    with qtbot.waitSignal(table.itemDelegate().closeEditor):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_idle(qtbot)
    targets = IndicatorService(ctx).targets(2026)
    assert targets[CODE] == 85 and targets[below] == 90
    rect = table.visualRect(table.currentIndex())
    assert table.viewport().rect().contains(rect)  # and in sight


def test_a_vietnamese_decimal_is_accepted(qtbot, page, ctx):
    type_in_own_cell(qtbot, page, "1.234,5", code="pop.adults")
    assert IndicatorService(ctx).targets(2026)["pop.adults"] == 1234.5
    assert _cell(page, Column.EFFECTIVE, code="pop.adults") == "1.234,5"


def test_emptying_the_cell_goes_back_to_the_default(qtbot, page, ctx):
    IndicatorService(ctx).set_target(CODE, 2026, 85)
    page.refresh()
    wait_idle(qtbot)
    type_in_own_cell(qtbot, page, "")
    assert IndicatorService(ctx).targets(2026)[CODE] == 80
    assert [r.own for r in IndicatorService(ctx).target_rows(2026) if r.code == CODE] == [None]
    assert _cell(page, Column.EFFECTIVE) == "80"
    assert (
        page.model.index(row_index(page.model), Column.EFFECTIVE).data(Qt.ItemDataRole.FontRole)
        is None
    )
    assert "mặc định 80" in page.ui.message_label.text()


def test_delete_on_the_cell_removes_the_commune_target(qtbot, page, ctx):
    IndicatorService(ctx).set_target(CODE, 2026, 85)
    page.refresh()
    wait_idle(qtbot)
    table = page.ui.targets_table
    table.setFocus()
    table.setCurrentIndex(page.model.index(row_index(page.model), Column.OWN))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot)
    assert IndicatorService(ctx).targets(2026)[CODE] == 80


@pytest.mark.parametrize(("typed", "says"), [("-5", "số âm"), ("abc", "không phải là số")])
def test_a_negative_or_a_text_is_refused_with_a_message(qtbot, page, ctx, typed, says):
    type_in_own_cell(qtbot, page, typed)
    assert says in page.ui.message_label.text()
    assert "Tỷ lệ người trưởng thành" in page.ui.message_label.text()
    assert IndicatorService(ctx).targets(2026)[CODE] == 80
    assert _cell(page, Column.OWN) == ""


def test_another_year_reloads_the_targets(qtbot, page, ctx):
    type_in_own_cell(qtbot, page, "85")
    qtbot.keyClick(page.ui.year_spin, Qt.Key.Key_Down)
    wait_idle(qtbot)
    assert page.year == 2025
    assert _cell(page, Column.DEFAULT) == "50"
    assert _cell(page, Column.EFFECTIVE) == "50"
    assert page.ui.message_label.text() == ""
    qtbot.keyClick(page.ui.year_spin, Qt.Key.Key_Up)
    wait_idle(qtbot)
    assert _cell(page, Column.EFFECTIVE) == "85"


def test_only_the_commune_column_is_editable(page):
    flags = [page.model.flags(page.model.index(0, c)) for c in Column]
    editable = [bool(f & Qt.ItemFlag.ItemIsEditable) for f in flags]
    assert editable == [c == Column.OWN for c in Column]


def test_headers_follow_the_language(qtbot, page):
    with qtbot.waitSignal(page.model.headerDataChanged):
        QCoreApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    header = page.model.headerData(Column.OWN, Qt.Orientation.Horizontal)
    assert header == "Kế hoạch của xã"
    assert page.ui.year_label.text() == "&Năm:"


def test_targets_model_passes_the_model_tester(qtmodeltester, qtbot, page):
    type_in_own_cell(qtbot, page, "85")
    qtmodeltester.check(page.model)


def test_an_empty_targets_model_passes_the_model_tester(qtmodeltester):
    model = TargetsModel()
    qtmodeltester.check(model)
    model.set_rows([TargetViewRow("a", "A", "người", None, 3)])
    qtmodeltester.check(model)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("80", 80),
        (" 85,5 ", 85.5),
        ("1.234,5", 1234.5),
        ("1.234", 1234),
        ("80.5", 80.5),
        ("90 %", 90),
        ("", None),
        ("   ", None),
        ("0", 0),
    ],
)
def test_parse_target_reads_vietnamese_numbers(text, value):
    assert parse_target(text) == value


@pytest.mark.parametrize("text", ["-5", "−1", "abc", "1,2,3", "1.23.4", "=5"])
def test_parse_target_refuses_what_is_not_a_target(text):
    with pytest.raises(TargetTextError):
        parse_target(text)


def test_format_target_keeps_the_decimals_it_needs():
    assert format_target(80.0) == "80"
    assert format_target(1234.5) == "1.234,5"
    assert format_target(12.25) == "12,25"
    assert format_target(None) == ""
