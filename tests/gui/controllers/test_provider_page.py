"""The Assistant page: choose a provider, store its key in the keyring, test the connection."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.core.assistant.secrets import SECRETS_SERVICE
from app.core.keys import detect_backend
from app.core.service import Confidant
from app.gui.application import Shell
from app.gui.pages import ASSISTANT_PAGE
from app.gui.views.provider_page import ProviderPage
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, open_page, ready_shell, settle
from tests.helpers.providers import FakeProvider, running_provider

API_KEY = "sk-page-test-91aa"


@pytest.fixture
def fake() -> Iterator[FakeProvider]:
    with running_provider("openai", api_key=API_KEY) as running:
        yield running


def _page(qtbot: QtBot, shell: Shell) -> ProviderPage:
    page = open_page(qtbot, shell, ASSISTANT_PAGE)
    assert isinstance(page, ProviderPage)
    return page


def _choose(qtbot: QtBot, page: ProviderPage, name: str) -> None:
    combo = page.provider_combo
    combo.setFocus()
    target = combo.findData(name)
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def _type(qtbot: QtBot, edit: object, text: str) -> None:
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # type: ignore[arg-type]
    qtbot.keyClicks(edit, text)  # type: ignore[arg-type]


def _fill(qtbot: QtBot, shell: Shell, page: ProviderPage, base_url: str, key: str) -> None:
    _choose(qtbot, page, "openai_compat")
    settle(qtbot, shell)
    _type(qtbot, page.base_url_edit, base_url)
    _type(qtbot, page.model_edit, "model-a")
    _type(qtbot, page.api_key_edit, key)


def test_save_stores_the_key_in_the_keyring_and_names_the_assistant(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], fake: FakeProvider
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    assert page.provider_combo.currentData() == "offline"
    assert not page.base_url_edit.isVisible() and not page.api_key_edit.isVisible()
    assert page.private_check.isChecked()

    _fill(qtbot, shell, page, fake.base_url, API_KEY)
    assert page.base_url_edit.isVisible() and page.api_key_edit.isVisible()
    assert "Not saved yet" in page.status_label.text()
    click(qtbot, page.save_button)
    settle(qtbot, shell)
    settle(qtbot, shell)

    assert page.status_label.text().startswith("Saved. The assistant is now model-a at 127.0.0.1")
    assert page.api_key_edit.text() == ""
    assert page.key_status.text() == "A key is kept in your system keyring."
    assert shell.window.provider_label.text() == f"model-a at 127.0.0.1:{fake.port} (local)"
    service = shell.service
    assert service is not None
    profile_id = ask(qtbot, shell, lambda s: s._profile_id)
    assert detect_backend().get_password(SECRETS_SERVICE, f"{profile_id}/openai_compat") == API_KEY
    rows = ask(qtbot, shell, lambda s: s.database.query("SELECT name, value FROM settings"))
    assert API_KEY not in repr(rows)

    click(qtbot, page.forget_key_button)
    qtbot.waitUntil(lambda: "removed" in page.status_label.text(), timeout=SLOW_MS)
    assert detect_backend().get_password(SECRETS_SERVICE, f"{profile_id}/openai_compat") is None


def test_test_connection_uses_the_fields_and_is_logged(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant], fake: FakeProvider
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    _fill(qtbot, shell, page, fake.base_url, "sk-wrong-key")
    click(qtbot, page.test_button)
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=SLOW_MS)
    assert page.error_label.text() == (
        "The assistant refused the API key (401). Check the key in the provider settings."
    )

    _type(qtbot, page.api_key_edit, API_KEY)
    click(qtbot, page.test_button)
    qtbot.waitUntil(lambda: "Connected" in page.status_label.text(), timeout=SLOW_MS)
    assert page.status_label.text() == "Connected to OpenAI-compatible: 2 models available."
    assert not page.error_label.isVisible()
    settle(qtbot, shell)
    log = ask(qtbot, shell, lambda s: s.upstream.log())
    assert [(e.method, e.status) for e in reversed(log)] == [("GET", 401), ("GET", 200)]
    assert all(e.url == f"{fake.base_url}/models" for e in log)
    # Testing saves nothing.
    assert ask(qtbot, shell, lambda s: s.assistant.provider_status().name) == "offline"


def test_a_bad_url_is_refused_on_the_page(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    _fill(qtbot, shell, page, "http://models.example.com/v1", "")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.error_label.isVisible(), timeout=SLOW_MS)
    assert page.error_label.text() == (
        "Only https URLs are allowed (plain http only to this computer)."
    )
    assert ask(qtbot, shell, lambda s: s.assistant.provider_status().name) == "offline"


def test_a_remote_assistant_is_named_as_remote(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    _fill(qtbot, shell, page, "https://api.example.invalid/v1", "")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: "Saved" in page.status_label.text(), timeout=SLOW_MS)
    settle(qtbot, shell)
    label = shell.window.provider_label
    assert label.text() == "model-a at api.example.invalid (remote)"
    assert "runs elsewhere" in label.toolTip() and "Private prompts" in label.toolTip()
    assert "leave this computer" in page.where_label.text()


def test_private_prompts_can_be_turned_off_and_on(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    page = _page(qtbot, shell)
    box = page.private_check
    # On the box itself: the widget is wider than its box and text.
    on_the_box = QPoint(8, box.height() // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_the_box)
    qtbot.waitUntil(lambda: page.status_label.text() == "Private prompts are off.", timeout=SLOW_MS)
    assert ask(qtbot, shell, lambda s: s.assistant.provider_status().private_prompts) is False
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_the_box)
    qtbot.waitUntil(lambda: page.status_label.text() == "Private prompts are on.", timeout=SLOW_MS)
    assert ask(qtbot, shell, lambda s: s.assistant.provider_status().private_prompts) is True
