"""The everyday client's core: continue a stored conversation, list, rename, rewind, settings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from app.core.consent import Scope
from app.core.conversations import SaveStatus, title_from_prompt
from app.core.errors import InputError
from app.core.service import Confidant
from tests.core.assistant.conftest import API_KEY
from tests.helpers.providers import FakeProvider, running_provider

Serve = Callable[..., FakeProvider]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Loopback providers for this test (``serve("openai")``)."""
    with ExitStack() as stack:
        yield lambda flavour: stack.enter_context(running_provider(flavour, api_key=API_KEY))


NAME, EMAIL = "Margaret Thornton", "margaret.thornton@example.org"


def _keep_and_connect(service: Confidant, fake: FakeProvider) -> None:
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    service.assistant.set_provider(
        "openai_compat", base_url=fake.base_url, model="model-a", api_key=API_KEY
    )


def test_a_stored_conversation_continues_after_a_restart_with_the_same_placeholders(
    profile_dir: Path, serve: Serve
) -> None:
    fake = serve("openai")
    first = Confidant(profile_dir)
    first.open()
    _keep_and_connect(first, fake)
    conversation = first.chat.new_conversation()
    first.chat.send(conversation, f"Please write to {NAME} at {EMAIL} about the boat.")
    (before,) = fake.chat_requests()
    sent_before = before.json["messages"][-1]["content"]
    assert NAME not in sent_before
    placeholders = re.findall(r"\[[A-Z_]+_\d+\]", sent_before)
    assert len(placeholders) == 2
    first.close()

    again = Confidant(profile_dir)
    again.open()
    try:
        opened = again.chat.open_conversation(conversation)
        assert [m.role for m in opened.messages] == ["user", "assistant"]
        assert opened.kept
        result = again.chat.send(conversation, f"And tell {NAME} the mast is fixed.")
        assert result.status is SaveStatus.SAVED
        request = fake.chat_requests()[-1].json["messages"]
        # The earlier turn goes along, exactly as the assistant saw it the first time.
        assert request[0] == {"role": "user", "content": sent_before}
        assert request[1]["role"] == "assistant"
        assert request[2]["content"] == f"And tell {placeholders[0]} the mast is fixed."
        assert all(NAME not in m["content"] and EMAIL not in m["content"] for m in request)
        assert len(again.chat.conversation_messages(conversation)) == 4
    finally:
        again.close()


def test_the_list_has_stored_and_unkept_conversations_newest_first(service: Confidant) -> None:
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    kept = service.chat.new_conversation()
    service.chat.send(kept, "# Tides and the moon\nwhy are there two a day?")
    temporary = service.chat.new_conversation(temporary=True)
    service.chat.send(temporary, "a secret recipe for pancakes")
    service.chat.new_conversation()  # empty: not listed

    entries = service.chat.conversation_list()
    assert [e.id for e in entries] == [temporary, kept] or [e.id for e in entries] == [
        kept,
        temporary,
    ]
    by_id = {e.id: e for e in entries}
    assert by_id[kept].kept and by_id[kept].title == "Tides and the moon"
    assert not by_id[temporary].kept and by_id[temporary].temporary

    assert [e.id for e in service.chat.conversation_list("moon")] == [kept]
    assert [e.id for e in service.chat.conversation_list("pancak")] == [temporary]
    assert service.chat.conversation_list("nothing-like-this") == []


def test_rename_is_kept_and_survives_new_turns(service: Confidant) -> None:
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, "first question")
    assert service.chat.rename_conversation(conversation, "  My  boat  ") == "My boat"
    service.chat.send(conversation, "second question")
    assert service.chat.conversations()[0].title == "My boat"
    with pytest.raises(InputError):
        service.chat.rename_conversation(conversation, "   ")


def test_delete_uses_the_erasure_of_delete_one(service: Confidant) -> None:
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, "to be deleted")
    assert service.chat.delete_conversation(conversation) == 1
    assert service.chat.conversation_list() == []
    assert service.data.audit_events("conversation.deleted")[0].detail["scope"] == "one"


def test_rewinding_drops_the_same_turns_in_memory_and_in_the_store(service: Confidant) -> None:
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation()
    for prompt in ("one", "two", "three"):
        service.chat.send(conversation, prompt)
    prompt = service.chat.regenerate_prompt(conversation)
    assert prompt == "three"
    service.chat.send(conversation, prompt)
    # Edit the second prompt: it and all after it are replaced.
    service.chat.rewind_conversation(conversation, 2)
    service.chat.send(conversation, "two, edited")
    shown = [m.content for m in service.chat.conversation_state(conversation).messages]
    stored = [m.content for m in service.chat.conversation_messages(conversation)]
    assert shown == stored
    assert [m for i, m in enumerate(stored) if i % 2 == 0] == ["one", "two, edited"]
    events = service.data.audit_events("conversation.rewound")
    assert [e.detail["messages"] for e in events] == [4, 2]


def test_a_temporary_variant_is_never_stored(service: Confidant) -> None:
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation(temporary=True)
    service.chat.send(conversation, "one")
    service.chat.send(conversation, service.chat.regenerate_prompt(conversation))
    assert service.chat.stored_message_count() == 0
    assert len(service.chat.conversation_state(conversation).messages) == 2


def test_the_system_prompt_and_the_model_go_with_the_conversation(
    profile_dir: Path, serve: Serve
) -> None:
    fake = serve("openai")
    first = Confidant(profile_dir)
    first.open()
    _keep_and_connect(first, fake)
    first.chat.set_default_system_prompt("Answer briefly.")
    conversation = first.chat.new_conversation()
    assert first.chat.conversation_state(conversation).system_prompt == "Answer briefly."
    first.chat.set_system_prompt(conversation, "Answer like a sailor.")
    first.chat.set_conversation_model(conversation, "model-b")
    first.chat.send(conversation, "hello")
    request = fake.chat_requests()[-1].json
    assert request["model"] == "model-b"
    assert request["messages"][0] == {"role": "system", "content": "Answer like a sailor."}
    first.close()

    again = Confidant(profile_dir)
    again.open()
    try:
        opened = again.chat.open_conversation(conversation)
        assert (opened.system_prompt, opened.model) == ("Answer like a sailor.", "model-b")
        again.chat.send(conversation, "again")
        request = fake.chat_requests()[-1].json
        assert request["model"] == "model-b"
        assert [m["role"] for m in request["messages"]] == ["system", "user", "assistant", "user"]
    finally:
        again.close()


def test_the_models_come_from_the_server_and_the_request_is_logged(
    service: Confidant, serve: Serve
) -> None:
    fake = serve("openai")
    _keep_and_connect(service, fake)
    fake.models = ["llama-x", "qwen-y"]
    assert service.assistant.list_models() == ["llama-x", "qwen-y"]
    (entry,) = [e for e in service.upstream.network_log.entries() if e.method == "GET"]
    assert entry.url == f"{fake.base_url}/models"


def test_opening_an_unknown_conversation_is_bad_input(service: Confidant) -> None:
    with pytest.raises(InputError):
        service.chat.open_conversation("no-such-id")


@pytest.mark.parametrize(
    ("prompt", "title"),
    [
        ("## Plan a trip\nto Lisbon", "Plan a trip"),
        ("\n\n  - buy milk  ", "buy milk"),
        ("word " * 30, "word word word word word word word word word word word…"),
    ],
)
def test_titles_are_made_here_from_the_first_prompt(prompt: str, title: str) -> None:
    assert title_from_prompt(prompt) == title
