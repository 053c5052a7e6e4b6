"""The assistant's core calls: settings and key on the DB lane, what asks it on the I/O pool."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.assistant.hub import ConnectionReport, ProviderStatus
    from app.core.service import Confidant


def load_status(service: Confidant, name: str | None = None) -> ProviderStatus:
    """A provider's settings (never its key). Runs on the DB lane."""
    return service.assistant.provider_status(name)


def forget_key(service: Confidant, name: str) -> ProviderStatus:
    """Remove the provider's stored key. Runs on the DB lane."""
    service.assistant.set_provider(name, forget_api_key=True)
    return service.assistant.provider_status(name)


def set_private_prompts(service: Confidant, on: bool) -> ProviderStatus:
    """Turn private prompts on or off. Runs on the DB lane."""
    service.assistant.set_private_prompts(on)
    return service.assistant.provider_status()


def log_requests(service: Confidant) -> int:
    """Write the test's request to the network log. Runs on the DB lane."""
    return service.assistant.log_assistant_requests()


def provider_for_models(service: Confidant) -> ProviderStatus:
    """The chosen provider, to ask for its models. Runs on the DB lane."""
    return service.assistant.provider_status()


def ask_models(service: Confidant, status: ProviderStatus) -> ConnectionReport:
    """Ask the provider for its models. Runs on the I/O pool (touches no database)."""
    return service.assistant.test_connection(
        status.name, base_url=status.base_url, model=status.model
    )
