"""Seals upload payloads to the collector's X25519 key with HPKE (RFC 9180 base mode).

Suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, info
``confidant-upstream-v1`` (DESIGN.md §4). Only the holder of the collector's private key —
the model trainers — can open what we seal; we never hold that key.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from app.core.errors import InputError

INFO = b"confidant-upstream-v1"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def decode_key(text: str, what: str) -> bytes:
    """Standard base64 of exactly 32 raw key bytes."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"The {what} is not valid base64.") from None
    if len(raw) != 32:
        raise InputError(f"The {what} must be 32 bytes (got {len(raw)}).")
    return raw


def collector_key(text: str) -> X25519PublicKey:
    """The collector's sealing key from its base64 form."""
    return X25519PublicKey.from_public_bytes(decode_key(text, "collector key"))


def notice_key(text: str) -> Ed25519PublicKey:
    """The notice-signing key from its base64 form."""
    return Ed25519PublicKey.from_public_bytes(decode_key(text, "notice key"))


def seal(payload: bytes, collector_public_key: X25519PublicKey) -> str:
    """Seal ``payload``; return standard base64 of what HPKE produced."""
    sealed = SUITE.encrypt(payload, collector_public_key, info=INFO)
    return base64.b64encode(sealed).decode("ascii")
