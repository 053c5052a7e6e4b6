"""The anonymizer's word lists: name gazetteers, stop words, public figures (loaded lazily)."""

from __future__ import annotations

import array
import bisect
import functools
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


# The line breaks str.splitlines knows besides "\n" ("\r" and "\r\n" are read as "\n"):
# a file with one of them is read line by line.
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _words(name: str) -> frozenset[str]:
    """The entries of a data file: one or more per line, ``#`` starts a comment line."""
    text = (DATA / name).read_text(encoding="utf-8")
    if any(c in text for c in _OTHER_BREAKS):
        kept = [line for line in text.splitlines() if not line.startswith("#")]
        return frozenset("\n".join(kept).lower().split())
    # The few comment lines cut out by substring searches in C, then one split of the rest
    # (not a test and a split per line): the same words, read in half the time.
    return frozenset(_uncommented(text).lower().split())


def _uncommented(text: str) -> str:
    """``text`` without its lines that start with ``#`` (a line ends at a line feed only)."""
    kept: list[str] = []
    at = 0  # the start of the line looked at
    while True:
        if text.startswith("#", at):
            comment = at
        else:
            comment = text.find("\n#", at)
            if comment < 0:  # no comment line from here on
                kept.append(text[at:])
                return "\n".join(kept)
            comment += 1
        kept.append(text[at:comment])
        end = text.find("\n", comment)
        if end < 0:
            return "\n".join(kept)
        at = end + 1


@functools.cache
def stop_words() -> frozenset[str]:
    """The eight languages' stop words as the file lists them (the lexicon adds a few more)."""
    return _words("stopwords.txt")


def _lines(name: str) -> frozenset[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the person detector consults, lowercased."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    stop: frozenset[str]
    #: Names that are also words (hand-kept); capitalized and alone they need a cue.
    wordlike: frozenset[str]
    #: Names that are also frequent words in one to three of our languages (generated, plus
    #: the hand-kept ones); written in lower case they need a cue ("tell maria").
    lower_wordlike: frozenset[str]
    #: Months, places, software and brands: a name only with a strong cue or a surname after.
    strict: frozenset[str]
    #: Public figures and fictional characters, as full lowercase names.
    public: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """The word lists, read once on first use (about ten milliseconds)."""
    ambiguous = (DATA / "ambiguous_names.txt").read_text(encoding="utf-8").splitlines()
    strict: set[str] = set()
    wordlike: set[str] = set()
    in_strict = False
    for line in ambiguous:
        if line.startswith("#"):
            in_strict = in_strict or line.startswith("# strict")
            continue
        (strict if in_strict else wordlike).update(line.lower().split())
    strict.update(MONTHS_AND_DAYS)
    return Lexicon(
        first_names=_words("first_names.txt"),
        surnames=_words("surnames.txt"),
        stop=stop_words() | EXTRA_STOP,
        wordlike=frozenset(wordlike),
        lower_wordlike=_words("wordlike_names.txt") | frozenset(wordlike) | frozenset(strict),
        strict=frozenset(strict),
        public=_lines("public_figures.txt"),
    )


MONTHS_AND_DAYS = frozenset(
    str.split(
        """
        january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday januar februar märz mai juni
        juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
        janvier février mars avril juin juillet août septembre octobre novembre décembre lundi
        mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo abril mayo junio julio
        agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes
        sábado domingo gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
        lunedì martedì mercoledì giovedì venerdì sabato domenica januari februari maart mei
        augustus maandag dinsdag woensdag donderdag vrijdag zaterdag zondag styczeń luty marzec
        kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień janeiro
        fevereiro março maio junho julho setembro outubro novembro dezembro
        """
    )
)
# Words that open or address a message but never are the person addressed.
EXTRA_STOP = frozenset(
    str.split(
        """
        world team all everyone everybody there sir madam folks guys friends again chatgpt
        claude gpt assistant bot thanks thank please hello hi hey dear yes no ok okay i i'm i’m
        im english british american german french spanish italian dutch polish portuguese
        brazilian irish scottish welsh canadian australian indian chinese japanese korean
        european african asian latino latina muslim jewish christian catholic protestant hindu
        buddhist sikh atheist agnostic mormon orthodox evangelical gay lesbian bisexual trans
        vegan vegetarian single married divorced none null nil true false undefined nan herren
        damen kollegen leute zusammen tous toutes monsieur madame todos todas tutti allemaal
        wszystkim wszystkich pessoal gente
        """
    )
)


@functools.cache
def _known_hashes() -> array.array[int]:
    hashes = array.array("I")
    hashes.frombytes((DATA / "known_words.crc32").read_bytes())
    if sys.byteorder != "little":  # the file is written little-endian
        hashes.byteswap()
    return hashes


def is_known_word(word: str) -> bool:
    """Whether a lower-case word is in the ordinary vocabulary of one of our languages.

    The list holds CRC-32 hashes, so about one unknown word in 17,000 reads as known; that
    only makes the detector miss a rare name now and then, never invent one.
    """
    hashes = _known_hashes()
    value = zlib.crc32(word.encode())
    index = bisect.bisect_left(hashes, value)
    return index < len(hashes) and hashes[index] == value
