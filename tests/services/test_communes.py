"""Many communes in one database: nothing of one is seen or changed through another."""

from __future__ import annotations

from dataclasses import replace

import pytest

from commune_desk.domain.periods import parse_month
from commune_desk.services.accounts import AccountService
from commune_desk.services.audit import AuditService
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import Actor
from commune_desk.services.errors import NotFound, ServiceError
from commune_desk.services.indicators import IndicatorService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValuesService
from tests.support.communes import A_CODE, A_NAME, B_CODE, B_NAME, two_communes

VILLAGE = {"code": "T01", "name": "Thôn Đông", "kind": "thôn"}


@pytest.fixture
def both(db_url):
    opened = two_communes(db_url)
    yield opened
    opened.close()


def test_init_adds_a_commune_and_refuses_a_known_code(both):
    assert CommuneService(both.db.context).communes() == [(A_CODE, A_NAME), (B_CODE, B_NAME)]
    assert CommuneService(both.a).profile().name == A_NAME
    assert CommuneService(both.b).profile().name == B_NAME
    with pytest.raises(ServiceError, match=f"đã có {B_NAME}"):
        CommuneService(both.db.context).init(B_CODE, "Xã Trùng", "Thanh Hóa")


def test_a_use_case_without_a_chosen_commune_is_refused_with_the_list(both):
    with pytest.raises(ServiceError) as err:
        RecordService(both.db.context).list("villages")
    assert A_CODE in str(err.value) and B_NAME in str(err.value)


def test_records_of_one_commune_are_invisible_and_untouchable_from_the_other(both):
    a, b = RecordService(both.a), RecordService(both.b)
    mine = a.create("villages", VILLAGE)
    b.create("villages", {**VILLAGE, "name": "Thôn Đông của xã B"})  # the same code is B's own
    assert [r["name"] for r in a.list("villages")] == ["Thôn Đông"]
    assert [r["name"] for r in b.list("villages")] == ["Thôn Đông của xã B"]
    with pytest.raises(NotFound):
        b.get("villages", mine.id)
    with pytest.raises(NotFound):
        b.update("villages", mine.id, {"name": "Đổi tên"})
    with pytest.raises(NotFound):
        b.delete("villages", mine.id)
    assert a.get("villages", mine.id)["name"] == "Thôn Đông"


def test_values_indicators_and_audit_stay_with_their_commune(both):
    ValuesService(both.a).set_value("pop.population", "2026-09", 40)
    assert ValuesService(both.b).cells([parse_month("2026-09")]) == {}
    cells = ValuesService(both.a).cells([parse_month("2026-09")])
    assert cells[("pop.population", "2026-09")].value == 40
    figures_b = IndicatorService(both.b).compute(parse_month("2026-09"))
    assert figures_b.figures["pop.population"].value in (None, 0)
    system = Actor("os:admin", "system")
    keys_a = {r.key for r in AuditService(replace(both.a, actor=system)).list()}
    keys_b = {r.key for r in AuditService(replace(both.b, actor=system)).list()}
    assert "pop.population@2026-09" in keys_a
    assert "pop.population@2026-09" not in keys_b
    assert A_CODE in keys_a and B_CODE not in keys_a


def test_accounts_belong_to_their_commune(both):
    supervisor = Actor("sep", "supervisor")
    a = AccountService(replace(both.a, actor=supervisor))
    b = AccountService(replace(both.b, actor=supervisor))
    a.add("lan.a", "clerk", "matkhau-123", "Lan")
    b.add("lan.b", "clerk", "matkhau-456", "Lan B")
    assert [x.username for x in a.accounts()] == ["lan.a"]
    assert [x.username for x in b.accounts()] == ["lan.b"]
    with pytest.raises(NotFound):
        b.reset_password("lan.a", "matkhau-999")
    with pytest.raises(ServiceError, match="đã có"):
        b.add("lan.a", "clerk", "matkhau-000")  # one name in the whole database
    assert AccountService(both.a).login("lan.a", "matkhau-123").username == "lan.a"
    assert AccountService(both.db.context).commune_of("lan.b") == B_CODE
