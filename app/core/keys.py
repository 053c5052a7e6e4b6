"""The data key: generation, the OS keyring that holds it, backend vetting and passphrase mode.

The key is 32 random bytes used as a raw SQLCipher key. It lives in the OS keyring under
service ``confidant`` with the profile id as the user name, or, in passphrase mode, wrapped
(AES-256-GCM) under a key derived from the passphrase with Argon2id (scrypt where the OpenSSL
build lacks Argon2). With the app lock on, the keyring entry holds the key wrapped the same
way (as JSON) instead of the raw key. It is never written to a file, a log or an exception
message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.core.errors import BugError, InputError, InsecureKeyring, KeyringUnavailable, WrongKey


class WrongPassphrase(WrongKey):
    """The passphrase given does not unwrap the data key (it counts as a wrong attempt)."""


KEY_BYTES = 32
KEYRING_SERVICE = "confidant"
_KEY_CHECK_LABEL = b"confidant/key-check/v1"
_HEX_KEY = re.compile(r"\A[0-9a-f]{64}\Z")

# Backends that keep secrets in a real, encrypted system keychain.
_SECURE_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
    }
)
# Backends we know keep nothing, or keep it in plaintext. Everything not in the list above is
# refused too; these only get a more precise message.
_KNOWN_INSECURE_PREFIXES = ("keyring.backends.fail.", "keyring.backends.null.", "keyrings.alt.")


def new_data_key() -> bytes:
    """A fresh random 256-bit data key."""
    return secrets.token_bytes(KEY_BYTES)


def key_check_value(key: bytes) -> str:
    """HMAC of a fixed label under the key: proves a key is right without revealing it."""
    _require_key(key)
    return hmac.new(key, _KEY_CHECK_LABEL, hashlib.sha256).hexdigest()


def key_matches(key: bytes, check: str) -> bool:
    """Whether ``key`` produces the stored key-check value ``check``."""
    return hmac.compare_digest(key_check_value(key), check)


def key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw key, built only from validated hex."""
    return _raw_key_statement("key", key)


def rekey_pragma(key: bytes) -> str:
    """The ``PRAGMA rekey`` statement for a raw key, built only from validated hex."""
    return _raw_key_statement("rekey", key)


def _raw_key_statement(pragma: str, key: bytes) -> str:
    _require_key(key)
    hexed = key.hex()
    if not _HEX_KEY.match(hexed):  # pragma: no cover - bytes.hex() always matches
        raise BugError("A data key did not encode to 64 hex digits.")
    return f"PRAGMA {pragma} = \"x'{hexed}'\""


def _require_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise BugError("A data key must be exactly 32 bytes.")


# --- keyring backends -------------------------------------------------------------------------


@dataclass(frozen=True)
class BackendInfo:
    """What we think of a keyring backend."""

    name: str
    secure: bool
    reason: str


def backend_name(backend: Any) -> str:
    """The dotted class name of a keyring backend."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def vet_backend(backend: Any) -> BackendInfo:
    """Decide whether ``backend`` is a real system keychain we may keep the key in."""
    from keyring.backends.chainer import ChainerBackend

    name = backend_name(backend)
    if isinstance(backend, ChainerBackend):
        # The chainer reads from every backend it chains and writes to the first that takes
        # the secret, so it is only as safe as the weakest of them.
        children = [vet_backend(child) for child in backend.backends]
        if not children:
            return BackendInfo(name, False, "no keyring backend is available")
        names = ", ".join(child.name for child in children)
        weak = [child for child in children if not child.secure]
        if weak:
            return BackendInfo(f"{name} [{names}]", False, weak[0].reason)
        return BackendInfo(f"{name} [{names}]", True, "system keychain")
    if name in _SECURE_BACKENDS:
        return BackendInfo(name, True, "system keychain")
    if name.startswith(_KNOWN_INSECURE_PREFIXES):
        return BackendInfo(name, False, "it keeps secrets in plaintext or not at all")
    return BackendInfo(name, False, "it is not a recognised system keychain")


def detect_backend() -> Any:
    """The keyring backend the environment selects, found afresh (never cached).

    Follows ``keyring``'s own order: ``PYTHON_KEYRING_BACKEND``, then its config file, then the
    available backend with the highest priority.
    """
    import keyring.backend
    import keyring.backends.fail
    import keyring.core

    try:
        chosen = keyring.core.load_env() or keyring.core.load_config()
        if chosen is None:
            chosen = max(
                keyring.backend.get_all_keyring(),
                key=keyring.backend.by_priority,
                default=keyring.backends.fail.Keyring(),  # type: ignore[no-untyped-call]
            )
    except Exception as exc:  # noqa: BLE001 - keyring raises anything while loading plugins
        raise KeyringUnavailable(
            f"The keyring backend could not be loaded ({type(exc).__name__}).",
            hint="Check PYTHON_KEYRING_BACKEND and the keyring configuration.",
        ) from None
    return chosen


class KeyringKeyStore:
    """Holds data keys in a vetted OS keyring, one entry per profile id."""

    def __init__(self, backend: Any) -> None:
        info = vet_backend(backend)
        if not info.secure:
            raise InsecureKeyring(
                f"The keyring backend {info.name} is refused: {info.reason}.",
                hint="Use a system keyring (GNOME Keyring, KWallet, Keychain, Credential "
                "Locker), or choose passphrase mode.",
            )
        self.backend = backend
        self.info = info

    @classmethod
    def from_environment(cls) -> KeyringKeyStore:
        """A key store on the keyring backend the environment selects."""
        return cls(detect_backend())

    def get(self, user: str) -> bytes | None:
        """The raw key stored for ``user``, or None if there is no entry."""
        entry = self.get_entry(user)
        if isinstance(entry, dict):
            raise WrongKey(
                "The key in the keyring is protected by the app lock.",
                hint="Enter your passphrase to open Confidant.",
            )
        return entry

    def get_entry(self, user: str) -> bytes | dict[str, Any] | None:
        """The raw key, or the wrapped key of the app lock, stored for ``user``; or None."""
        value = self._call("read", self.backend.get_password, KEYRING_SERVICE, user)
        if value is None:
            return None
        if isinstance(value, str) and _HEX_KEY.match(value):
            return bytes.fromhex(value)
        wrapped = _parse_wrapped(value)
        if wrapped is None:
            raise WrongKey("The key stored in the keyring is malformed.")
        return wrapped

    def put(self, user: str, key: bytes) -> None:
        """Store the raw ``key`` for ``user``, replacing any entry."""
        _require_key(key)
        self._put_text(user, key.hex())

    def put_wrapped(self, user: str, wrapped: Mapping[str, Any]) -> None:
        """Store a key wrapped by ``wrap_key`` for ``user``, replacing any entry."""
        if _parse_wrapped(json.dumps(wrapped)) is None:
            raise BugError("Only the output of wrap_key can be stored as a wrapped key.")
        self._put_text(user, json.dumps(wrapped, sort_keys=True, separators=(",", ":")))

    def copy(self, source_user: str, target_user: str) -> None:
        """Store the entry of ``source_user`` (raw or wrapped, unchanged) for ``target_user``."""
        value = self._call("read", self.backend.get_password, KEYRING_SERVICE, source_user)
        if not isinstance(value, str):
            raise KeyringUnavailable("The keyring lost an entry while the key was being changed.")
        self._put_text(target_user, value)

    def _put_text(self, user: str, value: str) -> None:
        self._call("write", self.backend.set_password, KEYRING_SERVICE, user, value)
        if self._call("read", self.backend.get_password, KEYRING_SERVICE, user) != value:
            raise KeyringUnavailable("The keyring did not keep the key it was given.")

    def delete(self, user: str) -> None:
        """Remove the entry for ``user``, if any."""
        import keyring.errors

        try:
            self.backend.delete_password(KEYRING_SERVICE, user)
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as exc:  # noqa: BLE001
            raise self._unavailable("delete from", exc) from None

    def _call(self, verb: str, func: Any, *args: str) -> Any:
        try:
            return func(*args)
        except Exception as exc:  # noqa: BLE001 - backends raise D-Bus, OS and keyring errors
            raise self._unavailable(verb, exc) from None

    def _unavailable(self, verb: str, exc: Exception) -> KeyringUnavailable:
        # Only the exception type is kept: messages from backends may echo arguments.
        return KeyringUnavailable(
            f"Could not {verb} the keyring ({type(exc).__name__}).",
            hint="Unlock your keyring, or check that it is running.",
        )


# --- passphrase mode ------------------------------------------------------------------------

ARGON2_DEFAULTS: Mapping[str, int] = {"iterations": 3, "lanes": 4, "memory_cost": 64 * 1024}
SCRYPT_DEFAULTS: Mapping[str, int] = {"n": 2**17, "r": 8, "p": 1}
MIN_PASSPHRASE_LENGTH = 8


def derive_key(passphrase: str, kdf: Mapping[str, Any]) -> bytes:
    """A 256-bit key from a passphrase with the KDF and parameters in ``kdf``."""
    salt = base64.b64decode(kdf["salt"])
    secret = passphrase.encode("utf-8")
    if kdf["name"] == "argon2id":
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=int(kdf["iterations"]),
            lanes=int(kdf["lanes"]),
            memory_cost=int(kdf["memory_cost"]),
        ).derive(secret)
    if kdf["name"] == "scrypt":
        return Scrypt(
            salt=salt, length=KEY_BYTES, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])
        ).derive(secret)
    raise WrongKey(f"Unknown key-derivation function {kdf['name']!r} in the profile.")


def new_kdf_params() -> dict[str, Any]:
    """Fresh salt and parameters: Argon2id, or scrypt where OpenSSL lacks Argon2."""
    salt = base64.b64encode(os.urandom(16)).decode("ascii")
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401

        params: dict[str, Any] = {"name": "argon2id", "salt": salt, **ARGON2_DEFAULTS}
        derive_key("probe", params)
    except (ImportError, UnsupportedAlgorithm):
        params = {"name": "scrypt", "salt": salt, **SCRYPT_DEFAULTS}
    return params


def validate_passphrase(passphrase: str) -> None:
    """Refuse passphrases too short to protect the data key."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InputError(f"The passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters.")


def wrap_key(key: bytes, passphrase: str, profile_id: str) -> dict[str, Any]:
    """Encrypt ``key`` under a key derived from ``passphrase``; the result is safe to store."""
    _require_key(key)
    validate_passphrase(passphrase)
    kdf = new_kdf_params()
    nonce = os.urandom(12)
    sealed = AESGCM(derive_key(passphrase, kdf)).encrypt(nonce, key, profile_id.encode("utf-8"))
    return {
        "kdf": kdf,
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "wrapped_key": base64.b64encode(sealed).decode("ascii"),
    }


def unwrap_key(wrapped: Mapping[str, Any], passphrase: str, profile_id: str) -> bytes:
    """Recover the data key from ``wrap_key``'s output; a wrong passphrase raises WrongKey."""
    try:
        kek = derive_key(passphrase, wrapped["kdf"])
        nonce = base64.b64decode(wrapped["nonce"])
        sealed = base64.b64decode(wrapped["wrapped_key"])
        key = AESGCM(kek).decrypt(nonce, sealed, profile_id.encode("utf-8"))
    except InvalidTag:
        raise WrongPassphrase("The passphrase is wrong.") from None
    except (KeyError, ValueError, TypeError):
        raise WrongKey("The wrapped key in the profile is malformed.") from None
    _require_key(key)
    return key


def _parse_wrapped(value: Any) -> dict[str, Any] | None:
    """A wrapped key read back from the keyring, or None if ``value`` is not one."""
    if not isinstance(value, str) or not value.startswith("{"):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("kdf"), dict):
        return None
    if not all(isinstance(data.get(name), str) for name in ("nonce", "wrapped_key")):
        return None
    return data
