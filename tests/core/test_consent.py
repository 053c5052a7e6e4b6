"""Tests for the consent ledger: scopes off by default, versioned texts, append-only rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.consent import Scope, default_texts_dir, load_text
from app.core.errors import BugError, InputError
from app.core.service import Confidant


def test_every_scope_is_off_on_a_fresh_profile(service: Confidant) -> None:
    states = service.consent.consents()
    assert [s.scope for s in states] == list(Scope)
    assert not any(s.granted for s in states)


def test_grant_and_withdraw_are_recorded_with_receipts(service: Confidant) -> None:
    receipt = service.consent.grant("store_conversations")
    assert receipt.granted and receipt.text_version == "1"
    assert service.ledger.is_granted(Scope.STORE_CONVERSATIONS)
    assert not service.ledger.is_granted(Scope.SHARE_FOR_TRAINING)
    withdrawal = service.consent.withdraw("store_conversations")
    assert withdrawal.receipt.receipt_id != receipt.receipt_id
    assert not service.ledger.is_granted(Scope.STORE_CONVERSATIONS)
    rows = service.database.query("SELECT scope, granted FROM consents ORDER BY id")
    assert rows == [("store_conversations", 1), ("store_conversations", 0)]
    kinds = [e.kind for e in service.data.audit_events()]
    assert kinds[:2] == ["consent.withdrawn", "consent.granted"]


def test_the_ledger_is_append_only(service: Confidant) -> None:
    service.consent.grant("research")
    # Rewriting history is always a bug on our side, whatever code attempts it.
    with pytest.raises(BugError), service.database.transaction() as conn:
        conn.execute("UPDATE consents SET granted = 0")
    with pytest.raises(BugError), service.database.transaction() as conn:
        conn.execute("DELETE FROM consents")
    assert service.ledger.is_granted(Scope.RESEARCH)


def test_a_new_text_version_asks_again(profile_dir: Path, tmp_path: Path) -> None:
    texts = tmp_path / "consent"
    shutil.copytree(default_texts_dir(), texts)
    service = Confidant(profile_dir, consent_texts=texts)
    service.open()
    try:
        service.consent.grant("store_conversations")
        assert service.ledger.is_granted(Scope.STORE_CONVERSATIONS)
        path = texts / "store_conversations.md"
        path.write_text(path.read_text().replace("version: 1", "version: 2"))
        state = service.ledger.state(Scope.STORE_CONVERSATIONS)
        assert not state.granted and state.needs_renewal
        conversation = service.chat.new_conversation()
        service.chat.send(conversation, "not kept until asked again")
        assert service.chat.stored_message_count() == 0
        # An old version cannot be agreed to any more.
        with pytest.raises(InputError):
            service.ledger.grant(Scope.STORE_CONVERSATIONS, "1")
        service.consent.grant("store_conversations")
        assert service.ledger.state(Scope.STORE_CONVERSATIONS).granted
    finally:
        service.close()


def test_bundled_texts_are_well_formed() -> None:
    for scope in Scope:
        text = load_text(default_texts_dir(), scope)
        assert text.version and text.title and "withdraw" in text.body


def test_broken_text_is_a_bug(tmp_path: Path) -> None:
    (tmp_path / "research.md").write_text("no front matter")
    with pytest.raises(BugError):
        load_text(tmp_path, Scope.RESEARCH)


def test_unknown_scope_is_input_error(service: Confidant) -> None:
    with pytest.raises(InputError, match="Unknown consent scope"):
        service.consent.grant("everything")
