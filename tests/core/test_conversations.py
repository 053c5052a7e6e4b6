"""Tests for the save policy and the conversation store."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from app.core.clock import FixedClock
from app.core.conversations import (
    ConversationStore,
    Message,
    SaveContext,
    SaveStatus,
    save_decision,
)
from app.core.service import Confidant


def _expected(
    consent: bool, child: bool, temporary: bool, sensitive: bool, allowed: bool
) -> SaveStatus:
    # Written independently of the implementation, straight from DESIGN.md §3.
    if temporary:
        return SaveStatus.TEMPORARY
    stored = consent and not child and (not sensitive or allowed)
    if stored:
        return SaveStatus.SAVED
    if consent and not child and sensitive:
        return SaveStatus.SENSITIVE
    return SaveStatus.NOT_SAVED


ALL_COMBINATIONS = list(itertools.product([False, True], repeat=5))


@pytest.mark.parametrize(
    ("consent", "child", "temporary", "sensitive", "allowed"), ALL_COMBINATIONS
)
def test_save_policy_table(
    consent: bool, child: bool, temporary: bool, sensitive: bool, allowed: bool
) -> None:
    ctx = SaveContext(
        consent_granted=consent,
        child_mode=child,
        temporary=temporary,
        sensitive=sensitive,
        sensitive_allowed=allowed,
    )
    assert save_decision(ctx) is _expected(consent, child, temporary, sensitive, allowed)


def test_the_table_covers_every_combination() -> None:
    assert len(ALL_COMBINATIONS) == 2**5
    saved = [c for c in ALL_COMBINATIONS if _expected(*c) is SaveStatus.SAVED]
    # Saved only with consent, no child mode, not temporary: sensitive needs the permission.
    assert sorted(saved) == [
        (True, False, False, False, False),
        (True, False, False, False, True),
        (True, False, False, True, True),
    ]


def test_status_texts_are_what_the_status_bar_shows() -> None:
    assert [s.value for s in SaveStatus] == [
        "Saved, encrypted",
        "Not saved",
        "Temporary",
        "Sensitive — not saved",
    ]


def test_store_appends_a_turn_in_one_transaction(service: Confidant) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
    store = ConversationStore(service.database, clock)
    turn = [Message("user", "hello", "t"), Message("assistant", "hi", "t")]
    store.append("c1", turn)
    store.append("c1", turn)
    assert store.conversation_count() == 1
    assert store.message_count() == 4
