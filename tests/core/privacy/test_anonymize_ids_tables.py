"""Issue 13, sixth pass: ids told around their cue, table columns, logins, birthdays, decoys."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect, redact


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in detect(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The value before its cue, a few words apart.
        ("Is QK7730215 a valid passport number in Ireland?", "QK7730215"),
        ("o 50123987 é um número do CC válido?", "50123987"),
        ("T88401277, c'est mon numéro de CNI ?", "T88401277"),
        # Few digits under a label; lower case in a lower-case message.
        ("Meine Reisepassnummer lautet KTWQZL3R8, reicht das?", "KTWQZL3R8"),
        ("mijn paspoortnummer is nx3kq8pl2, klopt dat", "nx3kq8pl2"),
        ("RUT 14.552.903-K para la factura", "14.552.903-K"),
        # Swiss AHV and Belgian national numbers by their own formats.
        ("AHV-Nummer bitte: 756.1234.5678.97", "756.1234.5678.97"),
        ("mijn rijksregisternummer 85.07.30-033.61", "85.07.30-033.61"),
    ],
)
def test_identity_numbers_told_around_their_cue_are_found(text, value):
    assert ("GOV_ID", value) in _found(text)


def test_ids_listed_after_a_labelled_one_are_found_too():
    text = "Die Steuernummer von Tom ist K552019374, die von Ute R118230947."
    found = _found(text)
    assert ("GOV_ID", "K552019374") in found
    assert ("GOV_ID", "R118230947") in found


def test_an_order_number_before_an_id_word_stays():
    assert "48213377" in redact("Order 48213377 is not my passport, is it?").text


def test_values_under_a_table_header_take_its_columns_type():
    text = "name;geburtsdatum;handy;pass\nLena Brix;1988.04.17;0 176 220 31 45;KX19Q82P4"
    found = _found(text)
    assert ("DATE_OF_BIRTH", "1988.04.17") in found
    assert ("PHONE", "0 176 220 31 45") in found
    assert ("GOV_ID", "KX19Q82P4") in found


def test_a_table_without_such_columns_is_left_alone():
    text = "sku,qty,price\nAB-1203,4,19.90\nCD-2281,1,5.00"
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("why does sshd refuse mkowal88@10.20.0.7 with a key?", "mkowal88"),
        ("PWD=/home/okafor_d ; USER=root", "okafor_d"),
        ("he goes by brisk_otter on twitch", "brisk_otter"),
        ("Op Steam ben ik moonfarer77.", "moonfarer77"),
        ("mój nick w grze: kwazar_9", "kwazar_9"),
    ],
)
def test_logins_given_in_context_are_found(text, value):
    assert ("USERNAME", value) in _found(text)


def test_a_birthday_told_by_the_age_reached_is_found():
    assert ("DATE_OF_BIRTH", "14/03") in _found("my aunt turns 70 on 14/03, help with a toast")


def test_an_anniversary_with_a_recent_year_is_not_a_birthday():
    text = "The shop turns 25 on 2 June 2027, plan a party."
    assert not any(kind == "DATE_OF_BIRTH" for kind, _ in _found(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hallo, Rechnung 2291 ist doppelt gebucht. Danke!",
        "Ciao, Treno delle 7.40 soppresso?",
        "Compare Moretti Costruzioni and Kowalczyk Transport as employers.",
        "Is Novak i Wspólnicy a law firm?",
        "Should I call 112 or 118 after a crash?",
        "Who really lives at 742 Evergreen Terrace?",
        "Qui habite au 55 rue du Faubourg-Saint-Honoré ?",
        "Is Maeve a popular name in Ireland?",
        "Porque se usa Joana Matos como exemplo?",
    ],
)
def test_words_after_greetings_trades_and_emergency_numbers_are_kept(text):
    assert redact(text).text == text


def test_a_name_after_a_greeting_is_still_a_name():
    assert redact("Hallo, Wiebke, kommst du morgen?").text == "Hallo, [PERSON], kommst du morgen?"
