"""``service.lock``: the app lock (a passphrase to open, locking when idle or on request)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core import keys, profile
from app.core.clock import monotonic_mark
from app.core.errors import InputError
from app.core.session import Session

#: Minutes without input before the app lock closes the store (0: never), and the longest.
APP_LOCK_IDLE_DEFAULT = 10
APP_LOCK_IDLE_MAX = 24 * 60
_APP_LOCK_IDLE_SETTING = "app_lock.idle_minutes"


@dataclass(frozen=True)
class AppLockStatus:
    """Whether opening the profile needs a passphrase, and how soon an idle app locks itself."""

    #: Opening needs a passphrase: the app lock is on, or the profile is in passphrase mode.
    enabled: bool
    #: Passphrase mode: the passphrase is always needed, so the lock cannot be turned off.
    passphrase_mode: bool
    #: Minutes without input before the app locks itself (0: never); None while locked.
    idle_minutes: int | None
    failed_attempts: int
    locked_until: str | None

    @property
    def auto_lock(self) -> bool:
        """Whether an idle app should lock itself."""
        return self.enabled and bool(self.idle_minutes)


def check_idle_minutes(minutes: int) -> int:
    """``minutes`` if it is a valid idle time; InputError if not."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise InputError("The idle time must be a whole number of minutes.")
    if not 0 <= minutes <= APP_LOCK_IDLE_MAX:
        raise InputError(
            f"The idle time must be between 0 (never lock) and {APP_LOCK_IDLE_MAX} minutes."
        )
    return minutes


class AppLock:
    """Turning the app lock on and off, its idle time, and locking now."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def status(self) -> AppLockStatus:
        """Whether opening needs a passphrase, the idle time, and the passphrase's attempt limit.

        It works while the profile is locked too; the idle time is then unknown (None).
        """
        s = self._s
        loaded = profile.load_profile_file(s.directory)
        if loaded is None:
            return AppLockStatus(False, False, None, 0, None)
        record = loaded.passphrase_attempts
        now = s.clock.now()
        return AppLockStatus(
            enabled=loaded.needs_passphrase,
            passphrase_mode=loaded.key_mode == "passphrase",
            idle_minutes=self._idle_minutes() if s.opened is not None else None,
            failed_attempts=record.failed_attempts,
            locked_until=record.locked_until(now, monotonic_mark(s.clock)),
        )

    def enable(self, passphrase: str, *, idle_minutes: int | None = None) -> AppLockStatus:
        """Turn the app lock on: the keyring then holds the key wrapped under ``passphrase``."""
        s = self._s
        s.require_guardian("changing the app lock")
        if idle_minutes is not None:
            check_idle_minutes(idle_minutes)
        with s.lock:
            opened = s.require_opened()
            profile.enable_app_lock(opened, passphrase)
            if idle_minutes is not None:
                s.settings.set(_APP_LOCK_IDLE_SETTING, str(idle_minutes))
            s.audit.record("applock.changed", enabled=True)
        return self.status()

    def disable(self, passphrase: str) -> AppLockStatus:
        """Turn the app lock off (the raw key goes back in the keyring); only with the passphrase.

        A wrong passphrase counts against the same attempt limit as opening.
        """
        s = self._s
        s.require_guardian("changing the app lock")
        with s.lock:
            opened = s.require_opened()
            record = s.passphrase_attempt_allowed()
            try:
                profile.disable_app_lock(opened, passphrase)
            except keys.WrongPassphrase:
                s.wrong_passphrase(record)
            s.right_passphrase(record)
            s.audit.record("applock.changed", enabled=False)
        return self.status()

    def set_idle_minutes(self, minutes: int) -> int:
        """After how many minutes without input the app locks itself (0: never)."""
        self._s.require_guardian("changing the app lock")
        check_idle_minutes(minutes)
        self._s.settings.set(_APP_LOCK_IDLE_SETTING, str(minutes))
        return minutes

    def lock_now(self) -> None:
        """Close the store and let go of the key: opening again needs the passphrase.

        The store, the key source (with the passphrase it was opened with), the guardian's
        session and every in-memory conversation are dropped, as by ``close``.
        """
        s = self._s
        with s.lock:
            opened = s.opened
            if opened is not None and not opened.profile.needs_passphrase:
                raise InputError("The app lock is off, so Confidant cannot lock itself.")
            s.guardian_until = 0.0
            s.close()

    def _idle_minutes(self) -> int:
        value = self._s.settings.get(_APP_LOCK_IDLE_SETTING)
        try:
            return check_idle_minutes(int(value)) if value is not None else APP_LOCK_IDLE_DEFAULT
        except (ValueError, InputError):
            return APP_LOCK_IDLE_DEFAULT
