"""Queries of the administrative units and the commune's settings."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from commune_desk.data.models import Commune, CommuneSetting, Province

# Session.info key: the code of the commune a session works for (set by the service context).
COMMUNE_CODE = "commune_desk_commune"


class CommuneNotChosen(Exception):
    """The database holds several communes and the session was not told which one."""

    def __init__(self, communes: list[tuple[str, str]]) -> None:
        self.communes = communes
        listed = "; ".join(f"{code} {name}" for code, name in communes)
        super().__init__(
            f"Cơ sở dữ liệu có {len(communes)} xã; hãy chọn một xã bằng mã của nó: {listed}."
        )


def the_commune(session: Session) -> Commune | None:
    """The commune the session works for: the one named in its info, else the only one.

    A database holding several communes without a choice raises CommuneNotChosen: no query
    ever falls back on "the first" of them.
    """
    code = session.info.get(COMMUNE_CODE)
    if code is not None:
        return by_code(session, code)
    found = list(session.execute(select(Commune).order_by(Commune.id).limit(2)).scalars())
    if len(found) > 1:
        raise CommuneNotChosen(all_communes(session))
    return found[0] if found else None


def commune_id_of(session: Session, strict: bool = True) -> int | None:
    """The id of the session's commune (remembered for the session), None without one.

    Not `strict`: a session of a database of several communes that was not told which one
    (the province's, or a log-in before the account is known) has none, instead of raising.
    """
    key = COMMUNE_CODE + ":id"
    if key not in session.info:
        try:
            commune = the_commune(session)
        except CommuneNotChosen:
            if strict:
                raise
            return None
        if commune is None:
            return None
        session.info[key] = commune.id
    return session.info[key]


def hold(session: Session | Connection, commune_id: int, exclusive: bool = False) -> None:
    """Serialise a write with a submission of the same commune, until the transaction ends.

    A save or an import holds the commune's row shared, a submission or an unlock holds it
    exclusively: a submission waits for the saves under way and the saves started meanwhile
    wait for it (then find the period locked). On PostgreSQL a row lock (FOR SHARE / FOR NO
    KEY UPDATE); SQLite's writers are serialised already (BEGIN IMMEDIATE) and it renders
    no lock clause.
    """
    stmt = select(Commune.id).where(Commune.id == commune_id)
    stmt = stmt.with_for_update(key_share=True) if exclusive else stmt.with_for_update(read=True)
    session.execute(stmt)


def by_code(session: Session, code: str) -> Commune | None:
    return session.execute(select(Commune).where(Commune.code == code)).scalar_one_or_none()


def commune_code(session: Session, commune_id: int) -> str | None:
    return session.execute(select(Commune.code).where(Commune.id == commune_id)).scalar()


def all_communes(session: Session) -> list[tuple[str, str]]:
    """Every commune of the database as (code, name), by code."""
    return [
        (c, n)
        for c, n in session.execute(select(Commune.code, Commune.name).order_by(Commune.code))
    ]


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
