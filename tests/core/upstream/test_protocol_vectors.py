"""Our sealing and notice verification checked against the shared protocol test vectors."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.core.errors import InputError
from app.core.upstream import notices, sealing

VECTORS = json.loads((Path(__file__).resolve().parents[2] / "data" / "vectors-v1.json").read_text())


def _private_key() -> X25519PrivateKey:
    raw = base64.b64decode(VECTORS["sealing"]["collector_private_key_b64"])
    return X25519PrivateKey.from_private_bytes(raw)


def test_the_vector_opens_with_our_suite_and_info() -> None:
    sealed = base64.b64decode(VECTORS["sealing"]["sealed_b64"])
    plaintext = sealing.SUITE.decrypt(sealed, _private_key(), info=sealing.INFO)
    assert plaintext.decode("utf-8") == VECTORS["sealing"]["plaintext_utf8"]


def test_what_we_seal_opens_with_the_collector_key_only() -> None:
    public = sealing.collector_key(VECTORS["sealing"]["collector_public_key_b64"])
    payload = VECTORS["sealing"]["plaintext_utf8"].encode("utf-8")
    sealed = base64.b64decode(sealing.seal(payload, public))
    assert sealing.SUITE.decrypt(sealed, _private_key(), info=sealing.INFO) == payload
    with pytest.raises(Exception):  # noqa: B017 - any failure to open is the point
        sealing.SUITE.decrypt(sealed, X25519PrivateKey.generate(), info=sealing.INFO)
    with pytest.raises(Exception):  # noqa: B017
        sealing.SUITE.decrypt(sealed, _private_key(), info=b"another-info")
    other = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    with pytest.raises(Exception):  # noqa: B017
        other.decrypt(sealed, _private_key(), info=sealing.INFO)


def test_the_derived_public_key_matches_the_vector() -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = _private_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert base64.b64encode(raw).decode() == VECTORS["sealing"]["collector_public_key_b64"]


@pytest.mark.parametrize("bad", ["not base64!", base64.b64encode(b"short").decode()])
def test_bad_keys_are_input_errors(bad: str) -> None:
    with pytest.raises(InputError):
        sealing.collector_key(bad)


def test_the_signed_vector_verifies() -> None:
    response = VECTORS["notices"]["response"]
    verified = notices.verify(response, VECTORS["notices"]["notice_public_key_b64"])
    assert [n["id"] for n in verified] == ["n-2026-001"]


@pytest.mark.parametrize("tamper", ["title", "signature", "unsigned"])
def test_tampered_notices_are_rejected(tamper: str) -> None:
    response = copy.deepcopy(VECTORS["notices"]["response"])
    if tamper == "title":
        response["notices"][0]["title"] = "Security notice!"
    elif tamper == "signature":
        sig = bytearray(base64.b64decode(response["signature"]))
        sig[0] ^= 1
        response["signature"] = base64.b64encode(bytes(sig)).decode()
    else:
        del response["signature"]
    with pytest.raises(notices.BadNotices):
        notices.verify(response, VECTORS["notices"]["notice_public_key_b64"])


def test_canonical_form_is_sorted_compact_ascii() -> None:
    form = notices.canonical_form([{"b": "é", "a": 1}])
    assert form == b'[{"a":1,"b":"\\u00e9"}]'
