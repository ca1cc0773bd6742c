"""Backups on real database files: daily copies, rotation, restore, the start-up check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from commune_desk.data.backup import BackupError, Kind, parse_name
from commune_desk.services.backups import (
    DatabaseDamaged,
    backup_now,
    daily_backup,
    describe_backup,
    list_backups,
    restore_database,
)
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.records import RecordService
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValuesService
from tests.support.common import CATALOGUE, FIXED_NOW
from tests.support.files import corrupt

pytestmark = pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B


def villages(db) -> list[str]:
    return [r.values["code"] for r in RecordService(db.context).list("villages")]


def test_backup_name_carries_the_commune_date_and_kind(opened, db_path, tmp_path):
    target = backup_now(db_path, tmp_path / "backups", now=FIXED_NOW)
    assert target.name == "commune_15880-xa-thieu-trung_2026-11-21_09-30-00_thu-cong.sqlite3"
    again = backup_now(db_path, tmp_path / "backups", now=FIXED_NOW)
    assert again.name.endswith("_thu-cong-2.sqlite3") and parse_name(again) is not None


def test_the_first_opening_of_a_day_makes_the_daily_copy(opened, db_path, tmp_path):
    backups = tmp_path / "backups"
    opened.close()
    day = FIXED_NOW
    for hour in (8, 12, 17):  # three starts on one day: one copy
        db = open_database(
            db_path, CATALOGUE, Actor("t"), backups, lambda h=hour: day.replace(hour=h)
        )
        db.close()
    (first,) = list_backups(db_path, backups)
    assert first.kind is Kind.DAILY and first.taken_at == day.replace(hour=8, minute=30)
    assert daily_backup(db_path, backups, day + dt.timedelta(days=1)) is not None
    assert len(list_backups(db_path, backups)) == 2


def test_a_database_without_a_commune_gets_no_daily_copy(tmp_path):
    backups = tmp_path / "backups"
    db = open_database(tmp_path / "new.sqlite3", CATALOGUE, Actor("t"), backups)
    db.close()
    assert list_backups(tmp_path / "new.sqlite3", backups) == []


def test_daily_copies_rotate_but_a_usb_copy_stays(opened, db_path, tmp_path):
    backups, usb = tmp_path / "backups", tmp_path / "usb"
    for n in range(40):
        daily_backup(db_path, backups, FIXED_NOW + dt.timedelta(days=n))
        backup_now(db_path, backups, usb, now=FIXED_NOW + dt.timedelta(days=n, hours=1))
    copies = list_backups(db_path, backups)
    # 40 days from 21/11/2026 to 30/12: the 14 newest days, plus the newest of November.
    assert len(copies) == 14 + 1
    assert copies[-1].taken_at == dt.datetime(2026, 11, 30, 9, 30)
    assert len(list(backups.glob("*.part"))) == 0
    assert len(list(usb.glob("*.sqlite3"))) == 40


def test_restore_saves_the_current_state_first_and_replaces_the_data(opened, db_path, tmp_path):
    backups = tmp_path / "backups"
    records = RecordService(opened.context)
    records.create("villages", {"code": "T01", "name": "Thôn Đông"})
    ValuesService(opened.context).set_value("tthc.procedures", "2026-09", "12")
    copy = backup_now(db_path, backups, now=FIXED_NOW)
    records.create("villages", {"code": "T02", "name": "Thôn Tây"})
    result = restore_database(db_path, copy, backups, now=FIXED_NOW + dt.timedelta(hours=1))
    assert villages(opened) == ["T01"]
    assert result.safety_copy is not None and result.set_aside is None
    assert parse_name(result.safety_copy).kind is Kind.BEFORE_RESTORE
    safety = describe_backup(result.safety_copy)
    assert safety.contents.records["villages"] == 2  # the replaced state is kept


def test_describe_a_backup(opened, db_path, tmp_path):
    RecordService(opened.context).create("villages", {"code": "T01", "name": "Thôn Đông"})
    ValuesService(opened.context).set_value("tthc.procedures", "2026-09", "12")
    ValuesService(opened.context).set_value("tthc.procedures", "2026-10", "14")
    summary = describe_backup(backup_now(db_path, tmp_path / "b", now=FIXED_NOW))
    assert summary.taken_at == FIXED_NOW and summary.kind is Kind.MANUAL and summary.size > 0
    contents = summary.contents
    assert (contents.commune_code, contents.commune_name, contents.province) == (
        "15880",
        "Xã Thiệu Trung",
        "Thanh Hóa",
    )
    assert contents.records["villages"] == 1 and contents.records["staff"] == 0
    assert contents.months == ("2026-09", "2026-10")
    assert contents.last_change == FIXED_NOW
    assert contents.submissions == ()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(opened, db_path, tmp_path):
    copy = backup_now(db_path, tmp_path / "backups", now=FIXED_NOW)
    RecordService(opened.context).create("villages", {"code": "T01", "name": "Thôn Đông"})
    corrupt(copy)
    with pytest.raises(BackupError, match="bị hỏng"):
        restore_database(db_path, copy, tmp_path / "backups")
    assert villages(opened) == ["T01"]
    assert len(list_backups(db_path, tmp_path / "backups")) == 1  # no safety copy either


def test_a_damaged_database_is_refused_and_the_newest_good_backup_named(opened, db_path, tmp_path):
    backups = tmp_path / "backups"
    RecordService(opened.context).create("villages", {"code": "T01", "name": "Thôn Đông"})
    good = backup_now(db_path, backups, now=FIXED_NOW - dt.timedelta(days=2))
    bad = backup_now(db_path, backups, now=FIXED_NOW - dt.timedelta(days=1))
    corrupt(bad)
    opened.close()
    corrupt(db_path)
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(db_path, CATALOGUE, Actor("t"), backups)
    assert caught.value.good_backup == good
    assert str(good) in str(caught.value) and "commune-desk restore" in str(caught.value)
    result = restore_database(db_path, good, backups, now=FIXED_NOW)
    assert result.set_aside is not None and result.set_aside.exists()  # kept, never deleted
    assert result.safety_copy is None
    db = open_database(db_path, CATALOGUE, Actor("t"), backups)
    assert villages(db) == ["T01"]
    assert CommuneService(db.context).profile().name == "Xã Thiệu Trung"
    db.close()


def test_a_damaged_database_without_backups_says_so(opened, db_path):
    opened.close()
    corrupt(db_path)
    with pytest.raises(DatabaseDamaged, match="Không tìm thấy bản sao lưu nào"):
        open_database(db_path, CATALOGUE, Actor("t"), db_path.parent / "backups")


def test_command_line_names_the_good_backup_of_a_damaged_database(cli_db, capsys, tmp_path):
    from tests.support.common import run_cli

    code, out, _ = run_cli(capsys, "backup", "--db", cli_db)
    assert code == 0
    corrupt(Path(cli_db))
    code, _, err = run_cli(capsys, "indicators", "--period", "2026-09", "--db", cli_db)
    assert code == 1
    assert "bị hỏng" in err and "commune-desk restore" in err
    backup = Path(out.split("Đã sao lưu vào ", 1)[1].strip())
    assert str(backup) in err
    code, out, _ = run_cli(capsys, "restore", str(backup), "--db", cli_db)
    assert code == 0 and "Tệp hỏng được giữ lại" in out
    code, _, _ = run_cli(capsys, "indicators", "--period", "2026-09", "--db", cli_db)
    assert code == 0
