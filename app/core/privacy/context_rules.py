"""Context rules run after the tagger: birthday lists, units and departments.

* *Birthday lists*: "Christine 22/04/1950, Eric 26 dec, Mariam 20/04/1938": two or more
  dates, each right after a person's name, read as their birth dates unless the message is
  a schedule (shifts, meetings, deadlines) or the dates lie in recent years.
* *Not people*: a unit or month after a number ("45 min.", "12. Sep."), a department
  signing as a team ("Finance team"), and a place or a work named like a person: after a
  locative preposition ("in Lincoln", "em Fátima"), a trip or a delivery ("ship to
  Charlotte", "the drive to Jackson"), before a place noun ("Jackson airport"), after a
  kind of work ("books like Rebecca", "the film Amélie") or "who wrote" ("Wie schreef
  Heidi?"), or after a thing that is given names ("room Aurora", "Storm Ciarán").

Pets' names are pets.py's, handles around handles chat_handles.py's.
"""

from __future__ import annotations

import re

from app.core.privacy.lexicon import is_known_word, lexicon
from app.core.privacy.patterns import dates_in

Span = tuple[str, int, int]

# -- birthday lists ---------------------------------------------------------------------------

# Between a name and its date: nothing but a space, a colon or a dash ("Eric 26 dec",
# "Lucy: 09/04/1945", "Zanele the 16th of August").
_NAME_TO_DATE = re.compile(r"(?:'s)?[ \t]*[:\-–]?[ \t]*")
# A list of dates after names is a rota, an agenda or a plan, not birthdays, with these.
_AGENDA = re.compile(
    r"(?i)\b(?:shifts?|rota|meetings?|deadlines?|appointments?|due|delivery|deliveries|"
    r"vacation|holiday|leave|schicht\w*|dienst\w*|termin\w*|urlaub|frist|turno|turni|reuni"
    r"\w*|riunion\w*|vergader\w*|spotkan\w*|dyżur\w*|réunion\w*|congés?|vacances|vacaciones|"
    r"ferie|férias|plantão|entrega|scadenz\w*|échéance|plazo|prazo|exam\w*|interview\w*)\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PAIRED = ("PERSON", "DATE_OF_BIRTH")
_DATE_AHEAD = re.compile(r"(?:'s)?[ \t]*[:\-–]?[ \t]*(?:the[ \t]+)?(?:\d|[^\W\d_]{3})")


def birthday_lists(text: str, taken: list[Span]) -> list[Span]:
    """Dates right after people's names, in a list of two or more such pairs."""
    people = [(s, e) for kind, s, e in taken if kind == "PERSON"]
    if len(people) < 2:
        return []
    # Cheap first: at least two names must have a digit or a word right after them.
    if sum(_DATE_AHEAD.match(text, e) is not None for _, e in people) < 2:
        return []
    dates = dates_in(text)
    if len(dates) < 2:
        return []
    ends = {e for _, e in people}
    pairs = []
    for start, end in dates:
        if any(s < end and start < e for k, s, e in taken if k not in _PAIRED):
            continue  # a phone number, an id: not a date
        # The name ends just before the date, or "the" stands between ("Zanele the 16th").
        cursor = start
        if text[max(0, cursor - 4) : cursor].lower() == "the ":
            cursor -= 4
        gap_start = next(
            (e for e in ends if e <= cursor and _NAME_TO_DATE.fullmatch(text, e, cursor)), None
        )
        if gap_start is not None:
            pairs.append((cursor if cursor < start else start, end))
    if len(pairs) < 2 or _AGENDA.search(text) is not None:
        return []
    if any(int(y) >= 2020 for s, e in pairs for y in _YEAR.findall(text, s, e)):
        return []  # this year's and next year's dates are events, not births
    return [("DATE_OF_BIRTH", s, e) for s, e in pairs]


# -- not people -------------------------------------------------------------------------------

# A unit or a month's abbreviation after a number ("45 min.", "12. Sep. 2025").
_AFTER_NUMBER = frozenset(
    str.split("min sec sek std hrs jan feb mar apr jun jul aug sep sept oct okt nov dec dez")
)
_NUMBER_BEFORE = re.compile(r"\d[ \t]?\.?[ \t]?$")
# A department signing ("Thanks,⏎Finance team"): a word of ours before "team".
_TEAM_AFTER = re.compile(r"[ \t]+(?:team|department|dept\.?|abteilung|équipe|equipo|squadra)\b")


# A place: one or two capitalised words after a locative preposition (not "in Anna's
# room"). Over the fifteen writers' messages, no private person's name stood right after
# these, against 47 places and works the rules or the tagger took for names.
# (Not after the Scandinavian verbs whose particle "in" is no place: "Bjud in Kjell".)
_LOCATIVE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?<!bjud )(?<!bjuda )(?<!bjöd )(?<!släpp )(?<!ring )(?<!bjudit )"
    r"(?:in|em|dans|nel|nella)[ \t]+$",
    re.IGNORECASE,
)
# A single word after a trip or a delivery: "ship to Eugene", "flights to Jordan", "the
# drive to Marion", "Zara envía a Florencia", "livre-t-il à Nancy".
_TRIP_BEFORE = re.compile(
    r"\b(?:ship|ships|fly|flying|flight|flights|drive|driving|travel|travelling|traveling|"
    r"trip|move|moved|moving|relocate|relocating|envía|envia|livre-t-il|liefert|levert|"
    r"spedisce|wysyła)[ \t]+(?:(?:to|a|à|nach|naar|do)[ \t]+)?$",
    re.IGNORECASE,
)
# A place noun right after: "Jackson airport", "Preston station", "Flughafen" compounds aside.
_PLACE_AFTER = re.compile(
    r"[ \t]+(?:airport|station|stadium|county|cathedral|harbou?r|flughafen|bahnhof|aéroport|"
    r"gare|aeropuerto|estación|aeroporto|stazione|luchthaven|lotnisko|dworzec)\b",
    re.IGNORECASE,
)
# A work named like a person: after a kind of work, with "like", "called" or an article
# between ("books like “Rebecca”", "livros parecidos com Heidi", "the novel Emma").
_WORK_KINDS = (
    r"book|books|novel|novels|film|films|movie|movies|song|songs|series|show|album|play|"
    r"poem|musical|opera|buch|bücher|roman|romans|romane|lied|livre|livres|chanson|libro|"
    r"libros|novela|película|canción|romanzo|romanzi|canzone|libri|boek|boeken|liedje|"
    r"książka|książki|powieść|piosenka|livro|livros|música"
)
_WORK_BEFORE = re.compile(
    rf"\b(?:{_WORK_KINDS})[ \t]+(?:(?:like|similar to|such as|comme|wie|como|come|zoals|jak|"
    r"parecidos com|parecidos a|similares a|simili a|podobne do|called|titled|named|"
    r"intitulé|intitulado|titolato|getiteld|the|le|la|el|il|o|a|de|der|die|das|het)[ \t]+)*"
    r"[\"“„«‘']?[ \t]*$",
    re.IGNORECASE,
)
# A thing given a name: "room Aurora", "project Reiger", "Storm Ciarán", "app Canva".
_THING_WORDS = frozenset(
    str.split(
        """
        room project codename product hotel restaurant boat yacht storm hurricane operation
        release brand sala salle raum zaal projekt projet proyecto progetto
        """
    )
)
_NAMED_THING_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_THING_WORDS))})[ \t]+[\"“„«‘']?$", re.IGNORECASE
)
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
# Asking who wrote, directed or sang something is asking about a work ("Wie schreef Heidi?").
_WORK_QUESTION = re.compile(
    r"\b(?:who wrote|who directed|who sang|wer schrieb|qui a écrit|quién escribió|"
    r"chi ha scritto|wie schreef|kto napisał|quem escreveu)[ \t]+$",
    re.IGNORECASE,
)


def names_a_place_or_work(text: str, start: int, end: int) -> bool:
    """Whether a name finding is a place or a work by what stands around it."""
    value = text[start:end]
    words = value.split()
    if not words or len(words) > 2 or not all(w[:1].isupper() for w in words):
        return False
    if text.startswith(("'s", "’s"), end) or value.endswith(("'s", "’s")):
        return False  # "in Anna's room", "the drive to Tom's"
    if words[0].lower() in _THING_WORDS and (
        len(words) == 2 or _CAPITAL_AFTER.match(text, end) is not None
    ):
        return True  # "Storm Ciarán", found as one name or as its first word
    before = text[max(0, start - 40) : start]
    return (
        _LOCATIVE_BEFORE.search(before) is not None
        or (len(words) == 1 and _TRIP_BEFORE.search(before) is not None)
        or _PLACE_AFTER.match(text, end) is not None
        or _WORK_BEFORE.search(before) is not None
        or _WORK_QUESTION.search(before) is not None
        or _NAMED_THING_BEFORE.search(before) is not None
    )


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether a name finding is a unit or month, a department, a place or a work.

    Pets are pets.py's.
    """
    value = text[start:end]
    if value.lower().rstrip(".") in _AFTER_NUMBER and _NUMBER_BEFORE.search(
        text, max(0, start - 4), start
    ):
        return True
    if names_a_place_or_work(text, start, end):
        return True
    return (
        " " not in value
        and _TEAM_AFTER.match(text, end) is not None
        and is_known_word(value.lower())
        and value.lower() not in lexicon().first_names
    )
