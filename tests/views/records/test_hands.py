"""The clerk's hands on the record lists: many participants at once, a new record in view."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, Qt

from commune_desk.data.repositories import records as repo
from commune_desk.services.records import RecordService
from commune_desk.views.records.participants_dialog import ParticipantsDialog
from commune_desk.views.records.sections import SECTION_KINDS, build_record_section
from tests.support.accounts import trail
from tests.support.kernel import settle, wait_idle
from tests.support.keyboard import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
PEOPLE = (
    ("CB01", "Lê Thị Hoa"),
    ("CB02", "Nguyễn Thị Khánh"),
    ("CB03", "Trần Khánh Linh"),
    ("CB04", "Đặng Văn Đức"),
    ("CB05", "Bùi Quang Huy"),
    ("CB06", "Phạm Minh Khang"),
)


@pytest.fixture
def records(ctx) -> RecordService:
    service = RecordService(ctx)
    for code, name in PEOPLE:
        service.create(
            "staff",
            {"code": code, "full_name": name, "group": "cong_chuc", "start_date": "01/03/2018"},
        )
    for code, title in (("K01", "Kỹ năng số cơ bản"), ("K02", "An toàn thông tin")):
        service.create(
            "trainings",
            {"code": code, "title": title, "topics": "digital_skills",
             "start_date": "10/03/2025", "end_date": "12/03/2025"},
        )  # fmt: skip
    service.create("participants", {"training_code": "K01", "staff_code": "CB01"})
    return service


SECTIONS: list = []  # the sections shown by the test running (the pages live in them)


@pytest.fixture(autouse=True)
def _forget_sections():
    yield
    SECTIONS.clear()


def show_kind(qtbot, ctx, dialogs, kind: str):
    """The training section as the window shows it, on the tab of `kind`."""
    section = build_record_section(ctx, dialogs, SECTION_KINDS["training"])
    SECTIONS.append(section)
    qtbot.addWidget(section)
    section.resize(1000, 600)
    section.show()
    with qtbot.waitActive(section):  # window shortcuts need an active window
        section.activateWindow()
    page = section.show_kind(kind)
    wait_idle(qtbot)
    return page


def participants_page(qtbot, ctx, dialogs):
    return show_kind(qtbot, ctx, dialogs, "participants")


def open_dialog(qtbot, page) -> ParticipantsDialog:
    qtbot.keyClick(page.ui.records_table, Qt.Key.Key_N, CTRL)
    wait_idle(qtbot)
    dialog = page.current_dialog
    assert isinstance(dialog, ParticipantsDialog)
    return dialog


def item_of(dialog: ParticipantsDialog, code: str):
    staff = dialog.ui.staff_list
    return next(staff.item(i) for i in range(staff.count()) if staff.item(i).data(256) == code)


def test_several_participants_added_at_once_with_the_course_chosen_once(
    qtbot, ctx, dialogs, records
):
    page = participants_page(qtbot, ctx, dialogs)
    page.ui.records_table.setCurrentIndex(page.model.index(0, 0))  # a K01 participant
    dialog = open_dialog(qtbot, page)
    assert dialog.course == "K01"  # the course of the row the clerk was on
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ui.search_edit)
    assert "đã có trong khóa" in item_of(dialog, "CB01").text()
    assert not item_of(dialog, "CB01").flags() & Qt.ItemFlag.ItemIsEnabled
    assert not dialog.ok_button.isEnabled()
    # Typed without accents: "khanh" finds both Khánh; Enter ticks the first shown.
    type_text(qtbot, dialog.ui.search_edit, "khanh")
    assert dialog.shown() == ["CB02", "CB03"]
    qtbot.keyClick(dialog.ui.search_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter ticks; it never saves
    assert dialog.ticked() == ["CB02"]
    # "duc" finds "Đặng Văn Đức" (đ as d); the text typed before is replaced.
    type_text(qtbot, dialog.ui.search_edit, "duc")
    assert dialog.shown() == ["CB04"]
    qtbot.keyClick(dialog.ui.search_edit, Qt.Key.Key_Enter)
    # Two more chosen with the mouse and ticked together with Space.
    dialog.ui.search_edit.clear()
    staff = dialog.ui.staff_list
    for code, modifier in (("CB05", Qt.KeyboardModifier.NoModifier), ("CB06", CTRL)):
        rect = staff.visualItemRect(item_of(dialog, code))
        qtbot.mouseClick(staff.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    qtbot.keyClick(staff, Qt.Key.Key_Space)
    assert dialog.ticked() == ["CB02", "CB04", "CB05", "CB06"]
    assert dialog.ui.chosen_label.text() == "Đã chọn 4 người"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert page.current_dialog is None
    saved = {(r["training_code"], r["staff_code"]) for r in records.list("participants")}
    assert saved == {("K01", c) for c in ("CB01", "CB02", "CB04", "CB05", "CB06")}
    assert page.model.total == 5
    assert page.current_record()["staff_code"] == "CB02"  # the first added is shown
    created = [e for e in trail(ctx) if e.entity == "participants" and e.action == "create"]
    assert len(created) == 1 + 4


def test_another_course_and_nothing_saved_when_one_is_refused(qtbot, ctx, dialogs, records):
    page = participants_page(qtbot, ctx, dialogs)
    dialog = open_dialog(qtbot, page)
    combo = dialog.ui.course_combo
    combo.setCurrentIndex(combo.findData("K02"))
    assert item_of(dialog, "CB01").flags() & Qt.ItemFlag.ItemIsEnabled  # not in K02 yet
    qtbot.mouseClick(dialog.ui.tick_shown_button, Qt.MouseButton.LeftButton)
    assert len(dialog.ticked()) == len(PEOPLE)
    # Meanwhile someone else puts CB03 in K02: the whole batch is refused, nothing half-saved.
    records.create("participants", {"training_code": "K02", "staff_code": "CB03"})
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert page.current_dialog is dialog and dialog.isVisible()
    assert "Đã có" in dialog.ui.message_label.text()
    assert [r["staff_code"] for r in records.list("participants")
            if r["training_code"] == "K02"] == ["CB03"]  # fmt: skip
    dialog.reject()


# -- a record just added, in a long list ------------------------------------------------------
@pytest.fixture
def long_list(ctx, records) -> RecordService:
    with ctx.sessions.begin() as session:
        rows = [
            {"code": f"X{i:05d}", "full_name": f"Người thứ {i:05d}", "staff_group": "vien_chuc",
             "start_date": dt.date(2020, 1, 1)}
            for i in range(3000)
        ]  # fmt: skip
        repo.insert_rows(session, "staff", 1, rows)
    return records


def staff_page(qtbot, ctx, dialogs):
    return show_kind(qtbot, ctx, dialogs, "staff")


def add_staff(qtbot, page, code: str, name: str) -> None:
    qtbot.keyClick(page.ui.records_table, Qt.Key.Key_N, CTRL)
    wait_idle(qtbot)
    dialog = page.current_dialog
    type_text(qtbot, dialog.editor("code"), code)
    type_text(qtbot, dialog.editor("full_name"), name)
    group = dialog.editor("group")
    group.setCurrentIndex(group.findData("can_bo"))
    settle()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def in_view(page) -> bool:
    table = page.ui.records_table
    rect = table.visualRect(table.currentIndex())
    return table.viewport().rect().contains(rect.center())


def test_a_record_added_to_a_long_sorted_list_is_shown_selected(qtbot, ctx, dialogs, long_list):
    page = staff_page(qtbot, ctx, dialogs)
    table = page.ui.records_table
    name = page.model.column_of("full_name")
    table.sortByColumn(name, Qt.SortOrder.DescendingOrder)  # Z to A: "Người…" first
    wait_idle(qtbot)
    assert page.model.rowCount() < 3006
    add_staff(qtbot, page, "M01", "Lương Văn Mới")  # sorts after 3000 "Người thứ …"
    qtbot.waitUntil(lambda: (page.current_record() or {"code": ""})["code"] == "M01")
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    qtbot.waitUntil(lambda: in_view(page))
    assert page.ui.work_label.text() == ""


def test_a_record_the_filter_would_hide_clears_the_filter_and_says_so(
    qtbot, ctx, dialogs, long_list
):
    page = staff_page(qtbot, ctx, dialogs)
    page.ui.search_edit.setText("khanh")
    qtbot.waitUntil(lambda: page.model.total == 2)
    page.ui.records_table.verticalScrollBar().setValue(0)
    add_staff(qtbot, page, "M02", "Hoàng Thị Mai")
    qtbot.waitUntil(lambda: (page.current_record() or {"code": ""})["code"] == "M02")
    assert page.ui.search_edit.text() == ""
    assert page.model.total == 3000 + len(PEOPLE) + 1
    assert "bỏ lọc" in page.ui.work_label.text()
    qtbot.waitUntil(lambda: in_view(page))
    page.ui.search_edit.setText("mai")  # the clerk filters again: the note goes
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.ui.work_label.text() == ""


def test_an_edit_that_moves_a_record_keeps_it_in_view(qtbot, ctx, dialogs, long_list):
    page = staff_page(qtbot, ctx, dialogs)
    table = page.ui.records_table
    table.sortByColumn(page.model.column_of("full_name"), Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot)
    row = next(r for r in range(page.model.rowCount()) if page.model.record_at(r)["code"] == "CB05")
    table.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    wait_idle(qtbot)
    dialog = page.current_dialog
    edit = dialog.editor("full_name")
    edit.selectAll()
    type_text(qtbot, edit, "Vương Quang Huy")  # from "B" to "V": past 3000 "Người…"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: (page.current_record() or {"code": ""})["code"] == "CB05")
    qtbot.waitUntil(lambda: in_view(page))
    assert QPoint(0, 0) != table.visualRect(table.currentIndex()).topLeft()


def test_a_long_course_title_is_not_cut_beside_empty_space(qtbot, ctx, dialogs, records):
    long_title = "Bồi dưỡng kiến thức chuyển đổi số cho Ban Chỉ đạo và cán bộ chủ chốt của xã"
    records.update("trainings", records.list("trainings")[0].id, {"title": long_title})
    page = participants_page(qtbot, ctx, dialogs)
    page.window().resize(1366 - 280, 700)  # what the window gives a section at 1366×768
    table = page.ui.records_table
    column = page.model.column_of("training_code")
    wanted = table.sizeHintForColumn(column)
    assert wanted > table.fontMetrics().averageCharWidth() * 40  # longer than a column's cap
    qtbot.waitUntil(lambda: table.horizontalHeader().sectionSize(column) >= wanted)
    used = sum(table.columnWidth(c) for c in range(page.model.columnCount()))
    assert used <= table.viewport().width()  # and no scrolling sideways for it


# -- the messages a clerk meets on the record pages name fields, never codes ---------------
def internal_words(ctx, text: str) -> list[str]:
    """Field names ("birth_year"), kind names ("participants"), vocabulary codes
    ("cong_chuc") and catalogue codes found in `text`."""
    from commune_desk.domain.records import KINDS, VOCABS

    words = set(re.findall(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)+", text))
    internal = {f.name for k in KINDS.values() for f in k.fields} | set(KINDS)
    internal |= {
        code for vocab in (*VOCABS.values(), *ctx.catalogue.vocab.values()) for code in vocab
    }
    return sorted(w for w in words if w in internal or "." in w or "_" in w)


def test_record_messages_name_fields_not_codes(qtbot, ctx, dialogs, records):
    page = staff_page(qtbot, ctx, dialogs)
    said: list[str] = []
    qtbot.keyClick(page.ui.records_table, Qt.Key.Key_N, CTRL)
    wait_idle(qtbot)
    dialog = page.current_dialog
    type_text(qtbot, dialog.editor("code"), "CB01")  # already there
    type_text(qtbot, dialog.editor("full_name"), "Người Mới")
    type_text(qtbot, dialog.editor("birth_year"), "19x0")
    said += [dialog.error_text(f.name) for f in page.model.kind.fields]
    dialog.editor("birth_year").clear()
    group = dialog.editor("group")
    group.setCurrentIndex(group.findData("can_bo"))
    settle()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    said.append(dialog.ui.message_label.text())
    dialog.reject()
    wait_idle(qtbot)
    row = next(r for r in range(page.model.rowCount()) if page.model.record_at(r)["code"] == "CB01")
    page.ui.records_table.setCurrentIndex(page.model.index(row, 0))
    qtbot.mouseClick(page.ui.delete_button, Qt.MouseButton.LeftButton)  # CB01 is in a course
    wait_idle(qtbot)
    said += [text for _kind, _title, text in dialogs.asked]
    said = [s for s in said if s]
    assert any("Đã có" in s for s in said) and any("còn" in s for s in said), said
    assert internal_words(ctx, "\n".join(said)) == [], said
