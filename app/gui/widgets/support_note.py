"""Helplines in the chat, shown in child mode when a conversation touches a sensitive topic."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.i18n import follow_language
from app.gui.widgets.labels import plain_label

NOTE_NAME = "supportNote"
#: Says whose list it is, so a child knows a grown-up chose it and can change it (translated
#: when shown).
GUARDIAN_LIST = QT_TRANSLATE_NOOP("SupportNote", "A list your guardian can edit")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: A heading of any level: shown as a small one, so the note does not shout.
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)

# Fixed colours with a dark text colour, so the note reads the same on light and dark themes.
_STYLE = (
    f"#{NOTE_NAME} {{ background: #e8f5e9; border: 1px solid #66bb6a; border-radius: 4px; }}"
    f"#{NOTE_NAME} QLabel {{ color: #1b3d1f; background: transparent; border: none; }}"
)


def helplines_markdown(text: str) -> str:
    """The helplines file as shown: no comments (notes for the guardian), small headings."""
    shown = _COMMENT.sub("", text).strip()
    return _HEADING.sub("#### ", shown)


class SupportNote(QFrame):
    """Whose list this is, the helplines (Markdown from the guardian's file), and where it is."""

    def __init__(self, text: str, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(NOTE_NAME)
        self.setStyleSheet(_STYLE)
        self._where = where

        self.caption_label = plain_label("", self, "supportNoteCaption")
        font = self.caption_label.font()
        font.setBold(True)
        self.caption_label.setFont(font)
        self.hide_button = QPushButton(self)
        self.hide_button.setObjectName("hideSupportButton")
        self.hide_button.setAutoDefault(False)
        self.hide_button.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.caption_label, 1)
        top.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)

        # Markdown, but nothing in it acts: no link opens and no image loads from elsewhere.
        self.text_label = QLabel(self)
        self.text_label.setObjectName("supportNoteText")
        self.text_label.setTextFormat(Qt.TextFormat.MarkdownText)
        self.text_label.setWordWrap(True)
        self.text_label.setOpenExternalLinks(False)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where_label = plain_label("", self, "supportNoteWhere", hint=True)
        self.where_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.text_label)
        layout.addWidget(self.where_label)
        self.set_text(text, where)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """Set the note's own texts in the interface language (the helplines are a file's)."""
        self.setAccessibleName(self.tr("Help if something is worrying you"))
        self.caption_label.setText(QCoreApplication.translate("SupportNote", GUARDIAN_LIST))
        self.hide_button.setText(self.tr("Hide"))
        self.hide_button.setAccessibleName(self.tr("Hide the help list"))
        self.where_label.setText(
            self.tr("Your guardian chose this list and can change it in: {file}").format(
                file=self._where
            )
        )

    def set_text(self, text: str, where: str) -> None:
        """Show the helplines ``text`` (Markdown) read from the file at ``where``."""
        self._where = where
        self.text_label.setText(helplines_markdown(text))
        self.retranslate()
