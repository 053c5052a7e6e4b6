"""The transcript: one block per message, replies in Markdown, prompts as plain text.

A reply can grow while it streams (re-rendered a few times a second, not per chunk). Every
message has a Copy button; a prompt sent through a provider has "Show what the assistant
saw", which reveals the prompt exactly as it was sent (with placeholders, when private
prompts were on). Nothing in a message is ever interpreted as HTML, and nothing it names
(an image, a link) is ever fetched or opened.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.signals import emit

#: How often a streaming reply is re-rendered, at most (ms).
RENDER_INTERVAL_MS = 50
SAW_LABEL = "Show what the assistant saw"
HIDE_SAW_LABEL = "Hide what the assistant saw"


class MessageBody(QTextBrowser):
    """Read-only rich text that is exactly as tall as its content, and fetches nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def loadResource(self, _kind: int, _name: object) -> object:
        """Never load anything a message names: no images, no files, no network."""
        return None

    def _fit(self, *_args: object) -> None:
        margins = self.contentsMargins()
        height = int(self.document().size().height() + 0.999) + margins.top() + margins.bottom()
        if height != self.height():
            self.setFixedHeight(max(height, self.fontMetrics().height()))


class MessageView(QFrame):
    """One message: who said it, what was said, and its buttons."""

    #: Emitted with the text when the Copy button put it on the clipboard.
    copied = Signal(str)

    def __init__(self, speaker: str, *, markdown: bool, parent: QWidget | None = None) -> None:
        from PySide6.QtGui import QFont

        super().__init__(parent)
        self.setObjectName("messageView")
        self.speaker = speaker
        self.markdown = markdown
        self._text = ""
        self._sent: str | None = None

        self.speaker_label = QLabel(speaker, self)
        self.speaker_label.setObjectName("speakerLabel")
        bold = QFont(self.speaker_label.font())
        bold.setBold(True)
        self.speaker_label.setFont(bold)

        self.saw_button = QToolButton(self)
        self.saw_button.setObjectName("sawButton")
        self.saw_button.setText(SAW_LABEL)
        self.saw_button.setCheckable(True)
        self.saw_button.setAutoRaise(True)
        self.saw_button.setVisible(False)
        self.saw_button.toggled.connect(self._on_saw_toggled)

        self.copy_button = QToolButton(self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setText("Copy")
        self.copy_button.setAccessibleName(f"Copy the message from {speaker}")
        self.copy_button.setAutoRaise(True)
        self.copy_button.clicked.connect(self.copy)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.speaker_label)
        header.addStretch(1)
        header.addWidget(self.saw_button)
        header.addWidget(self.copy_button)

        self.body = MessageBody(self)
        self.body.setObjectName("messageBody")
        self.body.setAccessibleName(f"Message from {speaker}")

        self.sent_caption = QLabel(self)
        self.sent_caption.setObjectName("sentCaption")
        self.sent_caption.setWordWrap(True)
        self.sent_caption.setEnabled(False)
        self.sent_caption.setVisible(False)
        self.sent_body = MessageBody(self)
        self.sent_body.setObjectName("sentBody")
        self.sent_body.setAccessibleName("The prompt as the assistant received it")
        self.sent_body.setVisible(False)

        self.note_label = QLabel(self)
        self.note_label.setObjectName("messageNote")
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)
        self.note_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.body)
        layout.addWidget(self.sent_caption)
        layout.addWidget(self.sent_body)
        layout.addWidget(self.note_label)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_INTERVAL_MS)
        self._render_timer.timeout.connect(self._render)

    # --- the text ----------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The message as written (Markdown source, for a reply)."""
        return self._text

    def set_text(self, text: str) -> None:
        """Replace the text and show it now."""
        self._text = text
        self._render()

    def append_text(self, chunk: str) -> None:
        """Add streamed text; it is shown within a moment (renders are batched)."""
        self._text += chunk
        if not self._render_timer.isActive():
            self._render_timer.start()

    def finish(self) -> None:
        """The text is complete: show all of it now."""
        self._render_timer.stop()
        self._render()

    def _render(self) -> None:
        if self.markdown:
            from PySide6.QtGui import QTextDocument

            features = (
                QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                | QTextDocument.MarkdownFeature.MarkdownNoHTML
            )
            self.body.document().setMarkdown(self._text, features)
        else:
            self.body.setPlainText(self._text)

    def plain_text(self) -> str:
        """The message as shown, without formatting."""
        return self.body.toPlainText()

    # --- what the assistant saw, notes, copying ----------------------------------------

    def set_sent(self, sent: str, *, private: bool) -> None:
        """Offer the toggle that shows the prompt exactly as the assistant received it."""
        self._sent = sent
        if not private:
            caption = "Private prompts were off: the assistant saw your message as written."
        elif sent == self._text:
            caption = "No personal details were found: the assistant saw your message as written."
        else:
            caption = "The assistant saw placeholders instead of your personal details:"
        self.sent_caption.setText(caption)
        self.sent_body.setPlainText(sent)
        self.saw_button.setVisible(True)

    @property
    def sent_text(self) -> str | None:
        """The prompt as sent, if this message was sent through a provider."""
        return self._sent

    def _on_saw_toggled(self, shown: bool) -> None:
        self.saw_button.setText(HIDE_SAW_LABEL if shown else SAW_LABEL)
        self.sent_caption.setVisible(shown)
        self.sent_body.setVisible(shown)

    def set_note(self, note: str) -> None:
        """A quiet line under the message ("Stopped", "Not answered"); '' hides it."""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    @property
    def note(self) -> str:
        """The line under the message, if any."""
        return self.note_label.text()

    def copy(self) -> None:
        """Put the message on the clipboard."""
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self._text)
        emit(self.copied, self._text)


class ErrorRow(QFrame):
    """What went wrong with a turn, in one sentence, and a Retry button."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_label = QLabel(message, self)
        self.message_label.setObjectName("errorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("What went wrong")
        self.retry_button = QPushButton("Retry", self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setAccessibleName("Send the same message again")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.message_label, 1)
        row.addWidget(self.retry_button)

    def plain_text(self) -> str:
        """The message, for the transcript's text."""
        return self.message_label.text()


class TranscriptView(QScrollArea):
    """The conversation, newest at the bottom; it follows new text while at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Nothing here may touch the ``Qt`` namespace: this is built before the first paint.
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._column = QWidget(self)
        self._column.setObjectName("transcriptColumn")
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._layout.setSpacing(4)
        self._placeholder = QLabel(self._column)
        self._placeholder.setObjectName("transcriptPlaceholder")
        self._placeholder.setEnabled(False)
        self._layout.addWidget(self._placeholder)
        self._layout.addStretch(1)
        self.setWidget(self._column)
        self._rows: list[QWidget] = []
        self._follow = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range)

    # --- the QTextEdit-like surface the window and tests use ----------------------------

    def setPlaceholderText(self, text: str) -> None:
        """What the empty transcript says."""
        self._placeholder.setText(text)

    def placeholderText(self) -> str:
        """What the empty transcript says."""
        return self._placeholder.text()

    def toPlainText(self) -> str:
        """Every row as text: speaker, then message, then any note."""
        lines: list[str] = []
        for row in self._rows:
            if isinstance(row, MessageView):
                lines += [row.speaker, row.plain_text()]
                if row.note:
                    lines.append(row.note)
            elif isinstance(row, ErrorRow):
                lines.append(row.plain_text())
        return "\n".join(lines)

    def clear(self) -> None:
        """Remove every message."""
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows.clear()
        self._placeholder.setVisible(True)
        self._follow = True

    def isEmpty(self) -> bool:
        """Whether there is no message."""
        return not self._rows

    # --- adding and removing ---------------------------------------------------------------

    def append_message(self, speaker: str, text: str, *, markdown: bool = False) -> MessageView:
        """Add one complete message (a prompt is plain text; a reply may be Markdown)."""
        view = MessageView(speaker, markdown=markdown, parent=self._column)
        view.set_text(text)
        self._add(view)
        return view

    def begin_reply(self, speaker: str) -> MessageView:
        """Add an empty reply that streamed text will fill."""
        view = MessageView(speaker, markdown=True, parent=self._column)
        view.set_note("…")
        self._add(view)
        return view

    def add_error(self, message: str) -> ErrorRow:
        """Add a row saying what went wrong, with a Retry button."""
        row = ErrorRow(message, self._column)
        self._add(row)
        return row

    def remove(self, row: QWidget) -> None:
        """Take one row out."""
        if row in self._rows:
            self._rows.remove(row)
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._placeholder.setVisible(not self._rows)

    def rows(self) -> list[QWidget]:
        """The rows, oldest first."""
        return list(self._rows)

    def messages(self) -> list[MessageView]:
        """The messages, oldest first."""
        return [row for row in self._rows if isinstance(row, MessageView)]

    def _add(self, row: QWidget) -> None:
        self._placeholder.setVisible(False)
        # Before the stretch, which keeps the messages at the top of a short transcript.
        self._layout.insertWidget(self._layout.count() - 1, row)
        self._rows.append(row)
        self._follow = True

    def _on_scrolled(self, value: int) -> None:
        self._follow = value >= self.verticalScrollBar().maximum() - 4

    def _on_range(self, _low: int, high: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(high)
