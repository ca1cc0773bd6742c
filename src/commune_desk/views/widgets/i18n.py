"""The program's languages: Vietnamese (the source texts) and English (a translation).

`Translations.switch()` replaces the installed translators; Qt then sends LanguageChange to
every widget, whose changeEvent re-applies its texts, so no restart is needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

LANGUAGES = ("vi", "en")


def ui_language() -> str:
    """The language the interface speaks now, for texts built from data (period labels)."""
    return "en" if QLocale().language() == QLocale.Language.English else "vi"


def relabel_periods(combo: QComboBox) -> None:
    """Re-label a combo of periods (item data: the period key) in the current language."""
    from commune_desk.domain.periods import Period  # not needed to paint the login

    language = ui_language()
    for index in range(combo.count()):
        key = combo.itemData(index)
        if key:  # separators carry no period
            combo.setItemText(index, Period.parse(key).label(language))


class Translations:
    def __init__(self, app: QCoreApplication, folder: Path) -> None:
        self._app = app
        self._folder = folder
        self._installed: list[QTranslator] = []
        self.language = "vi"

    def switch(self, language: str) -> list[str]:
        """Install `language`'s translators; returns the names of the files loaded."""
        if language not in LANGUAGES:
            language = "vi"
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        locale = QLocale(
            QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English,
            QLocale.Country.Vietnam if language == "vi" else QLocale.Country.UnitedKingdom,
        )
        QLocale.setDefault(locale)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt ships no Vietnamese catalogue of its own texts (buttons, context menus): ours
        # (qtbase_vi) is in the resources folder.
        candidates = [(f"qtbase_{language}", str(self._folder)), (f"qtbase_{language}", qt_dir)]
        if language != "vi":
            candidates.insert(0, (f"commune_desk_{language}", str(self._folder)))
        loaded = []
        seen = set()
        for name, where in candidates:
            if name in seen:
                continue
            translator = QTranslator(self._app)
            if translator.load(name, where):
                self._app.installTranslator(translator)
                self._installed.append(translator)
                loaded.append(name)
                seen.add(name)
        return loaded


def fill(text: str, *values: object) -> str:
    """Put `values` in the %1, %2… places of a translated text, in one pass (a value may
    itself hold "%1"); a place without a value stays as it is."""
    return re.sub(
        r"%(\d+)",
        lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0],
        text,
    )
