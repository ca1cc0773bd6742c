"""What every use case needs: sessions, the catalogue, who acts, and the clock."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace

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
    # The code of the commune every use case works for; None: the only commune of the
    # database (a database of several refuses a use case that needs one).
    commune: str | None = None

    def __post_init__(self) -> None:
        if self.reads is None:
            self.reads = self.sessions
        if self.commune is not None:
            self.sessions = scoped(self.sessions, self.commune)
            self.reads = scoped(self.reads, self.commune)

    def for_commune(self, code: str) -> ServiceContext:
        """The same context working for another commune of the database."""
        return replace(self, commune=code)

    def read_session(self) -> AbstractContextManager[Session]:
        """A transaction for a use case that only reads (never waits for a writer)."""
        assert self.reads is not None
        return self.reads.begin()

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()


def scoped(sessions: sessionmaker[Session], code: str) -> sessionmaker[Session]:
    """Sessions like `sessions` (the same guard and events) working for commune `code`."""
    from commune_desk.data.repositories.commune import COMMUNE_CODE  # not before the log-in

    info = {**(sessions.kw.get("info") or {}), COMMUNE_CODE: code}
    return sessionmaker(class_=sessions.class_, **{**sessions.kw, "info": info})
