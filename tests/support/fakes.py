"""A fake of the dialog service: answers set in advance, questions recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from commune_desk.views.widgets.dialogs import Dialogs


@dataclass
class FakeDialogs:
    confirm_answer: bool = True
    open_path: Path | None = None
    open_paths: list[Path] = field(default_factory=list)  # what choose_open_paths returns
    save_path: Path | None = None
    folder: Path | None = None
    text_answer: str | None = None  # what ask_text returns (None: the user cancelled)
    asked: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)

    def confirm(self, parent, title: str, text: str) -> bool:
        self.asked.append(("confirm", title, text))
        return self.confirm_answer

    def inform(self, parent, title: str, text: str) -> None:
        self.asked.append(("inform", title, text))

    def warn(self, parent, title: str, text: str) -> None:
        self.asked.append(("warn", title, text))

    def choose_open_path(self, parent, title: str, filters: str) -> Path | None:
        self.asked.append(("open", title, filters))
        return self.open_path

    def choose_open_paths(self, parent, title: str, filters: str) -> list[Path]:
        self.asked.append(("open_many", title, filters))
        return list(self.open_paths)

    def choose_save_path(self, parent, title: str, suggested: str, filters: str):
        self.asked.append(("save", title, suggested))
        return self.save_path

    def choose_folder(self, parent, title: str) -> Path | None:
        self.asked.append(("folder", title, ""))
        return self.folder

    def ask_text(
        self, parent, title: str, label: str, text: str = "", required: bool = False
    ) -> str | None:
        self.asked.append(("ask_text", title, label))
        if required and self.text_answer is not None and not self.text_answer.strip():
            return None  # the real dialog cannot be confirmed blank: only cancelled
        return self.text_answer

    def texts(self, kind: str) -> list[str]:
        return [text for k, _, text in self.asked if k == kind]


def _conforms(d: Dialogs) -> Dialogs:
    return d


_conforms(FakeDialogs())  # a type checker sees the fake follows the protocol
