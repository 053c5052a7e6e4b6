"""Erasure is real: the deleted text is on no page of the file, decrypted or not."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from app.core import keys, profile
from app.core.service import Confidant
from tests.helpers.collector import running_collector
from tests.helpers.files import files_containing, files_under, flip_bytes_in_pages
from tests.helpers.sqlcipher_pages import decrypted_pages, looks_decrypted


def _key(service: Confidant) -> bytes:
    loaded = profile.load_profile_file(service.directory)
    assert loaded is not None
    key = keys.KeyringKeyStore.from_environment().get(loaded.profile_id)
    assert key is not None
    return key


def test_a_deleted_conversation_is_on_no_page(service: Confidant) -> None:
    canary = f"CANARY{uuid.uuid4().hex}"
    service.consent.grant("store_conversations")
    keep = service.chat.new_conversation()
    service.chat.send(keep, "an ordinary conversation that stays")
    doomed = service.chat.new_conversation()
    for _ in range(3):
        service.chat.send(doomed, f"the secret word is {canary} and must vanish")
    db_path = service.database.path
    key = _key(service)
    service.database.query("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = decrypted_pages(db_path, key)
    assert looks_decrypted(pages[0])
    assert any(canary.encode() in page for page in pages)  # the check can see it when present

    assert service.data.delete_conversations(conversation_id=doomed) == 1
    service.database.vacuum()
    assert service.chat.search(canary) == []
    pages = decrypted_pages(db_path, key)
    assert looks_decrypted(pages[0])
    assert not any(canary.encode() in page for page in pages)
    needles = [canary.encode()]
    assert files_containing(files_under(service.directory), needles) == []
    assert [c.id for c in service.chat.conversations()] == [keep]
    assert service.database.query("SELECT count(*) FROM messages") == [(2,)]


def test_bulk_delete_takes_everything_derived(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    service.consent.grant("share_for_training")
    conversation = service.chat.new_conversation()
    service.chat.send(conversation, "queued for review and stored")
    assert service.upstream.items()
    with service.database.transaction() as conn:
        conn.execute(
            "INSERT INTO vault(conversation_id, placeholder, original, created_at) "
            "VALUES (?, '[PERSON_1]', 'Alice', 't')",
            (conversation,),
        )
    assert service.data.delete_conversations(everything=True) == 1
    for table in ("conversations", "messages", "vault", "outbox"):
        assert service.database.query(f"SELECT count(*) FROM {table}") == [(0,)], table


def test_date_range_delete(service: Confidant) -> None:
    service.consent.grant("store_conversations")
    service.chat.send(service.chat.new_conversation(), "today's chat")
    assert service.data.delete_conversations(start="2000-01-01", end="2001-01-01") == 0
    assert service.data.delete_conversations(start="2000-01-01", end="9999-01-01") == 1


def test_forget_me_leaves_nothing_and_reaches_upstream(profile_dir: Path) -> None:
    with running_collector() as collector:
        service = Confidant(profile_dir)
        service.open()
        service.upstream.configure(collector.url, collector.collector_key_b64, None)
        service.consent.grant("store_conversations")
        service.consent.grant("share_for_training")
        canary = f"CANARY{uuid.uuid4().hex}"
        service.chat.send(service.chat.new_conversation(), f"please forget {canary}")
        profile_id = profile.load_profile_file(profile_dir).profile_id  # type: ignore[union-attr]
        receipt = service.data.forget_me()

        assert not profile_dir.exists()
        store = keys.KeyringKeyStore.from_environment()
        assert store.get(profile_id) is None
        assert store.get(f"{profile_id}.pending") is None
        assert receipt.keyring_entries_removed == 1
        assert receipt.deleted["conversations"] == 1 and receipt.deleted["messages"] == 2
        assert not receipt.new_profile
        assert len(collector.received.deletion_requests) == 1
        assert receipt.upstream[0]["state"] == "acknowledged"
        assert canary not in repr(receipt)


def test_forget_me_offline_keeps_the_request_in_a_new_profile(profile_dir: Path) -> None:
    with running_collector() as collector:
        url, key = collector.url, collector.collector_key_b64
    service = Confidant(profile_dir)  # the collector is down from here on
    service.open()
    service.upstream.configure(url, key, None)
    service.consent.grant("share_for_training")
    receipt = service.data.forget_me()
    assert receipt.new_profile
    pending = service.upstream.deletion_receipts()
    assert [r.state for r in pending] == ["pending"]
    assert service.chat.conversations() == [] and service.consent.consents()[1].granted is False
    assert service.upstream.settings.get("erasure.receipt") is not None
    service.close()


def _damaged_sharing_profile(profile_dir: Path, url: str, key: str) -> str:
    """A profile that shared for training, with pages of its filler damaged; its contributor."""
    service = Confidant(profile_dir)
    service.open()
    service.upstream.configure(url, key, None)
    service.consent.grant("share_for_training")
    contributor = service.upstream.settings.contributor("share_for_training")
    with service.database.transaction() as conn:  # pages after the settings, to damage
        conn.executemany(
            "INSERT INTO preferences(name, value) VALUES (?, ?)",
            [(f"filler-{i}", "z" * 500) for i in range(96)],
        )
    pages = service.database.pragma("page_count")
    service.close()
    flip_bytes_in_pages(profile.database_path(profile_dir), [pages - 2, pages - 1])
    assert contributor is not None
    return contributor


def test_forget_me_on_a_damaged_store_still_reaches_upstream(profile_dir: Path) -> None:
    with running_collector() as collector:
        contributor = _damaged_sharing_profile(
            profile_dir, collector.url, collector.collector_key_b64
        )
        service = Confidant(profile_dir)
        service.open()
        assert service.database.read_only  # damaged: it is never written to
        receipt = service.data.forget_me()

        assert not profile_dir.exists()
        assert not receipt.new_profile
        (request,) = collector.received.deletion_requests
        assert contributor in json.dumps(request)
        assert [u["state"] for u in receipt.upstream] == ["acknowledged"]


def test_forget_me_on_a_damaged_store_offline_keeps_the_request(profile_dir: Path) -> None:
    with running_collector() as collector:
        url, key = collector.url, collector.collector_key_b64
    _damaged_sharing_profile(profile_dir, url, key)  # the collector is down from here on
    service = Confidant(profile_dir)
    service.open()
    receipt = service.data.forget_me()
    assert receipt.new_profile and [u["state"] for u in receipt.upstream] == ["pending"]
    assert not service.database.read_only  # a new, whole profile keeps the request
    (pending,) = service.upstream.deletion_receipts()
    assert pending.state == "pending" and pending.scope == "share_for_training"
    assert service.upstream.settings.get("erasure.receipt") is not None
    service.close()
