"""One message on screen: who said it, what was said, its buttons. The transcript reuses these.

The transcript keeps a handful of these widgets for the messages in and near its viewport and
binds each to a message as it scrolls into view (``bind``), so a conversation of any length
costs the same few widgets. A widget lays its parts out by hand (``place``), with
``height_for`` saying how tall it is at a width, so the transcript can stack messages without a
layout pass over all of them.

Nothing in a message is ever interpreted as HTML, and nothing it names (an image, a link) is
ever fetched or opened. This module is imported when the first message is shown, after the
window's first paint.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QTextEdit, QToolButton, QWidget

from app.gui.widgets.markdown_view import MarkdownAnchors, set_document

if TYPE_CHECKING:
    from app.gui.widgets.message_view import MessageView

#: The toggle's text (translated when shown).
SAW_LABEL = QT_TRANSLATE_NOOP("MessageWidget", "Show what the assistant saw")
HIDE_SAW_LABEL = QT_TRANSLATE_NOOP("MessageWidget", "Hide what the assistant saw")
#: GitHub's dialect, with any HTML in it shown as text rather than interpreted.
MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
#: Space above and below a message, and between its parts (pixels).
PAD = 6
GAP = 2


class MessageBody(QTextBrowser):
    """Read-only rich text that is exactly as tall as its content, and fetches nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)

    def loadResource(self, _kind: int, _name: object) -> object:
        """Never load anything a message names: no images, no files, no network."""
        return None

    def height_for(self, width: int) -> int:
        """How tall the text is when laid out ``width`` pixels wide."""
        # The text is wrapped at a width given here, not at the viewport's: a widget that is
        # hidden, or not yet resized, lays its text out as it will be shown.
        if self.lineWrapColumnOrWidth() != width:
            self.setLineWrapColumnOrWidth(width)
        margins = self.contentsMargins()
        height = math.ceil(self.document().size().height()) + margins.top() + margins.bottom()
        return max(height, self.fontMetrics().height())


class MessageWidget(QFrame):
    """Shows one message (the one it is bound to); its buttons act on that message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageView")
        #: The message on show (None while the widget waits in the pool).
        self.row: MessageView | None = None
        self._shown_text: str | None = None
        self._shown_markdown = False
        self._sent: str | None = None
        #: The speaker whose name the parts were last named after.
        self._speaker: str | None = None
        #: The width last laid out for, the height it took, and whether the parts were placed
        #: then: a widget that stays in view as the transcript scrolls is not laid out again.
        self._laid_out: tuple[int, int, bool] | None = None

        self.speaker_label = QLabel(self)
        self.speaker_label.setObjectName("speakerLabel")
        self.speaker_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.speaker_label.font())
        bold.setBold(True)
        self.speaker_label.setFont(bold)

        self.saw_button = self._tool_button("sawButton", visible=False)
        self.saw_button.setCheckable(True)
        self.saw_button.toggled.connect(self._on_saw_toggled)
        self.copy_button = self._tool_button("copyButton", visible=True)
        self.copy_button.clicked.connect(self._on_copy)
        # Issue 16: edit a prompt and send it again (the turns after it are replaced).
        self.edit_button = self._tool_button("editButton", visible=False)
        self.edit_button.clicked.connect(self._on_edit)

        self.body = MessageBody(self)
        self.body.setObjectName("messageBody")
        #: Markdown in the body, and what a click on its Copy or link anchors does (issue 16).
        self.markdown = MarkdownAnchors(self.body)

        self.sent_caption = self._caption("sentCaption")
        self.sent_body = MessageBody(self)
        self.sent_body.setObjectName("sentBody")
        self.sent_body.setVisible(False)
        self.note_label = self._caption("messageNote")
        self.retranslate()

    def _tool_button(self, name: str, *, visible: bool) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAutoRaise(True)
        if not visible:
            button.setVisible(False)
        return button

    def _caption(self, name: str) -> QLabel:
        # A greyed, wrapped line of plain text, hidden until a message needs it.
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setEnabled(False)
        label.setVisible(False)
        return label

    def retranslate(self) -> None:
        """Name the parts in the interface language (the transcript calls this on a change)."""
        self._laid_out = None
        self.copy_button.setText(self.tr("Copy"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit this message and send it again"))
        self.sent_body.setAccessibleName(self.tr("The prompt as the assistant received it"))
        self._speaker = None
        if self.row is not None:
            self.bind(self.row)
        else:
            self.copy_button.setAccessibleName(self.tr("Copy the message"))
            self.body.setAccessibleName(self.tr("Message"))
            self._show_sent(self.saw_button.isChecked())

    @property
    def shows_markdown(self) -> bool:
        """Whether the text last shown was a reply's Markdown (not a prompt's plain text)."""
        return self._shown_markdown

    def focusable_parts(self) -> list[QWidget]:
        """The parts the keyboard can reach, in order (the transcript scrolls to them on Tab)."""
        return [self.edit_button, self.saw_button, self.copy_button, self.body, self.sent_body]

    # --- binding ------------------------------------------------------------------------------

    def bind(self, row: MessageView | None) -> None:
        """Show ``row`` (None: show nothing and wait to be reused)."""
        self._laid_out = None
        if row is None:
            self.row = None
            return
        self.row = row
        if row.speaker != self._speaker:
            self._speaker = row.speaker
            self.speaker_label.setText(row.speaker)
            self.copy_button.setAccessibleName(
                self.tr("Copy the message from {speaker}").format(speaker=row.speaker)
            )
            self.body.setAccessibleName(
                self.tr("Message from {speaker}").format(speaker=row.speaker)
            )
        shown, markdown = row.shown_text, row.markdown
        if shown != self._shown_text or markdown != self._shown_markdown:
            self._shown_text, self._shown_markdown = shown, markdown
            if markdown:
                row.rendering = self.markdown.show(shown, last=row.rendering)
            else:
                self.markdown.clear()
                self.body.setPlainText(shown)
        sent = row.sent_text
        if sent != self._sent:
            self._sent = sent
            self.sent_body.setPlainText(sent or "")
        self.sent_caption.setText(row.sent_caption_text)
        self.saw_button.setVisible(sent is not None)
        expanded = sent is not None and row.saw_shown
        self.saw_button.blockSignals(True)
        self.saw_button.setChecked(expanded)
        self.saw_button.blockSignals(False)
        self._show_sent(expanded)
        self.note_label.setText(row.note)
        self.note_label.setVisible(bool(row.note))
        # A prompt that was answered (no note) can be edited; a reply cannot.
        self.edit_button.setVisible(not row.markdown and not row.note)

    def _show_sent(self, shown: bool) -> None:
        self._laid_out = None
        label = QCoreApplication.translate("MessageWidget", HIDE_SAW_LABEL if shown else SAW_LABEL)
        self.saw_button.setText(label)
        self.saw_button.setAccessibleName(label)
        self.sent_caption.setVisible(shown)
        self.sent_body.setVisible(shown)

    def _on_saw_toggled(self, shown: bool) -> None:
        self._show_sent(shown)
        if self.row is not None:
            self.row.set_saw_shown(shown)

    def _on_copy(self) -> None:
        if self.row is not None:
            self.row.copy()

    def _on_edit(self) -> None:
        if self.row is not None:
            self.row.request_edit()

    # --- geometry -----------------------------------------------------------------------------

    def header_height(self, *, with_saw: bool) -> int:
        """The height of the line with the speaker and the buttons."""
        buttons = [self.copy_button, self.edit_button, *([self.saw_button] if with_saw else [])]
        return max(
            self.speaker_label.fontMetrics().height(),
            *(button.sizeHint().height() for button in buttons),
        )

    def chrome_height(self) -> int:
        """The height of a message with no note and nothing sent, less that of its text."""
        return PAD + self.header_height(with_saw=False) + GAP + PAD

    def height_for(self, width: int) -> int:
        """How tall the bound message is at ``width`` pixels wide."""
        laid_out = self._laid_out
        if laid_out is not None and laid_out[0] == width:
            return laid_out[1]
        height = self._arrange(width, place=False)
        self._laid_out = (width, height, False)
        return height

    def place(self, width: int) -> int:
        """Lay the parts out for ``width`` pixels; return the height they take."""
        laid_out = self._laid_out
        if laid_out is not None and laid_out[0] == width and laid_out[2]:
            return laid_out[1]
        height = self._arrange(width, place=True)
        self._laid_out = (width, height, True)
        return height

    def changeEvent(self, event: QEvent) -> None:
        """A new font or style changes the parts' sizes: lay them out again when next asked."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._laid_out = None

    def _arrange(self, width: int, *, place: bool) -> int:
        header = self.header_height(with_saw=self._sent is not None)
        if place:
            right = width
            copy_width = self.copy_button.sizeHint().width()
            right -= copy_width
            self.copy_button.setGeometry(right, PAD, copy_width, header)
            if self.saw_button.isVisibleTo(self):
                saw_width = self.saw_button.sizeHint().width()
                right -= saw_width + GAP
                self.saw_button.setGeometry(right, PAD, saw_width, header)
            if self.edit_button.isVisibleTo(self):
                edit_width = self.edit_button.sizeHint().width()
                right -= edit_width + GAP
                self.edit_button.setGeometry(right, PAD, edit_width, header)
            speaker_width = min(self.speaker_label.sizeHint().width(), max(right - GAP, 0))
            self.speaker_label.setGeometry(0, PAD, speaker_width, header)
        y = PAD + header + GAP
        body = self.body.height_for(width)
        if place:
            self.body.setGeometry(0, y, width, body)
        y += body
        if self.sent_body.isVisibleTo(self):
            caption = self.sent_caption.heightForWidth(width)
            sent = self.sent_body.height_for(width)
            if place:
                self.sent_caption.setGeometry(0, y + GAP, width, caption)
                self.sent_body.setGeometry(0, y + GAP + caption + GAP, width, sent)
            y += GAP + caption + GAP + sent
        if self.note_label.isVisibleTo(self):
            note = self.note_label.heightForWidth(width)
            if place:
                self.note_label.setGeometry(0, y + GAP, width, note)
            y += GAP + note
        return y + PAD


class MessageRuler:
    """Says how tall a message would be on screen, without a widget showing it.

    A message with only text (the common case) is measured on a bare document set up as a
    ``MessageBody``'s is, plus the fixed height of the rest of a ``MessageWidget``; one with a
    note or a prompt as sent is bound to ``widget`` (never shown) and measured whole.
    """

    def __init__(self, widget: MessageWidget) -> None:
        self._widget = widget
        widget.ensurePolished()
        body = widget.body.document()
        self._document = QTextDocument()
        self._document.setUndoRedoEnabled(False)
        self._document.setDefaultFont(body.defaultFont())
        self._document.setDefaultTextOption(body.defaultTextOption())
        self._document.setDocumentMargin(body.documentMargin())
        metrics = widget.body.fontMetrics()
        self._least = metrics.height()
        self.line_height = metrics.lineSpacing()
        self.char_width = max(metrics.averageCharWidth(), 1)
        self._chrome = widget.chrome_height()

    def height(self, row: MessageView, width: int) -> int:
        """The height of ``row`` at ``width`` pixels wide."""
        if row.note or row.sent_text is not None:
            self._widget.bind(row)
            return self._widget.height_for(width)
        return self._chrome + self._text_height(row, width)

    def plain_text(self, row: MessageView) -> str:
        """The message as shown, without formatting."""
        self._set(row)
        return self._document.toPlainText()

    def _set(self, row: MessageView) -> None:
        if row.markdown:
            row.rendering = set_document(
                self._document, row.shown_text, highlight=False, last=row.rendering
            )
        else:
            self._document.setPlainText(row.shown_text)

    def estimate(self, row: MessageView, width: int) -> int:
        """A quick guess at the height of ``row``, from its length alone."""
        per_line = max(int(width / self.char_width) - 2, 10)
        lines = sum(max(1, math.ceil(len(part) / per_line)) for part in row.text.split("\n"))
        text = max(lines * self.line_height + 2 * int(self._document.documentMargin()), self._least)
        return self._chrome + text + (self.line_height if row.note else 0)

    def _text_height(self, row: MessageView, width: int) -> int:
        if self._document.textWidth() != width:
            self._document.setTextWidth(width)
        self._set(row)
        return max(math.ceil(self._document.size().height()), self._least)
