"""The notice banner above every page: the oldest unread verified notice, until dismissed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.ops.outbox import mark_notice_read, unread_notices
from app.gui.signals import emit
from app.gui.widgets.notice_banner import NoticeBanner
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant
    from app.core.upstream.notices import Notice


class NoticeBannerController(LaneController):
    """Puts a NoticeBanner at the top of ``column`` when there is an unread notice.

    Dismissing marks the notice read and shows the next one; ``changed`` fires after that.
    """

    changed = Signal()

    def __init__(
        self,
        column: QVBoxLayout,
        host: QWidget,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self._column = column
        self._host = host
        self.banner: NoticeBanner | None = None

    @Slot()
    def refresh(self) -> None:
        """Read the unread notices again and show the oldest."""
        self.run(unread_notices, on_result=self._show)

    def _show(self, notices: list[Notice]) -> None:
        if not notices:
            if self.banner is not None:
                self.banner.hide()
            return
        if self.banner is None:
            self.banner = NoticeBanner(self._host)
            self.banner.setContentsMargins(8, 8, 8, 0)
            self.banner.dismissed.connect(self._dismiss)
            self._column.insertWidget(0, self.banner)
        oldest = notices[-1]  # unread() lists the newest first
        self.banner.show_notice(
            oldest.id, oldest.severity, oldest.title, oldest.body, more=len(notices) - 1
        )

    @Slot(str)
    def _dismiss(self, notice_id: str) -> None:
        self.run(mark_notice_read, notice_id, on_result=self._after_read)

    def _after_read(self, _none: None) -> None:
        self.refresh()
        emit(self.changed)
