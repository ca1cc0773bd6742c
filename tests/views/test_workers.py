from __future__ import annotations

from PySide6.QtCore import QThreadPool

from commune_desk.views.kernel.workers import Worker, start


def test_worker_reports_progress_and_result(qtbot):
    pool = QThreadPool()
    seen = []

    def work(task):
        for i in range(3):
            task.progress(i, 3)
        return "xong"

    worker = Worker(work)
    worker.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(worker.signals.finished) as blocker:
        start(worker, pool)
    assert blocker.args == ["xong"]
    qtbot.waitUntil(lambda: len(seen) == 3)


def test_cancel_stops_at_the_next_progress_report(qtbot):
    pool = QThreadPool()
    worker = Worker(lambda task: [task.progress(i, 10) for i in range(10)])
    worker.task.cancel()
    with qtbot.waitSignal(worker.signals.cancelled):
        start(worker, pool)


def test_failure_is_reported_not_raised(qtbot):
    def work(task):
        raise ValueError("tệp hỏng")

    worker = Worker(work)
    with qtbot.waitSignal(worker.signals.failed) as blocker:
        start(worker, QThreadPool())
    assert str(blocker.args[0]) == "tệp hỏng"
