"""Identity numbers the core patterns miss: python-stdnum's check digits for many countries.

The core patterns (``patterns._gov_ids``) know a dozen formats by their check digits and take
any number right after a document word. This module adds, without changing what they find:

* the personal-number formats of about fifty countries, checked by python-stdnum: a valid
  number counts where the message speaks of an identity document or number anywhere, and
  alone where it is written in a shape only such numbers have and its birth date and check
  digit both hold ("210476-11995" is no phone number, no price and no order number);
* document words of more countries and their abbreviations ("TC Kimlik No", "CPR-nr.",
  "personas kods", "ΑΜΚΑ", "TAJ szám", "número de contribuinte", "DL#"), a document word
  with one typing slip ("psasport", "licennce"), and a value a few words or a sentence
  before its document word ("… 82718795 mean? it's my passport no.");
* the Portuguese citizen card number ("04725758 9 PC7") and the Hungarian TAJ and tax
  numbers (python-stdnum lacks those two), a value two lines under its label when the line
  between is a short sub-label ("Documento⏎Número⏎…"), and the columns of a table whose
  header line follows a sentence on its line ("… Hoe dan ook, naam;paspoortnummer;stad").

Order, invoice, tracking and version numbers stay (the word before them decides, as in the
core patterns), and so do numbers whose digits are all alike or run in order.
"""

from __future__ import annotations

import functools
import importlib
import re
from types import ModuleType

from app.core.privacy.alternation import by_first_letter
from app.core.privacy.patterns import (
    _ID_ACRONYM,
    _ID_ACRONYM_LOWER,
    _ID_CUE_STEMS,
    _IP_LIKE,
    _STRICT_DATE,
    _decoy_before,
    _id_after,
    _id_cue,
    _version_before,
)
from app.core.privacy.prefilter import digit_runs, may_contain, stems_pattern

Span = tuple[str, int, int]

# python-stdnum's modules for numbers that identify a person (company and VAT numbers left
# out), whether a valid one is improbable by chance (a birth date and a check digit: a
# random number of the length passes about once in a thousand or less), and the lengths of
# their letters and digits (a module is only asked about numbers it could accept).
_PERSONAL: tuple[tuple[str, bool, tuple[int, ...]], ...] = (
    ("at.vnr", True, (10,)),
    ("be.nn", True, (11,)),
    ("bg.egn", True, (10,)),
    ("br.cpf", False, (11,)),
    ("ca.sin", False, (9,)),
    ("ch.ssn", True, (13,)),
    ("cl.rut", False, (8, 9)),
    ("cn.ric", True, (18,)),
    ("cz.rc", True, (9, 10)),
    ("de.idnr", False, (11,)),
    ("dk.cpr", False, (10,)),
    ("ee.ik", True, (11,)),
    ("es.dni", False, (9,)),
    ("es.nie", False, (9,)),
    ("fi.hetu", True, (10, 11)),
    ("fr.nir", True, (15,)),
    ("gb.nhs", False, (10,)),
    ("gr.amka", True, (11,)),
    ("gr.vat", False, (9, 11)),
    ("hr.oib", False, (11,)),
    ("ie.pps", False, (8, 9)),
    ("il.idnr", False, (5, 6, 7, 8, 9)),
    ("in_.aadhaar", False, (12,)),
    ("in_.pan", False, (10,)),
    ("is_.kennitala", True, (10,)),
    ("it.codicefiscale", True, (16,)),
    ("kr.rrn", True, (13,)),
    ("lt.asmens", True, (11,)),
    ("lv.pvn", False, (11,)),
    ("mx.curp", True, (18,)),
    ("my.nric", False, (12,)),
    ("nl.bsn", False, (8, 9)),
    ("no.fodselsnummer", True, (11,)),
    ("pk.cnic", False, (13,)),
    ("pl.pesel", True, (11,)),
    ("pt.cc", True, (12,)),
    ("pt.nif", False, (9,)),
    ("ro.cnp", True, (13,)),
    ("se.personnummer", True, (10, 12)),
    ("si.emso", True, (13,)),
    ("sk.rc", True, (9, 10)),
    ("th.pin", False, (13,)),
    ("tr.tckimlik", True, (11,)),
    ("us.itin", False, (9,)),
    ("us.ssn", False, (9,)),
    ("za.idnr", True, (13,)),
)


@functools.cache
def _modules(length: int) -> tuple[tuple[ModuleType, bool], ...]:
    # Imported on first use: python-stdnum costs tens of milliseconds to load.
    return tuple(
        (importlib.import_module(f"stdnum.{name}"), strong)
        for name, strong, lengths in _PERSONAL
        if length in lengths
    )


_ALNUM = re.compile(r"[^\W_]")


def _valid(value: str, *, strong_only: bool = False) -> bool:
    """Whether ``value`` is a valid personal number of any country python-stdnum knows."""
    for module, strong in _modules(len(_ALNUM.findall(value))):
        if strong_only and not strong:
            continue
        try:
            if module.is_valid(value):
                return True
        except Exception:  # noqa: BLE001, S112 - a module's own parse error means "not valid"
            continue
    return False


def _taj(digits: str) -> bool:
    """The Hungarian social security (TAJ) number: nine digits, weights 3 and 7, mod 10."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * (3 if k % 2 == 0 else 7) for k, d in enumerate(digits[:8]))
    return total % 10 == int(digits[8])


def _hungarian_tax(digits: str) -> bool:
    """The Hungarian tax identification number (adóazonosító jel): 8, nine digits, mod 11."""
    if len(digits) != 10 or not digits.isdigit() or digits[0] != "8":
        return False
    total = sum(int(d) * (k + 1) for k, d in enumerate(digits[:9]))
    return total % 11 == int(digits[9])


# A number written as one or more groups: the first may start with up to three letters
# ("CI08293TY", "D0970 31040 36195"), each later group starts with a digit or is one check
# letter ("28832104-V", "1 73 06 46 858 596 26", "04725758 9 PC7", "210476-11995").
_CANDIDATE = re.compile(
    r"(?<![\w.+/@-])(?=[A-Za-z]{0,3}\d|(?=[A-Z]*\d)[A-Z0-9]{6,12}\b|(?=[a-z]*\d)[a-z0-9]{6,12}\b)"
    r"[A-Za-z0-9]+"
    r"(?:[ .\-/](?=[A-Za-z]{0,2}\d)[A-Za-z0-9]+|-[A-Za-z]\b){0,6}(?![\w@]|[.\-/]\w)"
)
# Shapes that only personal numbers have: a birth date, a separator, a serial ("210476-11995",
# "710319/2745", "131052-308T", "19640823-3234", "850101-1234567").
# (The Finnish check character in lower case too: "031162-020e".)
_ID_SHAPE = re.compile(
    r"\d{6}[-+A]\d{3}[0-9A-Y]|\d{6}[-/+]\d{3,5}|\d{8}-\d{4}|\d{6}-\d{7}|\d{13}|\d{11}",
    re.IGNORECASE,
)
# The Portuguese citizen card: "04725758 9 PC7", "123456789ZZ4".
_PT_CC = re.compile(
    r"(?<![\w.-])\d{8}[ ]?\d[ ]?(?=[A-Z0-9]{2}\d)(?=\w{0,2}[A-Z])\w{3}(?![\w])", re.I
)

# Document words and abbreviations of more countries and languages than the core cue list
# (the scan below has them grouped by first letter).
_MORE_CUE_WORDS = (
    r"t\.?\s?c\.?\s?kimlik(?:\s?no)?|kimlik\s?(?:numarası|numaram|no|kartı)|nüfus cüzdanı|"
    r"cpr(?:-nr\.?|-nummer| nummer| nr\.?| number|-number)?|personas kods|personas koda|"
    r"asmens kod\w*|isikukood\w*|kennitala|rodné číslo|rodne cislo|rodného čísla|"
    r"číslo (?:op|občanského|pasu)|občansk\w+ průkaz\w*|taj[ -]szám\w*|taj|"
    r"adóazonosító(?: jel)?|adószám\w*|személyi\w*|"
    r"αμκα|α\.μ\.κ\.α\.?|αφμ|α\.φ\.μ\.?|ταυτότητα\w*|αριθμός ταυτότητας|"
    r"cod numeric personal|codul numeric personal|cnp-ul|buletin\w*|carte de identitate|"
    r"pps(?:n| no\.?| number)?|personal public service(?: number)?|"
    r"pass-?nr\.?|pass nr\.?|pass-nummer|svnr|sv-nr\.?|versicherungsnummer|"
    r"sozialversicherungs\w*|e-card|"
    r"rentenversicherungs\w*|krankenversichertennummer|steuer-?id\w*|"
    r"identifikationsnummer|idnr|"
    r"n\.?º? de contribuinte|número de contribuinte|contribuinte|n\.?º de utente|"
    r"número de utente|"
    r"cartão de cidadão|cartão do cidadão|n\.?º do cc|número do cc|número do cartão|"
    r"bilhete de identidade|"
    r"registro geral|carteira de identidade|identidade|título de eleitor|cnh|"
    r"sofi-?nummer|bsn-nummer|id-nummer|id nummer|identiteitsbewijs|identiteitskaart|"
    r"documentnummer|rijbewijsnummer|"
    r"resident (?:id|registration(?: number)?)|national (?:id|identity|identification)\w*|"
    r"individual number|nric|fin|curp|cuil|cuit|"
    r"dni|nie|tie|carnet de identidad|carn[eé] de conducir|documento nacional de identidad|"
    r"número de identificación|cédula de identidad|"
    r"numer dowodu|nr dowodu|dowodu osobistego|pesel|"
    r"dl(?:#| no\.?| number| num)|driver'?s? licen[cs]e\w*|drivers licen[cs]e|licen[cs]e|"
    r"health (?:card|insurance card|insurance number)|insurance card|nhs (?:no\.?|number)|"
    r"carte vitale|numéro de sécu\w*|n° (?:de )?sécu\w*|insee|"
    r"codice fiscale|carta d'identità|tessera sanitaria|permesso di soggiorno|"
    r"social insurance(?: number)?|sin|ssn|itin|tin|tax id|taxpayer id\w*|"
    r"ehic|aadhaar|aadhar|voter id|epic|pan(?: card| no\.?| number)|"
    r"karty pobytu|kartę pobytu|karcie pobytu|residen(?:ce|t) (?:card|permit)\w*|"
    r"ird(?: number| no\.?)?|nir|insee|cie|uid|nip"
)
# Regrouped (the same matches, see alternation.py), then the capitals "ID" before a number,
# last as before: only a branch starting with "i" can match where it does, and those still
# come first.
_MORE_CUES = re.compile(
    r"(?<![\w])(?:"
    + by_first_letter(f"(?:{_MORE_CUE_WORDS})", "", "")[3:-1]
    + r"|(?-i:ID)(?= ?(?:no\b|nr\b|number|#|:|[A-Z0-9]*\d))"
    r")(?![\w])",
    re.IGNORECASE,
)
# Every match of _MORE_CUES holds one of these (a message with none is not scanned).
_MORE_CUE_STEMS = (
    "kimlik", "nüfus", "cpr", "personas", "asmens", "isikukood", "kennitala", "rodn",
    "číslo", "občan", "taj", "adó", "személyi", "αμκα", "α.μ", "αφμ", "α.φ", "ταυτότητ",
    "αριθμός", "numeric", "cnp", "buletin", "identitate", "pps", "personal public", "svnr",
    "sv-nr", "versicherung", "e-card", "steuer", "identifikation", "idnr", "contribuinte",
    "utente", "cidadão", "cc", "bilhete", "registro", "identidade", "eleitor", "cnh", "sofi",
    "bsn", "id-nummer", "id nummer", "identiteit", "documentnummer", "rijbewijs",
    "resident", "national", "individual", "nric", "fin", "curp", "cuil",
    "cuit", "dni", "nie", "tie", "carn", "documento", "identificación", "cédula", "dowod",
    "pesel", "dl", "licen", "health", "insurance", "nhs", "vitale", "sécu", "insee",
    "codice", "carta", "tessera", "permesso", "social", "sin", "ssn", "itin", "tin", "tax",
    "ehic", "aadha", "voter", "epic", "pan", "pass", "pobytu", "residen", "ird", "nir",
    "cie", "uid", "id", "nip",
)  # fmt: skip
# Abbreviations that are also ordinary words count only in capitals ("fin", "tin", "sin",
# "tie", "nie", "pan", "taj", "epic", "licence" is a word but always a document's).
_WORDLIKE_CUES = frozenset(
    [
        "fin",
        "tin",
        "sin",
        "tie",
        "nie",
        "pan",
        "taj",
        "epic",
        "cc",
        "nir",
        "cie",
        "uid",
        "ird",
        "nip",
    ]
)

# Document words, to recognise one written with a single slip ("psasport", "licennce").
_DOCUMENT_WORDS = tuple(
    str.split(
        """
        passport passeport pasaporte passaporto paspoort passaporte reisepass paszport
        licence license licencia licenza führerschein rijbewijs insurance versicherung
        kimlik identity identité identidad identità identiteit identidade ausweis
        personalausweis residence permit permesso séjour residencia seguridad sécurité
        social número numéro numero nummer number
        """
    )
)


def _one_slip(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter added, dropped, changed or swapped."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [k for k in range(len(word)) if word[k] != target[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == target[diff[1]]
            and word[diff[1]] == target[diff[0]]
        )
    short, long = (word, target) if len(word) < len(target) else (target, word)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


# The number words left out of the slip check: they are cues only with a document word.
_GENERIC_NUMBER_WORDS = frozenset(["número", "numéro", "numero", "nummer", "number", "social"])
_WORD = re.compile(r"[^\W\d_]{6,}")


def _slipped_cue(text: str, start: int, end: int) -> bool:
    """Whether a document word with one typing slip stands shortly before or after a value."""
    window = text[max(0, start - 40) : start] + " " + text[end : end + 30]
    for match in _WORD.finditer(window.lower()):
        word = match.group()
        for target in _DOCUMENT_WORDS:
            if (
                target not in _GENERIC_NUMBER_WORDS
                and word[0] == target[0]
                and len(target) >= 6
                and _one_slip(word, target)
            ):
                return True
    return False


# Words before a number that make it no one's identity number.
_NOT_ID_BEFORE = re.compile(
    # Grouped by first letter: the same matches (see alternation.py), a faster scan.
    by_first_letter(
        r"(?:order|invoice|tracking|ticket|ref|reference|booking|bestell|rechnung|commande|"
        r"facture|pedido|factura|ordine|fattura|bestelling|factuur|zamówieni|faktur|encomenda|"
        r"fatura|isbn|version|versão|versión|build|tel|phone|fon|móvil|mobile|handy|iban|"
        r"account|konto|compte|cuenta|conto|rekening|conta|kontakt|fax|piva|p\.\s?iva|partita|"
        r"vat|btw|tva|ust|uid|cif|nipc|cnpj|kvk|regon|krs|siren|siret|ein)\w*[\s:#.nº°-]*$",
        "",
        r"\w*[\s:#.nº°-]*$",
    ),
    re.IGNORECASE,
)


def _placeholder(digits: str) -> bool:
    """All the same digit, or digits running in order: an example, not someone's number."""
    if len(digits) < 5:
        return False
    if len(set(digits)) <= 1:
        return True
    return digits in "01234567890123456789" or digits in "98765432109876543210"


# A field label: "nip: …", "uid: …" (an abbreviation that is also a word counts this way).
_LABEL_AFTER = re.compile(r"[ \t]*(?:[:=]|(?:n|no|nr|nº|n°)\.[ \t]*:?|nº|n°|#)")
_NOT_PERSONAL_ID = re.compile(
    r"(?i)(?:order|transaction|session|user|customer|request|client|device|app|process|package|"
    r"parcel|shipment|delivery|shipping|payment|sample|batch|lot|asset|tax|vat|paket|sendung|"
    r"colis|pacco|paquete|pakket|przesyłki|encomenda|envío|envio|"
    r"product|ticket|tracking|booking|reference|invoice|account|employee|student|member|"
    r"chat|message|row|record|job|build|commit|event|item|object|group|channel|video|"
    r"apple|google|steam|discord|game|player|vendor|supplier|merchant|api|client)[ \t_-]*$"
)


def _more_cue_spans(text: str, low: str) -> list[tuple[int, int]]:
    """Where this module's own document words stand (abbreviations that are words in capitals)."""
    found: list[tuple[int, int]] = []
    if not may_contain(text, _MORE_CUE_STEMS, low):
        return found
    for m in _MORE_CUES.finditer(text):
        word = m.group()
        if (
            word.lower() in _WORDLIKE_CUES
            and not word.isupper()
            and not _LABEL_AFTER.match(text, m.end())
        ):
            continue
        if word == "ID" and _NOT_PERSONAL_ID.search(text, max(0, m.start() - 16), m.start()):
            continue  # an order, session or user id
        found.append(m.span())
    return found


def _cue_spans(text: str, own: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Where document words and abbreviations stand in ``text`` (core cues and this module's).

    ``own``: this module's cues in ``text``, when the caller has them already.
    """
    low = text.lower()
    lower_message = low == text
    found: list[tuple[int, int]] = []
    if stems_pattern(_ID_CUE_STEMS).search(low):
        found += [m.span() for m in _id_cue().finditer(text)]
    found += [m.span() for m in _ID_ACRONYM.finditer(text)]
    if lower_message:
        found += [m.span() for m in _ID_ACRONYM_LOWER.finditer(text)]
    found += _more_cue_spans(text, low) if own is None else own
    return sorted(set(found))


def _clean_value(text: str, start: int, end: int) -> tuple[int, int]:
    """The value less words glued to its ends that are not part of it."""
    value = text[start:end]
    parts = re.split(r"([ .\-/])", value)
    # A leading word of letters only longer than three is a word, not a series prefix.
    while len(parts) > 2 and parts[0].isalpha() and len(parts[0]) > 3:
        start += len(parts[0]) + len(parts[1])
        parts = parts[2:]
    while (
        len(parts) > 2
        and parts[-1].isalpha()
        and (len(parts[-1]) > 1 or parts[-3][-1:].isalpha() or parts[-1] in "yeiourzw")
    ):
        # A word after the number, a conjunction ("… 44433137N y", "… 577890743 e"), or the
        # "r." of a Polish year.
        end -= len(parts[-1]) + len(parts[-2])
        parts = parts[:-2]
    return start, end


def _worth_checking(value: str) -> bool:
    digits = [c for c in value if c.isdigit()]
    return len(digits) >= 6 and not _placeholder("".join(digits))


def _decoy(text: str, start: int) -> bool:
    return (
        _decoy_before(text, start)
        or _version_before(text, start)
        or _NOT_ID_BEFORE.search(text, max(0, start - 24), start) is not None
    )


_SHAPED = re.compile(
    r"(?<![\w])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,12}(?![\w])"
)


def id_numbers(text: str) -> list[Span]:
    """Identity numbers of many countries in ``text`` (see the module docstring)."""
    # Every value found below has four digits or more, or is a word of capitals and digits.
    if digit_runs(text)[0] < 4 and _SHAPED.search(text) is None:
        return []
    spans: list[Span] = []
    lower_message = text.lower() == text
    # The numbers worth a look, by their shape alone (the cheap checks first).
    values = []
    for match in _CANDIDATE.finditer(text):
        start, end = _clean_value(text, *match.span())
        value = text[start:end]
        compact = re.sub(r"[ .\-/]", "", value)
        if _NOT_ID_SHAPE.fullmatch(value):
            continue
        if not _worth_checking(value) and not _shaped_id(compact):
            continue
        if _IP_LIKE.match(value) or _STRICT_DATE.fullmatch(value) or _DATE.match(value):
            continue  # an address, a network, a date or a timestamp
        if _ORDINAL.search(value) and not _ID_SHAPE.fullmatch(value):
            continue  # a date: "19th 1943" (not a check letter: "031162-020e")
        if _PHONE_BEFORE.search(text, max(0, start - 8), start):
            continue  # the rest of a phone number after its area code or country code
        values.append((start, end, value, compact))
    own = _more_cue_spans(text, text.lower())
    # The core cues matter only for a value here or one under its label.
    cues = _cue_spans(text, own) if values or "\n" in text else own
    has_cue = bool(cues)
    # The value after one of this module's cues, on its line or the line after it (the core
    # patterns read the value after their own cues), or two lines under any cue.
    for cue_start, cue_end in cues:
        found = _id_after(text, cue_end, lower_message) if (cue_start, cue_end) in own else None
        if found is None:
            found = _two_lines_below(text, cue_end, lower_message)
        if found is not None and not _placeholder(
            "".join(c for c in text[slice(*found)] if c.isdigit())
        ):
            spans.append(("GOV_ID", *found))
    for start, end, value, compact in values:
        if (
            _decoy(text, start)
            and not _labelled_by_cue(text, cues, start)
            and not (_after_number_word(text, start) and _slipped_cue(text, start, end))
        ):
            continue
        adjacent = _cue_adjacent(text, cues, start, end)
        checked = (
            _PT_CC.fullmatch(value)
            and (has_cue or _valid(value) or not value[-3:].isdigit())
            or _ID_SHAPE.fullmatch(value)
            and _valid(value, strong_only=True)
            or has_cue
            and (adjacent or len(compact) >= 9)
            and _valid(value)
            or adjacent
            and (_taj(compact) or _hungarian_tax(compact))
        )
        # Without a check digit: a number or a word of capitals and digits by its cue.
        cued = (adjacent or _slipped_cue(text, start, end)) and (
            sum(c.isdigit() for c in value) >= 7 or _shaped_id(compact)
        )
        if checked or cued:
            spans.append(("GOV_ID", start, end))
    spans.extend(_table_ids(text))
    return spans


def _shaped_id(compact: str) -> bool:
    """One word of capitals (or lower case) and digits, 6 to 12 long, with at least 2 digits."""
    return (
        6 <= len(compact) <= 12
        and compact.isalnum()
        and any(c.isalpha() for c in compact)
        and sum(c.isdigit() for c in compact) >= 2
        and (compact.isupper() or compact.islower())
    )


def _capital_code(compact: str) -> bool:
    """A code of capitals with a digit ("GCJZDQSU8"): an id only under an id column's header."""
    return (
        6 <= len(compact) <= 12
        and compact.isalnum()
        and compact.isupper()
        and any(c.isdigit() for c in compact)
    )


_NUMBER_WORDS = frozenset(
    str.split("no no. nr nr. n n. nº n° # number num numer número numéro numero nummer")
)


def _labelled_by_cue(text: str, cues: list[tuple[int, int]], start: int) -> bool:
    """Whether a cue stands before the value with only number words between ("aadhar no |")."""
    for _, e in cues:
        if 0 <= start - e <= 16:
            words = re.findall(r"[\w.#º°]+", text[e:start])
            if all(w.lower() in _NUMBER_WORDS for w in words):
                return True
    return False


def _after_number_word(text: str, start: int) -> bool:
    words = re.findall(r"[\w.#º°]+", text[max(0, start - 8) : start])
    return bool(words) and words[-1].lower() in _NUMBER_WORDS


def _cue_adjacent(text: str, cues: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a cue stands next to the value with no other number between them.

    Before it: up to 60 characters back, across at most one line break (the value under its
    label). After it: up to 40 characters on, on the same line ("… 52017320336 is mijn Turks
    ID-nummer").
    """
    for s, e in cues:
        if 0 <= start - e <= 60:
            gap = text[e:start]
            line_end = gap.find("\n")
            if (
                not any(c.isdigit() for c in gap)
                and gap.count("\n") <= 1
                and (line_end == -1 or not gap[:line_end].strip(" \t:：#-–"))
            ):
                return True
        elif 0 <= s - end <= 40:
            gap = text[end:s]
            if not any(c.isdigit() for c in gap) and "\n" not in gap:
                return True
    return False


# Postcodes ("1976-264", "22875-035", "35-429", "114 55") and numbers in a phone's shape.
_NOT_ID_SHAPE = re.compile(
    r"\d{4,5}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}|(?i:[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2})|"
    r"\d{1,5}(?i:bis|ter)"
)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th|er|e|º|ª)\b", re.IGNORECASE)
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_PHONE_BEFORE = re.compile(r"(?:\(\d{1,4}\)|\+\d{1,3})[ \t]?$|\+$")


_SUB_LABEL = re.compile(r"[ \t]*[^\W\d_][\w.º°'’ ]{0,24}:?[ \t]*\n")


def _two_lines_below(text: str, at: int, lower_message: bool) -> tuple[int, int] | None:
    """A value two lines under its label, below a short sub-label ("Documento⏎Número⏎…")."""
    rest = re.match(r"[ \t:]*\n", text[at : at + 4])
    if rest is None:
        return None
    sub = _SUB_LABEL.match(text, at + rest.end())
    if sub is None:
        return None
    return _id_after(text, sub.end() - 1, lower_message)


# A header cell after a sentence on its line: "… Hoe dan ook, naam;paspoortnummer;stad".
_HEADER_START = re.compile(r"^(?:.*[:.!?,][ \t]+)?")


def _table_ids(text: str) -> list[Span]:
    """Id cells of a table whose header line begins after a sentence on the same line."""
    if "\n" not in text:
        return []
    spans: list[Span] = []
    lines = text.split("\n")
    offset = 0
    offsets = []
    for line in lines:
        offsets.append(offset)
        offset += len(line) + 1
    for k, header in enumerate(lines[:-1]):
        sep = next(
            (c for c in ";,\t|" if header.count(c) >= 2 or c in ";\t|" and c in header), None
        )
        if sep is None:
            continue
        cells = header.split(sep)
        first = cells[0]
        cut = _HEADER_START.match(first)
        if len(first) <= 40 and not (cut and cut.end()):
            continue  # the core table reader handles headers that start their line
        cells[0] = first[cut.end() :] if cut else first
        names = [c.strip().lower() for c in cells]
        if any(len(n) > 40 or any(ch.isdigit() for ch in n) for n in names):
            continue
        id_columns = [j for j, n in enumerate(names) if _cue_spans(n)]
        if not id_columns:
            continue
        row = lines[k + 1]
        if row.count(sep) != header.count(sep):
            continue
        at = 0
        for j, cell in enumerate(row.split(sep)):
            if j in id_columns:
                stripped = cell.strip(" \t\"'")
                begin = cell.find(stripped)
                compact = re.sub(r"[ .\-/]", "", stripped)
                if (
                    stripped
                    and (
                        sum(c.isdigit() for c in compact) >= 4
                        or _shaped_id(compact)
                        or _capital_code(compact)
                    )
                    and len(stripped) <= 24
                ):
                    s = offsets[k + 1] + at + begin
                    spans.append(("GOV_ID", s, s + len(stripped)))
            at += len(cell) + 1
    return spans
