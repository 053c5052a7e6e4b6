"""Context rules run after the tagger: birthday lists, units and departments.

* *Birthday lists*: "Christine 22/04/1950, Eric 26 dec, Mariam 20/04/1938": two or more
  dates, each right after a person's name, read as their birth dates unless the message is
  a schedule (shifts, meetings, deadlines) or the dates lie in recent years.
* *Not people*: a unit or month after a number ("45 min.", "12. Sep."), a department
  signing as a team ("Finance team").

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


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether a name finding is a unit or month, or a department (pets: pets.py)."""
    value = text[start:end]
    if value.lower().rstrip(".") in _AFTER_NUMBER and _NUMBER_BEFORE.search(
        text, max(0, start - 4), start
    ):
        return True
    return (
        " " not in value
        and _TEAM_AFTER.match(text, end) is not None
        and is_known_word(value.lower())
        and value.lower() not in lexicon().first_names
    )
