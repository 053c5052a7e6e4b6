"""Fixtures for the assistant tests: loopback providers and an HTTP client that logs to memory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest

from app.core.assistant.anthropic import AnthropicProvider
from app.core.assistant.base import Provider
from app.core.assistant.openai_compat import OpenAICompatProvider
from app.core.clock import SystemClock
from app.core.network import HttpClient, PendingRequests
from tests.helpers.providers import FakeProvider, Flavour, running_provider

API_KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def serve() -> Iterator[Callable[..., FakeProvider]]:
    """Start loopback providers for this test: ``serve("openai")``, ``serve("anthropic")``."""
    with ExitStack() as stack:

        def start(flavour: Flavour, *, api_key: str | None = API_KEY) -> FakeProvider:
            return stack.enter_context(running_provider(flavour, api_key=api_key))

        yield start


@pytest.fixture
def requests_log() -> PendingRequests:
    """Where the client's requests are logged."""
    return PendingRequests()


@pytest.fixture
def http(requests_log: PendingRequests) -> HttpClient:
    """A real HTTP client that logs to ``requests_log``."""
    return HttpClient(requests_log, SystemClock())


def provider_for(
    fake: FakeProvider, http: HttpClient, *, key: str | None = API_KEY, model: str = "model-a"
) -> Provider:
    """The app's provider for a fake server of either flavour."""
    if fake.flavour == "openai":
        return OpenAICompatProvider(http, base_url=fake.base_url, model=model, api_key=lambda: key)
    return AnthropicProvider(http, model=model, api_key=lambda: key, base_url=fake.base_url)
