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


def open_database(args: argparse.Namespace) -> OpenDatabase:
    """Open (migrating and checking it) the command's database as the system actor."""
    from commune_desk.services.context import system_actor
    from commune_desk.services.setup import open_database as open_db

    return open_db(database(args), paths.catalogue_file(), system_actor(), paths.backups_dir())
