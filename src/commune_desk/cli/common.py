"""What every command module shares: exit status, refusal, the way commands are declared and
the database a command opens (`--db`, else the user's data folder)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from commune_desk import paths

if TYPE_CHECKING:
    from commune_desk.services.setup import OpenDatabase

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class Refused(Exception):
    """A command that ran but refused its input; the message goes to stderr, exit 1."""


class UsageError(Exception):
    """A command given wrongly (such as no `--commune` where one is needed); exit 2."""


class AddCommand(Protocol):
    """Declares one sub-command run by `handler`; with `database` it takes `--db`."""

    def __call__(
        self,
        name: str,
        help_text: str,
        handler: Handler,
        *,
        description: str | None = None,
        database: bool = True,
    ) -> argparse.ArgumentParser: ...


def database(args: argparse.Namespace) -> str:
    """The database file or URL the command works on."""
    return args.db or paths.default_database()


def shown(db: str) -> str:
    """A database as it may be printed: a server URL without its password."""
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url

    return make_url(db).render_as_string(hide_password=True)


def open_database(args: argparse.Namespace, choose: bool = True) -> OpenDatabase:
    """Open (migrating and checking it) the command's database as the system actor.

    With `choose`, the command works for one commune: `--commune CODE`, needed when the
    database holds several (UsageError, listing them, otherwise or for an unknown code).
    """
    from commune_desk.services.context import system_actor
    from commune_desk.services.setup import open_database as open_db

    db = open_db(database(args), paths.catalogue_file(), system_actor(), paths.backups_dir())
    if choose:
        try:
            choose_commune(db, getattr(args, "commune", None))
        except UsageError:
            db.close()
            raise
    return db


def choose_commune(db: OpenDatabase, code: str | None) -> None:
    """Point the opened database's context at commune `code` (UsageError when it is not
    there, or when none is given and the database holds several)."""
    from commune_desk.services.commune import CommuneService

    communes = CommuneService(db.context).communes()
    listed = "\n".join(f"  {c}  {name}" for c, name in communes)
    if code is not None:
        if code not in {c for c, _ in communes}:
            raise UsageError(f"Cơ sở dữ liệu không có xã mã «{code}». Các xã có:\n{listed}")
        db.context = db.context.for_commune(code)
    elif len(communes) > 1:
        raise UsageError(
            f"Cơ sở dữ liệu có {len(communes)} xã: hãy chọn một xã bằng --commune MÃ.\n{listed}"
        )
