"""Tokens and their features for the learned PII tagger (shared by training and inference).

A message is cut into word and number tokens (punctuation and spaces are not tokens; they
show up as the *gap* features of the tokens around them). Each token's features come in
two kinds:

* **word features**, which depend only on the word itself (its lower case form, affixes,
  shape, gazetteer and vocabulary hits). They are the same wherever the word occurs, so
  the tagger caches their weights per word, as the word itself and as a neighbour;
* **context features**, which depend on where the token is: the gaps before and after it,
  the field label of its line or of the line above ("Phone:⏎…"), the question asked in the
  sentence before ("Who should we invoice? Kowalczyk."), a quoted line, a message written
  all in lower case, and what the rule detectors found there.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable
from itertools import accumulate, compress, pairwise, repeat
from typing import NamedTuple

from app.core.privacy.lexicon import MONTHS_AND_DAYS, is_known_word, lexicon

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
# Street words written as a word of their own or as the end of a compound, in many
# countries' formats ("Kastanienweg", "Storgatan", "Vesterbrogade", "Mannerheimintie").
_STREET_ENDINGS = (
    "straße",
    "strasse",
    "str",
    "weg",
    "allee",
    "platz",
    "gasse",
    "ring",
    "damm",
    "ufer",
    "straat",
    "laan",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "gatan",
    "gata",
    "vägen",
    "väg",
    "gränd",
    "torget",
    "stig",
    "gade",
    "vej",
    "veien",
    "vegen",
    "gaten",
    "gate",
    "katu",
    "tie",
    "kuja",
    "polku",
    "tee",
    "iela",
    "gatvė",
    "utca",
    "útca",
    "ulice",
    "náměstí",
    "třída",
    "cadde",
    "caddesi",
    "sokak",
    "sokağı",
    "bulvarı",
    "mahallesi",
    "street",
    "road",
    "avenue",
    "lane",
    "drive",
    "boulevard",
)
_STREET_WORDS = frozenset(
    str.split(
        """
        st rd ave ln dr blvd ct pl way street road avenue lane drive court place terrace close
        crescent square parkway highway circle grove gardens row mews hill walk rue avenue
        boulevard bd allée chemin impasse quai route cours calle avenida avda paseo plaza
        camino carrer ronda carretera via viale piazza corso vicolo largo strada ul ulica al
        aleja plac os osiedle rua travessa praça estrada alameda odos οδός οδος λεωφόρος
        ulitsa улица ул пр проспект переулок пер вул вулиця шосе nagar marg road sector
        cad sok sk mah mh utca út tér ulice nám třída iela gatve prospektas allé vej
        gade mnt maantee puiestee caddesi sokak pasaje psje pasadizo urbanización urb cañada
        glorieta callejón rambla calzada cerrada privada andador prolongación contrada rotonda
        av tv trav avd lgo
        vicolo borgo condomínio sítio chácara colônia loteamento residencial travessa ladeira
        résidence bât impasse aleea bulevardul drumul intrarea soseaua strada cesta nábřeží
        nábr nábrežie námestie trieda körút köz sétány stræde dreef steeg λεωφ λεωφόρος
        πάροδος πλατεία apartado postbus c/ pº p.º
        """
    )
)
# Street types that are also ordinary words (Faker's English suffixes among them: "54
# Maria Lights", "90 Elliot Skyway"): a feature of their own, but read only near a number.
_STREET_SUFFIXES = frozenset(
    str.split(
        """
        alley branch bridge brook brooks burg bypass camp canyon cape causeway center circle
        cliff cliffs club common corner corners course cove coves creek crest crossing
        crossroad curve dale dam divide estate estates expressway extension falls ferry field
        fields flat flats ford fords forest forge forges fork forks fort freeway garden
        gateway glen glens green greens harbor harbors haven heights hills hollow inlet
        island islands isle junction key keys knoll knolls lake lakes land landing light
        lights loaf lock locks lodge loop mall manor manors meadow meadows mill mills mission
        motorway mount mountain neck orchard oval overpass park parks pass passage path pike
        pine pines plain plains plaza point points port ports prairie radial ramp ranch rapid
        rapids rest ridge ridges river route run shoal shoals shore shores skyway spring
        springs spur squares station stravenue stream summit throughway trace track
        trafficway trail tunnel turnpike underpass union unions valley valleys viaduct views
        village villages ville vista wall wells studio apt suite unit lago vila canale
        """
    )
)
TITLE_WORDS = frozenset(
    str.split(
        """
        mr mrs ms miss mx dr prof herr herrn frau mme mlle sr sra srta sig dott dhr mevr pan
        pani panu dona doña monsieur madame señor señora senhor senhora signor signora meneer
        mevrouw mister sir lady lord hr fru pani paní pán úr bay bayan kyrios κος κα shri smt
        """
    )
)


class Token(NamedTuple):
    """A word or number of a message, with its offsets."""

    start: int
    end: int
    word: str


_new_token = tuple.__new__
# The same tokens, captured: one split gives the words and the gaps between them.
_PIECES = re.compile("(" + TOKEN.pattern + ")")


class Pieces(NamedTuple):
    """A message cut into its tokens' words and the gaps around them."""

    #: The tokens' words, in order.
    words: list[str]
    #: One more than the words: before the first, between each two, after the last.
    gaps: list[str]
    #: Offsets: ``bounds[2 * k]`` and ``bounds[2 * k + 1]`` are where word ``k`` starts and ends.
    bounds: list[int]


def pieces(text: str) -> Pieces:
    """The words of ``text``'s tokens, the gaps around them and their offsets."""
    # One split and running sums of the lengths, all in C: the same tokens as
    # TOKEN.finditer, without three method calls per token.
    parts = _PIECES.split(text)
    return Pieces(parts[1::2], parts[0::2], list(accumulate(map(len, parts))))


def tokenize(text: str) -> list[Token]:
    """The word and number tokens of ``text``."""
    return tokens_of(pieces(text))


def tokens_of(cut: Pieces) -> list[Token]:
    """The tokens of a message cut by :func:`pieces`."""
    words, _, bounds = cut
    # tuple.__new__ directly: a NamedTuple's own __new__ is one more Python call per token.
    starts_ends_words = zip(bounds[0:-1:2], bounds[1::2], words, strict=True)
    return list(map(_new_token, repeat(Token), starts_ends_words))


def has_upper(text: str) -> bool:
    """Whether any character of ``text`` is upper case (``str.isupper``)."""
    if text.isascii():
        # Among ASCII characters only A-Z are upper case, and only they change in lower().
        return text.lower() != text
    return any(map(str.isupper, text))


# ASCII characters to their shape letter: one translate() and one substitution instead of a
# Python loop over the characters of most words (the tagger shapes every new word it reads).
_ASCII_SHAPE = {
    c: "d" if chr(c).isdigit() else "X" if chr(c).isupper() else "x" if chr(c).isalpha() else "'"
    for c in range(128)
}
_RUNS = re.compile(r"(.)\1+")


def shape(word: str) -> str:
    """The word's shape with runs collapsed: "Anna" → "Xx", "12a" → "dx", "AB12" → "Xd"."""
    if word.isascii():
        return _RUNS.sub(r"\1", word.translate(_ASCII_SHAPE))
    out: list[str] = []
    for ch in word:
        if ch.isdigit():
            kind = "d"
        elif ch.isupper():
            kind = "X"
        elif ch.isalpha():
            kind = "x"
        else:
            kind = "'"
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[tuple[str, ...], ...]:
    """A word's own features, and the ones it lends to its neighbours.

    Returns five tuples: the word's own features, then those it gives the token after it
    (it is that token's left neighbour), the token before it, and the tokens two after and
    two before it.
    """
    lex = lexicon()
    low = word.lower()
    sh = shape(word)
    digits = sum(c.isdigit() for c in word) if "d" in sh else 0
    own = ["b", "sh=" + sh]
    near = ["sh=" + sh]
    if digits:
        own.append(f"nd={min(digits, 13)}")
        near.append(f"nd={min(digits, 13)}")
        if digits == len(word) and len(word) == 4 and word[:2] in ("19", "20"):
            own.append("year")
    else:
        own += ["w=" + low, "s3=" + low[-3:], "s4=" + low[-4:], "p3=" + low[:3]]
        near.append("w=" + low)
        cap = word[0].isupper()
        flags = []
        if low in lex.first_names:
            flags.append("fn")
        if low in lex.surnames:
            flags.append("sn")
        elif (
            "fn" not in flags
            and len(low) > 3
            and low.endswith(_CASE_ENDINGS)
            and _declined_first_name(low, lex.first_names)
        ):
            flags.append("dfn")
        if len(low) > 4 and "fn" not in flags and "sn" not in flags:
            # A German or Dutch genitive ("Birgits", "Vanessas") or an English possessive
            # ("Kobby's") of a first name; Polish surnames by their endings, in any case
            # ("Kowalskich", "Nowickiej", "Mickiewiczem").
            stem = low[:-2] if low.endswith(("'s", "’s")) else low[:-1] if low[-1] == "s" else ""
            if stem and (stem in lex.first_names or stem in lex.surnames):
                flags.append("gen")
            elif low.endswith(_SURNAME_ENDINGS):
                flags.append("psn")
        if low in lex.stop:
            flags.append("st")
        if low in lex.wordlike or low in lex.strict:
            flags.append("wl")
        if low in MONTHS_AND_DAYS:
            flags.append("mo")
        if low in TITLE_WORDS:
            flags.append("ti")
        if low in _STREET_WORDS or (len(low) > 5 and low.endswith(_STREET_ENDINGS)):
            flags.append("str")
        elif low in _STREET_SUFFIXES:
            flags.append("sfx")
        if len(low) >= 3 and not is_known_word(low):
            flags.append("unk")
        if len(word) > 1 and word.isupper():
            flags.append("up")
        case = "C" if cap else "l"
        own += flags
        own += [case + f for f in flags]
        near += flags
        near += [case + f for f in flags]
        if not word.isascii():
            own.append("nonascii")
    far = "w=" + low if not digits else "sh=" + sh
    return (
        tuple(own),
        tuple("L" + f for f in near),
        tuple("R" + f for f in near),
        ("LL" + far,),
        ("RR" + far,),
    )


_SURNAME_ENDINGS = (
    "ski", "ska", "skiego", "skiej", "skim", "ską", "skich", "scy", "cki", "cka", "ckiego",
    "ckiej", "ckim", "cką", "ckich", "ccy", "dzki", "dzka", "wicz", "wicza", "wiczem",
    "wiczowi", "czyk", "czyka", "czykiem",
)  # fmt: skip
# Slavic (Polish) case endings of first names: "Piotrem", "Kasi", "Magdę", "Tomkiem", "Michale".
_CASE_ENDINGS = ("owi", "iem", "em", "ie", "e", "a", "u", "y", "i", "ę", "ą")


def _declined_first_name(low: str, first_names: frozenset[str]) -> bool:
    """Whether ``low`` is a first name in another case ("grzegorza", "kasi", "tomkiem")."""
    for ending in _CASE_ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < 2:
            continue
        stem = low[: -len(ending)]
        if (
            stem in first_names
            or stem + "a" in first_names
            or stem + "ia" in first_names
            or stem[:-1] + "ek" in first_names  # tomk-iem: Tomek
            or stem.replace("ś", "si")[:-1] + "ek" in first_names  # krzyśk-a: Krzysiek
            or stem[-1:] == "l"
            and stem[:-1] + "ł" in first_names  # michal-e: Michał
        ):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def plain(word: str) -> bool:
    """Whether a word is ordinary lower-case vocabulary that the tagger need not read.

    Such a word (not capitalized, no digit, in the vocabulary and in no name, month or
    street list) is left out, unless it stands next to a word that is read.
    """
    lex = lexicon()
    if not word.islower():
        # A capitalized function word ("The", "Can", "Also") at the start of a sentence.
        low = word.lower()
        return word == "I" or (
            word[:1].isupper()
            and word[1:].islower()
            and low in lex.stop
            and low not in lex.first_names
            and low not in lex.surnames
            and low not in lex.wordlike
            and low not in lex.strict
            and low not in JOINERS
        )
    if len(word) < 2:
        return True
    return (
        is_known_word(word)
        and word not in lex.first_names
        and word not in lex.surnames
        and word not in MONTHS_AND_DAYS
        and word not in _STREET_WORDS
        and not word.endswith(_STREET_ENDINGS)
    )


# Small words that join the parts of a name, an address or a date ("van der", "rue de la",
# "12th of March", "Frankfurt am Main"): read when they stand next to a word that is read.
JOINERS = frozenset(
    str.split(
        """
        de del della delle dei di da do dos das du des la le les los las van von der den ten
        ter vom zu y e i of am an im sur upon on bin ibn al el
        """
    )
)


def read_mask(text: str, tokens: list[Token]) -> list[bool]:
    """Which tokens the tagger reads.

    Every token of a message written all in lower case; otherwise every token that is not
    ordinary lower-case vocabulary (see :func:`plain`), and the joining words next to them.
    """
    return words_read([t.word for t in tokens], has_upper(text))


def words_read(words: list[str], upper: bool) -> list[bool]:
    """:func:`read_mask` of a message's words; ``upper``: whether the message has a capital."""
    count = len(words)
    if not upper:
        return [True] * count
    core = list(map(operator.not_, map(plain, words)))
    if JOINERS.isdisjoint(words):
        return core
    mask = core.copy()
    # Only the joining words change: found by one pass in C, then judged one by one.
    for i in compress(range(count), map(JOINERS.__contains__, words)):
        if not core[i] and (i > 0 and core[i - 1] or i + 1 < count and core[i + 1]):
            mask[i] = True
    return mask


@functools.lru_cache(maxsize=4096)
def gap_feature(gap: str) -> str:
    """The text between two tokens, reduced to what matters ("sp", "nl", ",sp", ":nl")."""
    if gap == " ":
        return "sp"
    out: list[str] = []
    for ch in gap:
        kind = "nl" if ch == "\n" else "sp" if ch.isspace() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:8]


_LABEL = re.compile(r"^[ \t>*-]*([^\W\d_][\w .'/-]{0,30}?)[ \t]*[:：][ \t]*")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s)|\n")


def context_features(
    text: str, tokens: list[Token], mask: list[bool] | None = None
) -> list[list[str]]:
    """Per token, the features that depend on its place in the message (not on the word).

    Tokens outside ``mask`` (when given) get none.
    """
    if not tokens:
        return []
    gaps = [text[: tokens[0].start]]
    gaps += [text[a.end : b.start] for a, b in pairwise(tokens)]
    gaps.append(text[tokens[-1].end :])
    bounds: list[int] = []
    for token in tokens:
        bounds += (token.start, token.end)
    return message_context(
        text, Pieces([t.word for t in tokens], gaps, bounds), mask, not has_upper(text)
    )


def message_context(
    text: str, cut: Pieces, mask: list[bool] | None, lower_message: bool
) -> list[list[str]]:
    """:func:`context_features` of a message cut by :func:`pieces`.

    ``lower_message``: whether the message has no upper-case character.
    """
    words, gaps, bounds = cut
    count = len(words)
    feats: list[list[str]] = [[] for _ in range(count)]
    if not count:
        return feats
    # Field labels: "Phone: …" on the same line, "Phone:⏎…" on the line(s) below.
    line_label: dict[int, str] = {}
    carried: str | None = None
    carried_lines = 0
    offset = 0
    line_starts = []
    has_colon = ":" in text or "：" in text
    for line in text.split("\n") if has_colon else ():
        line_starts.append(offset)
        match = _LABEL.match(line)
        if match:
            label = match.group(1).lower().split()[-1][:20]
            rest = line[match.end() :].strip()
            if rest:
                line_label[offset] = "lab=" + label
                carried = None
            else:
                carried, carried_lines = label, 0
        elif line.strip() and carried is not None:
            carried_lines += 1
            line_label[offset] = ("nlab=" if carried_lines == 1 else "nlab2=") + carried
            if carried_lines >= 3:
                carried = None
        elif not line.strip():
            carried = None
        offset += len(line) + 1
    if not has_colon:
        line_starts = [0]
        if "\n" in text:
            line_starts.extend(m.end() for m in re.finditer("\n", text))
    # Sentences: the question just before a short answer ("Who should we invoice?
    # Kowalczyk."): its words, on the tokens of a sentence of at most eight tokens.
    answers: dict[int, list[str]] = {}
    sentence_of: list[int] = []
    if "?" in text:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        # A token's sentence: how many sentence ends come at or before its start.
        sentence_of = list(map(bisect.bisect_right, repeat(ends), bounds[0:-1:2]))
        for k, end in enumerate(ends):
            if text[max(0, end - 1)] != "?" and text[max(0, end - 2) : end].strip()[-1:] != "?":
                continue
            # The tokens of sentence k + 1 (the answer) and of sentence k (the question):
            # sentence_of never decreases, so each is one run.
            first = bisect.bisect_left(sentence_of, k + 1)
            size = bisect.bisect_left(sentence_of, k + 2) - first
            if not size or size > 8:
                continue
            asked = max(bisect.bisect_left(sentence_of, k), first - 6)
            answers[k + 1] = ["ans", *("q=" + w.lower() for w in words[asked:first])]
    quoted = {start for start in line_starts if text.startswith(">", start)}
    heads = _line_heads(words, bounds, line_starts) if len(line_starts) > 2 else {}
    before = _before.__getitem__
    after = _after.__getitem__
    last = count - 1
    # What the line and the sentence add: nothing in most messages (one line, no label, no
    # quote, no question, not all lower case), where the gaps are a token's only context.
    extras = len(line_starts) > 1 or line_label or quoted or answers or lower_message
    line_index = 0
    line_start = 0
    for i in range(count) if mask is None else compress(range(count), mask):
        f = feats[i]
        f.append(before(gaps[i]) if i else "g=^" + gap_feature(gaps[0]))
        f.append(after(gaps[i + 1]) if i < last else "G=$")
        if not extras:
            continue
        start = bounds[2 * i]
        while line_index + 1 < len(line_starts) and line_starts[line_index + 1] <= start:
            line_index += 1
        line_start = line_starts[line_index]
        label = line_label.get(line_start)
        if label is not None:
            f.append(label)
        if line_start in quoted:
            f.append("quote")
        if i in heads:
            f.append(heads[i])
        if answers and sentence_of[i] in answers:
            f.extend(answers[sentence_of[i]])
        if lower_message:
            f.append("lowmsg")
            f.extend("lowmsg&" + x for x in word_features(words[i])[0] if len(x) <= 3)
    return feats


def _line_heads(words: list[str], bounds: list[int], line_starts: list[int]) -> dict[int, str]:
    """The first word of each line (after numbers, times and bullets), with what the others are.

    A roster, a guest list or a chat log puts a name at the head of many lines, a minutes'
    or a bot's log puts departments, rooms and tools there ("Jira:", "Everest: 9–11"). Each
    head gets ``li=n0``, ``li=n1`` or ``li=n2``: whether none, one, or two or more of the
    other lines' heads are in a name list.
    """
    lex = lexicon()
    found: list[tuple[int, bool]] = []
    line = 0
    count = len(line_starts)
    taken = -1
    for i, word in enumerate(words):
        start = bounds[2 * i]
        while line + 1 < count and line_starts[line + 1] <= start:
            line += 1
        if line == taken or word.isdigit():
            continue
        taken = line
        low = word.lower()
        found.append((i, (low in lex.first_names or low in lex.surnames) and low not in lex.stop))
    if len(found) < 3:
        return {}
    names = sum(named for _, named in found)
    return {i: "li=n" + str(min(2, names - named)) for i, named in found}


class _GapFeatures(dict[str, str]):
    """Gap → its feature name with a prefix, filled on demand (a dict lookup per token)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self._prefix = prefix

    def __missing__(self, gap: str) -> str:
        name = self._prefix + gap_feature(gap)
        if len(self) < 4096:
            self[gap] = name
        return name


_before = _GapFeatures("g=")
_after = _GapFeatures("G=")


def rule_features(tokens: list[Token], spans: list[tuple[str, int, int]]) -> list[list[str]]:
    """Per token, what the rule detectors found over it ("r=PERSON")."""
    out: list[list[str]] = [[] for _ in tokens]
    if not spans:
        return out
    for kind, start, end in spans:
        for i, token in enumerate(tokens):
            if token.start < end and start < token.end:
                out[i].append("r=" + kind)
    return out


def rules_over(bounds: list[int], spans: Iterable[tuple[str, int, int]]) -> dict[int, list[str]]:
    """:func:`rule_features` of a message cut by :func:`pieces`, for the tokens with any."""
    out: dict[int, list[str]] = {}
    starts = bounds[0:-1:2]
    ends = bounds[1::2]
    for kind, start, end in spans:
        name = "r=" + kind
        # The tokens that overlap start:end are one run: those that end after its start and
        # begin before its end.
        for i in range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, end)):
            if i in out:
                out[i].append(name)
            else:
                out[i] = [name]
    return out
