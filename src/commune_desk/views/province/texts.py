"""The province view's texts built from data: a commune's status for a period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from commune_desk.services.reports import ReportState, ReportStatus
from commune_desk.views.widgets.i18n import fill


def status_text(status: ReportStatus) -> str:
    """chưa có số liệu / đang nhập / đã nộp lần N / đã mở khóa (lần N)."""
    state = status.state
    if state is ReportState.SUBMITTED:
        return fill(QCoreApplication.translate("ProvinceTexts", "đã nộp lần %1"), status.version)
    if state is ReportState.UNLOCKED:
        return fill(
            QCoreApplication.translate("ProvinceTexts", "đã mở khóa (sau lần %1)"), status.version
        )
    if state is ReportState.ENTERING:
        return QCoreApplication.translate("ProvinceTexts", "đang nhập")
    return QCoreApplication.translate("ProvinceTexts", "chưa có số liệu")


def summary_text(communes: int, submitted: int, period_label: str) -> str:
    text = QCoreApplication.translate(
        "ProvinceTexts", "%1: %2 xã, %3 xã đã nộp; chỉ tiêu tổng hợp từ các xã đã nộp."
    )
    return fill(text, period_label, communes, submitted)
