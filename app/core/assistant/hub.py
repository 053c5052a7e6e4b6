"""One object for the assistant side of a profile: settings, keys, private prompts, turns.

It holds what lives in memory (each conversation's :class:`PrivateSession`, the requests
made off the database lane) and is told the database and the profile id on each call, so it
survives a key rotation. Network work never touches the database: requests are held in
``pending`` until the lane writes them to the network log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.assistant.base import ChatMessage, Provider, ProviderError, ProviderNotConfigured
from app.core.assistant.offline import LABEL as OFFLINE_LABEL
from app.core.assistant.offline import OfflineProvider
from app.core.assistant.registry import (
    ANTHROPIC,
    OFFLINE,
    OPENAI_COMPAT,
    PROVIDER_NAMES,
    ProviderConfig,
    ProviderSettingsStore,
    clean_model,
    provider_kind,
)
from app.core.assistant.reply import PrivateSession, ReplyStream, resumed_history
from app.core.assistant.secrets import ProviderSecrets, validate_api_key
from app.core.clock import Clock, iso
from app.core.errors import InsecureKeyring, KnownError
from app.core.network import HttpClient, NetworkLog, PendingRequests
from app.core.privacy.anonymize import Pseudonymizer, Vault

SecretsFactory = Callable[[], ProviderSecrets]


@dataclass(frozen=True)
class ProviderStatus:
    """The chosen provider as the settings page and ``provider show`` present it."""

    name: str
    title: str
    base_url: str | None
    model: str | None
    has_api_key: bool
    private_prompts: bool
    private_prompts_forced: bool
    label: str
    local: bool


@dataclass(frozen=True)
class ConnectionReport:
    """The outcome of "test connection", in one sentence."""

    ok: bool
    message: str
    models: tuple[str, ...] = ()


class Assistant:
    """The configured assistant of one profile, and the conversations it is part of."""

    def __init__(
        self,
        clock: Clock,
        *,
        child_mode: Callable[[], bool],
        secrets_factory: SecretsFactory = ProviderSecrets.from_environment,
    ) -> None:
        self._clock = clock
        self._child_mode = child_mode
        self._secrets_factory = secrets_factory
        self._secrets: ProviderSecrets | None = None
        self.pending = PendingRequests()
        self._http = HttpClient(self.pending, clock)
        self._lock = threading.RLock()
        self._sessions: dict[str, PrivateSession] = {}
        self._config: ProviderConfig | None = None

    def reset(self) -> None:
        """Forget every conversation and the cached settings (the profile closed)."""
        with self._lock:
            self._sessions.clear()
            self._config = None
        self.pending.drain()

    # --- settings (database lane) ---------------------------------------------------------

    def config(self, store: ProviderSettingsStore) -> ProviderConfig:
        """The chosen provider's settings (read once, then cached)."""
        with self._lock:
            if self._config is None:
                self._config = store.load()
            return self._config

    def private_prompts_forced(self) -> bool:
        """Whether private prompts are forced on (child mode)."""
        return self._child_mode()

    def private_prompts(self, store: ProviderSettingsStore) -> bool:
        """Whether prompts are pseudonymized before they leave."""
        return self.private_prompts_forced() or self.config(store).private_prompts

    @property
    def label(self) -> str:
        """What the status bar calls the assistant, as far as is known without the store."""
        with self._lock:
            config = self._config
        if config is None or config.name == OFFLINE:
            return OFFLINE_LABEL
        try:
            return self._provider(config, "", with_key=False).label
        except KnownError:
            return f"{config.kind.title} (not set up)"

    def status(
        self, store: ProviderSettingsStore, profile_id: str, name: str | None = None
    ) -> ProviderStatus:
        """A provider (by default the chosen one), whether it has a key, how it is labelled."""
        config = self.config(store)
        if name is not None and name != config.name:
            provider_kind(name)
            config = store.load(name)
        has_key = False
        if config.kind.uses_api_key:
            try:
                has_key = self._secrets_store().get(profile_id, config.name) is not None
            except KnownError:
                has_key = False  # a locked or missing keyring: saving a key says why
        try:
            provider = self._provider(config, profile_id, with_key=False)
            label, local = provider.label, provider.local
        except KnownError:
            label, local = f"{config.kind.title} (not set up)", False
        return ProviderStatus(
            name=config.name,
            title=config.kind.title,
            base_url=config.base_url,
            model=config.model,
            has_api_key=has_key,
            private_prompts=self.private_prompts(store),
            private_prompts_forced=self.private_prompts_forced(),
            label=label,
            local=local,
        )

    def configure(
        self,
        store: ProviderSettingsStore,
        profile_id: str,
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        forget_api_key: bool = False,
        conn: Any = None,
    ) -> ProviderConfig:
        """Choose a provider and store its settings; the key goes to the keyring only."""
        kind = provider_kind(name)
        if api_key is not None:
            api_key = validate_api_key(api_key)
            if not kind.uses_api_key:
                raise ProviderNotConfigured(f"The {kind.title} takes no API key.")
        config = store.save(name, base_url=base_url, model=model, conn=conn)
        if api_key is not None:
            self._secrets_store().put(profile_id, name, api_key)
        elif forget_api_key and kind.uses_api_key:
            self._secrets_store().delete(profile_id, name)
        with self._lock:
            self._config = config
        return config

    def set_private_prompts(self, store: ProviderSettingsStore, on: bool, conn: Any = None) -> bool:
        """Turn private prompts on or off; return whether they are on now (forced or not)."""
        store.set_private_prompts(on, conn)
        self.forget_config()
        return self.private_prompts(store)

    def forget_config(self) -> None:
        """Read the settings from the store again next time (they changed, or a write failed)."""
        with self._lock:
            self._config = None

    def forget_keys(self, profile_id: str) -> None:
        """Remove every API key of the profile from the keyring."""
        self._secrets_store().delete_all(profile_id, PROVIDER_NAMES)

    # --- turns ----------------------------------------------------------------------------

    def start_turn(
        self,
        store: ProviderSettingsStore,
        profile_id: str,
        conversation_id: str,
        prompt: str,
        *,
        provider: str | None = None,
        model: str | None = None,
        system_prompt: str | None = None,
    ) -> ReplyStream:
        """Prepare one turn (database lane): nothing is sent until the stream is read."""
        config = self.config(store)
        if provider is not None and provider != config.name:
            provider_kind(provider)
            config = store.load(provider)
        if model is not None:
            config = ProviderConfig(
                config.name, config.base_url, clean_model(model), config.private_prompts
            )
        chosen = self._provider(config, profile_id, with_key=True)
        private = self.private_prompts(store) and chosen.name != OFFLINE
        with self._lock:
            session = self._sessions.setdefault(conversation_id, PrivateSession())
            if session.resumed is not None:
                # A conversation opened from the store: what the assistant saw of it is
                # rebuilt now, once, with the stored vault (so placeholders stay the same).
                session.sent = resumed_history(session.resumed, session.vault, private=private)
                session.resumed = None
            history = list(session.sent)
            vault = Vault.from_items(session.vault.items()) if private else None
        if system_prompt:
            # A system prompt is conversation content too: with private prompts, its
            # personal details go out as placeholders from the same vault.
            said = (
                Pseudonymizer(vault).pseudonymize(system_prompt)
                if vault is not None
                else system_prompt
            )
            history.insert(0, ChatMessage("system", said))
        return ReplyStream(
            conversation_id=conversation_id,
            prompt=prompt,
            provider=chosen,
            history=history,
            vault=vault,
        )

    def end_turn(self, stream: ReplyStream) -> None:
        """Remember a kept turn as the assistant saw it (database lane)."""
        if not stream.kept:
            return
        with self._lock:
            session = self._sessions.setdefault(stream.conversation_id, PrivateSession())
            if stream.vault is not None:
                session.vault = stream.vault
            session.sent.extend(stream.sent_messages())

    def resume(
        self,
        conversation_id: str,
        vault_items: Mapping[str, str],
        messages: Sequence[tuple[str, str]],
    ) -> None:
        """Take up a stored conversation: its vault, and its (role, text) messages as shown.

        What the assistant saw is rebuilt from them when the next turn is prepared, so opening
        a long conversation costs no anonymizing.
        """
        with self._lock:
            self._sessions[conversation_id] = PrivateSession(
                vault=Vault.from_items(vault_items), resumed=list(messages)
            )

    def rewind(self, conversation_id: str, keep: int) -> None:
        """Forget what the assistant saw after the first ``keep`` messages (edit, regenerate)."""
        with self._lock:
            session = self._sessions.get(conversation_id)
            if session is None:
                return
            if session.resumed is not None:
                del session.resumed[keep:]
            else:
                del session.sent[keep:]

    def forget_conversation(self, conversation_id: str) -> None:
        """Drop one conversation's session (it was deleted)."""
        with self._lock:
            self._sessions.pop(conversation_id, None)

    def vault_items(self, conversation_id: str) -> Mapping[str, str]:
        """The placeholder pairs of one conversation (empty if it has none)."""
        with self._lock:
            session = self._sessions.get(conversation_id)
            return session.vault.items() if session is not None else {}

    def save_vault(self, conversation_id: str, conn: Any) -> int:
        """Store the conversation's vault next to it (its rows go when it goes)."""
        items = self.vault_items(conversation_id)
        now = iso(self._clock.now())
        conn.executemany(
            "INSERT OR IGNORE INTO vault(conversation_id, placeholder, original, created_at) "
            "VALUES (?, ?, ?, ?)",
            [
                (conversation_id, placeholder, original, now)
                for placeholder, original in items.items()
            ],
        )
        return len(items)

    def write_pending(self, network_log: NetworkLog) -> int:
        """Write the requests made off the lane to the network log (database lane)."""
        entries = self.pending.drain()
        for entry in entries:
            network_log.add(entry)
        return len(entries)

    # --- connection test (network thread; no database) ----------------------------------

    def test_connection(
        self,
        profile_id: str,
        name: str,
        *,
        base_url: str | None,
        model: str | None,
        api_key: str | None = None,
    ) -> ConnectionReport:
        """Ask the provider for its models with these settings (the key: given, or stored)."""
        kind = provider_kind(name)
        if name == OFFLINE:
            return ConnectionReport(True, "The offline demo runs on this computer; no connection.")
        try:
            key = validate_api_key(api_key) if api_key else None
            config = ProviderConfig(name, base_url or None, model or None, True)
            provider = self._provider(config, profile_id, with_key=True, api_key=key)
            models = provider.list_models()
        except (ProviderError, KnownError) as exc:
            return ConnectionReport(False, exc.one_line())
        count = f"{len(models)} model{'s' if len(models) != 1 else ''} available"
        message = f"Connected to {kind.title.split(' (')[0]}: {count}."
        if model and models and model not in models:
            message += f" {model} is not one of them."
        return ConnectionReport(True, message, tuple(models))

    # --- helpers --------------------------------------------------------------------------

    def _secrets_store(self) -> ProviderSecrets:
        with self._lock:
            if self._secrets is None:
                self._secrets = self._secrets_factory()
            return self._secrets

    def _provider(
        self,
        config: ProviderConfig,
        profile_id: str,
        *,
        with_key: bool,
        api_key: str | None = None,
    ) -> Provider:
        def key() -> str | None:
            if api_key is not None:
                return api_key
            if not with_key:
                return None
            # Read when the request is made, on the network thread: a keyring can be slow.
            try:
                return self._secrets_store().get(profile_id, config.name)
            except InsecureKeyring:
                if config.kind.needs_api_key:
                    raise
                return None  # no usable keyring, so no key was ever stored: a local server

        if config.name == OPENAI_COMPAT:
            from app.core.assistant.openai_compat import OpenAICompatProvider

            return OpenAICompatProvider(
                self._http, base_url=config.base_url, model=config.model, api_key=key
            )
        if config.name == ANTHROPIC:
            from app.core.assistant.anthropic import AnthropicProvider

            return AnthropicProvider(
                self._http, model=config.model, api_key=key, base_url=config.base_url
            )
        return OfflineProvider()
