"""Searching the stored conversations: a query field, the matching messages, Enter opens one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.signals import emit
from app.gui.widgets.labels import plain_label

#: How long typing pauses before the search runs.
TYPING_PAUSE_MS = 250


class SearchResult(NamedTuple):
    """One matching message, as the list shows it (all plain text)."""

    conversation_id: str
    title: str
    when: str
    speaker: str
    snippet: str


class SearchDialog(QDialog):
    """Layout and keys only; a controller runs the searches.

    ``searchRequested(text)`` fires after a pause in typing, or at once on Enter; the
    controller answers with ``show_results``. ``conversationChosen(id)`` fires when a result
    is activated (Enter or a double click), and the dialog closes.
    """

    searchRequested = Signal(str)
    conversationChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search conversations"))

        intro = plain_label(
            self.tr(
                "Finds words in the conversations kept on this computer. Temporary chats and "
                "conversations that were not kept cannot be found: they were never stored."
            ),
            self,
            hint=True,
        )
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("searchQuery")
        self.query_edit.setAccessibleName(self.tr("Search for"))
        self.query_edit.setPlaceholderText(self.tr("Words to find"))
        self.query_edit.setClearButtonEnabled(True)

        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Matching messages"))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.status_label = plain_label("", self, "searchStatus")
        self.status_label.setAccessibleName(self.tr("Search result count"))

        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("openConversationButton")
        self.open_button.setEnabled(False)
        self.open_button.setAutoDefault(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_current)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 70, 360)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.query_edit.textEdited.connect(self._on_typed)
        self.query_edit.returnPressed.connect(self._on_enter_in_query)
        self.query_edit.installEventFilter(self)
        self.results.itemActivated.connect(self._on_activated)
        self.results.currentItemChanged.connect(self._on_current_changed)
        self._move_to_results = False
        self.query_edit.setFocus()

    # --- what the controller calls -------------------------------------------------------

    def show_results(self, query: str, results: Sequence[SearchResult]) -> None:
        """Show what ``query`` found (ignored if the query has changed since)."""
        if query.strip() != self.query_edit.text().strip():
            return
        self.results.clear()
        for result in results:
            title = result.title or self.tr("Untitled")
            item = QListWidgetItem(
                self.tr("{title} · {when}\n{speaker}: {snippet}").format(
                    title=title, when=result.when, speaker=result.speaker, snippet=result.snippet
                ),
                self.results,
            )
            item.setData(Qt.ItemDataRole.UserRole, result.conversation_id)
            item.setToolTip(result.snippet)
        if results:
            self.status_label.setText(
                self.tr("%n matching message(s). Enter opens one.", "", len(results))
            )
            self.results.setCurrentRow(0)
            if self._move_to_results:
                self.results.setFocus()
        else:
            self.status_label.setText(self.tr("Nothing stored matches.") if query.strip() else "")
        self._move_to_results = False

    def show_error(self, text: str) -> None:
        """Say that the search failed."""
        self.status_label.setText(text)

    # --- keys and clicks -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the query field goes to the results."""
        if (
            watched is self.query_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.results.count()
        ):
            self.results.setFocus()
            return True
        return False

    @Slot(str)
    def _on_typed(self, _text: str) -> None:
        self._pause.start()

    @Slot()
    def _on_enter_in_query(self) -> None:
        # Enter searches at once and moves to the results, where the next Enter opens one.
        self._move_to_results = True
        self.search_now()

    @Slot()
    def search_now(self) -> None:
        """Ask for the results of what is typed now."""
        self._pause.stop()
        query = self.query_edit.text().strip()
        if not query:
            self.results.clear()
            self.status_label.setText("")
            self._move_to_results = False
            return
        emit(self.searchRequested, query)

    @Slot(object, object)
    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.open_button.setEnabled(current is not None)

    @Slot(object)
    def _on_activated(self, item: QListWidgetItem) -> None:
        self._choose(item)

    @Slot()
    def open_current(self) -> None:
        """Open the conversation of the selected result."""
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        conversation_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(conversation_id, str):
            emit(self.conversationChosen, conversation_id)
            self.accept()
