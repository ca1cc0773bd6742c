"""The log-in on a database that holds several communes (one hosted for a province).

Opening such a database reads no commune (there is no "the" commune); the account tells
which commune the window works for. `CommuneLogin.login` runs where the login dialog runs
it, in a kernel operation off the UI thread: it checks the password, finds the account's
commune, scopes the context to it and reads that commune's profile, all before the main
window opens. A province account (no commune) is scoped to none: the window then opens the
province view (views/province), read only.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock

from commune_desk.services.accounts import Account, AccountService
from commune_desk.services.commune import CommuneProfile, CommuneService
from commune_desk.services.context import ServiceContext


@dataclass(frozen=True)
class LoggedIn:
    """Where a log-in works: its context (scoped to its commune) and that commune's profile."""

    ctx: ServiceContext
    profile: CommuneProfile | None  # None: a province account, reading every commune


class CommuneLogin:
    """What the login dialog asks of the accounts, for a database of several communes."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._found: dict[str, LoggedIn] = {}
        self._lock = Lock()  # written on the kernel's thread, read on the UI thread

    def login(self, username: str, password: str) -> Account:
        accounts = AccountService(self._ctx)
        account = accounts.login(username, password)
        code = accounts.commune_of(account.username)
        if code is None:  # a province account: every commune, read only
            found = LoggedIn(self._ctx, None)
        else:
            scoped = self._ctx.for_commune(code)
            found = LoggedIn(scoped, CommuneService(scoped).profile())
        with self._lock:
            self._found[account.username] = found
        return account

    def logged_in(self, username: str) -> LoggedIn:
        """Where the account that has just logged in works (once: the next log-in reads anew)."""
        with self._lock:
            return self._found.pop(username)
