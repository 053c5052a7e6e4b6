"""Runs conversation searches on the DB lane for the search dialog, and says which one to open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.core.errors import KnownError
from app.gui.controllers.base import ErrorReporter, LaneController
from app.gui.dialogs.search_dialog import SearchDialog, SearchResult
from app.gui.formatting import local_time
from app.gui.ops.dialogs import open_dialog
from app.gui.signals import emit
from app.gui.workers import WorkerPool

if TYPE_CHECKING:
    from app.core.service import Confidant

#: Who wrote a message, by role (translated when listed).
SPEAKERS = {
    "user": QT_TRANSLATE_NOOP("SearchController", "You"),
    "assistant": QT_TRANSLATE_NOOP("SearchController", "Assistant"),
}


def search_conversations(service: Confidant, query: str) -> tuple[str, list[SearchResult]]:
    """The stored messages matching ``query``, ready to list. Runs on the DB lane."""
    hits = service.chat.search(query)
    return query, [
        SearchResult(
            conversation_id=hit.conversation_id,
            title=hit.title,
            when=local_time(hit.created_at),
            speaker=(
                QCoreApplication.translate("SearchController", SPEAKERS[hit.role])
                if hit.role in SPEAKERS
                else hit.role
            ),
            snippet=" ".join(hit.snippet.split()),
        )
        for hit in hits
    ]


class SearchController(LaneController):
    """Opens the search dialog (one at a time); ``conversationChosen(id)`` when one is picked."""

    conversationChosen = Signal(str)

    def __init__(
        self,
        parent_window: QWidget,
        service: Confidant,
        db_lane: WorkerPool,
        report_error: ErrorReporter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, db_lane, report_error, parent)
        self._parent_window = parent_window
        self.dialog: SearchDialog | None = None

    @Slot()
    def open(self) -> None:
        """Show the search dialog, or bring the open one forward."""
        if self._db_lane.closed:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            self.dialog.query_edit.setFocus()
            return
        dialog = SearchDialog(self._parent_window)
        dialog.searchRequested.connect(self._search)
        dialog.conversationChosen.connect(self._chosen)
        self.dialog = dialog
        open_dialog(dialog, self._forget_dialog, forget_when_closed=True)

    @Slot()
    def _forget_dialog(self) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    @Slot(str)
    def _search(self, query: str) -> None:
        self.run(search_conversations, query, on_result=self._show, on_error=self._on_failed)

    def _show(self, found: tuple[str, list[SearchResult]]) -> None:
        if self.dialog is not None:
            self.dialog.show_results(*found)

    def _on_failed(self, exc: object) -> None:
        if isinstance(exc, KnownError) and self.dialog is not None:
            self.dialog.show_error(exc.one_line())
            return
        self._failed(exc)

    @Slot(str)
    def _chosen(self, conversation_id: str) -> None:
        emit(self.conversationChosen, conversation_id)
