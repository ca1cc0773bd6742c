"""Queries of the signing keys: the commune's own pair and the province's trusted key."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from commune_desk.data.models import SigningKey

OWN = "own"
PROVINCE = "province"


def get_key(session: Session, commune_id: int, kind: str) -> SigningKey | None:
    return session.get(SigningKey, (commune_id, kind))


def add_key(
    session: Session,
    commune_id: int,
    kind: str,
    public_key: str,
    private_key: str,
    at: dt.datetime,
    by: str,
) -> SigningKey:
    key = SigningKey(
        commune_id=commune_id,
        kind=kind,
        public_key=public_key,
        private_key=private_key,
        created_at=at,
        created_by=by,
    )
    session.add(key)
    return key
