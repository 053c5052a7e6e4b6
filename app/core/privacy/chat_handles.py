"""Chat handles after the tagger: the handles told by a cue, and the handles beside handles.

Two steps, both here so that each word list and shape is written once:

* ``named_handles`` (right after the tagger): a handle after its platform or field ("Steam:
  xLamaSunnyx", "on discord as hectorlz", "na discordzie jako areks", "user=teapot", "the
  account hapate64"), given in words ("I log in as hoppente", "aka antcuri", "my Vinted
  account (xantoinex)"), by what is done to it ("can you unlock wolfKowal?", "entra como
  lorenzoc", "friend request from frosty.undine"), answered with "mine is X" beside a
  handle, and "Zeke (zekeyboi)" in a chat about games.
* ``handles_around`` (after the other checks): a handle's Discord number
  ("NeonYeti653#9075"), the words listed with a handle ("add FrostByte217 and theromandev",
  "A, B, and C") and tokens shaped like handles in a chat about a game, a team or a
  platform ("ToxicTaco980", "xX_Lobo_Xx", "toxictaco.598"), never settings or snake_case
  words ("max_connections = 200", "allowed_cidrs").

A neighbour counts only when it is shaped like a handle: digits, dots or underscores inside,
a capital inside the word ("FrostByte"), or, after "and" (not a bare comma), a lower-case
word in no vocabulary and no name list ("theromandev"). A capitalized word ("and Luca")
stays a name.
"""

from __future__ import annotations

import re

from app.core.privacy.lexicon import is_known_word, lexicon
from app.core.privacy.prefilter import holds_word, may_contain

Span = tuple[str, int, int]

# -- words ----------------------------------------------------------------------------------

# Where handles live: platforms and games ("on discord as X", "mon pseudo Steam").
_PLATFORMS = (
    r"discord\w*|xbox|psn|playstation|steam|nintendo|twitch\w*|insta(?:gram)?|tiktok|"
    r"snap(?:chat)?|reddit|telegram|battle\.?net|fortnite|roblox|minecraft|valorant|uplay|"
    r"ubisoft|youtube|bluesky|mastodon|lichess|gamer ?tag|gamertag"
)
# Words of a chat about games: the platforms, teams, players and servers.
_GAMING_WORDS = (
    r"squad|squadra|teams?|équipe|equipo|equipa|drużyn\w*|mannschaft|clan|guild|gamer|"
    r"gaming|server|players?|spieler|joueurs?|jugador\w*|giocator\w*|gracz\w*|"
    r"jogador\w*|speler\w*|lobby"
)
_GAMING = re.compile(rf"(?i)\b(?:{_PLATFORMS}|{_GAMING_WORDS})\b")
# Words that join the items of a list, in our languages.
_JOINERS = r"and|&|y|e|et|und|en|i|oraz|or|ou|o|oder|of|czy|lub|albo|a"
_DISCORD_NUMBER = re.compile(r"#\d{4}(?!\d)")
_TAG = r"[A-Za-z0-9][\w.\-]{1,31}(?:#\d{4})?"


# -- told by a cue --------------------------------------------------------------------------

# A handle named by its platform or field: "Steam: xLamaSunnyx", "En Twitch soy egea-maxi",
# "User kristina_codes" (ssh config), "user=teapot" (logs), "the account hapate64".
_FIELDS = (
    r"epic(?: games)?|github|gitlab|twitter|jira|slack|threads|xbox live|"
    r"user|account|konto|compte|cuenta|conta|utente|gebruiker|utilizador|usuário|usuario|"
    r"benutzer"
)
_PLATFORM_HANDLE = re.compile(
    rf"(?<![\w.])(?:{_FIELDS}|{_PLATFORMS})"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+(?:(?:is|ist|est|es|è|é|soy|sono|sou|jest|to|heet|name|"
    r"handle|naam|nick|je suis|ben ik|i'm|i am|bin ich|ich bin|sono io|io sono|jestem|eu sou|"
    r"yo soy|genaamd|named|called|genannt|nommé|appelé|llamado|chiamato|chamado|"
    # "on discord as hugoram", "en discord como hectorlz", "na discordzie jako areks"
    r"as|als|como|come|comme|jako|under|sous|unter|onder|sob)[ \t]+)*)"
    r"[\"'`„“«@]?(?P<handle>[A-Za-z0-9][\w.\-]{2,31})",
    re.IGNORECASE,
)
# Every platform, game and field of the patterns above and below stands as a whole word (no
# letter, digit or underscore on either side): one of these, the first word of the longer
# ones ("battle" of "battle.net", "epic" of "epic games"), or a word that starts with one of
# the prefixes (those the patterns let any letters follow: "discordzie", "jugadores").
_PLATFORM_WORDS = frozenset(
    str.split(
        """
        xbox psn playstation steam nintendo insta instagram tiktok snap snapchat reddit
        telegram battle battlenet fortnite roblox minecraft valorant uplay ubisoft youtube
        bluesky mastodon lichess gamer gamertag
        """
    )
)
_PREFIXED_PLATFORMS = ("discord", "twitch")
_FIELD_WORDS = frozenset(
    str.split(
        """
        epic github gitlab twitter jira slack threads xbox user account konto compte cuenta
        conta utente gebruiker utilizador usuário usuario benutzer
        """
    )
)
_PLATFORM_HANDLE_WORDS = _PLATFORM_WORDS | _FIELD_WORDS

# A login given in words: "I log in as hoppente", "ik log in als …", "aka antcuri", "my
# Vinted account (xantoinex)": the handle in lower case, or with digits, dots or underscores.
_LOGIN_AS = re.compile(
    r"(?:\blog(?:ged|s)?[ -]?in (?:as|als|comme|como|come|jako)|\baka|\ba\.k\.a\.|"
    r"\bgo(?:es|ing)? by|\bknown as|\bbekannt als|\bconnue? sous le nom de|\bconocid[oa] como|"
    r"\bconhecid[oa] como|\bnot[oa] come|\bbekend als|\bznan[ya] jako)"
    r"[ \t]+[\"'`„“«]?(?P<handle>[a-z0-9][\w.\-]{2,31})"
    r"|\b(?:account|compte|cuenta|conta|konto|konta|profile|profil)[ \t]+"
    r"(?:(?:on|de|en|bei|na|su|op)[ \t]+)?[A-Z][\w.!]*[ \t]*\((?P<paren>[\w.\-]{3,32})\)"
    # The platform before the word: "my Vinted account (lunaretro)" (capitalised).
    r"|(?-i:\b[A-Z][\w.!]*)[ \t]+(?:account|profile)[ \t]*\((?P<named>[\w.\-]{3,32})\)",
    re.IGNORECASE,
)
_LOGIN_STEMS = (
    "log", "aka", "a.k.a", "account", "compte", "cuenta", "conta", "kont", "profil", "go by",
    "goes by", "going by", "known as", "bekannt", "sous le nom", "conocid", "conhecid", "noto come",
    "nota come", "bekend als", "znan",
)  # fmt: skip

# A handle by what is done to it: unlocked, logged in as, sending a friend request, named as
# one's in-game name ("can you unlock wolfKowal?", "entra como lorenzoc", "Freundschaftsanfrage
# von frosty.undine", "mon pseudo Steam c'est baguette_furieuse"). English "log in as" is
# _LOGIN_AS's.
_BY_VERB_WORDS = (
    r"unlock|entsperren|entsperrst|sbloccare|sblocca|desbloquear|desbloqueia|desbloquea|"
    r"deblokkeren|deblokkeer|débloquer|débloque|odblokuj|odblokować|"
    r"friend request from|freundschaftsanfrage von|richiesta di amicizia da|"
    r"solicitud de amistad de|demande d'ami de|demande d’ami de|vriendschapsverzoek van|"
    r"zaproszenie od|pedido de amizade de|"
    r"logge? dich als|melde dich als|meld je aan als|entra como|entre como|"
    r"accedi come|connecte-toi avec|connecte-toi en tant que|connectez-vous avec|zaloguj się jako|"
    r"zaloguj się na|in the game i'm|in the game i am|in-game name is|ign is|"
    r"(?:pseudo|nick(?:name)?|spielername|steam-name|gamertag|apodo|nome de utilizador)"
    r"(?:[ \t]+\w+)?[ \t]+(?:c'est|c’est|ist|is|es|è|é|to|:)"
)
_BY_VERB = re.compile(
    rf"(?i:\b(?:{_BY_VERB_WORDS}))"
    r"[ \t]+(?:(?:o|a|el|la|le|il|de|den)[ \t]+)?[\"'`„“«]?"
    rf"({_TAG})"
)
_BY_VERB_STEMS = (
    "unlock", "entsperr", "sblocca", "desbloque", "deblokke", "débloque", "odblok", "request",
    "anfrage", "amicizia", "amistad", "ami de", "ami de", "verzoek", "zaproszenie", "amizade",
    "log", "melde", "meld je", "entra", "entre", "accedi", "connecte", "zaloguj", "pseudo",
    "nick", "spielername", "steam-name", "gamertag", "apodo", "utilizador", "ign",
    "in the game", "in-game",
)  # fmt: skip
# "… mine is wiremux71": the possessive pronoun and its verb (not "mijn receptvideo").
_MINE = re.compile(
    r"(?i:\b(?:mine|my one|meiner|meins|le mien|la mienne|el mío|la mía|il mio|la mia|o meu|"
    r"a minha|mój|moja|de mijne)(?:[ \t]+(?:is|ist|est|es|è|é|jest|to)[ \t]+|[ \t]*:[ \t]*))"
    rf"({_TAG})"
)
# "Zeke (zekeyboi)": a handle in brackets right after a capitalized name.
_BRACKETED = re.compile(
    r"(?<![\w'’])[A-ZÀ-Þ][\w'’-]*[ \t]+\(([A-Za-z0-9][\w.\-]{2,31}(?:#\d{4})?)\)"
)
_GAMING_WHOLE_WORDS = _PLATFORM_WORDS | frozenset(
    str.split(
        """
        squad squadra team teams équipe equipo equipa mannschaft clan guild gamer gaming
        server player players spieler joueur joueurs lobby
        """
    )
)
_GAMING_PREFIXES = (
    *_PREFIXED_PLATFORMS,
    "drużyn",
    "jugador",
    "giocator",
    "gracz",
    "jogador",
    "speler",
)


def _gaming(text: str) -> bool:
    """Whether the message speaks of games: a platform, a team, players or a server."""
    return (
        holds_word(text, _GAMING_WHOLE_WORDS, _GAMING_PREFIXES) and _GAMING.search(text) is not None
    )


_DOMAIN_END = re.compile(r"\.[A-Za-z]{2,}$")


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(s < end and start < e for _, s, e in spans)


def _shaped(handle: str, strong: bool = False) -> bool:
    """Whether a word reads as a handle, not a word or a name (``strong``: not by rarity)."""
    core = handle.split("#")[0].strip(".-")
    if len(core) < 3 or _DOMAIN_END.search(core) or "-" in core and not core[-1].isdigit():
        return False
    if any(c.isdigit() for c in core) or "_" in core or "." in core:
        return True
    if core[1:] != core[1:].lower() and core[:1].isalpha():
        return True  # FrostByte, xXLupoXx
    if strong or not core.islower():
        return False
    lex = lexicon()
    return (
        not is_known_word(core)
        and core not in lex.first_names
        and core not in lex.surnames
        and core not in lex.stop
    )


def named_handles(text: str, taken: list[Span]) -> list[Span]:
    """Handles after their platform or field, given in words, by a verb, or "mine is X"."""
    out: list[Span] = []
    low = text.lower()
    if may_contain(text, _LOGIN_STEMS, low):
        out += _logins(text, taken)
    if holds_word(text, _PLATFORM_HANDLE_WORDS, _PREFIXED_PLATFORMS):
        out += _after_platforms(text, [*taken, *out])
    has_handle = any(k == "USERNAME" for k, _, _ in (*taken, *out))
    gaming = _gaming(text)
    verbs = may_contain(text, _BY_VERB_STEMS, low)
    if not (has_handle or gaming or verbs):
        return out
    spans = [(k, s, e) for k, s, e in (*taken, *out)]

    def add(start: int, end: int) -> None:
        while end > start and text[end - 1] in ".-":
            end -= 1
        if _shaped(text[start:end]) and not _overlaps(start, end, spans):
            spans.append(("USERNAME", start, end))
            out.append(("USERNAME", start, end))

    if verbs:
        for match in _BY_VERB.finditer(text):
            start, end = match.span(1)
            # A name inside the handle ("ricky" of "ricky.hendricks") gives way to it.
            inner = [
                x for x in spans if start <= x[1] and x[2] <= end and (x[1], x[2]) != (start, end)
            ]
            if inner and any(c in "._" or c.isdigit() for c in text[start:end]):
                spans = [x for x in spans if x not in inner]
            add(start, end)
    if has_handle:
        for match in _MINE.finditer(text):
            add(*match.span(1))
    if gaming:
        for match in _BRACKETED.finditer(text):
            add(*match.span(1))
    return out


def _logins(text: str, taken: list[Span]) -> list[Span]:
    out: list[Span] = []
    for match in _LOGIN_AS.finditer(text):
        group = next(g for g in ("handle", "paren", "named") if match.group(g))
        start = match.start(group)
        handle = match.group(group).rstrip(".-")
        end = start + len(handle)
        shaped = any(c.isdigit() or c in "._" for c in handle) or not is_known_word(handle.lower())
        if (
            shaped
            and (
                group != "handle"
                or handle.islower()
                or not handle.isalpha()
                or _shaped(handle, strong=True)  # "log in as wolfKowal"
            )
            and not _overlaps(start, end, [*taken, *out])
        ):
            out.append(("USERNAME", start, end))
    return out


def _after_platforms(text: str, taken: list[Span]) -> list[Span]:
    out: list[Span] = []
    stop = lexicon().stop
    for match in _PLATFORM_HANDLE.finditer(text):
        start = match.start("handle")
        handle = match.group("handle").rstrip(".-")
        end = start + len(handle)
        if len(handle) < 3:
            continue
        glued = any(c in "._" or c.isdigit() for c in handle)
        if any(
            s < end and start < e and not (glued and start <= s and e <= end and k == "PERSON")
            for k, s, e in (*taken, *out)
        ):
            continue  # taken, unless by a name inside the handle ("piotr.miranda")
        lowered = handle.lower()
        shaped = (
            any(c.isdigit() for c in handle)
            or "_" in handle
            or "." in handle
            or "-" in handle
            or handle[1:] != handle[1:].lower()
            and not (handle.isupper() and handle.isalpha() and len(handle) <= 5)  # "GitHub API"
        )
        # After "Steam:" or "user=", a lower-case word is a handle too ("paperclip").
        labelled = any(c in text[match.start() : start] for c in ":=")
        if lowered in stop:
            continue
        # Not the first word of a bot's sentence ("[8:20] Jira: reunião de RH …").
        log_word = labelled and handle.islower() and _log_line(text, match.start(), end)
        if shaped or not is_known_word(lowered) or labelled and handle.islower() and not log_word:
            out.append(("USERNAME", start, end))
    return out


# A bot's line in a pasted log: the field heads the line (after a time stamp or bullet) and a
# sentence follows ("[8:20] Jira: reunião de RH passou para as 18:00"), where "Steam:
# paperclip" ends with the handle.
#: What may come before a line's first word: a time stamp ("[8:20]", "9.30 –") or a bullet.
LINE_LEAD = r"[ \t]*(?:\[?\d{1,2}[:.h]\d\d(?::\d\d)?\]?[ \t]*(?:[-–][ \t]*)?|[-•*>][ \t]*)?"
_LOG_HEAD = re.compile(LINE_LEAD)
_SENTENCE_GOES_ON = re.compile(r"(?::[ \t]*)?[ \t]+[^\W\d_]")


def _log_line(text: str, field: int, end: int) -> bool:
    """Whether the field at ``field`` heads its line and words follow the word at ``end``."""
    head = _LOG_HEAD.match(text, text.rfind("\n", 0, field) + 1)
    return (
        head is not None and head.end() == field and _SENTENCE_GOES_ON.match(text, end) is not None
    )


# -- beside handles ---------------------------------------------------------------------------

_CANDIDATE = re.compile(r"(?<![\w.\-])[\w][\w.\-]{1,38}[\w](?:#\d{4})?")
_JOINED_BY = re.compile(
    rf"[ \t]*(?:,[ \t]*(?:(?:{_JOINERS})[ \t]+)?|[ \t]+(?:{_JOINERS})[ \t]+)(?:(?:a|à)[ \t]+)?"
)
# Shapes of handles: "xX_Lobo_Xx", "ToxicTaco980", "toxictaco.598", "zoran7188",
# "pizzaiolo_99", "NeonYeti653#9075".
_HANDLE_SHAPE = re.compile(
    r"(?:[A-Za-z0-9]+_[\w.]*|[A-Za-z]{2,}\.\d{1,4}|[a-z]{3,}\d{2,5}|x[Xx]\w+[Xx]x|"
    r"[A-Za-z]*[a-z][A-Z][a-z]+[A-Z]\w*|[A-Za-z]*[a-z][A-Z][A-Za-z]*\d{2,}|"
    r"[A-Z][a-z]+[A-Z][a-z]+\d{0,5}|[A-Za-z]{3,}[A-Z]?[a-z]*\d{2,5}|[A-Za-z][\w.]*(?=#))"
    r"(?:#\d{4})?"
)
# Every handle shape holds a digit, an underscore or a capital after a small letter.
_SHAPE_HINT = re.compile(r"[\d_]|[a-z][A-Z]")
# Products and platforms with a number: "PS5", "Xbox360", "FIFA23", "win10", not handles.
_PLATFORM_WORD = re.compile(
    r"(?i:xbox|ps\d|playstation|switch|fifa|fc\d|cod|nba|gta|mp\d|covid|iphone|galaxy|pixel\d|"
    r"windows|win\d|ipv|http|www|mac)"
)
HANDLE_JOINERS = "._-"


def _handle_shape(token: str) -> bool:
    if _HANDLE_SHAPE.fullmatch(token) is None or token.isupper() or _PLATFORM_WORD.match(token):
        return False
    letters = "".join(c for c in token if c.isalpha()).lower()
    digits = sum(c.isdigit() for c in token)
    # "covid19", "win10": a word with a short number is a product, not a handle.
    return not ("_" not in token and digits <= 2 and is_known_word(letters))


def handle_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """The run of letters, digits and joiners around text[start:end], no joiner at its end."""
    a, b = start, end
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in HANDLE_JOINERS):
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] in HANDLE_JOINERS):
        b += 1
    while b > end and text[b - 1] in HANDLE_JOINERS:
        b -= 1
    return a, b


def _glued(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A finding's whole handle when it is glued to digits or underscores, else None."""
    a, b = handle_extent(text, start, end)
    value = text[a:b]
    if any(c.isdigit() or c == "_" for c in value) or value[1:] != value[1:].lower():
        return a, b
    return None


def _identifier(token: str) -> bool:
    """A name in code or a setting: words joined by "_" ("allowed_cidrs", "server_name")."""
    parts = token.lower().split("_")
    return len(parts) > 1 and all(p.isalpha() and is_known_word(p) for p in parts if p)


def _free(start: int, end: int, taken: list[Span]) -> bool:
    return not any(s < end and start < e and k != "PERSON" for k, s, e in taken)


def handles_around(text: str, taken: list[Span]) -> list[Span]:
    """Discord numbers, handles listed with a handle, and handle shapes in gaming talk."""
    out: list[Span] = []
    handles: list[Span] = []
    gaming = _gaming(text)
    for kind, s, e in taken:
        if kind not in ("USERNAME", "PERSON"):
            continue
        # Found in part ("bogae" of "niek_bogae"): the whole token is the handle; a name
        # only when glued to digits or underscores, beside a handle or in gaming talk.
        whole = _glued(text, s, e)
        if kind == "USERNAME":
            handles.append(("USERNAME", *(whole or (s, e))))
        elif whole is not None and any(c.isdigit() or c == "_" for c in text[whole[0] : whole[1]]):
            handles.append(("PERSON", *whole))
    if not gaming and not any(k == "USERNAME" for k, _, _ in handles):
        return []
    handles = [("USERNAME", s, e) for _, s, e in handles]
    if "#" in text:
        for _, s, e in handles:
            tag = _DISCORD_NUMBER.match(text, e)
            if tag is not None:
                out.append(("USERNAME", s, tag.end()))
    shaped: list[Span] = []
    if gaming and _SHAPE_HINT.search(text) is not None:
        for token in _CANDIDATE.finditer(text):
            if token.start() and text[token.start() - 1] in "@/.:#\\":
                continue  # part of an address, a path or a link
            if text[token.end() : token.end() + 2].strip()[:1] in (":", "=", "(", ";", "["):
                continue  # a setting or a function: "max_connections = 200", "proxy_pass …;"
            if _identifier(token.group()):
                continue
            if any(
                k == "PERSON" and s <= token.start() and token.end() <= e and e - s > len(token[0])
                for k, s, e in taken
            ):
                continue  # a part of a longer name ("McDougald" of "Cillian McDougald")
            if _handle_shape(token.group()) and _free(
                token.start(), token.end(), [*taken, *shaped]
            ):
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
                tag = _DISCORD_NUMBER.match(text, e)
                between = text[tag.end() if tag is not None else e : token.start()]
            else:
                continue
            if _JOINED_BY.fullmatch(between) is None:
                continue
            value = token.group()
            if (
                value.isupper()
                or value.lower() in lexicon().stop
                or not _free(token.start(), token.end(), [*taken, *out])
            ):
                continue
            # A word that is no word of ours counts after "and", not after a bare comma
            # ("gebhard_photo, adde mich": the comma ends the handle's sentence part).
            bare_comma = between.strip() == ","
            # A lower-case non-word after "and" even when it ends like a domain ("danuse.mat"),
            # not a verb with its pronoun ("diz-me").
            coined = (
                value.islower()
                and "-" not in value
                and not is_known_word(value.lower())
                and not bare_comma
            )
            if _handle_shape(value) or coined or _shaped(value, strong=bare_comma):
                out.append(("USERNAME", token.start(), token.end()))
    return out
