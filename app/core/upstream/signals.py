"""Learning signals: candidate new terms and concepts, derived locally from anonymized text.

A signal is a word absent from our bundled vocabulary (a new term the model may not know) or a
pair of content words that occur together more than once (a concept). They are derived only
from text the irreversible anonymizer already redacted, and a candidate term must look like an
ordinary lower-case word that is neither in a name list nor next to a placeholder, so that a
name the anonymizer missed is not sent as a "new word". Signals go through the same gate and
review as conversations.
"""

from __future__ import annotations

import re
from collections import Counter

from app.core.privacy.lexicon import is_known_word, lexicon

MAX_SIGNALS = 20
_WORD = re.compile(r"(?<![\w\[])([a-zà-öø-ÿąćęłńóśźż]{4,30})(?![\w\]])")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+(?:_\d+)?\]")
_CONTENT = re.compile(r"[^\W\d_]{4,30}")


def _names() -> frozenset[str]:
    words = lexicon()
    return words.first_names | words.surnames


def new_terms(text: str) -> list[str]:
    """Lower-case words that no bundled vocabulary knows, used at least twice in ``text``.

    A word used once, or standing next to a known name, is left out: that is what a surname
    the anonymizer missed looks like, and a new term worth learning tends to recur.
    """
    names = _names()
    stop = lexicon().stop
    flat = _PLACEHOLDER.sub(" [X] ", text)
    words = [m.group(1) for m in _WORD.finditer(flat)]
    tokens = re.findall(r"\[x\]|[^\W\d_]+", flat.lower())
    beside_name = {
        tokens[i + step]
        for i, token in enumerate(tokens)
        if token in names or token == "[x]"
        for step in (-1, 1)
        if 0 <= i + step < len(tokens)
    }
    counts = Counter(words)
    found: list[str] = []
    for word in words:
        if (
            counts[word] < 2
            or word in found
            or word in names
            or word in stop
            or word in beside_name
            or is_known_word(word)
        ):
            continue
        found.append(word)
    return found


def concept_pairs(text: str) -> list[str]:
    """Adjacent pairs of content words that occur at least twice in ``text``."""
    stop = lexicon().stop
    names = _names()
    pairs: Counter[str] = Counter()
    for sentence in re.split(r"[.!?\n]+", _PLACEHOLDER.sub(" | ", text)):
        words = [
            w.lower()
            for w in _CONTENT.findall(sentence)
            if w.lower() not in stop and w.lower() not in names and w.islower()
        ]
        pairs.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a != b)
    return [pair for pair, count in pairs.most_common() if count >= 2]


def derive(text: str) -> list[str]:
    """At most ``MAX_SIGNALS`` signals, terms first: ``term:<word>`` and ``pair:<a> <b>``."""
    signals = [f"term:{w}" for w in new_terms(text)] + [f"pair:{p}" for p in concept_pairs(text)]
    return signals[:MAX_SIGNALS]
