"""Context rules run after the tagger: birthday lists, pets' names, handles in lists.

* *Birthday lists*: "Christine 22/04/1950, Eric 26 dec, Mariam 20/04/1938": two or more
  dates, each right after a person's name, read as their birth dates unless the message is
  a schedule (shifts, meetings, deadlines) or the dates lie in recent years.
* *Pets*: a name given to an animal ("our hamster Kevin", "notre chien Gaston", "Kevin the
  parrot", "la gata se llama Doña Rosa") is not a private person's (labelling policy).
* *Not people*: a unit or month after a number ("45 min.", "12. Sep."), a department
  signing as a team ("Finance team").
* *Handles*: a Discord tag's number belongs to the handle ("NeonYeti653#9075"); a word
  listed with a handle ("add margotx36 and official_tariq") is one when it is shaped like
  one or is no word; and in a message about a game, a team or a platform, a token shaped
  like a handle ("ToxicTaco980", "xX_Lobo_Xx", "toxictaco.598") is one.
"""

from __future__ import annotations

import re

from app.core.privacy.lexicon import is_known_word, lexicon
from app.core.privacy.patterns import dates_in
from app.core.privacy.prefilter import may_contain

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


# -- pets ---------------------------------------------------------------------------------------

_PETS = (
    "dog|cat|puppy|pup|kitten|kitty|hamster|rabbit|bunny|parrot|budgie|tortoise|"
    "turtle|goldfish|guinea pig|ferret|pony|gecko|"
    "hund|hündin|katze|kater|kätzchen|welpe|kaninchen|hase|papagei|wellensittich|"
    "schildkröte|meerschweinchen|"
    # French "chat" only after a determiner: in English a chat is a conversation.
    "chien|chienne|(?:notre|mon|le|son|ton|votre|leur)[ \t]+chat|chatte|chaton|chiot|lapin|"
    "perroquet|perruche|tortue|"
    "perro|perra|perrito|gato|gata|gatito|cachorro|conejo|loro|periquito|tortuga|"
    "hámster|"
    "cagna|gatto|gatta|gattino|cucciolo|coniglio|pappagallo|criceto|tartaruga|"
    "hond|hondje|poes|kat|konijn|papegaai|parkiet|schildpad|"
    "psa|psem|kot|kota|kotka|kotek|szczeniak|królik|papuga|chomik|żółw|"
    "cão|cadela|gatinho|coelho|papagaio"
)
# The pet word, then a naming verb and a title the pet was given ("die Katze heißt Frau
# Müller", "la gata se llama Doña Rosa"), or nothing: "our hamster Kevin", "notre chien Gaston".
_PET_BEFORE = re.compile(
    rf"(?i:\b(?:{_PETS}))[ \t]+(?:(?i:heißt|heisst|se llama|chama-se|se chama|s'appelle|"
    r"si chiama|heet|ma na imię|nazywa się|is called|called|named)[ \t]+)?"
    r"(?:(?:Frau|Herr|Doña|Don|Dona|Dom|Madame|Monsieur|Mme|Mr|Mrs|Miss|Signora|Signor|Sir|"
    r"Lady|Lord|Pani|Pan|Meneer|Mevrouw|Mister)\.?[ \t]+)?$"
)
# "Kevin the parrot", "Brenda the cat".
_PET_AFTER = re.compile(rf"[ \t]+the[ \t]+(?i:{_PETS})\b")
# "we called the new tortoise Frank", "named her goldfish Dave", "we named the kitten Margaret".
_PET_STEMS = (
    "dog", "cat", "pup", "kitt", "hamster", "rabbit", "bunny", "parrot", "budgie", "tortoise",
    "turtle", "fish", "pig", "ferret", "horse", "pony", "pet", "gecko", "snake", "lizard",
    "hund", "katze", "kater", "kätzchen", "welpe", "kaninchen", "hase", "papagei", "sittich",
    "kröte", "pferd", "chien", "chat", "chiot", "lapin", "perr", "tortue", "cheval", "gat",
    "cachorro", "conejo", "loro", "periquito", "tortuga", "caballo", "hámster", "cane",
    "cagna", "cucciolo", "coniglio", "pappagallo", "criceto", "tartaruga", "cavall", "hond",
    "poes", "kat", "konijn", "papegaai", "parkiet", "schildpad", "paard", "pies", "psa",
    "psem", "kot", "szczeniak", "królik", "papuga", "chomik", "żółw", "koń", "cão", "cadela",
    "coelho", "papagaio", "cavalo",
)  # fmt: skip


# A unit or a month's abbreviation after a number ("45 min.", "12. Sep. 2025").
_AFTER_NUMBER = frozenset(
    str.split("min sec sek std hrs jan feb mar apr jun jul aug sep sept oct okt nov dec dez")
)
_NUMBER_BEFORE = re.compile(r"\d[ \t]?\.?[ \t]?$")
# A department signing ("Thanks,⏎Finance team"): a word of ours before "team".
_TEAM_AFTER = re.compile(r"[ \t]+(?:team|department|dept\.?|abteilung|équipe|equipo|squadra)\b")


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether a name finding is a pet's name, a unit or month, or a department."""
    value = text[start:end]
    if value.lower().rstrip(".") in _AFTER_NUMBER and _NUMBER_BEFORE.search(
        text, max(0, start - 4), start
    ):
        return True
    if (
        " " not in value
        and _TEAM_AFTER.match(text, end) is not None
        and is_known_word(value.lower())
        and value.lower() not in lexicon().first_names
    ):
        return True
    return pet_name(text, start, end)


def pet_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is given to an animal, not a person."""
    window = text[max(0, start - 60) : end + 30].lower()
    if _PET_HINT.search(window) is None and not (
        text[start - 1 : start] in _QUOTES and _PET_HINT.search(text.lower()) is not None
    ):
        return False
    if _is_pet_at(text, start, end):
        return True
    # The pet's name quoted again: 'El loro Paco solo dice "Paco"' (but "Ruby the cat? no,
    # Ruby my niece" names a person the second time).
    if text[start - 1 : start] not in _QUOTES:
        return False
    value = text[start:end]
    at = text.find(value)
    while at != -1:
        if at != start and _is_pet_at(text, at, at + len(value)):
            return True
        at = text.find(value, at + 1)
    return False


_QUOTES = ('"', "“", "„", "«", "'")
# One scan for every pet word's stem (faster than a substring test per stem).
_PET_HINT = re.compile("|".join(_PET_STEMS))


def _is_pet_at(text: str, start: int, end: int) -> bool:
    return (
        _PET_BEFORE.search(text, max(0, start - 60), start) is not None
        or _PET_AFTER.match(text, end) is not None
    )


# -- handles -------------------------------------------------------------------------------------

_DISCORD_TAG = re.compile(r"#\d{4}\b")
_CANDIDATE = re.compile(r"(?<![\w.\-])[\w][\w.\-]{1,38}[\w](?:#\d{4})?")
_JOINED_BY = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|y|e|et|und|en|i|ou|o|or|oder|of|lub|albo|oraz|a)[ \t]+)?|"
    r"[ \t]+(?:and|y|e|et|und|en|i|ou|o|or|oder|of|lub|albo|oraz|a)[ \t]+)(?:(?:a|à)[ \t]+)?"
)
# Shapes of handles: "xX_Lobo_Xx", "ToxicTaco980", "toxictaco.598", "zoran7188",
# "pizzaiolo_99", "NeonYeti653#9075".
_HANDLE_SHAPE = re.compile(
    r"(?:[A-Za-z0-9]+_[\w.]*|[A-Za-z]{2,}\.\d{1,4}|[a-z]{3,}\d{2,5}|x[Xx]\w+[Xx]x|"
    r"[A-Za-z]*[a-z][A-Z][a-z]+[A-Z]\w*|"
    r"[A-Z][a-z]+[A-Z][a-z]+\d{0,5}|[A-Za-z]{3,}[A-Z]?[a-z]*\d{2,5})(?:#\d{4})?"
)
# Every handle shape holds a digit, an underscore or a capital after a small letter.
_SHAPE_HINT = re.compile(r"[\d_]|[a-z][A-Z]")
# A message about a game, a team or a platform.
_GAMING = re.compile(
    r"(?i)\b(?:discord\w*|steam|xbox|psn|playstation|twitch\w*|fortnite|minecraft|roblox|"
    r"valorant|lichess|squad|squadra|team|teams|équipe|equipo|equipa|drużyn\w*|clan|guild|"
    r"gamer ?tag|server|players?|spieler|joueurs?|jugador\w*|giocator\w*|gracz\w*|jogador\w*|"
    r"speler\w*|lobby)\b"
)
_GAMING_STEMS = (
    "discord", "steam", "xbox", "psn", "playstation", "twitch", "fortnite", "minecraft",
    "roblox", "valorant", "lichess", "squad", "team", "équipe", "equip", "drużyn", "clan",
    "guild", "gamer", "server", "player", "spieler", "joueur", "jugador", "giocator",
    "gracz", "jogador", "speler", "lobby",
)  # fmt: skip


def _shaped(token: str) -> bool:
    if _HANDLE_SHAPE.fullmatch(token) is None or token.isupper():
        return False
    letters = "".join(c for c in token if c.isalpha()).lower()
    digits = sum(c.isdigit() for c in token)
    # "covid19", "win10": a word with a short number is a product, not a handle.
    return not ("_" not in token and digits <= 2 and is_known_word(letters))


def _whole_token(text: str, start: int, end: int) -> Span:
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return ("USERNAME", start, end)


def _identifier(token: str) -> bool:
    """A name in code or a setting: words joined by "_" ("allowed_cidrs", "server_name")."""
    parts = token.lower().split("_")
    return len(parts) > 1 and all(p.isalpha() and is_known_word(p) for p in parts if p)


def _free(start: int, end: int, taken: list[Span]) -> bool:
    return not any(s < end and start < e and k != "PERSON" for k, s, e in taken)


def handles_around(text: str, taken: list[Span]) -> list[Span]:
    """Discord tags, handles listed with a handle, and handle shapes in gaming talk."""
    out: list[Span] = []
    # Found in part ("bogae" of "niek_bogae"): the whole token is the list's item.
    handles = [_whole_token(text, s, e) for kind, s, e in taken if kind == "USERNAME"]
    if "#" in text:
        for _, s, e in handles:
            tag = _DISCORD_TAG.match(text, e)
            if tag is not None:
                out.append(("USERNAME", s, tag.end()))
    shaped: list[Span] = []
    if (
        _SHAPE_HINT.search(text) is not None
        and may_contain(text, _GAMING_STEMS)
        and _GAMING.search(text) is not None
    ):
        for token in _CANDIDATE.finditer(text):
            if token.start() and text[token.start() - 1] in "@/.:#\\":
                continue  # part of an address, a path or a link
            if text[token.end() : token.end() + 2].strip()[:1] in (":", "=", "(", ";", "["):
                continue  # a setting or a function: "max_connections = 200", "proxy_pass …;"
            if _identifier(token.group()):
                continue
            if _shaped(token.group()) and _free(token.start(), token.end(), [*taken, *shaped]):
                shaped.append(("USERNAME", token.start(), token.end()))
    out.extend(shaped)
    # The neighbours of handles in a list, and theirs in turn ("A, B, and C").
    frontier = [*handles, *shaped]
    for _ in range(4):
        if not frontier:
            break
        frontier = _neighbours(text, frontier, [*taken, *out])
        out.extend(frontier)
    return out


def _neighbours(text: str, found: list[Span], taken: list[Span]) -> list[Span]:
    """The list neighbours (before and after) of handles: "margotx36 et official_tariq"."""
    out: list[Span] = []
    for _, s, e in found:
        for token in _CANDIDATE.finditer(text, max(0, s - 40), min(len(text), e + 40)):
            if token.end() <= s:
                between = text[token.end() : s]
            elif token.start() >= e:
                tag = _DISCORD_TAG.match(text, e)
                between = text[tag.end() if tag is not None else e : token.start()]
            else:
                continue
            if _JOINED_BY.fullmatch(between) is None:
                continue
            value = token.group()
            low = value.lower()
            if low in lexicon().stop or not _free(token.start(), token.end(), [*taken, *out]):
                continue
            # A word that is no word of ours counts after "and", not after a bare comma
            # ("gebhard_photo, adde mich": the comma ends the handle's sentence part).
            coined = value.islower() and not is_known_word(low) and between.strip() != ","
            if _shaped(value) or coined:
                out.append(("USERNAME", token.start(), token.end()))
    return out
