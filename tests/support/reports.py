"""Showing the Báo cáo page with a fake desktop that records the URLs it was asked to open."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from commune_desk.domain.periods import Period
from commune_desk.views.reports.page import ReportsPage
from tests.support.kernel import wait_idle

Q3 = Period.parse("2026-Q3")


class Opened:
    """Records the URLs the page asks the desktop to open."""

    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


def show(qtbot, ctx, dialogs, settings, opened=None) -> ReportsPage:
    page = ReportsPage(ctx, dialogs, settings, open_url=opened or Opened())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)  # the preview has arrived
    return page
