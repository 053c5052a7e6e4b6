"""Child mode: the PIN guards every settings change, lockouts hold, the policy is enforced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.childmode import (
    GuardianLocked,
    GuardianRequired,
    WrongPin,
    lockout_seconds,
    support_resources,
)
from app.core.clock import FixedClock
from app.core.conversations import SaveStatus
from app.core.errors import InputError
from app.core.service import Confidant
from tests.helpers.collector import running_collector

PIN = "482913"
START = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def child(profile_dir: Path, clock: FixedClock) -> Confidant:
    service = Confidant(profile_dir, clock=clock)
    service.open()
    service.consent.grant("store_conversations")  # granted before child mode: must not matter
    service.child.enable(PIN)
    yield service
    service.close()


def test_pin_rules_and_guardian_consent(service: Confidant) -> None:
    with pytest.raises(InputError, match="at least 6"):
        service.child.enable("1234")
    service.child.enable(PIN)
    state = service.child.status()
    assert state.enabled and state.consent_at is not None
    row = service.database.query("SELECT pin_hash, kdf, consent_version FROM guardian")[0]
    assert PIN not in repr(row) and "argon2id" in row[1] or "scrypt" in row[1]
    assert any(e.kind == "childmode.changed" for e in service.data.audit_events())


def test_no_conversation_is_stored(child: Confidant) -> None:
    conversation = child.chat.new_conversation()
    assert child.chat.send(conversation, "hello, can you help with homework?").status is (
        SaveStatus.NOT_SAVED
    )
    assert child.chat.stored_message_count() == 0


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.consent.grant("store_conversations"),
        lambda s: s.consent.withdraw("store_conversations"),
        lambda s: s.data.set_retention("conversations", 30),
        lambda s: s.upstream.configure(
            "https://collector.example", "B6N8vBQgk8i3VdwbEOhstCY3StFqqFPtC9/AsrhtHHw=", None
        ),
    ],
    ids=["grant", "withdraw", "retention", "upload-settings"],
)
def test_settings_changes_need_the_pin(child: Confidant, change: object) -> None:
    with pytest.raises(GuardianRequired, match="guardian's PIN"):
        change(child)  # type: ignore[operator]
    child.child.authorize_guardian(PIN)
    change(child)  # type: ignore[operator]
    child.child.lock_guardian()
    with pytest.raises(GuardianRequired):
        change(child)  # type: ignore[operator]


def test_child_mode_off_needs_the_pin(child: Confidant) -> None:
    with pytest.raises(WrongPin):
        child.child.disable("000000")
    assert child.child.status().enabled
    child.child.disable(PIN)
    assert not child.child.status().enabled


def test_sharing_is_forced_off_even_with_the_pin(profile_dir: Path, clock: FixedClock) -> None:
    with running_collector() as collector:
        service = Confidant(profile_dir, clock=clock)
        service.open()
        service.upstream.configure(collector.url, collector.collector_key_b64, None)
        service.upstream.settings.set_review(False)
        service.consent.grant("share_for_training")
        service.child.enable(PIN)
        assert not service.ledger.is_granted(service.consent.consents()[1].scope)
        service.child.authorize_guardian(PIN)
        with pytest.raises(GuardianRequired, match="nothing can be shared"):
            service.consent.grant("share_for_training")
        service.chat.send(service.chat.new_conversation(), "My name is Tom Riddle, 12 Privet Drive")
        assert service.upstream.items() == []
        service.upstream.send()
        # The only request is the deletion request that turning child mode on queued.
        assert collector.request_count("/v1/contributions") == 0
        assert len(collector.received.deletion_requests) == 1
        service.close()


def test_preferences_are_minimized(child: Confidant) -> None:
    child.preferences.set("display_name", "Starfish")
    with pytest.raises(InputError, match="built-in"):
        child.preferences.set_avatar_image(b"any image bytes")
    with pytest.raises(InputError, match="default voice"):
        child.preferences.set("voice", "calm")
    with pytest.raises(InputError, match="e-mail"):
        child.preferences.set("display_name", "kid@example.com")


def test_lockout_survives_restarts_and_clock_changes(
    profile_dir: Path, clock: FixedClock, child: Confidant
) -> None:
    for _ in range(5):
        with pytest.raises(WrongPin):
            child.child.authorize_guardian("111111")
    with pytest.raises(GuardianLocked) as locked:
        child.child.authorize_guardian(PIN)  # the right PIN is refused during the lockout
    assert locked.value.seconds <= lockout_seconds(5) + 1
    child.close()

    restarted = Confidant(profile_dir, clock=clock)
    restarted.open()
    with pytest.raises(GuardianLocked):
        restarted.child.authorize_guardian(PIN)
    clock.advance(dt.timedelta(days=-30))  # moving the clock back does not help
    with pytest.raises(GuardianLocked):
        restarted.child.authorize_guardian(PIN)
    clock.advance(dt.timedelta(days=30, seconds=lockout_seconds(5) + 1))
    restarted.child.authorize_guardian(PIN)
    assert restarted.child.status().failed_attempts == 0
    restarted.close()
    child.open()  # the fixture closes it again


def test_lockouts_grow_exponentially() -> None:
    assert [lockout_seconds(n) for n in range(4, 9)] == [0, 30, 60, 120, 240]
    assert lockout_seconds(40) == 24 * 3600


def test_support_resources_by_locale() -> None:
    assert "Childline" in support_resources("en")
    assert "Nummer gegen Kummer" in support_resources("de")
    assert support_resources("xx") == support_resources("en")
