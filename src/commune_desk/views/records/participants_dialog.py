"""Add several participants to a course at once: the course chosen once, the staff ticked.

The staff list is searched as the clerk types, without caring for case or diacritics
("khanh" finds "Khánh", "d" finds "Đ"); Enter in the search box ticks the first person shown
and selects the text for the next name; Space ticks or unticks every selected row. People
already in the chosen course are shown, greyed, and cannot be ticked again. Saving is one
write operation: every participant or none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from commune_desk.domain.text import fold
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import DatabaseBusy, ServiceError
from commune_desk.services.record_batch import create_records
from commune_desk.services.records import Record, RecordService
from commune_desk.views.forms.ui_participants_dialog import Ui_ParticipantsDialog
from commune_desk.views.kernel import Changes, Kind, Outcome, WriteOp
from commune_desk.views.widgets.i18n import fill

ERROR_STYLE = "color: #b3261e;"
CODE = Qt.ItemDataRole.UserRole
_CHECKABLE = Qt.ItemFlag.ItemIsUserCheckable


@dataclass(frozen=True)
class ParticipantChoices:
    courses: list[Record]
    staff: list[Record]
    enrolled: dict[str, set[str]]  # course code -> staff codes already in it


def participant_choices(service: RecordService) -> ParticipantChoices:
    """What the dialog offers, read off the UI thread."""
    enrolled: dict[str, set[str]] = {}
    for record in service.list("participants"):
        enrolled.setdefault(record["training_code"], set()).add(record["staff_code"])
    return ParticipantChoices(service.list("trainings"), service.list("staff"), enrolled)


class ParticipantsDialog(QDialog):
    """Opened with `open()`; `participants_saved` carries the records created."""

    participants_saved = Signal(list)

    def __init__(
        self,
        ctx: ServiceContext,
        courses: Sequence[Record],
        staff: Sequence[Record],
        enrolled: Mapping[str, set[str]],
        course: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`enrolled`: course code -> the staff codes already in it; `course`: chosen first."""
        super().__init__(parent)
        self.ui = Ui_ParticipantsDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._enrolled = {code: set(people) for code, people in enrolled.items()}
        ui = self.ui
        self.ok_button.setText(self.tr("&Lưu"))
        cancel = ui.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Hủy"))
        for record in sorted(courses, key=lambda r: str(r["code"])):
            ui.course_combo.addItem(f"{record['code']} — {record.values.get('title') or ''}",
                                    record["code"])  # fmt: skip
        if course is not None and ui.course_combo.findData(course) >= 0:
            ui.course_combo.setCurrentIndex(ui.course_combo.findData(course))
        self._keys: dict[int, str] = {}  # row -> what a search compares
        for record in staff:
            name = str(record.values.get("full_name") or "")
            item = QListWidgetItem(f"{record['code']} — {name}")
            item.setData(CODE, record["code"])
            item.setFlags(item.flags() | _CHECKABLE)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.staff_list.addItem(item)
            self._keys[ui.staff_list.row(item)] = fold(f"{record['code']} {name}")
        # A long course title must not squeeze the labels: the list shows it whole.
        ui.course_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        ui.course_combo.setMinimumContentsLength(40)
        ui.message_label.setStyleSheet(ERROR_STYLE)
        ui.message_label.hide()
        ui.course_combo.currentIndexChanged.connect(self._on_course_combo_current_index_changed)
        ui.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        ui.staff_list.itemChanged.connect(self._on_staff_list_item_changed)
        ui.tick_shown_button.clicked.connect(self._on_tick_shown_button_clicked)
        ui.untick_button.clicked.connect(self._on_untick_button_clicked)
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        for button in (ui.tick_shown_button, ui.untick_button, self.ok_button, cancel):
            button.setAutoDefault(False)  # Enter in the search box ticks, never saves
        ui.search_edit.installEventFilter(self)
        ui.staff_list.installEventFilter(self)
        self._mark_enrolled()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        target = self.ui.search_edit if self.ui.course_combo.currentIndex() >= 0 else None
        (target or self.ui.course_combo).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- public ------------------------------------------------------------------------
    @property
    def ok_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def course(self) -> str | None:
        return self.ui.course_combo.currentData()

    def ticked(self) -> list[str]:
        """The staff codes ticked, in the list's order."""
        items = (self.ui.staff_list.item(i) for i in range(self.ui.staff_list.count()))
        return [i.data(CODE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def shown(self) -> list[str]:
        """The staff codes the search leaves in view."""
        items = (self.ui.staff_list.item(i) for i in range(self.ui.staff_list.count()))
        return [i.data(CODE) for i in items if not i.isHidden()]

    def accept(self) -> None:
        """Save every ticked person as a participant, as one write; stays open if refused."""
        course, staff = self.course, self.ticked()
        if course is None or not staff:
            return
        ctx = self._ctx
        done = self.ui.completed_check.isChecked()
        rows = [{"training_code": course, "staff_code": s, "completed": done} for s in staff]

        def write(_task: object) -> Outcome[list[Record]]:
            saved = create_records(ctx, "participants", rows)
            return Outcome(saved, Changes.of(Kind.RECORDS, record_kinds=["participants"]))

        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_refused).with_busy(
            self.ok_button
        ).run_in_background()

    # -- events --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.ui.search_edit and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._tick_first_shown()
                return True
            if watched is self.ui.staff_list and key == Qt.Key.Key_Space:
                self._toggle_selected()
                return True
        return super().eventFilter(watched, event)

    # -- slots ---------------------------------------------------------------------------
    def _on_saved(self, saved: list[Record]) -> None:
        self.participants_saved.emit(saved)
        super().accept()

    def _on_refused(self, exc: Exception) -> None:
        if not isinstance(exc, ServiceError | DatabaseBusy):
            raise exc
        self.ui.message_label.setText(str(exc))
        self.ui.message_label.show()

    def _on_course_combo_current_index_changed(self, _index: int) -> None:
        self._mark_enrolled()

    def _on_search_edit_text_changed(self, text: str) -> None:
        needle = fold(text)
        for row, key in self._keys.items():
            self.ui.staff_list.item(row).setHidden(bool(needle) and needle not in key)
        self._count()

    def _on_staff_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._count()

    def _on_tick_shown_button_clicked(self) -> None:
        self._set_checked(self._items(shown_only=True), Qt.CheckState.Checked)

    def _on_untick_button_clicked(self) -> None:
        self._set_checked(self._items(shown_only=False), Qt.CheckState.Unchecked)

    # -- helpers -------------------------------------------------------------------------
    def _items(self, shown_only: bool) -> list[QListWidgetItem]:
        """The rows that can be ticked (people not yet in the course)."""
        items = (self.ui.staff_list.item(i) for i in range(self.ui.staff_list.count()))
        return [i for i in items if i.flags() & _CHECKABLE and not (shown_only and i.isHidden())]

    def _set_checked(self, items: Sequence[QListWidgetItem], state: Qt.CheckState) -> None:
        blocker = self.ui.staff_list.blockSignals(True)
        for item in items:
            item.setCheckState(state)
        self.ui.staff_list.blockSignals(blocker)
        self._count()

    def _tick_first_shown(self) -> None:
        first = next(
            (i for i in self._items(shown_only=True) if i.checkState() != Qt.CheckState.Checked),
            None,
        )
        if first is not None:
            self._set_checked([first], Qt.CheckState.Checked)
            self.ui.staff_list.scrollToItem(first)
        self.ui.search_edit.selectAll()  # the next name replaces this one

    def _toggle_selected(self) -> None:
        chosen = [i for i in self.ui.staff_list.selectedItems() if i.flags() & _CHECKABLE]
        if not chosen:
            return
        ticked = all(i.checkState() == Qt.CheckState.Checked for i in chosen)
        self._set_checked(chosen, Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def _mark_enrolled(self) -> None:
        """People already in the chosen course: greyed, not tickable, said so."""
        enrolled = self._enrolled.get(self.course or "", set())
        blocker = self.ui.staff_list.blockSignals(True)
        for row in range(self.ui.staff_list.count()):
            item = self.ui.staff_list.item(row)
            base = item.text().split("  (", 1)[0]
            if item.data(CODE) in enrolled:
                item.setFlags(item.flags() & ~_CHECKABLE & ~Qt.ItemFlag.ItemIsEnabled)
                item.setData(Qt.ItemDataRole.CheckStateRole, None)
                item.setText(fill(self.tr("%1  (đã có trong khóa)"), base))
            else:
                item.setFlags(item.flags() | _CHECKABLE | Qt.ItemFlag.ItemIsEnabled)
                if item.data(Qt.ItemDataRole.CheckStateRole) is None:
                    item.setCheckState(Qt.CheckState.Unchecked)
                item.setText(base)
        self.ui.staff_list.blockSignals(blocker)
        self._count()

    def _count(self) -> None:
        count = len(self.ticked())
        shown = len(self.shown())
        text = self.tr("Đã chọn %n người", "", count)
        if shown < self.ui.staff_list.count():
            text = fill(self.tr("%1 (đang hiện %2 người khớp với ô tìm)"), text, str(shown))
        self.ui.chosen_label.setText(text)
        self.ok_button.setEnabled(count > 0 and self.course is not None)
