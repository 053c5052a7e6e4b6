"""Provider settings in the store, API keys in the keyring (and nowhere else)."""

from __future__ import annotations

import keyring.backends.fail
import keyring.backends.null
import pytest

from app.core.assistant.registry import ProviderSettingsStore
from app.core.assistant.secrets import SECRETS_SERVICE, ProviderSecrets
from app.core.errors import InputError, InsecureKeyring
from app.core.keys import detect_backend
from app.core.service import Confidant

KEY = "sk-settings-test-7c1e"


def _settings(service: Confidant) -> list[tuple[str, str]]:
    return service.database.query("SELECT name, value FROM settings WHERE name LIKE 'assistant.%'")


def test_a_fresh_profile_uses_the_offline_demo(service: Confidant) -> None:
    status = service.assistant.provider_status()
    assert (status.name, status.local, status.has_api_key) == ("offline", True, False)
    assert status.label == "Offline demo (local, no network)"
    assert service.assistant.provider_label == status.label


def test_settings_go_to_the_store_and_the_key_to_the_keyring(service: Confidant) -> None:
    status = service.assistant.set_provider(
        "anthropic", model="claude-test", api_key=f"  {KEY}\n", base_url="https://api.anthropic.com"
    )
    assert status.has_api_key and status.model == "claude-test" and not status.local
    assert status.label == "Anthropic claude-test (remote)"
    assert dict(_settings(service)) == {
        "assistant.provider": "anthropic",
        "assistant.anthropic.model": "claude-test",
        "assistant.anthropic.base_url": "https://api.anthropic.com",
    }
    profile_id = service._profile_id
    assert detect_backend().get_password(SECRETS_SERVICE, f"{profile_id}/anthropic") == KEY

    service.assistant.set_provider("anthropic", forget_api_key=True)
    assert detect_backend().get_password(SECRETS_SERVICE, f"{profile_id}/anthropic") is None
    assert not service.assistant.provider_status().has_api_key


def test_each_provider_keeps_its_own_settings(service: Confidant) -> None:
    service.assistant.set_provider(
        "openai_compat", base_url="http://127.0.0.1:11434/v1", model="llama3.2"
    )
    service.assistant.set_provider("anthropic", model="claude-test")
    service.assistant.set_provider("openai_compat")
    status = service.assistant.provider_status()
    assert (status.base_url, status.model) == ("http://127.0.0.1:11434/v1", "llama3.2")
    assert status.label == "llama3.2 at 127.0.0.1:11434 (local)"
    assert service.assistant.provider_status("anthropic").model == "claude-test"


def test_settings_survive_a_restart(service: Confidant) -> None:
    service.assistant.set_provider(
        "openai_compat", base_url="https://api.openai.com/v1/", model="gpt-4o"
    )
    service.assistant.set_private_prompts(False)
    directory = service.directory
    service.close()
    reopened = Confidant(directory)
    reopened.open()
    try:
        status = reopened.assistant.provider_status()
        assert status.name == "openai_compat" and status.base_url == "https://api.openai.com/v1"
        assert not status.private_prompts
        assert reopened.assistant.provider_label == "gpt-4o at api.openai.com (remote)"
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "chatgpt"}, "no provider called 'chatgpt'"),
        ({"name": "openai_compat", "base_url": "http://example.com/v1"}, "Only https URLs"),
        ({"name": "openai_compat", "base_url": "https://u:p@example.com/v1"}, "credentials"),
        ({"name": "openai_compat", "base_url": "https://example.com/v1?key=x"}, "query"),
        ({"name": "openai_compat", "model": "two words"}, "one word"),
        ({"name": "openai_compat", "model": "  "}, "empty"),
        ({"name": "anthropic", "api_key": "sk with space"}, "spaces"),
        ({"name": "anthropic", "api_key": "   "}, "empty"),
        ({"name": "offline", "api_key": "sk-x"}, "takes no API key"),
    ],
)
def test_bad_settings_are_refused_in_one_sentence(
    service: Confidant, kwargs: dict[str, str], message: str
) -> None:
    name = kwargs.pop("name")
    with pytest.raises(InputError, match=message):
        service.assistant.set_provider(name, **kwargs)  # type: ignore[arg-type]
    assert service.assistant.provider_status().name == "offline"
    assert _settings(service) == []


def test_a_setting_from_a_newer_version_falls_back_to_offline(service: Confidant) -> None:
    service.upstream.settings.set("assistant.provider", "from-the-future")
    assert ProviderSettingsStore(service.upstream.settings).load().name == "offline"


@pytest.mark.parametrize("backend", [keyring.backends.null.Keyring, keyring.backends.fail.Keyring])
def test_keys_are_never_kept_in_an_insecure_keyring(backend: type) -> None:
    with pytest.raises(InsecureKeyring, match="API keys cannot be kept"):
        ProviderSecrets(backend())


def test_forgetting_the_keys_removes_every_entry(service: Confidant) -> None:
    service.assistant.set_provider(
        "openai_compat", base_url="http://127.0.0.1:1/v1", model="m", api_key=KEY
    )
    service.assistant.set_provider("anthropic", model="m", api_key=KEY + "2")
    service.assistant.forget_provider_keys()
    backend = detect_backend()
    for name in ("openai_compat", "anthropic"):
        assert backend.get_password(SECRETS_SERVICE, f"{service._profile_id}/{name}") is None


def test_without_a_usable_keyring_a_local_server_still_answers(
    service: Confidant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers.providers import running_provider

    def refused() -> ProviderSecrets:
        return ProviderSecrets(keyring.backends.null.Keyring())

    monkeypatch.setattr(service._assistant, "_secrets_factory", refused)
    with running_provider("openai", api_key=None) as fake:
        service.assistant.set_provider("openai_compat", base_url=fake.base_url, model="m")
        assert service.chat.send(service.chat.new_conversation(), "hi").reply == "You said: hi"
        assert not service.assistant.provider_status().has_api_key
        with pytest.raises(InsecureKeyring, match="API keys cannot be kept"):
            service.assistant.set_provider("openai_compat", api_key=KEY)
    service.assistant.set_provider("anthropic", model="m")
    with pytest.raises(InsecureKeyring):
        service.chat.send(service.chat.new_conversation(), "hi")


def _assistant_events(service: Confidant) -> list[tuple[str, dict[str, object]]]:
    kinds = ("assistant.changed", "private_prompts.changed")
    return [
        (e.kind, dict(e.detail)) for e in reversed(service.data.audit_events()) if e.kind in kinds
    ]


def test_changes_of_assistant_are_in_the_privacy_log_without_url_model_or_key(
    service: Confidant,
) -> None:
    url, model = "https://llm.example.org/v1", "team-model-3"
    service.assistant.set_provider("openai_compat", base_url=url, model=model, api_key=KEY)
    service.assistant.set_provider("openai_compat", base_url=url, model=model)  # nothing changes
    service.assistant.set_provider("openai_compat", base_url="http://127.0.0.1:11434/v1")
    service.assistant.set_provider("anthropic", model="claude-test")
    service.assistant.set_provider(
        "anthropic", forget_api_key=True
    )  # no key was stored: still said
    service.assistant.set_provider("openai_compat", forget_api_key=True)

    common = {"base_url_changed": False, "model_changed": False}
    assert _assistant_events(service) == [
        (
            "assistant.changed",
            {
                "provider": "openai_compat",
                "local": False,
                "base_url_changed": True,
                "model_changed": True,
                "api_key": "stored",
            },
        ),
        (
            "assistant.changed",
            {**common, "provider": "openai_compat", "local": True, "base_url_changed": True}
            | {"api_key": "unchanged"},
        ),
        (
            "assistant.changed",
            {**common, "provider": "anthropic", "local": False, "model_changed": True}
            | {"api_key": "unchanged"},
        ),
        (
            "assistant.changed",
            {**common, "provider": "anthropic", "local": False, "api_key": "removed"},
        ),
        (
            "assistant.changed",
            {**common, "provider": "openai_compat", "local": True, "api_key": "removed"},
        ),
    ]
    stored = "\n".join(row[0] for row in service.database.query("SELECT detail FROM audit"))
    for secret in (KEY, "example.org", "127.0.0.1", "://", model, "claude-test"):
        assert secret not in stored


def test_turning_private_prompts_off_and_on_is_in_the_privacy_log(service: Confidant) -> None:
    service.assistant.set_private_prompts(True)  # already on: nothing to record
    service.assistant.set_private_prompts(False)
    service.assistant.set_private_prompts(False)
    service.assistant.set_private_prompts(True)
    assert _assistant_events(service) == [
        ("private_prompts.changed", {"on": False}),
        ("private_prompts.changed", {"on": True}),
    ]
    labels = {e.label for e in service.data.audit_events()}
    assert "Private prompts turned on or off" in labels


def test_a_refused_change_records_nothing_and_changes_nothing(service: Confidant) -> None:
    service.assistant.set_provider("openai_compat", base_url="http://127.0.0.1:11434/v1", model="m")
    with pytest.raises(InputError):
        service.assistant.set_provider("anthropic", model="two words")
    assert service.assistant.provider_status().name == "openai_compat"
    assert [kind for kind, _detail in _assistant_events(service)] == ["assistant.changed"]


def test_an_empty_base_url_clears_the_custom_one(service: Confidant) -> None:
    service.assistant.set_provider(
        "anthropic", model="claude-test", base_url="http://127.0.0.1:9/proxy"
    )
    assert service.assistant.provider_status().base_url == "http://127.0.0.1:9/proxy"
    status = service.assistant.set_provider("anthropic", base_url="")
    assert status.base_url is None
    assert "assistant.anthropic.base_url" not in dict(_settings(service))
    assert status.label == "Anthropic claude-test (remote)"
