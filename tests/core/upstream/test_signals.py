"""Learning signals: new terms and recurring concepts, never a missed name."""

from __future__ import annotations

import pytest

from app.core.service import Confidant
from app.core.upstream import signals


def test_a_recurring_unknown_word_is_a_new_term() -> None:
    text = (
        "user: how do I tune a glimmerwave antenna? the glimmerwave antenna hums.\n"
        "assistant: a glimmerwave antenna needs grounding"
    )
    derived = signals.derive(text)
    assert "term:glimmerwave" in derived
    assert "pair:glimmerwave antenna" in derived
    assert "term:antenna" not in derived  # an ordinary word is not new


def test_words_used_once_or_beside_a_placeholder_are_left_out() -> None:
    text = "user: ask [PERSON] thornquist about it. thornquist knows. also one mention of vrillax"
    assert signals.new_terms(text) == []


def test_known_names_and_placeholders_never_become_signals() -> None:
    text = "user: maria maria [EMAIL] [EMAIL] [PERSON] [PERSON]"
    assert signals.derive(text) == []


# Known false positive of the learned sensitivity classifier (issue 14): the made-up words of
# this message ("glimmerwave antenna mount rattle") score as politics from their word pieces'
# embeddings, so the gate holds the message back. Strict: it fails once the model is fixed.
@pytest.mark.xfail(strict=True, reason="sensitivity model flags this made-up message (issue 14)")
def test_signals_are_queued_through_the_gate(service: Confidant) -> None:
    service.consent.grant("share_for_training")
    conversation = service.chat.new_conversation()
    service.chat.send(
        conversation, "my glimmerwave antenna and the glimmerwave antenna mount rattle"
    )
    kinds = sorted(item.kind for item in service.upstream.items())
    assert kinds == ["conversation", "learning_signal"]
    signal = next(i for i in service.upstream.items() if i.kind == "learning_signal")
    assert '"term:glimmerwave"' in signal.payload
    assert signal.state == "review"  # the same review as conversations
