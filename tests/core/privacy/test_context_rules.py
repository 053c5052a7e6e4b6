"""Rules after the tagger (context_rules.py): birthday lists, pets' names, handles in lists."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect, redact


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in detect(text)]


# -- birthday lists ----


def test_dates_after_names_in_a_list_are_birth_dates():
    text = "note for the office wall: Henrike 14/02/1961, Marta 3 sept, Ilse 30/11/1974"
    found = _found(text)
    assert ("DATE_OF_BIRTH", "14/02/1961") in found
    assert ("DATE_OF_BIRTH", "3 sept") in found
    assert ("DATE_OF_BIRTH", "30/11/1974") in found


def test_a_rota_of_names_and_dates_is_not_a_list_of_birthdays():
    text = "shift rota: Henrike 14/02, Marta 3 sept"
    assert not [kind for kind, _ in _found(text) if kind == "DATE_OF_BIRTH"]


def test_one_name_with_a_date_is_not_a_list():
    text = "Henrike sent the report on 14/02/2021"
    assert not [kind for kind, _ in _found(text) if kind == "DATE_OF_BIRTH"]


def test_names_with_this_years_dates_are_events_not_births():
    text = "Henrike 14/02/2026, Marta 03/03/2026"
    assert not [kind for kind, _ in _found(text) if kind == "DATE_OF_BIRTH"]


# -- pets ----


@pytest.mark.parametrize(
    "text",
    [
        "our tortoise Humphrey stopped eating, is that normal in winter?",
        "Humphrey the budgie sings at 5 am every day",
        "unser Kater Humphrey kratzt am Sofa",
        "notre lapin Humphrey ronge les câbles",
        "il mio criceto Humphrey dorme tutto il giorno",
        "el perro se llama Don Humphrey y tiene 9 años",
        'mijn papegaai Humphrey zegt alleen "Humphrey"',
    ],
)
def test_a_pets_name_is_not_a_person(text):
    assert not [kind for kind, _ in _found(text) if kind == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "my dog walker Humphrey Clarke is late again",
        "we talked in the chat Humphrey Clarke opened",
        "Mabel the parrot? no, Mabel my aunt. she loves birds",
    ],
)
def test_a_person_near_a_word_for_an_animal_is_still_a_person(text):
    assert [kind for kind, _ in _found(text) if kind == "PERSON"]


# -- handles ----


def test_a_discord_tags_number_belongs_to_the_handle():
    text = "add GlumWalrus_41#2290 to the squad"
    assert ("USERNAME", "GlumWalrus_41#2290") in _found(text)


def test_the_other_handles_of_a_list_are_handles():
    text = "sweep_otter22, brinebeard and PlumTornado were kicking people off my server"
    found = _found(text)
    assert ("USERNAME", "sweep_otter22") in found
    assert ("USERNAME", "brinebeard") in found
    assert ("USERNAME", "PlumTornado") in found


def test_handle_shapes_in_gaming_talk():
    text = "zet quokkaqueen83 en Mossbeard.12 in het team"
    found = _found(text)
    assert ("USERNAME", "quokkaqueen83") in found
    assert ("USERNAME", "Mossbeard.12") in found


@pytest.mark.parametrize(
    "text",
    [
        "our team moved to python3 and the covid19 dashboard on the server",
        "server {\n  server_name example.org;\n  proxy_pass http://10.0.0.2;\n}",
        "[mysqld]\nmax_connections = 200\nis that too much for the team server?",
        "the team meets in room B12 at 10:30",
    ],
)
def test_settings_products_and_rooms_in_gaming_talk_are_no_handles(text):
    assert "[USERNAME]" not in redact(text).text


def test_a_word_listed_with_a_handle_stays_a_word():
    text = "invite frostmoth_7 and Daniel to the squad"
    assert ("USERNAME", "Daniel") not in _found(text)


# -- units, months and departments -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Simmer for 20 min. then add the basil",
        "Die Abgabe ist am 14. Sep. 2025 fällig",
        "Cheers,\nProcurement team",
    ],
)
def test_units_months_and_departments_are_not_people(text):
    assert "[PERSON]" not in redact(text).text


def test_a_person_signing_above_a_team_is_still_a_person():
    assert ("PERSON", "Maria") in _found("Cheers,\nMaria\nProcurement team")


# -- places and works named like people -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We spent a rainy week in Lincoln last spring.",
        "Quanto custa um café em Fátima?",
        "Does the outlet ship to Charlotte?",
        "Cheapest flights to Jordan in March?",
        "Any lounges at Preston station?",
        "Can you suggest books like Rebecca for a long flight?",
        "O meu clube de leitura quer livros parecidos com Heidi",
        "Who wrote Matilda? My niece loves it.",
        "The review moved to Thursday, room Aurora.",
        "Storm Ciarán took half the fence down",
    ],
)
def test_places_and_works_named_like_people_are_not_people(text):
    assert "[PERSON]" not in redact(text).text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We stayed in Ruby Hale's flat last spring.", "Ruby Hale's"),
        ("Can you ask Rebecca about the books?", "Rebecca"),
        ("I'm driving to Charlotte Brennan's place tonight", "Charlotte Brennan's"),
        ("Shipping to Sofia Stavrou, Tsimiski 53, 546 22 Thessaloniki", "Sofia Stavrou"),
        ("Who wrote to Matilda Grey about the invoice?", "Matilda Grey"),
    ],
)
def test_a_person_near_those_words_is_still_a_person(text, name):
    assert ("PERSON", name) in _found(text)
