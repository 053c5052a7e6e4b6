"""Child mode: a guardian's PIN, attempt limits that survive restarts and clock changes, policy.

The PIN (at least six characters) is kept only as an Argon2id hash with its parameters. After
five wrong attempts each further one starts an exponential lockout (30 s, 1 min, 2 min … up
to a day). The count and the lockout live in the encrypted store, and time is never allowed to
run backwards for them: the latest attempt time is stored too, so restarting the app or moving
the clock back does not shorten a lockout. Forgetting the PIN has one way out: erasing the
child's profile (the safe direction); nothing else bypasses it.

The attempt record is also mirrored into ``profile.json`` (outside the database, with the
monotonic mark of ``attempts``), written before the store on every attempt; the stricter of
the two copies counts. Copying back an older database therefore does not reset the count, and
neither does moving the clock forward. What someone with write access to the files can still
do is set out in docs/privacy.md.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core import keys

# The attempt limit (attempts.py) is shared with the app lock; it stays importable from here.
from app.core.attempts import (
    FREE_ATTEMPTS,  # noqa: F401
    AttemptRecord,
    LockedOut,
    duration_text,
    lockout_seconds,  # noqa: F401
)
from app.core.audit import AuditLog
from app.core.clock import Clock, iso, monotonic_mark
from app.core.errors import InputError, KnownError
from app.core.resources import resource_path
from app.core.store.database import Database

MIN_PIN_LENGTH = 6
GUARDIAN_CONSENT_VERSION = "1"


class WrongPin(KnownError):
    """The guardian PIN was wrong."""


class GuardianLocked(LockedOut):
    """Too many wrong PINs: no attempt is accepted until the lockout ends."""


class GuardianRequired(KnownError):
    """Child mode is on and this change needs the guardian's PIN."""


@dataclass(frozen=True)
class ChildModeStatus:
    """Whether child mode is on, and the state of the PIN's attempt limit."""

    enabled: bool
    configured: bool
    failed_attempts: int
    locked_until: str | None
    consent_at: str | None


def validate_pin(pin: str) -> None:
    """A PIN or passphrase of at least six characters."""
    if len(pin) < MIN_PIN_LENGTH:
        raise InputError(f"The guardian PIN needs at least {MIN_PIN_LENGTH} digits or characters.")


def guardian_consent_text() -> str:
    """The text the guardian agrees to when turning child mode on."""
    return resource_path("guardian", "consent.md").read_text(encoding="utf-8")


def support_resources_file(language: str = "en") -> Path:
    """The helplines file used for a locale (English if it has none): the guardian may edit it."""
    folder = resource_path("guardian", "helplines")
    # Only a language tag names a file: nothing else may reach outside the folder.
    tag = language if language.isascii() and language.replace("-", "").isalpha() else "en"
    path = folder / f"{tag}.md"
    if not path.exists():
        path = folder / "en.md"
    return path


def support_resources(language: str = "en") -> str:
    """Age-appropriate helplines for a locale (a list the guardian can edit), English fallback."""
    return support_resources_file(language).read_text(encoding="utf-8")


class AttemptMirror(Protocol):
    """Where the PIN's attempt record is kept outside the store (profile.json)."""

    def load(self) -> AttemptRecord | None:
        """The mirrored record, or None if there is none."""

    def save(self, record: AttemptRecord) -> None:
        """Replace the mirrored record."""


class ProfileFileMirror:
    """The guardian's attempt record in the profile's ``profile.json``."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def load(self) -> AttemptRecord | None:
        """The record in profile.json (None without a profile file)."""
        from app.core.profile import load_profile_file

        loaded = load_profile_file(self._directory)
        return None if loaded is None else loaded.guardian_attempts

    def save(self, record: AttemptRecord) -> None:
        """Write the record into profile.json."""
        from app.core.profile import record_guardian_attempts

        record_guardian_attempts(self._directory, record)


class ChildMode:
    """The guardian record in the encrypted store."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        audit: AuditLog,
        mirror: AttemptMirror | None = None,
    ) -> None:
        self._db = database
        self._clock = clock
        self._audit = audit
        self._mirror = mirror

    def _record(self, failed: int, until: str | None, last: str | None) -> AttemptRecord:
        """The stricter of the store's record and its mirror outside the store."""
        stored = AttemptRecord(failed, until, last)
        mirrored = self._mirror.load() if self._mirror is not None else None
        if mirrored is not None and mirrored.failed_attempts >= stored.failed_attempts:
            return mirrored
        return stored

    def _save_record(self, record: AttemptRecord) -> None:
        # The mirror first: a crash between the two leaves the stricter copy outside the store.
        if self._mirror is not None:
            self._mirror.save(record)
        with self._db.transaction("recording a PIN attempt") as conn:
            conn.execute(
                "UPDATE guardian SET failed_attempts = ?, lockout_until = ?, last_attempt_at = ? "
                "WHERE id = 1",
                (record.failed_attempts, record.lockout_until, record.last_attempt_at),
            )

    def _row(self) -> tuple[int, str, str, int, str | None, str | None, str] | None:
        rows = self._db.query(
            "SELECT enabled, pin_hash, kdf, failed_attempts, lockout_until, last_attempt_at, "
            "consent_at FROM guardian WHERE id = 1"
        )
        return tuple(rows[0]) if rows else None

    def is_on(self) -> bool:
        """Whether child mode is on."""
        row = self._row()
        return bool(row and row[0])

    def status(self) -> ChildModeStatus:
        """The current state, for the guardian and ``child-mode status``."""
        row = self._row()
        if row is None:
            return ChildModeStatus(False, False, 0, None, None)
        enabled, _hash, _kdf, failed, until, last, consent_at = row
        record = self._record(failed, until, last)
        mark = monotonic_mark(self._clock)
        locked = record.lockout_until if record.seconds_left(self._clock.now(), mark) else None
        return ChildModeStatus(bool(enabled), True, record.failed_attempts, locked, consent_at)

    def enable(self, pin: str) -> None:
        """Turn child mode on with a new PIN, recording the guardian's consent first."""
        validate_pin(pin)
        if self.is_on():
            raise InputError("Child mode is already on.")
        kdf = keys.new_kdf_params()
        digest = keys.derive_key(pin, kdf).hex()
        now = iso(self._clock.now())
        with self._db.transaction("turning child mode on") as conn:
            # The guardian's consent is written in the same transaction, before the switch.
            conn.execute(
                "INSERT INTO guardian(id, enabled, pin_hash, kdf, failed_attempts, consent_at, "
                "consent_version) VALUES (1, 0, ?, ?, 0, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET pin_hash = excluded.pin_hash, kdf = excluded.kdf, "
                "failed_attempts = 0, lockout_until = NULL, consent_at = excluded.consent_at, "
                "consent_version = excluded.consent_version",
                (digest, json.dumps(kdf), now, GUARDIAN_CONSENT_VERSION),
            )
            conn.execute("UPDATE guardian SET enabled = 1 WHERE id = 1")
            self._audit.record("childmode.changed", conn, enabled=True)

    def verify(self, pin: str) -> None:
        """Check the PIN against the attempt limit; raise WrongPin or GuardianLocked."""
        row = self._row()
        if row is None:
            raise InputError("No guardian PIN is set.")
        _enabled, digest, kdf, failed, until, last, _consent = row
        record = self._record(failed, until, last)
        now = record.now(self._clock.now())
        mark = monotonic_mark(self._clock)
        wait = record.seconds_left(now, mark)
        if wait:
            raise GuardianLocked(
                f"Too many wrong PINs. Try again in {duration_text(wait)}.", seconds=wait
            )
        candidate = keys.derive_key(pin, json.loads(kdf)).hex()
        if hmac.compare_digest(candidate, digest):
            self._save_record(record.after_success(now))
            return
        record = record.after_failure(now, mark)
        self._save_record(record)
        raise WrongPin(record.wrong_message("That PIN"))

    def disable(self, pin: str) -> None:
        """Turn child mode off; only with the PIN."""
        self.verify(pin)
        with self._db.transaction("turning child mode off") as conn:
            conn.execute("UPDATE guardian SET enabled = 0 WHERE id = 1")
            self._audit.record("childmode.changed", conn, enabled=False)
