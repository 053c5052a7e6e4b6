"""The lock screen: what covers the window while the app lock holds the store closed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import secret_edit
from app.gui.signals import emit
from app.gui.widgets.labels import error_label, heading, plain_label

#: Why the window is locked, by what locked it (translated when shown).
REASONS = {
    "idle": QT_TRANSLATE_NOOP(
        "LockScreen", "Confidant locked itself because it was not used for a while."
    ),
    "manual": QT_TRANSLATE_NOOP("LockScreen", "You locked Confidant."),
}


class LockScreen(QWidget):
    """Layout only: the passphrase field emits ``unlockRequested``; the controller answers.

    The Unlock button is the default (Enter in the field presses it). Until the store is
    closed (``set_ready``), the field and the button stay disabled.
    """

    unlockRequested = Signal(str)
    quitRequested = Signal()

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = self.tr("Confidant is locked")
        self.setAccessibleName(title)

        self._build_texts(title, reason)
        self._build_controls()
        self._build_layout()

        self.unlock_button.clicked.connect(self._submit)
        self.passphrase_edit.returnPressed.connect(self._submit)
        self.quit_button.clicked.connect(lambda: emit(self.quitRequested))
        self._ready = False
        self._set_enabled(False)

    def _build_texts(self, title: str, reason: str) -> None:
        """The title, and why the window is locked."""
        self.title = heading(title, self)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        why = QCoreApplication.translate("LockScreen", REASONS.get(reason, REASONS["manual"]))
        self.reason_label = plain_label(
            self.tr(
                "{reason} Your key was removed from memory. Conversations that were not saved "
                "were closed; saved ones are kept, encrypted."
            ).format(reason=why),
            self,
            "lockReason",
        )
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _build_controls(self) -> None:
        """The passphrase field, Unlock (the default) and Quit, and the error and status lines."""
        self.passphrase_edit = secret_edit(self, "lockPassphraseEdit", self.tr("Passphrase"))
        self.passphrase_edit.setPlaceholderText(self.tr("Your passphrase"))
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        self.quit_button.setObjectName("lockQuitButton")
        self.quit_button.setAccessibleName(self.tr("Quit Confidant"))
        self.quit_button.setAutoDefault(False)
        self.error_label = error_label(self, "lockErrorLabel")
        self.error_label.setAccessibleName(self.tr("Why the passphrase was not taken"))
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = plain_label(self.tr("Locking…"), self, "lockStatus", hint=True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _build_layout(self) -> None:
        """One narrow column, centred in the window, a little above the middle."""
        field_row = QHBoxLayout()
        field_row.addWidget(self.passphrase_edit, 1)
        field_row.addWidget(self.unlock_button)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.reason_label)
        column.addSpacing(8)
        column.addLayout(field_row)
        column.addWidget(self.error_label)
        column.addWidget(self.status_label)
        column.addWidget(self.quit_button, 0, Qt.AlignmentFlag.AlignRight)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(460)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_ready(self) -> None:
        """The store is closed: the passphrase can be typed."""
        self._ready = True
        self.status_label.clear()
        self.status_label.hide()
        self._set_enabled(True)
        self.passphrase_edit.setFocus()

    @Slot()
    def _submit(self) -> None:
        if not self._ready or not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.show_error(self.tr("Enter your passphrase."))
            return
        self.error_label.hide()
        self._set_enabled(False)
        self.unlock_button.setText(self.tr("Unlocking…"))
        emit(self.unlockRequested, passphrase)

    def show_error(self, message: str) -> None:
        """Say, under the field, why the passphrase was not taken; let the user try again."""
        self.unlock_button.setText(self.tr("Unlock"))
        self._set_enabled(self._ready)
        self.error_label.setText(message)
        self.error_label.show()
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()

    def clear_secret(self) -> None:
        """Empty the field, so the passphrase does not linger in the widget."""
        self.passphrase_edit.clear()

    def _set_enabled(self, enabled: bool) -> None:
        self.passphrase_edit.setEnabled(enabled)
        self.unlock_button.setEnabled(enabled)


def cover_window(window: QMainWindow, screen: QWidget, kept: QWidget | None) -> QWidget:
    """Show ``screen`` in place of the window's contents, its menus and toolbars disabled.

    Returns the contents taken away, kept as a hidden child (so they go with the window if the
    app quits locked): ``kept`` itself when the window was covered already.
    """
    _enable_chrome(window, False)
    if kept is None:
        kept = window.takeCentralWidget()
        kept.setParent(window)
        kept.hide()
    else:
        window.takeCentralWidget().deleteLater()
    window.setCentralWidget(screen)
    return kept


def uncover_window(window: QMainWindow, kept: QWidget) -> None:
    """Put ``kept`` (what ``cover_window`` took) back in place of the lock screen."""
    screen = window.takeCentralWidget()
    screen.setParent(window)
    screen.hide()
    window.setCentralWidget(kept)
    kept.show()
    _enable_chrome(window, True)


def _enable_chrome(window: QMainWindow, enabled: bool) -> None:
    window.menuBar().setEnabled(enabled)
    for toolbar in window.findChildren(QToolBar):
        toolbar.setEnabled(enabled)
