"""One vocabulary of decoy words for the rules' numbers and the tagger's codes (issue 13)."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect
from app.core.privacy.patterns import code_decoy, number_decoy


def _at(text: str, value: str) -> tuple[str, int, int]:
    start = text.index(value)
    return text, start, start + len(value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The serial number is SN7Q2K88421 on the back", "SN7Q2K88421"),
        ("Meine Buchungsnummer ist XK4P9Q", "XK4P9Q"),
        ("il codice POD IT001E55501234", "IT001E55501234"),
        ("Artículo: ZK00418", "ZK00418"),
        ("order no. AB-77X21 is late", "AB-77X21"),  # a word of the numbers' list
        ("tracking code is 1ZX99A", "1ZX99A"),
    ],
)
def test_a_code_after_a_decoy_word_is_a_decoy(text, code):
    assert code_decoy(*_at(text, code))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mein Reisepass C01X00T47", "C01X00T47"),
        ("passport no AB123456 expired", "AB123456"),  # "no" is filler, not a decoy here
        ("znajdziesz mnie pod nickiem kasia_88", "kasia_88"),
        ("zadzwoń pod AB12CD", "AB12CD"),  # the Polish "pod", not an Italian supply point
        ("The serial number is 12345678", "12345678"),  # digits only: number_decoy's
    ],
)
def test_a_code_without_a_decoy_word_is_not(text, code):
    assert not code_decoy(*_at(text, code))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Zadzwoń do mnie pod 021 284 4616 po szóstej.", "021 284 4616"),
        ("Oi, coloquei o CPF errado na reserva: 15794244062. como corrijo?", "15794244062"),
    ],
)
def test_prepositions_and_loose_words_are_no_decoys_for_numbers(text, number):
    assert not number_decoy(*_at(text, number))
    assert any(text[e.start : e.end] == number for e in detect(text))


def test_code_words_name_numbers_too():
    assert number_decoy(*_at("Gutscheincode 55512345", "55512345"))
    assert number_decoy(*_at("my voucher is 4417820931", "4417820931"))
