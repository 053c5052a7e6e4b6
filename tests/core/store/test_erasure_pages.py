"""Deleted text is on no decrypted page: not in a table, the index, the WAL or a free page.

The pages are decrypted with the raw key (tests/helpers/sqlcipher_pages.py), so the check sees
what no SQL query can. Each test first proves the check finds the words while they exist.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest

from app.core import keys, profile
from app.core.clock import FixedClock
from app.core.service import Confidant
from tests.helpers.sqlcipher_pages import decrypted_wal_frames, residual_words


def _key(service: Confidant) -> bytes:
    loaded = profile.load_profile_file(service.directory)
    assert loaded is not None
    key = keys.KeyringKeyStore.from_environment().get(loaded.profile_id)
    assert key is not None
    return key


def _words(count: int) -> list[str]:
    # Unique, lower-case words: FTS5 keeps terms lower-cased, so these are what it stores.
    letters = "bcdfghjklmnpqrstvwxz"
    return ["zq" + "".join(secrets.choice(letters) for _ in range(10)) for _ in range(count)]


def _converse(service: Confidant, words: list[str]) -> str:
    conversation = service.chat.new_conversation()
    # Random letters are scored by the topic classifier like any text, and about 1 in 300 of
    # these five-word turns comes out "sensitive" (session 6): the user's per-conversation
    # permission keeps the conversation stored whatever the classifier says, so the test is
    # about the pages, not the model.
    service.chat.allow_saving_sensitive(conversation)
    for start in range(0, len(words), 5):
        service.chat.record_turn(conversation, " ".join(words[start : start + 5]), "noted")
    return conversation


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime.now(dt.UTC).replace(microsecond=0))


@pytest.fixture
def stored(profile_dir: Path, clock: FixedClock) -> Confidant:
    service = Confidant(profile_dir, clock=clock)
    service.open()
    service.consent.grant("store_conversations")
    yield service  # type: ignore[misc]
    service.close()


def test_the_check_sees_words_that_are_still_there(stored: Confidant) -> None:
    words = _words(20)
    _converse(stored, words)
    assert residual_words(stored.database.path, _key(stored), words) == words


def test_deleting_one_conversation_leaves_no_word(stored: Confidant) -> None:
    kept, doomed = _words(10), _words(20)
    _converse(stored, kept)
    conversation = _converse(stored, doomed)
    key, path = _key(stored), stored.database.path
    assert residual_words(path, key, doomed) == doomed

    assert stored.data.delete_conversations(conversation_id=conversation) == 1
    assert residual_words(path, key, doomed) == []
    assert residual_words(path, key, kept) == kept
    assert [hit.conversation_id for hit in stored.chat.search(kept[0])]  # the index still works
    assert stored.database.integrity_report().ok


def test_deleting_everything_leaves_no_word_and_an_empty_index(stored: Confidant) -> None:
    words = _words(80)
    for start in range(0, 80, 20):
        _converse(stored, words[start : start + 20])
    key, path = _key(stored), stored.database.path
    assert residual_words(path, key, words) == words
    count = len(stored.chat.conversations())
    assert count > 0
    assert stored.data.delete_conversations(everything=True) == count
    assert residual_words(path, key, words) == []
    assert stored.database.query("SELECT count(*) FROM messages_fts_data WHERE id > 10") == [(0,)]
    assert decrypted_wal_frames(Path(f"{path}-wal"), key) == []


def test_withdrawing_with_the_history_leaves_no_word(stored: Confidant) -> None:
    words = _words(20)
    _converse(stored, words)
    key, path = _key(stored), stored.database.path
    stored.consent.withdraw("store_conversations", delete_history=True)
    assert residual_words(path, key, words) == []


def test_a_retention_purge_leaves_no_word(stored: Confidant, clock: FixedClock) -> None:
    old = _words(20)
    _converse(stored, old)
    clock.advance(dt.timedelta(days=100))
    recent = _words(10)
    _converse(stored, recent)
    key, path = _key(stored), stored.database.path
    result = stored.data.purge_expired()
    assert result.deleted["messages"] == 8
    assert residual_words(path, key, old) == []
    assert residual_words(path, key, recent) == recent


def test_forget_me_leaves_no_word_in_any_file(stored: Confidant) -> None:
    words = _words(20)
    _converse(stored, words)
    key, path, directory = _key(stored), stored.database.path, stored.directory
    stored.data.forget_me()
    assert residual_words(path, key, words) == []
    leftovers = [p for p in directory.parent.rglob("*") if p.is_file()]
    blob = b"".join(p.read_bytes() for p in leftovers)
    assert not any(w.encode() in blob for w in words)
    assert not directory.exists()
