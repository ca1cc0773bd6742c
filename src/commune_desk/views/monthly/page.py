"""Số liệu hằng tháng: the grid of monthly figures that mirrors the paper form.

Every change goes through ValuesService, where validation, locks and the audit live, as a
write operation of the kernel (off the UI thread; the clerk types on while it saves); after a
save the grid reloads the months' cells and problems, so its colours and totals are always
the service's, and the change bus tells the other pages which months changed. A value the
service refuses brings the cursor back to its cell with the reason. Undo replays the old
values through the service as well.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Kind as PeriodKind
from commune_desk.domain.periods import Period, current_month
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import DatabaseBusy, ServiceError, StaleSave
from commune_desk.services.locks import LockInfo, lock_covering
from commune_desk.services.permissions import Action
from commune_desk.services.values import SaveReport, ValueChange, ValuesService
from commune_desk.views.forms.ui_monthly_grid_page import Ui_MonthlyGridPage
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, WriteOp, kernel
from commune_desk.views.monthly.comment_dialog import AskComment, ask_comment
from commune_desk.views.monthly.delegate import GridDelegate
from commune_desk.views.monthly.layout import ColumnKind, GridData, Move, grid_rows
from commune_desk.views.monthly.model import Index, MonthlyGridModel
from commune_desk.views.monthly.pending import PendingSaves
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill, relabel_periods, ui_language
from commune_desk.views.widgets.roles import why_not

UNDO_DEPTH = 100
Key = tuple[str, str]  # (element code, month key)
UndoStep = tuple[ValueChange, ...]  # the cells one change touched, as they were before it


class Tone(StrEnum):
    INFO = "#2e7d32"
    WARNING = "#8a5a00"
    ERROR = "#b71c1c"


def period_choices(today: Period, years: int = 3) -> list[Period]:
    """Quarters up to the current one, then each year, for this year and the ones before."""
    choices: list[Period] = []
    for year in range(today.year, today.year - years, -1):
        last = today.enclosing(PeriodKind.QUARTER).index if year == today.year else 4
        choices += [Period.quarter(year, q) for q in range(last, 0, -1)]
        choices.append(Period.of_year(year))
    return choices


def parse_block(text: str) -> list[list[str]]:
    """Cells copied from a spreadsheet: tab-separated lines (\\r\\n or \\n), trimmed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()  # Excel ends a copied block with a line break
    return [[cell.strip() for cell in line.split("\t")] for line in lines]


class MonthlyGridPage(QWidget):
    values_changed = Signal()  # a save of this page changed stored values
    loaded = Signal()  # the grid shows what the services returned

    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        ask_comment: AskComment = ask_comment,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MonthlyGridPage()
        self.ui.setupUi(self)
        self._dialogs, self._ask_comment = dialogs, ask_comment
        self._values = ValuesService(ctx)
        self._ctx = ctx
        self._denied = why_not(ctx, Action.EDIT_DATA)  # a supervisor reads, never types
        self._rows = grid_rows(ctx.catalogue)
        self._communes, self._clock = CommuneService(ctx), ctx.today
        self._today: Period | None = None  # the current month, once the cut-off mode is read
        self._locks: list[LockInfo] = []
        self._undo: list[UndoStep] = []
        self._pending = PendingSaves(self, dialogs)  # saves refused by a busy database
        self._commit_ok = False
        self._focus_on_show = True
        self._loading = 0
        self._refusals: dict[Key, str] = {}  # why a typed value was refused, until it is saved
        self._model = MonthlyGridModel(self)
        self._delegate = GridDelegate(self)
        table = self.ui.grid_table
        table.setModel(self._model)
        table.setItemDelegate(self._delegate)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # on a cell not being edited
            enter = QShortcut(QKeySequence(key), table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self._on_enter_shortcut_activated)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        self._model.modelReset.connect(self._on_model_reset)
        self._delegate.value_committed.connect(self._on_delegate_value_committed)
        self._delegate.navigate.connect(self._on_delegate_navigate)
        self.comment_action = self._action("Shift+F2")  # as in Excel
        self.paste_action = self._action(QKeySequence.StandardKey.Paste)
        self.delete_action = self._action(QKeySequence.StandardKey.Delete)
        self.undo_action = self._action(QKeySequence.StandardKey.Undo)
        self.retry_action = self._action("Ctrl+R")
        self.retry_action.triggered.connect(self._pending.retry)
        self.comment_action.triggered.connect(self._on_comment_action_triggered)
        self.paste_action.triggered.connect(self._on_paste_action_triggered)
        self.delete_action.triggered.connect(self._on_delete_action_triggered)
        self.undo_action.triggered.connect(self._on_undo_action_triggered)
        self.ui.lock_label.hide()
        self.ui.period_combo.currentIndexChanged.connect(
            self._on_period_combo_current_index_changed
        )
        self._retranslate()
        kernel().bus.subscribe(self, (Kind.VALUES, Kind.SUBMISSIONS, Kind.PROFILE), self._heard)
        self._read_profile()

    # -- public ------------------------------------------------------------------------
    @property
    def model(self) -> MonthlyGridModel:
        return self._model

    @property
    def period(self) -> Period:
        return Period.parse(self.ui.period_combo.currentData())

    @property
    def busy(self) -> bool:
        """True while a load of the grid is under way."""
        return self._loading > 0

    def refresh(self) -> None:
        """Reload the chosen period (values, problems and locks) from the services."""
        if self._today is None:
            self._read_profile()  # the periods come first; it reloads then
            return
        self._reload(with_locks=True)

    # -- loading -----------------------------------------------------------------------
    def _read_profile(self) -> None:
        """The commune's cut-off mode decides the current month and the periods offered."""
        communes = self._communes
        self._loading += 1
        QueryOp(
            parent=self, op=lambda _task: communes.profile().cutoff_mode, success=self._offer
        ).failure(self._load_failed).key("profile").run_in_background()

    def _offer(self, mode: str) -> None:
        """Fill the periods for the current month (keeping the one chosen), then load it."""
        self._loading = max(self._loading - 1, 0)
        self._today = current_month(self._clock(), mode)
        combo, chosen = self.ui.period_combo, self.ui.period_combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for period in period_choices(self._today):
            combo.addItem(period.label(ui_language()), period.key)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
        combo.blockSignals(False)
        self._reload(with_locks=True)

    def _heard(self, changes: Changes) -> None:
        """Another page wrote figures, a submission or the profile: read again if it matters."""
        if self._today is None:
            return  # the first load is on its way
        if Kind.PROFILE in changes.kinds:  # the cut-off mode may have moved the months
            self._read_profile()
            return
        shown = {month.key for month in self.period.months()}
        if Kind.VALUES not in changes.kinds or not changes.periods or changes.periods & shown:
            self.refresh()

    def _reload(self, with_locks: bool = False) -> None:
        period, values = self.period, self._values
        known_locks = None if with_locks else self._locks

        def read(_task: object) -> tuple[list[LockInfo], dict, list]:
            locks = values.locks() if known_locks is None else known_locks
            return locks, values.cells(period.months()), values.problems(period)

        self._loading += 1
        QueryOp(parent=self, op=read, success=lambda r: self._show(period, *r)).failure(
            self._load_failed
        ).key("load").run_in_background()

    def _load_failed(self, error: Exception) -> None:
        self._loading = 0
        if not isinstance(error, ServiceError):
            raise error
        self._say(str(error), Tone.ERROR)

    def _show(self, period: Period, all_locks: list[LockInfo], cells: dict, problems: list) -> None:
        self._loading = 0  # the newest load reports last: older ones were dropped
        self._locks = all_locks
        locks = {
            month.key: lock.message()
            for month in period.months()
            if (lock := lock_covering(self._locks, month)) is not None
        }
        if self._denied:  # read-only for this account; a submitted month still says so
            locks = {m.key: locks.get(m.key) or self._denied for m in period.months()}
        self._model.load(GridData(period, self._rows, cells, problems, locks, self._today))
        shown = [self._denied, *locks.values()] if self._denied else locks.values()
        reasons = list(dict.fromkeys(shown))
        self.ui.lock_label.setText("\n".join(reasons))
        self.ui.lock_label.setVisible(bool(reasons))
        for key, text in self._refusals.items():
            index = self._model.index_of(*key)
            if index.isValid():
                self._model.set_note(index, text)
        self.loaded.emit()

    def _on_model_reset(self) -> None:
        """A new period: size the columns and put the cursor on the current month."""
        table, model, width = self.ui.grid_table, self._model, self.fontMetrics().horizontalAdvance
        widths = {
            ColumnKind.UNIT: max(map(width, (r.unit for r in self._rows)), default=40) + 18,
            ColumnKind.MONTH: width("00.000.000") + 24,
            ColumnKind.TOTAL: width("000.000.000") + 36,
        }
        for column in range(model.columnCount()):
            table.setColumnWidth(column, widths[model.column_at(column).kind])
        table.setCurrentIndex(model.home())

    def _on_period_combo_current_index_changed(self, _index: int) -> None:
        self._say("", Tone.INFO)
        self._reload()

    # -- saving ------------------------------------------------------------------------
    def _apply(
        self,
        keys: Sequence[Key],
        call: Callable[[], SaveReport | None],
        done: str,
        refused: str,
        record: bool = True,
        at: QModelIndex | QPersistentModelIndex | None = None,
        then: Callable[[], object] | None = None,
        refused_then: Callable[[], object] | None = None,
    ) -> None:
        """Run one service call as a write; on success remember the undo step and reload."""
        before = self._snapshot(keys)
        months = {month for _, month in keys}
        place = QPersistentModelIndex(at) if at is not None else None

        def write(_task: object) -> Outcome:
            report = call()
            changed = report is None or report.added + report.changed + report.removed > 0
            return Outcome(
                report, Changes.of(Kind.VALUES, periods=months) if changed else Changes()
            )

        def saved(report: SaveReport | None) -> None:
            changed = report is None or report.added + report.changed + report.removed > 0
            for key in keys:
                self._refusals.pop(key, None)
            if record and changed:
                self._undo.append(before)
                del self._undo[:-UNDO_DEPTH]
            self._reload()
            warnings = report.warnings if report else []
            if warnings:
                self._say("\n".join(p.message for p in warnings), Tone.WARNING)
            else:
                self._say(done, Tone.INFO)
            if then is not None:
                then()
            if changed:
                self.values_changed.emit()

        def failed(exc: Exception) -> None:
            if isinstance(exc, DatabaseBusy):  # another copy of the program is writing
                again = partial(
                    self._apply, keys, call, done, refused, record, place, then, refused_then
                )
                if self._pending.retry_now(exc):
                    again()
                else:
                    self._refuse(self._pending.keep(again), place, keys)
                return
            if not isinstance(exc, ServiceError):
                raise exc
            detail = str(exc)
            if len(keys) == 1:  # the message names the cell already: drop the service's prefix
                prefixes = (f"{Period.parse(keys[0][1]).label()}: ", f"«{keys[0][0]}»: ")
                detail = detail.removeprefix(prefixes[0]).removeprefix(prefixes[1])
            self._refuse(fill(refused, detail), place, keys)
            if isinstance(exc, StaleSave):  # changed by someone else: show the value now
                self._reload()
            if refused_then is not None:
                refused_then()

        WriteOp(parent=self, op=write, success=saved).failure(failed).run_in_background()

    def _refuse(self, text: str, at: Index | None, keys: Sequence[Key] = ()) -> None:
        """Say why nothing was saved, beside the grid and in the cell's tooltip.

        The cursor goes back to the refused cell for a correction (the clerk may have typed on).
        """
        self._say(text, Tone.ERROR)
        if at is not None and at.isValid():
            self._model.set_note(at, text)
            if len(keys) == 1:
                self._refusals[keys[0]] = text
            self.ui.grid_table.setCurrentIndex(self._model.index(at.row(), at.column()))

    def _snapshot(self, keys: Sequence[Key]) -> UndoStep:
        step = []
        for key in keys:
            cell = self._model.cell(key)
            if cell is None or cell.from_villages:
                # No commune-level value (a villages' sum): undo removes what was typed over it.
                step.append(ValueChange(*key, None, ""))
            else:
                step.append(ValueChange(*key, cell.value, cell.comment))
        return tuple(step)

    def _where(self, key: Key) -> tuple[str, str]:
        """The element's label and the month's label, for messages."""
        row = next(r for r in self._rows if r.code == key[0])
        return row.label, Period.parse(key[1]).label(ui_language())

    def _on_delegate_value_committed(self, index: QPersistentModelIndex, text: str) -> None:
        self._commit_ok = False
        key = self._model.key_at(index)
        if key is None or not self._model.is_editable(index):
            return
        old = self._model.cell(key)
        text = text.strip()
        if text == (format_number(old.value) if old else ""):
            self._commit_ok = True  # nothing typed over the value
            return
        code, month = key
        shown = old.version if old is not None else 0  # a villages' sum: no commune row, 0
        self._apply(
            [key],
            lambda: self._values.set_value(code, month, text or None, expected_version=shown),
            fill(self.tr("Đã lưu «%1», %2."), *self._where(key)),
            fill(self.tr("Không lưu «%1», %2: %3"), *self._where(key), "%1"),  # %1: the reason
            at=index,
        )
        self._commit_ok = True  # sent: the cursor moves on while it saves

    def _on_delegate_navigate(self, move: int) -> None:
        if self._commit_ok:
            self._move(Move(move))

    def _on_enter_shortcut_activated(self) -> None:
        self._move(Move.DOWN)  # Enter on a cell not being edited, as in a spreadsheet

    def _move(self, move: Move) -> None:
        target = self._model.neighbour(self.ui.grid_table.currentIndex(), move)
        if target.isValid():
            self.ui.grid_table.setCurrentIndex(target)

    # -- actions -------------------------------------------------------------------------
    def _action(self, keys: QKeySequence.StandardKey | str) -> QAction:
        """An action of the table: in its context menu, its shortcut when it has the focus."""
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.ui.grid_table.addAction(action)
        return action

    def _on_delete_action_triggered(self) -> None:
        table, model = self.ui.grid_table, self._model
        indexes = table.selectionModel().selectedIndexes() or [table.currentIndex()]
        editable = [model.key_at(i) for i in indexes if model.is_editable(i)]
        keys = sorted({key for key in editable if key and model.cell(key)})
        if not keys:
            key = model.key_at(table.currentIndex())
            if key and model.lock_reason(key[1]):
                self._say(model.lock_reason(key[1]), Tone.ERROR)
            return
        if len(keys) > 1 and not self._dialogs.confirm(
            self, self.tr("Xóa số liệu"), self.tr("Xóa %n giá trị đã chọn?", "", len(keys))
        ):
            return
        changes = [ValueChange(code, month, None) for code, month in keys]
        self._apply(
            keys,
            lambda: self._values.save(changes),
            self.tr("Đã xóa %n giá trị.", "", len(keys)),
            self.tr("Không xóa được: %1"),
        )

    def _on_paste_action_triggered(self) -> None:
        table = self.ui.grid_table
        start = table.currentIndex()
        block = parse_block(QGuiApplication.clipboard().text())
        try:
            changes = self._model.block_changes(start, block)
        except ValueError as exc:
            self._say(fill(self.tr("Không dán được: %1"), exc), Tone.ERROR)
            return
        keys = [(c.code, c.month) for c in changes]
        self._apply(
            keys,
            lambda: self._values.save(changes),
            self.tr("Đã dán %n giá trị.", "", len(changes)),
            self.tr("Không dán được, chưa có giá trị nào được ghi: %1"),
        )

    def _on_undo_action_triggered(self) -> None:
        if not self._undo:
            self._say(self.tr("Không còn thay đổi nào để hoàn tác."), Tone.INFO)
            return
        step = self._undo.pop()

        def undone() -> None:
            target = self._model.index_of(step[0].code, step[0].month)
            if target.isValid():
                self.ui.grid_table.setCurrentIndex(target)

        self._apply(
            [(change.code, change.month) for change in step],
            lambda: self._values.save(step),
            self.tr("Đã hoàn tác thay đổi %n ô.", "", len(step)),
            self.tr("Không hoàn tác được: %1"),
            record=False,
            then=undone,
            refused_then=lambda: self._undo.append(step),  # still there to undo
        )

    def _on_comment_action_triggered(self) -> None:
        index = self.ui.grid_table.currentIndex()
        key = self._model.key_at(index)
        if key is None:
            return
        if self._model.lock_reason(key[1]):
            self._say(self._model.lock_reason(key[1]), Tone.ERROR)
            return
        cell = self._model.cell(key)
        if cell is None:
            self._say(self.tr("Ô này chưa có giá trị: nhập số trước rồi ghi chú."), Tone.ERROR)
            return
        label, month = self._where(key)
        comment = self._ask_comment(self, f"{label} — {month}", cell.comment)
        if comment is None or comment.strip() == cell.comment:
            return
        self._apply(
            [key],
            lambda: self._values.set_comment(key[0], key[1], comment),
            fill(self.tr("Đã ghi chú cho «%1», %2."), label, month),
            self.tr("Không ghi chú được: %1"),
        )

    # -- messages, texts and events ----------------------------------------------------
    def _say(self, text: str, tone: Tone) -> None:
        self.ui.message_label.setStyleSheet(f"color: {tone.value};")
        self.ui.message_label.setText(text)

    def _retranslate(self) -> None:
        self.comment_action.setText(self.tr("&Ghi chú…"))
        self.paste_action.setText(self.tr("&Dán từ Excel"))
        self.delete_action.setText(self.tr("&Xóa giá trị"))
        self.undo_action.setText(self.tr("&Hoàn tác"))
        self.retry_action.setText(self.tr("&Thử lưu lại"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
            self._denied = why_not(self._ctx, Action.EDIT_DATA)  # the role note, re-said
            if self._denied:
                self._reload()
            relabel_periods(self.ui.period_combo)
            count = self._model.columnCount()
            self._model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(count - 1, 0))
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focus_on_show:  # the first time only: later visits keep the user's focus
            self._focus_on_show = False
            self.ui.grid_table.setFocus()
