"""The Data menu: export, import, delete, forget me and a new key, each opening its dialog."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.gui.i18n import follow_language


class DataMenu(QMenu):
    """Layout only: five actions, which the data controller connects to its dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataMenu")
        self.export_action = self._action("exportAction")
        self.import_action = self._action("importAction")
        self.addSeparator()
        self.delete_action = self._action("deleteAction")
        self.forget_action = self._action("forgetMeAction")
        self.addSeparator()
        self.rekey_action = self._action("rekeyAction")
        self.retranslate()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set every text in the interface language."""
        self.setTitle(self.tr("&Data"))
        for action, text, tip in (
            (
                self.export_action,
                self.tr("&Export your data…"),
                self.tr("Save everything Confidant keeps to one file"),
            ),
            (
                self.import_action,
                self.tr("&Import conversations…"),
                self.tr("Bring in conversations from a Confidant, ChatGPT or Claude export"),
            ),
            (
                self.delete_action,
                self.tr("&Delete conversations…"),
                self.tr("Delete one conversation, those from a date range, or all of them"),
            ),
            (
                self.forget_action,
                self.tr("&Forget me…"),
                self.tr("Erase your whole profile, here and upstream"),
            ),
            (
                self.rekey_action,
                self.tr("Change encryption &key…"),
                self.tr("Re-encrypt your profile under a new random key"),
            ),
        ):
            action.setText(text)
            action.setStatusTip(tip)

    def _action(self, name: str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        self.addAction(action)
        return action
