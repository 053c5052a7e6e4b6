"""Markdown in a message body on its own: what shows, what Copy copies, what loads (nothing)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.gui.widgets.markdown_view import MarkdownAnchors, rendering
from app.gui.widgets.message_widget import MessageBody

REPLY = "Run:\n\n```sh\nls -la  # <all>\n```\n\n![diagram](http://127.0.0.1:9/d.png)"


def test_the_body_shows_code_and_the_image_as_text_and_loads_nothing(qtbot: QtBot) -> None:
    body = MessageBody()
    qtbot.addWidget(body)
    anchors = MarkdownAnchors(body)
    anchors.show(REPLY)
    text = body.toPlainText()
    assert "ls -la  # <all>" in text and "```" not in text
    assert "Image, not loaded: diagram (http://127.0.0.1:9/d.png)" in text
    assert anchors.code_blocks == ("ls -la  # <all>",)
    assert body.loadResource(2, QUrl("http://127.0.0.1:9/d.png")) is None


def test_the_copy_anchor_copies_the_block_and_others_do_nothing(qtbot: QtBot) -> None:
    body = MessageBody()
    qtbot.addWidget(body)
    anchors = MarkdownAnchors(body)
    anchors.show(REPLY)
    QGuiApplication.clipboard().setText("before")
    body.anchorClicked.emit(QUrl("https://example.org"))  # not one of ours: ignored
    body.anchorClicked.emit(QUrl("confidant-copy:5"))  # no such block: ignored
    assert QGuiApplication.clipboard().text() == "before"
    with qtbot.waitSignal(anchors.codeCopied) as copied:
        body.anchorClicked.emit(QUrl("confidant-copy:0"))
    assert copied.args == ["ls -la  # <all>"]
    assert QGuiApplication.clipboard().text() == "ls -la  # <all>"
    anchors.clear()
    QGuiApplication.clipboard().setText("after")
    body.anchorClicked.emit(QUrl("confidant-copy:0"))  # plain text now: the anchor means nothing
    assert QGuiApplication.clipboard().text() == "after"


def test_a_rendering_is_used_again_only_for_its_text_and_with_colours_to_show(
    qtbot: QtBot,
) -> None:
    prose = "Some **bold** words."
    first = rendering(prose)
    assert rendering(prose, last=first) is first
    assert rendering(prose, highlight=False, last=first) is first
    other = rendering("Other **words**.", last=first)
    assert other is not first and "Other" in other.result.html
    # A fenced reply measured without colours is rendered again to be shown, coloured; the
    # coloured one serves for measuring too.
    measured = rendering(REPLY, highlight=False)
    assert not measured.coloured
    shown = rendering(REPLY, last=measured)
    assert shown is not measured and shown.coloured
    assert shown.result.html != measured.result.html
    assert rendering(REPLY, highlight=False, last=shown) is shown
    # What it shows, shown from a kept rendering, is the same as rendered anew.
    body = MessageBody()
    qtbot.addWidget(body)
    anchors = MarkdownAnchors(body)
    assert anchors.show(REPLY, last=shown) is shown
    assert anchors.code_blocks == ("ls -la  # <all>",)
    assert "ls -la  # <all>" in body.toPlainText()
