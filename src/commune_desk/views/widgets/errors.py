"""Uncaught errors in the window: logged with their traceback, shown in Vietnamese.

A database that stays busy (another copy of the program writing) is no programming error, nor
is a request a service refused: an operation whose page did not handle it itself shows the
plain message.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication

from commune_desk.services.errors import DatabaseError, ServiceError
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill

log = logging.getLogger(__name__)


def install_excepthook(dialogs: Dialogs, log_path: str) -> None:
    """Log every uncaught exception and tell the user where the details are; keep running."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if issubclass(kind, DatabaseError | ServiceError):  # its message says it all
            log.warning("Refused: %s", error)
            dialogs.warn(None, "Commune Desk", str(error))
            return
        log.error("Uncaught error", exc_info=(kind, error, tb))
        text = QCoreApplication.translate(
            "Errors",
            "Đã xảy ra lỗi không mong muốn: %1\n\nChương trình vẫn tiếp tục chạy. Chi tiết đã "
            "được ghi vào tệp nhật ký:\n%2",
        )
        dialogs.warn(None, "Commune Desk", fill(text, error, log_path))

    sys.excepthook = hook
