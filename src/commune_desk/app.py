"""The GUI composition root: paths, logging, translations, database, services, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from commune_desk import paths
from commune_desk.logs import configure_logging, log_file

log = logging.getLogger(__name__)


def _args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="commune-desk gui")
    parser.add_argument("--db")
    parser.add_argument("--demo", action="store_true")
    return parser.parse_args(list(argv))


def _database(args: argparse.Namespace, last_server: str = "") -> str:
    if args.db:
        return args.db
    if args.demo:
        return str(paths.demo_database())
    if last_server and not os.environ.get("COMMUNE_DESK_DB"):
        return last_server  # chosen with «Kết nối máy chủ…»; its password from the keyring
    return paths.default_database()


def _first_start(db, dialogs) -> object | None:
    """The set-up wizard of a database without a commune; returns the database to use.

    The wizard runs the work below as a kernel write operation while it stays open."""
    from commune_desk.views.shell.setup_wizard import SetupWizard

    wizard = SetupWizard(lambda choice, values: _set_up(db, choice, values))
    if wizard.exec() == CONNECT_SERVER:
        return CONNECT_SERVER
    if wizard.choice is None:
        return None
    used, warning = wizard.outcome if wizard.outcome is not None else (db, "")
    if warning:  # the commune is there; the supervisor is asked again before the login
        dialogs.warn(None, "Commune Desk", warning)
    return used


CONNECT_SERVER = (
    3  # views.shell.login_dialog's (not imported here before Qt): «Kết nối máy chủ…» chosen
)


def _set_up(db, choice, values):
    """Off the UI thread: create the commune and its supervisor, or open the demo data.

    Returns an Outcome of (the database to use, a warning) and what changed."""
    from commune_desk.demo import build_demo
    from commune_desk.services.accounts import AccountService
    from commune_desk.services.commune import CommuneService
    from commune_desk.services.context import system_actor
    from commune_desk.services.errors import ServiceError
    from commune_desk.services.setup import open_database
    from commune_desk.views.kernel import Changes, Kind, Outcome
    from commune_desk.views.shell.setup_wizard import SetupChoice

    changes = Changes.of(Kind.PROFILE, Kind.ACCOUNTS)
    if choice is SetupChoice.DEMO:
        db.close()
        demo = open_database(
            paths.demo_database(), paths.catalogue_file(), system_actor(), paths.backups_dir()
        )
        if not CommuneService(demo.context).exists():
            build_demo(demo.context)
        return Outcome((demo, ""), Changes.everything())
    CommuneService(db.context).init(values.code, values.name, values.province, values.cutoff_mode)
    warning = ""
    if values.supervisor is not None:
        supervisor = values.supervisor
        try:
            AccountService(db.context).create_first_supervisor(
                supervisor.username, supervisor.full_name, supervisor.password
            )
        except ServiceError as exc:  # asked again before the login
            warning = str(exc)
    return Outcome((db, warning), changes)


def _ensure_supervisor(db) -> bool:
    """A database without an active supervisor (made by `init`) asks for one; False: cancel.

    The form creates the account in a kernel write operation."""
    from commune_desk.services.accounts import AccountService
    from commune_desk.views.accounts.dialog import AccountDialog, AccountForm, run_form

    service = AccountService(db.context)  # the opening found no active supervisor

    def submit(value) -> None:  # an AccountInput
        service.create_first_supervisor(value.username, value.full_name, value.password)

    return run_form(AccountDialog(AccountForm.FIRST_SUPERVISOR, submit)) is not None


NEEDS_ATTENTION = 2  # the login's result when the database needs a set-up, a supervisor, a repair
CLOSING_WAIT_S = 60.0  # how long closing the program waits for the work still running


@dataclass
class Opened:
    """What opening the database (in the background, while the login shows) found."""

    db: object | None = None  # the Database, once open
    error: Exception | None = None  # why it could not be opened
    exists: bool = False  # a commune is set up in it
    has_supervisor: bool = False
    title: str = ""  # the commune's name and province, for the login
    profile: object | None = None  # the CommuneProfile, for the window's header
    # How many communes the database holds when more than one (a province's): the account
    # tells which one the window works for; 0: one commune, read at opening as before.
    shared: int = 0

    @property
    def needs_attention(self) -> bool:
        from commune_desk.services.backups import DatabaseDamaged

        if isinstance(self.error, DatabaseDamaged):
            return True
        # A database of several communes gets its accounts from `users add --commune`.
        return self.db is not None and not (self.exists and (self.has_supervisor or self.shared))


def open_for_login(location: str, demo: bool) -> Opened:
    """Open, migrate and check the database; runs off the UI thread while the user types."""
    from commune_desk.services.backups import DatabaseDamaged
    from commune_desk.services.context import system_actor
    from commune_desk.services.server_login import shown, with_kept_password
    from commune_desk.services.setup import open_database

    try:
        db = open_database(
            with_kept_password(location),  # a server's password, kept in the keyring
            paths.catalogue_file(),
            system_actor(),
            paths.backups_dir(),
        )
    except DatabaseDamaged as damaged:  # never start on a damaged file: the user chooses
        return Opened(error=damaged)
    except Exception as exc:  # shown in the login dialog, with the log file named
        log.exception("Could not open %s", shown(location))
        return Opened(error=exc)
    return _checked_safely(db, demo, location)


def _checked_safely(db, demo: bool, location: str = "") -> Opened:
    try:
        return _checked(db, demo)
    except Exception as exc:
        log.exception("Could not check %s", location)
        db.close()
        return Opened(error=exc)


def _checked(db, demo: bool) -> Opened:
    from commune_desk.services.accounts import AccountService
    from commune_desk.services.commune import CommuneService

    communes = CommuneService(db.context)
    if demo and not communes.exists():
        from commune_desk.demo import build_demo

        build_demo(db.context)
    if not communes.exists():
        return Opened(db)
    has_supervisor = AccountService(db.context).has_active_supervisor()
    listed = communes.communes()
    if len(listed) > 1:  # no "the" commune: each account's is read once it logs in
        return Opened(db, None, True, has_supervisor, shared=len(listed))
    profile = communes.profile()
    title = f"{profile.name} — {profile.province}"
    return Opened(db, None, True, has_supervisor, title, profile)


def run(argv: Sequence[str] | None = None) -> int:
    """Start the window; returns the process exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["selftest"]:  # the bundle's entry is main.py, not the command line
        from commune_desk.selftest import run_selftest

        return run_selftest()
    args = _args(argv)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from commune_desk.views.widgets.app_settings import LANGUAGE, AppSettings
    from commune_desk.views.widgets.dialogs import QtDialogs
    from commune_desk.views.widgets.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Commune Desk")
    app.setOrganizationName("CommuneDesk")
    app.setWindowIcon(QIcon(str(paths.icon_file())))
    settings = AppSettings()
    translations = Translations(app, paths.translations_dir())
    translations.switch(settings.get(LANGUAGE))
    dialogs = QtDialogs(settings)

    def start_up() -> None:  # once the login is on screen: it needs none of this to paint
        from commune_desk.views.widgets.errors import install_excepthook

        configure_logging()
        install_excepthook(dialogs, log_file())

    from commune_desk.views.widgets.app_settings import LAST_SERVER

    location = _database(args, settings.get(LAST_SERVER))
    session = Session(location, args.demo, settings, dialogs, translations.switch)
    session.on_shown = start_up
    try:
        return session.run(app)
    finally:
        session.close()


class Session:
    """Log-in (the database opening meanwhile), window, log-out; after a restore, a new log-in."""

    def __init__(
        self, location: str, demo: bool, settings, dialogs, switch_language: Callable[[str], object]
    ) -> None:
        self.location, self.demo = location, demo
        self._settings, self._dialogs, self._switch_language = settings, dialogs, switch_language
        self.opened: Opened | None = None
        self._opening = False
        self._login = None  # the LoginDialog showing, if any
        self._commune_login = None  # a CommuneLogin, on a database of several communes
        # Set-up the login does not need to paint (logging, the error hook): run once it shows.
        self.on_shown: Callable[[], object] | None = None

    @property
    def db(self):
        return self.opened.db if self.opened is not None else None

    def close(self) -> None:
        """Close the database once the work still running on it (the log-out) has ended."""
        if self.db is not None:
            from commune_desk.views.kernel import kernel

            if not kernel().wait_idle(CLOSING_WAIT_S):
                log.warning("Closing %s with work still running", self.location)
            self.db.close()

    def run(self, app) -> int:
        from commune_desk.views.shell.login_dialog import LoginDialog

        status = 0
        while True:
            if self.opened is not None and self.opened.needs_attention:
                if not self._attend():
                    return 1 if self.opened is not None and self.opened.error else 0
                continue
            dialog = LoginDialog()
            self._login = dialog
            if self.opened is not None:
                self.offer(dialog)
            elif not self._opening:  # once the login is on screen, open behind it
                dialog.first_painted.connect(self._open)
            accepted = dialog.exec()
            self._login = None
            dialog.deleteLater()
            if dialog.result() == NEEDS_ATTENTION:
                continue  # the database needs a set-up, a supervisor or a repair first
            if dialog.result() == CONNECT_SERVER:
                self._choose_server()
                continue
            if not accepted or dialog.account is None:
                return 1 if self.opened is not None and self.opened.error else status
            ctx = self.logged_in(dialog.account)
            status, ended = self._window(app, ctx)
            if ended == "restored":  # the restored file's accounts may differ: log in again
                self._reopen()
            elif ended != "logged_out":
                return status

    def logged_in(self, account):
        """The context of the window: on a database of several communes, scoped to the
        account's commune, whose profile the log-in has read (off the UI thread)."""
        if self._commune_login is None:
            return replace(self.db.context, actor=account.actor())
        found = self._commune_login.logged_in(account.username)
        self.opened.profile = found.profile
        return replace(found.ctx, actor=account.actor())  # a province account's: read only

    # -- opening ---------------------------------------------------------------------------
    def _open(self) -> None:
        """Open the database in the background; the login shows meanwhile."""
        from commune_desk.views.kernel import QueryOp

        if self.on_shown is not None:
            start_up, self.on_shown = self.on_shown, None
            start_up()
        if self._opening:
            return
        self.opened, self._opening = None, True
        location, demo = self.location, self.demo
        QueryOp(
            parent=None,
            op=lambda _task: open_for_login(location, demo),
            success=lambda opened: self._on_opened(opened, location),
        ).run_in_background()

    def _on_opened(self, opened: Opened, location: str | None = None) -> None:
        if location is not None and location != self.location:  # a server chosen meanwhile
            if opened.db is not None:
                opened.db.close()
            return
        self.opened, self._opening = opened, False
        if self._login is not None:
            self.offer(self._login)

    def offer(self, dialog) -> None:
        """Let the login go through, or say why not, or leave it for a set-up or a repair."""
        from PySide6.QtCore import QCoreApplication

        from commune_desk.services.accounts import AccountService
        from commune_desk.views.widgets.i18n import fill

        opened = self.opened
        assert opened is not None
        if opened.needs_attention:
            dialog.done(NEEDS_ATTENTION)
        elif opened.error is not None:
            text = QCoreApplication.translate(
                "App", "Không mở được cơ sở dữ liệu %1:\n%2\n\nChi tiết trong tệp nhật ký: %3"
            )
            from commune_desk.services.server_login import shown

            dialog.show_problem(fill(text, shown(self.location), opened.error, log_file()))
        elif opened.shared:  # the account tells the commune: read after the log-in
            from commune_desk.views.shell.commune_login import CommuneLogin

            self._commune_login = CommuneLogin(opened.db.context)
            text = QCoreApplication.translate("App", "Cơ sở dữ liệu của %1 xã")  # always ≥ 2
            dialog.set_ready(self._commune_login, fill(text, opened.shared))
        elif opened.profile is None:  # after a log-out: the commune is read again, meanwhile
            self._read_profile(dialog)
        else:
            self._commune_login = None
            dialog.set_ready(AccountService(opened.db.context), opened.title)

    def _read_profile(self, dialog) -> None:
        """Read the commune's profile (it may have changed in the window) off the UI thread;
        the login goes through once it is there."""
        from commune_desk.services.commune import CommuneService
        from commune_desk.views.kernel import QueryOp

        opened = self.opened
        assert opened is not None
        communes = CommuneService(opened.db.context)

        def read(profile) -> None:
            opened.profile = profile
            opened.title = f"{profile.name} — {profile.province}"
            self.offer(dialog)

        def failed(exc: Exception) -> None:
            opened.error = exc
            self.offer(dialog)

        QueryOp(parent=dialog, op=lambda _task: communes.profile(), success=read).failure(
            failed
        ).key("profile").run_in_background()

    def _attend(self) -> bool:
        """A damaged file, a database without a commune or without a supervisor; False: quit."""
        from commune_desk.services.backups import DatabaseDamaged

        opened = self.opened
        assert opened is not None
        if isinstance(opened.error, DatabaseDamaged):
            from commune_desk.views.shell.startup_check import recover_damaged

            if not recover_damaged(self._dialogs, opened.error, paths.backups_dir()):
                return False
            self._open()
            return True
        db = opened.db
        if not opened.exists:
            db = _first_start(db, self._dialogs)
            if db == CONNECT_SERVER:
                return self._choose_server()
            if db is None:
                self.opened = Opened()
                return False
        elif not _ensure_supervisor(db):
            return False
        self._check(db)
        return True

    def _choose_server(self) -> bool:
        """«Kết nối máy chủ…» (views/shell/server_dialog.py); on success the server's database
        opens behind the next log-in, and the next start uses it too."""
        from commune_desk.views.shell.server_dialog import choose_server

        location = choose_server(self._settings, self.location)
        if location is not None:
            old = self.db
            self.location, self.demo, self.opened, self._opening = location, False, None, False
            if old is not None:
                old.close()
        return True

    def _check(self, db) -> None:
        """Check the set-up database again in the background; the login shows meanwhile."""
        from commune_desk.views.kernel import QueryOp

        self.opened, self._opening = None, True
        location = self.location
        QueryOp(
            parent=None,
            op=lambda _task: _checked_safely(db, False, location),
            success=self._on_opened,
        ).run_in_background()

    def _window(self, app, ctx) -> tuple[int, str]:
        """The window of one log-in; how it ended: 'closed', 'logged_out' or 'restored'."""
        restored = False

        def on_restored() -> None:
            nonlocal restored
            restored = True
            window.close()  # ends app.exec()

        from commune_desk.views.widgets.app_settings import LANGUAGE, language_of

        self._switch_language(language_of(self._settings, ctx.actor.username))  # its own
        opened = self.opened
        profile, opened.profile = opened.profile, None  # read at opening; later windows read anew
        window = self.main_window(ctx, profile, on_restored)
        window.show()
        status = app.exec()
        window.deleteLater()
        self._switch_language(self._settings.get(LANGUAGE))  # the log-in speaks the PC's
        if restored:
            return status, "restored"
        self.log_out(ctx)
        return status, "logged_out" if window.logged_out else "closed"

    def main_window(self, ctx, profile, on_restored):
        """The commune's main window, or a province account's province view (read only)."""
        from commune_desk.services.permissions import PROVINCE

        if ctx.actor.role == PROVINCE:
            from commune_desk.views.shell.province_window import open_province_window

            return open_province_window(ctx, self._settings, self._dialogs)
        from commune_desk.views.shell.compose import build_main_window

        return build_main_window(
            ctx, profile, self._settings, self._dialogs, self._switch_language, on_restored
        )

    def log_out(self, ctx) -> None:
        """Record the log-out off the UI thread. The kernel's database thread takes it before
        whatever the next login asks; `close()` waits for it before closing the database."""
        from commune_desk.services.accounts import AccountService
        from commune_desk.views.kernel import Changes, Kind, WriteOp

        accounts = AccountService(ctx)

        def log_out(_task) -> Changes:
            accounts.logout()
            return Changes.of(Kind.AUDIT)

        WriteOp(parent=None, op=log_out).run_in_background()  # a failure is shown to the user

    def _reopen(self) -> None:
        """The file was replaced: open it again (migrating an older backup) for the next log-in."""
        old = self.db
        self.location = old.engine.url.render_as_string(hide_password=False)
        old.close()
        self.opened = None
        self._open()
