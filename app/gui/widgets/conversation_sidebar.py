"""The conversation list beside the chat: newest first, badges, a filter, rename and delete.

Layout and its own small state only: it shows the ``ChatListEntry`` rows it is given and says
what the user asked for through signals (open, rename, delete, filter, new chat). The filter
waits a moment after the last key before it asks, so typing stays smooth. Keyboard: Down
from the filter goes into the list, arrows move, Enter opens, F2 renames, Delete deletes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import follow_language
from app.gui.ops.dialogs import open_dialog

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QKeyEvent

    from app.core.chat_library import ChatListEntry

#: How long the filter waits after the last key before it asks (ms).
FILTER_DELAY_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole


class ConversationSidebar(QWidget):
    """The list of conversations; it asks, a controller answers."""

    openRequested = Signal(str)
    renameRequested = Signal(str, str)
    deleteRequested = Signal(str)
    #: The filter's text, once the user paused typing ('' lists everything).
    filterChanged = Signal(str)
    newChatRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationSidebar")
        self._entries: list[ChatListEntry] = []
        self._current: str | None = None
        #: The rename or delete question on show (non-modal to the app, modal to the window).
        self.dialog: QInputDialog | QMessageBox | None = None

        self.new_button = QPushButton(self)
        self.new_button.setObjectName("sidebarNewChat")
        self.new_button.clicked.connect(self.newChatRequested)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("conversationFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(lambda: self.filterChanged.emit(self.filter_text()))
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self._filter_now)

        self.list = QListWidget(self)
        self.list.setObjectName("conversationList")
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemActivated.connect(self._on_activated)
        self.list.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 4, 12)
        layout.addWidget(self.new_button)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(150)
        self.setMaximumWidth(280)
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the texts in the interface language."""
        self.new_button.setText(self.tr("New chat"))
        self.new_button.setToolTip(self.tr("Start a new conversation (Ctrl+N)"))
        self.filter_edit.setPlaceholderText(self.tr("Filter conversations (Ctrl+K)"))
        self.filter_edit.setAccessibleName(self.tr("Filter conversations"))
        self.list.setAccessibleName(self.tr("Conversations"))
        if self._entries:
            self.set_entries(self._entries, self._current)

    # --- what it shows ------------------------------------------------------------------------

    def set_entries(self, entries: list[ChatListEntry], current: str | None = None) -> None:
        """Show these conversations (newest first, as given); select ``current`` if listed."""
        self._entries = list(entries)
        self._current = current
        had_focus = self.list.hasFocus()
        # The row the user is on while they move through the list; else the one on show.
        selected = self.selected_id() if had_focus else current
        self.list.clear()
        for entry in self._entries:
            item = QListWidgetItem(self._item_text(entry), self.list)
            item.setData(ID_ROLE, entry.id)
            item.setToolTip(self.badges(entry))
        self.select(selected)
        if had_focus:
            self.list.setFocus()

    def set_current(self, conversation_id: str | None) -> None:
        """Mark the conversation on show (nothing is selected until it is listed)."""
        self._current = conversation_id
        if conversation_id not in self.ids():
            self.list.setCurrentRow(-1)
        self.select(conversation_id)

    def select(self, conversation_id: str | None) -> None:
        """Select the row of ``conversation_id`` (if listed)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == conversation_id:
                self.list.setCurrentRow(row)
                return

    def ids(self) -> list[str]:
        """The ids listed, top to bottom."""
        return [str(self.list.item(row).data(ID_ROLE)) for row in range(self.list.count())]

    def selected_id(self) -> str | None:
        """The id of the selected row, if any."""
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def filter_text(self) -> str:
        """What the filter says, trimmed."""
        return self.filter_edit.text().strip()

    def focus_filter(self) -> None:
        """Put the cursor in the filter, its text selected (Ctrl+K)."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def badges(self, entry: ChatListEntry) -> str:
        """The badges of one conversation as words: kept or not, temporary, sensitive."""
        words = []
        if entry.kept:
            words.append(self.tr("Kept"))
        elif entry.temporary:
            words.append(self.tr("Temporary, not kept"))
        else:
            words.append(self.tr("Not kept"))
        if entry.sensitive:
            words.append(self.tr("Sensitive"))
        return " · ".join(words)

    def _item_text(self, entry: ChatListEntry) -> str:
        title = entry.title or self.tr("Untitled")
        return f"{title}\n{self.badges(entry)}"

    def _entry(self, conversation_id: str) -> ChatListEntry | None:
        return next((e for e in self._entries if e.id == conversation_id), None)

    # --- what the user does ------------------------------------------------------------------

    def _filter_now(self) -> None:
        self._filter_timer.stop()
        self.filterChanged.emit(self.filter_text())
        if self.list.count():
            self.list.setFocus()
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(str(item.data(ID_ROLE)))

    def _menu(self, at: QPoint) -> None:
        item = self.list.itemAt(at)
        if item is None:
            return
        conversation_id = str(item.data(ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.openRequested.emit(conversation_id))
        menu.addAction(self.tr("Rename…"), lambda: self.ask_rename(conversation_id))
        menu.addAction(self.tr("Delete…"), lambda: self.ask_delete(conversation_id))
        menu.popup(self.list.viewport().mapToGlobal(at))

    def ask_rename(self, conversation_id: str) -> None:
        """Ask for a new title (the controller stores it)."""
        entry = self._entry(conversation_id)
        if entry is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("renameConversationDialog")
        dialog.setWindowTitle(self.tr("Rename conversation"))
        dialog.setLabelText(self.tr("Title:"))
        dialog.setTextValue(entry.title)
        dialog.setOkButtonText(self.tr("Rename"))
        dialog.textValueSelected.connect(
            lambda title: self.renameRequested.emit(conversation_id, title)
        )
        self._show(dialog)

    def ask_delete(self, conversation_id: str) -> None:
        """Ask before deleting (the controller deletes, as "delete one" does)."""
        entry = self._entry(conversation_id)
        if entry is None:
            return
        dialog = QMessageBox(self)
        dialog.setObjectName("deleteConversationDialog")
        dialog.setIcon(QMessageBox.Icon.Warning)
        dialog.setWindowTitle(self.tr("Delete conversation"))
        dialog.setText(self.tr("Delete “{title}” for good?").format(title=entry.title))
        dialog.setInformativeText(
            self.tr("Its messages, its search entries and its placeholders are erased.")
            if entry.kept
            else self.tr("It was not kept; it goes from this list now.")
        )
        delete = dialog.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        dialog.addButton(QMessageBox.StandardButton.Cancel)
        dialog.setDefaultButton(QMessageBox.StandardButton.Cancel)
        dialog.buttonClicked.connect(
            lambda button: self.deleteRequested.emit(conversation_id) if button is delete else None
        )
        self._show(dialog)

    def _show(self, dialog: QInputDialog | QMessageBox) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        open_dialog(dialog, lambda: self._forget(dialog), forget_when_closed=True)

    def _forget(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the filter into the list; F2 and Delete on the list."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if watched is self.filter_edit and key == Qt.Key.Key_Down and self.list.count():
            self.list.setFocus()
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
            return True
        if watched is self.list:
            chosen = self.selected_id()
            if chosen is not None and key == Qt.Key.Key_F2:
                self.ask_rename(chosen)
                return True
            if chosen is not None and key == Qt.Key.Key_Delete:
                self.ask_delete(chosen)
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape in the list goes back to the filter."""
        if event.key() == Qt.Key.Key_Escape:
            self.focus_filter()
        else:
            super().keyPressEvent(event)
