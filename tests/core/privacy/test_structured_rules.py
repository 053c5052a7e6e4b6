"""Structured rules of the ninth pass: national phones, IBAN shapes, birth dates, handles."""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect, redact
from app.core.privacy.patterns import find_structured


def _found(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start : e.end]) for e in detect(text)]


# -- phone numbers ----


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2. Tove Lind – tove.lind@mail.no – 917 204 338", "917 204 338"),  # not "no" + number
        ("our plumber, 61 3457-2280, comes on Friday", "61 3457-2280"),  # Brazil, no brackets
        ("the Vilnius office (8 5) 212 3456 answers in English", "(8 5) 212 3456"),
        ("why does 8 (916) 204-17-33 keep ringing me", "8 (916) 204-17-33"),
        ("puedes llamarme al fijo 956 21 43 87", "956 21 43 87"),
        ("me puedes localizar en el 688201377 mañana", "688201377"),
        ("Festnetz 0049/30221144, mobil später", "0049/30221144"),
    ],
)
def test_national_numbers_without_a_country_code(text, number):
    assert ("PHONE", number) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Season 14 2019-2020 was the best one",
        "order no 917 204 338 shipped yesterday",
        "ISBN 978-0-306-40615-7 is the second edition",
        "upgrade to version 12.4.1 before 10:45",
        "it costs 1 299 000 EUR",
    ],
)
def test_years_orders_versions_and_prices_are_no_phone_numbers(text):
    assert "[PHONE]" not in redact(text).text


def test_a_year_in_brackets_is_no_area_code():
    # The phone rule alone (what the tagger makes of it is the model's business).
    found = find_structured(
        "the census says (2011) 304 551 people lived there", frozenset(), frozenset()
    )
    assert not [kind for kind, *_ in found if kind == "PHONE"]


# -- payment cards and IBANs ----


def test_a_card_in_a_csv_column_named_card():
    text = "holder,card_number,expiry\nIlse Brandt,5573 1294 0088 7716,09/29"
    assert "5573" not in redact(text).text


def test_a_jcb_card_of_fifteen_digits():
    assert "[CREDIT_CARD]" in redact("la mia carta 213100000000008 non passa").text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("someone used my card 6759 4111 0008 at the station", "6759 4111 0008"),
        ("Maestro 501820346788, expires 04/28", "501820346788"),
        ("Kartennummer:\n6759 4111 0008", "6759 4111 0008"),
    ],
)
def test_a_twelve_digit_maestro_card_presented_as_a_card(text, number):
    assert ("CREDIT_CARD", number) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "order 6759 4111 0008 shipped on Monday",  # valid check digit, but no card word
        "my card 6759 4111 0001 was declined",  # a card word, but a wrong check digit
    ],
)
def test_other_twelve_digit_numbers_are_no_cards(text):
    assert "[CREDIT_CARD]" not in redact(text).text


def test_a_number_in_a_column_not_about_cards_is_left():
    text = "sku,units\n5573129400887716,3"
    assert "[CREDIT_CARD]" not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "IBAN: DE44 5001 0517\n5407 3249 31",  # grouped, split over two lines
        "IBAN: DE44 5001 0517 5407\n3249 31",
        "IBAN GB33-BUKB-2020-1555-5555-55",  # grouped with dashes under a label
        "zwróć kaucję na PL27114020040000300201355387",  # compact, exact length
        "iban de44 5001 0517 5407 3249 31 thanks",  # lower case
    ],
)
def test_ibans_split_dashed_compact_or_lower_case_leave_no_digit(text):
    out = redact(text).text
    assert "[IBAN]" in out
    assert not any(c.isdigit() for c in out.split("[IBAN]")[-1].split()[0:1] or [""])
    assert "5407" not in out and "1555" not in out and "3002" not in out


def test_a_next_line_that_does_not_complete_an_iban_is_not_taken():
    out = redact("see DE44 5001\n0517 for the details").text
    assert "for the details" in out


# -- dates of birth ----


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Tomasz's 60th is on 14 October, ideas for a gift?", "14 October"),
        ("her 90th on 2 June and we need a cake", "2 June"),
        ("Ilse turns 7 on the 19th, party at ours", "the 19th"),
        ("Opa Piet turns 85 on the 3rd of June", "the 3rd of June"),
        ("na legitymacji data ur. 1987.06.21, w dowodzie inaczej", "1987.06.21"),
        ("mijn opa is geboren op negentien mei 1931", "negentien mei 1931"),
        ("Date of brith: 11.09.1979", "11.09.1979"),
        ("Marek's birthday is on 21/06, what should I buy", "21/06"),
        ("Nome⏎Data e luogo di nascita⏎Verona, 02-11-1969".replace("⏎", "\n"), "02-11-1969"),
        ("compleanni: Ottavio 3 marzo, Livia 9 aprile", "3 marzo"),
        ("cumples de la familia: Tomás 3 de mayo, Inés 9 de abril", "9 de abril"),
    ],
)
def test_birth_dates_in_more_forms(text, date):
    assert ("DATE_OF_BIRTH", date) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "our 3rd meeting is on 4 May 2026",
        "my birthday party costs 12.50 euros",
        "the release 2025.01.15 fixed the crash",
        "the 5th floor is on 3 May 2026 closed for works",
    ],
)
def test_other_dates_and_numbers_are_no_birth_dates(text):
    assert "[DATE_OF_BIRTH]" not in redact(text).text


# -- usernames ----


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("você me acha no discord como quiltmoth", "quiltmoth"),
        ("złapiesz mnie na discordzie jako wrzosek", "wrzosek"),
        ("bin auf Discord, ich bin knödelkönigin, schreib mir", "knödelkönigin"),
        ('10.2.3.4 - brenner_k [12/Mar/2025:10:01:02 +0000] "GET /admin"', "brenner_k"),
        ("Connection closed by authenticating user lupinex 10.9.8.7 port 22", "lupinex"),
    ],
)
def test_usernames_given_in_context(text, handle):
    assert ("USERNAME", handle) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I use Discord as a chat tool for the family",
        "auf Discord, ich bin neu hier und frage mich",
        '10.2.3.4 - - [12/Mar/2025:10:01:02 +0000] "GET /"',
    ],
)
def test_words_after_platform_cues_are_no_usernames(text):
    assert "[USERNAME]" not in redact(text).text


def test_a_number_after_tracking_number_is_no_phone_number():
    assert "[PHONE]" not in redact("tracking number 305581927740 shows nothing").text


def test_a_phone_number_after_my_number_is_one():
    assert "[PHONE]" in redact("call me back, my number 0151 2345678").text


def test_an_acronym_after_a_platform_is_no_handle():
    assert "[USERNAME]" not in redact("how do I page through the GitHub API results?").text


# -- street addresses ----


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("drinks at Olu's: 812 Harbin Heights, Port Wendell K3L9Z2. bring ice", "812 Harbin"),
        ("new address:\nMolenpad 4\n2371 AB Roelofarendsveen aan de Poel\ncard?", "aan de Poel"),
        ("Adresse:\nFichtenweg 2\n92421 Schwandorf in Bayern\nDanke", "in Bayern"),
        ("ship it to 14 Kowhai Road, Ruatoria 4032. thanks", "Ruatoria 4032"),
        ("morada nova:\nR. de Camões, 17\n4000-123 Porto\nobrigado", "R. de Camões, 17"),
    ],
)
def test_address_blocks_keep_their_number_postcode_and_whole_city(text, block):
    spans = [value for kind, value in _found(text) if kind == "STREET_ADDRESS"]
    assert any(block in value for value in spans), spans


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Fichtenweg 2\n92421 Schwandorf during the fair.", "during the fair"),
        ("Campo Grande, 30 minutes from the centre, is lovely", "minutes"),
    ],
)
def test_address_blocks_stop_at_ordinary_words(text, kept):
    assert kept in redact(text).text
