"""Gamer tags and chat handles by their company: the other handles of everyday chat.

A handle found by the rules or the tagger often has neighbours that nothing found: its
Discord number ("ShadowFox.34#5082"), the handle it is listed with ("add
FrostByte217 and theromandev to the squad"), the one answered with it ("her xbox tag is
sanjayx68, mine is wiremux71"). Handles named by their platform with "as" ("on discord as
hectorlz", "na discordzie jako areks"), by what is done to them ("can you unlock wolfKowal?",
"entra como lorenzoc", "friend request from frosty.undine") and a handle in brackets after a
name in a chat about games ("Zeke (zekeyboi)") are found here too.

A neighbour counts only when it is shaped like a handle: digits, dots or underscores inside,
a capital inside the word ("FrostByte"), or a lower-case word that is in no vocabulary and
no name list ("theromandev"). A capitalized word ("and Luca") stays a name.
"""

from __future__ import annotations

import re

from app.core.privacy.lexicon import is_known_word, lexicon

_TAG = r"[A-Za-z0-9][\w.\-]{1,31}(?:#\d{4})?"
_AND = (
    r"(?:[ \t]*(?P<comma>,)[ \t]*|"
    r"[ \t]+(?:and|&|e|y|i|und|et|en|oraz|or|ou|o|oder|of|czy|albo)[ \t]+)"
)
_AFTER = re.compile(rf"{_AND}({_TAG})(?![\w@])")
_BEFORE = re.compile(rf"(?<![\w@/.#-])({_TAG}){_AND}$")
_DISCRIMINATOR = re.compile(r"#\d{4}(?!\d)")
_PLATFORMS = (
    r"discord\w*|xbox|psn|playstation|steam|nintendo|twitch|insta(?:gram)?|tiktok|"
    r"snap(?:chat)?|reddit|telegram|battle\.?net|fortnite|roblox|minecraft|valorant|uplay|"
    r"ubisoft|youtube|bluesky|mastodon"
)
_AS = re.compile(
    rf"(?i:\b(?:{_PLATFORMS})(?:[ \t]+(?:tag|name|id|username|handle|nick|gamertag))?"
    r"[ \t]+(?:as|como|come|comme|als|jako|under|sous|unter|onder|sob))[ \t]+"
    rf"[\"'`„“«]?({_TAG})"
)
# "… mine is wiremux71": the possessive pronoun and its verb (not "mijn receptvideo").
# A handle by what is done to it: unlocked, logged in as, sending a friend request, named as
# one's in-game name ("can you unlock wolfKowal?", "entra como lorenzoc", "Freundschaftsanfrage
# von frosty.undine", "mon pseudo Steam c'est baguette_furieuse").
_BY_VERB = re.compile(
    r"(?i:\b(?:unlock|entsperren|entsperrst|sbloccare|sblocca|desbloquear|desbloqueia|desbloquea|"
    r"deblokkeren|deblokkeer|débloquer|débloque|odblokuj|odblokować|"
    r"friend request from|freundschaftsanfrage von|richiesta di amicizia da|"
    r"solicitud de amistad de|demande d'ami de|demande d’ami de|vriendschapsverzoek van|"
    r"zaproszenie od|pedido de amizade de|"
    r"log(?:ged)? ?in as|logge? dich als|melde dich als|meld je aan als|entra como|entre como|"
    r"accedi come|connecte-toi avec|connecte-toi en tant que|connectez-vous avec|zaloguj się jako|"
    r"zaloguj się na|in the game i'm|in the game i am|in-game name is|ign is|"
    r"(?:pseudo|nick(?:name)?|spielername|steam-name|gamertag|apodo|nome de utilizador)"
    r"(?:[ \t]+\w+)?[ \t]+(?:c'est|c’est|ist|is|es|è|é|to|:)))"
    r"[ \t]+(?:(?:o|a|el|la|le|il|de|den)[ \t]+)?[\"'`„“«]?"
    rf"({_TAG})"
)
_MINE = re.compile(
    r"(?i:\b(?:mine|my one|meiner|meins|le mien|la mienne|el mío|la mía|il mio|la mia|o meu|"
    r"a minha|mój|moja|de mijne)(?:[ \t]+(?:is|ist|est|es|è|é|jest|to)[ \t]+|[ \t]*:[ \t]*))"
    rf"({_TAG})"
)
_GAMES = re.compile(
    rf"(?i:\b(?:{_PLATFORMS}|squad|gamer|gaming|clan|lobby|team|equipo|equipa|squadra|équipe|"
    r"drużyn\w*|mannschaft|gamertag)\b)"
)
# "Zeke (zekeyboi)": a handle in brackets right after a capitalized name.
_BRACKETED = re.compile(
    r"(?<![\w'’])[A-ZÀ-Þ][\w'’-]*[ \t]+\(([A-Za-z0-9][\w.\-]{2,31}(?:#\d{4})?)\)"
)
_DOMAIN_END = re.compile(r"\.[A-Za-z]{2,}$")


# Every match of _GAMES or _BY_VERB holds one of these (lower case): a message with none
# is not searched.
_STEMS = (
    "discord", "xbox", "psn", "playstation", "steam", "nintendo", "twitch", "insta", "tiktok",
    "snap", "reddit", "telegram", "battle", "fortnite", "roblox", "minecraft", "valorant",
    "uplay", "ubisoft", "youtube", "bluesky", "mastodon", "squad", "gam", "clan", "lobby",
    "team", "equip", "squadra", "équipe", "drużyn", "mannschaft", "tag", "unlock", "entsperr",
    "sblocca", "desbloque", "deblokke", "débloque", "odblok", "request", "anfrage",
    "amicizia", "amistad", "ami de", "ami de", "verzoek", "zaproszenie", "amizade", "log",
    "melde", "meld je", "entra", "entre", "accedi", "connecte", "zaloguj", "pseudo", "nick",
    "spielername", "apodo", "utilizador", "ign", "in-game",
)  # fmt: skip


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


_HANDLE_JOINERS = "._-"
# A word with a capital inside and two digits or more, letters joined by an underscore to a
# capital or digits, or a Discord number: "ToxicTaco980", "lazy_llama_7", "NightOwl909",
# "turbosloth.753#4869" (not "web01", "PS5", "Xbox360" nor "FIFA23": see _PLATFORM_WORD).
_STRONG = re.compile(
    r"(?<![\w@/.#-])(?:[A-Za-z]*[a-z][A-Z][A-Za-z]*\d{2,}|[A-Za-z]+_(?=\w*[A-Z\d])\w+|"
    r"[A-Za-z][\w.]*#\d{4})(?![\w@#])"
)
_PLATFORM_WORD = re.compile(
    r"(?i:xbox|ps\d|playstation|switch|fifa|fc\d|cod|nba|gta|mp\d|covid|iphone|galaxy|pixel\d|"
    r"windows|win\d|ipv|http|www|mac)"
)


def _glued(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A finding's whole handle when it is glued to digits or underscores, else None."""
    a, b = start, end
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in _HANDLE_JOINERS):
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] in _HANDLE_JOINERS):
        b += 1
    while b > end and text[b - 1] in _HANDLE_JOINERS:
        b -= 1
    value = text[a:b]
    if any(c.isdigit() or c == "_" for c in value) or value[1:] != value[1:].lower():
        return a, b
    return None


def more_handles(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Handles beside the handles found, and handles named by their platform or verb."""
    if not any(k == "USERNAME" for k, _, _ in taken) and not (
        any(stem in text.lower() for stem in _STEMS)
        and (_GAMES.search(text) or _BY_VERB.search(text))
    ):
        return []
    out: list[tuple[str, int, int]] = []
    spans = [(s, e) for _, s, e in taken]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in (*spans, *((s, e) for _, s, e in out)))

    def add(start: int, end: int, strong: bool = False) -> None:
        while end > start and text[end - 1] in ".-":
            end -= 1
        value = text[start:end]
        if _shaped(value, strong) and free(start, end):
            out.append(("USERNAME", start, end))

    handles: list[tuple[int, int]] = []
    for kind, s, e in taken:
        whole = _glued(text, s, e) if kind in ("USERNAME", "PERSON") else None
        if whole is not None:
            handles.append(whole)
        elif kind == "USERNAME":
            handles.append((s, e))
    if _GAMES.search(text):
        # In a chat about games, a word of letters and digits or underscores is a tag.
        for match in _STRONG.finditer(text):
            if free(*match.span()) and not _PLATFORM_WORD.match(match.group()):
                out.append(("USERNAME", *match.span()))
                handles.append(match.span())
    handles = sorted(set(handles))
    for start, end in handles:
        grown_start, grown_end = start, end
        tail = _DISCRIMINATOR.match(text, end)
        if tail is not None:
            grown_end = tail.end()
        if (grown_start, grown_end) != (start, end):
            out.append(("USERNAME", grown_start, grown_end))
        # After a comma only a word shaped like a handle ("tina_photo, aggiungimi").
        after = _AFTER.match(text, grown_end)
        if after is not None:
            add(*after.span(2), strong=after.group("comma") is not None)
        before = _BEFORE.search(text, max(0, grown_start - 40), grown_start)
        if before is not None:
            add(*before.span(1), strong=before.group("comma") is not None)
    for match in _AS.finditer(text):
        add(*match.span(1))
    for match in _BY_VERB.finditer(text):
        start, end = match.span(1)
        # A name inside the handle ("ricky" of "ricky.hendricks") gives way to it.
        inner = [(s, e) for s, e in spans if start <= s and e <= end and (s, e) != (start, end)]
        if inner and any(c in "._" or c.isdigit() for c in text[start:end]):
            spans = [x for x in spans if x not in inner]
        add(start, end)
    if handles:
        for match in _MINE.finditer(text):
            add(*match.span(1))
    if _GAMES.search(text):
        for match in _BRACKETED.finditer(text):
            add(*match.span(1))
    return out
