"""Kế hoạch, chỉ tiêu: the year's targets of every catalogue code; the commune may set its own."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemDelegate, QHeaderView, QWidget

from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.permissions import Action
from commune_desk.views.forms.ui_targets_page import Ui_TargetsPage
from commune_desk.views.kernel import Changes, Kind, QueryOp, WriteOp, kernel
from commune_desk.views.targets.model import Column, TargetsModel, TargetViewRow, format_target
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill
from commune_desk.views.widgets.roles import add_permission_line, why_not

FIRST_YEAR, LAST_YEAR = 2025, 2035  # the movement's plan years
_ERROR_STYLE = "color: #b3261e;"  # a colour only: the font follows the system

# "1.234,5" (Vietnamese), "1234,5", "80"; a dot with other than three digits after it ("80.5")
# can only be a decimal point.
_VIETNAMESE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_DOT_DECIMAL = re.compile(r"\d+\.\d+")


class TargetTextError(ValueError):
    """Typed text that is not a target; the message is for the user (translated)."""


def parse_target(text: str) -> float | None:
    """A target typed in a cell: None for an empty cell, else a number >= 0.

    Accepts "80", "85,5", "1.234,5", "80.5" and a trailing "%"; refuses negatives and text.
    """
    cleaned = re.sub(r"\s", "", text).removesuffix("%")
    if not cleaned:
        return None
    body = cleaned.removeprefix("-").removeprefix("−")
    if _VIETNAMESE.fullmatch(body):
        number = float(body.replace(".", "").replace(",", "."))
    elif _DOT_DECIMAL.fullmatch(body):
        number = float(body)
    else:
        raise TargetTextError(
            fill(
                QCoreApplication.translate(
                    "TargetsPage",
                    "«%1» không phải là số. Gõ số như 85 hoặc 1.234,5; để trống để dùng mức mặc "
                    "định.",
                ),
                text.strip()[:40],
            )
        )
    if body != cleaned and number != 0:
        raise TargetTextError(
            fill(
                QCoreApplication.translate(
                    "TargetsPage", "Kế hoạch không được là số âm («%1»); hãy gõ số từ 0 trở lên."
                ),
                text.strip(),
            )
        )
    return number


class TargetsPage(QWidget):
    def __init__(
        self, ctx: ServiceContext, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TargetsPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._dialogs = dialogs
        self._indicators = IndicatorService(ctx)
        self._model = TargetsModel(self)
        self._loading = 0
        cannot = why_not(ctx, Action.EDIT_SETTINGS)
        self._model.editable = not cannot
        self.permission_label = add_permission_line(self, self.ui.main_layout, 1, cannot)
        table = self.ui.targets_table
        table.setModel(self._model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.LABEL, QHeaderView.ResizeMode.Stretch)
        self.ui.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.ui.year_spin.setValue(min(max(ctx.today().year, FIRST_YEAR), LAST_YEAR))
        self.ui.year_spin.valueChanged.connect(self._on_year_spin_value_changed)
        self._model.own_target_edited.connect(self._on_targets_model_own_target_edited)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # not while a cell is being edited
        delete.activated.connect(self._on_delete_shortcut_activated)
        table.itemDelegate().closeEditor.connect(self._on_delegate_close_editor)
        kernel().bus.subscribe(self, (Kind.TARGETS,), lambda _changes: self.refresh())
        self.refresh()

    @property
    def model(self) -> TargetsModel:
        return self._model

    @property
    def year(self) -> int:
        return self.ui.year_spin.value()

    @property
    def busy(self) -> bool:
        return self._loading > 0

    def refresh(self) -> None:
        """Read the year's targets again (off the UI thread), keeping the cell the user was on."""
        indicators, year = self._indicators, self.year
        self._loading += 1
        QueryOp(
            parent=self, op=lambda _task: indicators.target_rows(year), success=self._show_rows
        ).failure(self._on_failed).key("load").run_in_background()

    def _on_failed(self, exc: Exception) -> None:
        self._loading = 0
        if not isinstance(exc, ServiceError):
            raise exc
        self._show(str(exc))

    def _show_rows(self, targets: list) -> None:
        self._loading = 0
        catalogue = self._ctx.catalogue
        rows = []
        for target in targets:
            item = catalogue.get(target.code)
            rows.append(
                TargetViewRow(target.code, item.label, item.unit, target.default, target.own)
            )
        table = self.ui.targets_table
        current = table.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, Column.OWN)
        self._model.set_rows(rows)
        if rows:
            table.setCurrentIndex(self._model.index(min(row, len(rows) - 1), column))

    # -- slots ---------------------------------------------------------------------------
    def _on_year_spin_value_changed(self, _year: int) -> None:
        self._show("")
        self.refresh()

    def _on_targets_model_own_target_edited(self, code: str, text: str) -> None:
        try:
            value = parse_target(text)
        except TargetTextError as exc:
            label = self._ctx.catalogue.get(code).label
            self._show(fill(self.tr("Không lưu «%1»: %2"), label, exc))
            return
        self._save(code, value)

    def _on_delegate_close_editor(
        self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint
    ) -> None:
        """Enter saves and goes to the next row, kept in sight: the next number typed lands on
        the row the cursor shows (as in the monthly grid)."""
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            return
        table = self.ui.targets_table
        current = table.currentIndex()
        if not current.isValid():
            return
        below = self._model.index(
            min(current.row() + 1, self._model.rowCount() - 1), current.column()
        )
        table.setCurrentIndex(below)
        table.scrollTo(below)

    def _on_delete_shortcut_activated(self) -> None:
        index = self.ui.targets_table.currentIndex()
        if self._model.editable and index.isValid() and index.column() == Column.OWN:
            self._save(self._model.row_at(index.row()).code, None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._model.retranslate()
            self._show("")  # a message of the moment, in the former language
        super().changeEvent(event)

    # -- helpers -----------------------------------------------------------------------
    def _save(self, code: str, value: float | None) -> None:
        row = self._model.row_at(self._model.row_of(code))
        if value == row.own:
            return
        indicators, year_number = self._indicators, self.year

        def write(_task: object) -> Changes:
            indicators.set_target(code, year_number, value)
            return Changes.of(Kind.TARGETS, periods=[str(year_number)])

        WriteOp(
            parent=self, op=write, success=lambda _c: self._saved(row, value, year_number)
        ).failure(self._on_failed).run_in_background()

    def _saved(self, row: TargetViewRow, value: float | None, year_number: int) -> None:
        self._model.replace_row(replace(row, own=value))
        year = str(year_number)
        if value is not None:
            text = self.tr("Đã lưu kế hoạch năm %1 của «%2»: %3.")
            amount = format_target(value)
        elif row.default is not None:
            text = self.tr("Đã bỏ kế hoạch riêng năm %1 của «%2»; áp dụng mức mặc định %3.")
            amount = format_target(row.default)
        else:
            text = self.tr("Đã bỏ kế hoạch riêng năm %1 của «%2»; chỉ tiêu này chưa có kế hoạch.")
            amount = ""
        self._show(fill(text, year, row.label, amount), error=False)

    def _show(self, text: str, error: bool = True) -> None:
        self.ui.message_label.setStyleSheet(_ERROR_STYLE if error and text else "")
        self.ui.message_label.setText(text)
