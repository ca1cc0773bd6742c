"""One injectable service for every modal question, returning plain values.

Views ask `self._dialogs.confirm(...)`; tests pass a fake with the same methods, so no modal
window ever opens under test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from commune_desk.views.widgets.app_settings import LAST_FOLDER, AppSettings


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
        self, parent: QWidget | None, title: str, label: str, text: str = "", required: bool = False
    ) -> str | None: ...


class TextDialog(QInputDialog):
    """A one-line question; with `required`, OK stays disabled while the answer is blank, so
    an empty answer is never given and the dialog never closes on one."""

    def __init__(self, parent: QWidget | None, required: bool) -> None:
        super().__init__(parent)
        self._required = required
        self.textValueChanged.connect(self._allow)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # Qt builds the buttons on the first show
        self._allow(self.textValue())

    def _allow(self, value: str) -> None:
        box = self.findChild(QDialogButtonBox)
        if self._required and box is not None:
            box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(value.strip()))


def text_dialog(
    parent: QWidget | None, title: str, label: str, text: str = "", required: bool = False
) -> QInputDialog:
    """The dialog `ask_text` shows (built apart so a test can answer it)."""
    dialog = TextDialog(parent, required)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    return dialog


class QtDialogs:
    """The real dialogs (Qt's own, so they follow the system and the translation).

    File dialogs open where the last one was left (kept in the settings when given), so a
    clerk who imports and exports from one folder never looks for it twice."""

    def __init__(self, settings: AppSettings | None = None) -> None:
        self._settings = settings
        self._folder = settings.get(LAST_FOLDER) if settings is not None else ""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def choose_open_path(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, self.start(), filters)
        return self.remember(Path(name)) if name else None

    def choose_open_paths(self, parent: QWidget | None, title: str, filters: str) -> list[Path]:
        """The files chosen together (Ctrl or Shift click); [] when the user cancels."""
        names, _ = QFileDialog.getOpenFileNames(parent, title, self.start(), filters)
        if names:
            self.remember(Path(names[0]))
        return [Path(name) for name in names]

    def choose_save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, self.start(suggested), filters)
        return self.remember(Path(name)) if name else None

    def choose_folder(self, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, self.start())
        if not name:
            return None
        self.remember(Path(name) / "_")  # the folder itself is where the next dialog opens
        return Path(name)

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = "", required: bool = False
    ) -> str | None:
        """A line of text typed by the user; None when they cancel."""
        dialog = text_dialog(parent, title, label, text, required)
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        answer = dialog.textValue()
        dialog.deleteLater()
        return answer if accepted else None

    # -- the folder of the last file dialog ----------------------------------------------
    def start(self, suggested: str = "") -> str:
        """Where a file dialog opens: the suggested name inside the last folder used."""
        if not self._folder or (suggested and Path(suggested).is_absolute()):
            return suggested
        return str(Path(self._folder) / suggested) if suggested else self._folder

    def remember(self, path: Path) -> Path:
        self._folder = str(path.parent)
        if self._settings is not None:
            self._settings.set(LAST_FOLDER, self._folder)
        return path


def choose_workbook_path(
    dialogs: Dialogs, parent: QWidget | None, title: str, suggested: str
) -> Path | None:
    """Where to save an Excel workbook, ".xlsx" added when the name lacks it; None: cancelled."""
    from commune_desk.services.documents import xlsx_path  # not needed to show the login

    filters = QCoreApplication.translate("Dialogs", "Bảng tính Excel (*.xlsx)")
    path = dialogs.choose_save_path(parent, title, suggested, filters)
    return None if path is None else xlsx_path(path)
