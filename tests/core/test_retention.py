"""Tests for retention: schedules, presets, and a purge that leaves no expired row anywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.clock import FixedClock, iso
from app.core.errors import InputError
from app.core.retention import DATA_CLASSES
from app.core.service import Confidant

START = dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def timed(profile_dir: Path, clock: FixedClock) -> Iterator[Confidant]:
    service = Confidant(profile_dir, clock=clock)
    service.open()
    yield service
    service.close()


def _chat(service: Confidant, words: str) -> str:
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, words)
    return conversation


def _add_vault(service: Confidant, conversation: str, when: dt.datetime) -> None:
    with service.database.transaction() as conn:
        conn.execute(
            "INSERT INTO vault(conversation_id, placeholder, original, created_at) "
            "VALUES (?, '[PERSON_1]', 'Alice', ?)",
            (conversation, iso(when)),
        )


def test_defaults_and_presets(timed: Confidant) -> None:
    days = {s.data_class: s.days for s in timed.data.retention_schedule()}
    assert days == {"conversations": 90, "outbox": 7, "audit": 365, "network_log": 30}
    assert DATA_CLASSES["conversations"].presets == (30, 90, 365, 1095)
    timed.data.set_retention("conversations", 30)
    assert timed.retention.days("conversations") == 30
    with pytest.raises(InputError, match="30, 90, 365, 1095"):
        timed.data.set_retention("conversations", 45)
    with pytest.raises(InputError):
        timed.data.set_retention("photos", 30)


def test_purge_leaves_no_expired_row_in_any_table(timed: Confidant, clock: FixedClock) -> None:
    timed.consent.grant("store_conversations")
    old = _chat(timed, "ancient zanzibar question")
    _add_vault(timed, old, clock.now())
    clock.advance(dt.timedelta(days=200))
    middle = _chat(timed, "middling quokka question")
    _add_vault(timed, middle, clock.now())
    clock.advance(dt.timedelta(days=200))
    recent = _chat(timed, "recent narwhal question")
    _add_vault(timed, recent, clock.now())
    assert timed.chat.stored_message_count() == 6

    result = timed.data.purge_expired()
    assert result.deleted["messages"] == 4
    assert result.deleted["conversations"] == 2
    assert result.deleted["vault"] == 2
    assert result.deleted["audit"] >= 1  # the consent grant and first save, 400 days ago

    db = timed.database
    for spec in DATA_CLASSES.values():
        cutoff = timed.retention.cutoff(spec.name)
        for table, column in spec.tables:
            exists = db.query("SELECT 1 FROM sqlite_master WHERE name = ?", (table,))
            if exists:
                expired = db.query(f"SELECT count(*) FROM {table} WHERE {column} < ?", (cutoff,))
                assert expired == [(0,)], table
    # The full-text index holds nothing of the deleted messages, and is consistent.
    for word in ("zanzibar", "quokka"):
        assert db.query("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?", (word,)) == []
    assert len(timed.chat.search("narwhal")) == 1
    with db.transaction() as conn:
        conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
    assert [c.id for c in timed.chat.conversations()] == [recent]
    assert db.query("SELECT conversation_id FROM vault") == [(recent,)]
    purged = [e for e in timed.data.audit_events() if e.kind == "retention.purged"]
    assert purged and purged[0].detail["messages"] == 4


def test_a_newer_message_keeps_its_conversation(timed: Confidant, clock: FixedClock) -> None:
    timed.consent.grant("store_conversations")
    conversation = timed.chat.new_conversation()
    timed.chat.send(conversation, "first turn")
    clock.advance(dt.timedelta(days=100))
    timed.chat.send(conversation, "second turn")
    timed.data.purge_expired()
    assert [s.message_count for s in timed.chat.conversations()] == [2]


def test_schedule_shows_the_next_deletion(timed: Confidant, clock: FixedClock) -> None:
    timed.consent.grant("store_conversations")
    _chat(timed, "something to keep a while")
    schedule = {s.data_class: s for s in timed.data.retention_schedule()}
    due = dt.datetime.fromisoformat(schedule["conversations"].next_deletion_at or "")
    assert due == clock.now() + dt.timedelta(days=90)
    assert schedule["outbox"].next_deletion_at is None  # nothing of that class is stored
    plan = timed.data.upcoming_deletions("conversations")
    assert plan == [((clock.now() + dt.timedelta(days=90)).date().isoformat(), 2)]
    timed.data.purge_expired()
    assert {s.data_class: s for s in timed.data.retention_schedule()}["audit"].last_purge_at == iso(
        clock.now()
    )
