"""No secure keyring: offer passphrase mode or Quit, with Quit as the default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class KeyringDialog(QDialog):
    """Accepting means the user chose passphrase mode; rejecting (the default) means Quit.

    Quit is the default button and holds the focus, so Enter or Escape never picks the less
    private option by accident: passphrase mode needs a deliberate click.
    """

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyringDialog")
        self.setWindowTitle(self.tr("No secure keyring"))
        self.setModal(True)

        heading = QLabel(self.tr("Confidant cannot use a system keyring here"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        # The reason comes from the core (in English, like every core message for now).
        paragraphs = (
            self.tr(
                "Confidant keeps the key to your encrypted data in your system keyring, such as "
                "GNOME Keyring or KWallet. {reason}"
            ).format(reason=reason),
            self.tr(
                "You can protect your data with a passphrase instead. You will type it each "
                "time Confidant starts, and if you forget it, nobody can recover your data."
            ),
            self.tr("Or quit now, set up a system keyring, and start Confidant again."),
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        for paragraph in paragraphs:
            label = QLabel(paragraph, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)

        buttons = QDialogButtonBox(self)
        self.passphrase_button = buttons.addButton(
            self.tr("Use a passphrase instead"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.passphrase_button.setObjectName("usePassphraseButton")
        self.passphrase_button.setAutoDefault(False)
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setObjectName("quitButton")
        self.quit_button.setAutoDefault(True)
        self.quit_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.quit_button.setFocus()
