"""Changing the encryption key: what it does, Cancel by default, and no stopping once begun."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs.parts import Role, add_button
from app.gui.signals import emit
from app.gui.sizing import grow_to_fit
from app.gui.widgets.labels import error_label, heading, plain_label
from app.gui.widgets.warning_note import WarningNote

#: Where the key is, by key mode (translated when shown).
WHERE_THE_KEY_IS = {
    "keyring": QT_TRANSLATE_NOOP("RekeyDialog", "kept in your system keyring"),
    "passphrase": QT_TRANSLATE_NOOP("RekeyDialog", "protected by your passphrase"),
}
#: What the dialog says once the key is changed (translated when shown).
DONE = QT_TRANSLATE_NOOP(
    "RekeyDialog", "Done. Your store is encrypted with a new key, and the old key is gone."
)


class RekeyDialog(QDialog):
    """Explains the change; ``rekeyRequested`` starts it. Cancel is the default button.

    While the store is re-encrypted the dialog shows a busy bar and cannot be closed; the
    controller answers with ``show_done`` or ``show_error``.
    """

    rekeyRequested = Signal()

    def __init__(self, key_mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rekeyDialog")
        self.setWindowTitle(self.tr("Change encryption key"))
        self._busy = False

        texts = self._build_texts(key_mode)
        self._build_progress()
        self.buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for text in texts:
            layout.addWidget(text)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _build_texts(self, key_mode: str) -> list[QWidget]:
        """The title, what a change of key does, and that it cannot be stopped once begun."""
        title = heading(self.tr("Change the encryption key"), self, 1.15)
        where = QCoreApplication.translate(
            "RekeyDialog", WHERE_THE_KEY_IS.get(key_mode, WHERE_THE_KEY_IS["keyring"])
        )
        explanation = plain_label(
            self.tr(
                "Your profile is encrypted with a random key, {where}. Changing it re-encrypts "
                "the whole store under a new random key and then replaces the old key, which no "
                "longer opens anything. Do this if you think the key may have been seen, for "
                "example if a backup of your keyring went astray. Your conversations and "
                "settings stay as they are."
            ).format(where=where),
            self,
            "rekeyExplanation",
        )
        warning = WarningNote(
            self.tr(
                "Once it has started it cannot be cancelled: stopping half way could leave the "
                "store unreadable. It takes a moment for a large profile; keep Confidant open "
                "until it is done."
            ),
            "rekeyWarning",
            self,
        )
        return [title, explanation, warning]

    def _build_progress(self) -> None:
        """The busy bar, the status line and the error line, all hidden at first."""
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("rekeyProgress")
        self.progress_bar.setAccessibleName(self.tr("Re-encrypting progress"))
        self.progress_bar.setRange(0, 0)  # busy: SQLCipher does not say how far it is
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.status_label = plain_label("", self, "rekeyStatus")
        self.status_label.hide()
        self.error_label = error_label(self, "rekeyError")

    def _build_buttons(self) -> QDialogButtonBox:
        """Change the key (never on Enter alone) and Cancel, the default, which has the focus."""
        buttons = QDialogButtonBox(self)
        self.change_button = add_button(
            buttons,
            self.tr("Change the key"),
            Role.ActionRole,
            "changeKeyButton",
            auto_default=False,
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.change_button.clicked.connect(self._submit)
        buttons.rejected.connect(self.reject)
        return buttons

    @property
    def busy(self) -> bool:
        """Whether the store is being re-encrypted now."""
        return self._busy

    @Slot()
    def _submit(self) -> None:
        self.error_label.hide()
        self._set_busy(True)
        self.status_label.setText(self.tr("Re-encrypting your store… This cannot be cancelled."))
        self.status_label.show()
        grow_to_fit(self)
        emit(self.rekeyRequested)

    def reject(self) -> None:
        """Close, unless the key is being changed (that cannot be stopped)."""
        if not self._busy:
            super().reject()

    def show_done(self) -> None:
        """The new key is in place."""
        self._set_busy(False)
        self.status_label.setText(QCoreApplication.translate("RekeyDialog", DONE))
        self.change_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus()
        grow_to_fit(self)

    def show_error(self, text: str) -> None:
        """The change did not happen; ``text`` says why."""
        self._set_busy(False)
        self.status_label.hide()
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress_bar.setVisible(busy)
        self.change_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
