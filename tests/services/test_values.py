from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, text

from commune_desk.data.models import AuditEntry, PeriodLock
from commune_desk.domain.periods import Period
from commune_desk.services.errors import PeriodLocked, ValidationFailed
from commune_desk.services.values import ValueChange, ValuesService
from tests.support.accounts import trail


def test_save_and_read_back(ctx):
    service = ValuesService(ctx)
    report = service.set_value("tthc.procedures", "2025-09", "399", "rà soát quý III")
    assert report.added == 1
    cells = service.cells([Period.parse("2025-09")])
    cell = cells[("tthc.procedures", "2025-09")]
    assert (cell.value, cell.comment, cell.updated_by) == (399, "rà soát quý III", "tester")


def test_negative_number_refused_and_nothing_saved(ctx):
    service = ValuesService(ctx)
    with pytest.raises(ValidationFailed, match="âm") as err:
        service.set_value("tthc.procedures", "2025-09", -1)
    assert err.value.problems[0].codes == ("tthc.procedures",)
    assert service.cells([Period.parse("2025-09")]) == {}


def test_text_and_decimals_refused(ctx):
    service = ValuesService(ctx)
    for raw in ("mười", "12,5"):
        with pytest.raises(ValidationFailed):
            service.set_value("tthc.procedures", "2025-09", raw)


def test_records_figure_cannot_be_typed(ctx):
    with pytest.raises(ValidationFailed, match="tính từ sổ sách"):
        ValuesService(ctx).set_value("staff.total", "2025-09", 5)


def test_unknown_code_and_bad_month_refused(ctx):
    service = ValuesService(ctx)
    with pytest.raises(ValidationFailed, match="không có trong danh mục"):
        service.set_value("tthc.nope", "2025-09", 5)
    with pytest.raises(ValidationFailed, match="không phải là tháng"):
        service.set_value("tthc.procedures", "2025-Q3", 5)


def test_rule_across_two_figures_refuses_the_change(ctx):
    service = ValuesService(ctx)
    service.set_value("tthc.procedures", "2025-09", 399)
    service.set_value("tthc.procedures_full_online", "2025-09", 300)
    with pytest.raises(ValidationFailed) as err:
        service.set_value("tthc.procedures_partial_online", "2025-09", 100)
    (problem,) = err.value.problems
    assert problem.rule == "tthc.online_le_procedures" or "procedures" in problem.rule
    assert set(problem.codes) >= {"tthc.procedures", "tthc.procedures_partial_online"}
    assert problem.period == "2025-09"
    cells = service.cells([Period.parse("2025-09")])
    assert ("tthc.procedures_partial_online", "2025-09") not in cells


def test_block_is_all_or_nothing(ctx):
    service = ValuesService(ctx)
    block = [
        ValueChange("pop.population", "2025-09", 5000),
        ValueChange("pop.adults", "2025-09", 3500),
        ValueChange("pop.adults_confirmed", "2025-09", 3600),  # more than the adults
    ]
    with pytest.raises(ValidationFailed):
        service.save(block)
    assert service.cells([Period.parse("2025-09")]) == {}
    service.save(block[:2])
    assert len(service.cells([Period.parse("2025-09")])) == 2


def test_removing_a_value_and_the_audit_trail(ctx):
    service = ValuesService(ctx)
    service.set_value("infra.bts", "2025-09", 4)
    service.set_value("infra.bts", "2025-09", 5)
    service.set_value("infra.bts", "2025-09", None)
    rows = [r for r in trail(ctx) if r.entity == "value"]
    assert [(r.action, r.old, r.new) for r in rows] == [
        ("create", None, "4"),
        ("update", "4", "5"),
        ("delete", "5", None),
    ]
    assert all(r.actor == "tester" and r.period == "2025-09" for r in rows)
    assert rows[0].key == "infra.bts@2025-09"


def test_unchanged_value_writes_no_audit(ctx):
    service = ValuesService(ctx)
    service.set_value("infra.bts", "2025-09", 4)
    report = service.set_value("infra.bts", "2025-09", "4")
    assert report.unchanged == 1
    assert len([r for r in trail(ctx) if r.entity == "value"]) == 1


def test_warnings_come_back_with_the_save(ctx):
    service = ValuesService(ctx)
    service.set_value("infra.bts", "2025-08", 5)
    report = service.set_value("infra.bts", "2025-09", 3)
    assert [w.rule for w in report.warnings] == ["warning.stock_decrease"]


def test_comment(ctx):
    service = ValuesService(ctx)
    service.set_value("infra.bts", "2025-09", 4)
    service.set_comment("infra.bts", "2025-09", "thêm trạm mới")
    assert service.cells([Period.parse("2025-09")])[("infra.bts", "2025-09")].comment == (
        "thêm trạm mới"
    )


def test_locked_period_refuses_changes(ctx):
    with ctx.sessions.begin() as s:
        s.add(
            PeriodLock(
                commune_id=1,
                period="2025-Q3",
                locked_at=dt.datetime(2025, 10, 5),
                locked_by="officer",
            )
        )
    with pytest.raises(PeriodLocked, match="Quý III/2025"):
        ValuesService(ctx).set_value("infra.bts", "2025-08", 4)
    ValuesService(ctx).set_value("infra.bts", "2025-10", 4)  # outside the lock


def test_audit_entries_cannot_be_changed_or_deleted(ctx):
    ValuesService(ctx).set_value("infra.bts", "2025-09", 4)
    with ctx.sessions.begin() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.entity == "value")).scalar_one()
        assert json.loads(entry.new_value) == 4
    from sqlalchemy.exc import IntegrityError

    for statement in ("UPDATE audit_entries SET actor = 'x'", "DELETE FROM audit_entries"):
        with pytest.raises(IntegrityError), ctx.sessions.begin() as s:
            s.execute(text(statement))


def test_values_must_be_non_negative_in_the_schema_itself(ctx):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), ctx.sessions.begin() as s:
        s.execute(
            text(
                "INSERT INTO monthly_values (commune_id, code, month, value, comment, updated_by,"
                " updated_at) VALUES (1, 'infra.bts', '2025-09', -1, '', 'x', '2025-09-01')"
            )
        )


def test_locks_are_listed_for_the_grid(ctx):
    with ctx.sessions.begin() as s:
        s.add(
            PeriodLock(
                commune_id=1,
                period="2025-Q3",
                locked_at=dt.datetime(2025, 10, 5),
                locked_by="officer",
            )
        )
    (lock,) = ValuesService(ctx).locks()
    assert lock.period == Period.parse("2025-Q3")
    assert "đang khóa" in lock.message()
