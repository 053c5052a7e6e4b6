"""Checks on found names: their whole extent, products and shops, a chat log's speakers.

The name rules and the tagger both trim a name's ordinary lower-case words and single
letters at its edges, which is right for "tell anna" but leaves part of the name behind
in "s. martinez", "van der Plas", "r. da silva" and "tae-yang": by the labelling policy
half a name is a leak. Here a PERSON finding takes in, before it, initials ("s. ", "J. R.
"), the particles of a surname ("van der", "da", "de los") where they start a name (at the
start of a line, after a label, a title, an initial or "the"), and the rest of a
hyphenated name ("tae-" of "tae-yang", "-Wettendorf"); and two names with only particles
between them ("Arnel dela Cruz") become one.

A name after an article that people do not take ("the Fabia 2020") or that names a shop
("Cafe Svensson") is no person's; a chat log's speaker ("[10:42] sunny:") is.
"""

from __future__ import annotations

import re

from app.core.privacy.features import TITLE_WORDS
from app.core.privacy.lexicon import is_known_word, lexicon

# Particles of surnames in our languages and the other locales.
_PARTICLES = (
    r"van|von|vom|de|der|den|da|das|do|dos|del|della|delle|di|du|la|le|les|los|dela|ter|ten|"
    r"zu|zur|mac|al|el|bin|ibn|ben|ap|af|av|dal|dalla|degli|dei"
)
_PARTICLES_BEFORE = re.compile(rf"(?<![\w'’])((?:(?:{_PARTICLES})[ \t]+)+)$", re.IGNORECASE)
_ONLY_PARTICLES = re.compile(rf"[ \t]+(?:(?:{_PARTICLES})[ \t]+)+", re.IGNORECASE)
# One or more initials right before a name: "s. ", "J. R. ", "A.-M. ".
_INITIALS_BEFORE = re.compile(r"(?<![\w'’.])((?:[^\W\d_]\.(?:-[^\W\d_]\.)?[ \t]?)+)$")
# Where a particle starts a name: a line's start, a label or question, a title, "the" or
# "los" (a family: "the de los Ríos"), an opening bracket or quote.
_NAME_START_BEFORE = re.compile(r"(?:^|[\n:?(\"'“„«>-]|\b(?:the|los|les|die|os|as)\b)[ \t]*$")
_LABEL_BEFORE = re.compile(r"[:(\"“„«][ \t]*$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)\.?[ \t]+$")
_GLUED_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+)-$")
_GLUED_AFTER = re.compile(r"-([^\W\d_]+)(?![\w'’-])")


def whole_names(text: str, candidates: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``candidates`` with each PERSON finding widened to its whole name (see module doc)."""
    if not any(kind == "PERSON" for kind, _, _ in candidates):
        return candidates
    out = []
    for kind, start, end in candidates:
        if kind == "PERSON":
            start, end = _widen(text, start, end)
        out.append((kind, start, end))
    return _join(text, out)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    # Each pattern below needs a given character right before or after the name (a hyphen,
    # a space; before the end, "$" also matches ahead of a final line break): tested first.
    glued = (
        _GLUED_BEFORE.search(text, max(0, start - 20), start)
        if text[start - 1 : start] in ("-", "\n")
        else None
    )
    if glued is not None and _name_part(glued.group(1)):
        start = glued.start()
    glued = _GLUED_AFTER.match(text, end) if text.startswith("-", end) else None
    if glued is not None and _name_part(glued.group(1)):
        end = glued.end()
    particles = (
        _PARTICLES_BEFORE.search(text, max(0, start - 24), start)
        if text[start - 1 : start] in (" ", "\t", "\n")
        else None
    )
    if particles is not None:
        before = text[max(0, particles.start() - 24) : particles.start()]
        # A capitalized one may be an article starting a sentence ("De Lara Benavides",
        # "Der Paketdienst"): only after a title, an initial or a label's colon.
        lower = particles.group(1)[0].islower()
        if (
            _initials(before) is not None
            or _title_before(before)
            or (_NAME_START_BEFORE if lower else _LABEL_BEFORE).search(before) is not None
        ):
            start = particles.start()
    initials = _initials(text[max(0, start - 12) : start])
    if initials is not None:
        start -= len(initials)
    return start, end


def _initials(before: str) -> str | None:
    """The initials at the end of ``before`` ("s. ", "J. R. "), or None.

    Not an abbreviation glued in lower case ("t.a.v. ", "t.n.v. "), nor the French "M."
    (Monsieur) before a first name.
    """
    # A dot ends it, perhaps with a space or a line break after it.
    if not before.endswith((".", ". ", ".\t", "\n")):
        return None
    found = _INITIALS_BEFORE.search(before)
    if found is None:
        return None
    value = found.group(1)
    letters = [c for c in value if c.isalpha()]
    if len(letters) > 1 and value.islower() and " " not in value.strip():
        return None
    if value.strip() == "M.":
        return None
    return value


def _name_part(word: str) -> bool:
    """Whether the other half of a hyphenated name is a name's ("yang", "Wettendorf")."""
    low = word.lower()
    names = lexicon()
    return (
        len(low) <= 3 or low in names.first_names or low in names.surnames or not is_known_word(low)
    )


def _title_before(before: str) -> bool:
    word = _WORD_BEFORE.search(before)
    return word is not None and word.group(1).lower() in TITLE_WORDS


def _join(text: str, candidates: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Two names with only particles between them are one ("Arnel dela Cruz")."""
    people = sorted(c for c in candidates if c[0] == "PERSON")
    others = [c for c in candidates if c[0] != "PERSON"]
    joined: list[tuple[str, int, int]] = []
    for person in people:
        if joined and _ONLY_PARTICLES.fullmatch(text, joined[-1][2], person[1]):
            joined[-1] = ("PERSON", joined[-1][1], max(joined[-1][2], person[2]))
        else:
            joined.append(person)
    return others + joined


# An article that goes with things, not people: "the Fabia 2020", "el Octavia", "ein Leon",
# "une Clio", "een Ingrid" (a car or a product named like a person). "the Müllers" (a
# family, in the plural) is still a name.
_THING_ARTICLE = re.compile(
    r"(?:^|(?<=[\s(¿¡\"'«„“]))(?:the|el|ein|eine|einen|einem|eines|einer|un|una|une|uno|een|"
    r"het)[ \t]+$",
    re.IGNORECASE,
)


def after_thing_article(text: str, start: int, end: int) -> bool:
    """Whether a name found at ``start:end`` follows an article that people do not take."""
    if _THING_ARTICLE.search(text, max(0, start - 8), start) is None:
        return False
    article = text[max(0, start - 8) : start].split()[-1].lower()
    return not (article == "the" and text[end - 1 : end] in ("s", "S"))


# Shops and trades named after their owner: "Cafe Svensson", "Talleres Villar", "Bageriet
# Lindqvist", "Restaurante O Santos", "Dunlap Family Pharmacy", "Kowalski Serwis".
_SHOP_WORDS = frozenset(
    str.split(
        """
        bakery bageri bageriet bäckerei boulangerie panadería panaderia padaria pastelaria
        piekarnia bakkerij panificio pharmacy apotek apoteket apotheke farmacia farmácia
        apteka pharmacie apotheek restaurant restaurante ristorante restauracja trattoria
        pizzeria osteria taverna bistro brasserie diner café cafe cafè kafé kawiarnia
        cafetería garage werkstatt taller talleres oficina warsztat serwis autoserwis
        verkstad bilverkstad garagem officina carrosserie salon frisör friseur coiffure
        peluquería parrucchiere kapper fryzjer cabeleireiro barbershop market markt mercado
        mercato marché feira hotel hostal pousada gasthaus gasthof albergo kebab kebap
        bookshop buchhandlung librería libreria livraria księgarnia boekhandel florist
        floristería fioraio kwiaciarnia butcher metzgerei carnicería macelleria talho
        slagerij boucherie konditorei konditori bygg bouw installatietechniek autohaus
        dentist tandarts zahnarzt clínica clinica klinik kliniek praxis
        """
    )
)
_SHOP_ARTICLE = frozenset(["o", "a", "el", "la", "le", "il", "de", "da", "do", "der", "die"])
_WORDS_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:family[ \t]+)?([^\W\d_][\w-]*)", re.IGNORECASE)


def names_a_shop(text: str, start: int, end: int) -> bool:
    """Whether a name found at ``start:end`` is a shop's or a trade's (see ``_SHOP_WORDS``)."""
    words = text[start:end].split()
    if len(words) > 1 and words[0].lower() in _SHOP_WORDS:
        return True
    before = text[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    if before and before[-1].lower() in _SHOP_ARTICLE:
        before = before[:-1]
    if before and before[-1].lower() in _SHOP_WORDS:
        return True
    after = _WORDS_AFTER.match(text, end)
    return after is not None and after.group(1).lower() in _SHOP_WORDS


# A chat log's speaker: "[10:42] donna: anyone got the keys?", "18:05 - pat: non".
_SPEAKER = re.compile(
    r"(?m)^[ \t>*-]*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?[\])]?|"
    r"[\[(]\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?,?[ \t]\d{1,2}:\d{2}[\])])[ \t]*-?[ \t]*<?"
    r"([^\W\d_][\w.'’-]*(?:[ \t][^\W\d_][\w.'’-]*)?)>?:[ \t]"
)


def chat_speakers(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The speakers of a chat log's lines that read as names, where nothing was found.

    A speaker that is an ordinary word in no name list ("bot", "Mãe") is left alone; one in
    a name list (also those that are words: "sunny", "Per"), a rare word or a hyphenated name
    of short parts ("ji-woo") is a name.
    """
    if ":" not in text:
        return []
    lex = lexicon()
    out: list[tuple[str, int, int]] = []
    for match in _SPEAKER.finditer(text):
        start, end = match.span(1)
        if any(s < end and start < e for _, s, e in taken):
            continue
        words = [w.lower() for w in re.split(r"[ \t-]", match.group(1)) if w]
        if any(
            w in lex.first_names
            or w in lex.surnames
            or w in lex.wordlike
            or w in lex.strict
            or not is_known_word(w)
            for w in words
        ) or ("-" in match.group(1) and all(len(w) <= 4 for w in words)):
            out.append(("PERSON", start, end))
    return out


# Speakers of a family or group chat that are no one's name, and labels of notes.
_NOT_SPEAKERS = frozenset(
    str.split(
        """
        mum mom mummy mommy dad daddy mama mamma mamá mãe maman papa papá pai papà tata mami
        nan nana nanna gran granny grandma grandpa grandad oma opa omi opi babcia dziadek
        abuela abuelo avó avô vovó vovô nonna nonno mamie papi mémé pépé tante oom tía tío tia
        tio zia zio ciocia wujek auntie aunt uncle sis bro me moi ich yo eu ja io ik you du toi
        tú você ty tu jij bot admin system note notes update todo ps re fwd subject from to cc
        date time tel fax mob
        """
    )
)
# A group chat pasted without times: "Halima: ok who's doing what⏎Idris: i'll do the lamb".
_BARE_SPEAKER = re.compile(r"(?m)^[ \t>*-]*([^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?):[ \t]+\S")


def bare_speakers(text: str, taken: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The speakers of a chat pasted without times, where nothing was found.

    Only in a message of two lines or more whose line-opening "Word:" labels are mostly
    written like names, two of them different and one in the first-name list; kinship words,
    "me" and the labels of notes and mails are no speakers. A speaker in a name list or in no
    vocabulary is a name; one that is also an ordinary word ("Ife") only when it speaks
    twice ("Aanwezig:", "Afwezig:" of minutes are said once). A form's field labels ("Tel:",
    "IBAN:") are ordinary words or capitals, so a form is left alone.
    """
    if "\n" not in text or ":" not in text:
        return []
    lex = lexicon()
    lower_message = not any(c.isupper() for c in text)
    matches = list(_BARE_SPEAKER.finditer(text))
    if len(matches) < 2:
        return []
    written = []
    listed: set[str] = set()
    first_name = False
    for match in matches:
        value = match.group(1)
        words = [w.lower() for w in re.split(r"[ \t-]", value) if w]
        if not (lower_message or all(w[:1].isupper() and not w.isupper() for w in value.split())):
            continue
        if any(w in lex.stop or w in _NOT_SPEAKERS for w in words):
            continue
        written.append(match)
        if any(w in lex.first_names for w in words):
            first_name = True
        if all(
            w in lex.first_names
            or w in lex.surnames
            or w in lex.wordlike
            or (len(w) > 2 and not is_known_word(w))
            for w in words
        ):
            listed.add(value.lower())
    said = [m.group(1).lower() for m in written]
    if not first_name or len(set(said)) < 2 or 2 * len(written) < len(matches):
        return []
    out: list[tuple[str, int, int]] = []
    for match in written:
        value = match.group(1).lower()
        if value not in listed and said.count(value) < 2:
            continue
        start, end = match.span(1)
        if not any(s < end and start < e for _, s, e in taken):
            out.append(("PERSON", start, end))
    return out
