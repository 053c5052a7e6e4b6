"""Recurring work: the hourly purge, the outbox flush and the notice poll.

A job is a few stages, each on its lane: the flush and the poll prepare on the DB lane, talk
to the collector on the I/O pool, and record the answers on the DB lane again, so a collector
that is slow to answer never holds up a database job. Each run is announced for the status
bar's progress, which shows it once it has run a moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)

from app.core.errors import KnownError
from app.core.jobs import CancelToken, ProgressCallback
from app.gui.progress import ProgressRelay
from app.gui.signals import emit
from app.gui.workers import WorkerPool, report_unexpected_failure

if TYPE_CHECKING:
    from app.core.service import Confidant

log = logging.getLogger(__name__)

HOUR_MS = 60 * 60 * 1000


class Timings(NamedTuple):
    """How often each recurring job runs, in milliseconds (tests pass short ones)."""

    purge_ms: int = HOUR_MS
    flush_ms: int = 5 * 60 * 1000
    notices_ms: int = 12 * HOUR_MS


#: One stage of a job: ``fn(service, previous stage's result, progress, cancel)``; on the DB
#: lane, or (``io``) on the I/O pool, where it must not touch the database.
Stage = tuple[bool, Callable[["Confidant", Any, ProgressCallback, CancelToken], object]]


def purge(service: Confidant, _previous: object, _progress: object, _cancel: object) -> object:
    """Delete what is past its retention. DB lane (it is never cancelled)."""
    return service.data.purge_expired()


def transmit(
    service: Confidant, sending: Any, progress: ProgressCallback, cancel: CancelToken
) -> object:
    """Send it (nothing without a collector and consent). I/O pool: no database here."""
    return service.outbox.transmit(sending, progress=progress, cancel=cancel)


def prepare_notices(
    service: Confidant, _previous: object, _progress: object, _cancel: object
) -> Any:
    """The notice poll to make, if allowed and due. DB lane."""
    return service.outbox.prepare_notices()


def fetch_notices(service: Confidant, fetch: Any, _progress: object, _cancel: object) -> object:
    """Ask the collector for its signed notices. I/O pool: no database here."""
    return service.outbox.fetch_notices(fetch)


def record_notices(service: Confidant, answer: Any, _progress: object, _cancel: object) -> object:
    """Verify and keep the notices. DB lane."""
    return service.outbox.record_notices(answer)


class _Flush:
    """The flush's first and last stages (DB lane): the last needs what the first prepared."""

    def __init__(self) -> None:
        self.sending: Any = None

    def prepare(
        self, service: Confidant, _previous: object, _progress: object, _cancel: object
    ) -> Any:
        """What is approved and due, sealed and batched."""
        self.sending = service.outbox.prepare_send()
        return self.sending

    def record(self, service: Confidant, sent: Any, _progress: object, _cancel: object) -> object:
        """Record what the collector answered, and the requests made."""
        return service.outbox.record_send(self.sending, sent)


class JobInfo(NamedTuple):
    """How the status bar names a recurring job, and whether it may be stopped.

    The texts are marked for translation and translated when the job starts.
    """

    label: str
    tip: str
    cancellable: bool


JOBS = {
    "purge": JobInfo(
        QT_TRANSLATE_NOOP("BackgroundJobs", "Deleting expired data…"),
        QT_TRANSLATE_NOOP(
            "BackgroundJobs",
            "Deleting what is past the date you chose to keep it. This is not stopped part "
            "way: nothing may be kept longer than you chose.",
        ),
        cancellable=False,
    ),
    "flush": JobInfo(
        QT_TRANSLATE_NOOP("BackgroundJobs", "Sending approved items…"),
        QT_TRANSLATE_NOOP(
            "BackgroundJobs",
            "Sending what you approved to the collector. Cancel stops it between requests; "
            "what was not sent waits in the outbox.",
        ),
        cancellable=True,
    ),
    "notices": JobInfo(
        QT_TRANSLATE_NOOP("BackgroundJobs", "Checking for security notices…"),
        QT_TRANSLATE_NOOP(
            "BackgroundJobs", "One request to the collector for signed security notices."
        ),
        cancellable=False,
    ),
}


class BackgroundJobs(QObject):
    """Three timers, each starting one job (its stages on the DB lane and the I/O pool).

    The notice poll also runs once at ``start``. A tick is skipped while the previous run of
    the same job is still queued, so a slow network cannot pile up work. Each finished run is
    announced with the facade's result: ``purged``, ``flushed``, ``noticesPolled``.

    For the status bar, every run is announced too: ``jobStarted(name, label, cancellable,
    tip)``, ``jobProgressed(name, done, total)`` and ``jobEnded(name)``; ``cancel(name)``
    stops a cancellable one between its steps.
    """

    purged = Signal(object)
    flushed = Signal(object)
    noticesPolled = Signal(object)
    jobStarted = Signal(str, str, bool, str)
    jobProgressed = Signal(str, int, int)
    jobEnded = Signal(str)

    def __init__(
        self,
        service: Confidant,
        db_lane: WorkerPool,
        timings: Timings | None = None,
        parent: QObject | None = None,
        *,
        io_pool: WorkerPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._db_lane = db_lane
        # Without a pool of its own, the network stages run on the DB lane (as they once did).
        self._io_pool = io_pool if io_pool is not None else db_lane
        self.timings = timings or Timings()
        self._running: dict[str, CancelToken] = {}
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
        self._run("purge", ((False, purge),), self.purged)

    @Slot()
    def flush_now(self) -> None:
        """Flush the outbox: prepare and record on the DB lane, send on the I/O pool."""
        flush = _Flush()
        stages: tuple[Stage, ...] = (
            (False, flush.prepare),
            (True, transmit),
            (False, flush.record),
        )
        self._run("flush", stages, self.flushed)

    @Slot()
    def poll_notices_now(self) -> None:
        """Poll for notices: prepare and record on the DB lane, fetch on the I/O pool."""
        stages: tuple[Stage, ...] = (
            (False, prepare_notices),
            (True, fetch_notices),
            (False, record_notices),
        )
        self._run("notices", stages, self.noticesPolled)

    def cancel(self, name: str) -> None:
        """Stop the running job ``name`` between its steps, if it may be stopped."""
        token = self._running.get(name)
        if token is not None and JOBS[name].cancellable:
            token.cancel()

    def _run(
        self,
        name: str,
        stages: Sequence[Stage],
        done: SignalInstance,
    ) -> None:
        if name in self._running or self._db_lane.closed:
            return
        token = CancelToken()
        relay = ProgressRelay(self)
        relay.advanced.connect(lambda step, total: emit(self.jobProgressed, name, step, total))
        self._running[name] = token
        info = JOBS[name]
        label = QCoreApplication.translate("BackgroundJobs", info.label)
        tip = QCoreApplication.translate("BackgroundJobs", info.tip)
        emit(self.jobStarted, name, label, info.cancellable, tip)

        def over() -> None:
            self._running.pop(name, None)
            relay.deleteLater()
            emit(self.jobEnded, name)

        def finished(result: object) -> None:
            over()
            emit(done, result)

        def failed(exc: object) -> None:
            over()
            if isinstance(exc, KnownError) or not isinstance(exc, BaseException):
                # Only the type: a message could name a path or a server.
                log.warning("The background %s failed (%s).", name, type(exc).__name__)
            else:
                report_unexpected_failure(exc, f"the background {name}")

        def run_stage(index: int, previous: object) -> None:
            on_io, fn = stages[index]
            lane = self._io_pool if on_io else self._db_lane
            if lane.closed:
                over()
                return
            last = index == len(stages) - 1
            lane.submit(
                fn,
                self._service,
                previous,
                relay.report,
                token,
                on_result=finished if last else lambda result: run_stage(index + 1, result),
                on_error=failed,
            )

        run_stage(0, None)
