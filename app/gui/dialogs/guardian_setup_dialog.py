"""Setting up child mode: what it does, the guardian's agreement, and a PIN typed twice."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button, form, secret_edit
from app.gui.signals import emit
from app.gui.widgets.labels import error_label, heading, plain_label

#: The agreement's tick box (marked here, translated where it is shown).
AGREE_TEXT = QT_TRANSLATE_NOOP(
    "GuardianSetupDialog", "I am this child's parent or guardian and I agree"
)


def _markdown_label(text: str, parent: QWidget, name: str) -> QLabel:
    # Our own bundled wording, never user text, so rendering it as Markdown is safe.
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.MarkdownText)
    label.setWordWrap(True)
    label.setText(text)
    return label


def _smaller_headings(markdown: str) -> str:
    # The agreement's title is a page heading; inside a dialog it reads better two sizes down.
    return "\n".join(
        f"##{line}" if line.startswith("#") else line for line in markdown.splitlines()
    )


class GuardianSetupDialog(QDialog):
    """The guardian agrees and chooses a PIN; emits ``enableRequested(pin)`` and waits.

    Nothing is pre-checked and Cancel is the default button. The finish button stays disabled
    until the agreement is ticked and the PIN, typed twice the same, is long enough; an inline
    line says what is still missing. The dialog stays open, busy, until the owner calls
    ``show_error`` or closes it.
    """

    enableRequested = Signal(str)

    def __init__(self, consent_text: str, min_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guardianSetupDialog")
        self.setWindowTitle(self.tr("Set up child mode"))
        self._min_length = min_length
        self._busy = False

        title, does, does_not = self._build_explanation(consent_text)
        agree = QCoreApplication.translate("GuardianSetupDialog", AGREE_TEXT)
        self.agree_check = QCheckBox(agree, self)
        self.agree_check.setObjectName("guardianAgreeCheck")
        self.agree_check.setAccessibleName(agree)
        self.agree_check.setChecked(False)

        pin_intro = plain_label(
            self.tr(
                "Choose a PIN or passphrase of at least %n digit(s) or character(s) that your "
                "child does not know. If you forget it, the only way out is to erase this "
                "profile's data (Forget me).",
                "",
                min_length,
            ),
            self,
            "pinIntro",
            hint=True,
        )
        self.pin_edit = secret_edit(self, "newPinEdit", self.tr("Guardian PIN"))
        self.repeat_edit = secret_edit(self, "repeatPinEdit", self.tr("Repeat the guardian PIN"))
        fields = form((self.tr("&PIN:"), self.pin_edit), (self.tr("&Repeat it:"), self.repeat_edit))

        self.error_label = error_label(self, "guardianSetupError")

        buttons = self._build_buttons()
        buttons.accepted.connect(self.finish)
        buttons.rejected.connect(self.reject)

        self.pin_edit.installEventFilter(self)
        self.repeat_edit.installEventFilter(self)
        self.agree_check.toggled.connect(self._update)
        self.pin_edit.textChanged.connect(self._update)
        self.repeat_edit.textChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(does)
        layout.addWidget(does_not)
        layout.addWidget(self.consent_view, 1)
        layout.addWidget(self.agree_check)
        layout.addWidget(pin_intro)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        # Wide enough that the longer German wording still leaves the agreement room to read.
        self.setMinimumWidth(600)
        self._update()

    def _build_explanation(self, consent_text: str) -> tuple[QLabel, QLabel, QLabel]:
        """The title, what child mode does and does not do, and the agreement in full."""
        title = heading(self.tr("Set up child mode"), self, 1.2)
        # Said before the agreement; the agreement itself (consent.md) has the full list.
        does = _markdown_label(
            self.tr(
                "**Child mode** makes Confidant safer for a child: no conversation is kept, "
                "nothing is shared, personal details are removed from messages before they "
                "reach the assistant, and only a nickname, a built-in picture and the default "
                "voice are kept. Changing consents, the assistant or how long data is kept, and "
                "turning child mode off, need your PIN. A badge on every window tells your "
                "child that child mode is on."
            ),
            self,
            "childModeDoes",
        )
        does_not = _markdown_label(
            self.tr(
                "It does **not** filter what the assistant says, show you your child's "
                "conversations, or protect against someone who knows the PIN. Your child can "
                "always see what is stored about them and delete it, without the PIN."
            ),
            self,
            "childModeDoesNot",
        )

        self.consent_view = QTextBrowser(self)
        self.consent_view.setObjectName("guardianConsentText")
        self.consent_view.setAccessibleName(self.tr("The guardian's agreement"))
        self.consent_view.setOpenLinks(False)
        self.consent_view.setMarkdown(_smaller_headings(consent_text))
        self.consent_view.setMinimumHeight(140)  # it scrolls; the longer German text needs room

        return title, does, does_not

    def _build_buttons(self) -> QDialogButtonBox:
        """Finish (not pressed by Enter on its own) and Cancel, the default: nothing changes."""
        buttons = QDialogButtonBox(self)
        self.finish_button = add_button(
            buttons,
            self._finish_text(),
            Role.AcceptRole,
            "guardianFinishButton",
            accessible=self._finish_text(),
            auto_default=False,
        )
        self.cancel_button = add_button(
            buttons,
            self.tr("Cancel"),
            Role.RejectRole,
            "guardianCancelButton",
            accessible=self.tr("Cancel: leave child mode off"),
            default=True,
        )
        return buttons

    def pin_problem(self) -> str:
        """What is wrong with the PINs typed so far ('' if nothing, or nothing typed yet)."""
        pin, repeat = self.pin_edit.text(), self.repeat_edit.text()
        if not pin and not repeat:
            return ""
        if len(pin) < self._min_length:
            return self.tr(
                "The PIN needs at least %n digit(s) or character(s).", "", self._min_length
            )
        if repeat and pin != repeat:
            return self.tr("The two PINs are different.")
        return ""

    def ready(self) -> bool:
        """Whether the agreement is ticked and the same, long enough PIN was typed twice."""
        pin = self.pin_edit.text()
        return (
            self.agree_check.isChecked()
            and len(pin) >= self._min_length
            and pin == self.repeat_edit.text()
        )

    @Slot()
    def _update(self) -> None:
        self.finish_button.setEnabled(self.ready() and not self._busy)
        problem = self.pin_problem()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter in a PIN field moves on, or finishes when all is ready; it never cancels.

        (Left alone, a line edit passes Enter on to the dialog, which presses Cancel.)
        """
        enter = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        )
        if enter and watched is self.pin_edit:
            self.repeat_edit.setFocus()
            return True
        if enter and watched is self.repeat_edit:
            if self.finish_button.isEnabled():
                self.finish()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def finish(self) -> None:
        """Ask for child mode to be turned on with the PIN, if everything is in order."""
        if not self.ready() or self._busy:
            return
        self.set_busy(True)
        emit(self.enableRequested, self.pin_edit.text())

    def set_busy(self, busy: bool) -> None:
        """While child mode is being turned on, nothing can be changed; Cancel still closes."""
        self._busy = busy
        for widget in (self.agree_check, self.pin_edit, self.repeat_edit):
            widget.setEnabled(not busy)
        self.finish_button.setText(self.tr("Turning on…") if busy else self._finish_text())
        self._update()

    def _finish_text(self) -> str:
        return self.tr("Turn on child mode")

    def show_error(self, message: str) -> None:
        """Say why child mode was not turned on; the form can be corrected and sent again."""
        self.set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()

    def done(self, result: int) -> None:
        """Closing in any way empties the PIN fields."""
        self.pin_edit.clear()
        self.repeat_edit.clear()
        super().done(result)
