"""Address blocks completed over street types, flats, floors and postcode lines; labels."""

from __future__ import annotations

import pytest

from app.core.privacy.address_rules import label_addresses
from app.core.privacy.anonymize import detect, redact


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # Hungarian, postcode first, with floor and door
        ("küldd ide: Kiss Anna, 4008 Debrecen, Dózsa György utca 23. 1. em. 1.", ["4008", "em"]),
        ("Is the format '1068 Győr, Borsodmártoni út 20 fszt. 2' right?", ["1068", "fszt", "2'"]),
        ("Cím:\n1052 Budapest, Váci utca 12. 3. em. 5.", ["1052", "Váci", "em"]),
        # Turkish, with a district after a slash written with a combining dot
        (
            "my ex gets mail at caferağa mah. gazi cad. no: 12 d: 8 34710 kadıköy/i̇stanbul ok",
            ["34710", "stanbul"],
        ),
        # Romanian block, staircase and flat
        (
            "adresa Str. Victoriei nr. 10, bl. A2, sc. 1, ap. 12, 010061 București",
            ["Victoriei", "A2", "010061", "București"],
        ),
        # Cyrillic: Bulgarian floors and flats, Ukrainian postcode and city before the street
        (
            "Deliver to: Ivan. бул. Христо Ботев 6, ет. 8, ап. 19, 4000 Пловдив\nThanks",
            ["Ботев", "ет", "4000", "Пловдив"],
        ),
        (
            "Hi, I'm from 61000, м. Харків, вул. Шевченка, 3, need a letter",
            ["61000", "Харків", "Шевченка"],
        ),
        # Czech prepositions opening a street name
        (
            "moje nová adresa je Nad Zátiším 883/4, 141 70 Praha, jak to nahlásím?",
            ["Nad", "141", "Praha"],
        ),
        ("Adresa:\nPod Letištěm 140/4", ["Pod", "140"]),
        # Spanish street types before a name read as a person
        (
            "Nos mudamos a Cuesta Azahar Becerra, 37, bajo, 28064 Madrid, ¿a quién aviso?",
            ["Cuesta", "Azahar", "bajo", "28064"],
        ),
        # the postcode and city line under the street line
        (
            "Livraison :\nJean Roux\n96 boulevard Blondel, appt 14\n75009 Paris",
            ["appt", "75009", "Paris"],
        ),
        ("c/o Familie Hoffmann\nAm Mühlbach 7\n52066 Aachen", ["Mühlbach", "52066", "Aachen"]),
        ("Adres:\nMickiewicza 1\n31-042 Kraków", ["Mickiewicza", "31-042"]),
        # Baltic and Japanese postcodes, the street before a postcode on its line
        (
            "hey is Krišjāņa Barona iela 49 k-2, Rīga, LV-1011 in a flood zone?",
            ["Barona", "LV-1011", "1011"],
        ),
        ("she lives in 530-0001 Osaka, Kita-ku, Umeda 2-7-12. What do I write?", ["530", "Umeda"]),
        ("new addy is Raekoja 19-22 04295 Tallinn come by!!", ["Raekoja", "04295"]),
        # Greek script
        ("we moved to Μελίσσης 93, 159 49 Αθήνα last week", ["Μελίσσης", "159", "Αθήνα"]),
        # a floor before the street
        ("Deliver to: 4th Floor, 143, MG Road, Kolkata 700057\nContact: me", ["4th", "700057"]),
    ],
)
def test_the_whole_block_is_redacted(text, left):
    out = redact(text).text
    assert "[STREET_ADDRESS]" in out
    assert not any(part in out for part in left), out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Address:\nFlat 3, 12 Rosemary Lane\nYork YO1 7HH",
            "Flat 3, 12 Rosemary Lane\nYork YO1 7HH",
        ),
        (
            "- address: 3rd Floor, 7, Koramangala 5th Block, Hyderabad - 500093",
            "3rd Floor, 7, Koramangala 5th Block, Hyderabad - 500093",
        ),
        ('Dirección: "Calle Mayor 5, 28013 Madrid"', "Calle Mayor 5, 28013 Madrid"),
    ],
)
def test_an_address_under_or_after_its_label(text, value):
    found = [text[s:e] for kind, s, e in label_addresses(text) if kind == "STREET_ADDRESS"]
    assert found == [value]


@pytest.mark.parametrize(
    "text",
    [
        "IP address: 10.0.0.12",
        "Email address: see below",
        "Address:\nto be confirmed",
        "Address: 10 Downing Street",
    ],
)
def test_labels_without_an_address_find_nothing(text):
    assert label_addresses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Is Nad Hradem a nice area of Prague?",
        "We walked along Váci utca and then took tram 2 to the river.",
        "Wie ist die Stimmung in der Bergerstraße am Abend?",
        "Der Brief ging an die Hausverwaltung, danke.",
        "Ist Chopins Politik heute noch ein Thema?",
        "Meet me at 10 Downing Street for the tour, gate opens 9:30.",
        "Order 4711 ships from our 12345 warehouse on Monday.",
        "De Dam is geen adres, maar een plein in Amsterdam.",
    ],
)
def test_pii_free_text_comes_back_unchanged(text):
    assert redact(text).text == text


def test_the_tail_stops_at_words_that_are_not_the_city():
    text = "envia a Berthof 135 - 2734 Julémont bedankt en tot ziens"
    assert redact(text).text.endswith("] bedankt en tot ziens")


def test_an_initial_before_a_named_street_is_not_taken_as_a_street_type():
    text = "C. Rose, Kastanienallee 88a\n70173 Stuttgart"
    blocks = [text[e.start : e.end] for e in detect(text) if e.type == "STREET_ADDRESS"]
    assert blocks == ["Kastanienallee 88a\n70173 Stuttgart"]
