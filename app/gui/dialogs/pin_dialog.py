"""The guardian's PIN, asked for when child mode guards a change (or to turn child mode off)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button, form, secret_edit
from app.gui.formatting import COUNTS
from app.gui.signals import emit
from app.gui.widgets.labels import error_label, heading, plain_label

LOCKOUT_TICK_MS = 1000


def wait_text(seconds: int) -> str:
    """A wait in words: ``45 seconds``, ``3 minutes``, ``2 hours``."""
    if seconds < 90:
        return COUNTS.seconds(seconds)
    if seconds < 5400:
        return COUNTS.minutes(round(seconds / 60))
    return COUNTS.hours(round(seconds / 3600))


class PinDialog(QDialog):
    """Asks for the guardian's PIN; emits ``pinEntered`` and stays open until told the outcome.

    Cancel is the default button: the change waits, and nothing is altered. Enter in the PIN
    field submits what was typed (it does not press the default button). A wrong PIN is said
    inline; a lockout shows how long is left, counting down, while the core keeps refusing.
    """

    pinEntered = Signal(str)

    def __init__(
        self,
        reason: str,
        parent: QWidget | None = None,
        *,
        title: str = "",
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        title = title or self.tr("Guardian PIN")
        ok_text = ok_text or self.tr("Unlock")
        self.setObjectName("pinDialog")
        self.setWindowTitle(title)
        self._ok_text = ok_text
        self._locked_seconds = 0

        title_label = heading(title, self, 1.15)
        self.reason_label = plain_label(reason, self, "pinReason")
        helper = plain_label(
            self.tr(
                "This is for a parent or guardian. If you are not one, press Cancel: nothing "
                "changes."
            ),
            self,
            "pinHelp",
            hint=True,
        )

        self.pin_edit = secret_edit(self, "pinEdit", self.tr("Guardian PIN"))
        self.pin_edit.installEventFilter(self)
        fields = form((self.tr("&PIN:"), self.pin_edit))

        self.error_label = error_label(self, "pinError")
        self.lockout_label = error_label(self, "pinLockout")
        self._tick = QTimer(self)
        self._tick.setInterval(LOCKOUT_TICK_MS)
        self._tick.timeout.connect(self._count_down)

        buttons = self._build_buttons(ok_text)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(helper)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        layout.addWidget(self.lockout_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.pin_edit.setFocus()

    def _build_buttons(self, ok_text: str) -> QDialogButtonBox:
        """OK (not pressed by Enter on its own) and Cancel, the default: nothing changes."""
        buttons = QDialogButtonBox(self)
        self.ok_button = add_button(
            buttons, ok_text, Role.AcceptRole, "pinOkButton", accessible=ok_text, auto_default=False
        )
        self.cancel_button = add_button(
            buttons,
            self.tr("Cancel"),
            Role.RejectRole,
            "pinCancelButton",
            accessible=self.tr("Cancel: change nothing"),
            default=True,
        )
        return buttons

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter in the PIN field submits it (left alone, the dialog would press Cancel)."""
        if (
            watched is self.pin_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def submit(self) -> None:
        """Hand the typed PIN on, unless the field is empty."""
        pin = self.pin_edit.text()
        if not pin:
            self._show_error(self.tr("Enter the guardian's PIN."))
            return
        if not self.ok_button.isEnabled():
            return  # the previous attempt is still being checked
        self.error_label.hide()
        self.set_busy(True)
        emit(self.pinEntered, pin)

    def set_busy(self, busy: bool) -> None:
        """While a PIN is being checked, nothing can be typed or pressed but Cancel."""
        self.pin_edit.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(self.tr("Checking…") if busy else self._ok_text)

    def show_wrong(self, message: str) -> None:
        """The PIN was wrong: say so under the field, empty it, and let it be typed again."""
        self.set_busy(False)
        if not self.locked:
            self.lockout_label.hide()
        self._show_error(message)

    def hide_error(self) -> None:
        """Hide the wrong-PIN line (a lockout says all there is to say)."""
        self.error_label.hide()

    def show_locked(self, seconds: int) -> None:
        """Too many wrong PINs: show the time left, counting down; restarting does not help."""
        self.set_busy(False)
        self._locked_seconds = max(seconds, 1)
        self._show_lockout()
        self._tick.start()
        self.pin_edit.clear()
        self.pin_edit.setFocus()

    @property
    def locked(self) -> bool:
        """Whether the dialog is showing a lockout that has not run out."""
        return self._locked_seconds > 0

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self._fit()
        self.pin_edit.clear()
        self.pin_edit.setFocus()

    def _show_lockout(self) -> None:
        self.lockout_label.setText(
            self.tr(
                "Too many wrong PINs, so PINs are not checked for a while. Try again in {wait}. "
                "Restarting Confidant or changing the clock does not shorten the wait."
            ).format(wait=wait_text(self._locked_seconds))
        )
        if not self.lockout_label.isVisible():
            self.lockout_label.show()
            self._fit()

    def _fit(self) -> None:
        # Grow to show a new line in full (word-wrapped labels would otherwise be clipped).
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    @Slot()
    def _count_down(self) -> None:
        self._locked_seconds -= 1
        if self._locked_seconds > 0:
            self._show_lockout()
            return
        self._tick.stop()
        self.lockout_label.setText(self.tr("You can try the PIN again now."))

    def done(self, result: int) -> None:
        """Closing in any way stops the countdown and empties the field."""
        self._tick.stop()
        self.pin_edit.clear()
        super().done(result)
