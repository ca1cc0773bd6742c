"""Ed25519 signatures of reports and replies: key pairs, signing, checking, fingerprints.

Keys travel as base64 text of their raw 32 bytes, signatures as base64 of their 64 bytes, so
they fit a `_data` cell, a units list column and a reply file. The `cryptography` library does
the arithmetic; it is imported only when a key is made or a signature signed or checked.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass


class PublicKeyError(ValueError):
    """Text that is not a public key (the message is Vietnamese)."""


@dataclass(frozen=True)
class KeyPair:
    """A private key (raw, base64) and its public key (raw, base64)."""

    private_key: str
    public_key: str


def new_key_pair() -> KeyPair:
    """A fresh Ed25519 key pair."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _pair(Ed25519PrivateKey.generate())


def key_pair_from_seed(seed: bytes) -> KeyPair:
    """The key pair whose private key is SHA-256(seed): for invented demonstration reports only."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return _pair(Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed).digest()))


def _pair(private: object) -> KeyPair:
    from cryptography.hazmat.primitives import serialization

    raw = serialization.Encoding.Raw
    private_bytes = private.private_bytes(  # type: ignore[attr-defined]
        raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public_bytes = private.public_key().public_bytes(raw, serialization.PublicFormat.Raw)  # type: ignore[attr-defined]
    return KeyPair(_b64(private_bytes), _b64(public_bytes))


def sign(private_key: str, message: bytes) -> str:
    """The base64 Ed25519 signature of `message`."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key))
    return _b64(key.sign(message))


def verify(public_key: str, message: bytes, signature: str) -> bool:
    """Whether `signature` (base64) is the signature of `message` by `public_key` (base64)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
        key.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


def normalise_public_key(text: str) -> str:
    """A public key as typed or pasted (spaces allowed), checked; PublicKeyError if not one."""
    compact = "".join(str(text).split())
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise PublicKeyError(f"«{compact[:20]}» không phải khóa công khai (44 ký tự base64).")
    return _b64(raw)


def fingerprint(public_key: str) -> str:
    """A short fingerprint to read aloud or compare by eye: "3F2A-91C0-7D4E-B812"."""
    try:
        raw = base64.b64decode(public_key)
    except (binascii.Error, ValueError):
        raw = public_key.encode()
    digest = hashlib.sha256(raw).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
