"""Tests for the facade: chat turns, save status and the health report."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.conversations import SaveStatus
from app.core.errors import BugError
from app.core.service import Confidant


def test_fresh_profile_chat_turn_is_not_stored(service: Confidant) -> None:
    conversation = service.chat.new_conversation()
    result = service.chat.send(conversation, "Tell me about sailing boats")
    assert "Offline demo" in result.reply
    assert result.status is SaveStatus.NOT_SAVED
    assert service.chat.save_status(conversation) is SaveStatus.NOT_SAVED
    assert service.chat.stored_message_count() == 0


def test_temporary_chat_says_so(service: Confidant) -> None:
    conversation = service.chat.new_conversation(temporary=True)
    assert service.chat.send(conversation, "hi").status is SaveStatus.TEMPORARY
    assert service.chat.stored_message_count() == 0


def test_reply_streams_in_chunks(service: Confidant) -> None:
    conversation = service.chat.new_conversation()
    chunks = list(service.chat.stream(conversation, "one two three"))
    assert len(chunks) > 1
    assert "3 words" in "".join(chunks)


def test_unknown_conversation_is_a_bug(service: Confidant) -> None:
    with pytest.raises(BugError):
        service.chat.send("no-such-id", "hi")


def test_closing_forgets_conversations(service: Confidant) -> None:
    conversation = service.chat.new_conversation()
    service.close()
    with pytest.raises(BugError):
        service.chat.save_status(conversation)


def test_doctor_on_a_fresh_profile_creates_nothing(profile_dir: Path) -> None:
    report = Confidant(profile_dir).health.doctor()
    assert report.ok, report.checks
    assert not report.store_exists
    assert not (profile_dir / "confidant.db").exists()
    assert any(c.name == "keyring round trip" and c.ok for c in report.checks)


def test_doctor_on_an_open_profile(service: Confidant) -> None:
    report = service.health.doctor()
    assert report.ok, report.checks
    assert report.schema_version == report.code_schema_version
    assert report.keyring_secure
    assert report.sqlcipher_version.startswith("4.")
    assert service.is_open  # the doctor does not close a store it did not open


def test_doctor_reports_loose_permissions(service: Confidant) -> None:
    service.close()
    (service.directory / "confidant.db").chmod(0o644)
    report = Confidant(service.directory).health.doctor()
    assert not report.ok
    assert any(c.name == "permissions" and not c.ok for c in report.checks)


def test_rotate_key_through_the_facade(service: Confidant) -> None:
    with service.database.transaction() as conn:
        conn.execute("INSERT INTO preferences(name, value) VALUES ('voice', 'calm')")
    service.rotate_key()
    assert service.database.query("SELECT value FROM preferences WHERE name = 'voice'") == [
        ("calm",)
    ]
    service.close()
    service.open()
    assert service.database.query("SELECT value FROM preferences WHERE name = 'voice'") == [
        ("calm",)
    ]


def test_granting_storage_saves_new_turns_and_makes_them_searchable(service: Confidant) -> None:
    before = service.chat.new_conversation()
    service.chat.send(before, "said before consent about walruses")
    assert service.chat.stored_message_count() == 0
    service.consent.grant("store_conversations")
    conversation = service.chat.new_conversation()
    result = service.chat.send(conversation, "tell me about lighthouses")
    assert result.status is SaveStatus.SAVED
    assert service.chat.stored_message_count() == 2
    hits = service.chat.search("lighthou")
    assert [h.conversation_id for h in hits] == [conversation]
    assert hits[0].role == "user" and "[lighthouses]" in hits[0].snippet
    assert [c.title for c in service.chat.conversations()] == ["tell me about lighthouses"]
    assert service.chat.search("walruses") == []


@pytest.mark.parametrize("delete_history", [False, True])
def test_withdrawing_storage_keeps_or_deletes_history(
    service: Confidant, delete_history: bool
) -> None:
    service.consent.grant("store_conversations")
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, "kept until I choose")
    result = service.consent.withdraw("store_conversations", delete_history=delete_history)
    assert result.deleted_conversations == (1 if delete_history else 0)
    service.chat.send(conversation, "after withdrawal")
    other = service.chat.new_conversation()
    assert service.chat.send(other, "new one").status is SaveStatus.NOT_SAVED
    assert service.chat.stored_message_count() == (0 if delete_history else 2)


def test_sensitive_conversation_is_not_retained_unless_allowed(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, "an ordinary start")
    assert service.chat.stored_message_count() == 2
    assert service.chat.mark_sensitive(conversation) is SaveStatus.SENSITIVE
    assert service.chat.stored_message_count() == 0  # the stored copy goes too
    assert service.chat.send(conversation, "more").status is SaveStatus.SENSITIVE
    assert service.chat.stored_message_count() == 0
    assert service.chat.allow_saving_sensitive(conversation) is SaveStatus.SAVED
    assert service.chat.stored_message_count() == 4
    assert service.chat.conversations()[0].sensitive


def test_audit_log_never_holds_message_text(service: Confidant) -> None:
    canary = "CANARYAUDITTEXT"
    service.consent.grant("store_conversations")
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, f"my secret word is {canary} ok")
    service.chat.mark_sensitive(conversation)
    service.chat.allow_saving_sensitive(conversation)
    service.chat.search(canary)
    service.consent.withdraw("store_conversations", delete_history=True)
    service.data.purge_expired()
    service.rotate_key()
    rows = service.database.query("SELECT kind, detail FROM audit")
    assert len(rows) >= 5
    assert all(canary not in f"{kind} {detail}" for kind, detail in rows)
    assert {"consent.granted", "conversation.saved", "history.deleted", "key.rotated"} <= {
        kind for kind, _ in rows
    }


def test_audit_details_cannot_carry_free_text(service: Confidant) -> None:
    with pytest.raises(BugError):
        service.audit.record("conversation.saved", note="a whole sentence of user text")
    with pytest.raises(BugError):
        service.audit.record("made.up.kind")


def test_audit_search(service: Confidant) -> None:
    service.consent.grant("research")
    service.preferences.set("theme", "dark")
    assert [e.kind for e in service.data.audit_events("consent")] == ["consent.granted"]
    assert [e.detail["name"] for e in service.data.audit_events("theme")] == ["theme"]


def test_storage_summary_counts(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    for words in ("one", "two", "three"):
        service.chat.send(service.chat.new_conversation(), words)
    summary = {c.data_class: c for c in service.data.storage_summary().classes}
    assert summary["conversations"].rows == 3
    assert summary["messages"].rows == 6
    assert summary["consents"].rows == 1
    assert service.data.storage_summary().encrypted_file_bytes > 0


def test_privacy_checkup_comes_round(profile_dir: Path) -> None:
    import datetime as dt

    from app.core.clock import FixedClock

    clock = FixedClock(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    service = Confidant(profile_dir, clock=clock)
    service.open()
    try:
        assert not service.data.privacy_checkup_due()
        clock.advance(dt.timedelta(days=90))
        assert service.data.privacy_checkup_due()
        service.data.complete_privacy_checkup()
        assert not service.data.privacy_checkup_due()
        service.preferences.set("privacy_checkup_days", 30)
        clock.advance(dt.timedelta(days=30))
        assert service.data.privacy_checkup_due()
    finally:
        service.close()
