"""Address blocks completed where the core rules stop: street types, flats, floors, postcode lines.

The core rules (``patterns._addresses``, ``anonymize._complete_addresses``) find a street
and number and join the postcode and city after them. Measured on the training writers'
files, what still leaks is mostly the rest of a block they found in part. This module takes
a block found by the rules or the tagger and adds, on its line or the next:

* a street type and the name words between it and the block ("Nad Zátiším", "Cuesta Azahar
  Becerra, 37", "c. de elodia pino, 31", "бул. Христо Ботев 6", "Lange Nieuwstraat 31"),
  and a floor, flat or door before it ("3rd floor, ", "#188, ", "flat 13, ");
* flat, floor, staircase and door parts after it, in many countries' abbreviations ("3. em.
  5.", "fszt. 4.", "bl. A2, sc. 1, ap. 12", "ет. 8, ап. 19", "esc. 1, 4º b", "appt 14",
  "Hinterhaus", "D: 8");
* the postcode and city after it in more formats (six-digit postcodes, "Recife - PE,
  53097-047", "Rīga, LV-1011", "Kyoto 605-0073", Greek and Cyrillic city names, a city in
  lower case), and the postcode and city line under it ("… appt 14⏎75009 Paris"): the
  postcode must not survive the street;
* the street line above a postcode and city line ("Am Mühlbach 7⏎12345 Musterort",
  "Mickiewicza 1⏎31-042 Kraków"): a short line ending in a house number.

It also finds the address given on the line after its label ("Address:⏎…", "Adresa:⏎…",
"Cím:⏎…") or after it on the same line in a form ("- address: 3rd Floor, 7, MG Road,
Hyderabad - 500093"), and keeps an identity-number finding inside an address block from
cutting the block, unless a document word stands right before it.
"""

from __future__ import annotations

import re

from app.core.privacy.alternation import by_first_letter
from app.core.privacy.features import word_features
from app.core.privacy.lexicon import is_known_word, lexicon
from app.core.privacy.patterns import POSTCODE_CITY, famous_address

Span = tuple[str, int, int]

# Street types written before the name, in the writers' countries and scripts (any case).
_STREET_TYPES = frozenset(
    str.split(
        """
        c. c/ cl. calle cuesta acceso pasaje pasadizo ronda travesía travesia camino carrera
        avenida avda. av. av rua r. travessa largo praça praca conjunto viaduto passarela
        aeroporto alameda estrada rodovia vereda esplanada recanto colônia colonia lugar
        quinta sítio sitio distrito residencial loteamento via viale piazza piazzale corso
        vicolo canale frazione località loc. contrada borgo str. strada bulevardul bd. calea
        aleea șoseaua soseaua ul. al. os. pl. ulica aleja osiedle plac
        pr. prospekt bul. бул. ул. вул. пр. просп. пл. пер. наб. ш. οδός οδος λεωφ. λεωφόρος
        rue avenue bd boulevard chemin allée allee impasse quai route place cours
        """
    )
)
# Words that open a street name only in capitals, with capitalized words after them: Czech
# and German prepositions, Dutch adjectives ("Nad Zátiším 883/4", "Am Mühlbach 7", "Lange
# Nieuwstraat 31"). In lower case they are ordinary words ("na", "in", "an").
_CAPITAL_OPENERS = frozenset(
    str.split(
        """
        na nad pod u v k za am an auf im zum zur hinter unter lange korte oude nieuwe
        """
    )
)
_JOINERS = frozenset(
    str.split(
        """
        de da do das dos del la le les du des di della dei degli van von der den ter
        """
    )
)
_WORD_BACK = re.compile(r"([^\s,;:()\[\]\"]+)([ \t]*,?[ \t]*)$")

# A floor, flat or door written before the street and number.
_UNIT_BEFORE = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th|e|er|ème|º|ª|\.)?[ \t]*(?:floor|fl\.|étage|etage|stock|og|piso|"
    r"andar|piano|verdieping|piętro)|#[ \t]?\d{1,5}[A-Za-z]?|\b(?:flat|apt\.?|apartment|unit|"
    r"suite|room|studio|escalier|bloco|block|bl\.)[ \t]*(?:[A-Za-z]?\d{1,4}[A-Za-z]?|[A-Z]\b))"
    r"[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)

# A block the tagger starts at the floor word, without its ordinal ("4th" of "4th Floor, 143").
_FLOOR_WORD = re.compile(
    r"(?:floor|fl\.|étage|etage|stock|og|piso|andar|piano|verdieping|piętro)\b", re.IGNORECASE
)
_ORDINAL_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|e|er|ème|º|ª|\.)?[ \t]*$")

# Flat, floor, staircase and door parts after the number, one at a time.
_UNIT_AFTER = re.compile(
    r"(?:[ \t]*[,.\-–][ \t]*|[ \t]+)(?:"
    # Hungarian: "3. em. 5.", "fszt. 4.", "II. em. 6", "1. lph. 2. em. 3. ajtó"
    r"(?:(?:\d{1,2}|[IVX]{1,4})\.?[ \t]*(?:em(?:elet)?|lph|ajtó)\.?|(?:fszt|fsz|mfsz)\.?|"
    r"(?:em|lph)\.(?=[ \t]*\d))"
    r"(?:[ \t]*\d{1,3}\.?(?:[ \t]*ajtó)?)?"
    # abbreviations with a number or a letter: "bl. A2", "ap. 12", "ет. 8", "m. 17", "D: 8"
    r"|(?i:ap|apt|appt|apto|app|bl|sc|et|esc|lok|m|kv|daire|kat|d|piso|puerta|porta|dto|casa|"
    r"bloco|lote|bus|bte|boîte|stg|tür|top|whg|lgh|wohnung|int|scala|interno|fl|flat|unit|"
    r"suite|ste|room|staircase|entrance|k|c|no|nr|nº|n\.º)(?:\.[ \t]*|[ \t]*:[ \t]*|[ \t]+)"
    r"(?=[\w/]{0,4}\d|[A-Za-z]\b)[\w/]{1,5}\b\.?"
    r"|(?:ет|ап|кв|вх|эт|под|бл|д|корп|стр|όροφος|διαμ)\.?[ \t]*\d{1,4}[а-яА-Я]?\b\.?"
    # "4º b", "2º izq.", "1º dcha"
    r"|\d{1,2}[ \t]?[º°ª](?:[ \t]?(?:[A-Za-z]{1,4})\b\.?)?"
    # "3rd floor", "2. Stock links", "3e étage"
    r"|\d{1,2}(?:st|nd|rd|th|e|er|ème|\.)?[ \t]*(?i:floor|étage|etage|stock|og|piso|andar|"
    r"piano|verdieping|piętro)\b(?:[ \t]+(?i:links|rechts|mitte|gauche|droite))?"
    r"|(?i:hinterhaus|vorderhaus|seitenflügel|gartenhaus|links|rechts|bajo|entresuelo|r/c|"
    r"ático|atico|sótano|parterre|rez-de-chaussée|izq\.?|izda\.?|dcha\.?|dcha|esq\.?|dto\.?)"
    r"(?![\w])"
    r")"
)

_CITY_WORD = r"[^\W\d_][^\W\d_'’.\-]*(?:[-'’.][^\W\d_]+)*\.?"
# The postcode formats a block may end with or a line may start with, built once: four to six
# digits (DE, FR, ES, IT, RO…), Polish "31-042", Nordic, Czech and Greek "114 55",
# Portuguese and Brazilian "1000-001" / "53097-047", then the Baltic "LV-1010" and the Dutch
# "1012 LM" (written in either case).
_POSTCODE_CORE = r"\d{4,6}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4,5}-\d{3}"
_POSTCODE_NL = r"\d{4}[ \t]?[A-Za-z]{2}"
_POSTCODE = rf"{_POSTCODE_CORE}|[A-Z]{{2}}-\d{{4,5}}|{_POSTCODE_NL}"
# More postcode and city formats than the core list, as a whole or in part.
_MORE_POSTCODE_CITY = re.compile(
    r"(?:,[ \t]*|[ \t]+|[ \t]*[-–][ \t]*)(?:"
    # "010061 București", "159 49 Αθήνα", "75009 Paris", "LV-1011 Rīga"
    rf"(?:\d{{6}}|\d{{3}}[ \t]?\d{{2}}|\d{{4,5}}|[A-Z]{{2}}-\d{{4,5}})[ \t]+{_CITY_WORD}"
    rf"|[A-Z]{{2}}-\d{{4,5}}"  # "LT-44244"
    rf"|{_CITY_WORD}(?:[ \t]+{_CITY_WORD}){{0,2}}(?:[ \t]*[-–][ \t]*[A-Za-z]{{2}})?,?[ \t]*"
    r"(?:\d{5}-\d{3}|\d{3}-\d{4}|\d{6}|[A-Z]{2}-\d{4,5}|[-–][ \t]*\d{6})"  # BR, JP, IN, LV
    r")(?![\w])"
)
# A city name after a postcode that the block ends with (any script; lower case allowed in
# a message written in lower case).
_AFTER_POSTCODE = re.compile(rf"(?:{_POSTCODE})$")
_DIGIT = re.compile(r"\d")
_BLOCK_ENDS_IN_NUMBER = re.compile(r"\b\d{1,5}[A-Za-z]?$")
_EN_STREET_AFTER = re.compile(
    r"(?i)[ \t]+((?:[^\W\d_][\w'’-]*[ \t]+){0,3})(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|"
    r"close|way|mews|court|ct|place|pl|terrace|crescent|grove|gardens|row|square|parkway|"
    r"boulevard|blvd|hill|walk)\b\.?"
    r"(?:,?[ \t]+(?:[^\W\d_][\w'’-]*[ \t]+){0,2}[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}\b)?"
)
_FOUR_DIGITS_END = re.compile(r"(?<![\d-])\d{4}$")
_NL_LETTERS = re.compile(r"[ \t]?[A-Za-z]{2}(?=[ \t]+[^\W\d_]{3})")
_ENDS_WITH_CITY = re.compile(rf"(?:{_POSTCODE})[ \t]+[^\W\d_][\w'’\-]*$")
_CITY_AFTER = re.compile(
    rf"[ \t]+({_CITY_WORD}(?:/{_CITY_WORD})?)(?:[ \t]+\(([^\W\d_][\w .]{{0,20}})\)|[ \t]*[-–][ \t]*"
    r"[A-Za-z]{2}\b)?"
)
# A line that starts with a postcode and a city (the line under a street line).
_POSTCODE_LINE = re.compile(
    rf"[ \t]*(?:(?:[A-Z]{{1,2}}-)?{_POSTCODE_CORE}|{_POSTCODE_NL}(?=[ \t]))"
    rf"[ \t]+{_CITY_WORD}(?:[ \t/]+{_CITY_WORD}){{0,3}}"
    r"(?:[ \t]+\d{1,2}\b)?[ \t]*$"
)
# A short street line that ends in a house number ("Am Mühlbach 7", "Mickiewicza 1").
_STREET_LINE = re.compile(
    rf"[ \t]*({_CITY_WORD}(?:[ \t]+{_CITY_WORD}){{0,4}}[ \t]+\d{{1,5}}[A-Za-z]?"
    r"(?:[/-]\d{1,4}[A-Za-z]?)?)[ \t]*$"
)

# A label for an address, alone at the end of its line or before the value on its line.
_ADDRESS_LABEL = re.compile(
    r"(?im)^[ \t>*\-|]*(?:home |postal |mailing |delivery |billing |new |old |current )?"
    r"(?:address|adresse|dirección|direccion|domicilio|indirizzo|residenza|morada|endereço|"
    r"endereco|adres|adresa|anschrift|wohnadresse|woonadres|cím|címe|osoite|adress|"
    r"διεύθυνση|адрес|адреса|adresă|adresa de domiciliu|address line 1)[ \t]*:[ \t]*"
)
_NOT_ADDRESS_LABEL = re.compile(r"(?i)(?:ip|e-?mail|mac|web|wallet|server|url|mail)[ \t]*$")


def _is_name_word(word: str, lower_message: bool) -> bool:
    if word.lower() in _JOINERS:
        return True
    if word[:1].isupper():
        return True
    return lower_message and word[:1].isalpha()


# A postcode, or the Cyrillic "м."/"г." (city), before a block: "61000, м. Харків, вул. …",
# and the rest of a Japanese postcode before it ("530-" of "530-0001 Osaka").
_POSTCODE_BEFORE = re.compile(
    r"(?:\b\d{4,6},?[ \t]+(?:[мгmg]\.[ \t]*)|\b\d{4,6},[ \t]*|(?<![\w.])[мг]\.[ \t]*|\b\d{3}-)$"
)
# The street and number on the same line before a block that starts with the postcode.
_STREET_BEFORE_POSTCODE = re.compile(
    r"(?<![\w'’.-])((?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω][\w'’.\-]*[ \t]+(?:(?:de|da|do|del|di|van|von)[ \t]+)?)"
    r"{1,4}\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?),?[ \t]+$"
)
_SPLIT_POSTCODE_BEFORE = re.compile(r"(?<![\w,.-])\d{3}[ \t]$")
_TWO_DIGITS = re.compile(r"\d{2}[ \t]+[^\W\d_]")
_CITY_COMMA = re.compile(r"[^\W\d_][\w'’\-]*,")
_BARE_POSTCODE_BEFORE = re.compile(r"(?<![\w.,-])\d{4,5}[ \t]+$")
_AT_POSTCODE = re.compile(rf"(?:{_POSTCODE_CORE})[ \t]+[^\W\d_]")
# A house number right before a block found from its street name.
_HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\w.,/-])\d{1,5}[A-Za-z]?[ \t]+$")
# A four-digit postcode after the city, at the end of its sentence or line (NZ, AU, DK…).
_POSTCODE_AFTER_CITY = re.compile(r"[ \t]+\d{4}(?=[ \t]*(?:[.,;!?)]|\n|$))")
# The rest of a city's name, to the end of its line: up to four words, any case.
_REST_OF_CITY = re.compile(
    r"((?:[ \t]+(?:[a-zà-ÿ'’]{1,5}[ \t]+){0,2}[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’\-]*){1,4})[ \t]*(?:\n|$)"
)
_TRAILING_UNIT = re.compile(
    r"(?i)\b(?:fszt|fsz|em|emelet|lph|ap|apt|appt|apto|bl|sc|et|lok|m|kv|esc|piso|dto|lgh|whg|"
    r"tür|top)\.?$"
)
_UNIT_NUMBER = re.compile(r"\.?[ \t]*\d{1,3}\b\.?")
_COMBINING_TAIL = re.compile(r"[\u0300-\u036f]+[\w\u0300-\u036f]*")

_UNIT_WORDS = frozenset(
    str.split(
        """
        nr nr. no no. nº n.º ap ap. apt apt. appt appt. apto apto. bl bl. sc sc. et et. esc
        esc. lok lok. m m. d d. kv kv. ет. ап. кв. д. piso puerta dto dto. izq izq. dcha
        dcha. casa bloco lote bus bte stg tür top whg lgh int scala interno flat unit suite
        """
    )
)
_NUMBER_TOKEN = re.compile(r"[\w/-]{0,4}\d[\w/-]{0,5}\.?|[A-Za-z]\.?")


_BLOCK_WORDS = re.compile(r"[^\W\d_][\w'’./-]*")


def _street(low: str) -> bool:
    return low in _STREET_TYPES or "str" in word_features(low)[0]


def _street_type_start(text: str, start: int) -> int:
    """The start of a street type before ``start``, on the line.

    Crossed on the way: name words, numbers and flat or staircase parts ("Str. Victoriei nr.
    10, bl. A2, sc. 1, ap. 12, …" found from its postcode back).
    """
    line_start = text.rfind("\n", 0, start) + 1
    lower_message = not any(c.isupper() for c in text)
    # A block that names its street already ("Kastanienallee 88a", "3739 Oak Street") is not
    # taken back across a comma ("C. Rose, Kastanienallee 88a": "C." is an initial there).
    block_words = _BLOCK_WORDS.findall(text, start, min(len(text), start + 60))
    named = any(_street(w.lower().rstrip(".,")) for w in block_words[:4])
    cursor = start
    best = start
    crossed: list[str] = []
    for k in range(10):
        match = _WORD_BACK.search(text, max(line_start, cursor - 40), cursor)
        if match is None or match.end() != cursor or match.start() < line_start:
            break
        word = match.group(1)
        low = word.lower()
        if named and "," in match.group(2):
            break
        if low in _STREET_TYPES and (k > 0 or len(low) > 1 or word[:1].isupper()):
            return match.start()
        if (
            low in _CAPITAL_OPENERS
            and word[:1].isupper()
            and k <= 3
            and all(w[:1].isupper() for w in crossed)
            and (k or text[start : start + 1].isupper())
        ):
            return match.start()
        crossed.append(word)
        if not (
            _is_name_word(word, lower_message)
            or low in _UNIT_WORDS
            or _NUMBER_TOKEN.fullmatch(word)
        ):
            break
        cursor = match.start()
    return best


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """An address block taken on over the parts around it (see the module docstring)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1  # a block found from inside a word ("3" of "3rd floor")
    split = _SPLIT_POSTCODE_BEFORE.search(text, max(0, start - 4), start)
    if split is not None and _TWO_DIGITS.match(text, start):
        start = split.start()  # "159 " of "159 49 Αθήνα"
    start = _street_type_start(text, start)
    number = _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 8), start)
    if number is not None and text[start : start + 1].isupper():
        start = number.start()  # "534 " of "534 Griffin Lights", found from the street name
    if _FLOOR_WORD.match(text, start):
        ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
        if ordinal is not None:
            start = ordinal.start()
    unit = _UNIT_BEFORE.search(text, max(0, start - 24), start)
    if unit is not None and unit.end() == start:
        start = unit.start()
    before = _POSTCODE_BEFORE.search(text, max(0, start - 24), start)
    if before is None and _CITY_COMMA.match(text, start):
        # Postcode first, then the city and a comma: "1068 Győr, Borsodmártoni út 20".
        before = _BARE_POSTCODE_BEFORE.search(text, max(0, start - 8), start)
    if before is not None:
        start = before.start()
    if text[start : start + 1].isdigit():
        street = _STREET_BEFORE_POSTCODE.search(text, max(0, start - 60), start)
        if street is not None and _AT_POSTCODE.match(text, start):
            start = street.start(1)
    if _TRAILING_UNIT.search(text, max(start, end - 8), end):
        number = _UNIT_NUMBER.match(text, end)  # "… fszt" + ". 2"
        if number is not None:
            end = number.end()
    for _ in range(6):
        match = _UNIT_AFTER.match(text, end)
        if match is None:
            break
        end = match.end()
    city_end = None
    for pattern in (POSTCODE_CITY, _MORE_POSTCODE_CITY):
        tail = pattern.match(text, end)
        if tail is not None and tail.end() > end:
            end = city_end = _without_common_words(text, end, tail.end())
            break
    if _BLOCK_ENDS_IN_NUMBER.search(text, max(start, end - 6), end):
        street = _EN_STREET_AFTER.match(text, end)
        if street is not None and not any(
            w.lower() in lexicon().stop for w in street.group(1).split()
        ):
            end = street.end()  # "flat 13, 53" + " belmont mews, leeds ls6 1pl"
    if _FOUR_DIGITS_END.search(text, max(start, end - 5), end):
        letters = _NL_LETTERS.match(text, end)
        if letters is not None and (
            letters.group().strip().isupper() or text[start:end].islower() or text.islower()
        ):
            end = letters.end()  # "9715" + " fu" (a Dutch postcode in lower case)
    if _AFTER_POSTCODE.search(text, max(start, end - 10), end):
        city = _CITY_AFTER.match(text, end)
        block = text[start:end]
        if city is not None and _city_like(city.group(1), block if block.islower() else text):
            end = city_end = city.end()
    if city_end is not None or _ENDS_WITH_CITY.search(text, max(start, end - 40), end):
        end = _more_city_words(text, end)
    marks = _COMBINING_TAIL.match(text, end)  # "i̇stanbul" written with a combining dot
    if marks is not None:
        end = marks.end()
    # A city written after the street and before its postcode: "…, Peterleigh 5517".
    after = _POSTCODE_AFTER_CITY.match(text, end)
    if after is not None and "," in text[start:end] and text[end - 1 : end].isalpha():
        end = after.end()
    # The rest of a postcode line the block ends in ("7334 YN Koudekerk" + " aan den Rijn").
    line_start = text.rfind("\n", start, end) + 1
    if line_start and _AT_POSTCODE.match(text, line_start):
        rest = _REST_OF_CITY.match(text, end)
        if rest is not None:
            end = rest.end(1)
    # The postcode and city line under the block.
    if text[end : end + 1] == "\n" or text[end:].lstrip(" \t,.")[:1] == "\n":
        newline = text.index("\n", end)
        line_end = text.find("\n", newline + 1)
        line_end = len(text) if line_end == -1 else line_end
        if _POSTCODE_LINE.fullmatch(text, newline + 1, line_end):
            end = line_end - (
                len(text[newline + 1 : line_end]) - len(text[newline + 1 : line_end].rstrip())
            )
    return start, end


def _more_city_words(text: str, end: int) -> int:
    """The rest of a city name of several words ("São João da Madeira", "Neviano De' Rossi")."""
    if not text[end - 1 : end].isalpha():
        return end
    lower_message = not any(c.isupper() for c in text)
    last_joined = False
    for _ in range(3):
        match = _NEXT_CITY_WORD.match(text, end)
        if match is None:
            break
        joiner, word = match.group(1), match.group(2)
        if not (word[:1].isupper() or lower_message) or not _city_like(word, text):
            break
        if lower_message and not joiner and is_known_word(word.lower()) and not last_joined:
            break  # "… 87671 devaux ci-après", "… 4573 ferlach valeu"
        last_joined = bool(joiner)
        if joiner and joiner.strip().lower() not in _JOINERS | {"de'", "d'"}:
            break
        end = match.end()
    return end


_NEXT_CITY_WORD = re.compile(rf"(?:[ \t]+([^\W\d_]+'?))?[ \t]+({_CITY_WORD})")


def _without_common_words(text: str, floor: int, end: int) -> int:
    """``end`` moved back over common words at the end of a city ("… 36303 barcelona y mi")."""
    stop = lexicon().stop
    while end > floor:
        match = _LAST_WORD.search(text, floor, end)
        if match is None or match.group(1).lower() not in stop or match.group(1)[:1].isupper():
            break
        end = match.start()
    return end


_LAST_WORD = re.compile(r"[ \t]+([^\W\d_]+)$")
_NOT_CITY = frozenset(
    str.split(
        """
        in on at to the and or is was for from with please thank thanks thx ty bitte danke
        merci gracias grazie obrigado obrigada dank bedankt dzięki dziękuję tlf tel phone mobile
        tack kiitos děkuji köszönöm teşekkürler ευχαριστώ спасибо дякую mrc groet groetjes
        """
    )
)


def _city_like(word: str, text: str) -> bool:
    low = word.lower().rstrip(".")
    if low in _NOT_CITY or low in lexicon().stop and not word[:1].isupper():
        return False
    return word[:1].isupper() or not any(c.isupper() for c in text)


def _street_line_above(text: str, start: int) -> int:
    """The street line above a block that starts its line with a postcode and city."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or text[line_start:start].strip():
        return start
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    above = text[above_start : line_start - 1]
    if ":" in above:
        above_start += above.rindex(":") + 1
        above = text[above_start : line_start - 1]
    match = _STREET_LINE.fullmatch(above)
    if match is None or len(above) > 60:
        return start
    return above_start + match.start(1)


# A street type written before the name, then the number: Romanian, Cyrillic and Greek
# forms the core patterns lack ("Str. Diaconescu nr. 123", "вул. Шевченка, 3", "ул. Ленина,
# д. 5", "οδός Ερμού 15", "Λεωφ. Κηφισίας 12").
# The street types are grouped by first letter, the check that no letter, digit or dot comes
# before one made after that letter (alternation.by_first_letter's not_after): the pattern
# then opens with its first letters, which the engine's fast search finds, instead of a look
# behind tried at every place of the message. The same holds for _PT_STREET below.
_TYPED_STREET_TYPES = (
    r"(?:Str\.|Strada|Bd\.|Bulevardul|Calea|Aleea|Șos\.|Şos\.|Splaiul|"
    r"ул\.|вул\.|бул\.|пр\.|просп\.|пер\.|пл\.|наб\.|ulitsa|οδός|Οδός|Λεωφ\.|Λεωφόρος)"
)
_TYPED_STREET = re.compile(
    by_first_letter(_TYPED_STREET_TYPES, "", "", case_sensitive=True, not_after=r"[\w.]")
    + r"[ \t]*(?:[^\W\d_][\w'’.\-]*[ \t]+){0,3}[^\W\d_][\w'’.\-]*,?[ \t]*"
    r"(?:nr\.?|no\.?|№|д\.|буд\.)?[ \t]*\d{1,4}[a-zA-Zа-яА-Я]?(?:[/-]\d{1,4})?\b"
)
# A street and number, then a postcode of a distinctive format and the city, on one line
# ("Damrak 70, 1012 LM Amsterdam", "Mickiewicza 1, 31-042 Kraków", "Jandova 2281/39, 631 74
# Brno"): a capitalized name of one to three words with no street type the core knows.
# (Its first word's capital comes before the check on the character ahead of it, and the
# one to three words are written as one and up to two more: the same matches as
# "(?<![\w'’.-])(?:[A-ZÀ-…][\w.\-]*[ \t]+){1,3}…", found by the engine's fast search for a
# capital instead of a look behind tried at every place.)
_STREET_THEN_POSTCODE = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω](?<![\w'’.-][A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω])[\w.\-]*[ \t]+"
    r"(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω][\w.\-]*[ \t]+){0,2}"
    r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?"
    r",?[ \t]+(?:\d{4}[ \t]?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{3}[ \t]\d{2}|[A-Z]{2}-\d{4,5}|"
    r"\d{5}(?=[ \t]+[A-ZÀ-ÖØ-Þ]))"
    r"[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſА-ЯΑ-Ω][\w\-]*(?:['’]\w+)?"
)


# A Portuguese or Brazilian street, its number at the end of the line or before the postcode
# ("R. de Gaspar, 30⏎7908-025 Torres Vedras", "Campo Natália Pastor, 38"): "R." and
# "Campo" are also an initial and a word, so the number must close the street line.
_PT_STREET_TYPES = r"(?:R\.|Rua|Tv\.|Travessa|Largo|Praça|Alameda|Avenida|Av\.|Estrada|Campo)"
_PT_STREET = re.compile(
    by_first_letter(_PT_STREET_TYPES, "", "", case_sensitive=True, not_after=r"[\w.]")
    + r"[ \t]+(?:(?:de|da|do|das|dos)[ \t]+)?(?:[A-ZÀ-Ý][\w'’.\-]*[ \t]+(?:(?:de|da|do|das|dos)"
    r"[ \t]+)?){0,4}[A-ZÀ-Ý][\w'’.\-]*,?[ \t]*(?:n\.?º[ \t]*)?\d{1,5}[A-Za-z]?"
    r"(?=[ \t]*(?:\n|$)|,?[ \t]+\d{4}-\d{3}\b)"
)


def address_spans(text: str) -> list[Span]:
    """Addresses this module finds by itself: typed streets, street and postcode, labels."""
    if _DIGIT.search(text) is None:
        return []
    spans: list[Span] = [("STREET_ADDRESS", *m.span()) for m in _TYPED_STREET.finditer(text)]
    spans.extend(("STREET_ADDRESS", *m.span()) for m in _PT_STREET.finditer(text))
    for match in _STREET_THEN_POSTCODE.finditer(text):
        first = match.group().split()[0].lower()
        if not famous_address(match.group()) and not is_known_word(first):
            spans.append(("STREET_ADDRESS", *match.span()))
    spans.extend(label_addresses(text))
    return spans


def label_addresses(text: str) -> list[Span]:
    """Addresses given after an address label: on the label's line, or on the lines under it."""
    if ":" not in text:
        return []
    low = text.lower()
    if not any(
        stem in low
        for stem in ("addr", "adres", "direcc", "domicil", "indirizzo", "residenza", "morada")
    ) and not any(
        stem in low
        for stem in ("endere", "anschrift", "woonadres", "cím", "osoite", "διεύθυνση", "адрес")
    ):
        return []
    spans: list[Span] = []
    for label in _ADDRESS_LABEL.finditer(text):
        if _NOT_ADDRESS_LABEL.search(text, max(0, label.start() - 8), label.start()):
            continue
        at = label.end()
        line_end = text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        value = text[at:line_end].strip(" \t\"'«»“”")
        if value:
            begin = at + text[at:line_end].index(value)
            if _address_value(value):
                spans.append(("STREET_ADDRESS", begin, begin + len(value)))
            continue
        # The value on the line(s) under the label: up to three lines, to a blank line or
        # the next label.
        cursor = line_end + 1
        begin = cursor
        last = None
        for _ in range(3):
            if cursor >= len(text):
                break
            nxt = text.find("\n", cursor)
            nxt = len(text) if nxt == -1 else nxt
            line = text[cursor:nxt]
            if not line.strip() or re.match(r"[ \t]*[^\W\d_][\w .'’-]{0,30}:", line):
                break
            if not any(c.isdigit() for c in line):
                break
            last = nxt
            cursor = nxt + 1
        if last is not None:
            value = text[begin:last].strip(" \t\n\"'«»“”")
            offset = begin + text[begin:last].index(value)
            if _address_value(value):
                spans.append(("STREET_ADDRESS", offset, offset + len(value)))
    return spans


def _address_value(value: str) -> bool:
    """Whether a labelled value reads as a street address (a number, a few words, no link)."""
    return (
        any(c.isdigit() for c in value)
        and any(c.isalpha() for c in value)
        and len(value) <= 120
        and "@" not in value
        and "://" not in value
        and not re.fullmatch(r"[\d.:/a-fA-F]+", value)
        and not famous_address(value)
    )


def extend_blocks(text: str, candidates: list[Span]) -> list[Span]:
    """Address blocks taken on over the parts around them; ids inside them dropped."""
    blocks = []
    others = []
    for kind, start, end in candidates:
        if kind == "STREET_ADDRESS":
            start, end = _extend(text, start, end)
            start = _street_line_above(text, start)
            blocks.append((start, end))
        else:
            others.append((kind, start, end))
    kept = []
    for kind, start, end in others:
        if (
            kind in ("GOV_ID", "PHONE", "DATE_OF_BIRTH")
            and any(s <= start and end <= e for s, e in blocks)
            and not _id_word_before(text, start)
        ):
            continue  # a house number and postcode read as an id or a phone number
        kept.append((kind, start, end))
    kept.extend(("STREET_ADDRESS", s, e) for s, e in blocks)
    return kept


_ID_WORD_BEFORE = re.compile(
    r"(?i)(?:id|cnp|nif|dni|nie|pesel|ssn|tel|phone|"
    r"geb|born|dob)\w*[.:# \t]*$"
)


def _id_word_before(text: str, start: int) -> bool:
    return _ID_WORD_BEFORE.search(text, max(0, start - 16), start) is not None
