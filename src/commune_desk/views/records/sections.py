"""The record sections of the main window: one RecordPage per kind, in tabs when several.

`SECTION_KINDS` says which kinds each section of the main window shows; the shell builds a
section with `build_record_section` when the user first opens it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from commune_desk.domain.records import KINDS
from commune_desk.services.context import ServiceContext
from commune_desk.views.records.model import kind_text
from commune_desk.views.records.page import RecordPage
from commune_desk.views.widgets.dialogs import Dialogs

# Main-window section key -> the record kinds it shows, in tab order.
SECTION_KINDS: dict[str, tuple[str, ...]] = {
    "training": ("staff", "trainings", "participants"),
    "teams": ("teams", "members", "activities"),
    "classes": ("classes",),
    "villages": ("villages",),
}


class RecordSection(QWidget):
    """The pages of some record kinds; `refresh()` reads the visible one again."""

    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs,
        kinds: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not kinds:
            raise ValueError("a record section needs at least one kind")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._pages: dict[str, RecordPage] = {}
        self.tabs: QTabWidget | None = None
        if len(kinds) == 1:
            page = RecordPage(ctx, dialogs, kinds[0], self)
            self._pages[kinds[0]] = page
            layout.addWidget(page)
            return
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("record_tabs")
        self.tabs.setAccessibleName(self.tr("Các danh sách"))
        self.tabs.setDocumentMode(True)
        for kind in kinds:
            page = RecordPage(ctx, dialogs, kind, self.tabs)
            page.setObjectName(f"{kind}_page")
            self._pages[kind] = page
            self.tabs.addTab(page, kind_text(KINDS[kind].label))
        layout.addWidget(self.tabs)

    def changeEvent(self, event: QEvent) -> None:
        """The tabs' titles follow a switch of language at once."""
        if event.type() == QEvent.Type.LanguageChange and self.tabs is not None:
            self.tabs.setAccessibleName(self.tr("Các danh sách"))
            for index, kind in enumerate(self._pages):
                self.tabs.setTabText(index, kind_text(KINDS[kind].label))
        super().changeEvent(event)

    @property
    def pages(self) -> dict[str, RecordPage]:
        return dict(self._pages)

    def page(self, kind: str) -> RecordPage:
        return self._pages[kind]

    def current_page(self) -> RecordPage:
        if self.tabs is None:
            return next(iter(self._pages.values()))
        page = self.tabs.currentWidget()
        assert isinstance(page, RecordPage)
        return page

    def show_kind(self, kind: str) -> RecordPage:
        page = self._pages[kind]
        if self.tabs is not None:
            self.tabs.setCurrentWidget(page)
        return page

    def refresh(self) -> None:
        self.current_page().refresh()


def build_record_section(
    ctx: ServiceContext,
    dialogs: Dialogs,
    kinds: Sequence[str],
    parent: QWidget | None = None,
) -> QWidget:
    """A section's widget: the kinds' pages (tabs when several), with `refresh()`."""
    return RecordSection(ctx, dialogs, kinds, parent)
