"""A restore keeps the history of the database it replaces, and versions are never reissued."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from commune_desk.domain.periods import Period
from commune_desk.services.audit import AuditService
from commune_desk.services.backups import OtherCommune, backup_now, restore_database
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.reports import ReportService, ReportState
from commune_desk.services.setup import open_database
from commune_desk.services.values import ValuesService
from tests.support.common import CATALOGUE, FIXED_NOW

pytestmark = pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B

SEPT = Period.parse("2025-09")


def submit_twice(ctx, out: Path) -> None:
    """Submit v1, unlock with a reason, correct a figure, submit v2."""
    reports = ReportService(ctx)
    reports.export(SEPT, out / "v1.xlsx")
    ReportService(replace(ctx, actor=Actor("lanhdao", "supervisor"))).unlock(SEPT, "Sửa số liệu")
    ValuesService(ctx).set_value("tthc.received_online", "2025-09", 95)
    reports.export(SEPT, out / "v2.xlsx")


def trail(ctx) -> list:
    return AuditService(replace(ctx, actor=Actor("lanhdao", "supervisor"))).list()


def actions(ctx) -> list[str]:
    return [e.action for e in trail(ctx)]


def test_restore_keeps_history_and_the_next_submission_is_version_3(opened, db_path, tmp_path):
    ctx = opened.context
    backups = tmp_path / "backups"
    ValuesService(ctx).set_value("tthc.received_online", "2025-09", 90)
    copy = backup_now(db_path, backups, now=FIXED_NOW)
    submit_twice(ctx, tmp_path)
    result = restore_database(
        db_path, copy, backups, Actor("lanhdao", "supervisor"), FIXED_NOW + dt.timedelta(hours=1)
    )
    assert (result.appended.submissions, result.appended.locks) == (2, 2)
    history = [(s.version, s.sha256) for s in ReportService(ctx).submissions(SEPT)]
    assert [v for v, _ in history] == [1, 2]
    status = ReportService(ctx).status(SEPT)
    assert status.state is ReportState.UNLOCKED and "bản sao lưu" in status.unlock_reason
    done = actions(ctx)
    assert done.count("submit") == 2 and done.count("unlock") == 1 and done[-1] == "restore"
    (restore,) = [e for e in trail(ctx) if e.action == "restore"]
    assert restore.actor == "lanhdao" and restore.key == copy.name
    assert "Khôi phục từ bản sao lưu" in restore.text.action
    assert ValuesService(ctx).cells([SEPT])[("tthc.received_online", "2025-09")].value == 90
    third = ReportService(ctx).export(SEPT, tmp_path / "v3.xlsx")
    assert third.version == 3


def test_restoring_twice_doubles_no_history(opened, db_path, tmp_path):
    ctx = opened.context
    backups = tmp_path / "backups"
    ValuesService(ctx).set_value("tthc.received_online", "2025-09", 90)
    copy = backup_now(db_path, backups, now=FIXED_NOW)
    submit_twice(ctx, tmp_path)
    restore_database(db_path, copy, backups, now=FIXED_NOW + dt.timedelta(hours=1))
    before = actions(ctx)
    restore_database(db_path, copy, backups, now=FIXED_NOW + dt.timedelta(hours=2))
    after = actions(ctx)
    assert after[: len(before)] == before and after[len(before) :] == ["restore"]
    assert [s.version for s in ReportService(ctx).submissions(SEPT)] == [1, 2]


def test_a_backup_of_another_commune_needs_confirmation_naming_both(opened, db_path, tmp_path):
    other_path = tmp_path / "other.sqlite3"
    other = open_database(other_path, CATALOGUE, Actor("t", "officer"))
    CommuneService(other.context).init("15881", "Xã Thiệu Quang", "Thanh Hóa")
    other.close()
    backups = tmp_path / "backups"
    with pytest.raises(OtherCommune) as refused:
        restore_database(db_path, other_path, backups, now=FIXED_NOW)
    assert "Xã Thiệu Quang" in str(refused.value) and "Xã Thiệu Trung" in str(refused.value)
    assert not backups.exists() or not list(backups.iterdir())  # nothing done
    assert CommuneService(opened.context).profile().code == "15880"
    restore_database(db_path, other_path, backups, now=FIXED_NOW, force=True)
    assert CommuneService(opened.context).profile().code == "15881"
    assert "restore" in actions(opened.context)
