"""What every page controller shares: the facade, the DB lane, and where failures go."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app.gui.workers import Handler, Job, WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant

ErrorReporter = Callable[[Exception], None]


class LaneController(QObject):
    """Runs facade calls on the DB lane; a failure without its own handler is reported."""

    def __init__(
        self,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._db_lane = db_lane
        self._report_error = report_error

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Handler | None = None,
        on_error: Handler | None = None,
    ) -> Job | None:
        """Call ``fn(service, *args)`` on the DB lane, unless the application is closing."""
        if self._db_lane.closed:
            return None
        return self._db_lane.submit(
            fn, self._service, *args, on_result=on_result, on_error=on_error or self._failed
        )

    def _failed(self, exc: object) -> None:
        if isinstance(exc, Exception):
            self._report_error(exc)


class PageController(LaneController):
    """A lane controller behind one page of the main window."""

    def refresh(self) -> None:
        """Read what the page shows again, on the DB lane, and show it."""
        raise NotImplementedError
