"""An injectable clock, so retention, lockouts and notices can be tested without waiting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

#: (boot id, seconds since boot): a reading of a clock that moving the wall clock cannot move.
Mark = tuple[str | None, float | None]

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")
_UPTIME = Path("/proc/uptime")


class Clock(Protocol):
    """Anything that can tell the current UTC time."""

    def now(self) -> dt.datetime:
        """The current time, timezone-aware, in UTC."""


class SystemClock:
    """The real wall clock."""

    def now(self) -> dt.datetime:
        """The current time, timezone-aware, in UTC."""
        return dt.datetime.now(dt.UTC)


class FixedClock:
    """A clock that only moves when told to (for tests and benchmarks)."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware time.")
        self._now = start
        self._uptime = 1000.0

    def now(self) -> dt.datetime:
        """The time this clock was set to."""
        return self._now

    def advance(self, delta: dt.timedelta) -> None:
        """Let time pass (or move the clock back, with a negative delta).

        Time passing forward moves this clock's uptime too; moving it back does not.
        """
        self._now += delta
        if delta > dt.timedelta(0):
            self._uptime += delta.total_seconds()

    def jump(self, delta: dt.timedelta) -> None:
        """Change the wall clock alone, as someone setting the clock (or libfaketime) does."""
        self._now += delta

    def monotonic_mark(self) -> Mark:
        """This clock's own boot id and uptime, which only ``advance`` moves."""
        return ("fixed-clock", self._uptime)


def iso(moment: dt.datetime) -> str:
    """A UTC timestamp as ISO 8601 text, the form the database stores."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def kernel_mark() -> Mark:
    """(boot id, seconds since boot) read from ``/proc``, or (None, None) where unavailable.

    Read from files, not ``clock_gettime``: per-process clock faking (libfaketime) reaches
    every clock call but not ``/proc``, and only root can change the kernel's uptime.
    """
    try:
        boot_id = _BOOT_ID.read_text(encoding="ascii").strip()
        uptime = float(_UPTIME.read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None, None
    return boot_id, uptime


def monotonic_mark(clock: Clock) -> Mark:
    """The monotonic reading that goes with ``clock``: its own if it has one, else the kernel's."""
    own = getattr(clock, "monotonic_mark", None)
    if own is not None:
        mark: Mark = own()
        return mark
    return kernel_mark()
