"""Cheap substring tests that tell when a slow case-insensitive pattern cannot match.

A long alternation compiled with ``re.IGNORECASE`` is tried at every position of a message;
checking first that the lower-case message holds one of the words the pattern needs is a
few substring searches in C. The stems given must be lower case, and every match of the
pattern must contain one of them (in any case).
"""

from __future__ import annotations

# Under re.IGNORECASE these characters match an ASCII letter although their lower case is not
# that letter ("İ" and "ı" match "i", "ſ" matches "s"): a message with one of them is always
# scanned. The list was computed over every code point (tests/core/privacy/test_prefilter.py).
FOLDS_ONTO_ASCII = "İıſ"


def may_contain(text: str, stems: tuple[str, ...], low: str | None = None) -> bool:
    """Whether ``text`` may hold one of ``stems`` in any case (False: it certainly does not).

    Args:
        text: the message.
        stems: lower-case words or parts of words.
        low: ``text.lower()``, when the caller has it already.
    """
    if low is None:
        low = text.lower()
    for stem in stems:
        if stem in low:
            return True
    return not text.isascii() and any(c in text for c in FOLDS_ONTO_ASCII)
