"""Saves of the monthly grid refused because another copy of the program was writing.

The user tries one again at once, or it is kept, with what was typed, until Ctrl+R
("Thử lưu lại") runs every kept save again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from commune_desk.services.errors import DatabaseBusy
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.i18n import fill

Save = Callable[[], object]  # runs the save again (one still refused puts itself back)


class PendingSaves(QObject):
    def __init__(self, page: QWidget, dialogs: Dialogs) -> None:
        super().__init__(page)
        self._page, self._dialogs = page, dialogs
        self._saves: list[Save] = []

    def retry_now(self, exc: DatabaseBusy) -> bool:
        """Ask the user whether to try again at once."""
        question = fill(self.tr("%1\n\nThử lại ngay?"), str(exc))
        return self._dialogs.confirm(self._page, self.tr("Cơ sở dữ liệu đang bận"), question)

    def keep(self, save: Save) -> str:
        """Keep `save` for Ctrl+R; returns the note that tells the user so."""
        self._saves.append(save)
        return self.tr(
            "Chưa lưu vì cơ sở dữ liệu đang bận; thay đổi được giữ lại, nhấn Ctrl+R để thử lại."
        )

    def retry(self) -> None:
        """Run every kept save again."""
        saves, self._saves = self._saves, []
        for save in saves:  # one still refused puts itself back
            save()
