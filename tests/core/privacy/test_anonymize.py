from __future__ import annotations

import random

import pytest

from app.core.privacy.anonymize import (
    ENTITY_TYPES,
    Entity,
    Pseudonymizer,
    StreamRestorer,
    Vault,
    detect,
    redact,
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in detect(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail me at anna.kowalska92@wp.pl.", [("EMAIL", "anna.kowalska92@wp.pl")]),
        ("Card 4111 1111 1111 1111 please", [("CREDIT_CARD", "4111 1111 1111 1111")]),
        (
            "IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX",
            [("IBAN", "DE89 3704 0044 0532 0130 00")],
        ),
        (
            "ssh from 203.0.113.7 and 2001:db8::1a2f",
            [("IP_ADDRESS", "203.0.113.7"), ("IP_ADDRESS", "2001:db8::1a2f")],
        ),
        ("Ruf mich an: 0151 23456789", [("PHONE", "0151 23456789")]),
        ("Mój PESEL: 44051401359", [("GOV_ID", "44051401359")]),
        ("Ich bin am 12.03.1985 geboren.", [("DATE_OF_BIRTH", "12.03.1985")]),
        ("follow @jdoe_92 for more", [("USERNAME", "@jdoe_92")]),
        (
            "profile: https://www.linkedin.com/in/jane-doe-123",
            [("URL", "https://www.linkedin.com/in/jane-doe-123")],
        ),
        (
            "Ich wohne in der Hauptstraße 5, 10115 Berlin.",
            [("STREET_ADDRESS", "Hauptstraße 5, 10115 Berlin")],
        ),
        ("My name is Siobhán O'Donnell.", [("PERSON", "Siobhán O'Donnell")]),
        (
            # A compound street type the address pre-check once left out.
            "We moved to Vondelplantsoen 12, 1054 GA Amsterdam.",
            [("STREET_ADDRESS", "Vondelplantsoen 12, 1054 GA Amsterdam")],
        ),
    ],
)
def test_each_type_is_found_with_its_exact_span(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Order #88213409 and tracking 1Z 999 AA1 01 2345 6784 arrived.",
        "Upgrade from Python 3.11.7 to 3.12.1 broke my build.",
        "The book ISBN 978-3-16-148410-0 costs $24.99.",
        "Who was Napoleon Bonaparte and why was he exiled?",
        "Explain the Reformation and the role of Martin Luther.",
        "Will it rain tomorrow? Hope so. Mark the date.",
        "In SQL, how do I model a many-to-many relationship?",
        "@dataclass\nclass User:\n    name: str\n",
        "Localhost is 127.0.0.1 and the docs are at https://docs.python.org/3/",
    ],
)
def test_decoys_and_public_figures_are_left_alone(text):
    assert detect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Codes of letters and digits after a word naming a code (issue 13, anon25).
        "The serial number is SN7Q2K88421 on the back of the router.",
        "Meine Buchungsnummer ist XK4P9Q, wie storniere ich online?",
        "Nella bolletta c'è il codice POD IT001E55501234, cosa significa?",
        "Albarán 123-4567\nArtículo: ZK00418\nUnidades: 12",
        "Encomenda n.º 81234-PT ainda não chegou",
        "pls help, model c7731 on the box ty",
        # A list of emergency numbers read as an address.
        "hätänumero 112, myrkytystietokeskus 116 117",
    ],
)
def test_codes_after_a_code_word_are_no_identity_numbers(text):
    assert [k for k, _ in kinds(text)] == []


def test_an_identity_number_after_an_id_word_is_still_found():
    text = "Mein Reisepass C01X00T47 ist abgelaufen"
    assert ("GOV_ID", "C01X00T47") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # Form and textbook placeholders (issue 13, third pass).
        "Muster:\nName: Erika Mustermann\nSteuer-ID: 00 000 000 000\nTel.: 0123 456789",
        "Example SSN: 000-00-0000, or the textbook's 123-45-6789.",
        "Adres: Voorbeeldstraat 1, 1234 AB Voorbeeldstad",
        "IBAN: DE00 0000 0000 0000 0000 00 (placeholder)",
        "Write to user@example.com for the demo.",
        # Brands named after people, public figures asked about, nationalities.
        "Does Tommy Hilfiger still belong to its founder?",
        "Wendy's and Marks & Spencer shares fell in 2019, why?",
        "Quando è nato Václav Havel? È per la scuola.",
        "Welche Bücher hat Olga Tokarczuk geschrieben?",
        "I am Norwegian and it is my first visit to Porto.",
        # Partners' names before a company form, shops named after their owner.
        "Brambilla, Ostuni e Zanella s.r.l. apre una sede a Torino.",
        "Verhaegen, Van Acker en Peeters CommV zoekt een stagiair.",
        "Is Rosie's Bakery Ltd still open on Sundays?",
        "Scrivi un post per la Trattoria da Gino.",
        "Qual é o horário da Teixeira e Filhos?",
        "@pytest.fixture or @use: what do they do?",
        "Was war das Besondere an Pablo Picassos Malerei?",
        "Beschwerde an Tierschutzverein Hofbauer e.V. schreiben",
        # Broadcast addresses, localhost with a port, versions that look like addresses.
        "broadcast 192.168.1.255 and redis://::1:6379/0 on my laptop",
        'The notes say "fixed in 10.4.2.1", am I affected?',
        # Goods and parcel numbers, log timestamps.
        "Label for EAN 4006381333931 will not print.",
        "Parcel AWB 1ZA8F2940312948217 is late.",
        "14/03/2026 09:12:44 WARN disk almost full",
    ],
)
def test_placeholders_brands_and_goods_numbers_are_left_alone(text):
    assert detect(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same cues leave real values alone no more than before.
        ("Signor Ferrari ha chiamato ieri.", [("PERSON", "Ferrari")]),
        ("Write to tomoyamurakami@example.com", [("EMAIL", "tomoyamurakami@example.com")]),
        ("SSN: 536-22-8714", [("GOV_ID", "536-22-8714")]),
        ("Call me on 0151 23456789 tomorrow", [("PHONE", "0151 23456789")]),
        # A street named after a public figure is still an address; the city's last part.
        (
            "Wir wohnen Hauptstraße 5, 60311 Frankfurt am Main.",
            [("STREET_ADDRESS", "Hauptstraße 5, 60311 Frankfurt am Main")],
        ),
        # A made-up card or IBAN under its label, on the line below it.
        ("Payment card\n4508 0429 1209 0565", [("CREDIT_CARD", "4508 0429 1209 0565")]),
        ("Konto / IBAN\nNL64QGPT2154969171", [("IBAN", "NL64QGPT2154969171")]),
        ("Ask Anna Schmidt AS soon as you can", [("PERSON", "Anna Schmidt")]),
        (
            "I met Anna, Tom and Maria at the bar.",
            [("PERSON", "Anna"), ("PERSON", "Tom"), ("PERSON", "Maria")],
        ),
    ],
)
def test_real_values_next_to_placeholder_cues_are_still_found(text, expected):
    assert kinds(text) == expected


def test_redaction_uses_typed_placeholders_and_original_offsets():
    text = "Hi, I'm Grace Kowalski, call 0151 23456789."
    result = redact(text)
    assert result.text == "Hi, I'm [PERSON], call [PHONE]."
    assert [text[e.start : e.end] for e in result.entities] == ["Grace Kowalski", "0151 23456789"]
    assert all(e.type in ENTITY_TYPES for e in result.entities)
    assert result.entities[0].to_dict() == {"type": "PERSON", "start": 8, "end": 22}


def test_entities_never_overlap_and_come_in_order():
    text = "Write to Anna Schmidt <anna.schmidt@gmx.de> at Lindenstraße 3, 04109 Leipzig."
    entities = detect(text)
    assert [e.type for e in entities] == ["PERSON", "EMAIL", "STREET_ADDRESS"]
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:], strict=False))


def test_pseudonyms_are_stable_within_a_conversation_and_restored():
    pseudonymizer = Pseudonymizer()
    first = pseudonymizer.pseudonymize("Ask Maria Lopez (maria.lopez@gmail.com) about Tom.")
    second = pseudonymizer.pseudonymize("Did Maria Lopez answer? Tom did.")
    assert first == "Ask [PERSON_1] ([EMAIL_1]) about [PERSON_2]."
    assert second == "Did [PERSON_1] answer? [PERSON_2] did."
    assert pseudonymizer.vault.restore(second) == "Did Maria Lopez answer? Tom did."
    assert pseudonymizer.vault.restore("[PERSON_9] is unknown") == "[PERSON_9] is unknown"


def test_vault_survives_a_round_trip_through_its_items():
    pseudonymizer = Pseudonymizer()
    pseudonymizer.pseudonymize("Ask Maria Lopez and Tom.")
    vault = Vault.from_items(pseudonymizer.vault.items())
    assert vault.restore("[PERSON_2] and [PERSON_1]") == "Tom and Maria Lopez"
    assert vault.placeholder_for("PERSON", "Ana") == "[PERSON_3]"
    with pytest.raises(ValueError, match="not a placeholder"):
        Vault.from_items({"PERSON_1": "x"})


@pytest.mark.parametrize("seed", range(20))
def test_stream_restorer_handles_placeholders_split_across_chunks(seed):
    vault = Vault()
    person = vault.placeholder_for("PERSON", "Zoë Ó Briain")
    address = vault.placeholder_for("STREET_ADDRESS", "12 Elm Street")
    reply = f"Dear {person}, your parcel goes to {address} [sic] [1] and {person}."
    expected = "Dear Zoë Ó Briain, your parcel goes to 12 Elm Street [sic] [1] and Zoë Ó Briain."
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, len(reply)), 8))
    chunks = [reply[a:b] for a, b in zip([0, *cuts], [*cuts, len(reply)], strict=True)]
    restorer = StreamRestorer(vault)
    shown = "".join(restorer.feed(chunk) for chunk in chunks) + restorer.flush()
    assert shown == expected


def test_stream_restorer_never_shows_half_a_placeholder():
    vault = Vault()
    vault.placeholder_for("PERSON", "Ana")
    restorer = StreamRestorer(vault)
    assert restorer.feed("Hello [PER") == "Hello "
    assert restorer.feed("SON_1]!") == "Ana!"
    assert restorer.feed(" [unfinished") == " [unfinished"
    assert restorer.flush() == ""


@pytest.mark.parametrize(
    ("tail", "held"),
    [
        ("[", True),
        ("[p", True),
        ("[Street_Addr", True),
        ("[STREET_ADDRESS_", True),
        ("[street_address_12", True),
        ("[Email_1", True),
        ("[sic", False),
        ("[PERSONA", False),
        ("[PERSON_1x", False),
        ("[PERSON_-1", False),
        ("[1", False),
    ],
)
def test_stream_restorer_holds_back_only_what_may_become_a_placeholder(tail, held):
    vault = Vault()
    vault.placeholder_for("STREET_ADDRESS", "12 Elm Street")
    restorer = StreamRestorer(vault)
    shown = restorer.feed("Go to " + tail)
    assert restorer.holding is held
    assert shown == ("Go to " if held else "Go to " + tail)
    assert shown + restorer.feed("]") + restorer.flush() == "Go to " + tail + "]"


def test_stream_restorer_restores_in_text_that_is_not_ascii():
    vault = Vault()
    person = vault.placeholder_for("PERSON", "Zoë Ó Briain")
    restorer = StreamRestorer(vault)
    pieces = ["Grüße an ", person[:4].lower(), person[4:].lower(), " – ", person, " 👋"]
    shown = "".join(restorer.feed(piece) for piece in pieces) + restorer.flush()
    assert shown == "Grüße an Zoë Ó Briain – Zoë Ó Briain 👋"


def test_a_vault_never_shows_its_values_in_its_repr():
    vault = Vault()
    vault.placeholder_for("EMAIL", "anna@example.org")
    assert "anna" not in repr(vault)
    assert len(vault) == 1


def test_entity_is_a_plain_value():
    assert Entity("EMAIL", 1, 5) == Entity("EMAIL", 1, 5)
    assert redact("").text == ""
