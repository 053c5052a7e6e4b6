"""Birth dates and usernames of issue 13's fourteenth pass (anon28, writer T's forms).

The rules alone are checked, so each case fails if its rule is taken out. The examples are
made up for these tests in the forms writer T showed; none is copied from its data.
"""

from __future__ import annotations

import pytest

from app.core.privacy.patterns import _dates_of_birth, _usernames


def births(text: str) -> list[str]:
    spans = sorted({(s, e) for kind, s, e in _dates_of_birth(text) if kind == "DATE_OF_BIRTH"})
    return [text[s:e] for s, e in spans]


def users(text: str) -> list[str]:
    return sorted({text[s:e] for kind, s, e in _usernames(text) if kind == "USERNAME"})


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # an age reached on the date, past and future, in more languages
        ("Marek turned 50 on 3 Feb and nobody remembered", "3 Feb"),
        ("Ines turned 30 on 12/4, I forgot", "12/4"),
        ("Lucía cumplió 60 el 9 de mayo y no la llamé", "9 de mayo"),
        ("Zoé a eu 30 ans le 7.8 et j'ai oublié", "7.8"),
        ("Ma tante fête ses 70 ans le 4 juin", "4 juin"),
        ("O Rui fez 50 anos em 3 de maio", "3 de maio"),
        ("Bram werd 30 op 14-02 en ik vergat het", "14-02"),
        ("Kasia skończyła 30 lat 5 maja", "5 maja"),
        ("Farmor fyller 90 den 3 april", "3 april"),
        ("our boy turns 4 on the ninth of May", "ninth of May"),
        ("my son turns 7 on 2nd of March", "2nd of March"),
        ("Opa ist am 9. März 80 geworden", "9. März"),
        ("Lotte wird am 3.9 7, Ideen?", "3.9"),
        ("Oma Riet wordt op 4 juni 90", "4 juni"),
        # form abbreviations and more birth words
        ("Paciente: X\nDN: 2 de maio de 1971\nConsulta: amanhã", "2 de maio de 1971"),
        ("Patient : Y\nDDN : 03/04/1966", "03/04/1966"),
        ("Ficha: Sr. Z, F.N. 11/12/1970", "11/12/1970"),
        ("Dcera Eva, nar. 4. 5. 2016", "4. 5. 2016"),
        ("Date of Birth (DD/MM/YYYY): 9 IV 1960", "9 IV 1960"),
        ("Kalle Virtanen, syntynyt 2. toukokuuta 2001", "2. toukokuuta 2001"),
        ("Ο γιος μου γεννήθηκε στις 3 Μαΐου 2012", "3 Μαΐου 2012"),
        ("Mi hija nació el 4 V 2015.", "4 V 2015"),
        ("Nagy Anna, született 1970. 05. 06.", "1970. 05. 06."),
        ("Születési dátum: március 3.", "március 3."),
        ("Sonen Nils föddes 2 maj 2014", "2 maj 2014"),
        ("Lebenslauf\nAnna Beispiel\n* 3. Mai 1980 in Bremen", "3. Mai 1980"),
        ("mein Sohn (*02.03.2018) hat Husten", "02.03.2018"),
        ("mon frère a son anniv le 3 mars", "3 mars"),
        ("Doğum günün ne zaman? — 5 Mayıs.", "5 Mayıs"),
        ("¿Organizamos algo para Eva? Cumple el 4/9.", "4/9"),
    ],
)
def test_birth_date_found(text: str, date: str) -> None:
    # the date itself, perhaps with its article ("the ninth of May")
    assert any(found.removeprefix("the ") == date for found in births(text))


def test_mine_after_someones_birthday() -> None:
    text = "El cumple de Ana es el 3 de mayo y el mío el 9 de junio, ¿cuál va antes?"
    assert births(text) == ["3 de mayo", "9 de junio"]


@pytest.mark.parametrize(
    "text",
    [
        "The company turns 25 on 1 October — ideas?",
        "Mi perro cumple 3 años el 1 de abril",
        "Die Firma ist am 3. Mai 40 Jahre alt geworden",
        "Das Paket ist am 3. Mai 40 Minuten zu spät gekommen",
        "Todo:\n* 12.03.2024 in Berlin meeting",  # a Markdown bullet, not the star of birth
        "Notre anniv de mariage est le 20/05, des idées ?",
        "DN 2024-05-01 deployment",
        "the fee is 80 on 3 May",
    ],
)
def test_other_dates_stay(text: str) -> None:
    assert births(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('server log: "frost_byte77 joined the game" then a kick', "frost_byte77"),
        ("[INFO] owl_bot_fan used /remind", "owl_bot_fan"),
        ('record "created_by: jnowak, created_at: 2023"', "jnowak"),
        ("the prompt reads kasia@laptop:~$ now", "kasia"),
        ("password reset for mlopez82 please", "mlopez82"),
        ("my ig is lena.draws 🌸", "lena.draws"),
        ("My PSN ID is tiny-wizard and it is broken", "tiny-wizard"),
        ("Je joue sous le pseudo Frostbite.", "Frostbite"),
        ("Το όνομα χρήστη μου είναι eleni_k, δεν μπαίνω.", "eleni_k"),
        ('Erreur : "échec pour l\'utilisateur pdurand"', "pdurand"),
    ],
)
def test_usernames_given_in_context(text: str, name: str) -> None:
    assert name in users(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is @Vodafone the official support account?",
        "Schreib eine Beschwerde an @Orange wegen der Verspätung",
        "Please write a complaint tweet to @AmazonHelp about my train",
        "La cuenta oficial de Renfe es @Renfe",
        "What does @Transactional do here?",
        "Which at-rules exist besides @media? @font-face?",
        "npm install @types/node@20",
        "my insta is down again",
        "The player joined the game late",
        "my xbox gameratg is down",
    ],
)
def test_company_accounts_and_code_are_no_usernames(text: str) -> None:
    assert users(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("o meu insta: @nikos.official, as fotos", "@nikos.official"),  # "official" in it
        ("volg me op @ouwel-ines", "@ouwel"),  # a hyphen after it (the handle grows later)
        ("my account is @jdoe_88 on X", "@jdoe_88"),
    ],
)
def test_people_s_handles_stay_handles(text: str, name: str) -> None:
    assert name in users(text)
