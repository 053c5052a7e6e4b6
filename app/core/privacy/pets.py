"""Pets with people's names ("our cat Hugo", "Frank the parrot"): not PII.

The labelling policy counts the names of private *people*; a pet named Gerald or Doña Rosa
is none. A name is a pet's where an animal word stands right before it ("notre chien
Gaston", "Hamster Günther", "two cats, Mabel and Oscar"), right after it with "the"
("Trevor the guinea pig"), or the message names the animal with a naming verb ("la gata se
llama Doña Rosa", "die Katze heißt Frau Müller"). Once a name is a pet's, its other mentions
are the pet's too ("two cats, Mabel and Oscar. Mabel bullies Oscar", 'mijn papegaai Humphrey
zegt alleen "Humphrey"'), unless the message gives the name another reading: a mention with
a relation word beside it ("Mabel the parrot? no, Mabel my aunt", "my aunt Mabel") is a
person's, and then only the mentions next to the animal word are the pet's.

Only the name itself is let go: an owner next to it ("Anna's dog Rex") is still a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.privacy.lexicon import lexicon
from app.core.privacy.names import POSSESSIVES, RELATION_NOUNS

# Animal words people name their pets after, in our eight languages (with Polish cases).
# Words that are also other words in one of the languages ("chat", "loro", "cane", "kat",
# "pup") count only after a determiner.
_ANIMALS = (
    r"dogs?|doggo|puppy|puppies|cats?|kitten|kittens|kitty|hamsters?|parrots?|budgies?|"
    r"rabbits?|bunny|guinea[ \t]pigs?|goldfish|fish|tortoise|turtle|lizard|snake|horse|pony|"
    r"ferret|gerbil|labradors?|spaniel|terrier|poodle|beagle|dachshund|chihuahua|"
    r"hund|hunde|hündin|katze|katzen|kater|kätzchen|welpe|papagei|wellensittich|kaninchen|"
    r"meerschweinchen|schildkröte|pferd|pony|goldfisch|"
    r"chien|chienne|chiens|chats|chatte|chaton|chiot|lapin|perroquet|perruche|cochon[ \t]d'inde|"
    r"tortue|cheval|poisson[ \t]rouge|"
    r"perro|perra|perros|perrito|gato|gata|gatos|gatito|cachorro|cachorra|conejo|periquito|"
    r"cobaya|cobayas|hámster|tortuga|caballo|"
    r"gatto|gatta|gatti|gattino|cucciolo|cucciola|pappagallo|criceto|coniglio|cagnolino|"
    r"cavia|tartaruga|cavallo|"
    r"hond|honden|poes|kater|puppy|papegaai|parkiet|konijn|cavia|schildpad|paard|"
    r"cão|cães|cadela|gatinho|papagaio|coelho|porquinho-da-índia|"
    r"pies|psa|psem|psu|psy|suczka|kot|kota|kotem|kotu|koty|kotka|kotki|kotkiem|chomik|chomika|"
    r"chomikiem|papuga|papugi|papugą|królik|królika|królikiem|świnka|świnki|piesek|pieska|"
    r"żółw|żółwia|koń|konia|kotek|szczeniak|gecko|hase|cagna|hondje"
)
_AMBIGUOUS = r"chat|loro|cane|kat|pup|fish"
_DETERMINER = (
    r"the|our|my|your|his|her|their|new|old|little|a|le|la|un|une|notre|mon|ma|ton|ta|son|sa|"
    r"leur|votre|du|ce|cette|el|mi|tu|su|nuestro|nuestra|il|lo|nostro|nostra|mio|mia|tuo|tua|suo|sua|"
    r"de|het|een|onze|ons|mijn|jouw|o|a|nosso|nossa|meu|minha|teu|tua|seu|sua|der|die|das|"
    r"unser|unsere|mein|meine|dein|deine|ein|eine|nasz|nasza|mój|moja|twój|twoja"
)
_TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Herr|Frau|Monsieur|Madame|Mme|M\.|Don|Doña|Dona|Dom|"
    r"Señor|Señora|Senhor|Senhora|Signor|Signora|Sig\.|Pan|Pani|Meneer|Mevrouw|Tante|Oom)\.?[ \t]+"
)
_NAME = r"[^\W\d_][\w'’-]*"
_JOIN = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|&|y|e|et|und|en|i|oraz)[ \t]+)"
_NAMES = rf"(?:{_TITLES})?{_NAME}(?:{_JOIN}(?:{_TITLES})?{_NAME})*"
# Names joined by "and" only: a comma before "said the cat" ends a sentence, not a list.
_NAMES_AND = rf"(?:{_TITLES})?{_NAME}(?:[ \t]+(?:and|&|y|e|et|und|en|i|oraz)[ \t]+{_NAME})?"
_NUMBER = (
    r"\d+|two|three|four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|due|tre|quattro|"
    r"twee|drie|dois|duas|três|dwa|dwie|trzy|cztery"
)

# An animal word; an ambiguous one only after a determiner ("de kat", not "kat").
_ANIMAL = rf"(?:(?i:{_ANIMALS})|(?<![\w'’])(?i:(?:{_DETERMINER})[ \t]+)(?i:{_AMBIGUOUS}))"
_BEFORE = re.compile(
    rf"(?<![\w'’]){_ANIMAL}"
    rf"([ \t]+|(?<=s)[ \t]*[,:][ \t]*)({_NAMES})"
)
# "two cats, Mabel and Oscar": a comma or colon only after a number of animals.
_COUNTED = re.compile(rf"(?<![\w'’])(?i:{_NUMBER})[ \t]+(?:[^\W\d_]+[ \t]+)?[^\W\d_]+$")
# "Anna the dog walker" is a person: a trade after the animal word.
_TRADE = (
    r"[ \t]+(?:walker|sitter|groomer|trainer|owner|lover|person|lady|man|guy|whisperer|"
    r"breeder|minder|food|show|park)"
)
_AFTER = re.compile(
    rf"({_NAMES_AND})[ \t]+(?i:the[ \t]+(?:new[ \t]+|little[ \t]+|old[ \t]+)?)"
    rf"(?i:{_ANIMALS}|{_AMBIGUOUS})(?![\w'’])(?!(?i:{_TRADE}))"
)
_AFTER_BRACKET = re.compile(
    rf"({_NAMES_AND})[ \t]+\((?i:our|my|the|unsere|nos|nuestros|i[ \t]+nostri)[ \t]+"
    rf"(?i:{_ANIMALS})(?![\w'’])"
)
_NAMING = re.compile(
    r"(?i:\b(?:called|named|calls?|names?|se[ \t]+llama|s'appelle|s’appelle|heißt|heisst|"
    r"chama-se|se[ \t]+chama|si[ \t]+chiama|heet|nazywa[ \t]+się|ma[ \t]+na[ \t]+imię))"
    rf"[ \t]+({_NAMES})"
)
_JOINED = re.compile(r"(?i:\b(?:and|y|e|et|und|en|i|oraz|or|ou|oder|o|of|lub)\b)|,")
_ANIMAL_WORD = re.compile(rf"(?<![\w'’]){_ANIMAL}(?![\w'’])")
_SENTENCE = re.compile(r"[.!?\n]")
_SPLIT = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:and|&|y|e|et|und|en|i|oraz)[ \t]+")
_TITLE_ONLY = re.compile(rf"^{_TITLES}")


def _names_in(group: str, lower_message: bool) -> list[str]:
    """The lowercase names of a matched list ("Mabel and Oscar" → mabel, oscar).

    A word in lower case counts only in a message written all in lower case, and never a
    stop word ("hey Frank the parrot has …").
    """
    stop = lexicon().stop
    out = []
    for part in _SPLIT.split(group):
        part = _TITLE_ONLY.sub("", part).strip()
        low = part.lower()
        if part and (lower_message or not part.islower()) and low not in stop:
            out.append(low)
    return out


# The animal words' first words, to leave most messages after one set intersection.
_STEMS = frozenset(
    stem
    for alternative in (_ANIMALS + "|" + _AMBIGUOUS).split("|")
    for base in [re.split(r"[\[-]", alternative)[0]]
    for stem in ((base[:-2], base[:-2] + "s") if base.endswith("s?") else (base,))
)
_LOW_WORDS = re.compile(r"[^\W\d_]+")


# A mention of the name read as a person's: a relation word after it ("Mabel my aunt",
# "Ruby, my niece") or before it ("my aunt Mabel", "tante Mabel").
_PERSON_AFTER = re.compile(
    rf"[ \t]*,?[ \t]*(?i:(?:{POSSESSIVES})[ \t]+(?:{RELATION_NOUNS}))(?![\w'’])"
)
_PERSON_BEFORE = re.compile(rf"(?<![\w'’])(?i:{RELATION_NOUNS})[ \t]+$")


@dataclass(frozen=True, slots=True)
class Pets:
    """The names a message gives to animals, and where it gives them."""

    names: frozenset[str] = frozenset()
    # The spans of the names next to their animal word or naming verb.
    places: tuple[tuple[int, int], ...] = ()


def pet_names(text: str) -> frozenset[str]:
    """The lowercase names the message gives to animals (empty for most messages)."""
    return pets_in(text).names


def pets_in(text: str) -> Pets:
    """The names the message gives to animals, with where it gives them."""
    words = set(_LOW_WORDS.findall(text.lower()))
    if words.isdisjoint(_STEMS):
        return NO_PETS
    names: list[str] = []
    places: list[tuple[int, int]] = []
    low = not any(c.isupper() for c in text)

    def add(found: list[str], span: tuple[int, int]) -> None:
        # The place counts even for a word let go as no name ("Mi perro toma …").
        names.extend(found)
        places.append(span)

    for match in _BEFORE.finditer(text):
        if match.group(1).strip() and not _COUNTED.search(text[: match.start(1)]):
            continue
        add(_names_in(match.group(2), low), match.span(2))
    for pattern in (_AFTER, _AFTER_BRACKET):
        for match in pattern.finditer(text):
            add(_names_in(match.group(1), low)[-2:], match.span(1))
    for match in _NAMING.finditer(text):
        # The animal has to be named in the same sentence, before the verb.
        sentence_start = max(
            (m.end() for m in _SENTENCE.finditer(text, 0, match.start())), default=0
        )
        # … right before it, with at most two words between ("my dog is called Rex"), and no
        # one else ("my dog and my neighbour are both called June").
        animals = list(_ANIMAL_WORD.finditer(text, sentence_start, match.start()))
        if not animals:
            continue
        animal = animals[-1]
        between = text[animal.end() : match.start()].split()
        if len(between) <= 2 and not _JOINED.search(text, animal.end(), match.start()):
            add(_names_in(match.group(1), low), match.span(1))
    if not places:
        return NO_PETS
    return Pets(frozenset(names), tuple(places))


NO_PETS = Pets()


def names_a_pet(text: str, start: int, end: int, pets: Pets) -> bool:
    """Whether the PERSON finding ``text[start:end]`` is only a pet's name."""
    if not pets.places:
        return False
    if any(s <= start and end <= e for s, e in pets.places):
        return True
    value = _TITLE_ONLY.sub("", text[start:end]).strip().lower()
    words = value.split()
    # A finding that took in the animal word before the name ("chomik Krysia").
    if len(words) == 2 and _ANIMAL_WORD.fullmatch(words[0]) is not None:
        value = words[1]
    if value not in pets.names:
        return False
    if any(s < end and start < e for s, e in pets.places):
        return True
    return not _read_as_a_person(text, value)


def _read_as_a_person(text: str, name: str) -> bool:
    """Whether a mention of ``name`` (lower case) has a relation word beside it."""
    low = text.lower()
    at = low.find(name)
    while at != -1:
        end = at + len(name)
        whole = not (at and _WORD_CHAR.match(low, at - 1)) and not _WORD_CHAR.match(low, end)
        if whole and (
            _PERSON_AFTER.match(text, end) or _PERSON_BEFORE.search(text, max(0, at - 30), at)
        ):
            return True
        at = low.find(name, at + 1)
    return False


_WORD_CHAR = re.compile(r"[\w'’]")
