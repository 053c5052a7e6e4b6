"""Whole address blocks (units, boxes, counties, states) and names that are streets or firms."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect, redact


def _addresses(text: str) -> list[str]:
    return [text[e.start : e.end] for e in detect(text) if e.type == "STREET_ADDRESS"]


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("Send it to Flat 7, 21 Harbour Road, Leeds LS6 2AB please", "Flat 7, 21 Harbour Road"),
        ("Unit 5/88 Ocean St, Manly NSW 2095 is my new place", "Unit 5/88 Ocean St"),
        ("my address: flat 2, 40 mill road\nleeds ls6 3cd", "flat 2, 40 mill road"),
        ("Address: P.O. Box 7714, Brisbane QLD 4001", "P.O. Box 7714, Brisbane QLD 4001"),
        ("New address: 14 Quay Street, Galway, Co. Galway H91 X2Y3.", "Co. Galway H91 X2Y3"),
        ("envio para av. da boavista, 412, 4100-130 porto", "av. da boavista, 412"),
    ],
)
def test_the_whole_block_is_one_address(text, block):
    found = _addresses(text)
    assert any(block in value for value in found), found


def test_the_city_after_a_postcode_is_taken_even_where_it_is_a_common_word():
    text = "Lieferadresse: Lindenallee 7, 2. OG, 10115 Berlin, danke"
    assert redact(text).text == "Lieferadresse: [STREET_ADDRESS], danke"


def test_a_state_left_after_the_block_takes_its_postcode():
    text = "Ship to 9 Kent St\nNewtown NSW 2042 by Friday"
    assert "2042" not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Is Harper Street a quiet place to live?",
        "¿Es cara la calle de Rosalía Fuentes en verano?",
        "Our team at Walsh, Fenton and Okafor moves to a new office.",
        "Explain this to a junior dev: what does a decorator do?",
        "See https://developer.mozilla.org/en-US/docs/Web/CSS/@media for the syntax.",
        "Nella bolletta: numero cliente 204715912, fattura n. 5921.",
        "Why does this fail?\n```yaml\nallowed_cidrs: [10.0.0.0/8]\nticket: CS44594332\n```",
        'Traceback:\n  File "/opt/app/main.py", line 20, in run',
    ],
)
def test_pii_free_text_comes_back_unchanged(text):
    assert redact(text).text == text


def test_people_are_still_found_next_to_the_new_exceptions():
    text = "Anna Kowalski and Tom Baker live at 5 Elm Road; ask Anna."
    kinds = [(e.type, text[e.start : e.end]) for e in detect(text)]
    assert ("PERSON", "Anna Kowalski") in kinds
    assert ("PERSON", "Tom Baker") in kinds
