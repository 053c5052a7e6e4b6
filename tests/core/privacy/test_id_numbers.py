"""Identity numbers of more countries: python-stdnum's check digits and more document cues."""

from __future__ import annotations

import pytest
from stdnum.ee import ik
from stdnum.ro import cnp
from stdnum.tr import tckimlik

from app.core.privacy.anonymize import detect, redact
from app.core.privacy.id_numbers import _one_slip, _taj


def _with_check(prefix: str, calc) -> str:
    return prefix + str(calc(prefix))


# Valid numbers built with python-stdnum's own check-digit functions, so that the tests do
# not depend on numbers copied from anywhere.
TC = _with_check("387651245", tckimlik.calc_check_digits)
CNP = _with_check("196031523456", cnp.calc_check_digit)
# ee.ik's calc_check_digit reads the whole number and ignores its last digit.
ISIKUKOOD = "4900312234" + ik.calc_check_digit("4900312234" + "0")


def test_the_built_numbers_are_valid():
    assert tckimlik.is_valid(TC) and cnp.is_valid(CNP) and ik.is_valid(ISIKUKOOD)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a valid number after a document word of the country, in its own language
        (f"TC Kimlik No: {TC}, lütfen kontrol edin", TC),
        (f"mein türkischer kimlik numaram {TC}", TC),
        (f"Codul numeric personal (CNP) al mamei: {CNP}.", CNP),
        (f"Isikukood {ISIKUKOOD} – kas see on õige?", ISIKUKOOD),
        # a valid number with a birth date and check digits needs no cue in a shape of its own
        (f"what does the first part of {ISIKUKOOD} mean?", ISIKUKOOD),
        # numbers without a check digit, next to a document word
        ("- nip: 418-849-66-12\n- imię: Ola", "418-849-66-12"),
        ("New Zealand IRD 52-318-447, needed for the new job?", "52-318-447"),
        ("il portale rifiuta il cie n. ct23158jq", "ct23158jq"),
        ("numer karty pobytu: Z1RZ89L0U", "Z1RZ89L0U"),
        ("system odrzuca numer karty pobytu RWMWMH6WX, dlaczego?", "RWMWMH6WX"),
        ("residence card no.\nYWTN87FHD\nexpiry 03/2028", "YWTN87FHD"),
        ("mon NIR 2 94 03 75 118 042 21 est refusé", "2 94 03 75 118 042 21"),
        ("| field | value |\n|---|---|\n| aadhar no | 7183 3906 3126 |", "7183 3906 3126"),
        ("South African ID 8805125809087, where is the birth date in it?", "8805125809087"),
        # a document word with one slip, and the value before it
        ("I put CZJXGM76B as psasport no. but the portal rejects it.", "CZJXGM76B"),
        ("Driving licennce no.\n764173661", "764173661"),
        # the Portuguese citizen card, with or without a cue
        ("meu número do cc: 81916912 4 2j6 obrigada!", "81916912 4 2j6"),
        ("Aqui está: 92066383 6 W14", "92066383 6 W14"),
        # two lines under its label, below a sub-label
        ("Documento de identificação\nNúmero\n04725758 9 PC7\nValidade 2030", "04725758 9 PC7"),
        # a table whose header follows a sentence on its line
        ("Anyway, name;passport number;city\nAnn Lee;GCJZDQSU8;Leeds", "GCJZDQSU8"),
    ],
)
def test_identity_numbers_are_redacted(text, value):
    out = redact(text).text
    assert not any(part in out for part in value.split()), out


@pytest.mark.parametrize(
    "text",
    [
        "my order ID 12345678 is late",
        "package ID 3SABCD1234567 shows delivered but nothing came",
        "paket-ID JVGL0012345678901234 zeigt zugestellt",
        "moje zamówienie re985499 nie dotarło, numer przesyłki 00340553620443165491.",
        "po aktualizacji do v12.20.5 aplikacja się nie uruchamia",
        "Invoice 2025-0042 for 1.234,50 EUR is due on 12/03/2026.",
        "How do I renew my passport before a trip in 2027?",
        "The app says 000-00-0000 is only a sample number.",
        "Flight LH 1234 leaves at 10:45, seat 23C, booking 7XK9QP.",
    ],
)
def test_goods_dates_and_company_numbers_are_not_ids(text):
    assert redact(text).text == text


def test_a_value_inside_an_address_is_not_taken_for_an_id():
    text = "TC Kimlik var. Adresim: Bağdat Cad. No:45 D:3, 34710 Kadıköy/İstanbul"
    found = [(e.type, text[e.start : e.end]) for e in detect(text)]
    assert found == [("STREET_ADDRESS", "Bağdat Cad. No:45 D:3, 34710 Kadıköy/İstanbul")]


def test_one_slip_and_the_hungarian_taj():
    assert _one_slip("psasport", "passport")
    assert _one_slip("licennce", "licence")
    assert _one_slip("pasport", "passport")
    assert not _one_slip("support", "passport")
    # TAJ: weights 3 and 7 over the first eight digits, mod 10
    digits = "12345678"
    check = sum(int(d) * (3 if k % 2 == 0 else 7) for k, d in enumerate(digits)) % 10
    assert _taj(digits + str(check))
    assert not _taj(digits + str((check + 1) % 10))


def test_a_capital_code_is_an_id_only_under_an_id_columns_header():
    # The rule decides here, not the tagger: under "passport number" the code is an id
    # whatever the model makes of it, and under another header the same rule takes nothing.
    from app.core.privacy.id_numbers import id_numbers

    row = "\nAnn Lee;GCJZDQSU8;Leeds"
    taken = id_numbers("Anyway, name;passport number;city" + row)
    assert [s for s in taken if s[0] == "GOV_ID"] == [("GOV_ID", 42, 51)]
    assert not [s for s in id_numbers("Anyway, name;team code;city" + row) if s[0] == "GOV_ID"]
