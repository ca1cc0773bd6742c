"""One injectable service for every modal question, returning plain values.

Views ask `self._dialogs.confirm(...)`; tests pass a fake with the same methods, so no modal
window ever opens under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class Dialogs(Protocol):
    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool: ...
    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def warn(self, parent: QWidget | None, title: str, text: str) -> None: ...
    def choose_open_path(self, parent: QWidget | None, title: str, filters: str) -> Path | None: ...
    def choose_open_paths(self, parent: QWidget | None, title: str, filters: str) -> list[Path]: ...
    def choose_save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None: ...
    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None: ...
    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None: ...


class QtDialogs:
    """The real dialogs (Qt's own, so they follow the system and the translation)."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def choose_open_path(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    def choose_open_paths(self, parent: QWidget | None, title: str, filters: str) -> list[Path]:
        """The files chosen together (Ctrl or Shift click); [] when the user cancels."""
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(name) for name in names]

    def choose_save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        """A line of text typed by the user; None when they cancel."""
        answer, accepted = QInputDialog.getText(parent, title, label, text=text)
        return answer if accepted else None


def choose_workbook_path(
    dialogs: Dialogs, parent: QWidget | None, title: str, suggested: str
) -> Path | None:
    """Where to save an Excel workbook, ".xlsx" added when the name lacks it; None: cancelled."""
    from commune_desk.services.documents import xlsx_path  # not needed to show the login

    filters = QCoreApplication.translate("Dialogs", "Bảng tính Excel (*.xlsx)")
    path = dialogs.choose_save_path(parent, title, suggested, filters)
    return None if path is None else xlsx_path(path)
