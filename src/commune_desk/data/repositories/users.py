"""Queries of the accounts (users)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commune_desk.data.models import User
from commune_desk.data.repositories.commune import commune_id_of


def _scope(session: Session) -> list:
    """The session's commune's accounts only (every account when it has none)."""
    commune_id = commune_id_of(session, strict=False)
    return [] if commune_id is None else [User.commune_id == commune_id]


def in_scope(session: Session, user: User) -> bool:
    """Whether the account belongs to the session's commune (any, when it has none)."""
    commune_id = commune_id_of(session, strict=False)
    return commune_id is None or user.commune_id == commune_id


def by_username(session: Session, username: str) -> User | None:
    """The account of that name; names are unique in the whole database, so the account
    tells which commune a log-in works for."""
    return session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def all_users(session: Session) -> list[User]:
    return list(
        session.execute(select(User).where(*_scope(session)).order_by(User.username)).scalars()
    )


def active_count(session: Session, role: str) -> int:
    stmt = (
        select(func.count())
        .select_from(User)
        .where(User.role == role, User.active, *_scope(session))
    )
    return int(session.execute(stmt).scalar_one())


def full_names(session: Session) -> dict[str, str]:
    """username -> full name, for showing who acted."""
    return {u: n for u, n in session.execute(select(User.username, User.full_name))}
