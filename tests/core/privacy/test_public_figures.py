"""The hand-kept word lists: public figures and works left alone, private people still found."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect, redact
from app.core.privacy.lexicon import lexicon
from app.core.privacy.names import find_people, public_spans


@pytest.mark.parametrize(
    "text",
    [
        "what did David Attenborough actually achieve, in simple terms",
        "Madre Teresa esteve em Portugal?",
        "Teresa z Kalkuty, kim była?",
        "Felice Gimondi, che corse ha vinto?",
        "Dr. Jekyll and Mr. Hyde summary please, essay due tomorrow",
        "Does Mr. Darcy appear in the first book or only in the films?",
        "Timeline of Rosalind Franklin's life, 5 bullet points",
        "Hänsel und Gretel – wie endet das Märchen nochmal?",
    ],
)
def test_public_figures_and_works_are_left_alone(text):
    assert public_spans(text)
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    ["Jaka pogoda w Krakowie w maju?", "Plane drei Tage in Hanoi im September."],
)
def test_words_that_are_names_somewhere_need_a_cue(text):
    assert find_people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Beneficiary name: Oto Dušek\nIBAN: CZ59 1782 6992 7681 6341 3407", "Oto Dušek"),
        ("Mój kolega ze Słowenii ma na imię Jaka Kovač, napisz do niego", "Jaka Kovač"),
    ],
)
def test_the_same_words_after_a_cue_or_before_a_surname_are_still_names(text, name):
    assert [text[s:e] for s, e in find_people(text)] == [name]


def test_a_private_person_beside_a_public_figure_is_still_found():
    text = "my aunt Rebecca Kowalska loves David Attenborough, what should I gift her?"
    found = [text[e.start : e.end] for e in detect(text) if e.type == "PERSON"]
    assert found == ["Rebecca Kowalska"]


def test_no_common_first_name_alone_is_a_public_figure():
    # A single first name in the list would hide every private person who carries it.
    common = {"maria", "anna", "emma", "rebecca", "mario", "elsa", "heidi", "teresa", "will"}
    assert not common & lexicon().public
