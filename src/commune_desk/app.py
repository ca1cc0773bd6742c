"""The GUI composition root: paths, logging, translations, database, services, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from commune_desk import paths
from commune_desk.logs import configure_logging

log = logging.getLogger(__name__)


def _args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="commune-desk gui")
    parser.add_argument("--db")
    parser.add_argument("--demo", action="store_true")
    return parser.parse_args(list(argv))


def _database(args: argparse.Namespace) -> str:
    if args.db:
        return args.db
    if args.demo:
        return str(paths.demo_database())
    return paths.default_database()


def build_main_window(ctx, settings, dialogs):
    """Compose the main window and its sections for an opened database."""
    from commune_desk.services.commune import CommuneService
    from commune_desk.views.main_window import SECTION_TITLES, MainWindow, Section, month_label
    from commune_desk.views.overview_page import OverviewPage
    from commune_desk.views.placeholder_page import PlaceholderPage

    profile = CommuneService(ctx).profile()

    def later() -> PlaceholderPage:
        return PlaceholderPage()

    factories = {
        "overview": lambda: OverviewPage(ctx, profile.cutoff_mode),
    }
    sections = [
        Section(key, title, factories.get(key, later)) for key, title in SECTION_TITLES.items()
    ]
    return MainWindow(profile, sections, settings, month_label(profile, ctx.today()))


def run(argv: Sequence[str] | None = None) -> int:
    """Start the window; returns the process exit status."""
    args = _args(sys.argv[1:] if argv is None else argv)
    configure_logging()
    from PySide6.QtWidgets import QApplication, QMessageBox

    from commune_desk.services.context import system_actor
    from commune_desk.services.setup import open_database
    from commune_desk.views.app_settings import LANGUAGE, AppSettings
    from commune_desk.views.dialogs import QtDialogs
    from commune_desk.views.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Commune Desk")
    app.setOrganizationName("CommuneDesk")
    settings = AppSettings()
    translations = Translations(app, paths.translations_dir())
    translations.switch(settings.get(LANGUAGE))
    db_location = _database(args)
    try:
        db = open_database(db_location, paths.catalogue_file(), system_actor(), paths.backups_dir())
        if args.demo and not _has_commune(db):
            from commune_desk.services.demo import build_demo

            build_demo(db.context)
    except Exception as exc:  # shown to the user, with the log file named
        log.exception("Could not open %s", db_location)
        QMessageBox.critical(None, "Commune Desk", f"Không mở được cơ sở dữ liệu:\n{exc}")
        return 1
    window = build_main_window(db.context, settings, QtDialogs())
    window.show()
    status = app.exec()
    db.close()
    return status


def _has_commune(db) -> bool:
    from commune_desk.services.commune import CommuneService

    return CommuneService(db.context).exists()
