"""Long jobs in plain Python: they report ``Progress`` and stop when their ``CancelToken`` says."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.core.errors import KnownError


class Cancelled(KnownError):
    """The user cancelled the job; nothing it would have written was kept."""


@dataclass(frozen=True)
class Progress:
    """How far a job has come."""

    done: int
    total: int
    what: str

    @property
    def fraction(self) -> float:
        """Between 0 and 1."""
        return self.done / self.total if self.total else 1.0


class CancelToken:
    """Set from any thread; checked by the job between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the job should stop."""
        if self._event.is_set():
            raise Cancelled("Cancelled; nothing was kept.")


ProgressCallback = Callable[[Progress], None]


def no_progress(_progress: Progress) -> None:
    """A progress callback that ignores progress."""
