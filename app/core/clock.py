"""An injectable clock, so retention, lockouts and notices can be tested without waiting."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


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

    def now(self) -> dt.datetime:
        """The time this clock was set to."""
        return self._now

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock forward (or back, with a negative delta)."""
        self._now += delta


def iso(moment: dt.datetime) -> str:
    """A UTC timestamp as ISO 8601 text, the form the database stores."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")
