"""What the Báo cáo page exchanges with the province beyond the figures: the narrative typed
under the preview (Đánh giá chung, Khó khăn, Đề xuất), and the province's reply received.

Texts keep the context "ReportsPage", the page they show on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from commune_desk.domain.periods import Period
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.narratives import NarrativeService
from commune_desk.services.replies import ReplyService, UntrustedProvinceKey
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


class NarrativeEditor:
    """The three narrative fields of the page (its `ui`), read and saved through the service."""

    def __init__(self, page: QWidget, ctx: ServiceContext, dialogs: Dialogs) -> None:
        self._page = page
        self._service = NarrativeService(ctx)
        self._dialogs = dialogs
        ui = page.ui  # type: ignore[attr-defined]
        self._edits: dict[str, QPlainTextEdit] = {
            "assessment": ui.assessment_edit,
            "difficulties": ui.difficulties_edit,
            "proposals": ui.proposals_edit,
        }
        self._save_button = ui.narrative_save_button

    def fill(self, period: Period, locked: bool) -> None:
        """Show the period's narrative; read-only while the period is submitted."""
        try:
            texts = self._service.get(period)
        except ServiceError:
            texts = {}
        for key, edit in self._edits.items():
            edit.setPlainText(texts.get(key, ""))
            edit.setReadOnly(locked)
        self._save_button.setEnabled(not locked)

    def save(self, period: Period) -> bool:
        """Save what is typed; False (and a warning) when the service refuses."""
        texts = {key: edit.toPlainText() for key, edit in self._edits.items()}
        try:
            self._service.save(period, texts)
        except ServiceError as exc:
            self._dialogs.warn(self._page, _tr("Không lưu được nhận định"), str(exc))
            return False
        return True


def receive_province_reply(page: QWidget, ctx: ServiceContext, dialogs: Dialogs) -> bool:
    """Open a reply of the province and record it (its key confirmed by fingerprint the first
    time); True when it was received."""
    title = _tr("Nhận phản hồi của tỉnh")
    filters = _tr("Bảng tính Excel (*.xlsx)")
    path = dialogs.choose_open_path(page, _tr("Chọn phiếu phản hồi của tỉnh"), filters)
    if path is None:
        return False
    replies = ReplyService(ctx)
    try:
        try:
            received = replies.receive(path)
        except UntrustedProvinceKey as first:
            question = fill(
                _tr(
                    "Đây là phản hồi đầu tiên của tỉnh. Khóa ký của tỉnh có dấu vân tay:\n\n"
                    "%1\n\nHãy đối chiếu dấu vân tay này với tỉnh (điện thoại, công văn). "
                    "Ghi nhận khóa này là khóa của tỉnh?"
                ),
                first.fingerprint,
            )
            if not dialogs.confirm(page, title, question):
                return False
            received = replies.receive(path, trust_province_key=True)
    except ServiceError as exc:
        dialogs.warn(page, _tr("Không nhận được phản hồi"), str(exc))
        return False
    dialogs.inform(page, title, received.status)
    return True
