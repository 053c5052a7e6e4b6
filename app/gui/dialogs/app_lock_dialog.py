"""Turn the app lock on (a new passphrase, twice) or off (its passphrase); Cancel is default."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button, form, secret_edit
from app.gui.passphrase_check import PassphraseEntry
from app.gui.widgets.labels import error_label, heading, plain_label


class AppLockDialog(PassphraseEntry, QDialog):
    """Emits ``passphraseChosen`` and waits, busy, until the controller closes it or says why not.

    Cancel is the default button: Enter never changes the lock by accident.
    """

    passphraseChosen = Signal(str)

    def __init__(self, *, enabling: bool, min_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabling = enabling
        self._min_length = min_length
        self.setObjectName("appLockDialog")
        self.setWindowTitle(
            self.tr("Turn on the app lock") if enabling else self.tr("Turn off the app lock")
        )

        title = heading(
            self.tr("Lock Confidant with a passphrase")
            if enabling
            else self.tr("Turn off the app lock?"),
            self,
            1.1,
        )
        intro_text = (
            self.tr(
                "Opening Confidant will need this passphrase, and Confidant will lock itself "
                "when it has not been used for a while. Your key stays in the system keyring, "
                "wrapped under the passphrase. If you forget it, nobody can recover your data."
            )
            if enabling
            else self.tr(
                "Without the app lock, anyone who can use your computer account can open "
                "Confidant. Enter your passphrase to turn it off."
            )
        )
        intro = plain_label(intro_text, self, "appLockIntro")

        self.passphrase_edit = secret_edit(self, "appLockPassphraseEdit", self.tr("Passphrase"))
        self.confirm_edit = secret_edit(
            self, "appLockConfirmEdit", self.tr("Repeat the passphrase")
        )
        fields = form((self.tr("&Passphrase:"), self.passphrase_edit))
        if enabling:
            self.passphrase_edit.setPlaceholderText(
                self.tr("At least %n character(s)", "", min_length)
            )
            fields.addRow(self.tr("&Repeat it:"), self.confirm_edit)
        else:
            self.confirm_edit.hide()
        self.error_label = error_label(self, "appLockErrorLabel")

        buttons = self._build_buttons()
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.finished.connect(self.clear_secrets)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.passphrase_edit.setFocus()

    def _build_buttons(self) -> QDialogButtonBox:
        """OK (not pressed by Enter on its own) and Cancel, the default."""
        buttons = QDialogButtonBox(self)
        self.ok_button = add_button(
            buttons,
            self._ok_text(),
            Role.AcceptRole,
            "appLockOkButton",
            accessible=(
                self.tr("Turn the app lock on")
                if self.enabling
                else self.tr("Turn the app lock off")
            ),
            auto_default=False,
        )
        self.cancel_button = add_button(
            buttons,
            self.tr("Cancel"),
            Role.RejectRole,
            "appLockCancelButton",
            accessible=self.tr("Cancel"),
            auto_default=True,
            default=True,
        )
        return buttons

    def _choosing(self) -> bool:
        return self.enabling

    def _busy_text(self) -> str:
        return self.tr("Working…")

    def _ok_text(self) -> str:
        return self.tr("Turn on") if self.enabling else self.tr("Turn off")
