"""The start-up check: a damaged database is never opened; the newest good backup is offered,
and restored off the UI thread once the user agrees."""

from __future__ import annotations

import threading

from commune_desk.services.backups import DatabaseDamaged, backup_now
from commune_desk.views.shell import startup_check
from commune_desk.views.shell.startup_check import recover_damaged
from tests.support.fakes import FakeDialogs
from tests.support.files import corrupt


def test_the_start_up_check_restores_the_good_backup_on_confirmation_off_the_ui_thread(
    qtbot, opened, db_path, tmp_path, monkeypatch
):
    good = backup_now(db_path, tmp_path / "backups")
    opened.close()
    corrupt(db_path)
    damaged = DatabaseDamaged(db_path, ["page 3 is never used"], good)
    declined = FakeDialogs(confirm_answer=False)
    assert not recover_damaged(declined, damaged, tmp_path / "backups")
    assert "bị hỏng" in declined.texts("confirm")[0] and str(good) in declined.texts("confirm")[0]
    assert not list(tmp_path.glob("commune.hong-*.sqlite3"))  # declined: nothing touched
    threads: list[threading.Thread] = []
    restoring = startup_check.restore_database

    def spy(*args):
        threads.append(threading.current_thread())
        return restoring(*args)

    monkeypatch.setattr(startup_check, "restore_database", spy)
    dialogs = FakeDialogs(confirm_answer=True)
    assert recover_damaged(dialogs, damaged, tmp_path / "backups")
    assert threads and threading.main_thread() not in threads
    (done,) = dialogs.texts("inform")
    assert "hong" in done and list(tmp_path.glob("commune.hong-*.sqlite3"))


def test_a_restore_that_fails_is_said_and_the_damaged_file_stays(qtbot, opened, db_path, tmp_path):
    good = backup_now(db_path, tmp_path / "backups")
    opened.close()
    corrupt(db_path)
    corrupt(good)  # the backup went bad since the check chose it
    damaged = DatabaseDamaged(db_path, ["page 3 is never used"], good)
    before = db_path.read_bytes()
    dialogs = FakeDialogs(confirm_answer=True)
    assert not recover_damaged(dialogs, damaged, tmp_path / "backups")
    (message,) = dialogs.texts("warn")
    assert message and db_path.read_bytes() == before


def test_the_start_up_check_without_a_good_backup_refuses_plainly(qtbot, db_path):
    dialogs = FakeDialogs()
    damaged = DatabaseDamaged(db_path, ["file is not a database"], None)
    assert not recover_damaged(dialogs, damaged, db_path.parent / "backups")
    (message,) = dialogs.texts("warn")
    assert "Không tìm thấy bản sao lưu nào còn tốt" in message
