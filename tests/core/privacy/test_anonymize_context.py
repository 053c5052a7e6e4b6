"""The detector on the phenomena issue 13 names: values found by their label or shape, whole."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in detect(text)]


def found(text: str, kind: str) -> list[str]:
    return [value for k, value in kinds(text) if k == kind]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Identity numbers without a check digit, introduced by a label or a cue.
        ("Driver's licence no: D39090044, valid until next year.", "D39090044"),
        ("Passport:\nXQUSVBP8", "XQUSVBP8"),
        ("my national insurance number is yj 97 18 40 c but", "yj 97 18 40 c"),
        ("Führerscheinnummer: 940211565441. Gilt der in der Schweiz?", "940211565441"),
        ("Mi CURP es QOEX022108HPEUSO33 y me llamo Ruby.", "QOEX022108HPEUSO33"),
        ("is 864 21 1076 a valid SSN?", "864 21 1076"),
    ],
)
def test_identity_numbers_named_by_their_label_are_found(text, value):
    assert value in found(text, "GOV_ID")


@pytest.mark.parametrize(
    "text",
    [
        "Nie wiem, czy 12345678 to dobry numer zamówienia.",  # "nie" is Polish for "not"
        "Order 55123987 was shipped; tracking 1Z999AA10123456784.",
        "The router is at 10.50.182.47, see the manual.",
    ],
)
def test_acronyms_that_are_words_and_order_numbers_are_not_ids(text):
    assert found(text, "GOV_ID") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Date of birth: the twenty-first of April 2003", "the twenty-first of April 2003"),
        ("fecha de nacimiento: ocho de marzo de 1957", "ocho de marzo de 1957"),
        ("né le vingt-trois mars 1977 à Lyon", "vingt-trois mars 1977"),
        ("urodziłam się dwudziestego pierwszego maja 1980", "dwudziestego pierwszego maja 1980"),
        ("a poem for Mihhail (born October fourteenth)", "October fourteenth"),
    ],
)
def test_birth_dates_in_words(text, value):
    assert found(text, "DATE_OF_BIRTH") == [value]


@pytest.mark.parametrize(
    "text",
    [
        "O prazo é 14 novembro.",
        "The meeting moved to 10 March 2026.",
        "La scadenza è il 20 luglio.",
    ],
)
def test_deadlines_are_not_birth_dates(text):
    assert found(text, "DATE_OF_BIRTH") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My gamer tag is raven_cactus36, we play on Fridays.", "raven_cactus36"),
        ("DB_USER=h.hoang\nDB_HOST=db.local", "h.hoang"),
    ],
)
def test_a_username_is_redacted_whole(text, value):
    redacted = "".join(
        "#" if any(e.start <= i < e.end for e in detect(text)) else c for i, c in enumerate(text)
    )
    assert value not in redacted
    assert not any(part in redacted for part in value.replace("_", ".").split(".") if part)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Bitte an Stefanie, IBAN PT89 7293 5202 2364 7816 523, danke.",
            "PT89 7293 5202 2364 7816 523",
        ),
        ("Przelew na konto LT72 5151 0132 1485 81.", "LT72 5151 0132 1485 81"),
    ],
)
def test_an_iban_introduced_as_one_counts_whatever_its_length(text, value):
    assert found(text, "IBAN") == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The street named after a person, the number after it, the city after the postcode.
        (
            "domicilio en Pasaje Ibán Sureda 73, 25527 Málaga, autorizo",
            "Pasaje Ibán Sureda 73, 25527 Málaga",
        ),
        ("mieszka ul. daszyńskiego 17, 56-407 reda jak", "ul. daszyńskiego 17, 56-407 reda"),
        ("ik woon op jillstraat 14 5861uc staphorst. mijn", "jillstraat 14 5861uc staphorst"),
    ],
)
def test_addresses_are_taken_whole(text, value):
    assert value in found(text, "STREET_ADDRESS")


@pytest.mark.parametrize(
    "text", ["A Rua Augusta é só para peões?", "quais lojas há na karl-marx-allee?"]
)
def test_a_street_named_without_a_number_stays(text):
    assert found(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dane: Bianka, bianka@example.com, tlf 10 96 99 88", "10 96 99 88"),
        ("tél. 689983396, merci", "689983396"),
    ],
)
def test_national_phone_numbers_without_country_code(text, value):
    assert found(text, "PHONE") == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wie tekent? Kaur.", "Kaur"),
        ("Quem assina? Cavalcanti.", "Cavalcanti"),
        ("¿A quién facturamos? A Casares.", "Casares"),
    ],
)
def test_the_short_answer_to_a_who_question_is_a_name(text, value):
    assert found(text, "PERSON") == [value]


@pytest.mark.parametrize(
    "text",
    ["Who is coming tonight? Nobody knows.", "Who is the best? Python.", "Who won? The blue team."],
)
def test_answers_that_are_words_stay(text):
    assert found(text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Steam: xLamaSunnyx / Epic: paperclip", "paperclip"),
        ("En Twitch soy egea-maxi.", "egea-maxi"),
        ("The account hapate64 was locked after 5 attempts.", "hapate64"),
    ],
)
def test_a_handle_named_by_its_platform(text, value):
    assert value in found(text, "USERNAME")


@pytest.mark.parametrize(
    "text", ["My user account is locked.", "I opened a Reddit account yesterday."]
)
def test_platform_words_alone_find_no_handle(text):
    assert found(text, "USERNAME") == []
