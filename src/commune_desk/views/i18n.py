"""Loading the program's translations (source texts are Vietnamese; English is a translation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def install_translators(app: QCoreApplication, folder: Path, language: str) -> list[QTranslator]:
    """Install the program's and Qt's own translators for `language` ("vi" or "en")."""
    installed: list[QTranslator] = []
    QLocale.setDefault(
        QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [
        (f"commune_desk_{language}", str(folder)),
        (f"qtbase_{language}", qt_dir),
        (f"qtbase_{language}", str(folder)),
    ]
    for name, where in candidates:
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
