"""Helpers for tests that act as an account of a given role or read the audit trail."""

from __future__ import annotations

from dataclasses import replace

from commune_desk.services.audit import AuditRow, AuditService
from commune_desk.services.context import Actor, ServiceContext, system_actor

NAMES = {"clerk": "lan", "officer": "hoa", "supervisor": "lanhdao"}


def as_role(ctx: ServiceContext, role: str) -> ServiceContext:
    """The same database and clock, acted on by an account of `role`."""
    if role == "system":
        return replace(ctx, actor=system_actor())
    return replace(ctx, actor=Actor(NAMES[role], role, NAMES[role].title()))


def trail(ctx: ServiceContext, **filters: object) -> list[AuditRow]:
    """The whole audit trail, oldest first, read as the machine's administrator."""
    return AuditService(as_role(ctx, "system")).list(**filters)  # type: ignore[arg-type]
