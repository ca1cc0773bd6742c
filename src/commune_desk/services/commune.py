"""The commune this database belongs to: set-up, profile and settings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from commune_desk.data.models import Commune, Province
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import commune as repo
from commune_desk.domain.periods import Mode
from commune_desk.domain.text import clean
from commune_desk.services import audit
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import NotInitialised, PeriodLocked, ServiceError
from commune_desk.services.locks import active_locks
from commune_desk.services.permissions import Action, require
from commune_desk.services.signing import own_key

CODE_PATTERN = re.compile(r"^\d{5}$")  # official commune codes have five digits


@dataclass(frozen=True)
class CommuneProfile:
    """The commune this database belongs to, with its settings (signer, recipients…)."""

    id: int
    code: str
    name: str
    province: str
    cutoff_mode: Mode
    settings: Mapping[str, str]


def require_commune(session: Session) -> Commune:
    try:
        commune = repo.the_commune(session)
    except repo.CommuneNotChosen as exc:
        raise ServiceError(str(exc)) from exc
    if commune is None:
        raise NotInitialised()
    return commune


def commune_profile(session: Session) -> CommuneProfile:
    """The commune and its settings, inside the caller's transaction (NotInitialised)."""
    return _profile(session, require_commune(session))


def _profile(session: Session, commune: Commune) -> CommuneProfile:
    return CommuneProfile(
        commune.id,
        commune.code,
        commune.name,
        commune.province.name,
        Mode(commune.cutoff_mode),
        repo.settings(session, commune.id),
    )


class CommuneService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def init(
        self, code: str, name: str, province: str, cutoff_mode: Mode = Mode.CALENDAR
    ) -> CommuneProfile:
        """Record a commune in the database: its first, or another one (a database hosted for
        a province holds many); refused when a commune of that code is already there."""
        code, name, province = clean(code), clean(name), clean(province)
        if not CODE_PATTERN.match(code):
            raise ServiceError(f"Mã xã «{code}» không hợp lệ: mã đơn vị hành chính gồm 5 chữ số.")
        if not name:
            raise ServiceError("Chưa nhập tên xã.")
        if not province:
            raise ServiceError("Chưa nhập tên tỉnh, thành phố.")
        with self._ctx.sessions.begin() as session:
            existing = repo.by_code(session, code)
            if existing is not None:
                raise ServiceError(f"Cơ sở dữ liệu đã có {existing.name} (mã {existing.code}).")
            # From here on this transaction works for the new commune (audit, guard, key).
            session.info[repo.COMMUNE_CODE] = code
            prov = repo.province_named(session, province) or Province(name=province)
            commune = Commune(
                code=code,
                name=name,
                province=prov,
                cutoff_mode=str(cutoff_mode),
                created_at=self._ctx.now(),
            )
            session.add(commune)
            session.flush()
            new = {"code": code, "name": name, "province": province, "cutoff": str(cutoff_mode)}
            audit_repo.add_entries(
                session, [audit.entry(self._ctx, "create", "commune", code, new=new)]
            )
            own_key(session, self._ctx, commune.id)  # reports are signed from the first one
            return _profile(session, commune)

    def profile(self) -> CommuneProfile:
        with self._ctx.read_session() as session:
            return _profile(session, require_commune(session))

    def exists(self) -> bool:
        with self._ctx.read_session() as session:
            if self._ctx.commune is not None:
                return repo.by_code(session, self._ctx.commune) is not None
            return bool(repo.all_communes(session))

    def communes(self) -> list[tuple[str, str]]:
        """Every commune of the database as (code, name), by code."""
        with self._ctx.read_session() as session:
            return repo.all_communes(session)

    def set_cutoff_mode(self, mode: Mode) -> None:
        """Change how months are cut; refused while a submitted period is locked (its
        figures would change)."""
        require(self._ctx, Action.EDIT_SETTINGS)
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            old = commune.cutoff_mode
            locks = active_locks(session, commune.id) if str(Mode(mode)) != old else []
            if locks:
                raise PeriodLocked(
                    "Không đổi được cách tính kỳ số liệu: số liệu của kỳ đã nộp sẽ thay đổi. "
                    + locks[0].message()
                )
            commune.cutoff_mode = str(Mode(mode))
            audit_repo.add_entries(
                session,
                [
                    audit.entry(
                        self._ctx,
                        "update",
                        "commune",
                        commune.code,
                        {"cutoff": old},
                        {"cutoff": str(mode)},
                    )
                ],
            )

    def update_profile(self, name: str, province: str) -> CommuneProfile:
        """Correct the commune's name or province (the code identifies it and stays)."""
        require(self._ctx, Action.EDIT_SETTINGS)
        name, province = clean(name), clean(province)
        if not name:
            raise ServiceError("Chưa nhập tên xã.")
        if not province:
            raise ServiceError("Chưa nhập tên tỉnh, thành phố.")
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            old = {"name": commune.name, "province": commune.province.name}
            commune.name = name
            if province != commune.province.name:
                commune.province = repo.province_named(session, province) or Province(name=province)
            audit_repo.add_entries(
                session,
                [
                    audit.entry(
                        self._ctx,
                        "update",
                        "commune",
                        commune.code,
                        old,
                        {"name": name, "province": province},
                    )
                ],
            )
            session.flush()
            return _profile(session, commune)

    def set_settings(self, values: dict[str, str]) -> dict[str, str]:
        """Store business settings (signer, recipients...); returns all settings."""
        require(self._ctx, Action.EDIT_SETTINGS)
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            entries = []
            for key, value in values.items():
                old = repo.put_setting(session, commune.id, key, value.strip())
                if old != value.strip():
                    entries.append(
                        audit.entry(self._ctx, "update", "setting", key, old, value.strip())
                    )
            audit_repo.add_entries(session, entries)
            session.flush()
            return repo.settings(session, commune.id)
