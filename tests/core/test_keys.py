"""Tests for app.core.keys: raw-key pragmas, the key check, backend vetting, passphrase wrap."""

from __future__ import annotations

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.backends.SecretService
import pytest

from app.core import keys
from app.core.errors import BugError, InputError, InsecureKeyring, WrongKey


def test_new_keys_are_32_random_bytes() -> None:
    first, second = keys.new_data_key(), keys.new_data_key()
    assert len(first) == len(second) == 32
    assert first != second


def test_key_pragma_is_built_from_validated_hex() -> None:
    key = bytes(range(32))
    assert keys.key_pragma(key) == f"PRAGMA key = \"x'{key.hex()}'\""
    assert keys.rekey_pragma(key).startswith("PRAGMA rekey = ")


@pytest.mark.parametrize("bad", [b"", b"short", bytes(31), bytes(33)])
def test_key_pragma_refuses_anything_but_32_bytes(bad: bytes) -> None:
    with pytest.raises(BugError):
        keys.key_pragma(bad)


def test_key_check_tells_keys_apart_without_revealing_them() -> None:
    key, other = keys.new_data_key(), keys.new_data_key()
    check = keys.key_check_value(key)
    assert keys.key_matches(key, check)
    assert not keys.key_matches(other, check)
    assert key.hex() not in check


def test_secret_service_backend_is_secure() -> None:
    info = keys.vet_backend(keyring.backends.SecretService.Keyring())
    assert info.secure


@pytest.mark.parametrize(
    "backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()]
)
def test_fail_and_null_backends_are_refused(backend: object) -> None:
    assert not keys.vet_backend(backend).secure
    with pytest.raises(InsecureKeyring, match="refused"):
        keys.KeyringKeyStore(backend)


def test_unknown_backend_is_refused() -> None:
    class HomeMadeKeyring:
        pass

    assert not keys.vet_backend(HomeMadeKeyring()).secure


def _chain_of(*backends: object) -> keyring.backends.chainer.ChainerBackend:
    class Chain(keyring.backends.chainer.ChainerBackend):
        pass

    Chain.backends = list(backends)  # type: ignore[assignment,misc]
    return Chain()


def test_chainer_is_only_as_safe_as_its_weakest_backend() -> None:
    secret_service = keyring.backends.SecretService.Keyring()
    assert keys.vet_backend(_chain_of(secret_service)).secure
    assert not keys.vet_backend(_chain_of(secret_service, keyring.backends.null.Keyring())).secure
    assert not keys.vet_backend(_chain_of()).secure


def test_environment_backend_is_detected_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    assert keys.vet_backend(keys.detect_backend()).secure
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    assert keys.backend_name(keys.detect_backend()) == "keyring.backends.null.Keyring"


def test_real_keyring_round_trip() -> None:
    store = keys.KeyringKeyStore.from_environment()
    key = keys.new_data_key()
    store.put("test-round-trip", key)
    try:
        assert store.get("test-round-trip") == key
    finally:
        store.delete("test-round-trip")
    assert store.get("test-round-trip") is None
    store.delete("test-round-trip")  # deleting what is gone is not an error


def test_passphrase_wrap_round_trip_and_wrong_passphrase() -> None:
    key = keys.new_data_key()
    wrapped = keys.wrap_key(key, "correct horse battery", "profile-1")
    assert key.hex() not in repr(wrapped)
    assert wrapped["kdf"]["name"] in ("argon2id", "scrypt")
    assert keys.unwrap_key(wrapped, "correct horse battery", "profile-1") == key
    with pytest.raises(WrongKey, match="passphrase is wrong"):
        keys.unwrap_key(wrapped, "correct horse batterY", "profile-1")
    # The wrapped key is bound to its profile.
    with pytest.raises(WrongKey):
        keys.unwrap_key(wrapped, "correct horse battery", "profile-2")


def test_short_passphrase_is_refused() -> None:
    with pytest.raises(InputError):
        keys.wrap_key(keys.new_data_key(), "short", "p")


def test_malformed_wrapped_key_is_a_clear_error() -> None:
    with pytest.raises(WrongKey, match="malformed"):
        keys.unwrap_key({"kdf": {"name": "argon2id"}}, "whatever-long", "p")
