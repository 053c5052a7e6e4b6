"""Worker pools: the single-thread DB lane, the I/O pool, and the job handles they return.

Every call into the store goes down the DB lane, one at a time, on one thread that stays alive
until shutdown. Network and other slow non-database work will use the I/O pool. A worker only
ever calls a plain Python callable; its outcome comes back through ``ResultBridge`` and is
re-emitted on the GUI thread by the job's own signals, so no worker touches a widget.

A failure that no handler was given for, and that is not a ``KnownError``, is a bug nobody
would otherwise hear of: it goes to the unexpected-failure hook (the crash dialog, once the
application has set it; see ``set_unexpected_failure_hook``).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.core.errors import KnownError
from app.gui.bridge import ResultBridge
from app.gui.signals import emit

log = logging.getLogger(__name__)

#: How long shutdown waits for running jobs before giving up on them.
SHUTDOWN_TIMEOUT_MS = 30_000

Handler = Callable[[Any], object]
#: Called on the GUI thread with an unexpected failure and where it happened, in words.
FailureHook = Callable[[BaseException, str], None]

_unexpected_failure_hook: FailureHook | None = None


def set_unexpected_failure_hook(hook: FailureHook | None) -> FailureHook | None:
    """Send unhandled, unexpected job failures to ``hook``; return the hook it replaces."""
    global _unexpected_failure_hook
    previous = _unexpected_failure_hook
    _unexpected_failure_hook = hook
    return previous


def report_unexpected_failure(exc: BaseException, where: str) -> None:
    """A job failed with a bug: log its type, and hand it to the hook (the crash dialog)."""
    _log_failure(exc)
    if _unexpected_failure_hook is not None:
        _unexpected_failure_hook(exc, where)


class Job(QObject):
    """A handle on one submitted call; its signals fire on the GUI thread."""

    result = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None, *, handled: bool = False) -> None:
        super().__init__(parent)
        #: Whether the submitter gave a failure handler (else a bug goes to the hook).
        self.handled = handled


class _Call(QRunnable):
    """Runs one callable on a pool thread and reports through the bridge (never a widget)."""

    def __init__(
        self, bridge: ResultBridge, job_id: int, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> None:
        super().__init__()
        self._bridge = bridge
        self._job_id = job_id
        self._fn = fn
        self._args = args

    def run(self) -> None:
        """Call the function; carry its value or its exception back, typed as raised."""
        try:
            value = self._fn(*self._args)
        except Exception as exc:  # noqa: BLE001 - every failure is handed to the GUI thread
            emit(self._bridge.failed, self._job_id, exc)
        else:
            emit(self._bridge.succeeded, self._job_id, value)
        finally:
            # Drop the arguments here: they may hold a prompt or a passphrase.
            self._fn = _nothing
            self._args = ()


def _nothing(*_args: Any) -> None:
    return None


class WorkerPool(QObject):
    """A QThreadPool whose results come back as signals on the GUI thread.

    Create it on the GUI thread. With ``max_threads=1`` it is a lane: jobs run one after the
    other in submission order, on the same thread for the pool's whole life.
    """

    def __init__(self, name: str, max_threads: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._pool = QThreadPool(self)
        self._pool.setObjectName(name)
        self._pool.setMaxThreadCount(max_threads)
        # A thread that never expires keeps a lane on one thread, which SQLite prefers; the
        # threads are removed for good by ``shutdown``.
        self._pool.setExpiryTimeout(-1)
        self._bridge = ResultBridge(self)
        self._bridge.succeeded.connect(self._deliver_result)
        self._bridge.failed.connect(self._deliver_failure)
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self._closed = False

    @property
    def closed(self) -> bool:
        """Whether ``shutdown`` was called; a closed pool accepts no more jobs."""
        return self._closed

    @property
    def pending(self) -> int:
        """How many submitted jobs have not delivered their outcome yet."""
        return len(self._jobs)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Handler | None = None,
        on_error: Handler | None = None,
    ) -> Job:
        """Run ``fn(*args)`` on the pool; connect handlers before it can possibly finish."""
        if self._closed:
            raise RuntimeError(f"{self.objectName()} is shut down and takes no more jobs.")
        job = Job(self, handled=on_error is not None)
        if on_result is not None:
            job.result.connect(on_result)
        if on_error is not None:
            job.failed.connect(on_error)
        job_id = next(self._ids)
        self._jobs[job_id] = job
        self._pool.start(_Call(self._bridge, job_id, fn, args))
        return job

    def submit_and_forget(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` for its effect, logging only the type of any failure."""
        self.submit(fn, *args, on_error=_log_failure)

    def wait(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Block until every job has run (their outcomes are delivered later, by signal)."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> None:
        """Refuse new jobs, let queued ones run, wait for them, and stop the threads."""
        self._closed = True
        # waitForDone also removes the pool's threads, so nothing outlives the application.
        if not self._pool.waitForDone(timeout_ms):
            log.warning("%s: jobs still running after %d ms.", self.objectName(), timeout_ms)
        # Outcomes still queued for delivery are dropped: their receivers are going away.
        for job in self._jobs.values():
            job.deleteLater()
        self._jobs.clear()

    @Slot(int, object)
    def _deliver_result(self, job_id: int, value: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        emit(job.result, value)
        emit(job.finished)
        job.deleteLater()

    @Slot(int, object)
    def _deliver_failure(self, job_id: int, exc: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None:
            return
        emit(job.failed, exc)
        emit(job.finished)
        job.deleteLater()
        if not job.handled and isinstance(exc, BaseException):
            self._report_unhandled(exc)

    def _report_unhandled(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            log.warning("%s: a job failed (%s).", self.objectName(), type(exc).__name__)
            return
        report_unexpected_failure(exc, f"a job on the {self.objectName()}")


def _log_failure(exc: object) -> None:
    # Only the type: the message of an unexpected exception may hold private text.
    log.error("A background job failed (%s).", type(exc).__name__)


def db_lane(parent: QObject | None = None) -> WorkerPool:
    """The one lane every database call goes down."""
    return WorkerPool("db-lane", 1, parent)


def io_pool(parent: QObject | None = None) -> WorkerPool:
    """The pool for network and other slow work that does not touch the database."""
    return WorkerPool("io-pool", 4, parent)
