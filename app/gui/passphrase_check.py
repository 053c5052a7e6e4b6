"""What is wrong with a passphrase typed into a dialog, said the same way everywhere.

The start-up passphrase dialog and the app-lock dialog both ask for a new passphrase (typed
twice) or the current one; one check keeps their rules and their words the same.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


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
