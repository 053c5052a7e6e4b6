"""Passphrase mode: choose a passphrase for a new profile, or enter it to unlock one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button, form, secret_edit
from app.gui.passphrase_check import PassphraseEntry
from app.gui.widgets.labels import error_label


class PassphraseDialog(PassphraseEntry, QDialog):
    """Emits ``passphraseChosen`` and waits, busy, until the shell accepts it or shows an error.

    The dialog stays open while the profile is being opened, so a wrong passphrase can be
    retyped in place. Quit (reject) closes it.
    """

    passphraseChosen = Signal(str)

    def __init__(self, *, creating: bool, min_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.creating = creating
        self._min_length = min_length
        self.setObjectName("passphraseDialog")
        self.setModal(True)

        if creating:
            self.setWindowTitle(self.tr("Choose a passphrase"))
            intro = self.tr(
                "Choose a passphrase of at least %n character(s). You will type it each time "
                "Confidant starts. If you forget it, nobody can recover your data.",
                "",
                min_length,
            )
        else:
            self.setWindowTitle(self.tr("Unlock Confidant"))
            intro = self.tr(
                "Your data is protected by a passphrase. Enter it to open your profile."
            )
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        intro_label.setTextFormat(Qt.TextFormat.PlainText)

        self.passphrase_edit = secret_edit(self, "passphraseEdit", self.tr("Passphrase"))
        self.confirm_edit = secret_edit(self, "confirmEdit", self.tr("Repeat the passphrase"))
        fields = form((self.tr("&Passphrase:"), self.passphrase_edit))
        if creating:
            fields.addRow(self.tr("&Repeat it:"), self.confirm_edit)
        else:
            self.confirm_edit.hide()

        self.error_label = error_label(self, "passphraseErrorLabel")

        buttons = QDialogButtonBox(self)
        self.ok_button = add_button(
            buttons, self._ok_text(), Role.AcceptRole, "passphraseOkButton", default=True
        )
        self.quit_button = add_button(
            buttons, self.tr("Quit"), Role.RejectRole, "quitButton", auto_default=False
        )
        # The OK button checks the passphrase first; only the shell closes the dialog.
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro_label)
        layout.addLayout(fields)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.passphrase_edit.setFocus()

    def _choosing(self) -> bool:
        return self.creating

    def _busy_text(self) -> str:
        return self.tr("Opening…")

    def _ok_text(self) -> str:
        return self.tr("Create profile") if self.creating else self.tr("Unlock")
