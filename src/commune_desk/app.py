"""The GUI composition root: paths, logging, translations, database, services, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace

from commune_desk import paths
from commune_desk.logs import configure_logging, log_file

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


def _first_start(db, dialogs) -> object | None:
    """The set-up wizard of a database without a commune; returns the database to use."""
    from commune_desk.services.accounts import AccountService
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import system_actor
    from commune_desk.services.demo import build_demo
    from commune_desk.services.errors import ServiceError
    from commune_desk.services.setup import open_database
    from commune_desk.views.shell.setup_wizard import SetupChoice, SetupWizard

    while True:
        wizard = SetupWizard()
        if not wizard.exec() or wizard.choice is None:
            return None
        if wizard.choice is SetupChoice.DEMO:
            db.close()
            demo = open_database(
                paths.demo_database(), paths.catalogue_file(), system_actor(), paths.backups_dir()
            )
            if not CommuneService(demo.context).exists():
                build_demo(demo.context)
            return demo
        values = wizard.values()
        try:
            CommuneService(db.context).init(
                values.code, values.name, values.province, values.cutoff_mode
            )
        except ServiceError as exc:
            dialogs.warn(None, "Commune Desk", str(exc))
            continue
        if values.supervisor is not None:
            supervisor = values.supervisor
            try:
                AccountService(db.context).create_first_supervisor(
                    supervisor.username, supervisor.full_name, supervisor.password
                )
            except ServiceError as exc:  # asked again before the login
                dialogs.warn(None, "Commune Desk", str(exc))
        return db


def _ensure_supervisor(db) -> bool:
    """A database without an active supervisor (made by `init`) asks for one; False: cancel."""
    from commune_desk.services.accounts import AccountService
    from commune_desk.views.accounts.dialog import AccountDialog, AccountForm, run_form

    service = AccountService(db.context)
    if service.has_active_supervisor():
        return True

    def submit(value) -> None:  # an AccountInput
        service.create_first_supervisor(value.username, value.full_name, value.password)

    return run_form(AccountDialog(AccountForm.FIRST_SUPERVISOR, submit)) is not None


def _login(db):  # the Account that logged in, or None when the user quits
    from commune_desk.services.accounts import AccountService
    from commune_desk.services.commune import CommuneService
    from commune_desk.views.shell.login_dialog import LoginDialog

    profile = CommuneService(db.context).profile()
    dialog = LoginDialog(AccountService(db.context), f"{profile.name} — {profile.province}")
    try:
        return dialog.account if dialog.exec() else None
    finally:
        dialog.deleteLater()


def run(argv: Sequence[str] | None = None) -> int:
    """Start the window; returns the process exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["selftest"]:  # the bundle's entry is main.py, not the command line
        from commune_desk.selftest import run_selftest

        return run_selftest()
    args = _args(argv)
    configure_logging()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from commune_desk.services.backups import DatabaseDamaged
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import system_actor
    from commune_desk.services.setup import open_database
    from commune_desk.views.shell.startup_check import recover_damaged
    from commune_desk.views.widgets.app_settings import LANGUAGE, AppSettings
    from commune_desk.views.widgets.dialogs import QtDialogs
    from commune_desk.views.widgets.errors import install_excepthook
    from commune_desk.views.widgets.i18n import Translations, fill

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Commune Desk")
    app.setOrganizationName("CommuneDesk")
    app.setWindowIcon(QIcon(str(paths.icon_file())))
    settings = AppSettings()
    translations = Translations(app, paths.translations_dir())
    translations.switch(settings.get(LANGUAGE))
    dialogs = QtDialogs()
    install_excepthook(dialogs, log_file())
    db_location = _database(args)
    try:
        try:
            db = open_database(
                db_location, paths.catalogue_file(), system_actor(), paths.backups_dir()
            )
        except DatabaseDamaged as damaged:  # never start on a damaged file
            if not recover_damaged(dialogs, damaged, paths.backups_dir()):
                return 1
            db = open_database(
                db_location, paths.catalogue_file(), system_actor(), paths.backups_dir()
            )
        if args.demo and not CommuneService(db.context).exists():
            from commune_desk.services.demo import build_demo

            build_demo(db.context)
    except Exception as exc:  # shown to the user, with the log file named
        log.exception("Could not open %s", db_location)
        text = QCoreApplication.translate(
            "App", "Không mở được cơ sở dữ liệu %1:\n%2\n\nChi tiết trong tệp nhật ký: %3"
        )
        dialogs.warn(None, "Commune Desk", fill(text, db_location, exc, log_file()))
        return 1
    if not CommuneService(db.context).exists():
        db = _first_start(db, dialogs)
        if db is None:
            return 0
    session = _Session(db, settings, dialogs, translations.switch)
    try:
        return session.run(app)
    finally:
        session.db.close()


class _Session:
    """Log-in, window, log-out; after a restore in Cài đặt, the restored file and a new log-in."""

    def __init__(self, db, settings, dialogs, switch_language: Callable[[str], object]) -> None:
        self.db = db
        self._settings, self._dialogs, self._switch_language = settings, dialogs, switch_language

    def run(self, app) -> int:
        status = 0
        while _ensure_supervisor(self.db):
            account = _login(self.db)
            if account is None:
                break
            status, ended = self._window(app, replace(self.db.context, actor=account.actor()))
            if ended == "restored":  # the restored file's accounts may differ: log in again
                self._reopen()
            elif ended != "logged_out":
                break
        return status

    def _window(self, app, ctx) -> tuple[int, str]:
        """The window of one log-in; how it ended: 'closed', 'logged_out' or 'restored'."""
        from commune_desk.services.accounts import AccountService

        restored = False

        def on_restored() -> None:
            nonlocal restored
            restored = True
            window.close()  # ends app.exec()

        from commune_desk.views.shell.compose import build_main_window

        window = build_main_window(
            ctx, self._settings, self._dialogs, self._switch_language, on_restored
        )
        window.show()
        status = app.exec()
        window.deleteLater()
        if restored:
            return status, "restored"
        AccountService(ctx).logout()
        return status, "logged_out" if window.logged_out else "closed"

    def _reopen(self) -> None:
        """The file was replaced: open it again (migrating an older backup) for the next log-in."""
        from commune_desk.services.setup import open_database

        old = self.db
        location = old.engine.url.render_as_string(hide_password=False)
        old.close()
        self.db = open_database(
            location, paths.catalogue_file(), old.context.actor, paths.backups_dir()
        )
