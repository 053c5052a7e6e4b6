"""Alternations regrouped by first letter match exactly what the plain alternation matches."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from app.core.privacy import address_rules, names, patterns
from app.core.privacy.alternation import by_first_letter

DATA = Path(__file__).resolve().parents[2] / "data"
HEAD, TAIL = r"(?<![\w])", r"\b"


def _texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("pii_train_[a-z].jsonl.gz"))[:3]:
        with gzip.open(path, "rt", encoding="utf-8") as stream:
            texts += [json.loads(line)["text"] for line in stream]
    return texts


def test_the_identity_document_cues_are_regrouped_and_match_the_same():
    grouped = by_first_letter(patterns._ID_CUE_PATTERN, HEAD, TAIL)
    assert grouped != patterns._ID_CUE_PATTERN
    plain = re.compile(patterns._ID_CUE_PATTERN, re.IGNORECASE)
    regrouped = re.compile(grouped, re.IGNORECASE)
    texts = _texts() + [
        "Residence permit: X1234567, work permit 12345678, PERMIT no 1",
        "Driver's license: D39090044 · driving licence 5566 · ID card 11 22 33 44",
        "Personalausweisnummer L01X00T47, ΑΜΚΑ 01017000000, ſocial ſecurity 078-05-1120",
    ]
    found = 0
    for text in texts:
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in regrouped.finditer(text)] == spans, text
        found += len(spans)
    assert found > 500


def test_branches_keep_their_order_within_a_letter():
    grouped = by_first_letter(r"(?<![\w])(?:ab|abc|b|(?:x |y )?ac)\b", HEAD, TAIL)
    assert grouped == r"(?<![\w])(?:a(?:b|bc|c)|b(?:)|x(?: ac)|y(?: ac))\b"
    for text in ("abc", "ab c", "x ac", "y ac!", "ac", "b"):
        want = re.search(r"(?<![\w])(?:ab|abc|b|(?:x |y )?ac)\b", text)
        got = re.search(grouped, text)
        assert (got and got.span()) == (want and want.span()), text


def test_patterns_it_cannot_prove_the_same_are_left_alone():
    for pattern in (
        r"(?<![\w])(?:a?b|c)\b",  # a quantifier on the first letter
        r"(?<![\w])(?:[ab]c|d)\b",  # a class first
        r"(?<![\w])(?:Ab|ac)\b",  # capitals share a letter with lower case
        r"(?<![\w])(?:sa|ſb)\b",  # letters that match each other in any case
        r"(?:ab|c)",  # not the expected shape
        r"(?<![\w])(?:a(b|c)\b",  # brackets that do not balance
    ):
        assert by_first_letter(pattern, HEAD, TAIL) == pattern


def test_case_sensitive_alternations_group_capitals_apart_and_match_the_same():
    plain = r"(?<![\w])(?:Ab|ab|AC|Abc|ЕГН|C/)\b"
    grouped = by_first_letter(plain, HEAD, TAIL, case_sensitive=True)
    assert grouped == r"(?<![\w])(?:A(?:b|C|bc)|a(?:b)|Е(?:ГН)|C(?:/))\b"
    for text in ("Abc", "ab", "AB", "AC x", "ЕГН 1", "C/ Mayor", "aBc"):
        want = re.search(plain, text)
        got = re.search(grouped, text)
        assert (got and got.span()) == (want and want.span()), text


def test_the_grouped_rule_patterns_match_what_their_plain_forms_match():
    texts = _texts()
    pairs = [
        (patterns._MONTH_GROUP, f"(?:{patterns._MONTHS})", re.IGNORECASE),
        (patterns._DAY_GROUP, f"(?:{patterns._DAY_WORD})", re.IGNORECASE),
        (patterns._STREET_TYPES_BEFORE, patterns._STREET_TYPES_BEFORE_PLAIN, 0),
    ]
    for grouped, plain, flags in pairs:
        assert grouped != plain
        a = re.compile(rf"(?<!\w){plain}\b", flags)
        b = re.compile(rf"(?<!\w){grouped}\b", flags)
        found = 0
        for text in texts:
            spans = [m.span() for m in a.finditer(text)]
            assert [m.span() for m in b.finditer(text)] == spans
            found += len(spans)
        assert found > 50


def test_the_start_checked_after_the_first_letter_matches_the_same():
    plain = r"(?:NIE|NIF|PAN|ЕГН|SV)\b"
    checked = by_first_letter(plain, "", TAIL, case_sensitive=True, not_after=r"\w")
    assert checked == r"(?:N(?<!\wN)(?:IE|IF)|P(?<!\wP)(?:AN)|Е(?<!\wЕ)(?:ГН)|S(?<!\wS)(?:V))\b"
    before = re.compile(r"(?<!\w)" + plain)
    texts = ["NIE", "xNIE NIE", "1PAN PAN.", "_SV SV", "ЕГН", "aЕГН", "NIF\nNIF", "(PAN) NIEs"]
    for text in texts:
        want = [m.span() for m in before.finditer(text)]
        assert [m.span() for m in re.finditer(checked, text)] == want, text
    # What cannot be regrouped keeps its check, in front.
    odd = r"(?:N?IE|PAN)\b"
    assert by_first_letter(odd, "", TAIL, case_sensitive=True, not_after=r"\w") == (
        r"(?<!\w)" + odd
    )


def _after(pattern: re.Pattern[str], head: str) -> str:
    """What follows ``head`` in ``pattern``'s source."""
    assert pattern.pattern.startswith(head)
    return pattern.pattern[len(head) :]


def test_the_patterns_that_open_with_their_first_character_match_their_plain_forms():
    # Rewritten so that the engine's fast search finds where they can start: the same
    # matches as the forms with the look behind first, on three writers' texts.
    street = {"case_sensitive": True, "not_after": r"[\w.]"}
    typed = address_rules._TYPED_STREET_TYPES
    portuguese = address_rules._PT_STREET_TYPES
    capital = "[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω]"
    then_postcode = address_rules._STREET_THEN_POSTCODE
    pairs = [
        (names._INITIALS, r"\b(?:[A-Z]\.[ \t]?){1,3}([A-ZÀ-Þ][\w'’\-]+)"),
        (
            patterns._ID_ACRONYM,
            by_first_letter(
                r"(?<![\w])(?:" + patterns._ID_ACRONYM_WORDS + r")\b",
                HEAD,
                TAIL,
                case_sensitive=True,
            ),
        ),
        (
            address_rules._TYPED_STREET,
            r"(?<![\w.])"
            + typed
            + _after(address_rules._TYPED_STREET, by_first_letter(typed, "", "", **street)),
        ),
        (
            address_rules._PT_STREET,
            r"(?<![\w.])"
            + portuguese
            + _after(address_rules._PT_STREET, by_first_letter(portuguese, "", "", **street)),
        ),
        (
            then_postcode,
            rf"(?<![\w'’.-])(?:{capital}[\w.\-]*[ \t]+){{1,3}}"
            + then_postcode.pattern.split("{0,2}", 1)[1],
        ),
    ]
    texts = _texts()
    for pattern, plain in pairs:
        reference = re.compile(plain)
        assert pattern.pattern != plain
        found = 0
        for text in texts:
            spans = [m.regs for m in reference.finditer(text)]
            assert [m.regs for m in pattern.finditer(text)] == spans, text[:40]
            found += len(spans)
        assert found > 20, plain[:40]
