"""Queries of the accounts (users)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commune_desk.data.models import User


def by_username(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def all_users(session: Session) -> list[User]:
    return list(session.execute(select(User).order_by(User.username)).scalars())


def active_count(session: Session, role: str) -> int:
    stmt = select(func.count()).select_from(User).where(User.role == role, User.active)
    return int(session.execute(stmt).scalar_one())


def full_names(session: Session) -> dict[str, str]:
    """username -> full name, for showing who acted."""
    return {u: n for u, n in session.execute(select(User.username, User.full_name))}
