"""Turning stored values (UTC timestamps, byte counts, day counts) into words for the screen.

Counted words ("3 days", "1 message") come from ``COUNTS``, in the interface language with its
plural forms.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from app.gui.i18n import current_language

_UNITS = ("bytes", "KB", "MB", "GB", "TB")


class Counted(QObject):
    """A count with its noun, in the interface language and its plural forms.

    A class because ``lupdate`` gives a text plural forms only when it is marked with
    ``self.tr`` in a class (a counted ``QCoreApplication.translate`` loses them). Each phrase
    stands alone, so a sentence can take it as a ``{placeholder}``.
    """

    def conversations(self, n: int) -> str:
        """``1 conversation``, ``3 conversations``."""
        return self.tr("%n conversation(s)", "", n)

    def messages(self, n: int) -> str:
        """``1 message``, ``3 messages``."""
        return self.tr("%n message(s)", "", n)

    def byte_count(self, n: int) -> str:
        """``1 byte``, ``300 bytes``."""
        return self.tr("%n byte(s)", "", n)

    def days(self, n: int) -> str:
        """``1 day``, ``30 days``."""
        return self.tr("%n day(s)", "", n)

    def in_days(self, n: int) -> str:
        """``in 1 day``, ``in 30 days`` (German declines the noun after "in")."""
        return self.tr("in %n day(s)", "", n)

    def years(self, n: int) -> str:
        """``1 year``, ``3 years``."""
        return self.tr("%n year(s)", "", n)

    def seconds(self, n: int) -> str:
        """``1 second``, ``45 seconds``."""
        return self.tr("%n second(s)", "", n)

    def minutes(self, n: int) -> str:
        """``1 minute``, ``5 minutes``."""
        return self.tr("%n minute(s)", "", n)

    def hours(self, n: int) -> str:
        """``1 hour``, ``2 hours``."""
        return self.tr("%n hour(s)", "", n)


#: The counted words, for every module (translating is safe on any thread).
COUNTS = Counted()


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
    """A byte count as a short approximate size: ``0 bytes``, ``12 KB``, ``3.4 MB``.

    The decimal separator is the interface language's (``3,4 MB`` in German).
    """
    size = float(count)
    for unit in _UNITS:
        if size < 1024 or unit == _UNITS[-1]:
            if unit == "bytes":
                return COUNTS.byte_count(int(size))
            locale = QLocale(current_language())
            locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
            number = locale.toString(size, "f", 1 if size < 10 else 0)
            return f"{number} {unit}"
        size /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def retention_label(days: int) -> str:
    """A retention preset in words: ``30 days``, ``1 year``, ``3 years``."""
    if days % 365 == 0:
        return COUNTS.years(days // 365)
    return COUNTS.days(days)


def due_in(stamp: str | None, today: dt.date) -> str:
    """When a deletion is due, relative to ``today``: ``today``, ``in 3 days``, ``on …``."""
    if not stamp:
        return QCoreApplication.translate("Formatting", "Nothing stored")
    try:
        day = dt.datetime.fromisoformat(stamp).date()
    except ValueError:
        return stamp
    days = (day - today).days
    if days <= 0:
        return QCoreApplication.translate("Formatting", "Due now")
    when = (
        QCoreApplication.translate("Formatting", "tomorrow") if days == 1 else COUNTS.in_days(days)
    )
    return QCoreApplication.translate("Formatting", "{day} ({when})").format(
        day=day.isoformat(), when=when
    )
