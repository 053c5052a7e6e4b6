"""The other names of a list of names: "guests so far: Will, Hope, Mark and Joy".

Names that are also words ("Will", "Hope"), rare names and nicknames are missed alone, but
a list in which most items are found names is a list of names: its other items, written
like names, are names too. Items are one or two words between commas, "and" or "or" in our
languages; an item that is a stop word (unless also a name: "Will"), a month or day, a
holiday or a public figure is left alone, and so is an item in no name list that is an
ordinary word ("Accounts Payable"), and lists with fewer than two names found.
"""

from __future__ import annotations

import re

from app.core.privacy.features import TITLE_WORDS
from app.core.privacy.lexicon import MONTHS_AND_DAYS, is_known_word, lexicon

_ITEM = r"[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?"
_JOIN = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&|und|et|y|e|en|i|oraz|or|oder|ou|o|of|czy)[ \t]+)"
_LIST = re.compile(rf"(?<![\w'’.-]){_ITEM}(?:{_JOIN}{_ITEM}){{2,}}(?![\w'’-])")
_SPLIT = re.compile(_JOIN)


def list_mates(
    text: str, taken: list[tuple[str, int, int]], public: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """Unfound items of lists whose found items are mostly names."""
    if text.count(",") + text.count(" and ") < 2:
        return []
    people = [(s, e) for k, s, e in taken if k == "PERSON"]
    if len(people) < 2:
        return []
    lex = lexicon()
    lower_message = not any(c.isupper() for c in text)
    out: list[tuple[str, int, int]] = []
    for match in _LIST.finditer(text):
        items: list[tuple[int, int]] = []
        cursor = match.start()
        for sep in _SPLIT.finditer(text, match.start(), match.end()):
            items.append((cursor, sep.start()))
            cursor = sep.end()
        items.append((cursor, match.end()))
        found = [any(s < b and a < e for s, e in people) for a, b in items]
        if sum(found) < 2 or 2 * sum(found) < len(items):
            continue
        for (a, b), hit in zip(items, found, strict=True):
            if hit or any(s < b and a < e for _, s, e in taken):
                continue
            if any(s < b and a < e for s, e in public):
                continue
            words = text[a:b].split()
            low = [w.lower() for w in words]
            if any(
                w in lex.stop
                and w not in lex.wordlike
                and w not in lex.first_names
                or w in MONTHS_AND_DAYS
                or w in lex.strict
                for w in low
            ):
                continue
            if not lower_message and not all(w[:1].isupper() and not w.isupper() for w in words):
                continue
            # A name list's word, or a rare one: not "Accounts Payable", "Sr", "Hr".
            if any(w in TITLE_WORDS for w in low) or not all(
                w in lex.first_names
                or w in lex.surnames
                or w in lex.wordlike
                or len(w) > 2
                and not is_known_word(w)
                for w in low
            ):
                continue
            out.append(("PERSON", a, b))
    return out


_ARTICLES = frozenset(
    str.split(
        """
        the a an my your his her our their this that la le les el los las il lo un une una uno
        de het een der die das den dem ein eine o os as um uma ten ta to mój moja
        """
    )
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def other_mentions(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The other mentions of a one-word name found once ("kwesi owes femi 20 … does kwesi").

    A name that is also a word ("bill", "penny") counts again only written the same way and
    not after an article ("split the bill", "a penny more").
    """
    names: dict[str, str] = {}
    for kind, start, end in taken:
        if kind != "PERSON":
            continue
        value = text[start:end]
        for suffix in ("'s", "’s"):
            value = value.removesuffix(suffix)
        if " " not in value and len(value) > 1:
            names.setdefault(value.lower(), value)
    if not names:
        return []
    lex = lexicon()
    spans = [(s, e) for _, s, e in taken]
    out: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        for suffix in ("'s", "’s"):
            word = word.removesuffix(suffix)
        seen = names.get(word.lower())
        if seen is None:
            continue
        start, end = match.start(), match.start() + len(word)
        if any(s < end and start < e for s, e in spans):
            continue
        low = word.lower()
        if (
            low in lex.stop
            or low in lex.wordlike
            or low in lex.lower_wordlike
            or (is_known_word(low) and low not in lex.first_names)
        ):
            before = text[max(0, start - 12) : start].split()
            if word != seen or before and before[-1].lower() in _ARTICLES:
                continue
        out.append(("PERSON", start, end))
    return out
