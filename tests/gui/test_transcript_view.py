"""The transcript on its own: long conversations, reused widgets, and what each message offers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from app.core import markdown
from app.gui.widgets.message_widget import MessageWidget
from app.gui.widgets.transcript_view import (
    RENDER_INTERVAL_MS,
    SPARE_WIDGETS,
    MessageView,
    TranscriptView,
)
from tests.gui.shells import click

LONG = 10_000
LOAD_TIMEOUT_MS = 60_000


def _conversation(count: int) -> list[tuple[str, str, bool]]:
    """Alternating prompts (plain text) and replies (Markdown), each naming its number."""
    messages = []
    for number in range(count):
        words = " ".join(["word"] * (number % 37))
        if number % 2:
            messages.append(("Assistant", f"Reply **{number}**: {words}\n\n- one\n- two", True))
        else:
            messages.append(("You", f"Prompt {number}: {words}", False))
    return messages


@pytest.fixture
def transcript(qtbot: QtBot) -> TranscriptView:
    view = TranscriptView()
    view.setAccessibleName("Conversation")
    view.setPlaceholderText("Your conversation appears here.")
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def _loaded(
    qtbot: QtBot, transcript: TranscriptView, messages: list[tuple[str, str, bool]]
) -> None:
    with qtbot.waitSignal(transcript.loaded, timeout=LOAD_TIMEOUT_MS):
        transcript.load(messages)
        # The messages come in slices, between events, not in one go.
        assert transcript.loading


def _scroll(qtbot: QtBot, transcript: TranscriptView, action: QAbstractSlider.SliderAction) -> None:
    transcript.verticalScrollBar().triggerAction(action)
    qtbot.wait(1)  # let the view handle the move as it would between two user inputs


def _widgets(transcript: TranscriptView) -> list[MessageWidget]:
    return transcript.viewport().findChildren(MessageWidget)


def _widget_of(transcript: TranscriptView, row: MessageView) -> MessageWidget:
    (widget,) = [w for w in _widgets(transcript) if w.row is row and w.isVisible()]
    return widget


@pytest.mark.slow
def test_ten_thousand_messages_load_and_the_end_shows_the_last(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    messages = _conversation(LONG)
    _loaded(qtbot, transcript, messages)
    rows = transcript.messages()
    assert len(rows) == LONG
    assert [(m.speaker, m.text) for m in rows[:3]] == [(s, t) for s, t, _md in messages[:3]]

    # Loading follows the end, like new messages do.
    assert transcript.shown_rows()[-1] is rows[-1]
    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    shown = transcript.shown_rows()
    assert shown[0] is rows[0]
    assert rows[-1] not in shown
    assert _widget_of(transcript, rows[0]).body.toPlainText() == "Prompt 0: "

    # Page by page through part of it, then to the end: the last message is on screen, in a
    # widget placed inside the viewport, showing its rendered text.
    for _ in range(50):
        _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderPageStepAdd)
    assert rows[0] not in transcript.shown_rows()
    qtbot.keyClick(transcript, Qt.Key.Key_End)
    shown = transcript.shown_rows()
    assert shown[-1] is rows[-1]
    last = _widget_of(transcript, rows[-1])
    assert last.geometry().bottom() <= transcript.viewport().height()
    assert last.body.toPlainText().startswith(f"Reply {LONG - 1}:")
    assert "**" not in last.body.toPlainText()

    # However far it scrolled, a few widgets served: they are reused, not made per message.
    assert len(_widgets(transcript)) < 60


def test_heights_are_measured_off_screen_without_moving_what_is_shown(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    _loaded(qtbot, transcript, _conversation(600))
    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    for _ in range(20):
        _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderPageStepAdd)
    first = transcript.shown_rows()[0]
    top = _widget_of(transcript, first).y()
    qtbot.waitUntil(lambda: not transcript.measuring, timeout=LOAD_TIMEOUT_MS)
    qtbot.wait(1)
    assert transcript.shown_rows()[0] is first
    assert _widget_of(transcript, first).y() == top

    # Measured off screen, each message is as tall as its widget turns out to be on screen.
    bar = transcript.verticalScrollBar()
    for _ in range(10):
        _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderPageStepAdd)
        for row in transcript.shown_rows():
            assert isinstance(row, MessageView)
            widget = _widget_of(transcript, row)
            assert widget.height() == widget.height_for(widget.width())
        assert bar.value() < bar.maximum()


def test_replies_measured_off_screen_are_not_parsed_again_as_they_scroll_into_view(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    _loaded(qtbot, transcript, _conversation(400))
    qtbot.waitUntil(lambda: not transcript.measuring, timeout=LOAD_TIMEOUT_MS)
    rows = transcript.messages()
    # While it measured, it made a few spare widgets, hidden, for scrolling to find ready.
    spare = [
        w
        for w in _widgets(transcript)
        if not w.isVisible() and w.row is None and w.objectName() != "messageMeasurer"
    ]
    assert len(spare) >= SPARE_WIDGETS
    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    # The core's cache keeps only the last few hundred texts: from here on, only what the
    # transcript kept of each reply while measuring it can spare a parse.
    markdown._render.cache_clear()
    steps = 0
    while rows[-1] not in transcript.shown_rows():
        _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderPageStepAdd)
        steps += 1
        # Widgets are handed from the rows that left to those that came in, shown all along:
        # each widget on screen shows the message it is bound to, rendered.
        shown = transcript.shown_rows()
        area = transcript.viewport().rect()
        on_screen = [
            widget
            for widget in _widgets(transcript)
            if widget.isVisible() and widget.geometry().intersects(area)
        ]
        assert [widget.row for widget in on_screen].count(shown[0]) == 1
        assert {widget.row for widget in on_screen} == set(shown)
        for widget in on_screen:
            assert isinstance(widget.row, MessageView)
            number = rows.index(widget.row)
            kind = "Reply" if widget.row.markdown else "Prompt"
            assert widget.body.toPlainText().startswith(f"{kind} {number}:")
    assert steps > 20
    assert markdown._render.cache_info().misses == 0


def test_new_messages_follow_the_end_only_when_it_is_in_view(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    _loaded(qtbot, transcript, _conversation(200))
    newest = transcript.append_message("You", "At the end")
    assert transcript.shown_rows()[-1] is newest

    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    reply = transcript.begin_reply("Assistant")
    # Adding a message scrolls to it, as the window expects after Send.
    assert transcript.shown_rows()[-1] is reply

    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    first = transcript.shown_rows()[0]
    reply.append_text("A reply that streams in while the user reads the start. " * 20)
    reply.finish()
    qtbot.wait(RENDER_INTERVAL_MS)
    assert transcript.shown_rows()[0] is first
    assert transcript.verticalScrollBar().value() == 0


def test_a_streamed_reply_is_shown_in_batches_then_in_full(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    reply = transcript.begin_reply("Assistant")
    assert reply.note == "…"
    reply.set_note("")
    reply.append_text("Some ")
    reply.append_text("**bold**")
    # Not rendered per chunk: the render waits for the interval.
    assert reply.shown_text == ""
    qtbot.waitUntil(lambda: reply.plain_text() == "Some bold")
    reply.append_text(" text")
    reply.finish()
    assert reply.plain_text() == "Some bold text"
    assert reply.body.toPlainText() == "Some bold text"


def test_markdown_is_rendered_without_html_and_fetches_nothing(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    markdown = '<b>not bold</b> <img src="secret.png"> ![picture](file:///etc/hostname)'
    reply = transcript.append_message("Assistant", markdown, markdown=True)
    prompt = transcript.append_message("You", "**stays as typed**")
    body = reply.body
    assert isinstance(body, QTextBrowser)
    assert "<b>not bold</b>" in body.toPlainText()
    assert not body.openLinks() and not body.openExternalLinks()
    image = QTextDocument.ResourceType.ImageResource
    assert body.loadResource(image, "file:///etc/hostname") is None
    assert prompt.plain_text() == "**stays as typed**"
    assert prompt.body.toPlainText() == "**stays as typed**"


def test_copy_and_what_the_assistant_saw_survive_scrolling_away(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    prompt = transcript.append_message("You", "Call Ada on 555-0100")
    prompt.set_sent("Call [PERSON_1] on [PHONE_1]", private=True)
    copies: list[str] = []
    transcript.copied.connect(copies.append)

    click(qtbot, prompt.copy_button)
    assert QGuiApplication.clipboard().text() == "Call Ada on 555-0100"
    assert copies == ["Call Ada on 555-0100"]
    click(qtbot, prompt.saw_button)
    assert prompt.sent_body.isVisible()
    assert prompt.sent_body.toPlainText() == "Call [PERSON_1] on [PHONE_1]"
    assert "placeholders" in prompt.sent_caption.text()
    prompt.set_note("Not answered. You can send it again.")

    _loaded(qtbot, transcript, _conversation(300))
    assert prompt not in transcript.shown_rows()
    # Its widget went to other messages meanwhile; asking for a part scrolls it back.
    assert prompt.sent_body.isVisible()
    assert prompt in transcript.shown_rows()
    assert prompt.note_label.text() == "Not answered. You can send it again."
    assert prompt.saw_button.accessibleName() == "Hide what the assistant saw"
    click(qtbot, prompt.saw_button)
    assert not prompt.sent_body.isVisible()
    assert not prompt.saw_shown


def test_every_control_has_a_name(qtbot: QtBot, transcript: TranscriptView) -> None:
    _loaded(qtbot, transcript, _conversation(40))
    transcript.messages()[0].set_sent("Prompt 0: ", private=False)
    transcript.add_error("The assistant refused the API key (401).")
    transcript.verticalScrollBar().triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    controls = [
        w
        for w in transcript.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QTextBrowser))
    ]
    assert controls
    unnamed = [w.objectName() for w in controls if not w.accessibleName() or not w.objectName()]
    assert unnamed == []


def test_remove_and_clear(qtbot: QtBot, transcript: TranscriptView) -> None:
    first = transcript.append_message("You", "one")
    error = transcript.add_error("Something failed.")
    retried: list[bool] = []
    error.retry_button.clicked.connect(lambda: retried.append(True))
    click(qtbot, error.retry_button)
    assert retried == [True]
    transcript.remove(error)
    assert transcript.rows() == [first]
    assert transcript.toPlainText() == "You\none"
    transcript.clear()
    assert transcript.isEmpty() and transcript.toPlainText() == ""
    with pytest.raises(LookupError):
        _ = first.body


def test_tab_goes_through_the_messages_in_order_and_scrolls_to_them(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    _loaded(qtbot, transcript, _conversation(200))
    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    # Scrolled about first: the widgets now serve messages in another order than they were made.
    for _ in range(30):
        _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderPageStepAdd)
    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    transcript.setFocus()
    bar = transcript.verticalScrollBar()
    rows = transcript.messages()
    reached: list[int] = []
    for _ in range(40):
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        focused = QGuiApplication.focusObject()
        assert isinstance(focused, QWidget)
        assert transcript.viewport().isAncestorOf(focused)
        owner = focused.parentWidget()
        assert isinstance(owner, MessageWidget) and owner.row is not None
        reached.append(rows.index(owner.row))
        spot = focused.mapTo(transcript.viewport(), QPoint(0, 0))
        assert 0 <= spot.y() < transcript.viewport().height()
    assert reached == sorted(reached) and reached[-1] > reached[0]
    assert bar.value() > 0


def test_the_focused_message_keeps_its_widget_while_the_view_scrolls_away(
    qtbot: QtBot, transcript: TranscriptView
) -> None:
    _loaded(qtbot, transcript, _conversation(300))
    _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderToMinimum)
    first = transcript.messages()[0]
    body = first.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    for _ in range(20):
        _scroll(qtbot, transcript, QAbstractSlider.SliderAction.SliderPageStepAdd)
    value = transcript.verticalScrollBar().value()
    assert first not in transcript.shown_rows()
    assert body.hasFocus()  # not sent elsewhere, which would have scrolled the view back
    assert _widgets(transcript)  # and the view stayed where the user scrolled it
    assert transcript.verticalScrollBar().value() == value
    qtbot.keyClick(transcript, Qt.Key.Key_Home)
    assert first in transcript.shown_rows()
    assert _widget_of(transcript, first).body is body
