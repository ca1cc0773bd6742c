"""What the Báo cáo page exchanges with the province beyond the figures: the narrative typed
under the preview (Đánh giá chung, Khó khăn, Đề xuất), and the province's reply received.

Both read and write through the operations kernel (off the UI thread); the reply publishes
the submissions it unlocked. Texts keep the context "ReportsPage", the page they show on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from commune_desk.domain.periods import Period
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.narratives import NarrativeService
from commune_desk.services.replies import ReceivedReply, ReplyService, UntrustedProvinceKey
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, WriteOp
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


class NarrativeEditor:
    """The three narrative fields of the page (its `ui`), read and saved through the kernel."""

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
        """Show the period's narrative (read off the UI thread); read-only while submitted."""
        service = self._service
        for edit in self._edits.values():
            edit.setReadOnly(True)  # until the texts arrive
        self._save_button.setEnabled(False)

        def show(texts: dict[str, str]) -> None:
            for key, edit in self._edits.items():
                edit.setPlainText(texts.get(key, ""))
                edit.setReadOnly(locked)
            self._save_button.setEnabled(not locked)

        def unreadable(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            show({})

        QueryOp(parent=self._page, op=lambda _task: service.get(period), success=show).failure(
            unreadable
        ).key("narrative").run_in_background()

    def save(self, period: Period, saved: Callable[[], object]) -> None:
        """Save what is typed; `saved()` afterwards, a warning when the service refuses."""
        texts = {key: edit.toPlainText() for key, edit in self._edits.items()}
        service = self._service

        def write(_task: object) -> Changes:
            service.save(period, texts)
            months = [month.key for month in period.months()]
            return Changes.of(Kind.NARRATIVES, periods=months)

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._dialogs.warn(self._page, _tr("Không lưu được nhận định"), str(exc))

        WriteOp(parent=self._page, op=write, success=lambda _value: saved()).failure(
            refused
        ).with_busy(self._save_button).run_in_background()


def receive_province_reply(
    page: QWidget,
    ctx: ServiceContext,
    dialogs: Dialogs,
    received: Callable[[], object],
    button: QWidget | None = None,
) -> None:
    """Open a reply of the province and record it off the UI thread (its key confirmed by
    fingerprint the first time); `received()` once it was recorded. A returned period is
    unlocked: the submissions of its months are announced on the change bus."""
    filters = _tr("Bảng tính Excel (*.xlsx)")
    path = dialogs.choose_open_path(page, _tr("Chọn phiếu phản hồi của tỉnh"), filters)
    if path is None:
        return
    _receive(page, ReplyService(ctx), dialogs, Path(path), False, received, button)


def _receive(
    page: QWidget,
    replies: ReplyService,
    dialogs: Dialogs,
    path: Path,
    trust: bool,
    received: Callable[[], object],
    button: QWidget | None,
) -> None:
    title = _tr("Nhận phản hồi của tỉnh")

    def record(_task: object) -> Outcome[ReceivedReply]:
        reply = replies.receive(path, trust_province_key=trust)
        months = [month.key for month in Period.parse(reply.period).months()]
        return Outcome(reply, Changes.of(Kind.SUBMISSIONS, periods=months))

    def done(reply: ReceivedReply) -> None:
        dialogs.inform(page, title, reply.status)
        received()

    def refused(exc: Exception) -> None:
        if isinstance(exc, UntrustedProvinceKey) and not trust:
            question = fill(
                _tr(
                    "Đây là phản hồi đầu tiên của tỉnh. Khóa ký của tỉnh có dấu vân tay:\n\n"
                    "%1\n\nHãy đối chiếu dấu vân tay này với tỉnh (điện thoại, công văn). "
                    "Ghi nhận khóa này là khóa của tỉnh?"
                ),
                exc.fingerprint,
            )
            if dialogs.confirm(page, title, question):
                _receive(page, replies, dialogs, path, True, received, button)
            return
        if not isinstance(exc, ServiceError):
            raise exc
        dialogs.warn(page, _tr("Không nhận được phản hồi"), str(exc))

    controls = (button,) if button is not None else ()
    WriteOp(parent=page, op=record, success=done).failure(refused).with_busy(
        *controls
    ).run_in_background()
