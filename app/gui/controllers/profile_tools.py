"""What comes with an open profile: the notice banner, the privacy checkup, Data and My data.

The shell builds these once, the first time a profile is attached (after the first paint), and
keeps them when it is attached again after the app lock. They report through ``ShellEvents``
and their own signals, never through the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.gui.controllers.base import ErrorReporter
from app.gui.controllers.data import DataController
from app.gui.controllers.notices import NoticeBannerController
from app.gui.controllers.privacy_checkup import PrivacyCheckupController
from app.gui.widgets.data_menu import DataMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QVBoxLayout

    from app.core.service import Confidant
    from app.gui.controllers.my_data import MyDataController
    from app.gui.shell_events import ShellEvents
    from app.gui.workers import WorkerPool


class ProfileTools(QObject):
    """Builds and wires the profile's tools around the window (``window`` is their parent)."""

    #: The checkup asks for the privacy page.
    reviewRequested = Signal()
    #: The banner's notices changed (one was dismissed): the privacy page may show them.
    noticesChanged = Signal()

    def __init__(
        self,
        window: QMainWindow,
        page_column: QVBoxLayout,
        service: Confidant,
        db_lane: WorkerPool,
        events: ShellEvents,
        report_error: ErrorReporter,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._db_lane = db_lane
        self._events = events
        self._report_error = report_error
        self.notices = NoticeBannerController(
            page_column, window, service, db_lane, report_error, self
        )
        self.notices.changed.connect(self.noticesChanged)
        self.checkup = PrivacyCheckupController(window, service, db_lane, report_error, self)
        self.checkup.reviewRequested.connect(self.reviewRequested)
        # The Data menu (export, import, delete, forget me) needs a profile, so it comes now.
        menu = DataMenu(window)
        window.menuBar().addMenu(menu)
        self.data = DataController(menu, window, service, db_lane, report_error, self)
        self.data.changed.connect(events.dataChanged)
        events.dataActionRequested.connect(self.data.open)
        events.noticesChanged.connect(self.refresh_notices)
        self.my_data: MyDataController | None = None

    @Slot()
    def refresh_notices(self) -> None:
        """Show the oldest unread verified notice in the banner, or hide the banner."""
        if not self._db_lane.closed:
            self.notices.refresh()

    @Slot()
    def open_my_data(self) -> None:
        """Show what is stored about the user, with "Delete my data": never behind the PIN."""
        if self.my_data is None:
            from app.gui.controllers.my_data import MyDataController

            self.my_data = MyDataController(
                self._window, self._service, self._db_lane, self._report_error, self
            )
            self.my_data.changed.connect(self._events.dataChanged)
        self.my_data.open()
