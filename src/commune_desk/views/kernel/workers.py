"""Long work off the UI thread: a QRunnable that calls a function and reports by signals.

The function receives a `Task` to report progress and to see whether the user cancelled; the
worker never touches widgets. Signals arrive on the thread of the receiver (the UI thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Task:
    """What a background function sees: progress reporting and the cancel flag."""

    def __init__(self, signals: WorkerSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.progress.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class WorkerSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Worker(QRunnable):
    def __init__(self, function: Callable[[Task], Any]) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self.task = Task(self.signals)
        self._function = function
        self.setAutoDelete(False)  # the owner keeps the signals alive until they are delivered

    def run(self) -> None:
        try:
            result = self._function(self.task)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported to the UI, which shows the message
            log.info("Background task failed: %s", exc, exc_info=True)
            self.signals.failed.emit(exc)
        else:
            # Work that ran to its end is reported as done, even if Cancel came too late:
            # what it wrote is there.
            self.signals.finished.emit(result)


def start(worker: Worker, pool: QThreadPool | None = None) -> Worker:
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
