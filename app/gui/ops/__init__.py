"""GUI operations by domain: each runs one core call on the right lane, then hands it back.

``CoreOp`` is the one builder (after Anki's ``CollectionOp``/``QueryOp``): the call runs on the
DB lane (or, for network work that touches no database, on the I/O pool), and its result or
failure comes back to a handler on the GUI thread; a failure without a handler goes to the
shell's error report. Every controller's ``run`` (``controllers.base.LaneController``) and the
guardian's gate go through it. The modules (``ops.chat``, ``ops.provider``...) hold the core
calls each page makes, by domain, as plain functions of the facade: named, they read well at
the call site and are shared where two pages make the same call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.gui.workers import Job, WorkerPool

T = TypeVar("T")


class Lanes(NamedTuple):
    """Where operations run, on which facade, and where unhandled failures go."""

    service: Confidant
    db_lane: WorkerPool
    report_error: Callable[[Exception], None]
    #: For network work that touches no database (None where a controller has no I/O pool).
    io_pool: WorkerPool | None = None


class CoreOp(Generic[T]):
    """One core call, ``op(service, *args)``, and what to do with its outcome.

    ``run`` submits it on its lane: the DB lane, or for ``network`` work that touches no
    database, the I/O pool. Its result goes to ``success``; a failure to the handler given to
    ``failure``, or, without one, to the lanes' error report (KnownError in one sentence, a bug
    in the crash dialog).
    """

    def __init__(
        self,
        op: Callable[..., T],
        *args: Any,
        success: Callable[[T], object] | None = None,
        network: bool = False,
    ) -> None:
        self._op = op
        self._args = args
        self._success = success
        self._failure: Callable[[Any], object] | None = None
        self._network = network

    def failure(self, handler: Callable[[Any], object] | None) -> CoreOp[T]:
        """Handle a failure here instead of reporting it (None: report it)."""
        self._failure = handler
        return self

    def run(self, lanes: Lanes) -> Job | None:
        """Submit the call; None if the application is closing (nothing runs then)."""
        lane = lanes.io_pool if self._network else lanes.db_lane
        if lane is None:
            raise ValueError("A network operation needs lanes with an I/O pool.")
        if lane.closed:
            return None
        failure = self._failure
        if failure is None:

            def failure(exc: Any) -> None:
                if isinstance(exc, Exception):
                    lanes.report_error(exc)

        return lane.submit(
            self._op, lanes.service, *self._args, on_result=self._success, on_error=failure
        )
