"""The monthly figures grid, driven from the keyboard as a clerk would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from commune_desk.data.models import MonthlyValue, Village
from commune_desk.domain.periods import Period
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.monthly.comment_dialog import CommentDialog
from commune_desk.views.monthly.layout import GridData, grid_rows
from commune_desk.views.monthly.model import ERROR_COLOUR, WARNING_COLOUR, MonthlyGridModel
from commune_desk.views.monthly.page import MonthlyGridPage
from tests.support.grid import at, colour, go, lock_q3, stored, type_value
from tests.support.kernel import wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier
BACKGROUND = Qt.ItemDataRole.BackgroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
MARK = Qt.ItemDataRole.DecorationRole  # the comment icon


@pytest.fixture
def comments() -> list[tuple[str, str]]:
    """What the comment dialog was asked; the fake answers with the last item pushed."""
    return []


@pytest.fixture
def make_page(qtbot, ctx, dialogs, comments):
    def make() -> MonthlyGridPage:
        def ask(parent, cell: str, comment: str) -> str | None:
            comments.append((cell, comment))
            return "ước tính, chờ số liệu của bưu điện"

        page = MonthlyGridPage(ctx, dialogs, ask_comment=ask)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        with qtbot.waitActive(page):  # shortcuts need an active window
            page.show()
            page.activateWindow()
        wait_idle(qtbot)  # the first load has arrived
        return page

    return make


@pytest.fixture
def page(make_page) -> MonthlyGridPage:
    return make_page()


def test_rows_come_from_the_catalogue_and_columns_from_the_current_quarter(page, ctx):
    model = page.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [r.code for r in rows if not r.is_section] == [
        e.code for e in ctx.catalogue.entry_elements()
    ]
    sections = [r.label for r in rows if r.is_section]
    assert "IV. Dịch vụ công trực tuyến" in sections
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["ĐVT", "T10/2026", "T11/2026", "T12/2026", "Quý IV/2026"]
    assert page.ui.period_combo.currentText() == "Quý IV/2026"
    assert at(page) == ("pop.population", "2026-11")  # the current month
    assert page.ui.grid_table.accessibleName() and page.ui.period_combo.accessibleName()
    assert page.ui.grid_table.hasFocus()


def test_choosing_a_year_shows_its_twelve_months(qtbot, page):
    combo = page.ui.period_combo
    choices = [combo.itemData(i) for i in range(combo.count())]
    assert choices[:6] == ["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2026", "2025-Q4"]
    assert choices[-1] == "2024"
    combo.setCurrentIndex(combo.findData("2025"))
    wait_idle(qtbot)
    model = page.model
    assert model.columnCount() == 1 + 12 + 1
    assert model.headerData(13, Qt.Orientation.Horizontal) == "Năm 2025"


def test_typing_a_month_saves_each_value_and_enter_moves_down(qtbot, page, ctx):
    go(page, "tthc.received_online", "2026-10")
    with qtbot.waitSignal(page.values_changed):
        type_value(qtbot, page, "1.234")
    assert at(page) == ("tthc.received_direct", "2026-10")
    type_value(qtbot, page, "80")
    type_value(qtbot, page, "12")
    assert stored(ctx, "2026-10") == {
        "tthc.received_online": 1234,
        "tthc.received_direct": 80,
        "tthc.received_postal": 12,
    }
    assert page.model.index_of("tthc.received_online", "2026-10").data() == "1.234"
    assert "Đã lưu" in page.ui.message_label.text()


def test_enter_skips_the_next_section_header(qtbot, page):
    go(page, "pop.digital_signatures", "2026-10")
    type_value(qtbot, page, "7")
    assert at(page) == ("tthc.procedures", "2026-10")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Return)  # not editing: moves on as well
    assert at(page) == ("tthc.procedures_full_online", "2026-10")


def test_enter_moves_down_even_while_a_mouse_button_is_held_elsewhere(qtbot, page):
    other = QPushButton("Khác")
    qtbot.addWidget(other)
    qtbot.mousePress(other, Qt.MouseButton.LeftButton)  # never released
    try:
        go(page, "tthc.procedures", "2026-10")
        page.ui.grid_table.setFocus()
        qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Return)
        assert at(page) == ("tthc.procedures_full_online", "2026-10")
    finally:
        qtbot.mouseRelease(other, Qt.MouseButton.LeftButton)


def test_typing_on_a_cell_opens_its_editor_with_the_key(qtbot, page, ctx):
    table = page.ui.grid_table
    go(page, "infra.wifi_points", "2026-10")
    qtbot.keyClick(table, Qt.Key.Key_4)
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.text() == "4"
    assert editor.accessibleName() == "Số điểm wifi công cộng miễn phí, T10/2026"
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # Escape drops what was typed
    assert stored(ctx, "2026-10") == {}
    assert table.indexWidget(table.currentIndex()) is None


def test_tab_saves_and_moves_right_then_to_the_next_row(qtbot, page, ctx):
    go(page, "infra.wifi_points", "2026-10")
    type_value(qtbot, page, "3", Qt.Key.Key_Tab)
    assert at(page) == ("infra.wifi_points", "2026-11")
    type_value(qtbot, page, "4", Qt.Key.Key_Tab)
    assert at(page) == ("infra.wifi_points", "2026-12")
    assert stored(ctx, "2026-11")["infra.wifi_points"] == 4
    go(page, "pop.population", "2026-12")
    type_value(qtbot, page, "12000", Qt.Key.Key_Tab)
    assert at(page) == ("pop.households", "2026-10")  # past the total column, to the next row


def test_total_sums_a_flow_and_keeps_the_last_value_of_a_stock(qtbot, page):
    total = page.model.columnCount() - 1
    go(page, "tthc.received_online", "2026-10")
    type_value(qtbot, page, "100", Qt.Key.Key_Tab)
    type_value(qtbot, page, "250")
    row = page.model.index_of("tthc.received_online", "2026-10").row()
    assert page.model.index(row, total).data() == "350"
    go(page, "infra.households_fiber", "2026-10")
    type_value(qtbot, page, "1500", Qt.Key.Key_Tab)
    type_value(qtbot, page, "1520")
    row = page.model.index_of("infra.households_fiber", "2026-10").row()
    assert page.model.index(row, total).data() == "1.520"


def test_a_negative_number_is_refused_with_the_reason(qtbot, page, ctx):
    index = go(page, "tthc.received_online", "2026-10")
    type_value(qtbot, page, "-5")
    assert stored(ctx, "2026-10") == {}
    assert at(page) == ("tthc.received_online", "2026-10")  # stays for a correction
    message = page.ui.message_label.text()
    assert "số âm" in message and "Số hồ sơ tiếp nhận trực tuyến" in message
    assert "số âm" in index.data(TOOLTIP)
    assert index.data() == ""


def test_a_broken_rule_is_refused_with_the_rule_message(qtbot, page, ctx):
    go(page, "tthc.fee_records", "2026-10")
    type_value(qtbot, page, "50")
    assert at(page) == ("tthc.fee_paid_online", "2026-10")
    type_value(qtbot, page, "60")
    assert stored(ctx, "2026-10") == {"tthc.fee_records": 50}
    assert "không được vượt quá số hồ sơ có nghĩa vụ tài chính" in page.ui.message_label.text()
    assert at(page) == ("tthc.fee_paid_online", "2026-10")


def test_a_falling_stock_is_saved_and_coloured_as_a_warning(qtbot, page, ctx):
    go(page, "infra.bts", "2026-10")
    type_value(qtbot, page, "5", Qt.Key.Key_Tab)
    type_value(qtbot, page, "3")
    assert stored(ctx, "2026-11")["infra.bts"] == 3
    assert colour(page, "infra.bts", "2026-11") == QColor(WARNING_COLOUR).name()
    assert colour(page, "infra.bts", "2026-10") is None
    assert "giảm từ 5 xuống 3" in page.model.index_of("infra.bts", "2026-11").data(TOOLTIP)
    assert "giảm từ 5 xuống 3" in page.ui.message_label.text()


def test_stored_values_that_break_a_rule_are_marked_on_load(make_page, ctx):
    with ctx.sessions.begin() as s:  # as an old import could have left them
        for code, value in (("tthc.fee_records", 50), ("tthc.fee_paid_online", 60)):
            s.add(
                MonthlyValue(
                    commune_id=1,
                    code=code,
                    month="2026-10",
                    value=value,
                    comment="",
                    updated_by="old",
                    updated_at=dt.datetime(2026, 10, 30),
                )
            )
    page = make_page()
    for code in ("tthc.fee_records", "tthc.fee_paid_online"):
        assert colour(page, code, "2026-10") == QColor(ERROR_COLOUR).name()
        assert "nghĩa vụ tài chính" in page.model.index_of(code, "2026-10").data(TOOLTIP)
    assert colour(page, "tthc.fee_records", "2026-11") is None


def test_pasting_an_excel_block_saves_it_in_one_go(qtbot, page, ctx):
    go(page, "tthc.received_online", "2026-10")
    QApplication.clipboard().setText("1\t2\t3\r\n4\t5\t6\r\n")
    with qtbot.waitSignal(page.values_changed):
        qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
        wait_idle(qtbot)
    values = {m: stored(ctx, m) for m in ("2026-10", "2026-11", "2026-12")}
    assert [values[m]["tthc.received_online"] for m in sorted(values)] == [1, 2, 3]
    assert [values[m]["tthc.received_direct"] for m in sorted(values)] == [4, 5, 6]
    assert "6" in page.ui.message_label.text()


def test_a_paste_that_breaks_a_rule_saves_nothing(qtbot, page, ctx):
    go(page, "tthc.fee_records", "2026-10")
    QApplication.clipboard().setText("50\t50\n60\t40")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
    wait_idle(qtbot)
    assert stored(ctx, "2026-10") == {} and stored(ctx, "2026-11") == {}
    assert "nghĩa vụ tài chính" in page.ui.message_label.text()


@pytest.mark.parametrize(
    ("start", "block", "why"),
    [
        (("tthc.received_online", "2026-11"), "1\t2\t3", "tháng cuối"),  # into the total
        (("pop.digital_signatures", "2026-10"), "1\n2\n3", "dòng tiêu đề"),
        (("infra.wifi_points", "2026-10"), "1\n2", "dòng cuối"),
    ],
)
def test_a_paste_that_would_land_outside_the_months_is_refused(qtbot, page, ctx, start, block, why):
    go(page, *start)
    QApplication.clipboard().setText(block)
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
    wait_idle(qtbot)
    assert why in page.ui.message_label.text()
    assert stored(ctx, "2026-10") == {} and stored(ctx, "2026-11") == {}


def test_an_empty_line_may_cover_a_section_header(qtbot, page, ctx):
    go(page, "pop.digital_signatures", "2026-10")
    QApplication.clipboard().setText("7\n\n399")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
    wait_idle(qtbot)
    assert stored(ctx, "2026-10") == {"pop.digital_signatures": 7, "tthc.procedures": 399}


def test_ctrl_z_undoes_a_typed_value_and_a_whole_paste(qtbot, page, ctx):
    ValuesService(ctx).save([ValueChange("tthc.received_direct", "2026-11", 40, "đếm lại")])
    page.refresh()
    wait_idle(qtbot)
    go(page, "tthc.received_online", "2026-10")
    QApplication.clipboard().setText("1\t2\n4\t5")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
    wait_idle(qtbot)
    go(page, "tthc.received_postal", "2026-10")
    type_value(qtbot, page, "9")
    table = page.ui.grid_table
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot)
    assert "tthc.received_postal" not in stored(ctx, "2026-10")
    assert stored(ctx, "2026-10")["tthc.received_online"] == 1
    with qtbot.waitSignal(page.values_changed):
        qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
        wait_idle(qtbot)
    assert stored(ctx, "2026-10") == {}
    cell = ValuesService(ctx).cells([Period.parse("2026-11")])[("tthc.received_direct", "2026-11")]
    assert (cell.value, cell.comment) == (40, "đếm lại")  # the old value and its comment
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot)
    assert "Không còn" in page.ui.message_label.text()


def test_delete_removes_the_value_and_undo_brings_it_back(qtbot, page, ctx):
    ValuesService(ctx).save([ValueChange("infra.bts", "2026-10", 4, "trạm của Viettel")])
    page.refresh()
    wait_idle(qtbot)
    go(page, "infra.bts", "2026-10")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Delete)
    wait_idle(qtbot)
    assert stored(ctx, "2026-10") == {}
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot)
    cell = ValuesService(ctx).cells([Period.parse("2026-10")])[("infra.bts", "2026-10")]
    assert (cell.value, cell.comment) == (4, "trạm của Viettel")
    go(page, "infra.bts", "2026-10")
    type_value(qtbot, page, "")  # an emptied cell removes the value too
    assert stored(ctx, "2026-10") == {}


def test_a_comment_is_saved_marked_and_shown_in_the_tooltip(qtbot, page, ctx, comments):
    go(page, "tthc.received_postal", "2026-10")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot)
    assert comments == [] and "chưa có giá trị" in page.ui.message_label.text()
    type_value(qtbot, page, "12")
    index = go(page, "tthc.received_postal", "2026-10")
    assert index.data(MARK) is None
    with qtbot.waitSignal(page.values_changed):
        qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
        wait_idle(qtbot)
    assert comments == [("Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích — Tháng 10/2026", "")]
    cell = ValuesService(ctx).cells([Period.parse("2026-10")])[("tthc.received_postal", "2026-10")]
    assert cell.comment == "ước tính, chờ số liệu của bưu điện"
    assert index.data(MARK) is not None
    assert "Ghi chú: ước tính" in index.data(TOOLTIP)


def test_a_locked_period_is_read_only_and_says_why(qtbot, make_page, ctx):
    ValuesService(ctx).save([ValueChange("infra.bts", "2026-08", 4)])
    lock_q3(ctx)
    page = make_page()
    assert page.ui.lock_label.isHidden()  # the current quarter is open
    combo = page.ui.period_combo
    combo.setCurrentIndex(combo.findData("2026"))
    wait_idle(qtbot)
    assert "Quý III/2026" in page.ui.lock_label.text() and page.ui.lock_label.isVisibleTo(page)
    locked = go(page, "infra.bts", "2026-08")
    assert not page.model.flags(locked) & Qt.ItemFlag.ItemIsEditable
    assert "đang khóa" in locked.data(TOOLTIP)
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_F2)
    assert page.ui.grid_table.indexWidget(locked) is None  # no editor opens
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Delete)
    wait_idle(qtbot)
    assert stored(ctx, "2026-08") == {"infra.bts": 4}
    assert "đang khóa" in page.ui.message_label.text()
    go(page, "infra.bts", "2026-09")
    QApplication.clipboard().setText("5\t6")
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_V, CTRL)
    wait_idle(qtbot)
    assert "đang khóa" in page.ui.message_label.text()
    assert stored(ctx, "2026-10") == {}
    go(page, "infra.bts", "2026-10")  # the next quarter stays open
    type_value(qtbot, page, "5")
    assert stored(ctx, "2026-10") == {"infra.bts": 5}


def test_deleting_several_values_asks_first(qtbot, page, ctx, dialogs):
    ValuesService(ctx).save(
        [ValueChange("infra.bts", "2026-10", 4), ValueChange("infra.bts", "2026-11", 4)]
    )
    page.refresh()
    wait_idle(qtbot)
    dialogs.confirm_answer = False
    table = page.ui.grid_table
    go(page, "infra.bts", "2026-10")
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot)
    assert dialogs.texts("confirm") == ["Xóa 2 giá trị đã chọn?"]
    assert len(stored(ctx, "2026-11")) == 1
    dialogs.confirm_answer = True
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot)
    assert stored(ctx, "2026-10") == {} and stored(ctx, "2026-11") == {}


def test_the_comment_dialog_edits_the_text_it_is_given(qtbot):
    dialog = CommentDialog("Số trạm BTS trên địa bàn — Tháng 10/2026", "cũ")
    qtbot.addWidget(dialog)
    assert "Số trạm BTS" in dialog.ui.cell_label.text()
    assert dialog.ui.comment_label.buddy() is dialog.ui.comment_edit
    assert dialog.ui.comment_edit.selectedText() == "cũ"  # typing replaces it
    qtbot.keyClicks(dialog.ui.comment_edit, "  Viettel 2026 ")  # QTest types Latin-1 only
    assert dialog.comment == "Viettel 2026"


def test_the_model_passes_the_model_tester(qtmodeltester, page, qtbot):
    qtmodeltester.check(page.model)
    go(page, "infra.bts", "2026-10")
    type_value(qtbot, page, "5")  # reloads with the same layout
    qtmodeltester.check(page.model)


def test_a_fresh_model_passes_the_model_tester_through_a_reset(qtmodeltester, ctx):
    model = MonthlyGridModel()
    qtmodeltester.check(model)
    model.load(GridData(Period.parse("2025"), grid_rows(ctx.catalogue)))
    qtmodeltester.check(model)
    assert model.columnCount() == 14


def test_a_month_entered_by_village_shows_its_sum_and_undo_returns_to_it(qtbot, page, ctx):
    with ctx.sessions.begin() as s:
        s.add_all([Village(commune_id=1, code=c, name=f"Thôn {c}") for c in ("T01", "T02")])
    values = ValuesService(ctx)
    values.save([ValueChange("infra.bts", "2026-10", n, village_id=v) for v, n in ((1, 2), (2, 3))])
    page.refresh()
    wait_idle(qtbot)
    index = go(page, "infra.bts", "2026-10")
    assert index.data() == "5"
    assert "2 thôn" in index.data(TOOLTIP)
    type_value(qtbot, page, "7")  # the commune's own figure replaces the villages' sum
    assert stored(ctx, "2026-10") == {"infra.bts": 7}
    qtbot.keyClick(page.ui.grid_table, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot)
    cell = values.cells([Period.parse("2026-10")])[("infra.bts", "2026-10")]
    assert (cell.value, cell.villages) == (5, 2)
    assert page.model.index_of("infra.bts", "2026-10").data() == "5"
