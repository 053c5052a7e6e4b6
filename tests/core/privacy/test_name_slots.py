"""Where the name rules take a word in no vocabulary for a rare name."""

from __future__ import annotations

import pytest

from app.core.privacy.names import find_people


def _people(text: str) -> list[str]:
    return [text[s:e] for s, e in find_people(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # German capitalizes every noun: after "mit", "für", "bei" it is mostly one.
        ("Ist Siemens oder Bosch besser bei Geschirrspülern?", "Geschirrspülern"),
        ("Rezept für Käsespätzle für vier Personen, bitte", "Käsespätzle"),
        ("Ich arbeite bei Kärcher und brauche eine Abwesenheitsnotiz", "Kärcher"),
        ("Lübeck oder Kiel für ein Wochenende mit Teenagern?", "Teenagern"),
        # A company or a place after "y", "en", "e", "à", "an", "voor".
        ("Compara Tefal y Cecotec para una freidora de aire", "Cecotec"),
        ("Planea un fin de semana en İzmir para dos amigos", "İzmir"),
        ("Victor Hugo a-t-il vraiment vécu à Guernesey ?", "Guernesey"),
        ("Qual a diferença entre Renault e Nubank?", "Nubank"),
    ],
)
def test_a_rare_word_after_a_preposition_is_no_name(text, word):
    assert not any(word in found for found in _people(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("lunch with Aigerim tomorrow", "Aigerim"),
        ("invite Ruaridh and me", "Ruaridh"),
        ("can you text Eilidh tonight", "Eilidh"),
        ("Frag Ruaridh, ob er kommt", "Ruaridh"),
        # A listed first name is still found after the prepositions left out.
        ("Ich gehe heute mit Anna ins Kino", "Anna"),
        ("Compara Tefal y Cecotec con Marta", "Marta"),
    ],
)
def test_rare_and_listed_names_in_a_person_slot_are_found(text, name):
    assert name in _people(text)
