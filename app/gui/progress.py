"""Carrying a core job's progress from a worker lane to the GUI thread, as a signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.jobs import Progress
from app.gui.signals import emit


class ProgressRelay(QObject):
    """Lives on the GUI thread; ``report`` is called on a worker, and only emits.

    It emits when the whole percentage changes and at the end, so a large job does not flood
    the event queue.
    """

    advanced = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = -1

    def report(self, progress: Progress) -> None:
        """Called by the core on a worker thread; never touches a widget."""
        percent = progress.done * 100 // progress.total if progress.total else 100
        if percent != self._last or progress.done == progress.total:
            self._last = percent
            emit(self.advanced, progress.done, progress.total)
