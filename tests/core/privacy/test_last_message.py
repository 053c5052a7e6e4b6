"""The last message's memo: one computation per text, a new one for each new text."""

from __future__ import annotations

from app.core.privacy.last_message import per_message
from app.core.privacy.names import public_spans


def test_the_result_is_computed_once_per_text_and_again_for_a_new_one():
    calls: list[str] = []

    @per_message
    def words(text: str) -> list[str]:
        """The words."""
        calls.append(text)
        return text.split()

    assert words("a b") == ["a", "b"]
    assert words("a" + " b") == ["a", "b"]  # an equal text, another object: still remembered
    assert words("c") == ["c"]
    assert words("a b") == ["a", "b"]
    assert calls == ["a b", "c", "a b"]
    assert words.__doc__ == "The words."


def test_a_memoized_check_gives_what_it_gives_without_the_memo():
    for text in ("Who was Napoleon Bonaparte?", "Anna met Tom.", "", "Who was Napoleon Bonaparte?"):
        assert public_spans(text) == public_spans.__wrapped__(text)  # type: ignore[attr-defined]
