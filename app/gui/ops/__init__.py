"""GUI operations by domain: each runs one core call on the right lane, then hands it back.

``CoreOp`` is the one builder (after Anki's ``CollectionOp``/``QueryOp``): the call runs on the
DB lane (or, for network work that touches no database, on the I/O pool), and its result or
failure comes back to a handler on the GUI thread; a failure without a handler goes to the
shell's error report. The modules (``ops.chat``, ``ops.provider``...) hold the core calls each
page needs that are more than one facade call; a one-line call is written where it is used,
as ``CoreOp(lambda service: service.chat.search(text))``.
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
    io_pool: WorkerPool
    report_error: Callable[[Exception], None]


class CoreOp(Generic[T]):
    """One core call and what to do with its outcome; ``run`` submits it."""

    def __init__(
        self,
        op: Callable[[Confidant], T],
        *,
        success: Callable[[T], object] | None = None,
        network: bool = False,
    ) -> None:
        self._op = op
        self._success = success
        self._failure: Callable[[Exception], object] | None = None
        #: Network work that touches no database runs on the I/O pool.
        self._network = network

    def failure(self, handler: Callable[[Exception], object]) -> CoreOp[T]:
        """Handle a failure here instead of reporting it."""
        self._failure = handler
        return self

    def run(self, lanes: Lanes) -> Job | None:
        """Submit the call; None if the application is closing (nothing runs then)."""
        lane = lanes.io_pool if self._network else lanes.db_lane
        if lane.closed:
            return None
        failure = self._failure

        def failed(exc: Any) -> None:
            if not isinstance(exc, Exception):
                return
            if failure is not None:
                failure(exc)
            else:
                lanes.report_error(exc)

        return lane.submit(self._op, lanes.service, on_result=self._success, on_error=failed)
