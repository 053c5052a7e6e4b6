"""Cheap substring tests that tell when a slow case-insensitive pattern cannot match.

A long alternation compiled with ``re.IGNORECASE`` is tried at every position of a message;
checking first that the lower-case message holds one of the words the pattern needs is a
few substring searches in C. The stems given must be lower case, and every match of the
pattern must contain one of them (in any case).
"""

from __future__ import annotations

import re

from app.core.privacy.last_message import per_message

# Under re.IGNORECASE these characters match an ASCII letter although their lower case is not
# that letter ("İ" and "ı" match "i", "ſ" matches "s"): a message with one of them is always
# scanned. The list was computed over every code point (tests/core/privacy/test_prefilter.py).
FOLDS_ONTO_ASCII = "İıſ"
_WORD_RUN = re.compile(r"\w+")
_DIGIT_RUN = re.compile(r"\d+")


def may_contain(text: str, stems: tuple[str, ...], low: str | None = None) -> bool:
    """Whether ``text`` may hold one of ``stems`` in any case (False: it certainly does not).

    Args:
        text: the message.
        stems: lower-case words or parts of words.
        low: ``text.lower()``, when the caller has it already.
    """
    if low is None:
        low = text.lower()
    if stems_pattern(stems).search(low) is not None:
        return True
    return not text.isascii() and any(c in text for c in FOLDS_ONTO_ASCII)


# Keyed by the tuple's identity (hashing a tuple of fifty words on every call costs more than
# the search), with the tuple kept beside its pattern: a tuple's id is not reused while it lives.
_PATTERNS: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def stems_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    """One expression that finds any of ``stems`` (case as given), compiled once per tuple.

    The stems are nested by their letters, as a trie ("bi(?:rth|day)"): at each place of the
    text the engine follows one branch per letter instead of trying every stem in turn, so
    one scan in C costs less than a loop of substring searches. Whether a stem occurs is all
    it tells (the match is not the longest stem).
    """
    known = _PATTERNS.get(id(stems))
    if known is None or known[0] is not stems:
        known = _PATTERNS[id(stems)] = (stems, re.compile(_trie(sorted(set(stems)))))
    return known[1]


def _trie(stems: list[str]) -> str:
    if not stems:
        return "(?!)"  # nothing to find
    if "" in stems:
        return ""  # a stem ends here: what follows does not matter
    branches: dict[str, list[str]] = {}
    for stem in stems:
        branches.setdefault(stem[0], []).append(stem[1:])
    parts = [re.escape(first) + _trie(rests) for first, rests in branches.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def may_hold_word(text: str, words: frozenset[str], low: str | None = None) -> bool:
    """Whether ``text`` may hold one of ``words`` as a whole word, in any case.

    A whole word is a maximal run of letters, digits and underscores. Finding the runs is
    one scan in C and a set test decides, whatever the number of words: the gate for a long
    alternation compiled with ``re.IGNORECASE``, every match of which contains one of
    ``words`` with no letter, digit or underscore on either side.

    Args:
        text: the message (or the part of it the pattern is run on).
        words: lower-case words.
        low: ``text.lower()``, when the caller has it already.
    """
    if low is None:
        low = text.lower()
    if not words.isdisjoint(_WORD_RUN.findall(low)):
        return True
    # "İ" lowers to two characters, "ı" and "ſ" to themselves: the words they spell are
    # not in the set, yet the pattern matches them.
    return not text.isascii() and any(c in text for c in FOLDS_ONTO_ASCII)


@per_message
def message_words(text: str) -> frozenset[str]:
    """The whole words of a message, lower case (as :func:`may_hold_word` reads them), once."""
    return frozenset(_WORD_RUN.findall(text.lower()))


def holds_word(text: str, words: frozenset[str], prefixes: tuple[str, ...] = ()) -> bool:
    """:func:`may_hold_word` for a whole message, from its words found once for every gate.

    Args:
        text: the message.
        words: lower-case words.
        prefixes: lower-case beginnings of words (where the pattern lets any letters follow,
            as in "discord", "discordzie"): a whole word that starts with one passes too.
    """
    found = message_words(text)
    if not words.isdisjoint(found):
        return True
    if prefixes and found and _starts_pattern(prefixes).search(_joined_words(text)):
        return True
    return not text.isascii() and any(c in text for c in FOLDS_ONTO_ASCII)


@per_message
def _joined_words(text: str) -> str:
    """The message's whole words (:func:`message_words`), each after a line break."""
    return "\n" + "\n".join(message_words(text))


# Keyed as _PATTERNS: prefixes tuple -> (the tuple, its patterns' stems).
_STARTS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _starts_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """What finds, in :func:`_joined_words`, a word that starts with one of ``prefixes``.

    A word holds no line break, so a prefix after one is the start of a word.
    """
    known = _STARTS.get(id(prefixes))
    if known is None or known[0] is not prefixes:
        if any("\n" in prefix for prefix in prefixes):
            raise ValueError("a prefix of a word holds no line break")
        known = _STARTS[id(prefixes)] = (prefixes, tuple("\n" + p for p in prefixes))
    return stems_pattern(known[1])


@per_message
def digit_runs(text: str) -> tuple[int, frozenset[int]]:
    """How many digits (any script's) a message holds, and the lengths of their runs.

    The structured rules and the identity numbers gate their scans on both; one scan of the
    message answers them all.
    """
    lengths = list(map(len, _DIGIT_RUN.findall(text)))
    return sum(lengths), frozenset(lengths)
