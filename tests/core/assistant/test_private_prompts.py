"""Private prompts through the facade: what leaves, what comes back, and where the vault lives."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

import pytest

from app.core.consent import Scope
from app.core.errors import InputError
from app.core.privacy.anonymize import ENTITY_TYPES
from app.core.service import Confidant
from tests.core.assistant.conftest import API_KEY
from tests.helpers.providers import FakeProvider, Script, pieces_of

NAME, EMAIL = "Margaret Thornton", "margaret.thornton@example.org"
PHONE, IBAN = "+44 20 7946 0958", "GB82 WEST 1234 5698 7654 32"
PLANTED = (NAME, EMAIL, PHONE, IBAN)
PROMPT = f"Please ask {NAME} ({EMAIL}, {PHONE}) to pay the invoice into {IBAN} by Friday."

Serve = Callable[..., FakeProvider]


def placeholder_reply(messages: list[dict[str, Any]]) -> str:
    """A model that answers with the placeholders it saw: repeated, and in changed case."""
    seen = re.findall(r"\[[A-Z_]+_\d+\]", messages[-1]["content"])
    person, email, phone, iban = seen[:4]
    return (
        f"Sure. I will write to {person} at {email.lower()} and call {phone.title()}; "
        f"the money goes to {iban}. Thanks, {person.lower()}! ({person}, [PERSON_99], [sic])"
    )


EXPECTED = (
    f"Sure. I will write to {NAME} at {EMAIL} and call {PHONE}; the money goes to {IBAN}. "
    f"Thanks, {NAME}! ({NAME}, [PERSON_99], [sic])"
)


def _ends_in_half_a_placeholder(piece: str) -> bool:
    tail = piece[piece.rfind("[") :].upper() if "[" in piece else ""
    if not tail or "]" in tail:
        return False
    return any(
        f"[{kind}_".startswith(tail) or re.fullmatch(rf"\[{kind}_\d+", tail)
        for kind in ENTITY_TYPES
    )


def _configure(service: Confidant, fake: FakeProvider) -> None:
    name = "openai_compat" if fake.flavour == "openai" else "anthropic"
    service.assistant.set_provider(name, base_url=fake.base_url, model="model-a", api_key=API_KEY)


def _awkward(text: str) -> list[str]:
    """Deltas cut right after each "[", and inside every placeholder, two characters long."""
    pieces: list[str] = []
    for part in re.split(r"(\[)", text):
        pieces += [part[i : i + 2] for i in range(0, len(part), 2)] if part != "[" else [part]
    return [p for p in pieces if p]


@pytest.mark.parametrize("flavour", ["openai", "anthropic"])
def test_the_provider_never_sees_the_planted_details_and_the_user_sees_them_back(
    service: Confidant, serve: Serve, flavour: str
) -> None:
    fake = serve(flavour)
    _configure(service, fake)
    fake.then(Script(reply=placeholder_reply, pieces=_awkward, byte_split=3))
    conversation = service.chat.new_conversation()

    stream = service.chat.stream(conversation, PROMPT)
    shown = list(stream)
    result = service.chat.finish_turn(stream)

    (request,) = fake.chat_requests()
    for detail in PLANTED:
        assert detail.encode() not in request.body
        assert detail.lower().encode() not in request.body.lower()
    sent = request.json["messages"][-1]["content"]
    assert sent == (
        "Please ask [PERSON_1] ([EMAIL_1], [PHONE_1]) to pay the invoice into [IBAN_1] by Friday."
    )
    assert "".join(shown) == EXPECTED
    # Never half a placeholder on screen: no piece shown ends in the start of one.
    assert not any(_ends_in_half_a_placeholder(piece) for piece in shown)
    assert result is not None and result.reply == EXPECTED
    assert result.sent_prompt == sent and result.private


def test_the_conversation_stays_consistent_turn_after_turn(
    service: Confidant, serve: Serve
) -> None:
    fake = serve("openai")
    _configure(service, fake)
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, f"Remind me to call {NAME} tomorrow.")
    second = service.chat.send(conversation, "Also, what did Margaret Thornton ask for last week?")

    first_request, second_request = fake.chat_requests()
    messages = second_request.json["messages"]
    # The history goes out exactly as it was sent and received: placeholders, never originals.
    assert messages[0] == first_request.json["messages"][0]
    assert messages[0]["content"] == "Remind me to call [PERSON_1] tomorrow."
    assert messages[1] == {
        "role": "assistant",
        "content": "You said: Remind me to call [PERSON_1] tomorrow.",
    }
    assert messages[2]["content"] == "Also, what did [PERSON_1] ask for last week?"
    assert NAME not in second_request.body.decode()
    assert second.reply == "You said: Also, what did Margaret Thornton ask for last week?"


def test_private_prompts_off_send_the_prompt_as_written(service: Confidant, serve: Serve) -> None:
    fake = serve("openai")
    _configure(service, fake)
    assert service.assistant.set_private_prompts(False) is False
    result = service.chat.send(service.chat.new_conversation(), PROMPT)
    assert fake.chat_requests()[0].json["messages"][-1]["content"] == PROMPT
    assert result.sent_prompt == PROMPT and not result.private
    assert service.assistant.provider_status().private_prompts is False


def test_private_prompts_are_on_by_default(service: Confidant) -> None:
    status = service.assistant.provider_status()
    assert status.private_prompts and not status.private_prompts_forced


def test_child_mode_forces_private_prompts_on(service: Confidant, serve: Serve) -> None:
    fake = serve("openai")
    _configure(service, fake)
    service.assistant.set_private_prompts(False)
    service.child.enable("guardian-pin-123")
    status = service.assistant.provider_status()
    assert status.private_prompts and status.private_prompts_forced
    with pytest.raises(InputError, match="stay on in child mode"):
        service.assistant.set_private_prompts(False)
    service.chat.send(service.chat.new_conversation(), PROMPT)
    assert NAME.encode() not in fake.chat_requests()[0].body


def _vault_rows(service: Confidant) -> list[tuple[str, str, str]]:
    return service.database.query(
        "SELECT conversation_id, placeholder, original FROM vault ORDER BY placeholder"
    )


def test_the_vault_is_stored_with_a_kept_conversation_and_goes_with_it(
    service: Confidant, serve: Serve
) -> None:
    fake = serve("openai")
    _configure(service, fake)
    unsaved = service.chat.new_conversation()
    service.chat.send(unsaved, PROMPT)
    assert _vault_rows(service) == []  # not kept: the vault lives in memory only

    service.consent.grant(Scope.STORE_CONVERSATIONS)
    kept = service.chat.new_conversation()
    service.chat.send(kept, PROMPT)
    rows = _vault_rows(service)
    assert {(p, o) for _c, p, o in rows} == {
        ("[EMAIL_1]", EMAIL),
        ("[IBAN_1]", IBAN),
        ("[PERSON_1]", NAME),
        ("[PHONE_1]", PHONE),
    }
    assert {c for c, _p, _o in rows} == {kept}

    # A later turn adds only its new pairs.
    service.chat.send(kept, "And tell Oliver Brennan too.")
    assert ("[PERSON_2]", "Oliver Brennan") in {(p, o) for _c, p, o in _vault_rows(service)}

    service.data.delete_conversations(conversation_id=kept)
    assert _vault_rows(service) == []


def test_the_vault_goes_when_a_conversation_turns_sensitive(
    service: Confidant, serve: Serve
) -> None:
    fake = serve("openai")
    _configure(service, fake)
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, PROMPT)
    assert _vault_rows(service)
    service.chat.mark_sensitive(conversation)
    assert _vault_rows(service) == []


def test_a_failed_turn_is_not_recorded_and_can_be_sent_again(
    service: Confidant, serve: Serve
) -> None:
    fake = serve("openai")
    _configure(service, fake)
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation()
    fake.then(Script(reply=placeholder_reply, cut_after=4))
    stream = service.chat.stream(conversation, PROMPT)
    with pytest.raises(Exception, match="cut off"):
        list(stream)
    assert service.chat.finish_turn(stream) is None
    assert service.chat.stored_message_count() == 0

    result = service.chat.send(conversation, PROMPT)
    assert result.reply.startswith("You said: Please ask Margaret Thornton")
    assert service.chat.conversation_messages(conversation)[0].content == PROMPT
    # The retry went out with the same placeholders as the failed attempt.
    first, second = fake.chat_requests()
    assert first.json["messages"] == second.json["messages"]
    logged = [e for e in service.upstream.log() if e.purpose == "assistant"]
    assert len(logged) == 2 and all(e.status == 200 for e in logged)


def test_stop_keeps_the_partial_reply(service: Confidant, serve: Serve) -> None:
    fake = serve("anthropic")
    _configure(service, fake)
    service.consent.grant(Scope.STORE_CONVERSATIONS)
    conversation = service.chat.new_conversation()
    fake.then(Script(reply="One, two, three, four, five.", pieces=pieces_of(5), hold_after=2))
    stream = service.chat.stream(conversation, "Count to five.")
    for piece in stream:
        if stream.text == "One, two, ":
            threading.Thread(target=stream.cancel).start()
        assert piece
    assert fake.client_closed.wait(5)
    result = service.chat.finish_turn(stream)
    assert result is not None and result.stopped and result.reply == "One, two, "
    assert [m.content for m in service.chat.conversation_messages(conversation)] == [
        "Count to five.",
        "One, two, ",
    ]
    (entry,) = [e for e in service.upstream.log() if e.purpose == "assistant"]
    assert entry.error == "cancelled"


def test_a_stop_before_anything_arrived_keeps_nothing(service: Confidant, serve: Serve) -> None:
    fake = serve("openai")
    _configure(service, fake)
    conversation = service.chat.new_conversation()
    stream = service.chat.stream(conversation, "hello")
    stream.cancel()
    assert list(stream) == []
    assert service.chat.finish_turn(stream) is None
    assert fake.chat_requests() == []
    assert service.upstream.log() == []
