"""Finding local assistant servers: 127.0.0.1 only, the known ports only, every probe logged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.assistant import discovery
from app.core.assistant.discovery import KNOWN_PORTS, find_local_servers, probe_url
from app.core.clock import SystemClock
from app.core.network import PendingRequests
from app.core.service import Confidant
from tests.helpers.providers import FakeProvider, provider_on_a_known_port, running_provider


@pytest.fixture
def fake_on_a_known_port() -> Iterator[FakeProvider]:
    with provider_on_a_known_port() as fake:
        yield fake


def test_a_server_on_a_known_port_is_found_with_its_models(
    fake_on_a_known_port: FakeProvider,
) -> None:
    fake_on_a_known_port.models = ["llama3.2", "qwen2.5"]
    log = PendingRequests()
    found = find_local_servers(log, SystemClock())
    port = fake_on_a_known_port.port
    (server,) = [s for s in found if s.port == port]
    assert server.models == ("llama3.2", "qwen2.5")
    assert server.base_url == f"http://127.0.0.1:{port}/v1"
    assert dict(KNOWN_PORTS)[port] == server.name
    # Every known port was asked once, at 127.0.0.1 only, answered or not.
    entries = log.drain()
    assert [e.url for e in entries] == [probe_url(p) for p, _ in KNOWN_PORTS]
    assert all(e.url.startswith("http://127.0.0.1:") for e in entries)
    assert {e.purpose for e in entries} == {discovery.PURPOSE}


def test_a_port_that_answers_something_else_is_left_out() -> None:
    with running_provider("openai", api_key="sk-k") as fake:  # no key from us: 401
        found = find_local_servers(PendingRequests(), SystemClock(), ((fake.port, "x"),))
    assert found == []


def test_nothing_is_probed_unless_asked(service: Confidant) -> None:
    # Opening a profile, reading the provider and listing conversations probe nothing.
    service.assistant.provider_status()
    service.chat.conversation_list()
    assert service.assistant.log_assistant_requests() == 0
    assert not any(e.purpose == discovery.PURPOSE for e in service.upstream.network_log.entries())


def test_the_facade_logs_each_probe_in_the_network_log(service: Confidant) -> None:
    service.assistant.find_local_servers()
    service.assistant.log_assistant_requests()
    urls = [e.url for e in service.upstream.network_log.entries() if e.purpose == "local-discovery"]
    assert sorted(urls) == sorted(probe_url(p) for p, _ in KNOWN_PORTS)
