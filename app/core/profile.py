"""A profile on disk: its id and key mode (``profile.json``), its key, and its database.

``profile.json`` holds nothing secret: a random profile id, the key mode, the key-check value
(an HMAC under the key), in passphrase mode the wrapped key with its KDF salt and parameters,
whether the app lock is on, and the attempt limit of the passphrase (the store is locked while
it is typed, so the count cannot live there). Opening a profile never replaces an existing
database, and never falls back to plaintext or to a fresh key when the old one is missing.

The app lock (keyring mode only) keeps the data key in the keyring wrapped under a passphrase
instead of raw. Turning it on or off writes the keyring entry first and ``profile.json``
second; if a crash comes between the two, the next open sees which form the keyring holds and
finishes the change (a wrapped key still needs the passphrase).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from app.core import keys
from app.core.attempts import AttemptRecord
from app.core.errors import (
    BugError,
    ConfidantError,
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
#: Written while the app lock is on: an older Confidant then says a newer one wrote the file,
#: instead of calling the wrapped key in the keyring malformed.
APP_LOCK_FORMAT = 2
_KNOWN_FORMATS = (PROFILE_FORMAT, APP_LOCK_FORMAT)


@dataclass(frozen=True)
class ProfileFile:
    """The non-secret description of a profile, kept next to its database."""

    profile_id: str
    key_mode: KeyMode
    key_check: str
    wrapped: dict[str, Any] | None = None
    pending_key_check: str | None = None
    pending_wrapped: dict[str, Any] | None = None
    #: The keyring holds the data key wrapped under the app-lock passphrase (keyring mode).
    app_lock: bool = False
    #: Wrong passphrases (app lock or passphrase mode) and the lockout they started.
    passphrase_attempts: AttemptRecord = field(default_factory=AttemptRecord)
    #: The guardian PIN's attempt record, mirrored out of the store (see ``childmode``).
    guardian_attempts: AttemptRecord = field(default_factory=AttemptRecord)
    #: True only between writing this file and creating the database of a new profile: a
    #: database missing after that was deleted, and is not silently made again.
    creating: bool = False
    format: int = PROFILE_FORMAT

    @property
    def needs_passphrase(self) -> bool:
        """Whether opening this profile needs a passphrase (passphrase mode or the app lock)."""
        return self.key_mode == "passphrase" or self.app_lock


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
        if data.get("format") not in _KNOWN_FORMATS:
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
            app_lock=_flag(data.get("app_lock", False)),
            passphrase_attempts=_attempts(data.get("passphrase_attempts")),
            guardian_attempts=_attempts(data.get("guardian_attempts")),
            creating=_flag(data.get("creating", False)),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise StorageError(f"{PROFILE_FILE_NAME} is damaged and cannot be read.") from None


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("app_lock")
    return value


def _attempts(value: Any) -> AttemptRecord:
    if value is None:
        return AttemptRecord()
    failed = value["failed_attempts"]
    if isinstance(failed, bool) or not isinstance(failed, int) or failed < 0:
        raise ValueError("failed_attempts")
    until, last = value.get("lockout_until"), value.get("last_attempt_at")
    for moment in (until, last):
        if moment is not None:
            dt.datetime.fromisoformat(moment)  # a ValueError marks the file damaged
    boot_id, uptime = value.get("boot_id"), value.get("uptime_at")
    if boot_id is not None and not isinstance(boot_id, str):
        raise ValueError("boot_id")
    if uptime is not None and (isinstance(uptime, bool) or not isinstance(uptime, int | float)):
        raise ValueError("uptime_at")
    return AttemptRecord(failed, until, last, boot_id, None if uptime is None else float(uptime))


def save_profile_file(directory: Path, profile: ProfileFile, *, attempts: bool = False) -> None:
    """Write ``profile.json`` atomically with mode 0600.

    The attempt records on disk are kept unless ``attempts`` says this write sets them: a
    caller's copy of the profile may predate a wrong attempt, and must not undo it.
    """
    if not attempts:
        try:
            current = load_profile_file(directory)
        except StorageError:
            current = None
        if current is not None:
            profile = replace(
                profile,
                passphrase_attempts=current.passphrase_attempts,
                guardian_attempts=current.guardian_attempts,
            )
    fields = asdict(profile)
    fields["format"] = APP_LOCK_FORMAT if profile.app_lock else PROFILE_FORMAT
    data = json.dumps(fields, indent=2, sort_keys=True).encode("utf-8")
    atomic_write(profile_file_path(directory), data)


def record_attempts(
    directory: Path, attempts: AttemptRecord, opened: OpenProfile | None = None
) -> None:
    """Persist the passphrase's attempt record (and keep an open profile's copy in step)."""
    current = load_profile_file(directory)
    if current is None:
        raise StorageError("There is no profile here yet.")
    save_profile_file(directory, replace(current, passphrase_attempts=attempts), attempts=True)
    if opened is not None:
        # Later writes (a key rotation) start from this copy: it must not bring back an old count.
        opened.profile = replace(opened.profile, passphrase_attempts=attempts)


def record_guardian_attempts(directory: Path, attempts: AttemptRecord) -> None:
    """Persist the guardian PIN's attempt record outside the store (see ``childmode``)."""
    current = load_profile_file(directory)
    if current is None:
        raise StorageError("There is no profile here yet.")
    save_profile_file(directory, replace(current, guardian_attempts=attempts), attempts=True)


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
    """The key lives in the OS keyring; a rotation stages the new key in a second entry.

    With the app lock on, each entry holds the key wrapped under ``passphrase``.
    """

    mode: KeyMode = "keyring"

    def __init__(self, store: keys.KeyringKeyStore, passphrase: str | None = None) -> None:
        self.store = store
        self.passphrase = passphrase
        #: Whether the main entry was found wrapped by the last ``load`` (None: not read).
        self.found_wrapped: bool | None = None

    @staticmethod
    def _pending_user(profile: ProfileFile) -> str:
        return f"{profile.profile_id}.pending"

    def load(self, profile: ProfileFile) -> bytes | None:
        """The key from the keyring entry named by the profile id (unwrapped if locked)."""
        entry = self.store.get_entry(profile.profile_id)
        self.found_wrapped = None if entry is None else isinstance(entry, dict)
        return self._unwrap(profile, entry)

    def load_pending(self, profile: ProfileFile) -> bytes | None:
        """The staged key of an unfinished rotation."""
        return self._unwrap(profile, self.store.get_entry(self._pending_user(profile)))

    def _unwrap(self, profile: ProfileFile, entry: bytes | dict[str, Any] | None) -> bytes | None:
        if not isinstance(entry, dict):
            return entry
        if self.passphrase is None:
            raise ProfileLocked(
                "The app lock is on: opening Confidant needs its passphrase.",
                hint="Enter your passphrase.",
            )
        return keys.unwrap_key(entry, self.passphrase, profile.profile_id)

    def stage(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Put the new key in the pending entry (wrapped, if the app lock is on)."""
        user = self._pending_user(profile)
        if profile.app_lock:
            self.store.put_wrapped(user, keys.wrap_key(key, self._passphrase(), profile.profile_id))
        else:
            self.store.put(user, key)
        return replace(profile, pending_key_check=keys.key_check_value(key))

    def commit(self, profile: ProfileFile, key: bytes) -> ProfileFile:
        """Replace the main entry, then drop the pending one."""
        if profile.app_lock:
            # The pending entry is already wrapped: copying it spares a second slow derivation.
            # Gone already: a commit cut short after the copy; the main entry holds the key.
            if self.store.get_entry(self._pending_user(profile)) is not None:
                self.store.copy(self._pending_user(profile), profile.profile_id)
        else:
            self.store.put(profile.profile_id, key)
        self.store.delete(self._pending_user(profile))
        return replace(profile, key_check=keys.key_check_value(key), pending_key_check=None)

    def _passphrase(self) -> str:
        if self.passphrase is None:
            raise BugError("The app lock is on, but its passphrase was not given.")
        return self.passphrase

    def discard_pending(self, profile: ProfileFile) -> ProfileFile:
        """Drop the pending entry."""
        self.store.delete(self._pending_user(profile))
        return replace(profile, pending_key_check=None)

    def drop_orphans(self, profile: ProfileFile) -> None:
        """Remove a pending entry that no rotation refers to (a rotation killed while staging)."""
        if profile.pending_key_check is None:
            user = self._pending_user(profile)
            if self.store.get_entry(user) is not None:
                self.store.delete(user)

    def forget(self, profile: ProfileFile) -> None:
        """Remove both entries of a profile that was never finished."""
        for user in (profile.profile_id, self._pending_user(profile)):
            self.store.delete(user)


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
    profile = ProfileFile(profile_id, source.mode, keys.key_check_value(key), creating=True)
    try:
        profile = source.commit(source.stage(profile, key), key)
        save_profile_file(directory, profile)
    except BaseException:
        # Nothing refers to the key yet: leave no orphan entry in the keyring.
        forget = getattr(source, "forget", None)
        if forget is not None:
            with contextlib.suppress(ConfidantError):
                forget(profile)
        raise
    database = Database.create(database_path(directory), key)
    profile = replace(profile, creating=False)
    try:
        save_profile_file(directory, profile)
    except BaseException:
        database.close()
        raise
    return OpenProfile(directory, profile, source, database, created=True)


def open_profile(directory: Path, source: KeySource) -> OpenProfile:
    """Open an existing profile, finishing or discarding an interrupted key rotation.

    An app-lock change cut short by a crash is finished too: the keyring entry, written
    first, says which way it went.
    """
    opened = _open_profile(directory, source)
    found_wrapped = getattr(opened.source, "found_wrapped", None)
    if found_wrapped is not None and found_wrapped != opened.profile.app_lock:
        opened.profile = replace(opened.profile, app_lock=found_wrapped)
        save_profile_file(directory, opened.profile)
    return opened


def _open_profile(directory: Path, source: KeySource) -> OpenProfile:
    profile = load_profile_file(directory)
    if profile is not None:
        ensure_private_dir(directory)  # a folder opened up (755) is closed again
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
        if not profile.creating:
            raise StorageError(
                f"The database file {DATABASE_NAME} is missing from the profile folder.",
                hint="Restore it from a backup; a new empty one is not made in its place. "
                "To start over, remove the profile folder.",
            )
        # The database was never finished: make one, keeping the current key when it is
        # intact so nothing else that depends on it breaks.
        if key is None or not keys.key_matches(key, profile.key_check):
            key = keys.new_data_key()
            profile = source.commit(source.stage(profile, key), key)
            save_profile_file(directory, profile)
        database = Database.create(db_path, key)
        profile = replace(profile, creating=False)
        save_profile_file(directory, profile)
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
        else:
            drop_orphans = getattr(source, "drop_orphans", None)
            if drop_orphans is not None:
                drop_orphans(profile)
        return OpenProfile(directory, profile, source, database, created=False)

    if (
        key is not None
        and profile.pending_key_check is not None
        and keys.key_matches(key, profile.pending_key_check)
    ):
        # A rotation's commit was cut short after the main entry got the new key, before
        # profile.json named it: the rotation is finished here.
        database = Database.open(db_path, key, key_verified=True)
        profile = source.commit(profile, key)
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


#: The steps of a key rotation, in order, as ``rotate_key`` reports them.
ROTATION_STEPS = (
    "staging the new key",
    "re-encrypting",
    "recording the new key check",
    "checking the new key",
    "replacing the old key",
)


def rotate_key(
    opened: OpenProfile, progress: Callable[[int, int, str], None] | None = None
) -> OpenProfile:
    """Re-encrypt the database under a new key; one protocol that every crash can resume.

    1. The new key is staged first: the keyring's pending entry (or the pending wrapped key)
       and ``pending_key_check`` in profile.json.
    2. The database stores the new key's check value as ``key_check_next``, is re-keyed, and
       then makes it its only key check (``Database.rekey``): the rekey and the key check
       are a recognised pair, so a file under the new key is never mistaken for damage.
    3. It is reopened with the new key, then the main key entry is replaced and the pending
       one dropped.

    Whatever point a crash hits, the next open finds the file under the current or the
    pending key and finishes (or discards) the rotation.
    """
    total = len(ROTATION_STEPS)

    def report(step: str) -> None:
        if progress is not None:
            progress(ROTATION_STEPS.index(step) + 1, total, step)

    report("staging the new key")
    new_key = keys.new_data_key()
    profile = opened.source.stage(opened.profile, new_key)
    save_profile_file(opened.directory, profile)
    opened.database.rekey(new_key, progress=report)
    report("checking the new key")
    opened.database.close()
    database = Database.open(database_path(opened.directory), new_key, key_verified=True)
    report("replacing the old key")
    profile = opened.source.commit(profile, new_key)
    save_profile_file(opened.directory, profile)
    return OpenProfile(opened.directory, profile, opened.source, database, created=False)


def source_for(
    profile: ProfileFile | None,
    *,
    passphrase: str | None,
    key_store_factory: Any = keys.KeyringKeyStore.from_environment,
) -> KeySource:
    """The key source a profile needs: its keyring (and app-lock passphrase), or a passphrase."""
    mode = profile.key_mode if profile is not None else ("passphrase" if passphrase else "keyring")
    if mode == "passphrase":
        if passphrase is None:
            raise ProfileLocked(
                "This profile is protected by a passphrase.", hint="Enter it to open the profile."
            )
        return PassphraseSource(passphrase)
    if profile is not None and profile.app_lock and passphrase is None:
        raise ProfileLocked(
            "The app lock is on: opening Confidant needs its passphrase.",
            hint="Enter your passphrase.",
        )
    return KeyringSource(key_store_factory(), passphrase)


# --- the app lock -----------------------------------------------------------------------------


def enable_app_lock(opened: OpenProfile, passphrase: str) -> None:
    """Wrap the keyring-held key under ``passphrase``, so opening the profile needs it."""
    source = opened.source
    if not isinstance(source, KeyringSource):
        raise InputError("A profile in passphrase mode already needs its passphrase to open.")
    if opened.profile.app_lock:
        raise InputError("The app lock is already on.")
    keys.validate_passphrase(passphrase)
    profile = opened.profile
    key = source.load(profile)
    if key is None or not keys.key_matches(key, profile.key_check):
        raise WrongKey("The key in the keyring does not match this profile; nothing was changed.")
    locked = replace(profile, app_lock=True)
    # The keyring first: after a crash here, the next open finds the wrapped key, asks for the
    # passphrase, and records that the lock is on.
    source.store.put_wrapped(profile.profile_id, keys.wrap_key(key, passphrase, profile.profile_id))
    save_profile_file(opened.directory, locked)
    opened.profile = locked
    opened.source = KeyringSource(source.store, passphrase)


def disable_app_lock(opened: OpenProfile, passphrase: str) -> None:
    """Put the raw key back in the keyring; only with the right passphrase (WrongPassphrase)."""
    source = opened.source
    if not isinstance(source, KeyringSource) or not opened.profile.app_lock:
        raise InputError("The app lock is not on.")
    profile = opened.profile
    checking = KeyringSource(source.store, passphrase)
    key = checking.load(profile)
    if key is None or not keys.key_matches(key, profile.key_check):
        raise WrongKey("The key in the keyring does not match this profile; nothing was changed.")
    unlocked = replace(profile, app_lock=False)
    # The keyring first: after a crash here, the next open finds the raw key and records that
    # the lock is off (the passphrase was already proven right).
    source.store.put(profile.profile_id, key)
    save_profile_file(opened.directory, unlocked)
    opened.profile = unlocked
    opened.source = KeyringSource(source.store)
