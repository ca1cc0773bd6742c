"""Waiting for the operations kernel, as a clerk waits for the window."""

from __future__ import annotations

from commune_desk.views.kernel import kernel


def wait_idle(qtbot, timeout: int = 10_000) -> None:
    """Until every operation of the window has reported (results, failures, announcements)."""
    qtbot.waitUntil(lambda: not kernel().busy, timeout=timeout)


def settle(timeout_s: float = 10.0) -> None:
    """The same, for helpers without `qtbot`: events are processed until the kernel is idle."""
    if not kernel().wait_idle(timeout_s):
        raise TimeoutError("the window's operations did not finish")
