"""Over-redaction of the fifteenth pass (anon29): desks, trades, figures' birthdays, firms' handles.

Bots', tools' and departments' line heads of pasted logs are no one's name; nor is a name
with a trade after it; a public or fictional figure's birthday is no one's private birth
date; the name in a company's @handle is no person's. Each case checks the rule itself
(`_company`, the DOB rules, the platform field, `_tagged` with a stand-in tagger), so it
fails if its rule is taken out. The examples are made up for these tests.
"""

from __future__ import annotations

import pytest

from app.core.privacy import anonymize
from app.core.privacy.chat_handles import named_handles
from app.core.privacy.patterns import _dates_of_birth, company_handle_at, public_birth


def _person(text: str, value: str) -> tuple[str, int, int]:
    start = text.index(value)
    return ("PERSON", start, start + len(value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a desk word alone, at a line's head or in a list of attendees
        ("[7:05] Haustechnik: Heizung im Keller wird geprüft", "Haustechnik"),
        ("[07:05] Kalendarz: przypomnienie o spotkaniu", "Kalendarz"),
        ("Van: Facilitair\nAan: iedereen\nDe lift staat stil.", "Facilitair"),
        ("Obecni: Zakupy, Logistyka, Sprzedaż", "Logistyka"),
        ("Thanks,\nExecutive Office", "Executive Office"),
        # a name in a line head that holds a desk word
        ("[14:02] Bot Kestrel: deploy of the shop finished", "Kestrel"),
        ("Suporte Marlin: a impressora do 2.º piso voltou", "Marlin"),
        # a firm: a capitalised trade after the name
        ("Renewal of the contract with Brenvik Energia is due", "Brenvik"),
        ("Renewal of the contract with Brenvik Energia is due", "Brenvik Energia"),
        ("Offerte van Gorlani Viaggi ontbreekt nog", "Gorlani Viaggi"),
        ("Neuer Lieferant: Talvik Biotech aus Oslo", "Talvik"),
        # a chain named after a person, whole or in part
        ("Las baldosas son de Leroy Merlin, ¿vale?", "Leroy Merlin"),
        ("Corte no Jean Louis David amanhã", "Louis David"),
        # the name in a company's handle
        ("Please write a complaint tweet to @NordRailHelp about the delay", "NordRailHelp"),
    ],
)
def test_a_desk_or_a_firm_is_no_person(text: str, value: str) -> None:
    assert anonymize._company(text, _person(text, value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("[14:02] Marta: deploy of the shop finished", "Marta"),  # a person's line head
        ("Sarah did it: she called the plumber", "Sarah"),  # "it" in lower case is no desk
        ("[9:10] Anna Weber: Kalender ist aktualisiert", "Anna Weber"),  # the desk word after
        ("I went with Brenvik to the energy fair", "Brenvik"),  # a trade in lower case
        ("Yesterday Tomas Glass called about the flat", "Tomas"),  # Glass is a surname too
        ("Merlin called, and Leroy too", "Leroy"),  # the chain's names apart
        ("hoje a Sales chorou no escritório", "Sales"),  # a desk word that is a surname
        ("hier Pieters Github: zie link", "Pieters"),  # a head with a word in lower case
    ],
)
def test_a_person_stays_a_person(text: str, value: str) -> None:
    assert not anonymize._company(text, _person(text, value))


def _handles(text: str) -> list[str]:
    return [text[s:e] for kind, s, e in named_handles(text, []) if kind == "USERNAME"]


def test_a_bots_sentence_after_its_field_is_no_handle() -> None:
    log = "[8:05] Jira: reunião de RH passou para as 18:00\n[8:07] Jira: lembrete: inscrições"
    assert _handles(log) == []
    assert _handles("Slack: spotkanie przeniesione na jutro") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Slack: pinecone", "pinecone"),  # the handle ends the line
        ("my slack: pinecone if you want to add me", "pinecone"),  # not a line head
        ("[8:05] Jira: kasia_w moved the ticket", "kasia_w"),  # shaped like a handle
    ],
)
def test_a_handle_after_its_field_is_still_found(text: str, handle: str) -> None:
    assert handle in _handles(text)


def _births(text: str) -> list[str]:
    return sorted({text[s:e] for kind, s, e in _dates_of_birth(text) if kind == "DATE_OF_BIRTH"})


@pytest.mark.parametrize(
    "text",
    [
        "Beethoven was born on 17 December 1770, right?",  # before 1900
        "Frida Kahlo (born 6 July 1907) - write a short bio",  # the figure's birth word
        "¿El cumpleaños de Frida Kahlo es el 6 de julio?",  # the birthday before the name
        "frida kahlo was born on 6 july 1907, right?",  # a message in lower case
    ],
)
def test_a_public_figures_birthday_is_no_birth_date(text: str) -> None:
    assert _births(text) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("my grandfather was born on 3 March 1899 in Leeds", "3 March 1899"),  # no figure
        ("Mozart and my daughter share a birthday: 27 January", "27 January"),
        ("Name: Ana Lopes\nNationality: Spanish\nDate of birth: 04/05/1990", "04/05/1990"),
        ("ma tante Frida Kahlo est née le 6 juillet 1957", "6 juillet 1957"),  # one's own
        ("Our Li Na Tran was born on 2 May 2016", "2 May 2016"),  # a name that goes on
    ],
)
def test_a_private_birth_date_beside_a_figure_is_found(text: str, date: str) -> None:
    assert _births(text) == [date]
    start = text.index(date)
    assert not public_birth(text, start, start + len(date))


def test_a_company_handle_is_found_as_one() -> None:
    text = "Please write a complaint tweet to @NordRailHelp about the delay"
    at = text.index("NordRail")
    assert company_handle_at(text, at, at + len("NordRail"))
    mine = "follow @lena_k for the photos"
    assert not company_handle_at(mine, mine.index("lena"), mine.index("lena") + 4)


class _StandIn:
    """A tagger that finds what it is told to: `_tagged`'s checks are what is tested."""

    def __init__(self, spans: list[tuple[str, int, int]]) -> None:
        self._spans = spans

    def spans(
        self, text: str, rules: object = ()
    ) -> list[tuple[str, int, int]]:  # the real one's signature
        return self._spans


def _tagged_with(
    monkeypatch: pytest.MonkeyPatch, text: str, found: list[tuple[str, str]]
) -> list[str]:
    spans = [(kind, text.index(value), text.index(value) + len(value)) for kind, value in found]
    monkeypatch.setattr(anonymize, "tagger", lambda: _StandIn(spans))
    return [text[s:e] for _, s, e in anonymize._tagged(text, [])]


def test_the_taggers_finds_that_the_rules_know_better(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Write a fun fact about Mozart being born on 27 January 1756."
    assert _tagged_with(monkeypatch, text, [("DATE_OF_BIRTH", "27 January 1756")]) == []
    text = "Please write a complaint tweet to @NordRailHelp about the delay"
    assert _tagged_with(monkeypatch, text, [("USERNAME", "NordRailHelp")]) == []
    assert _tagged_with(monkeypatch, text, [("PERSON", "NordRail")]) == []


def test_the_taggers_private_finds_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "My son was born on 27 January 2016, like Mozart."
    assert _tagged_with(monkeypatch, text, [("DATE_OF_BIRTH", "27 January 2016")]) == [
        "27 January 2016"
    ]
    text = "follow @lena_k for the photos"
    assert _tagged_with(monkeypatch, text, [("USERNAME", "lena_k")]) == ["lena_k"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tolstoy was born in Yasnaya Polyana. His birth date, 9 September 1828, Old Style?", []),
        ("Mozart's birth: 27 January 1756 - how old was he at his first concert?", []),
        ("Our son was born in Leeds. His birth date is 9 September 2019", ["9 September 2019"]),
    ],
)
def test_a_figures_date_in_a_message_about_a_birth_is_his(text: str, kept: list[str]) -> None:
    found = anonymize._dates_near_a_birth(text, [], [])
    assert [text[s:e] for kind, s, e in found if kind == "DATE_OF_BIRTH"] == kept
