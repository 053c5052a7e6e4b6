"""The gate refuses in child mode, without consent, for temporary and sensitive turns."""

from __future__ import annotations

from app.core.consent import Scope
from app.core.conversations import Conversation, Message
from app.core.service import Confidant
from app.core.upstream.gate import UploadGate


def _gate(service: Confidant, child_mode: bool) -> UploadGate:
    hub = service.upstream
    return UploadGate(
        service.database,
        service.clock,
        service.ledger,
        service.audit,
        hub.outbox,
        hub.settings,
        child_mode=lambda: child_mode,
    )


def _turn(text: str) -> list[Message]:
    return [Message("user", text, "2026-11-24T09:00:00+00:00")]


def test_child_mode_refuses_even_with_consent(service: Confidant) -> None:
    service.consent.grant("share_for_training")
    decision = _gate(service, child_mode=True).submit_turn(Conversation(), _turn("hello there"))
    assert not decision.admitted and decision.reason == "child_mode"
    refused = _gate(service, child_mode=True).submit_payload(
        Scope.SHARE_FOR_TRAINING, "learning_signal", {"signals": []}, None
    )
    assert not refused.admitted
    assert service.upstream.items() == []
    assert [e.detail["reason"] for e in service.data.audit_events("refused")] == [
        "child_mode",
        "child_mode",
    ]


def test_refusals_and_admission(service: Confidant) -> None:
    gate = _gate(service, child_mode=False)
    assert gate.submit_turn(Conversation(), _turn("hi")).reason == "no_consent"
    service.consent.grant("share_for_training")
    assert gate.submit_turn(Conversation(temporary=True), _turn("hi")).reason == "temporary"
    worried = _turn("I have been feeling depressed and anxious for weeks")
    assert gate.submit_turn(Conversation(), worried).reason == "sensitive"
    admitted = gate.submit_turn(Conversation(), _turn("Email me at ann@example.org please"))
    assert admitted.admitted and admitted.item is not None
    assert "ann@example.org" not in admitted.item.payload
    assert "[EMAIL]" in admitted.item.payload


# Until session 11 the learned sensitivity classifier flagged this made-up message as politics
# (from the word pieces of "glimmerwave"), so this test was a strict xfail; the eighteen-writer
# model leaves it alone (test_signals.py's message is still flagged).
def test_an_analysis_made_elsewhere_queues_exactly_what_the_gate_would(
    service: Confidant,
) -> None:
    # The GUI analyzes a turn on the I/O pool and hands it over: the payload is the same.
    service.consent.grant("share_for_training")
    gate = _gate(service, child_mode=False)
    turn = _turn("Email me at ann@example.org about the glimmerwave antenna mount")
    analysis = gate.analyze(turn)
    assert not analysis.sensitive and "ann@example.org" not in analysis.text
    handed = gate.submit_turn(Conversation(), turn, analysis=analysis)
    worked_out = gate.submit_turn(Conversation(), turn)
    assert handed.item is not None and worked_out.item is not None
    assert handed.item.payload == worked_out.item.payload
    kinds = sorted(item.kind for item in service.upstream.items())
    assert kinds.count("conversation") == 2
    assert kinds.count("learning_signal") == (2 if analysis.signals else 0)


def test_a_sensitive_analysis_is_refused_and_the_consent_is_still_checked(
    service: Confidant,
) -> None:
    gate = _gate(service, child_mode=False)
    sensitive = gate.analyze(_turn("I have been feeling depressed and anxious for weeks"))
    assert sensitive.sensitive and sensitive.text == ""
    harmless = gate.analyze(_turn("what is the tallest tree"))
    # Without consent, a harmless analysis is no way in.
    assert gate.submit_turn(Conversation(), _turn("x"), analysis=harmless).reason == "no_consent"
    service.consent.grant("share_for_training")
    refused = gate.submit_turn(Conversation(), _turn("x"), analysis=sensitive)
    assert refused.reason == "sensitive"
    assert service.upstream.items() == []


def test_the_offline_demos_fixed_reply_is_not_judged_but_other_replies_are(
    service: Confidant,
) -> None:
    from app.core.assistant.base import ChatMessage
    from app.core.assistant.offline import OfflineProvider

    gate = _gate(service, child_mode=False)
    stamp = "2026-11-24T09:00:00+00:00"
    for words in range(1, 30):
        prompt = " ".join(["tree"] * words)
        reply = OfflineProvider().reply([ChatMessage("user", prompt)])
        turn = [Message("user", prompt, stamp), Message("assistant", reply, stamp)]
        assert not gate.analyze(turn).sensitive, reply
    told = "I am sorry about your divorce and the depression that followed it."
    turn = [Message("user", "tree", stamp), Message("assistant", told, stamp)]
    assert gate.analyze(turn).sensitive
