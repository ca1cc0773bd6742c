"""The consolidation page's official document fields (agency lines, number, place and date,
signer, Nơi nhận) and the reports' deadline.

The remembered settings are read when the page is made and written after a consolidation,
both through the kernel, off the UI thread: a province document settings file on a slow or
network drive never freezes the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Signal

from commune_desk.domain.periods import Period, PeriodError
from commune_desk.services.province_document import (
    DocumentSettings,
    load_deadlines,
    load_settings,
    remember_deadline,
    save_settings,
)
from commune_desk.views.forms.ui_consolidation_page import Ui_ConsolidationPage
from commune_desk.views.kernel import QueryOp


class DocumentFields(QObject):
    """Fills the fields from the remembered settings; says what they hold now."""

    loaded = Signal()  # the remembered settings are in the fields (at once without a file)

    def __init__(
        self,
        ui: Ui_ConsolidationPage,
        file: Path | None,
        parent: QObject,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._ui = ui
        self._file = file
        self._settings = DocumentSettings()  # the remembered ones, kept for the parts not shown
        self._deadlines: dict[str, dt.date] = {}
        self._ready = file is None
        day = _qdate(today())
        ui.date_edit.setDate(day)
        ui.deadline_edit.setDate(day)
        ui.deadline_check.toggled.connect(ui.deadline_edit.setEnabled)
        ui.period_edit.editingFinished.connect(self._on_period_edited)
        ui.document_box.setEnabled(False)  # without a file; with one, until it is read
        if file is not None:
            QueryOp(
                parent=self,
                op=lambda _task: (load_settings(file), load_deadlines(file)),
                success=self._on_loaded,
            ).failure(self._on_load_failed).in_parallel().run_in_background()

    @property
    def ready(self) -> bool:
        return self._ready

    def settings(self) -> DocumentSettings | None:
        """What the fields say the document is (the remembered rest kept); None without a file."""
        if self._file is None:
            return None
        ui = self._ui
        return self._settings.but(
            parent_agency=ui.parent_agency_edit.text(),
            agency=ui.agency_edit.text(),
            number_prefix=ui.number_edit.text(),
            place=ui.place_edit.text(),
            signer_title=ui.signer_title_edit.text(),
            signer_name=ui.signer_name_edit.text(),
            recipients=ui.recipients_edit.toPlainText(),
        )

    def dated(self) -> dt.date:
        return self._ui.date_edit.date().toPython()

    def deadline(self) -> dt.date | None:
        ui = self._ui
        return ui.deadline_edit.date().toPython() if ui.deadline_check.isChecked() else None

    def deadlines(self) -> dict[str, dt.date]:
        return dict(self._deadlines)

    def remember(self) -> Callable[[str, dt.date | None], None]:
        """What to run in the background after a consolidation of a period with a deadline:
        writes the settings as the fields hold them now, and the period's deadline."""
        file, settings = self._file, self.settings()

        def write(period_key: str, deadline: dt.date | None) -> None:
            if file is None or settings is None:
                return
            save_settings(file, settings)
            if deadline is not None:
                remember_deadline(file, period_key, deadline)

        return write

    def remembered(self, period_key: str, deadline: dt.date | None) -> None:
        """On the UI thread after the write: what the fields hold is what is remembered."""
        settings = self.settings()
        if settings is not None:
            self._settings = settings
        if deadline is not None:
            self._deadlines[period_key] = deadline

    # -- loading ----------------------------------------------------------------------------
    def _on_loaded(self, found: tuple[DocumentSettings, dict[str, dt.date]]) -> None:
        settings, deadlines = found
        self._settings, self._deadlines = settings, deadlines
        ui = self._ui
        ui.parent_agency_edit.setText(settings.parent_agency)
        ui.agency_edit.setText(settings.agency)
        ui.number_edit.setText(settings.number_prefix)
        ui.place_edit.setText(settings.place)
        ui.signer_title_edit.setText(settings.signer_title)
        ui.signer_name_edit.setText(settings.signer_name)
        ui.recipients_edit.setPlainText(settings.recipients.replace(";", "\n"))
        self._on_period_edited()
        self._opened()

    def _on_load_failed(self, _error: Exception) -> None:
        self._opened()  # nothing remembered can be read: the fields start empty

    def _opened(self) -> None:
        self._ready = True
        self._ui.document_box.setEnabled(True)
        self.loaded.emit()

    def _on_period_edited(self) -> None:
        """A period whose deadline is remembered brings it back."""
        try:
            key = Period.parse_text(self._ui.period_edit.text().strip()).key
        except PeriodError:
            return
        deadline = self._deadlines.get(key)
        if deadline is not None:
            self._ui.deadline_edit.setDate(_qdate(deadline))
            self._ui.deadline_check.setChecked(True)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
