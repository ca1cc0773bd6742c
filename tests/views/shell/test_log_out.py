"""The log-out is written off the UI thread; closing the program waits for it."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from commune_desk.app import Session, open_for_login
from commune_desk.services.accounts import AccountService
from commune_desk.services.context import Actor
from tests.support.accounts import trail
from tests.support.fakes import FakeDialogs


def test_the_log_out_is_recorded_off_the_ui_thread_and_closing_waits_for_it(
    qtbot, db_path, opened, settings, monkeypatch
):
    opened.close()
    found = open_for_login(str(db_path), demo=False)
    session = Session(str(db_path), False, settings, FakeDialogs(), lambda _language: None)
    session.opened = found
    ctx = replace(found.db.context, actor=Actor("lanhdao", "supervisor", "Lê Văn Lãnh"))
    events: list[str] = []
    threads: list[threading.Thread] = []
    logging_out = AccountService.logout

    def slow_log_out(self) -> None:
        threads.append(threading.current_thread())
        time.sleep(0.2)  # a slow disk: closing must not overtake it
        logging_out(self)
        events.append("logged out")

    closing = found.db.close

    def close() -> None:
        events.append("closed")
        closing()

    monkeypatch.setattr(AccountService, "logout", slow_log_out)
    monkeypatch.setattr(found.db, "close", close)
    session.log_out(ctx)
    session.close()
    assert events == ["logged out", "closed"]
    assert threads and threading.main_thread() not in threads
    again = open_for_login(str(db_path), demo=False)
    try:
        assert ("lanhdao", "logout") in [(r.actor, r.action) for r in trail(again.db.context)]
    finally:
        again.db.close()
