"""Birth dates in the general forms the earlier rules missed (session 10, anon21).

The rules alone are checked (not the tagger), so each case fails if its rule is taken out.
The examples are made up for these tests; none is copied from a writer's data.
"""

from __future__ import annotations

import pytest

from app.core.privacy.anonymize import detect
from app.core.privacy.patterns import _dates_of_birth, date_around


def births(text: str) -> list[str]:
    """The birth dates the rules find, each once, in order."""
    spans = sorted({(s, e) for kind, s, e in _dates_of_birth(text) if kind == "DATE_OF_BIRTH"})
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # labels in further languages, and the date forms their forms use
        ("Lomake: nimi Aino, syntymäaika 14. maaliskuuta 1979, puhelin", "14. maaliskuuta 1979"),
        ("Hakemus: syntymäaika 3.11.1990, osoite", "3.11.1990"),
        ("skjema: navn Ole, født 9 mars 1961, e-post", "9 mars 1961"),
        ("Födelsedatum: 1984-02-17", "1984-02-17"),
        ("Žádost: datum narození 7. 11. 1966, adresa", "7. 11. 1966"),
        ("Αίτηση: ημερομηνία γέννησης 5 Μαρτίου 1972, τηλέφωνο", "5 Μαρτίου 1972"),
        ("Дата рождения: 11.04.1969", "11.04.1969"),
        ("Doğum tarihi: 21.07.1983", "21.07.1983"),
        ("wniosek, data urodzenia 4.XI.1957, PESEL", "4.XI.1957"),
        ("Kati, született 1975. március 8.", "1975. március 8."),
        # keys in data
        ('{"name": "K", "birth_date": "1966.10.02"}', "1966.10.02"),
        ('{"dateOfBirth": "1971-03-09", "id": 4}', "1971-03-09"),
        # abbreviations and accents left out
        ("Data de nasc.: 02/09/1948", "02/09/1948"),
        ("F. nac.: 30-01-1990", "30-01-1990"),
        ("patient h. berg\ngeb 21.02.1955\nkasse", "21.02.1955"),
        ("moja siostra urodzila sie 2 lutego 1993 w Gdańsku", "2 lutego 1993"),
        ("Moin, geb. 9.Juli 1984 danke", "9.Juli 1984"),
        ("è nata il 1° marzo 1999", "1° marzo 1999"),
        # a place between the word and the date
        ("CURRICULUM VITAE\nNata/o a Borgo Nuovo il 6 aprile 1987\nResidenza", "6 aprile 1987"),
        ("o meu tio nasceu a 17 de outubro de 1950.", "17 de outubro de 1950"),
        # a label, and the date at the start of the next sentence
        ("The form asks my date of birth in words. Mine is 02/11/1958, so?", "02/11/1958"),
        # the answer to a question
        ("¿Cuándo naciste? — El 4 de junio de 1977.", "4 de junio de 1977"),
        ("¿Fecha de nacimiento? 19/01/1962.\n¿Teléfono?", "19/01/1962"),
        ("Quando sei nata? — Il 12.5.1981.", "12.5.1981"),
        ("Kiedy urodził się twój tata? Według dowodu: 8 sierpnia 1950.", "8 sierpnia 1950"),
        ("Wann hat Lea Geburtstag? – Am 14/09.", "14/09"),
        ("When were you born? In words: the ninth of October 1968.", "the ninth of October 1968"),
        # whose birthday is which date
        ("il compleanno di Sara Neri è il 2 dicembre 1970", "2 dicembre 1970"),
        ("el cumple de Juan es el 30 de enero, ¿qué le regalo?", "30 de enero"),
        ("Ugo compie gli anni il 18 luglio, idee?", "18 luglio"),
        ("mamie aura 90 ans le 7 avril 2031", "7 avril 2031"),
        # the birth word after the date
        ("Mein Sohn Ole ist am zwölften März 1999 geboren, ab wann", "zwölften März 1999"),
        ("Meine Tochter hat am 5. Oktober 2012 Geburtstag", "5. Oktober 2012"),
        ("Please spell out 3rd of June 1971 (my date of birth) in French", "3rd of June 1971"),
        # a time of birth, an age after the date, a child named with the date
        ("our girl was born at 04:12 on 9 March 2023 at home", "9 March 2023"),
        ("Opa Karl wird am 2.9.1946 80", "2.9.1946"),
        ("he's turning 50 on Tuesday the 14th, any ideas?", "Tuesday the 14th"),
        ("She'll be 70 on 3/4 and wants a quiet dinner", "3/4"),
        ("Mum will be 80 on 12 March", "12 March"),
        ("my daughter Ines (14/02/2016) needs a passport", "14/02/2016"),
        # a mistyped birth word
        ("Twins, both bron 3rd of July 1991, need a card", "3rd of July 1991"),
        ("fecha de nacimeinto 5/6/1961", "5/6/1961"),
        ("my date of birht is 9.9.1959", "9.9.1959"),
    ],
)
def test_birth_date_found(text: str, date: str) -> None:
    assert date in births(text)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a list under a heading of birthdays, to the first blank line
        (
            "Geburtstage im Chor:\nMia – 4. März\nTom – 19. Juli\n\nProbe am 3. März",
            ["4. März", "19. Juli"],
        ),
        (
            "class birthdays this term: Ana 3 Feb, Ben 21 Feb, Caro 8 Mar, thanks",
            ["3 Feb", "21 Feb", "8 Mar"],
        ),
        (
            "the club wants the DOB of both kids. Ella: 03/03/2015, Max: 19/08/2017. Fee 30",
            ["03/03/2015", "19/08/2017"],
        ),
        # more dates joined to a birth date found
        (
            "the form wants DOB for both of us: me 04/05/1970, Paul: 22/11/1968. start 1 May",
            ["04/05/1970", "22/11/1968"],
        ),
    ],
)
def test_birth_dates_listed(text: str, dates: list[str]) -> None:
    assert births(text) == dates


def test_year_in_words_joins_the_date() -> None:
    text = "he was born on the second of June, nineteen seventy-four, in Leeds"
    start = text.index("the second")
    assert text[slice(*date_around(text, start, start + len("the second of June")))] == (
        "the second of June, nineteen seventy-four"
    )
    text = "born the first of May two thousand and three"
    start = text.index("the first")
    assert text[slice(*date_around(text, start, start + len("the first of May")))] == (
        "the first of May two thousand and three"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The deadline is 3 May 2026.",
        "The meeting is on 12/03/2025 at 10:00.",
        "The Treaty of Versailles was signed on 28 June 1919.",
        "the invoice dated 12.03.2024 is overdue",
        "Born in the USA was released on 4 June 1984.",
        "Termin am 4. März um 10 Uhr, bitte bestätigen",
        "Quand est la réunion ? Le 3 mai 2026.",
        "our son Leo (aged 6) starts school on 02/09/2026",
        "the barn burnt down on 3 May 1990",
        "the fee will be 80 on 3 May",
        "birthdays: none this month. Deadline: 3 May",
        "I forgot my date of birth card at home. Meeting on 3 May 1990 then",
    ],
)
def test_other_dates_stay(text: str) -> None:
    assert births(text) == []
    assert not any(e.type == "DATE_OF_BIRTH" for e in detect(text))


def test_birth_word_inside_another_word_is_no_cue() -> None:
    # "consegnato" holds "nato" (born); the rules leave the deadline alone. (The tagger may
    # still take it: ``birth_hint`` matches "nato " inside the word; see the report.)
    assert births("Il 730 va consegnato entro il 30 settembre, giusto?") == []
