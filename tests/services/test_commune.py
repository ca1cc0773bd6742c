from __future__ import annotations

import pytest

from commune_desk.domain.periods import Mode
from commune_desk.services.commune import CommuneService
from commune_desk.services.errors import ServiceError
from commune_desk.services.indicators import IndicatorService
from tests.support.accounts import trail


def test_profile_update_and_settings_are_audited(ctx):
    service = CommuneService(ctx)
    profile = service.update_profile("Xã Thiệu Trung", "Tỉnh Thanh Hóa")
    assert profile.province == "Tỉnh Thanh Hóa" and profile.code == "15880"
    settings = service.set_settings({"signer_name": "Lê Văn Hùng", "signer_title": "CHỦ TỊCH"})
    assert settings["signer_name"] == "Lê Văn Hùng"
    assert service.profile().settings["signer_title"] == "CHỦ TỊCH"
    service.set_settings({"signer_name": "Lê Văn Hùng"})  # unchanged: no new entry
    entries = [(r.entity, r.key) for r in trail(ctx) if r.action == "update"]
    assert entries == [
        ("commune", "15880"),
        ("setting", "signer_name"),
        ("setting", "signer_title"),
    ]
    with pytest.raises(ServiceError):
        service.update_profile("  ", "x")


def test_cutoff_mode(ctx):
    CommuneService(ctx).set_cutoff_mode(Mode.DECREE09)
    assert CommuneService(ctx).profile().cutoff_mode is Mode.DECREE09


def test_target_rows_show_default_and_own(ctx):
    service = IndicatorService(ctx)
    service.set_target("class.count", 2026, 24)
    rows = {r.code: r for r in service.target_rows(2026)}
    assert rows["class.count"].own == 24 and rows["class.count"].default is None
    assert rows["ind.adults_confirmed_pct"].effective == 80
    assert len(rows) == len(ctx.catalogue.codes())
    service.set_target("class.count", 2026, None)
    assert {r.code: r for r in service.target_rows(2026)}["class.count"].own is None
    with pytest.raises(ServiceError):
        service.set_target("class.count", 2026, -1)
