"""Preferences and window state behind a typed facade over QSettings (INI file).

Each key is declared once with its type and default. Business data never goes here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


class Key(Generic[T]):
    def __init__(self, name: str, default: T) -> None:
        self.name, self.default = name, default


LANGUAGE = Key("ui/language", "vi")  # the PC's: the log-in, and accounts that chose none
LAST_SECTION = Key("ui/last_section", "overview")
WINDOW_GEOMETRY = Key("ui/window_geometry", QByteArray())
WINDOW_STATE = Key("ui/window_state", QByteArray())
SPLITTER_STATE = Key("ui/splitter_state", QByteArray())
LAST_DATABASE = Key("data/last_database", "")
# The server chosen with «Kết nối máy chủ…» (postgresql://user@host:port/db), used at the next
# start; never its password (that one lives in the operating system's keyring, if anywhere).
LAST_SERVER = Key("data/last_server", "")
REPORT_TEMPLATE = Key("reports/template", "")  # a province's own form; "": the standard one
LAST_FOLDER = Key("ui/last_folder", "")  # where the last file dialog was left


def account_language(username: str) -> Key[str]:
    """The language an account chose for itself ("" while it chose none)."""
    return Key(f"accounts/{username.casefold()}/language", "")


def language_of(settings: AppSettings, username: str) -> str:
    """The language of an account's window: its own choice, else the PC's."""
    return settings.get(account_language(username)) or settings.get(LANGUAGE)


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CommuneDesk", "commune-desk"
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: Key[T]) -> T:
        value = self._qs.value(key.name, key.default)
        if isinstance(key.default, bool):
            return (value in (True, "true", "1", 1)) if value is not None else key.default  # type: ignore[return-value]
        if isinstance(key.default, str):
            return str(value) if value is not None else key.default  # type: ignore[return-value]
        if isinstance(key.default, QByteArray):
            return value if isinstance(value, QByteArray) else key.default  # type: ignore[return-value]
        return value  # type: ignore[no-any-return]

    def set(self, key: Key[T], value: T) -> None:
        self._qs.setValue(key.name, value)

    def sync(self) -> None:
        self._qs.sync()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()
