"""A profile on disk: its id and key mode (``profile.json``), its key, and its database.

``profile.json`` holds nothing secret: a random profile id, the key mode, the key-check value
(an HMAC under the key) and, in passphrase mode, the wrapped key with its KDF salt and
parameters. Opening a profile never replaces an existing database, and never falls back to
plaintext or to a fresh key when the old one is missing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from app.core import keys
from app.core.errors import (
    CorruptDatabase,
    InputError,
    ProfileLocked,
    StorageError,
    WrongKey,
)
from app.core.paths import (
    DATABASE_NAME,
    PROFILE_FILE_NAME,
    atomic_write,
    ensure_private_dir,
)
from app.core.store.database import Database

KeyMode = Literal["keyring", "passphrase"]
PROFILE_FORMAT = 1


@dataclass(frozen=True)
class ProfileFile:
    """The non-secret description of a profile, kept next to its database."""

    profile_id: str
    key_mode: KeyMode
    key_check: str
    wrapped: dict[str, Any] | None = None
    pending_key_check: str | None = None
    pending_wrapped: dict[str, Any] | None = None
    format: int = PROFILE_FORMAT


def profile_file_path(directory: Path) -> Path:
    """Where ``profile.json`` lives."""
    return directory / PROFILE_FILE_NAME


def database_path(directory: Path) -> Path:
    """Where the profile's database lives."""
    return directory / DATABASE_NAME


def load_profile_file(directory: Path) -> ProfileFile | None:
    """Read ``profile.json``; None when the profile has never been created."""
    path = profile_file_path(directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"Could not read {PROFILE_FILE_NAME} ({exc.strerror}).") from None
    try:
        data = json.loads(raw)
        if data.get("format") != PROFILE_FORMAT:
            raise StorageError(
                f"{PROFILE_FILE_NAME} has an unknown format; a newer Confidant may have written it."
            )
        if data["key_mode"] not in ("keyring", "passphrase"):
            raise ValueError("key_mode")
        return ProfileFile(
            profile_id=str(data["profile_id"]),
            key_mode=data["key_mode"],
            key_check=str(data["key_check"]),
            wrapped=data.get("wrapped"),
            pending_key_check=data.get("pending_key_check"),
            pending_wrapped=data.get("pending_wrapped"),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise StorageError(f"{PROFILE_FILE_NAME} is damaged and cannot be read.") from None


def save_profile_file(directory: Path, profile: ProfileFile) -> None:
    """Write ``profile.json`` atomically with mode 0600."""
    data = json.dumps(asdict(profile), indent=2, sort_keys=True).encode("utf-8")
    atomic_write(profile_file_path(directory), data)


# --- where the key comes from ---------------------------------------------------------------


class KeySource(Protocol):
    """Loads and replaces a profile's data key (keyring- or passphrase-held)."""

    mode: KeyMode

    def load(self, profile: ProfileFile) -> bytes | None:
        """The current key, or None if it is missing."""

    def load_pending(self, profile: ProfileFile) -> bytes | None:
        """The key of an unfinished rotation, if any."""

    def stage(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Keep ``key`` as the pending key, before the database is re-encrypted."""

    def commit(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Make the pending ``key`` the current key."""

    def discard_pending(self, profile: ProfileFile) -> ProfileFile:
        """Forget a pending key that was never used."""


class KeyringSource:
    """The key lives in the OS keyring; a rotation stages the new key in a second entry."""

    mode: KeyMode = "keyring"

    def __init__(self, store: keys.KeyringKeyStore) -> None:
        self.store = store

    @staticmethod
    def _pending_user(profile: ProfileFile) -> str:
        return f"{profile.profile_id}.pending"

    def load(self, profile: ProfileFile) -> bytes | None:
        """The key from the keyring entry named by the profile id."""
        return self.store.get(profile.profile_id)

    def load_pending(self, profile: ProfileFile) -> bytes | None:
        """The staged key of an unfinished rotation."""
        return self.store.get(self._pending_user(profile))

    def stage(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Put the new key in the pending entry."""
        self.store.put(self._pending_user(profile), key)
        return replace(profile, pending_key_check=keys.key_check_value(key))

    def commit(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Replace the main entry, then drop the pending one."""
        self.store.put(profile.profile_id, key)
        self.store.delete(self._pending_user(profile))
        return replace(profile, key_check=keys.key_check_value(key), pending_key_check=None)

    def discard_pending(self, profile: ProfileFile) -> ProfileFile:
        """Drop the pending entry."""
        self.store.delete(self._pending_user(profile))
        return replace(profile, pending_key_check=None)


class PassphraseSource:
    """The key is wrapped under the user's passphrase inside ``profile.json``."""

    mode: KeyMode = "passphrase"

    def __init__(self, passphrase: str) -> None:
        self.passphrase = passphrase

    def load(self, profile: ProfileFile) -> bytes | None:
        """Unwrap the current key; a wrong passphrase raises WrongKey."""
        if profile.wrapped is None:
            return None
        return keys.unwrap_key(profile.wrapped, self.passphrase, profile.profile_id)

    def load_pending(self, profile: ProfileFile) -> bytes | None:
        """Unwrap the staged key of an unfinished rotation."""
        if profile.pending_wrapped is None:
            return None
        return keys.unwrap_key(profile.pending_wrapped, self.passphrase, profile.profile_id)

    def stage(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Wrap the new key next to the current one."""
        return replace(
            profile,
            pending_wrapped=keys.wrap_key(key, self.passphrase, profile.profile_id),
            pending_key_check=keys.key_check_value(key),
        )

    def commit(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Promote the pending wrapped key."""
        return replace(
            profile,
            wrapped=profile.pending_wrapped,
            key_check=keys.key_check_value(key),
            pending_wrapped=None,
            pending_key_check=None,
        )

    def discard_pending(self, profile: ProfileFile) -> ProfileFile:
        """Drop the pending wrapped key."""
        return replace(profile, pending_wrapped=None, pending_key_check=None)


# --- opening --------------------------------------------------------------------------------


@dataclass
class OpenProfile:
    """A profile whose database is open."""

    directory: Path
    profile: ProfileFile
    source: KeySource
    database: Database
    created: bool


def is_created(directory: Path) -> bool:
    """Whether a profile exists in ``directory`` (its profile file or its database)."""
    return profile_file_path(directory).exists() or database_path(directory).exists()


def create_profile(directory: Path, source: KeySource) -> OpenProfile:
    """Create a new profile: key, profile file, then the database (in that order)."""
    if is_created(directory):
        raise StorageError("A profile already exists here; it was left untouched.")
    ensure_private_dir(directory)
    profile_id = str(uuid.uuid4())
    key = keys.new_data_key()
    profile = ProfileFile(profile_id, source.mode, keys.key_check_value(key))
    profile = source.commit(source.stage(profile, key), key)
    save_profile_file(directory, profile)
    database = Database.create(database_path(directory), key)
    return OpenProfile(directory, profile, source, database, created=True)


def open_profile(directory: Path, source: KeySource) -> OpenProfile:
    """Open an existing profile, finishing or discarding an interrupted key rotation."""
    profile = load_profile_file(directory)
    db_path = database_path(directory)
    if profile is None:
        if db_path.exists():
            raise WrongKey(
                f"The profile's {PROFILE_FILE_NAME} is missing, so its key cannot be found.",
                hint="The database was left untouched.",
            )
        raise StorageError("There is no profile here yet.")
    if profile.key_mode != source.mode:
        raise InputError(
            f"This profile is protected by its {profile.key_mode}, not a {source.mode}."
        )
    key = source.load(profile)
    if not db_path.exists():
        # The database was never finished (or was removed): make one, keeping the current key
        # when it is intact so nothing else that depends on it breaks.
        if key is None or not keys.key_matches(key, profile.key_check):
            key = keys.new_data_key()
            profile = source.commit(source.stage(profile, key), key)
            save_profile_file(directory, profile)
        database = Database.create(db_path, key)
        return OpenProfile(directory, profile, source, database, created=True)

    verified = key is not None and keys.key_matches(key, profile.key_check)
    if verified:
        assert key is not None
        try:
            database = Database.open(db_path, key, key_verified=True)
        except CorruptDatabase:
            # A rotation may have re-encrypted the file before profile.json caught up.
            recovered = _open_with_pending(directory, profile, source)
            if recovered is None:
                raise
            return recovered
        if profile.pending_key_check is not None:
            # A rotation that stopped before the re-encryption: the staged key was never used.
            profile = source.discard_pending(profile)
            save_profile_file(directory, profile)
        return OpenProfile(directory, profile, source, database, created=False)

    recovered = _open_with_pending(directory, profile, source)
    if recovered is not None:
        return recovered
    if key is None:
        raise WrongKey(
            "The key for this profile is missing from the keyring.",
            hint="Restore the keyring entry; the database was left untouched.",
        )
    raise WrongKey(
        "The key in the keyring does not match this profile.",
        hint="It may have been replaced; the database was left untouched.",
    )


def _open_with_pending(
    directory: Path, profile: ProfileFile, source: KeySource
) -> OpenProfile | None:
    if profile.pending_key_check is None:
        return None
    pending = source.load_pending(profile)
    if pending is None or not keys.key_matches(pending, profile.pending_key_check):
        return None
    try:
        database = Database.open(database_path(directory), pending, key_verified=True)
    except CorruptDatabase:
        return None
    profile = source.commit(profile, pending)
    save_profile_file(directory, profile)
    return OpenProfile(directory, profile, source, database, created=False)


def rotate_key(opened: OpenProfile) -> OpenProfile:
    """Re-encrypt the database under a new key.

    The new key is staged (kept beside the old one) first, the database is re-keyed, and it is
    reopened with the new key to prove it works before the old key is replaced. A crash at any
    point leaves one of the two keys able to open the database, and the next open finishes.
    """
    new_key = keys.new_data_key()
    profile = opened.source.stage(opened.profile, new_key)
    save_profile_file(opened.directory, profile)
    opened.database.rekey(new_key)
    opened.database.close()
    database = Database.open(database_path(opened.directory), new_key, key_verified=True)
    profile = opened.source.commit(profile, new_key)
    save_profile_file(opened.directory, profile)
    return OpenProfile(opened.directory, profile, opened.source, database, created=False)


def source_for(
    profile: ProfileFile | None,
    *,
    passphrase: str | None,
    key_store_factory: Any = keys.KeyringKeyStore.from_environment,
) -> KeySource:
    """The key source a profile needs: its keyring, or the given passphrase."""
    mode = profile.key_mode if profile is not None else ("passphrase" if passphrase else "keyring")
    if mode == "passphrase":
        if passphrase is None:
            raise ProfileLocked(
                "This profile is protected by a passphrase.", hint="Enter it to open the profile."
            )
        return PassphraseSource(passphrase)
    return KeyringSource(key_store_factory())
