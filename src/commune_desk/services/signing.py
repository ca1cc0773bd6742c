"""The commune's signing key: made at `init` (or on first need for an older database), used
to sign every report, and shown (`key show`) for the province's units list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from commune_desk.data.models import Commune
from commune_desk.data.repositories import audit as audit_repo
from commune_desk.data.repositories import commune as commune_repo
from commune_desk.data.repositories import keys as keys_repo
from commune_desk.domain.signing import KeyPair, fingerprint, new_key_pair
from commune_desk.services import audit
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import NotInitialised, ServiceError


@dataclass(frozen=True)
class PublicKeyLine:
    """What the province records for a commune: `code,name,public_key`."""

    code: str
    name: str
    public_key: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def csv(self) -> str:
        return f"{self.code},{_csv_field(self.name)},{self.public_key}"


def own_key(session: Session, ctx: ServiceContext, commune_id: int) -> KeyPair:
    """The commune's key pair, made and recorded (with an audit entry) when it has none."""
    stored = keys_repo.get_key(session, commune_id, keys_repo.OWN)
    if stored is not None:
        return KeyPair(stored.private_key, stored.public_key)
    pair = new_key_pair()
    keys_repo.add_key(
        session,
        commune_id,
        keys_repo.OWN,
        pair.public_key,
        pair.private_key,
        ctx.now(),
        ctx.actor.username,
    )
    new = {"fingerprint": fingerprint(pair.public_key)}
    audit_repo.add_entries(session, [audit.entry(ctx, "create", "key", keys_repo.OWN, new=new)])
    return pair


def ensure_own_key(ctx: ServiceContext) -> None:
    """Make the commune's key pair now if an older database has none (a short write)."""
    with ctx.read_session() as session:
        commune = require_commune(session)
        if keys_repo.get_key(session, commune.id, keys_repo.OWN) is not None:
            return
    with ctx.sessions.begin() as session:
        own_key(session, ctx, require_commune(session).id)


class KeyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def show(self) -> PublicKeyLine:
        """The commune's public key line (the key is made now if the database has none)."""
        with self._ctx.sessions.begin() as session:
            commune = require_commune(session)
            pair = own_key(session, self._ctx, commune.id)
            return PublicKeyLine(commune.code, commune.name, pair.public_key)


def require_commune(session: Session) -> Commune:
    """The commune (NotInitialised without one); services.commune calls this module at init."""
    try:
        commune = commune_repo.the_commune(session)
    except commune_repo.CommuneNotChosen as exc:
        raise ServiceError(str(exc)) from exc
    if commune is None:
        raise NotInitialised()
    return commune


def _csv_field(text: str) -> str:
    if any(ch in text for ch in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
