"""The province orders a commune's submissions by their identity, not by version alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from commune_desk.data.backup import restore_file
from commune_desk.domain.consolidation import IssueKind
from commune_desk.domain.periods import Period
from commune_desk.services.backups import backup_now
from commune_desk.services.consolidation import ConsolidationService
from commune_desk.services.context import Actor
from commune_desk.services.reports import ReportService
from commune_desk.services.values import ValuesService
from tests.support.common import FIXED_NOW

SEPT = Period.parse("2025-09")


def at(ctx, hours: int):
    return replace(ctx, clock=lambda: FIXED_NOW + dt.timedelta(hours=hours))


@pytest.mark.sqlite_only  # backup and restore on a server: issue 19 part B
def test_a_reissued_version_1_issued_later_outranks_the_stale_version_2(opened, db_path, tmp_path):
    """The files an older program could leave: backup, v1, unlock, v2, restore, v1 again."""
    ctx = opened.context
    sent = tmp_path / "gui-tinh"
    sent.mkdir()
    values = ValuesService(ctx)
    values.set_value("tthc.received_online", "2025-09", 90)
    copy = backup_now(db_path, tmp_path / "backups", now=FIXED_NOW)
    ReportService(at(ctx, 1)).export(SEPT, sent / "a_v1.xlsx")
    ReportService(replace(ctx, actor=Actor("ld", "supervisor"))).unlock(SEPT, "Sửa")
    values.set_value("tthc.received_online", "2025-09", 80)
    ReportService(at(ctx, 2)).export(SEPT, sent / "b_v2_cu.xlsx")
    restore_file(copy, db_path)  # the old restore: no history kept
    values.set_value("tthc.received_online", "2025-09", 95)
    third = ReportService(at(ctx, 3)).export(SEPT, sent / "c_v1_moi.xlsx")
    assert third.version == 1  # what the old program did
    result = ConsolidationService(ctx.catalogue, lambda: FIXED_NOW.date()).consolidate(
        [sent], tmp_path / "tong-hop.xlsx", "2025-09"
    )
    assert result.communes == 1
    issues = {i.file: i for i in result.problems}
    assert issues["a_v1.xlsx"].kind is IssueKind.STALE
    stale = issues["b_v2_cu.xlsx"]
    assert stale.kind is IssueKind.STALE
    assert "phiên bản 2, nộp lúc 11:30 ngày 21/11/2026" in stale.detail
    assert "c_v1_moi.xlsx" in stale.detail and "phiên bản 1, nộp lúc 12:30" in stale.detail
    assert "bản nộp cũ của Xã Thiệu Trung (" in stale.detail  # the name says «Xã» once
    assert "c_v1_moi.xlsx" not in issues
    problems = load_workbook(tmp_path / "tong-hop.xlsx")["Vấn đề"]
    listed = {row[1]: row[2] for row in problems.iter_rows(values_only=True)}
    assert listed["b_v2_cu.xlsx"] == "Bản nộp cũ (đã có bản nộp mới hơn)"
