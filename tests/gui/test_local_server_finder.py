"""Finding assistants on this computer: nothing is probed before the click; answers are offered."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.core.assistant.discovery import KNOWN_PORTS, PURPOSE, LocalServer
from app.core.service import Confidant
from app.gui.pages import ASSISTANT_PAGE
from app.gui.views.provider_page import ProviderPage
from app.gui.widgets.local_server_finder import LocalServerFinder
from tests.gui.shells import SLOW_MS, ShellFactory, ask, click, open_page, ready_shell, settle
from tests.helpers.providers import FakeProvider, provider_on_a_known_port


@pytest.fixture
def fake_on_a_known_port() -> Iterator[FakeProvider]:
    with provider_on_a_known_port() as fake:
        yield fake


def test_the_finder_asks_only_when_clicked_and_offers_what_answered(qtbot: QtBot) -> None:
    finder = LocalServerFinder()
    qtbot.addWidget(finder)
    finder.show()
    asked: list[bool] = []
    finder.findRequested.connect(lambda: asked.append(True))
    assert asked == [] and not finder.choice.isVisible()
    click(qtbot, finder.find_button)
    assert asked == [True] and not finder.find_button.isEnabled()

    finder.show_servers(
        [LocalServer(11434, "Ollama", "http://127.0.0.1:11434/v1", ("llama3.2", "qwen2.5"))]
    )
    assert finder.find_button.isEnabled() and finder.choice.isVisible()
    assert [finder.model_combo.itemText(i) for i in range(finder.model_combo.count())] == [
        "llama3.2",
        "qwen2.5",
    ]
    finder.model_combo.setCurrentIndex(1)
    with qtbot.waitSignal(finder.serverChosen) as chosen:
        click(qtbot, finder.use_button)
    assert chosen.args == ["http://127.0.0.1:11434/v1", "qwen2.5"]

    finder.show_servers([])
    assert "No assistant answered" in finder.result_label.text()
    assert not finder.choice.isVisible()


def test_a_server_on_a_known_port_is_found_logged_and_can_be_used(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    fake_on_a_known_port: FakeProvider,
) -> None:
    fake = fake_on_a_known_port
    fake.models = ["llama3.2"]
    shell = ready_shell(qtbot, make_shell, facade)
    page = open_page(qtbot, shell, ASSISTANT_PAGE)
    assert isinstance(page, ProviderPage)
    settle(qtbot, shell)

    def probes() -> list[str]:
        entries = ask(qtbot, shell, lambda s: s.upstream.network_log.entries())
        return [e.url for e in entries if e.purpose == PURPOSE]

    # Start-up and the page itself probed nothing.
    assert fake.requests == [] and probes() == []

    click(qtbot, page.local_finder.find_button)
    qtbot.waitUntil(page.local_finder.choice.isVisible, timeout=SLOW_MS * 2)
    settle(qtbot, shell)
    assert [r.path for r in fake.requests] == ["/v1/models"]
    assert len(probes()) == len(KNOWN_PORTS)
    assert page.local_finder.model_combo.currentText() == "llama3.2"

    click(qtbot, page.local_finder.use_button)
    qtbot.waitUntil(lambda: page.base_url_edit.text() == f"http://127.0.0.1:{fake.port}/v1")
    settle(qtbot, shell)
    assert page.model_edit.text() == "llama3.2"
    click(qtbot, page.save_button)
    settle(qtbot, shell)
    status = ask(qtbot, shell, lambda s: s.assistant.provider_status())
    assert (status.name, status.base_url, status.model) == (
        "openai_compat",
        f"http://127.0.0.1:{fake.port}/v1",
        "llama3.2",
    )
