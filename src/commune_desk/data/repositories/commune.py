"""Queries of the administrative units and the commune's settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from commune_desk.data.models import Commune, CommuneSetting, Province


def the_commune(session: Session) -> Commune | None:
    """The commune this database belongs to (a commune office keeps one)."""
    return session.execute(select(Commune).order_by(Commune.id).limit(1)).scalar_one_or_none()


def province_named(session: Session, name: str) -> Province | None:
    return session.execute(select(Province).where(Province.name == name)).scalar_one_or_none()


def settings(session: Session, commune_id: int) -> dict[str, str]:
    stmt = select(CommuneSetting.key, CommuneSetting.value).where(
        CommuneSetting.commune_id == commune_id
    )
    return {k: v for k, v in session.execute(stmt)}


def put_setting(session: Session, commune_id: int, key: str, value: str) -> str | None:
    """Store a setting; returns the old value."""
    row = session.get(CommuneSetting, (commune_id, key))
    if row is None:
        session.add(CommuneSetting(commune_id=commune_id, key=key, value=value))
        return None
    old = row.value
    row.value = value
    return old
