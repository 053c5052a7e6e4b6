"""Structured types of issue 13's fourth pass: labels above, table columns, odd spacing."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect
from app.core.privacy.patterns import find_structured, number_decoy


def _rules(text: str) -> list[tuple[str, str]]:
    """What the structured rules alone find (the tagger would hide a rule's miss)."""
    return [(kind, text[a:b]) for kind, a, b in find_structured(text, frozenset(), frozenset())]


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in detect(text)]


# -- phone numbers ----


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Kontakt\nTelefon:\n5123 4567\nE-Mail: folgt", "5123 4567"),  # the label above
        ("Fiche contact\nPhone number:\n2412 3456", "2412 3456"),
        ('Name,Address,Phone\nA. Lund,"Storgata 3, 0155 Oslo",412 34 567', "412 34 567"),
        ("BEGIN:VCARD\nTEL;TYPE=CELL:030 1234567\nEND:VCARD", "030 1234567"),  # a field's colon
        ("Ilze Ozola\n2412 3456 | ilze.ozola@inbox.lv", "2412 3456"),  # beside an e-mail
        ("(sanna.virtanen@posteo.fi, 2412 3456) applied too", "2412 3456"),
        ("the landlord gave me 2412 3456, is that a mobile?", "2412 3456"),  # a phone word after
        ("Põe 2412 3456 em formato internacional", "2412 3456"),
        ("Geral 2412 3456, extensão 12, falar com a Rita", "2412 3456"),
        ("helista mulle 5123 4567", "5123 4567"),
        ("Το νέο μου κινητό: 5123 4567", "5123 4567"),
        ("Contacts:\n- Priya: 98765-43210", "98765-43210"),
        ("Phone #: (808) 555-0142", "(808) 555-0142"),
        ("teléfono de atención al cliente 912 345 678, ¿es gratuito?", "912 345 678"),
    ],
)
def test_national_numbers_introduced_as_phones(text, number):
    assert ("PHONE", number) in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "the account number on the statement is 041204791853, which one do I use",
        "my booking number is 4417820931, hotel in Lisbon",
        "Kur ir mana paka? Izsekošanas numurs 713271445619, pasūtījums 9534329595.",
        "Klantenservice, toestel 12, ordernummer 91972146",
        "logging this:\n2025/02/18 07:00:01 [notice] signal process started\n2025/02/18 07:00:02",
        "My Flask app runs on 127.0.0.1:5000 but I can't reach it from my phone.",
        "SIREN 732 829 321 – c'est quoi la différence avec SIRET ?",
    ],
)
def test_account_order_and_company_numbers_are_no_phone_numbers(text):
    assert not [value for kind, value in _rules(text) if kind == "PHONE"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Is 210 320 divisible by 3?", "210 320"),
        ("hoeveel is 777 800 gedeeld door 5", "777 800"),
        ("Is 116 123 the Samaritans number?", "116 123"),
        ("my booking number is 4417820931", "4417820931"),
    ],
)
def test_numbers_the_tagger_finds_in_sums_short_numbers_and_bookings_are_decoys(text, number):
    start = text.index(number)
    assert number_decoy(text, start, start + len(number))


def test_a_phone_number_stays_one_for_the_tagger_check():
    text = "ring me on 0612 345 678 tonight"
    start = text.index("0612")
    assert not number_decoy(text, start, start + len("0612 345 678"))


# -- cards and IBANs ----


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("my card 4532 - 0151 1283 0366 got declined", "4532 - 0151 1283 0366"),
        ("Kaart 4532 015 112 830 366 lükati tagasi", "4532 015 112 830 366"),  # odd groups
        ("kort 5425 2334 3010 9904 nekades", "5425 2334 3010 9904"),
        ("help ik heb mijn creditcardnummer 5425233430109904 gedeeld", "5425233430109904"),
        ("My Maestro card 6759 6498 2640 got declined", "6759 6498 2640"),
    ],
)
def test_cards_spaced_oddly_or_named_in_more_languages(text, number):
    assert ("CREDIT_CARD", number) in _rules(text)


def test_odd_groups_without_a_card_word_are_no_card():
    assert not [k for k, _ in _rules("see 4532 015 112 830 366 on the slip") if k == "CREDIT_CARD"]


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        (
            "Proszę przelać na PL61-1090-1014-0000-0712-1981-2874, tytułem F/1",
            "PL61-1090-1014-0000-0712-1981-2874",
        ),
        ("IBAN (from the pdf): DE4 4500105 1754 07324931", "DE4 4500105 1754 07324931"),
        (
            "coordinate\nit 60 x 05428 11101 000000123456\nsono giuste?",
            "it 60 x 05428 11101 000000123456",
        ),
        ("nr konta 61 1090 1014 0000 0712 1981 2874 – bez PL", "61 1090 1014 0000 0712 1981 2874"),
        ("Transfer to K. Berg, IBAN NO81577939013.", "NO81577939013"),
    ],
)
def test_ibans_with_odd_spacing_dashes_or_no_country(text, iban):
    assert ("IBAN", iban) in _rules(text)


def test_a_vat_number_is_no_short_iban_even_with_an_iban_elsewhere():
    text = "VAT reg. DE244709810\nPay to IBAN DE44 5001 0517 5407 3249 31"
    assert ("IBAN", "DE244709810") not in _rules(text)


# -- IP addresses ----


@pytest.mark.parametrize(
    ("text", "ip"),
    [
        ("ftp://kai@192.168.2.76/uploads doesn't open", "192.168.2.76"),
        ("Parse this Apache line in Python: 84.92.117.203 - bob [10/Oct", "84.92.117.203"),
    ],
)
def test_hosts_in_urls_and_after_a_colon(text, ip):
    assert ("IP_ADDRESS", ip) in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "allow ssh only from 10.0.0.0/8.",
        "our office network fd00::/8 returns 403",
        "the IP looking thing 2.4.18.1 is just a version right?",
        "Depuis la mise à jour 16.2.17.231 l'appli plante.",
    ],
)
def test_networks_and_versions_are_no_hosts(text):
    assert not [k for k, _ in _rules(text) if k == "IP_ADDRESS"]


# -- identity numbers ----


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tenant 2: Lena Roth, ID card no. TRB 620471", "TRB 620471"),  # a series of three
        ("numer dowodu osobistego: kpw 310784. gdzie go wpisać?", "kpw 310784"),
        ("Versichertennummer: QLM 418203\nBitte eintragen", "QLM 418203"),
        ('{"patient": "K. Aho", "national_id": "M7261049", "birth_date": "1990"}', "M7261049"),
        ("Ja,\nlegitymujący się dowodem\nRTW 530216\nupoważniam", "RTW 530216"),
        ("Ο αριθμός ταυτότητας μου είναι ΑΚ 530216, τον χρειάζεται;", "ΑΚ 530216"),
        ("mijn id-kaartnummer is qt7r2pn4h, heeft de werkgever dat nodig?", "qt7r2pn4h"),
        ("le site refuse mon numéro de carte d'identité KXQWZPRTV, pourquoi ?", "KXQWZPRTV"),
        ("Dzień dobry, WKT 310577 to mój seria i numer dowodu", "WKT 310577"),
        ("¿K371-552-18-204-6 es un número de licencia de conducir válido?", "K371-552-18-204-6"),
        ("ni no. kc 41 27 08 b, tax code 1257l", "kc 41 27 08 b"),
        ("my ni is rt 52 19 07 c", "rt 52 19 07 c"),
        ("PESEL\n4 4 0 5 1 4 0 1 4 5 8\n(ze spacjami)", "4 4 0 5 1 4 0 1 4 5 8"),
        ("they asked for my pan over the phone, i gave them bqzpk4417m. scam?", "bqzpk4417m"),
        ("Il CAF vuole il codice fiscale. Eccolo: RSSMRA80A01H501X", "RSSMRA80A01H501X"),
        ("soc sec # 545 82 3317", "545 82 3317"),
    ],
)
def test_identity_numbers_by_label_series_or_shape(text, value):
    assert ("GOV_ID", value) in _rules(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("ni no. CY715100C, tax code 1257L - why is my tax so high?", "1257L"),
        ("PASSPORT NUMBER EXPIRED, what now?", "EXPIRED"),
        ("ID CARD CANCELLED", "CANCELLED"),
    ],
)
def test_tax_codes_and_capital_words_are_no_ids(text, kept):
    assert kept not in [value for kind, value in _rules(text) if kind == "GOV_ID"]


def test_a_finnish_identity_code_with_its_check_letter_in_lower_case():
    assert ("GOV_ID", "031162-020e") in _found("onko 031162-020e oikea hetu?")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("die Behörde fragt nach der Nummer auf der Karte. Hier: T4K2QR98178 danke", True),
        ("They asked for the number on my card. Here it is: RDQH704147CC3BU", True),
        ("policy number on the card is HX-220-9931, is that the group number?", False),
    ],
)
def test_the_number_on_an_office_card_is_an_id_but_not_a_policy_number(text, found):
    assert bool([v for k, v in _rules(text) if k == "GOV_ID"]) is found


# -- issue 13, fourteenth pass (anon28) ----


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("call me on o176 2044 7710 tonight", "o176 2044 7710"),  # the letter O for zero
        ("my office: O20 7946 0958", "O20 7946 0958"),
        ("from the US dial 011 44 20 7946 0958", "011 44 20 7946 0958"),  # US exit code
        ("011-49-30-23125000 is the Berlin office", "011-49-30-23125000"),
        ("Sími: 5512345", "5512345"),  # Iceland's seven digits
    ],
)
def test_phone_numbers_typed_with_o_dialled_from_the_us_or_icelandic(text, number):
    assert ("PHONE", number) in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Permit number: O50468275",  # a document number that begins with the letter O
        "hey, my NI number is O907-0606-4687, do I need it?",
        "order o176 2044 7710",
        "o2 tariff 2024 ok",
    ],
)
def test_document_numbers_and_orders_with_an_o_are_no_phones(text):
    assert not [value for kind, value in _rules(text) if kind == "PHONE"]
