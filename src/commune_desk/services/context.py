"""What every use case needs: sessions, the catalogue, who acts, and the clock."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from commune_desk.domain.catalogue import Catalogue


@dataclass(frozen=True)
class Actor:
    """Who acts: an account of the program, or the operating-system user at the command line."""

    username: str
    role: str = "system"  # clerk, officer, supervisor, or system (command line, set-up)
    full_name: str = ""


def system_actor() -> Actor:
    """The operating-system user, for changes made from the command line."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):
        name = "unknown"
    return Actor(username=f"os:{name}", role="system", full_name=name)


def local_now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass
class ServiceContext:
    sessions: sessionmaker[Session]  # for use cases that write
    catalogue: Catalogue
    actor: Actor
    clock: Callable[[], dt.datetime] = field(default=local_now)
    reads: sessionmaker[Session] | None = None  # for use cases that only read

    def __post_init__(self) -> None:
        if self.reads is None:
            self.reads = self.sessions

    def read_session(self) -> AbstractContextManager[Session]:
        """A transaction for a use case that only reads (never waits for a writer)."""
        assert self.reads is not None
        return self.reads.begin()

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()
