"""The child's own tools in the core: deleting needs no PIN; turns say when they are sensitive."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.service import Confidant

PIN = "482913"
SENSITIVE_PROMPT = "My parents are getting divorced and I feel depressed"


@pytest.fixture
def child(profile_dir: Path) -> Iterator[Confidant]:
    """A profile that kept a conversation before a guardian turned child mode on."""
    service = Confidant(profile_dir)
    service.open()
    service.consent.grant("store_conversations")
    service.chat.send(service.chat.new_conversation(), "what rhymes with orange?")
    service.preferences.set("display_name", "Robin")
    service.preferences.set("avatar", "fox")
    service.child.enable(PIN)
    yield service
    service.close()


def test_delete_my_data_needs_no_pin_in_child_mode(child: Confidant) -> None:
    assert child.chat.stored_message_count() == 2
    consents_before = child.database.query("SELECT count(*) FROM consents")[0][0]

    deleted = child.data.delete_my_data()  # no authorize_guardian before it

    assert deleted.conversations == 1
    assert deleted.preferences >= 2
    assert child.chat.stored_message_count() == 0
    assert child.chat.conversations() == []
    names = {row[0] for row in child.database.query("SELECT name FROM preferences")}
    assert not names & {"display_name", "avatar", "avatar_image", "voice"}
    assert child.preferences.get("display_name") == ""
    # What stays says nothing the child wrote: the guardian's record and the consent ledger.
    assert child.child.status().enabled
    assert child.database.query("SELECT count(*) FROM consents")[0][0] == consents_before
    kinds = [(e.kind, dict(e.detail)) for e in child.data.audit_events()[:2]]
    assert ("preferences.changed", {"deleted": deleted.preferences}) in kinds


def test_every_deletion_path_works_without_the_pin(child: Confidant) -> None:
    assert child.data.delete_conversations(everything=True) == 1
    assert child.data.delete_history() == 0
    assert child.preferences.forget_personal() >= 2


def test_nothing_can_be_imported_in_child_mode(child: Confidant, tmp_path: Path) -> None:
    export = tmp_path / "conversations.json"
    export.write_text(
        json.dumps(
            [
                {
                    "uuid": "c1",
                    "name": "Imported",
                    "created_at": "2026-01-02T10:00:00Z",
                    "updated_at": "2026-01-02T10:00:00Z",
                    "chat_messages": [
                        {"sender": "human", "text": "hi", "created_at": "2026-01-02T10:00:00Z"}
                    ],
                }
            ]
        ),
        encoding="utf-8",
    )
    before = child.chat.stored_message_count()
    with pytest.raises(InputError, match="Child mode"):
        child.data.import_file(export, source="claude")
    assert child.chat.stored_message_count() == before


def test_a_turn_says_whether_its_conversation_is_sensitive(child: Confidant) -> None:
    conversation = child.chat.new_conversation()
    assert not child.chat.send(conversation, "can you help with my homework?").sensitive
    result = child.chat.send(conversation, SENSITIVE_PROMPT)
    assert result.sensitive
    assert child.chat.send(conversation, "thanks").sensitive  # the whole conversation stays so
    assert child.chat.stored_message_count() == 2  # only the one kept before child mode


def test_the_helplines_file_is_named_by_language_only() -> None:
    from app.core.childmode import support_resources, support_resources_file

    assert support_resources_file("de").name == "de.md"
    assert support_resources_file("xx").name == "en.md"
    assert support_resources_file("../consent").name == "en.md"
    assert support_resources("de") == support_resources_file("de").read_text(encoding="utf-8")
