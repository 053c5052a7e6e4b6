"""Tests for the facade: chat turns, save status and the health report."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.conversations import SaveStatus
from app.core.errors import BugError
from app.core.service import Confidant


def test_fresh_profile_chat_turn_is_not_stored(service: Confidant) -> None:
    conversation = service.new_conversation()
    result = service.send(conversation, "Tell me about sailing boats")
    assert "Offline demo" in result.reply
    assert result.status is SaveStatus.NOT_SAVED
    assert service.save_status(conversation) is SaveStatus.NOT_SAVED
    assert service.stored_message_count() == 0


def test_temporary_chat_says_so(service: Confidant) -> None:
    conversation = service.new_conversation(temporary=True)
    assert service.send(conversation, "hi").status is SaveStatus.TEMPORARY
    assert service.stored_message_count() == 0


def test_reply_streams_in_chunks(service: Confidant) -> None:
    conversation = service.new_conversation()
    chunks = list(service.stream(conversation, "one two three"))
    assert len(chunks) > 1
    assert "3 words" in "".join(chunks)


def test_unknown_conversation_is_a_bug(service: Confidant) -> None:
    with pytest.raises(BugError):
        service.send("no-such-id", "hi")


def test_closing_forgets_conversations(service: Confidant) -> None:
    conversation = service.new_conversation()
    service.close()
    with pytest.raises(BugError):
        service.save_status(conversation)


def test_doctor_on_a_fresh_profile_creates_nothing(profile_dir: Path) -> None:
    report = Confidant(profile_dir).doctor()
    assert report.ok, report.checks
    assert not report.store_exists
    assert not (profile_dir / "confidant.db").exists()
    assert any(c.name == "keyring round trip" and c.ok for c in report.checks)


def test_doctor_on_an_open_profile(service: Confidant) -> None:
    report = service.doctor()
    assert report.ok, report.checks
    assert report.schema_version == report.code_schema_version
    assert report.keyring_secure
    assert report.sqlcipher_version.startswith("4.")
    assert service.is_open  # the doctor does not close a store it did not open


def test_doctor_reports_loose_permissions(service: Confidant) -> None:
    service.close()
    (service.directory / "confidant.db").chmod(0o644)
    report = Confidant(service.directory).doctor()
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
