"""``service.assistant``: which assistant answers, its settings and key, private prompts."""

from __future__ import annotations

from app.core import profile
from app.core.assistant.base import ProviderError
from app.core.assistant.discovery import LocalServer, find_local_servers
from app.core.assistant.hub import ConnectionReport, ProviderStatus
from app.core.assistant.offline import LABEL as OFFLINE_LABEL
from app.core.assistant.registry import PROVIDER_NAMES
from app.core.errors import InputError
from app.core.session import Session


class AssistantSettings:
    """The chosen assistant and its settings (its API key only ever in the keyring)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    @property
    def provider_label(self) -> str:
        """How the assistant is labelled in the UI ('' until an existing profile is open)."""
        s = self._s
        if s.opened is None:
            return "" if profile.is_created(s.directory) else OFFLINE_LABEL
        s.assistant.config(s.provider_settings)
        return s.assistant.label

    def provider_status(self, name: str | None = None) -> ProviderStatus:
        """The chosen assistant (or ``name``): its settings, never its key; local or not."""
        s = self._s
        return s.assistant.status(s.provider_settings, s.profile_id, name)

    def set_provider(
        self,
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        forget_api_key: bool = False,
    ) -> ProviderStatus:
        """Choose the assistant and its settings; an API key goes to the keyring, only there."""
        s = self._s
        s.require_guardian("changing the assistant")
        store = s.provider_settings
        try:
            with s.lock, s.database.transaction("saving the assistant settings") as conn:
                chosen_before = s.assistant.config(store).name
                before = store.load(name) if name in PROVIDER_NAMES else None
                after = s.assistant.configure(
                    store,
                    s.profile_id,
                    name,
                    base_url=base_url,
                    model=model,
                    api_key=api_key,
                    forget_api_key=forget_api_key,
                    conn=conn,
                )
                key = "stored" if api_key is not None else "unchanged"
                if forget_api_key and api_key is None and after.kind.uses_api_key:
                    key = "removed"
                changed = before is None or (before.base_url, before.model) != (
                    after.base_url,
                    after.model,
                )
                if after.name != chosen_before or changed or key != "unchanged":
                    # Which provider and whether it is local, what changed: never the URL,
                    # the model name or the key itself.
                    s.audit.record(
                        "assistant.changed",
                        conn,
                        provider=after.name,
                        local=after.local,
                        base_url_changed=before is None or before.base_url != after.base_url,
                        model_changed=before is None or before.model != after.model,
                        api_key=key,
                    )
        except BaseException:
            s.assistant.forget_config()  # the cache may hold what was not committed
            raise
        return self.provider_status()

    def set_private_prompts(self, on: bool) -> bool:
        """Turn private prompts on or off; return whether they are on (child mode forces them)."""
        s = self._s
        if not on and s.child_mode():
            raise InputError("Private prompts stay on in child mode.")
        store = s.provider_settings
        try:
            with (
                s.lock,
                s.database.transaction("saving the private prompts setting") as conn,
            ):
                was_on = store.load().private_prompts
                s.assistant.set_private_prompts(store, on, conn)
                if was_on != on:
                    s.audit.record("private_prompts.changed", conn, on=on)
        finally:
            s.assistant.forget_config()
        return s.assistant.private_prompts(store)

    def test_connection(
        self,
        name: str,
        *,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
    ) -> ConnectionReport:
        """Ask a provider for its models with these settings (the key: given, or stored).

        It touches no database, so it may run on a network thread; its request is logged by
        the next ``log_assistant_requests`` (or ``finish_turn``) on the database lane.
        """
        # In child mode a test could send the stored API key to any server: the guardian's.
        self._s.require_guardian("testing an assistant connection")
        return self._s.assistant.test_connection(
            self._s.profile_id, name, base_url=base_url, model=model, api_key=api_key
        )

    def log_assistant_requests(self) -> int:
        """Write the assistant requests made off the database lane to the network log."""
        return self._s.assistant.write_pending(self._s.upstream.network_log)

    def forget_provider_keys(self) -> None:
        """Remove every API key of this profile from the keyring (for erasing the profile)."""
        self._s.assistant.forget_keys(self._s.profile_id)

    def list_models(self) -> list[str]:
        """The chosen provider's models (asks it: not on the GUI thread); the request is logged."""
        status = self.provider_status()
        if status.name == "offline":
            return []
        report = self.test_connection(status.name, base_url=status.base_url, model=status.model)
        self.log_assistant_requests()
        if not report.ok:
            raise ProviderError(report.message)
        return list(report.models)

    def find_local_servers(self) -> list[LocalServer]:
        """Probe 127.0.0.1 at the usual ports of local model servers, only when asked.

        It touches no database, so it may run on a network thread; its requests are logged by
        the next ``log_assistant_requests`` on the database lane.
        """
        return find_local_servers(self._s.assistant.pending, self._s.clock)
