"""Markdown in a message body on its own: what shows, what Copy copies, what loads (nothing)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.gui.widgets.markdown_view import MarkdownAnchors
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
