"""Attempt limits for secrets typed by a person: the guardian PIN and the app-lock passphrase.

The first five wrong attempts are free. Each further one starts an exponential lockout (30 s,
1 min, 2 min … up to a day), during which no attempt is accepted, not even the right one.
Whoever keeps the record stores the count, the end of the lockout and the time of the latest
attempt, and that latest time is a floor for "now": moving the clock back never shortens a
lockout. This module holds only the policy; the guardian record lives in the encrypted store,
the passphrase's in ``profile.json`` (the store is locked while it is typed).

Moving the clock forward must not end a lockout either, so each wrong attempt also records a
monotonic mark: the kernel's boot id and its uptime (read from ``/proc``, which no per-process
clock faking such as libfaketime reaches, and which only root could change). A lockout lasts
until both the wall clock and the uptime since the attempt say it is over; after a reboot the
uptime since the boot is counted, so restarting the computer starts the wait again. Where
``/proc`` does not exist, only the wall clock counts.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from app.core.clock import Mark, iso, kernel_mark
from app.core.errors import KnownError

FREE_ATTEMPTS = 5
BASE_LOCKOUT_SECONDS = 30
MAX_LOCKOUT_SECONDS = 24 * 3600


class LockedOut(KnownError):
    """Too many wrong attempts: none is accepted until the lockout ends."""

    def __init__(self, message: str, *, seconds: int) -> None:
        super().__init__(message, hint="Wait, then try again. Restarting does not help.")
        self.seconds = seconds


def lockout_seconds(failed_attempts: int) -> int:
    """How long the lockout lasts after ``failed_attempts`` wrong attempts in a row."""
    if failed_attempts < FREE_ATTEMPTS:
        return 0
    return int(
        min(BASE_LOCKOUT_SECONDS * 2 ** (failed_attempts - FREE_ATTEMPTS), MAX_LOCKOUT_SECONDS)
    )


def monotonic_seconds_left(
    failed_attempts: int, boot_id: str | None, uptime_at: float | None, mark: Mark
) -> int:
    """How long the lockout of the latest wrong attempt still lasts by the uptime in ``mark``."""
    wait = lockout_seconds(failed_attempts)
    if not wait or boot_id is None or uptime_at is None:
        return 0
    current_boot, uptime = mark
    if current_boot is None or uptime is None:
        return 0
    # Another boot: the uptime since that boot is all that is known to have passed.
    elapsed = uptime - uptime_at if current_boot == boot_id else uptime
    left = wait - max(elapsed, 0.0)
    return math.ceil(left) if left > 0 else 0


def effective_now(now: dt.datetime, last_attempt_at: str | None) -> dt.datetime:
    """The time to judge attempts by: the clock, but never earlier than the last attempt."""
    if last_attempt_at:
        now = max(now, dt.datetime.fromisoformat(last_attempt_at))
    return now


def seconds_left(lockout_until: str | None, now: dt.datetime) -> int:
    """Whole seconds (rounded up) until ``lockout_until``; 0 when there is no lockout now."""
    if not lockout_until:
        return 0
    until = dt.datetime.fromisoformat(lockout_until)
    if now >= until:
        return 0
    return int((until - now).total_seconds()) + 1


def duration_text(seconds: int) -> str:
    """A wait in words: seconds, minutes or hours."""
    if seconds < 90:
        return f"{seconds} seconds"
    if seconds < 5400:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


@dataclass(frozen=True)
class AttemptRecord:
    """The persisted state of one attempt limit."""

    failed_attempts: int = 0
    lockout_until: str | None = None
    last_attempt_at: str | None = None
    #: The kernel's boot id and uptime at the latest wrong attempt (see ``clock.kernel_mark``).
    boot_id: str | None = None
    uptime_at: float | None = None

    def now(self, clock_now: dt.datetime) -> dt.datetime:
        """The time to judge this record by (see ``effective_now``)."""
        return effective_now(clock_now, self.last_attempt_at)

    def seconds_left(self, clock_now: dt.datetime, mark: Mark | None = None) -> int:
        """How long the current lockout still lasts (0: an attempt may be made).

        Both clocks must agree it is over: the wall clock (never earlier than the last
        attempt) and the kernel's uptime since that attempt, which a clock jump cannot age.
        """
        wall = seconds_left(self.lockout_until, self.now(clock_now))
        if not self.lockout_until:
            return wall
        current = kernel_mark() if mark is None else mark
        return max(
            wall,
            monotonic_seconds_left(self.failed_attempts, self.boot_id, self.uptime_at, current),
        )

    def locked_until(self, clock_now: dt.datetime, mark: Mark | None = None) -> str | None:
        """The end of the lockout if one is running now."""
        return self.lockout_until if self.seconds_left(clock_now, mark) else None

    def after_failure(self, clock_now: dt.datetime, mark: Mark | None = None) -> AttemptRecord:
        """The record once one more wrong attempt was made at ``clock_now``."""
        now = self.now(clock_now)
        failed = self.failed_attempts + 1
        wait = lockout_seconds(failed)
        until = iso(now + dt.timedelta(seconds=wait)) if wait else None
        boot_id, uptime = kernel_mark() if mark is None else mark
        return AttemptRecord(failed, until, iso(now), boot_id, uptime)

    def after_success(self, clock_now: dt.datetime) -> AttemptRecord:
        """The record once the right secret was given at ``clock_now``."""
        return AttemptRecord(0, None, iso(self.now(clock_now)))

    @property
    def attempts_left(self) -> int:
        """Free attempts left before the next wrong one starts a lockout."""
        return max(FREE_ATTEMPTS - self.failed_attempts, 0)

    def wrong_message(self, what: str) -> str:
        """What to tell the user after this (already recorded) wrong attempt."""
        left = self.attempts_left
        if left > 0:
            return f"{what} is wrong ({left} more tries before a pause)."
        wait = duration_text(lockout_seconds(self.failed_attempts))
        return f"{what} is wrong. Try again in {wait}."
