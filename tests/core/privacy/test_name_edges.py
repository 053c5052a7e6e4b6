"""A found name takes in its initials, particles and hyphenated parts (name_edges.py)."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import redact
from app.core.privacy.name_edges import after_thing_article, whole_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Initials in lower case: the finders trim single letters at a name's edge.
        ("pls add to the sheet: s. martinez; paid", "pls add to the sheet: [PERSON]; paid"),
        ("to do:\n- r. da silva: call the venue", "to do:\n- [PERSON]: call the venue"),
        # A surname's particles under its label.
        ("Achternaam:\nvan de Plas\nVoornaam: Jan", "Achternaam:\n[PERSON]\nVoornaam: [PERSON]"),
        # The other half of a hyphenated name.
        ("hi tae-yang, the invoice is late", "hi [PERSON], the invoice is late"),
    ],
)
def test_the_whole_name_is_redacted(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A capitalized article at a line's start is no particle.
        ("Recibí\nDe Hipólito Sanchez\nla cantidad de 1377,60 €", "De "),
        # Dutch "ter attentie van" and the French "Monsieur" are no initials.
        ("Stuur naar:\nt.a.v. Jan Smit\nMolenstraat 4", "t.a.v. "),
        ("ET\nM. Agnès Delahaye, née le 3 mai", "M. "),
        # "de" between two words is a preposition.
        ("la lettre de Martin Dupont est arrivée", "la lettre de "),
    ],
)
def test_words_around_a_name_stay(text, kept):
    assert kept in redact(text).text


def test_two_names_with_only_particles_between_are_one():
    text = "Maria dela Cruz"
    assert whole_names(text, [("PERSON", 0, 5), ("PERSON", 11, 15)]) == [("PERSON", 0, 15)]
    # Other findings pass through as they are.
    assert whole_names(text, [("PHONE", 0, 5)]) == [("PHONE", 0, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "Is a Skoda good? Comparing the Fabia 2020 and the Octavia 2017.",
        "¿Es mejor el Ingrid o el Octavia para ciudad?",
        "Lohnt sich lieber ein Leon? Baujahr 2016.",
    ],
)
def test_a_name_after_an_article_for_things_is_a_product(text):
    assert redact(text).text == text


def test_a_family_after_the_is_still_a_name():
    text = "Hi! the Guptas are moving next door, and the Fabia 2020 is theirs"
    assert not after_thing_article(text, 8, 14)  # "Guptas": a family, in the plural
    assert after_thing_article(text, 45, 50)  # "Fabia": a car


@pytest.mark.parametrize(
    "text",
    [
        "har Cafe Svensson öppet på söndag?",
        "is Dunlap Family Pharmacy open on Wednesdays?",
        "a Restaurante O Santos tem os melhores pastéis de nata",
    ],
)
def test_a_shop_named_after_its_owner_is_no_person(text):
    assert redact(text).text == text


def test_a_trade_word_on_the_line_above_does_not_make_a_shop():
    text = "lista de asistentes al taller\ne. castejón (universidad de sevilla)"
    assert "castejón" not in redact(text).text


def test_a_chat_logs_speakers_are_names_unless_ordinary_words():
    text = "[10:42] sunny: anyone got the keys?\n[10:43] ji-woo: nope\n[10:44] bot: build passed"
    assert redact(text).text == (
        "[10:42] [PERSON]: anyone got the keys?\n[10:43] [PERSON]: nope\n[10:44] bot: build passed"
    )
