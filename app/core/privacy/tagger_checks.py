"""Checks on what the tagger finds alone: an address needs something of an address in it.

Pasted documents are full of numbered items, table cells and headings ("1. Approvato il
bilancio", "Qty 1") that the tagger may read as the start of an address block.
An address the tagger found with no rule behind it is kept only if it holds a street word
or street ending, a word in no vocabulary (a street or place name the lists lack), a name,
or a number of three or more digits (a house number with a postcode, a postcode).
"""

from __future__ import annotations

import re

from app.core.privacy.features import word_features

_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS_FLAGS = frozenset(["str", "sfx", "unk", "fn", "sn", "dfn"])


def address_like(value: str) -> bool:
    """Whether a tagged address ``value`` holds anything of an address (see module doc)."""
    digits = sum(c.isdigit() for c in value)
    if digits >= 3:
        return True
    for word in _WORD.findall(value):
        if len(word) > 1 and not _ADDRESS_FLAGS.isdisjoint(word_features(word)[0]):
            return True
    return False


def keep_address(
    text: str,
    span: tuple[str, int, int],
    rules: list[tuple[str, int, int]],
    others: list[tuple[str, int, int]],
) -> bool:
    """Whether an address block stays.

    It stays when it reads as an address, when a rule found it too, or when it is a number
    right after a number of another type ("… 845 334 44": the last group a rule left out).
    """
    kind, start, end = span
    if address_like(text[start:end]):
        return True
    if any(k == kind and s < end and start < e for k, s, e in rules):
        return True
    return text[start:end].isdigit() and any(
        k in _NUMBERS and text[e:start] == " " for k, s, e in others
    )


_NUMBERS = frozenset(["GOV_ID", "PHONE", "IBAN", "CREDIT_CARD"])
