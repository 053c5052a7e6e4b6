"""The providers Confidant knows, and their settings in the encrypted ``settings`` table.

Each setting is declared once here. The chosen provider is ``assistant.provider``; each
provider keeps its own base URL and model (``assistant.<name>.base_url``, ``.model``), so
switching back and forth loses nothing. Private prompts are ``assistant.private_prompts``
(on unless the user turned them off). API keys are not settings: they live in the keyring
(see ``secrets.py``).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

from app.core.errors import InputError
from app.core.network import check_url, is_loopback
from app.core.upstream.settings import SettingsStore

OFFLINE = "offline"
OPENAI_COMPAT = "openai_compat"
ANTHROPIC = "anthropic"


@dataclass(frozen=True)
class ProviderKind:
    """What one provider needs and offers."""

    name: str
    title: str
    needs_base_url: bool
    needs_model: bool
    needs_api_key: bool
    uses_api_key: bool
    default_base_url: str | None
    example_model: str


KINDS: dict[str, ProviderKind] = {
    OFFLINE: ProviderKind(OFFLINE, "Offline demo", False, False, False, False, None, ""),
    OPENAI_COMPAT: ProviderKind(
        OPENAI_COMPAT,
        "OpenAI-compatible (OpenAI, Ollama, llama.cpp, LM Studio, vLLM)",
        True,
        True,
        False,
        True,
        "http://127.0.0.1:11434/v1",
        "llama3.2",
    ),
    ANTHROPIC: ProviderKind(
        ANTHROPIC,
        "Anthropic",
        False,
        True,
        True,
        True,
        "https://api.anthropic.com",
        "claude-sonnet-4-5",
    ),
}
PROVIDER_NAMES = tuple(KINDS)
MAX_MODEL_LENGTH = 200

_PROVIDER = "assistant.provider"
_PRIVATE = "assistant.private_prompts"


@dataclass(frozen=True)
class ProviderConfig:
    """The stored settings of the chosen provider."""

    name: str
    base_url: str | None
    model: str | None
    private_prompts: bool

    @property
    def kind(self) -> ProviderKind:
        """What this provider needs."""
        return KINDS[self.name]

    @property
    def local(self) -> bool:
        """Whether requests stay on this computer (the offline demo, or a loopback server)."""
        if self.name == OFFLINE:
            return True
        url = self.base_url or self.kind.default_base_url
        return url is not None and is_loopback(urllib.parse.urlsplit(url).hostname or "")


def provider_kind(name: str) -> ProviderKind:
    """The provider called ``name``, or an input error naming the choices."""
    try:
        return KINDS[name]
    except KeyError:
        choices = ", ".join(PROVIDER_NAMES)
        raise InputError(f"There is no provider called {name!r}; choose {choices}.") from None


def clean_model(model: str) -> str:
    """A model name without surrounding white space; refuse what cannot be one."""
    cleaned = model.strip()
    if not cleaned:
        raise InputError("The model name is empty.")
    if len(cleaned) > MAX_MODEL_LENGTH or any(c.isspace() or ord(c) < 0x20 for c in cleaned):
        raise InputError("The model name must be one word without spaces.")
    return cleaned


def clean_base_url(url: str) -> str:
    """An http(s) base URL (plain http only to this computer), without a trailing slash."""
    checked = check_url(url.strip())
    if "?" in checked or "#" in checked:
        raise InputError("The base URL may not have a query or a fragment.")
    return checked


class ProviderSettingsStore:
    """Reads and writes the provider settings."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def load(self, name: str | None = None) -> ProviderConfig:
        """The settings of ``name`` (by default, the chosen provider)."""
        chosen = name or self._settings.get(_PROVIDER, OFFLINE) or OFFLINE
        if chosen not in KINDS:
            chosen = OFFLINE  # written by a newer version: fall back to the safe default
        return ProviderConfig(
            name=chosen,
            base_url=self._settings.get(f"assistant.{chosen}.base_url"),
            model=self._settings.get(f"assistant.{chosen}.model"),
            private_prompts=self._settings.get(_PRIVATE, "1") != "0",
        )

    def save(
        self,
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        conn: Any = None,
    ) -> ProviderConfig:
        """Choose ``name``; a base URL or model given replaces the stored one."""
        kind = provider_kind(name)
        values: dict[str, str | None] = {}
        if base_url is not None and kind.name != OFFLINE:
            # An empty URL clears the stored one: back to the provider's default server.
            values[f"assistant.{name}.base_url"] = (
                clean_base_url(base_url) if base_url.strip() else None
            )
        if model is not None and kind.name != OFFLINE:
            values[f"assistant.{name}.model"] = clean_model(model)
        values[_PROVIDER] = name
        for key, value in values.items():
            self._settings.set(key, value, conn)
        return self.load(name)

    def set_private_prompts(self, on: bool, conn: Any = None) -> None:
        """Turn private prompts on or off."""
        self._settings.set(_PRIVATE, "1" if on else "0", conn)
