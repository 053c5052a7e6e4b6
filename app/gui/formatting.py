"""Turning stored values (UTC timestamps, byte counts, day counts) into words for the screen."""

from __future__ import annotations

import datetime as dt

_UNITS = ("bytes", "KB", "MB", "GB", "TB")


def local_time(stamp: str | None, *, empty: str = "—") -> str:
    """An ISO 8601 UTC timestamp as local date and minute, e.g. ``2026-11-24 10:05``."""
    if not stamp:
        return empty
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def local_date(stamp: str | None, *, empty: str = "—") -> str:
    """An ISO 8601 timestamp as a local date."""
    return local_time(stamp, empty=empty)[:10] if stamp else empty


def approx_bytes(count: int) -> str:
    """A byte count as a short approximate size: ``0 bytes``, ``12 KB``, ``3.4 MB``."""
    size = float(count)
    for unit in _UNITS:
        if size < 1024 or unit == _UNITS[-1]:
            if unit == "bytes":
                return f"{int(size)} bytes" if int(size) != 1 else "1 byte"
            return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def retention_label(days: int) -> str:
    """A retention preset in words: ``30 days``, ``1 year``, ``3 years``."""
    if days % 365 == 0:
        years = days // 365
        return "1 year" if years == 1 else f"{years} years"
    return "1 day" if days == 1 else f"{days} days"


def due_in(stamp: str | None, today: dt.date) -> str:
    """When a deletion is due, relative to ``today``: ``today``, ``in 3 days``, ``on …``."""
    if not stamp:
        return "Nothing stored"
    try:
        day = dt.datetime.fromisoformat(stamp).date()
    except ValueError:
        return stamp
    days = (day - today).days
    if days <= 0:
        return "Due now"
    when = "tomorrow" if days == 1 else f"in {days} days"
    return f"{day.isoformat()} ({when})"


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 conversation``, ``3 conversations``."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
