"""Passphrases typed into a dialog: one set of rules and words, one way of handling them.

The start-up passphrase dialog and the app-lock dialog both ask for a new passphrase (typed
twice) or the current one; ``PassphraseCheck`` keeps their rules and their words the same, and
``PassphraseEntry`` their behaviour (check, wait busy, say what went wrong, forget the text).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from app.gui.signals import emit


class PassphraseCheck(QObject):
    """The rules for a passphrase typed by the user (a class, so counted text translates)."""

    def problem(
        self, passphrase: str, repeated: str, *, choosing: bool, min_length: int
    ) -> str | None:
        """Why ``passphrase`` cannot be used, or None.

        A new one (``choosing``) needs ``min_length`` characters and the same text twice; the
        current one only needs to be there (whether it is right is the store's answer).
        """
        if choosing:
            if len(passphrase) < min_length:
                return self.tr("The passphrase must have at least %n character(s).", "", min_length)
            if passphrase != repeated:
                return self.tr("The two passphrases are different.")
        elif not passphrase:
            return self.tr("Enter your passphrase.")
        return None


PASSPHRASE_CHECK = PassphraseCheck()


class PassphraseEntry:
    """What the passphrase dialogs share: check, then emit and wait busy; errors; clean-up.

    A mixin for a QDialog that has ``passphrase_edit``, ``confirm_edit``, ``ok_button``,
    ``error_label``, a ``passphraseChosen`` signal, ``_min_length``, and says with ``_choosing``
    whether a new passphrase is being chosen (typed twice) and with ``_ok_text`` and
    ``_busy_text`` what its OK button reads.
    """

    passphrase_edit: QLineEdit
    confirm_edit: QLineEdit
    ok_button: QPushButton
    error_label: QLabel
    passphraseChosen: Signal
    _min_length: int

    def _choosing(self) -> bool:
        raise NotImplementedError

    def _ok_text(self) -> str:
        raise NotImplementedError

    def _busy_text(self) -> str:
        raise NotImplementedError

    def _submit(self) -> None:
        passphrase = self.passphrase_edit.text()
        problem = PASSPHRASE_CHECK.problem(
            passphrase,
            self.confirm_edit.text(),
            choosing=self._choosing(),
            min_length=self._min_length,
        )
        if problem is not None:
            self.show_error(problem)
            return
        self.error_label.hide()
        self._set_busy(True)
        emit(self.passphraseChosen, passphrase)

    def show_error(self, message: str) -> None:
        """Say why the passphrase was not taken, and let the user type it again."""
        self._set_busy(False)
        self.error_label.setText(message)
        self.error_label.show()
        self.passphrase_edit.selectAll()
        self.passphrase_edit.setFocus()

    def clear_secrets(self) -> None:
        """Empty the fields so the passphrase does not linger in the widgets."""
        self.passphrase_edit.clear()
        self.confirm_edit.clear()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.passphrase_edit, self.confirm_edit, self.ok_button):
            widget.setEnabled(not busy)
        self.ok_button.setText(self._busy_text() if busy else self._ok_text())
