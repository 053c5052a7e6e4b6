"""Recurring work on the DB lane: the hourly purge, the outbox flush and the notice poll."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot

from app.gui.signals import emit
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant

log = logging.getLogger(__name__)

HOUR_MS = 60 * 60 * 1000


class Timings(NamedTuple):
    """How often each recurring job runs, in milliseconds (tests pass short ones)."""

    purge_ms: int = HOUR_MS
    flush_ms: int = 5 * 60 * 1000
    notices_ms: int = 12 * HOUR_MS


def purge(service: Confidant) -> object:
    """Delete what is past its retention. Runs on the DB lane."""
    return service.purge_expired()


def flush_outbox(service: Confidant) -> object:
    """Send what is approved and due (nothing without a collector and consent). DB lane."""
    return service.upstream.send()


def poll_notices(service: Confidant) -> object:
    """Fetch and verify security notices if allowed and due. Runs on the DB lane."""
    return service.upstream.poll_notices()


class BackgroundJobs(QObject):
    """Three timers, each submitting one facade call to the DB lane.

    The notice poll also runs once at ``start``. A tick is skipped while the previous run of
    the same job is still queued, so a slow network cannot pile up work. Each finished run is
    announced with the facade's result: ``purged``, ``flushed``, ``noticesPolled``.
    """

    purged = Signal(object)
    flushed = Signal(object)
    noticesPolled = Signal(object)

    def __init__(
        self,
        service: Confidant,
        db_lane: WorkerPool,
        timings: Timings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._db_lane = db_lane
        self.timings = timings or Timings()
        self._running: set[str] = set()
        self.purge_timer = self._timer(self.timings.purge_ms, self.purge_now)
        self.flush_timer = self._timer(self.timings.flush_ms, self.flush_now)
        self.notices_timer = self._timer(self.timings.notices_ms, self.poll_notices_now)

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def start(self) -> None:
        """Start the timers and poll for notices once now."""
        for timer in (self.purge_timer, self.flush_timer, self.notices_timer):
            timer.start()
        self.poll_notices_now()

    def stop(self) -> None:
        """Stop every timer (jobs already queued still run)."""
        for timer in (self.purge_timer, self.flush_timer, self.notices_timer):
            timer.stop()

    @Slot()
    def purge_now(self) -> None:
        """Run the retention purge on the DB lane."""
        self._run("purge", purge, self.purged)

    @Slot()
    def flush_now(self) -> None:
        """Flush the outbox on the DB lane."""
        self._run("flush", flush_outbox, self.flushed)

    @Slot()
    def poll_notices_now(self) -> None:
        """Poll for notices on the DB lane."""
        self._run("notices", poll_notices, self.noticesPolled)

    def _run(self, name: str, job: Callable[[Confidant], object], done: SignalInstance) -> None:
        if name in self._running or self._db_lane.closed:
            return
        self._running.add(name)

        def finished(result: object) -> None:
            self._running.discard(name)
            emit(done, result)

        def failed(exc: object) -> None:
            self._running.discard(name)
            # Only the type: a message could name a path or a server.
            log.warning("The background %s failed (%s).", name, type(exc).__name__)

        self._db_lane.submit(job, self._service, on_result=finished, on_error=failed)
