"""Markdown replies in the window: tables and code render, Copy copies the code, nothing loads.

The reply comes from a real loopback provider; the image it names points at that same server,
which would see any request the app made for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app.core.service import Confidant
from app.gui.dialogs.open_link_dialog import OpenLinkDialog
from tests.gui.shells import ShellFactory, ask, click, ready_shell, send_chat, settle
from tests.helpers.providers import FakeProvider, Script, pieces_of, running_provider

CODE = 'def tide(hour):\n    return "high" if hour % 12 < 6 else "low"  # <b>not bold</b>'


def reply_for(port: int) -> str:
    """A reply with a table, a fenced code block, an image and a link."""
    return (
        "## Tides\n\n"
        "| Place | High tide |\n|-------|-----------|\n| Brest | 06:10 |\n| Cork | 07:45 |\n\n"
        f"```python\n{CODE}\n```\n\n"
        f"![x](http://127.0.0.1:{port}/img.png) and <img src='http://127.0.0.1:{port}/raw.png'>\n\n"
        f"See [the tables](http://127.0.0.1:{port}/tables?year=2026) for more."
    )


@pytest.fixture
def fake() -> Iterator[FakeProvider]:
    with running_provider("openai") as running:
        yield running


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """Where on the browser's viewport the anchor to ``href`` is."""
    document: QTextDocument = browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + 1)
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor to {href}")


def tables_in(document: QTextDocument) -> list[list[str]]:
    """The text of each table cell, table by table (the code block is a table too)."""
    found = []
    frame = document.rootFrame()
    for child in frame.childFrames():
        table = child if hasattr(child, "cellAt") else None
        if table is None:
            continue
        cells = []
        for row in range(table.rows()):
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                cursor = cell.firstCursorPosition()
                cursor.setPosition(
                    cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor
                )
                cells.append(cursor.selectedText())
        found.append(cells)
    return found


def test_a_reply_renders_its_table_and_code_and_fetches_no_image(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    fake: FakeProvider,
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(
        qtbot,
        shell,
        lambda service: service.assistant.set_provider(
            "openai_compat", base_url=fake.base_url, model="model-a"
        ),
    )
    settle(qtbot, shell)
    fake.then(Script(reply=reply_for(fake.port), pieces=pieces_of(5)))
    send_chat(qtbot, shell, "When is high tide?")
    reply = shell.window.chat.transcript.messages()[-1]
    browser = reply.body
    assert isinstance(browser, QTextBrowser)

    tables = tables_in(browser.document())
    assert ["Place", "High tide", "Brest", "06:10", "Cork", "07:45"] in tables
    shown = reply.plain_text()
    assert "|" not in shown.split("python")[0]  # the table is a table, not pipes
    assert 'return "high"' in shown and "```" not in shown
    assert "Image, not loaded: x (http://127.0.0.1:" in shown
    assert "<img src=" in shown  # raw HTML is shown as the text it is

    # Copy above the code block copies the code, exactly.
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(
        browser.viewport(), Qt.MouseButton.LeftButton, pos=anchor_point(browser, "confidant-copy:0")
    )
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == CODE)

    settle(qtbot, shell)
    asked = [r.path for r in fake.requests]
    assert not any("img.png" in path or "raw.png" in path for path in asked), asked
    assert all(r.method == "POST" for r in fake.requests)


def test_a_link_opens_only_after_the_full_url_was_shown_and_accepted(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    fake: FakeProvider,
) -> None:
    opened: list[str] = []

    class Browser(QObject):  # stands in for the system browser: a Qt URL handler
        @Slot(QUrl)
        def open_url(self, url: QUrl) -> None:
            opened.append(url.toString())

    handler = Browser()
    QDesktopServices.setUrlHandler("http", handler, "open_url")
    try:
        shell = ready_shell(qtbot, make_shell, facade)
        ask(
            qtbot,
            shell,
            lambda service: service.assistant.set_provider(
                "openai_compat", base_url=fake.base_url, model="model-a"
            ),
        )
        settle(qtbot, shell)
        fake.then(Script(reply=reply_for(fake.port)))
        send_chat(qtbot, shell, "Links?")
        browser = shell.window.chat.transcript.messages()[-1].body
        url = f"http://127.0.0.1:{fake.port}/tables?year=2026"

        for agree in (False, True):
            qtbot.mouseClick(
                browser.viewport(),
                Qt.MouseButton.LeftButton,
                pos=anchor_point(browser, "confidant-link:0"),
            )
            qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OpenLinkDialog))
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, OpenLinkDialog)
            assert dialog.url_label.text() == url
            assert opened == []  # nothing opens before the answer
            click(qtbot, dialog.open_button if agree else dialog.cancel_button)
            qtbot.waitUntil(dialog.isHidden)
        assert opened == [url]
        assert not any("tables" in r.path for r in fake.requests)
    finally:
        QDesktopServices.unsetUrlHandler("http")
