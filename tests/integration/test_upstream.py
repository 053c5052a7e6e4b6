"""Upstream against the loopback reference collector: consent-gated, sealed, polite, honest."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.clock import FixedClock
from app.core.consent import Scope
from app.core.service import Confidant
from app.core.upstream.client import MAX_BODY_BYTES, MAX_REQUESTS_PER_MINUTE
from tests.helpers.collector import Collector, running_collector
from tests.helpers.network_guard import socket_guard

START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def collector() -> Iterator[Collector]:
    with running_collector() as running:
        yield running


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


def _open(profile_dir: Path, clock: FixedClock) -> Confidant:
    service = Confidant(profile_dir, clock=clock)
    service.open()
    return service


@pytest.fixture
def app(profile_dir: Path, clock: FixedClock, collector: Collector) -> Iterator[Confidant]:
    service = _open(profile_dir, clock)
    service.upstream.configure(collector.url, collector.collector_key_b64, collector.notice_key_b64)
    yield service
    service.close()


def test_nothing_leaves_with_every_consent_off(
    profile_dir: Path, clock: FixedClock, collector: Collector
) -> None:
    with socket_guard() as guard:
        service = _open(profile_dir, clock)
        service.upstream.configure(
            collector.url, collector.collector_key_b64, collector.notice_key_b64
        )
        for hour in range(8):  # a day of use, with restarts
            conversation = service.chat.new_conversation()
            service.chat.send(conversation, f"question number {hour} about my garden")
            service.preferences.set("theme", "dark" if hour % 2 else "light")
            assert service.upstream.send(approve_all=True).requests == 0
            assert not service.upstream.poll_notices().polled
            clock.advance(dt.timedelta(hours=3))
            service.close()
            service.open()
        service.close()
    assert guard.attempts == []
    assert collector.request_count() == 0


def test_a_thousand_conversations_leave_anonymized_and_sealed(
    app: Confidant, collector: Collector
) -> None:
    app.upstream.settings.set_review(False)
    app.consent.grant("share_for_training")
    rng = random.Random(7)
    canaries = []
    for index in range(1000):
        email = f"canary{index}.x{rng.randrange(10**6)}@example.org"
        phone = f"+44 20 7946 {rng.randrange(1000, 9999)}"
        name = rng.choice(["Zebulon Quickfoot", "Marisol Thornbury", "Oskar Wendelin"])
        card = "4111 1111 1111 1111"
        canaries += [email, phone, card]
        conversation = app.chat.new_conversation()
        app.chat.send(
            conversation,
            f"Hi, my name is {name}. Please write to {email} or call {phone}; "
            f"my card is {card}. How do I plan a small vegetable garden?",
        )
    assert app.upstream.status().outbox["approved"] == 1000
    result = app.upstream.send()
    assert len(result.sent) == 1000 and not result.retrying
    received = collector.received
    assert len(received.items) == 1000 and not received.schema_errors
    text = json.dumps(list(received.items.values()))
    leaked = [c for c in canaries if c in text]
    assert leaked == []
    for name in ("Zebulon", "Quickfoot", "Marisol", "Thornbury", "Oskar", "Wendelin"):
        assert name not in text
    for payload in received.items.values():
        assert payload["kind"] == "conversation"
        dt.date.fromisoformat(payload["created_day"])  # a day, not a time
        assert "vegetable garden" in payload["text"]


def test_sensitive_conversation_sends_nothing(app: Confidant, collector: Collector) -> None:
    app.upstream.settings.set_review(False)
    app.consent.grant("share_for_training")
    conversation = app.chat.new_conversation()
    app.chat.mark_sensitive(conversation)
    app.chat.send(conversation, "I have been feeling very low and anxious lately")
    assert app.upstream.status().outbox == {"review": 0, "approved": 0}
    app.upstream.send()
    assert collector.request_count("/v1/contributions") == 0
    refused = [e for e in app.data.audit_events() if e.kind == "upload.refused"]
    assert refused and refused[0].detail["reason"] == "sensitive"


def test_review_holds_items_until_approved(app: Confidant, collector: Collector) -> None:
    app.consent.grant("share_for_training")
    app.chat.send(app.chat.new_conversation(), "what is the tallest tree species")
    assert app.upstream.status().outbox == {"review": 1, "approved": 0}
    assert app.upstream.send().requests == 0
    assert collector.request_count() == 0
    item = app.upstream.items("review")[0]
    assert json.loads(item.payload)["text"].startswith("user: what is the tallest tree")
    app.upstream.approve([item.id])
    assert app.upstream.send().sent == [item.id]


def test_withdrawal_while_down_sends_exactly_one_deletion_request(
    profile_dir: Path, clock: FixedClock
) -> None:
    collector = Collector()
    with running_collector(collector=collector) as first:
        port = first.server.server_address[1] if first.server else 0
        service = _open(profile_dir, clock)
        service.upstream.configure(first.url, first.collector_key_b64, first.notice_key_b64)
    # The collector is down from here on.
    service.consent.grant("share_for_training")
    contributor = service.upstream.settings.contributor("share_for_training")
    service.chat.send(service.chat.new_conversation(), "an item that must never leave")
    result = service.consent.withdraw("share_for_training")
    assert result.deletion_request_id is not None
    assert service.upstream.status().outbox == {"review": 0, "approved": 0}
    assert service.upstream.send().deletions_acknowledged == []  # connection refused
    assert service.consent.withdraw("share_for_training").deletion_request_id is None
    service.close()

    with running_collector(port=port, collector=collector) as back:
        restarted = _open(profile_dir, clock)
        assert restarted.upstream.status().pending_deletions == 1
        clock.advance(dt.timedelta(hours=7))  # past any backoff
        flushed = restarted.upstream.send()
        assert flushed.deletions_acknowledged == [result.deletion_request_id]
        assert restarted.upstream.send().requests == 0
        assert back.received.deletion_requests == [
            {"contributor": contributor, "request_id": result.deletion_request_id}
        ]
        assert back.request_count("/v1/contributions") == 0
        receipt = restarted.upstream.deletion_receipts()[0]
        assert receipt.state == "acknowledged" and (receipt.receipt or "").startswith("rcpt-")
        restarted.consent.grant("share_for_training")
        assert restarted.upstream.settings.contributor("share_for_training") != contributor
        restarted.close()


def test_5xx_retries_with_backoff_and_4xx_drops(app: Confidant, collector: Collector) -> None:
    app.upstream.settings.set_review(False)
    app.consent.grant("share_for_training")
    app.chat.send(app.chat.new_conversation(), "first question about rivers")
    collector.fail_with = [503]
    first = app.upstream.send()
    assert first.retrying and not first.sent
    assert app.upstream.send().requests == 0  # not due yet: backing off
    item = app.upstream.items()[0]
    delay = dt.datetime.fromisoformat(item.next_attempt_at) - app.clock.now()
    assert dt.timedelta(seconds=15) <= delay <= dt.timedelta(seconds=45)
    app.clock.advance(delay)  # type: ignore[attr-defined]
    assert app.upstream.send().sent == [item.id]

    app.chat.send(app.chat.new_conversation(), "second question about lakes")
    collector.fail_with = [422]
    dropped = app.upstream.send()
    assert len(dropped.dropped) == 1 and app.upstream.items() == []
    assert any(e.kind == "upload.dropped" for e in app.data.audit_events())


def test_body_limit_and_rate_limit(app: Confidant, collector: Collector) -> None:
    app.upstream.settings.set_review(False)
    app.consent.grant("share_for_training")
    big = {
        "kind": "learning_signal",
        "signals": ["x" * 1_200_000],
        "language": "en",
        "created_day": "2026-11-24",
    }
    assert app.upstream.gate.submit_payload(
        Scope.SHARE_FOR_TRAINING, "learning_signal", big, None
    ).admitted
    chunk = {
        "kind": "learning_signal",
        "signals": ["y" * 300_000],
        "language": "en",
        "created_day": "2026-11-24",
    }
    for _ in range(40):
        app.upstream.gate.submit_payload(Scope.SHARE_FOR_TRAINING, "learning_signal", chunk, None)
    result = app.upstream.send()
    assert len(result.dropped) == 1  # the one item that alone exceeds 1 MB
    assert result.rate_limited
    assert collector.request_count() == MAX_REQUESTS_PER_MINUTE
    assert max(size for _m, _p, size in collector.received.requests) <= MAX_BODY_BYTES
    app.clock.advance(dt.timedelta(seconds=61))  # type: ignore[attr-defined]
    app.upstream.send()
    assert len(collector.received.items) == 40
    assert not collector.received.duplicates


def test_network_log_matches_what_the_collector_saw(app: Confidant, collector: Collector) -> None:
    app.upstream.settings.set_review(False)
    app.consent.grant("share_for_training")
    app.chat.send(app.chat.new_conversation(), "a canaryword about weather")
    app.upstream.send()
    app.upstream.poll_notices(force=True)
    log = app.upstream.log()
    assert len(log) == collector.request_count() == 2
    assert {(e.method, e.url.removeprefix(collector.url)) for e in log} == {
        ("POST", "/v1/contributions"),
        ("GET", "/v1/notices"),
    }
    rows = app.database.query("SELECT * FROM network_log")
    assert "canaryword" not in repr(rows)


def test_notices_are_verified(app: Confidant, collector: Collector) -> None:
    app.upstream.settings.set_check_notices(True)
    collector.notices = [
        {
            "id": "n-1",
            "published_at": "2026-11-20T09:00:00Z",
            "severity": "high",
            "title": "Update now",
            "body": "A fix is available.",
        }
    ]
    collector.sign_notices = "bad"
    poll = app.upstream.poll_notices()
    assert poll.rejected == "bad_signature" and app.upstream.unread_notices() == []
    assert any(e.kind == "notices.rejected" for e in app.data.audit_events())
    assert not app.upstream.poll_notices().polled  # next poll in 12 hours
    app.clock.advance(dt.timedelta(hours=12))  # type: ignore[attr-defined]
    collector.sign_notices = "good"
    assert app.upstream.poll_notices().new == 1
    assert [n.title for n in app.upstream.unread_notices()] == ["Update now"]
    app.upstream.notices.mark_read("n-1")
    assert app.upstream.unread_notices() == []


def test_sending_reports_progress_and_stops_between_requests_when_cancelled(
    app: Confidant, collector: Collector, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.jobs import CancelToken, Progress
    from app.core.upstream import client

    app.upstream.settings.set_review(False)
    app.consent.grant("share_for_training")
    for index in range(3):
        app.chat.send(app.chat.new_conversation(), f"question {index} about planting apple trees")
    # A smaller body limit puts each item in a request of its own (a real send batches them):
    # Each sealed item is about 650 bytes, and a request's envelope is counted as 1 KB.
    assert all(len(item.payload) < 400 for item in app.upstream.items("approved"))
    monkeypatch.setattr(client, "MAX_BODY_BYTES", 2000)
    token = CancelToken()
    seen: list[Progress] = []

    def progress(step: Progress) -> None:
        seen.append(step)
        if step.done == 1:
            token.cancel()

    result = app.upstream.send(progress=progress, cancel=token)
    assert [(p.done, p.total) for p in seen] == [(0, 3), (1, 3)]
    assert result.cancelled and len(result.sent) == 1
    assert collector.request_count("/v1/contributions") == 1
    # What was not sent waits in the outbox, and goes with the next send.
    assert app.upstream.status().outbox["approved"] == 2
    steps: list[Progress] = []
    rest = app.upstream.send(progress=steps.append)
    assert len(rest.sent) == 2 and not rest.cancelled
    assert [(p.done, p.total) for p in steps] == [(0, 2), (1, 2), (2, 2)]
