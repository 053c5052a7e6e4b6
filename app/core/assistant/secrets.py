"""API keys of assistant providers, kept in the OS keyring and nowhere else.

Each key is one keyring entry under service ``confidant-provider``, user
``<profile id>/<provider>``. Only a vetted system keychain is used (the same rules as for the
data key); a key is never written to the database, a settings file, a log or a URL, and
errors name only the type of what went wrong, never the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.core import keys
from app.core.errors import InputError, InsecureKeyring, KeyringUnavailable

SECRETS_SERVICE = "confidant-provider"
MAX_SECRET_LENGTH = 4096


def validate_api_key(secret: str) -> str:
    """The key without surrounding white space; refuse what cannot be an API key."""
    cleaned = secret.strip()
    if not cleaned:
        raise InputError("The API key is empty.")
    if len(cleaned) > MAX_SECRET_LENGTH:
        raise InputError("The API key is too long.")
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in cleaned):
        raise InputError("The API key contains spaces or control characters.")
    return cleaned


class ProviderSecrets:
    """API keys in a vetted OS keyring, one entry per profile and provider."""

    def __init__(self, backend: Any) -> None:
        info = keys.vet_backend(backend)
        if not info.secure:
            raise InsecureKeyring(
                f"API keys cannot be kept: the keyring backend {info.name} is refused "
                f"({info.reason}).",
                hint="Use a system keyring (GNOME Keyring, KWallet, Keychain, Credential Locker).",
            )
        self.backend = backend

    @classmethod
    def from_environment(cls) -> ProviderSecrets:
        """The secrets on the keyring backend the environment selects."""
        return cls(keys.detect_backend())

    @staticmethod
    def user(profile_id: str, provider: str) -> str:
        """The keyring user name of one profile's key for one provider."""
        return f"{profile_id}/{provider}"

    def get(self, profile_id: str, provider: str) -> str | None:
        """The stored key, or None."""
        value = self._call("read", self.backend.get_password, self.user(profile_id, provider))
        return value if isinstance(value, str) and value else None

    def put(self, profile_id: str, provider: str, secret: str) -> None:
        """Store (or replace) the key, and check that the keyring kept it."""
        cleaned = validate_api_key(secret)
        user = self.user(profile_id, provider)
        self._call("write", self.backend.set_password, user, cleaned)
        if self.get(profile_id, provider) != cleaned:
            raise KeyringUnavailable("The keyring did not keep the API key it was given.")

    def delete(self, profile_id: str, provider: str) -> None:
        """Remove the key, if there is one."""
        import keyring.errors

        try:
            self.backend.delete_password(SECRETS_SERVICE, self.user(profile_id, provider))
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as exc:  # noqa: BLE001 - backends raise D-Bus, OS and keyring errors
            raise _unavailable("delete from", exc) from None

    def delete_all(self, profile_id: str, providers: Iterable[str]) -> None:
        """Remove every key of a profile (when the profile is erased)."""
        for provider in providers:
            self.delete(profile_id, provider)

    def _call(self, verb: str, func: Any, *args: str) -> Any:
        try:
            return func(SECRETS_SERVICE, *args)
        except Exception as exc:  # noqa: BLE001 - backends raise D-Bus, OS and keyring errors
            raise _unavailable(verb, exc) from None


def _unavailable(verb: str, exc: Exception) -> KeyringUnavailable:
    # Only the type: a backend's message may echo its arguments, the key among them.
    return KeyringUnavailable(
        f"Could not {verb} the keyring ({type(exc).__name__}).",
        hint="Unlock your keyring, or check that it is running.",
    )
