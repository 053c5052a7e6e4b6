"""One message in the transcript: its text and state, whether a widget shows it or not.

The transcript (``transcript_view``) holds these; a message tells it about a change only through
the public ``MessageHost`` methods, so this module imports neither the transcript nor the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

    from app.gui.widgets.markdown_view import Rendering

#: Caption over the prompt as sent, by (private prompts on, the assistant saw it as written).
#: Translated when shown, so a caption follows a change of language.
SENT_CAPTIONS = {
    (False, False): QT_TRANSLATE_NOOP(
        "TranscriptView", "Private prompts were off: the assistant saw your message as written."
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "TranscriptView", "Private prompts were off: the assistant saw your message as written."
    ),
    (True, True): QT_TRANSLATE_NOOP(
        "TranscriptView",
        "No personal details were found: the assistant saw your message as written.",
    ),
    (True, False): QT_TRANSLATE_NOOP(
        "TranscriptView", "The assistant saw placeholders instead of your personal details:"
    ),
}


class ShownMessage(Protocol):
    """The parts of the widget showing a message (``message_widget.MessageWidget``)."""

    speaker_label: QLabel
    body: QWidget
    copy_button: QWidget
    saw_button: QWidget
    sent_caption: QLabel
    sent_body: QWidget
    note_label: QLabel


class MessageHost(Protocol):
    """What a message needs from the transcript it is in."""

    def render_soon(self, row: MessageView) -> None:
        """Show the row's new text within a moment (renders are batched)."""

    def render_now(self, row: MessageView) -> None:
        """The row renders itself now: drop it from the batch."""

    def row_changed(self, row: MessageView) -> None:
        """The row's text or state changed: measure and place it again."""

    def plain_text_of(self, row: MessageView) -> str:
        """The row's text as shown, without formatting."""
        ...

    def reveal(self, row: MessageView) -> ShownMessage:
        """Scroll the row into view and return the widget showing it."""
        ...

    def message_copied(self, text: str) -> None:
        """A message was put on the clipboard."""

    def edit_requested(self, row: MessageView) -> None:
        """The user asked to edit this prompt and send it again."""


class MessageView:
    """One message in the transcript: its text and state, on screen or not.

    The parts of its widget (``body``, ``copy_button``...) are those of the widget showing it;
    asking for one scrolls the message into view first, as a user would before clicking.
    """

    # A long conversation has thousands of these: no per-object dict.
    __slots__ = (
        "_caption",
        "_height",
        "_measured_width",
        "_note",
        "_owner",
        "_plain",
        "_saw_shown",
        "_sent",
        "_shown",
        "_text",
        "markdown",
        "rendering",
        "speaker",
    )

    def __init__(self, speaker: str, *, markdown: bool) -> None:
        self.speaker = speaker
        self.markdown = markdown
        self._text = ""
        self._shown = ""
        self._note = ""
        self._sent: str | None = None
        #: Which of SENT_CAPTIONS the prompt as sent is shown under.
        self._caption: tuple[bool, bool] | None = None
        self._saw_shown = False
        self._plain: tuple[str, str] | None = None
        #: The transcript it is in (None once removed), and its height there.
        self._owner: MessageHost | None = None
        self._height = 0
        self._measured_width = -1
        #: A reply's Markdown as last rendered, measured or shown; whoever renders it again
        #: starts from this (a reply scrolled back into view is not parsed again).
        self.rendering: Rendering | None = None

    # --- the text ----------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The message as written (Markdown source, for a reply)."""
        return self._text

    @property
    def shown_text(self) -> str:
        """The text as last rendered (a streaming reply lags behind ``text`` for a moment)."""
        return self._shown

    def set_text(self, text: str) -> None:
        """Replace the text and show it now."""
        self._text = text
        self.render()

    def append_text(self, chunk: str) -> None:
        """Add streamed text; it is shown within a moment (renders are batched)."""
        self._text += chunk
        if self._owner is not None:
            self._owner.render_soon(self)
        else:
            self._shown = self._text

    def finish(self) -> None:
        """The text is complete: show all of it now."""
        if self._owner is not None:
            self._owner.render_now(self)
        self.render()

    def render(self) -> None:
        """Show the text as it is now (the transcript calls this for a batched render)."""
        self._shown = self._text
        self._changed()

    def plain_text(self) -> str:
        """The message as shown, without formatting."""
        if self._plain is None or self._plain[0] != self._shown:
            if self._owner is None or not self.markdown:
                plain = self._shown
            else:
                plain = self._owner.plain_text_of(self)
            self._plain = (self._shown, plain)
        return self._plain[1]

    # --- what the assistant saw, notes, copying ----------------------------------------

    def set_sent(self, sent: str, *, private: bool) -> None:
        """Offer the toggle that shows the prompt exactly as the assistant received it."""
        self._sent = sent
        self._caption = (private, sent == self._text)
        self._changed()

    @property
    def sent_text(self) -> str | None:
        """The prompt as sent, if this message was sent through a provider."""
        return self._sent

    @property
    def sent_caption_text(self) -> str:
        """What the prompt as sent is shown under ('' until there is one)."""
        if self._caption is None:
            return ""
        return QCoreApplication.translate("TranscriptView", SENT_CAPTIONS[self._caption])

    @property
    def saw_shown(self) -> bool:
        """Whether the prompt as sent is on show."""
        return self._saw_shown

    def set_saw_shown(self, shown: bool) -> None:
        """Show or hide the prompt as sent (the toggle does this)."""
        if shown != self._saw_shown:
            self._saw_shown = shown
            self._changed()

    def set_note(self, note: str) -> None:
        """A quiet line under the message ("Stopped", "Not answered"); '' hides it."""
        if note != self._note:
            self._note = note
            self._changed()

    @property
    def note(self) -> str:
        """The line under the message, if any."""
        return self._note

    def copy(self) -> None:
        """Put the message on the clipboard."""
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self._text)
        if self._owner is not None:
            self._owner.message_copied(self._text)

    def request_edit(self) -> None:
        """Ask the transcript to let the user edit this prompt and send it again."""
        if self._owner is not None:
            self._owner.edit_requested(self)

    def _changed(self) -> None:
        if self._owner is not None:
            self._owner.row_changed(self)

    # --- the widget showing it --------------------------------------------------------------

    def _on_screen(self) -> ShownMessage:
        if self._owner is None:
            raise LookupError("This message is no longer in the transcript.")
        return self._owner.reveal(self)

    @property
    def speaker_label(self) -> QLabel:
        """Who said it."""
        return self._on_screen().speaker_label

    @property
    def body(self) -> QWidget:
        """The message as shown (a read-only QTextBrowser)."""
        return self._on_screen().body

    @property
    def copy_button(self) -> QWidget:
        """Copy (puts the message as written on the clipboard)."""
        return self._on_screen().copy_button

    @property
    def saw_button(self) -> QWidget:
        """Show or hide what the assistant saw (visible once the prompt was sent)."""
        return self._on_screen().saw_button

    @property
    def sent_caption(self) -> QLabel:
        """The caption over the prompt as sent."""
        return self._on_screen().sent_caption

    @property
    def sent_body(self) -> QWidget:
        """The prompt as the assistant received it (a read-only QTextBrowser)."""
        return self._on_screen().sent_body

    @property
    def note_label(self) -> QLabel:
        """The line under the message."""
        return self._on_screen().note_label
