"""The operations kernel: every database or workbook call of the window runs through here.

Modelled on Anki's desktop (`QueryOp`, `CollectionOp`): a page describes the work and what to
do with its result, and the kernel runs it off the UI thread.

    QueryOp(parent=self, op=lambda task: service.cells(months), success=self._show)
        .failure(self._say_error).with_busy(self.ui.save_button).run_in_background()

- The work runs on a background thread; `success` and `failure` run on the UI thread.
- Database work runs on one thread, in the order it was asked for (a read asked after a
  write sees the write); `.in_parallel()` is for work that reads or writes only files.
- After ~300 ms the busy cursor shows; the controls passed to `.with_busy()` are disabled
  until the work ends.
- A result never reaches a page that was closed, nor one that moved on: a newer operation
  with the same `.key()` on the same parent makes the older one's result stale, and dropped.
- Long work takes the `Task` it receives to report progress (`.with_progress()`) and to stop
  at the next report after `cancel()`.
- A `WriteOp` returns the `Changes` it made (or an `Outcome` with a value and its Changes);
  the kernel publishes them on the change bus before `success` runs.
- A failure with no `.failure()` handler goes to `sys.excepthook`, which shows it to the user.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from commune_desk.views.kernel.changes import ChangeBus, Changes

log = logging.getLogger(__name__)
T = TypeVar("T")
BUSY_CUE_MS = 300


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Task:
    """What background work sees: progress reporting and the cancel flag."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._report = report
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        """Report progress; raises `Cancelled` once the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._report is not None:
            self._report(done, total)

    def check(self) -> None:
        """Stop here if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a write returns when its caller also wants a value."""

    value: T
    changes: Changes


class _Inbox(QObject):
    """Lives on the UI thread: what the worker threads emit arrives here, queued."""

    done = Signal(object, object)  # operation, result
    failed = Signal(object, object)  # operation, exception
    cancelled = Signal(object)  # operation
    progressed = Signal(object, int, int)  # operation, done, total

    def __init__(self, kernel: Kernel) -> None:
        super().__init__()
        from PySide6.QtCore import Qt  # its first import builds ~90 enums: not before the login

        self._kernel = kernel
        self.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _on_done(self, op: QueryOp, result: object) -> None:
        self._kernel.finish(op, lambda: op.deliver_result(result), lambda: op.stale(result))

    @Slot(object, object)
    def _on_failed(self, op: QueryOp, error: object) -> None:
        self._kernel.finish(op, lambda: op.deliver_failure(error))

    @Slot(object)
    def _on_cancelled(self, op: QueryOp) -> None:
        self._kernel.finish(op, op.deliver_cancelled)

    @Slot(object, int, int)
    def _on_progressed(self, op: QueryOp, done: int, total: int) -> None:
        if self._kernel.is_current(op):
            op.deliver_progress(done, total)


class Kernel(QObject):
    """Runs operations; one per program (`kernel()`), with the change bus."""

    busy_changed = Signal(bool)  # the busy cue shows (True) or goes (False)
    idle = Signal()  # no operation is running any more

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from concurrent.futures import ThreadPoolExecutor  # not needed to paint the login

        self.bus = ChangeBus(self)
        self._inbox = _Inbox(self)
        self._serial = ThreadPoolExecutor(1, thread_name_prefix="commune-desk-db")
        self._parallel = ThreadPoolExecutor(4, thread_name_prefix="commune-desk-files")
        self._running: set[QueryOp] = set()
        self._latest: dict[tuple[int, str], QueryOp] = {}
        self._disabled: dict[QWidget, int] = {}
        self._cue_shown = False
        self._cue = QTimer(self)
        self._cue.setSingleShot(True)
        self._cue.setInterval(BUSY_CUE_MS)
        self._cue.timeout.connect(self._show_cue)

    # -- asked by operations ---------------------------------------------------------
    def start(self, op: QueryOp) -> None:
        self._running.add(op)
        if op.key_name is not None:
            self._latest[(id(op.parent), op.key_name)] = op
        for control in op.controls:
            if isValid(control):
                count = self._disabled.get(control, 0)
                if count == 0:
                    control.setEnabled(False)
                self._disabled[control] = count + 1
        if not self._cue.isActive() and not self._cue_shown:
            self._cue.start()
        pool = self._parallel if op.parallel else self._serial
        pool.submit(self._run, op)

    def _run(self, op: QueryOp) -> None:  # on a worker thread
        inbox = self._inbox
        try:
            if op.task.cancelled:
                raise Cancelled()
            result = op.work(op.task)
        except Cancelled:
            inbox.cancelled.emit(op)
        except Exception as exc:  # delivered to the UI thread, which shows it
            log.info("Operation failed: %s", exc, exc_info=True)
            inbox.failed.emit(op, exc)
        else:
            # Work that ran to its end is reported as done, even if Cancel came too late:
            # what it wrote is there.
            inbox.done.emit(op, result)

    def report_progress(self, op: QueryOp, done: int, total: int) -> None:  # worker thread
        self._inbox.progressed.emit(op, done, total)

    def is_current(self, op: QueryOp) -> bool:
        """False once the op's page is gone or a newer op with its key was started."""
        if op.parent is not None and not isValid(op.parent):
            return False
        if op.key_name is None:
            return True
        return self._latest.get((id(op.parent), op.key_name)) is op

    def finish(
        self, op: QueryOp, deliver: Callable[[], None], stale: Callable[[], None] | None = None
    ) -> None:
        current = self.is_current(op)
        self._running.discard(op)
        if op.key_name is not None and current:
            del self._latest[(id(op.parent), op.key_name)]
        for control in op.controls:
            count = self._disabled.pop(control, 1) - 1
            if count > 0:
                self._disabled[control] = count
            elif isValid(control):
                control.setEnabled(True)
        if not self._running:
            self._cue.stop()
            self._hide_cue()
        try:
            if current:
                deliver()
            elif stale is not None:
                stale()
        finally:
            if not self._running:
                self.idle.emit()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_idle(self, timeout_s: float = 10.0) -> bool:
        """Process events until every operation has reported (for scripts and the self-test).

        False when some work is still running after `timeout_s`.
        """
        deadline = time.monotonic() + timeout_s
        QCoreApplication.processEvents()
        while self._running:
            if time.monotonic() > deadline:
                return False
            QCoreApplication.processEvents()
            time.sleep(0.005)
        return True

    # -- the busy cue ----------------------------------------------------------------
    def _show_cue(self) -> None:
        if self._running and not self._cue_shown:
            self._cue_shown = True
            from PySide6.QtCore import Qt

            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.busy_changed.emit(True)

    def _hide_cue(self) -> None:
        if self._cue_shown:
            self._cue_shown = False
            QGuiApplication.restoreOverrideCursor()
            self.busy_changed.emit(False)


_kernel: Kernel | None = None


def kernel() -> Kernel:
    """The program's kernel (made on first use, once a QApplication exists)."""
    global _kernel
    if _kernel is None or not isValid(_kernel):
        _kernel = Kernel()
    return _kernel


class QueryOp(Generic[T]):
    """Work that reads (or writes files only); `success(result)` runs on the UI thread."""

    def __init__(
        self,
        *,
        parent: QWidget | None,
        op: Callable[[Task], T],
        success: Callable[[T], object] | None = None,
    ) -> None:
        self.parent = parent
        self.work = op
        self._success = success
        self._failure: Callable[[Exception], object] | None = None
        self._cancelled: Callable[[], object] | None = None
        self._progress: Callable[[int, int], object] | None = None
        self.controls: tuple[QWidget, ...] = ()
        self.key_name: str | None = None
        self.parallel = False
        self._kernel = kernel()
        self.task = Task(lambda done, total: self._kernel.report_progress(self, done, total))

    # -- description -------------------------------------------------------------------
    def on_success(self, callback: Callable[[T], object]) -> QueryOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], object]) -> QueryOp[T]:
        self._failure = callback
        return self

    def on_cancel(self, callback: Callable[[], object]) -> QueryOp[T]:
        self._cancelled = callback
        return self

    def with_progress(self, callback: Callable[[int, int], object]) -> QueryOp[T]:
        self._progress = callback
        return self

    def with_busy(self, *controls: QWidget) -> QueryOp[T]:
        """Disable these controls until the work ends."""
        self.controls = controls
        return self

    def key(self, name: str) -> QueryOp[T]:
        """A newer op with this key on the same parent makes this one's result stale."""
        self.key_name = name
        return self

    def in_parallel(self) -> QueryOp[T]:
        """For work that does not touch the database (files, workbooks, imports of libraries)."""
        self.parallel = True
        return self

    def run_in_background(self) -> QueryOp[T]:
        self._kernel.start(self)
        return self

    def cancel(self) -> None:
        self.task.cancel()

    # -- delivery (UI thread) ----------------------------------------------------------
    def deliver_result(self, result: Any) -> None:
        if self._success is not None:
            self._success(result)

    def deliver_failure(self, error: Exception) -> None:
        if self._failure is not None:
            self._failure(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def deliver_cancelled(self) -> None:
        if self._cancelled is not None:
            self._cancelled()

    def deliver_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)

    def stale(self, result: Any) -> None:
        """The page is gone or moved on: its result is dropped."""


class WriteOp(QueryOp[T]):
    """Work that changes data: returns `Changes` or an `Outcome`; the kernel announces them."""

    def __init__(
        self,
        *,
        parent: QWidget | None,
        op: Callable[[Task], Changes | Outcome[T]],
        success: Callable[[T], object] | None = None,
    ) -> None:
        super().__init__(parent=parent, op=op, success=success)  # type: ignore[arg-type]

    def deliver_result(self, result: Any) -> None:
        value, changes = _split(result)
        self._kernel.bus.publish(changes, self.parent)
        if self._success is not None:
            self._success(value)

    def stale(self, result: Any) -> None:
        """What was written is written: other pages hear of it even if this one is gone."""
        self._kernel.bus.publish(_split(result)[1], None)


def _split(result: Any) -> tuple[Any, Changes]:
    if isinstance(result, Outcome):
        return result.value, result.changes
    return result, result if isinstance(result, Changes) else Changes()
