"""The Data menu: export, import, delete, forget me and a new key, each opening its dialog."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget


class DataMenu(QMenu):
    """Layout only: five actions, which the data controller connects to its dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("&Data", parent)
        self.setObjectName("dataMenu")
        self.export_action = self._action(
            "&Export your data…", "exportAction", "Save everything Confidant keeps to one file"
        )
        self.import_action = self._action(
            "&Import conversations…",
            "importAction",
            "Bring in conversations from a Confidant, ChatGPT or Claude export",
        )
        self.addSeparator()
        self.delete_action = self._action(
            "&Delete conversations…",
            "deleteAction",
            "Delete one conversation, those from a date range, or all of them",
        )
        self.forget_action = self._action(
            "&Forget me…", "forgetMeAction", "Erase your whole profile, here and upstream"
        )
        self.addSeparator()
        self.rekey_action = self._action(
            "Change encryption &key…",
            "rekeyAction",
            "Re-encrypt your profile under a new random key",
        )

    def _action(self, text: str, name: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setStatusTip(tip)
        self.addAction(action)
        return action
