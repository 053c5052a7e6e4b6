"""What every page controller shares: the facade, the DB lane, and where failures go."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject

from app.gui.ops import CoreOp, Lanes
from app.gui.workers import Handler, Job, WorkerPool

if TYPE_CHECKING:
    from typing import Self

    from PySide6.QtWidgets import QWidget

    from app.core.service import Confidant
    from app.gui.shell_events import ShellEvents

ErrorReporter = Callable[[Exception], None]


class PageContext(NamedTuple):
    """What the shell gives every page controller it builds (see ``PageController.for_page``)."""

    service: Confidant
    db_lane: WorkerPool
    io_pool: WorkerPool
    report_error: ErrorReporter
    events: ShellEvents
    parent: QObject


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
        self._lanes = Lanes(service, db_lane, report_error)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Handler | None = None,
        on_error: Handler | None = None,
    ) -> Job | None:
        """Call ``fn(service, *args)`` on the DB lane, unless the application is closing."""
        return CoreOp(fn, *args, success=on_result).failure(on_error).run(self._lanes)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, Exception):
            self._report_error(exc)


class PageController(LaneController):
    """A lane controller behind one page of the main window."""

    @classmethod
    def for_page(cls, view: QWidget, context: PageContext) -> Self:
        """The controller of ``view``, built by the shell, reporting to ``context.events``."""
        controller = cls(
            view, context.service, context.db_lane, context.report_error, context.parent
        )  # type: ignore[call-arg]
        controller.connect_events(context.events)
        return controller

    def connect_events(self, events: ShellEvents) -> None:
        """Pass on to the shell what it needs to hear (none by default)."""

    def refresh(self) -> None:
        """Read what the page shows again, on the DB lane, and show it."""
        raise NotImplementedError
