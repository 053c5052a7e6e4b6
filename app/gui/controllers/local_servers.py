"""Runs "Find assistants on this computer": the probes on the I/O pool, their log on the DB lane.

Nothing runs until the user clicks the finder's button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.ops.provider import log_requests

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.gui.widgets.local_server_finder import LocalServerFinder
    from app.gui.workers import WorkerPool


class LocalServerController(LaneController):
    """Keeps a LocalServerFinder answered."""

    def __init__(
        self,
        finder: LocalServerFinder,
        service: Confidant,
        db_lane: WorkerPool,
        io_pool: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self.finder = finder
        self._io_pool = io_pool
        finder.findRequested.connect(self.find)

    @Slot()
    def find(self) -> None:
        """Probe 127.0.0.1 at the known ports, off the GUI thread."""
        if self._io_pool.closed:
            return
        self._io_pool.submit(
            self._service.assistant.find_local_servers,
            on_result=self._found,
            on_error=self._failed_search,
        )

    def _found(self, servers: object) -> None:
        self.run(log_requests)
        self.finder.show_servers(list(servers))  # type: ignore[call-overload]

    def _failed_search(self, exc: object) -> None:
        self.run(log_requests)
        self.finder.show_failure(self.tr("The search did not finish; try again."))
        self._failed(exc)
