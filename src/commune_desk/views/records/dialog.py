"""Add or edit one record: a form built from the kind's fields, checked as the user types.

Each field gets an editor suited to its type, a label (its buddy, with a mnemonic) and a small
red message under it; the service's `check` decides what is wrong, and OK stays disabled while
anything is. OK saves through the service; a refusal is shown in the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commune_desk.domain.numbers import format_decimal
from commune_desk.domain.records import KINDS, Field, FieldType
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import DatabaseBusy, ServiceError, StaleSave
from commune_desk.services.permissions import hidden_fields
from commune_desk.services.records import Record, RecordInvalid, RecordService
from commune_desk.views.forms.ui_record_dialog import Ui_RecordDialog
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, WriteOp
from commune_desk.views.records.model import kind_text, name_field, options_of
from commune_desk.views.widgets.i18n import fill

ERROR_STYLE = "color: #b3261e;"  # colour only: the size follows the system font
DATE_FORMAT = "dd/MM/yyyy"


def with_mnemonic(text: str, used: set[str]) -> str:
    """`text` with "&" before its first ASCII letter not yet used as a mnemonic.

    When every letter is taken, the first one is shared: Qt then cycles between the labels.
    """
    letters = [i for i, char in enumerate(text) if char.isascii() and char.isalpha()]
    fresh = [i for i in letters if text[i].lower() not in used]
    if not letters:
        return text
    i = (fresh or letters)[0]
    used.add(text[i].lower())
    return f"{text[:i]}&{text[i:]}"


class RecordDialog(QDialog):
    """Opened with `open()` (not `exec()`), so tests and the page go on while it shows."""

    record_saved = Signal(object)  # the saved Record
    record_reread = Signal(object)  # the Record as someone else saved it meanwhile

    def __init__(
        self,
        ctx: ServiceContext,
        kind: str,
        record: Record | None = None,
        parent: QWidget | None = None,
        references: Mapping[str, Sequence[Record]] | None = None,
    ) -> None:
        """`references`: the records each reference field offers, by kind, as read by the page
        off the UI thread (`reference_choices`); when not given, the dialog reads them itself
        through a query operation and fills its lists when they arrive."""
        super().__init__(parent)
        self.ui = Ui_RecordDialog()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._service = RecordService(ctx)
        self._kind = KINDS[kind]
        self._record = record
        self._references = dict(references) if references is not None else {}
        self._editors: dict[str, QWidget] = {}
        self._team_villages: dict[str, str | None] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._errors: dict[str, str] = {}
        # A new record shows a field's message once the user has been there; an edit at once.
        self._touched: set[str] = set(self._kind.columns) if record is not None else set()
        self.saved: Record | None = None
        label = kind_text(self._kind.label)
        title = self.tr("Sửa — %1") if record is not None else self.tr("Thêm — %1")
        self.setWindowTitle(fill(title, label))
        ok = self.ok_button
        ok.setText(self.tr("&Lưu"))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        used = {"l"}
        for spec in self._kind.fields:
            self._add_row(spec, used)
        self._fill(record.values if record is not None else None)
        for spec in self._kind.fields:
            self._connect(spec.name)
        self.ui.message_label.setStyleSheet(ERROR_STYLE)
        self.ui.message_label.hide()
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._prefill_village_from_team()
        self._order_tabs()
        self.ok_button.setEnabled(False)  # until the service has checked what is there
        if references is None and any(spec.type is FieldType.REF for spec in self._kind.fields):
            self._read_references()
        self._check()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.adjustSize()

    def showEvent(self, event: QShowEvent) -> None:
        """What the clerk types goes into the first field, never onto a button."""
        super().showEvent(event)
        first = self._first_editor()
        if first is not None and self.focusWidget() not in self._editors.values():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- public ------------------------------------------------------------------------
    @property
    def ok_button(self) -> QPushButton:
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def editor(self, name: str) -> QWidget:
        return self._editors[name]

    def error_text(self, name: str) -> str:
        """The message shown under the field ("" when none is shown)."""
        label = self._error_labels[name]
        return label.text() if not label.isHidden() else ""

    def values(self) -> dict[str, object]:
        """What the user entered, as raw values the service parses."""
        raw: dict[str, object] = {}
        for spec in self._kind.fields:
            widget = self._editors[spec.name]
            if isinstance(widget, QDateEdit):
                raw[spec.name] = widget.date().toString(DATE_FORMAT)
            elif isinstance(widget, QLineEdit):
                raw[spec.name] = widget.text()
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                raw[spec.name] = "" if data is None else data
            elif isinstance(widget, QCheckBox):
                raw[spec.name] = widget.isChecked()
            elif isinstance(widget, QListWidget):
                raw[spec.name] = ";".join(
                    widget.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(widget.count())
                    if widget.item(i).checkState() == Qt.CheckState.Checked
                )
        return raw

    def accept(self) -> None:
        """Save through the service as a write operation; the dialog closes once it is stored."""
        self._touched = set(self._kind.columns)  # a refusal shows under every field
        service, kind, values = self._service, self._kind.name, self.values()
        record_id = self._record.id if self._record is not None else None
        shown = (self._record.version or None) if self._record is not None else None

        def write(_task: object) -> Outcome[Record]:
            if record_id is None:
                saved = service.create(kind, values)
            else:
                saved = service.update(kind, record_id, values, shown)
            return Outcome(saved, Changes.of(Kind.RECORDS, record_kinds=[kind]))

        WriteOp(parent=self, op=write, success=self._on_saved).failure(self._on_refused).with_busy(
            self.ok_button
        ).run_in_background()

    def _on_saved(self, saved: Record) -> None:
        self.saved = saved
        self.record_saved.emit(saved)
        super().accept()

    def _on_refused(self, exc: Exception) -> None:
        if isinstance(exc, StaleSave):  # changed by someone else: show it as it is now
            self._show_message(str(exc))
            self._reread()
        elif isinstance(exc, RecordInvalid):
            self._show_errors(exc.errors)
            self._show_message(str(exc))
        elif isinstance(exc, ServiceError | DatabaseBusy):  # busy: the dialog stays open
            self._show_message(str(exc))
        else:
            raise exc

    def _reread(self) -> None:
        """Fill the fields with the record as it is stored now (the page reloads too)."""
        if self._record is None:
            return
        service, kind, record_id = self._service, self._kind.name, self._record.id

        def arrived(current: Record) -> None:
            self._record = current
            self._fill(current.values)
            self.record_reread.emit(current)

        QueryOp(
            parent=self, op=lambda _task: service.get(kind, record_id), success=arrived
        ).failure(lambda exc: self._show_message(str(exc))).run_in_background()

    # -- building ----------------------------------------------------------------------
    def _first_editor(self) -> QWidget | None:
        hidden = hidden_fields(self._ctx, self._kind)
        return next(
            (w for name, w in self._editors.items() if name not in hidden and w.isEnabled()),
            None,
        )

    def _order_tabs(self) -> None:
        """Tab goes through the fields from the top, then to the buttons."""
        chain = [*self._editors.values(), self.ui.button_box]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        first = self._first_editor()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _prefill_village_from_team(self) -> None:
        """A new activity of a village team is in that team's village until the clerk
        chooses another."""
        team = self._editors.get("team_code")
        village = self._editors.get("village_code")
        if self._record is not None or not isinstance(team, QComboBox):
            return
        if not isinstance(village, QComboBox):
            return

        def follow(*_: object) -> None:
            if self._village_chosen:
                return
            code = self._team_villages.get(team.currentData())
            index = village.findData(code) if code else 0
            self._following = True
            village.setCurrentIndex(max(index, 0))
            self._following = False

        def chosen(*_: object) -> None:
            if not self._following:
                self._village_chosen = True

        self._village_chosen = False
        self._following = False
        team.currentIndexChanged.connect(follow)
        village.currentIndexChanged.connect(chosen)
        follow()

    def _add_row(self, spec: Field, used: set[str]) -> None:
        text = kind_text(spec.label)
        editor = self._make_editor(spec)
        editor.setAccessibleName(text)
        if spec.required:
            editor.setToolTip(self.tr("Bắt buộc"))
        error = QLabel(self)
        error.setObjectName(f"{spec.name}_error_label")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setAccessibleName(fill(self.tr("Lỗi: %1"), text))
        error.hide()
        cell = QWidget(self)
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(error)
        label = QLabel(with_mnemonic(text + (" *" if spec.required else "") + ":", used), self)
        label.setObjectName(f"{spec.name}_label")
        label.setBuddy(editor)
        self.ui.fields_layout.addRow(label, cell)
        if spec.name in hidden_fields(self._ctx, self._kind):
            self.ui.fields_layout.setRowVisible(label, False)  # the service keeps the value
        self._editors[spec.name] = editor
        self._error_labels[spec.name] = error

    def _make_editor(self, spec: Field) -> QWidget:
        kind = spec.type
        if kind is FieldType.DATE and spec.required:
            date_edit = QDateEdit(self)
            date_edit.setObjectName(f"{spec.name}_edit")
            date_edit.setDisplayFormat(DATE_FORMAT)
            date_edit.setCalendarPopup(True)
            date_edit.setMinimumDate(QDate(1900, 1, 1))
            return date_edit
        if kind is FieldType.BOOL:
            check = QCheckBox(self)
            check.setObjectName(f"{spec.name}_check")
            return check
        if kind is FieldType.CHOICES:
            return self._choices_list(spec)
        if kind in (FieldType.CHOICE, FieldType.REF):
            return self._combo(spec)
        edit = QLineEdit(self)
        edit.setObjectName(f"{spec.name}_edit")
        if kind is FieldType.DATE:
            edit.setPlaceholderText(
                self.tr("ngày/tháng/năm, ví dụ 21/11/2026; để trống nếu chưa có")
            )
        elif kind is FieldType.TEXT:
            edit.setMaxLength(spec.max_length)
        return edit

    def _combo(self, spec: Field) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"{spec.name}_combo")
        if spec.required and spec.default is None:
            combo.addItem(self.tr("— chọn —"), None)
        elif not spec.required:
            combo.addItem("", None)
        if spec.type is FieldType.CHOICE:
            for code, label in options_of(spec, self._ctx.catalogue.vocab).items():
                combo.addItem(kind_text(label), code)
        else:
            self._add_references(combo, spec)
        combo.setMaxVisibleItems(15)
        return combo

    def _add_references(self, combo: QComboBox, spec: Field) -> None:
        name = name_field(KINDS[spec.ref])
        records = self._references.get(spec.ref, ())
        if spec.ref == "teams":  # a new activity takes its team's village
            self._team_villages = {r.values["code"]: r.values.get("village_code") for r in records}
        for record in records:
            code = record.values["code"]
            title = record.values.get(name) if name else ""
            combo.addItem(f"{code} — {title}" if title else code, code)

    def _read_references(self) -> None:
        """The records the reference lists offer, read off the UI thread."""
        service, kind = self._service, self._kind.name
        QueryOp(
            parent=self,
            op=lambda _task: reference_choices(service, kind),
            success=self._on_references,
        ).failure(self._on_references_failed).key("references").run_in_background()

    def _on_references_failed(self, exc: Exception) -> None:
        if not isinstance(exc, ServiceError | DatabaseBusy):
            raise exc
        self._show_message(str(exc))  # the lists stay empty; the dialog can be opened again

    def _on_references(self, choices: Mapping[str, Sequence[Record]]) -> None:
        """Fill the reference lists, keeping what is chosen (or the record's own code)."""
        self._references = dict(choices)
        for spec in self._kind.fields:
            combo = self._editors[spec.name]
            if spec.type is not FieldType.REF or not isinstance(combo, QComboBox):
                continue
            chosen = combo.currentData()
            combo.blockSignals(True)
            first = 1 if combo.count() and combo.itemData(0) is None else 0
            while combo.count() > first:
                combo.removeItem(first)
            self._add_references(combo, spec)
            index = combo.findData(chosen) if chosen not in (None, "") else 0
            if index < 0:  # a code no longer offered: keep it rather than lose it
                combo.addItem(str(chosen), chosen)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        self._check()

    def _choices_list(self, spec: Field) -> QListWidget:
        box = QListWidget(self)
        box.setObjectName(f"{spec.name}_list")
        for code, label in options_of(spec, self._ctx.catalogue.vocab).items():
            item = QListWidgetItem(kind_text(label), box)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = min(box.count(), 8)
        box.setFixedHeight(box.sizeHintForRow(0) * rows + 2 * box.frameWidth() + 4)
        return box

    def _fill(self, values: Mapping[str, Any] | None) -> None:
        for spec in self._kind.fields:
            value = values.get(spec.name) if values is not None else spec.default
            widget = self._editors[spec.name]
            if isinstance(widget, QDateEdit):
                day = value if isinstance(value, dt.date) else self._ctx.today()
                widget.setDate(QDate(day.year, day.month, day.day))
            elif isinstance(widget, QLineEdit):
                widget.setText(_edit_text(spec, value, values is None))
            elif isinstance(widget, QComboBox):
                index = widget.findData(value) if value not in (None, "") else 0
                if index < 0:  # a code no longer offered: keep it rather than lose it
                    widget.addItem(str(value), value)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QListWidget):
                chosen = set(value or ())
                for i in range(widget.count()):
                    item = widget.item(i)
                    checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )

    def _connect(self, name: str) -> None:
        widget = self._editors[name]
        changed = {
            QDateEdit: "dateChanged",
            QLineEdit: "textChanged",
            QComboBox: "currentIndexChanged",
            QCheckBox: "toggled",
            QListWidget: "itemChanged",
        }
        signal = next(s for cls, s in changed.items() if isinstance(widget, cls))
        getattr(widget, signal).connect(lambda *_: self._on_editor_changed(name))

    # -- checking ----------------------------------------------------------------------
    def _on_editor_changed(self, name: str) -> None:
        self._touched.add(name)
        self.ui.message_label.hide()
        self._check()

    def _check(self) -> None:
        """Ask the service what is wrong (off the UI thread: it reads the lists); the newest
        answer shows under the touched fields and decides whether OK may be pressed."""
        service, kind, values = self._service, self._kind.name, self.values()
        QueryOp(
            parent=self, op=lambda _task: service.check(kind, values), success=self._on_checked
        ).failure(self._on_check_failed).key("check").run_in_background()

    def _on_checked(self, errors: Mapping[str, str]) -> None:
        self._show_errors(errors)
        self.ok_button.setEnabled(not errors)

    def _on_check_failed(self, exc: Exception) -> None:
        if not isinstance(exc, ServiceError):
            raise exc
        self._show_message(str(exc))
        self.ok_button.setEnabled(False)

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        self._errors = dict(errors)
        for name, label in self._error_labels.items():
            text = self._errors.get(name, "") if name in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
            self._editors[name].setAccessibleDescription(text)

    def _show_message(self, text: str) -> None:
        self.ui.message_label.setText(text)
        self.ui.message_label.show()


def reference_choices(service: RecordService, kind: str) -> dict[str, list[Record]]:
    """The records each reference field of `kind` offers, by referred kind (for the dialog)."""
    chosen: dict[str, list[Record]] = {}
    for spec in KINDS[kind].fields:
        if spec.type is FieldType.REF and spec.ref not in chosen:
            try:
                chosen[spec.ref] = list(service.list(spec.ref))
            except ServiceError:
                chosen[spec.ref] = []
    return chosen


def _edit_text(spec: Field, value: Any, new: bool) -> str:
    """A stored value as editable text (a new record's numbers start empty)."""
    if value is None or (new and spec.type in (FieldType.INT, FieldType.FLOAT)):
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float):
        return format_decimal(value)  # as typed, the Vietnamese way: 1.234,5
    return str(value)
