"""The operations kernel: order, results on the UI thread, stale results, cancel, failures."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from commune_desk.services.errors import ServiceError
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, WriteOp, kernel
from commune_desk.views.widgets.errors import install_excepthook


@pytest.fixture
def page(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def wait_idle(qtbot) -> None:
    qtbot.waitUntil(lambda: not kernel().busy)


def test_database_work_runs_in_the_order_it_was_asked_and_reports_on_the_ui_thread(qtbot, page):
    ran, delivered = [], []
    for n in range(20):
        QueryOp(
            parent=page,
            op=lambda _task, n=n: ran.append(n) or n,
            success=lambda n: delivered.append((n, QThread.currentThread())),
        ).run_in_background()
    wait_idle(qtbot)
    assert ran == list(range(20))
    assert [n for n, _ in delivered] == list(range(20))
    ui_thread = QApplication.instance().thread()
    assert all(thread is ui_thread for _, thread in delivered)


def test_the_work_itself_runs_off_the_ui_thread(qtbot, page):
    seen = []
    QueryOp(parent=page, op=lambda _t: threading.current_thread(), success=seen.append)
    QueryOp(
        parent=page, op=lambda _t: threading.current_thread(), success=seen.append
    ).run_in_background()
    wait_idle(qtbot)
    assert seen and seen[0] is not threading.main_thread()


def test_a_result_for_a_closed_page_is_dropped(qtbot):
    gate = threading.Event()
    closing = QWidget()
    delivered = []
    QueryOp(
        parent=closing, op=lambda _t: gate.wait(5) and "late", success=delivered.append
    ).run_in_background()
    closing.deleteLater()
    qtbot.waitUntil(lambda: not _alive(closing))
    gate.set()
    wait_idle(qtbot)
    assert delivered == []


def test_a_page_that_moved_on_gets_only_the_newest_result(qtbot, page):
    gate = threading.Event()
    delivered = []
    QueryOp(parent=page, op=lambda _t: gate.wait(5) and "Quý III", success=delivered.append).key(
        "load"
    ).run_in_background()
    QueryOp(parent=page, op=lambda _t: "Quý IV", success=delivered.append).key(
        "load"
    ).run_in_background()
    gate.set()
    wait_idle(qtbot)
    assert delivered == ["Quý IV"]


def test_cancel_stops_long_work_at_its_next_progress_report(qtbot, page):
    started, steps, outcome = threading.Event(), [], []

    def long_work(task):
        started.set()
        for step in range(1000):
            task.progress(step, 1000)
            steps.append(step)
            threading.Event().wait(0.001)
        return "finished"

    op = (
        QueryOp(parent=page, op=long_work, success=outcome.append)
        .on_cancel(lambda: outcome.append("cancelled"))
        .in_parallel()
        .run_in_background()
    )
    started.wait(5)
    op.cancel()
    wait_idle(qtbot)
    assert outcome == ["cancelled"] and len(steps) < 1000


def test_the_triggering_control_is_disabled_until_the_work_ends(qtbot, page):
    button = QPushButton(page)
    gate = threading.Event()
    states = []
    QueryOp(
        parent=page,
        op=lambda _t: gate.wait(5),
        success=lambda _r: states.append(button.isEnabled()),
    ).with_busy(button).run_in_background()
    assert not button.isEnabled()
    gate.set()
    wait_idle(qtbot)
    assert states == [True] and button.isEnabled()


def test_a_failure_without_handler_is_shown_to_the_user(qtbot, page, monkeypatch):
    from tests.support.fakes import FakeDialogs

    dialogs = FakeDialogs()
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    install_excepthook(dialogs, "commune-desk.log")

    def refused(_task):
        raise ServiceError("Tháng 9/2026 đã nộp báo cáo, không sửa được.")

    WriteOp(parent=page, op=refused).run_in_background()
    wait_idle(qtbot)
    assert dialogs.texts("warn") == ["Tháng 9/2026 đã nộp báo cáo, không sửa được."]


def test_a_failure_goes_to_the_page_s_handler(qtbot, page):
    errors = []

    def broken(_task):
        raise ValueError("tệp hỏng")

    QueryOp(parent=page, op=broken, success=errors.append).failure(
        lambda exc: errors.append(str(exc))
    ).run_in_background()
    wait_idle(qtbot)
    assert errors == ["tệp hỏng"]


def test_a_write_announces_its_changes_to_the_pages_that_show_them(qtbot, page):
    overview, accounts = QWidget(), QWidget()
    qtbot.addWidget(overview)
    qtbot.addWidget(accounts)
    overview.show()
    accounts.show()
    heard = []
    bus = kernel().bus
    bus.subscribe(overview, {Kind.VALUES}, lambda c: heard.append(("overview", c)))
    bus.subscribe(accounts, {Kind.ACCOUNTS}, lambda c: heard.append(("accounts", c)))
    written = Changes.of(Kind.VALUES, periods=["2026-09"])
    results = []
    WriteOp(
        parent=page, op=lambda _t: Outcome("saved", written), success=results.append
    ).run_in_background()
    wait_idle(qtbot)
    assert results == ["saved"]
    assert heard == [("overview", written)]


def test_a_hidden_page_hears_of_changes_once_when_it_is_shown(qtbot, page):
    hidden = QWidget()
    qtbot.addWidget(hidden)
    heard = []
    kernel().bus.subscribe(hidden, {Kind.RECORDS}, heard.append)
    for kind in ("staff", "trainings"):
        WriteOp(
            parent=page, op=lambda _t, k=kind: Changes.of(Kind.RECORDS, record_kinds=[k])
        ).run_in_background()
    wait_idle(qtbot)
    assert heard == []
    hidden.show()
    assert [c.record_kinds for c in heard] == [frozenset({"staff", "trainings"})]


def test_a_write_whose_page_closed_is_still_announced(qtbot):
    gate = threading.Event()
    closing, listener = QWidget(), QWidget()
    qtbot.addWidget(listener)
    listener.show()
    heard = []
    kernel().bus.subscribe(listener, {Kind.TARGETS}, heard.append)
    WriteOp(
        parent=closing, op=lambda _t: gate.wait(5) and Changes.of(Kind.TARGETS)
    ).run_in_background()
    closing.deleteLater()
    qtbot.waitUntil(lambda: not _alive(closing))
    gate.set()
    wait_idle(qtbot)
    assert [Kind.TARGETS in c.kinds for c in heard] == [True]


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_long_work_shows_the_busy_cue_until_it_ends(qtbot, page):
    gate = threading.Event()
    kernel_ = kernel()
    with qtbot.waitSignal(kernel_.busy_changed, timeout=10_000) as shown:
        QueryOp(parent=page, op=lambda _t: gate.wait(10)).run_in_background()
    assert shown.args == [True]
    with qtbot.waitSignal(kernel_.busy_changed, timeout=10_000) as gone:
        gate.set()
    assert gone.args == [False]
    wait_idle(qtbot)
