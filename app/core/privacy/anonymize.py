"""PII detection, irreversible redaction for uploads, and reversible pseudonymization (vault).

Two ways out of the same detector:

* :func:`redact` replaces each finding with a typed placeholder (``[EMAIL]``, ``[PERSON]``).
  Nothing is kept, so there is no way back. This is what the upstream gate sends.
* :class:`Pseudonymizer` replaces each distinct value with a numbered placeholder that is
  stable within a conversation (``[PERSON_1]``), and records the pair in a :class:`Vault`.
  The assistant's reply goes through :class:`StreamRestorer`, which puts the originals back,
  even when a placeholder arrives split across streamed chunks. The vault never leaves the
  machine.

Offsets in :class:`Entity` always refer to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.core.privacy.address_heads import with_heads
from app.core.privacy.address_rules import address_spans, extend_blocks
from app.core.privacy.chat_handles import (
    HANDLE_JOINERS,
    LINE_LEAD,
    handle_extent,
    handles_around,
    named_handles,
)
from app.core.privacy.context_rules import birthday_lists, not_a_person
from app.core.privacy.features import JOINERS, TITLE_WORDS, word_features
from app.core.privacy.id_numbers import id_numbers
from app.core.privacy.job_titles import job_title
from app.core.privacy.lexicon import is_known_word, lexicon
from app.core.privacy.log_handles import log_handles
from app.core.privacy.name_edges import (
    after_thing_article,
    bare_speakers,
    chat_speakers,
    names_a_shop,
    whole_names,
)
from app.core.privacy.name_lists import list_mates, other_mentions
from app.core.privacy.names import find_people, fold, public_spans
from app.core.privacy.patterns import (
    POSTCODE_CITY,
    birth_hint,
    code_decoy,
    company_handle_at,
    date_around,
    dates_in,
    famous_address,
    famous_spans,
    find_structured,
    number_decoy,
    public_birth,
    speaks_of_birth,
    url_candidates,
)
from app.core.privacy.pets import NO_PETS, names_a_pet, pets_in
from app.core.privacy.prefilter import may_contain
from app.core.privacy.tagger import tagger
from app.core.privacy.tagger_checks import keep_address

ENTITY_TYPES = (
    "PERSON",
    "EMAIL",
    "PHONE",
    "STREET_ADDRESS",
    "CREDIT_CARD",
    "IBAN",
    "IP_ADDRESS",
    "GOV_ID",
    "DATE_OF_BIRTH",
    "USERNAME",
    "URL",
)
# When two findings overlap, the more specific one wins: an e-mail address contains a name,
# an address contains a street named after a person, a URL contains a handle.
_HINT_SPLIT = re.compile(r"[^a-z]+")
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")
# A finding of the tagger made of digits and separators only.
_NUMBER_ONLY = re.compile(r"[\d\s().+/-]+")
# A service and its short number in a list of emergency numbers ("mentők 104, rendőrség 107").
_EMERGENCY_ITEM = re.compile(r"[^\W\d_]+ (?:116 ?\d{3}|1\d\d)")
_EMERGENCY_BEFORE = re.compile(r"(?<!\d)112(?!\d)")
# Local parts that name a role, not a person: "Sales" next to sales@… is no name.
_ROLE_ADDRESSES = frozenset(
    str.split(
        """
        info sales support admin contact billing hello office team noreply reply mail post
        service help jobs press news shop orders accounts finance compta kontakt contacto
        contatto webmaster postmaster security privacy legal hr career careers
        """
    )
)
_PRIORITY = {
    "EMAIL": 0,
    "URL": 1,
    "IBAN": 2,
    "CREDIT_CARD": 3,
    "GOV_ID": 4,
    "IP_ADDRESS": 5,
    "DATE_OF_BIRTH": 6,
    "PHONE": 7,
    "STREET_ADDRESS": 8,
    "USERNAME": 9,
    "PERSON": 10,
}


@dataclass(frozen=True, slots=True)
class Entity:
    """One piece of PII: its type and where it is in the original text."""

    type: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        """The JSON form used by the CLI (DESIGN.md §6)."""
        return {"type": self.type, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Redaction:
    """A redacted text and the entities that were replaced, with offsets into the original."""

    text: str
    entities: tuple[Entity, ...]


def rule_spans(text: str) -> tuple[list[tuple[str, int, int]], frozenset[str]]:
    """What the rule detectors find (the tagger's input): structured spans, then names.

    Also returns the name-like parts of the message's e-mail addresses and handles.
    """
    lex = lexicon()
    candidates = find_structured(text, lex.first_names, lex.surnames)
    candidates.extend(id_numbers(text))
    candidates.extend(address_spans(text))
    hints = _hints(text, candidates)
    candidates.extend(("PERSON", start, end) for start, end in find_people(text, hints))
    return candidates, hints


def detect(text: str) -> list[Entity]:
    """Find the PII in ``text``: non-overlapping entities in order of position.

    The rule detectors (check digits, patterns, cues and gazetteers) run first; the learned
    tagger reads the message with their findings as features and decides on names, and
    adds the addresses, phone numbers, ids, birth dates and usernames the rules missed.
    """
    if not text:
        return []
    rules, hints = rule_spans(text)
    found = _tagged(text, rules)
    if "?" in text:
        found.extend(_answers_to_who(text, rules, found))
    found.extend(named_handles(text, [*rules, *found]))
    found.extend(chat_speakers(text, [*rules, *found]))
    found.extend(bare_speakers(text, [*rules, *found]))
    if ("," in text or " and " in text) and sum(k == "PERSON" for k, _, _ in (*rules, *found)) >= 2:
        found.extend(list_mates(text, [*rules, *found], public_spans(text)))
    found.extend(other_mentions(text, [*rules, *found]))
    found.extend(log_handles(text, [*rules, *found]))
    found.extend(handles_around(text, [*rules, *found]))
    found.extend(birthday_lists(text, [*rules, *found]))
    if speaks_of_birth(text):
        found.extend(_dates_near_a_birth(text, rules, found))
    candidates = list(rules)
    candidates.extend(found)
    people = [(s, e) for kind, s, e in found if kind == "PERSON"]
    if people or hints:
        candidates.extend(_personal_urls(text, candidates, people, hints))
    if not candidates:
        return []
    # Names widened to their initials, particles and hyphenated parts before they are judged
    # (a company form after "Iannucci-Lercari" counts for the whole name).
    candidates = whole_names(text, candidates)
    # The rules and the tagger often find the same span: each one is judged once.
    judged: dict[tuple[str, int, int], tuple[str, int, int] | None] = {}
    # Names the message gives to animals ("our cat Hugo"): no person's.
    pets = pets_in(text) if people or any(c[0] == "PERSON" for c in rules) else NO_PETS
    kept = []
    for c in candidates:
        if c in judged:
            verdict = judged[c]
        else:
            verdict = judged[c] = (
                None
                if _company(text, c)
                or (c[0] == "PERSON" and _NAME_AS_WORD.match(text, c[2]))
                or (c[0] == "PERSON" and after_thing_article(text, c[1], c[2]))
                or (c[0] == "PERSON" and names_a_shop(text, c[1], c[2]))
                or (c[0] == "PERSON" and not_a_person(text, c[1], c[2]))
                or (c[0] == "PERSON" and names_a_pet(text, c[1], c[2], pets))
                or (c[0] == "PERSON" and job_title(text[c[1] : c[2]]))
                or _placeholder(text[c[1] : c[2]], c[0])
                or _goods_number(text, *c)
                else _whole_handle(text, c)
            )
        if verdict is not None:
            kept.append(verdict)
    candidates = kept
    if any(c[0] == "DATE_OF_BIRTH" for c in candidates):
        candidates = [
            (kind, *date_around(text, s, e)) if kind == "DATE_OF_BIRTH" else (kind, s, e)
            for kind, s, e in candidates
        ]
    candidates = _merge_same_type(candidates)
    if any(c[0] == "STREET_ADDRESS" for c in candidates):
        famous = famous_spans(text)
        candidates = [
            c
            for c in with_heads(text, extend_blocks(text, _complete_addresses(text, candidates)))
            if c[0] != "STREET_ADDRESS"
            or not _placeholder(text[c[1] : c[2]], c[0])
            # a part of one found alone ("55 rue" of the Élysée's address)
            and not any(s <= c[1] and c[2] <= e for s, e in famous)
            # the tagger's alone: a numbered item or a table cell ("1. Approvato", "Qty 1")
            and keep_address(text, c, rules, candidates)
        ]
    candidates.sort(key=lambda c: (_PRIORITY[c[0]], c[1] - c[2], c[1]))
    taken: list[tuple[int, int]] = []
    chosen: list[Entity] = []
    for kind, start, end in candidates:
        if start >= end:
            continue
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            chosen.append(Entity(kind, start, end))
            continue
        # Overlapped by a more specific finding: what sticks out of it is still redacted
        # ("7650-185" read as an id inside an address keeps the rest of the address).
        for piece_start, piece_end in _uncovered(text, start, end, taken):
            taken.append((piece_start, piece_end))
            chosen.append(Entity(kind, piece_start, piece_end))
    chosen.sort(key=lambda e: e.start)
    return chosen


def _uncovered(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of ``start:end`` outside every taken span that hold a word or number."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for s, e in sorted(taken):
        if e <= cursor or s >= end:
            continue
        if s > cursor:
            pieces.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        pieces.append((cursor, end))
    out = []
    for a, b in pieces:
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if b - a >= 2 or b > a and text[a].isdigit():
            out.append((a, b))
    return out


def _tagged(text: str, rules: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The tagger's findings, less those the rules know better."""
    found = []
    public: list[tuple[int, int]] | None = None
    code = [m.span() for m in _CODE_FENCE.finditer(text)] if "```" in text else None
    for kind, start, end in tagger().spans(text, rules):
        if any(k != kind and k != "PERSON" and s < end and start < e for k, s, e in rules):
            continue  # a check digit or pattern knows better what this is
        if _NUMBER_ONLY.fullmatch(text, start, end) and number_decoy(text, start, end):
            continue  # an order, version or price
        if kind in ("GOV_ID", "USERNAME", "STREET_ADDRESS") and code_decoy(text, start, end):
            continue  # a serial, booking, product or voucher code: "ASIN B07XJ8C8F3"
        if (
            kind == "STREET_ADDRESS"
            and _EMERGENCY_ITEM.fullmatch(text, start, end)
            and _EMERGENCY_BEFORE.search(text, max(0, start - 60), start)
        ):
            continue  # "hätänumero 112, päivystysapu 116 117": a list of emergency numbers
        if kind == "DATE_OF_BIRTH" and _scheduled(text, start, end):
            continue  # a deadline or an appointment, and nothing speaks of a birth
        if kind == "DATE_OF_BIRTH" and _bare_day(text[start:end]):
            continue  # a number of one or two digits ("line 20") is no date
        if kind == "DATE_OF_BIRTH" and public_birth(text, start, end):
            continue  # a public or fictional figure's ("Mozart, born 27 January 1756")
        if kind in ("USERNAME", "PERSON") and "@" in text and company_handle_at(text, start, end):
            continue  # the name in a company's handle ("complaint to @NordRail")
        if (
            kind == "PHONE"
            and sum(c.isdigit() for c in text[start:end]) < 6
            and not any(c.isdigit() for c in text[max(0, start - 2) : start])
        ):
            continue  # a short or emergency number ("ligar para o 112"), not a number's tail
        if kind != "PERSON" and code is not None and any(s <= start < e for s, e in code):
            continue  # a word or number in a fenced code block ("allowed_cidrs", "CS4459")
        if kind in ("PERSON", "STREET_ADDRESS") and not any(
            k == kind and s < end and start < e for k, s, e in rules
        ):
            value = text[start:end]
            if kind == "PERSON" and " " not in value and value.isupper():
                continue  # an acronym (IRA, STD), not a name in capitals
            if public is None:
                public = public_spans(text)
            if kind == "PERSON" and any(s < end and start < e for s, e in public):
                continue  # a public figure, or someone asked about ("who was …")
            if any(s <= start and end <= e for s, e in public):
                continue  # only a public figure's name: an address has more to it
            # A street named after one ("Avenida Simón Bolívar 120") is still an address.
        found.append((kind, start, end))
    return found


# A fenced code block, to its closing fence or the end of the message.
_CODE_FENCE = re.compile(r"```.*?(?:```|\Z)", re.DOTALL)


def _bare_day(value: str) -> bool:
    return not any(c.isalpha() for c in value) and sum(c.isdigit() for c in value) <= 2


_ASCENDING = "01234567890123456789"
# A generic mailbox at a domain reserved for examples (RFC 2606): a real person's address
# generated for a test may use the same domains, so the mailbox must be generic too.
_EXAMPLE_DOMAIN = re.compile(
    r"^(?:user|username|name|e-?mail|mail|test|example|sample|foo|bar|info|you|me|someone|"
    r"your[._-]?name|(?:john|jane)[._-]?doe|max[._-]?mustermann|vorname[._-]nachname|"
    r"pr[ée]nom[._-]nom|nombre|nome|naam|imie[._-]nazwisko)\d*"
    r"@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|invalid|test|localhost))$",
    re.I,
)
# Streets, towns and names made up for forms ("Musterstraße 1, 12345 Musterstadt", "Via
# Esempio 1", "Voorbeeldstraat 1", "ul. Przykładowa 1").
_EXAMPLE_WORD = re.compile(
    r"muster|beispiel|example|exemple|esempio|exemplo|ejemplo|voorbeeld|przykład|sample|"
    r"placeholder|dummy|lorem",
    re.I,
)


def _placeholder(value: str, kind: str) -> bool:
    """Whether a finding is a form's or a textbook's placeholder, not anyone's value.

    All zeros or X ("000-00-0000", "DE00 0000 …", "XXXXXX00X00X000X"), the digits in
    ascending order ("123-45-6789", "01 23 45 67 89"), the reserved example domains
    (``user@example.com``) and streets or towns made of the word "example" in our languages.
    """
    if kind == "PERSON" or kind == "URL" or kind == "USERNAME":
        return False
    if kind == "EMAIL":
        return _EXAMPLE_DOMAIN.search(value) is not None
    if kind == "STREET_ADDRESS":
        return _EXAMPLE_WORD.search(value) is not None or famous_address(value)
    digits = "".join(c for c in value if c.isdigit())
    if not digits:
        return kind != "DATE_OF_BIRTH" and all(c in "Xx" for c in value if c.isalnum())
    if len(digits) < 4 and kind != "DATE_OF_BIRTH":
        return False
    # A country code (IBAN) or a check letter or two ("00000000T") may stand beside them.
    if kind != "IBAN" and sum(c.isalpha() and c not in "Xx" for c in value) > 2:
        return False
    return digits.strip("0") == "" or len(digits) >= 6 and digits in _ASCENDING


# Goods and parcel numbers: an EAN that passes the card check, a parcel's tracking number
# read as an id ("AWB 1Z…", "JJD…"), a log line's timestamp read as a phone number.
_GOODS_BEFORE = re.compile(
    r"(?:\b(?:EAN|GTIN|UPC|AWB|SKU|ISBN|tracking|Sendungsnummer|śledzenia|seguimiento|suivi)"
    r"|\b(?:BRT|SEUR|CTT|DHL|UPS|GLS|DPD|InPost|Colissimo|PostNL|FedEx|TNT)"
    r")[\s:#.]{0,3}$",
    re.IGNORECASE,
)
_PARCEL = re.compile(r"1Z[0-9A-Z]{16}|JJD\d{10,}|[A-Z]{2}\d{9}[A-Z]{2}")
_TIMESTAMP = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[ T]\d{1,2}(?=:\d\d)")


def _goods_number(text: str, kind: str, start: int, end: int) -> bool:
    """Whether a number found as a card, phone or id is a product's or a parcel's."""
    if kind not in ("CREDIT_CARD", "PHONE", "GOV_ID", "STREET_ADDRESS"):
        return False
    if kind == "PHONE" and _TIMESTAMP.match(text, start) is not None:
        return True
    if kind == "STREET_ADDRESS":
        return False
    if _PARCEL.fullmatch(text, start, end) is not None:
        return True
    return _GOODS_BEFORE.search(text, max(0, start - 16), start) is not None


# A name right before one of these is a company's ("Bäckerei Schmidt GmbH", "Hartley Ltd").
# A name spoken of as a name, not a person: "Is Grace a popular name in Ireland?", "Porque se
# usa John Smith como exemplo?", "Is 'John Smith' used as a dummy name?".
_NAME_AS_WORD = re.compile(
    r"[\"'’»”]?[ \t]+(?:(?:is|a|an|as|used|still|really|common|popular|good|typical|usual|"
    r"dummy|fake|como|come|als|comme|jako|um|uma|un|una|uno|une|een|ein|eine|ist|est|es|è|é|"
    r"jest|used|usado|usada|usato|usata|utilisé|gebruikt|verwendet|comum|común|comune|"
    r"populaire|beliebter|populair|popularne|popularny|popolare|popular)[ \t]+){1,4}"
    r"(?:names?|nomes?|nombres?|noms?|namen?|naam|imię|imiona|exemplo|ejemplo|esempio|"
    r"beispiel|voorbeeld|example|placeholder)\b",
    re.IGNORECASE,
)
_TRADES = (
    r"construções|construcciones|costruzioni|bauunternehmen|transport|transporte|"
    r"transportes|trasporti|logistik|logistics|logística|logistica|imobiliária|"
    r"inmobiliaria|immobilien|immobiliare|biciclette|consulting|consultores|fratelli|"
    r"hermanos|irmãos|frères|gebrüder|gruppe|groep|grupa|grupo|gruppo|vastgoed|bouw|"
    r"advocaten|avocats|abogados|avvocati|rechtsanwälte|steuerberatung|engenharia|"
    r"ingeniería|ingegneria|elektro|sanitär|dachdecker|malerei|schreinerei|tischlerei"
)
_COMPANY_AFTER = re.compile(
    r"[ \t,]*(?:&[ \t]*(?:Co|Sons|Söhne|Fils|Hijos|Figli|Zonen|Partners)\b|(?:GmbH|AG|KG|"
    r"Ltd|Limited|LLC|LLP|Inc|Corp|PLC|plc|SA|S\.A\.|SARL|SAS|S\.A\.S\.|B\.?V\.?|N\.?V\.?|"
    r"S\.?p\.?A\.?|[Ss]\.?[Rr]\.?[Ll]\.?|S\.?L\.?|Lda|Ltda|sp\. z o\.o\.|Group|Holding|SDK|"
    r"Foundation|Stiftung|CommV|Comm\.V\.|VOF|BVBA|OHG|GbR|e\.K\.|Oy|Oyj|ApS|A/S|"
    r"Kft|Zrt|s\.r\.o\.|a\.s\.|A\.Ş\.|Pvt|Pty|S\.C\.|Sp\. ?j\.|& Co|e\.V\.|GesbR|GesmbH|"
    r"S/A|eG|mbH)(?![\w])"
    # A trade or its partners after the name: "Ferreira Construções", "Nowak i Wspólnicy",
    # "Smith & Nephew", "Santos Imobiliária", "Bianchi Biciclette".
    r"|(?i:(?:&|and|und|et|e|y|en|i)[ \t]+(?:wspólnicy|synowie|filhos|hijos|figli|zonen|"
    r"fils|söhne|sons|partners|associados|asociados|associati|associés|nephew|brothers)"
    r"|" + _TRADES + r")(?![\w]))"
)
_TRADE = re.compile(rf"(?i:{_TRADES})")
# Shops, salons and brands named after a person, each a chain whose name is two known names
# and that the public-figure list lacks ("Nuevo proveedor: Leroy Merlin").
_CHAINS = re.compile(
    r"(?i:Leroy Merlin|Jean Louis David|Franck Provost|Camille Albane|Jacques Dessange|"
    r"Kiko Milano|Ted Lapidus|Adolfo Dom[ií]nguez|Roberto Verino|Purificaci[oó]n Garc[ií]a|"
    r"Pedro del Hierro|Emidio Tucci|Elena Mir[oò]|Hanna Andersson|Jules Destrooper)(?![\w])"
)
# Trades that are everyday words too ("travel", "glass", "energy"): capitalised, after a
# space, they name a firm ("Solara Energia", "Nordvik Biotech", "Pellicano Viaggi").
_TRADE_AFTER = re.compile(
    r"[ \t]+(?:Energia|Energie|Energy|Energía|Énergie|Biotech|Pharma|Glas|Vidros|Vetri|"
    r"Viaggi|Viajes|Viagens|Reisen|Reizen|Travel|Voyages|Soft|Software|Systems|Systeme|"
    r"Sistemas|Sistemi|Solutions|Soluções|Soluciones|Soluzioni|Technologies|Têxteis|Textil|"
    r"Textiles|Tessile|Foods|Alimentos|Alimentari|Labs|Motors|Verlag|Editora|Editore|"
    r"Logistics|Consult|Invest|Capital|Ventures|Robotics|Analytics|Networks|Telecom)(?![\w])"
)


# Names listed before a company form are partners' ("Caffarelli, Varano e Pizziol s.r.l.",
# "Deleu, Van Dyck en Simons CommV"); a name with "'s" and a trade before it names a shop
# ("Anna's Bakery Ltd", "Martha's Garden Centre").
_PARTNERS = re.compile(
    r"(?:[ \t]*(?:,|&|\band\b|\bund\b|\bet\b|\be\b|\ben\b|\by\b|\bi\b)[ \t]*"
    r"(?:[Vv]an |[Dd]e |[Dd]i |[Dd]a |[Vv]on )?[A-ZÀ-ÖØ-Þ][\w'’\-]*){1,4}"
)
_SHOP_AFTER = re.compile(
    r"['’]s[ \t]+(?:[A-Z][\w\-]*[ \t]+)?(?:Bakery|Garden|Kitchen|Café|Cafe|Coffee|Shop|Store|"
    r"Pizza|Pizzeria|Pub|Bar|Centre|Center|Salon|Restaurant|Diner|Deli|Bistro|Boutique|Books|"
    r"Bookshop|Pharmacy|Market|Grill|Inn|Hotel|Studio|Bikes|Garage)\b"
)
_TRADE_BEFORE = frozenset(
    str.split(
        """
        chez pizzeria trattoria ristorante osteria restaurant restaurante café cafe bar pub
        hotel bäckerei metzgerei konditorei boulangerie pâtisserie brasserie panadería
        padaria pastelaria bakery salon studio atelier apotheke farmacia pharmacy taberna
        cervecería gasthaus gasthof bistro brouwerij bakkerij piekarnia kawiarnia
        """
    )
)
_COMPANY_WORD_ENDS = (
    "Filhos", "Hijos", "Figli", "Söhne", "Fils", "Zonen", "Sons", "Cía", "Compañía", "Companhia",
    "Co",
)  # fmt: skip
_COMPANY_WORDS = re.compile(
    r"[ \t]*(?:&|\be\b|\by\b|\bund\b|\bet\b|\ben\b)[ \t]*"
    rf"(?:{'|'.join(_COMPANY_WORD_ENDS)})\b"
)


def _company(text: str, candidate: tuple[str, int, int]) -> bool:
    """Whether a name is a company's, a street's ("Rua Augusta", "Via Garibaldi") or a desk's.

    A desk is a bot, a tool or a department that heads a line of a pasted log ("Jira:").
    """
    kind, start, end = candidate
    if kind != "PERSON":
        return False
    if _desk(text, start, end):
        return True
    if "@" in text and company_handle_at(text, start, end):
        return True  # a firm's handle read as a name ("complaint to @NordRailHelp")
    if _TRADE.fullmatch(text, start, end):
        return True  # the trade of "Santos Imobiliária" read alone
    if _COMPANY_AFTER.match(text, end) is not None or _COMPANY_WORDS.match(text, end):
        return True
    if _TRADE_AFTER.match(text, end) is not None:
        return True
    chain = _CHAINS.search(text, max(0, start - 24), min(len(text), end + 24))
    if chain is not None and chain.start() <= start and end <= chain.end():
        return True  # a chain named after a person ("Louis David" of "Jean Louis David")
    words = (
        _COMPANY_WORDS.search(text, max(0, start - 5), end)
        if text.endswith(_COMPANY_WORD_ENDS, 0, end)
        else None
    )
    if words is not None and words.end() == end:
        return True  # "Filhos" of "Duarte e Filhos"
    last = text.rfind(" ", start, end)
    if last > start and (
        _COMPANY_AFTER.match(text, last) is not None or _TRADE_AFTER.fullmatch(text, last, end)
    ):
        return True  # the name ran on into the company form ("Dobbelaere CommV")
    if text.startswith(("'s", "’s"), end) and _SHOP_AFTER.match(text, end) is not None:
        return True
    partners = _PARTNERS.match(text, end)
    if partners is not None and _COMPANY_AFTER.match(text, partners.end()) is not None:
        return True
    if _street_after(text, start, end) or _three_partners(text, start, end):
        return True
    # A space before the name (or a line break, where "$" also matches): else no word.
    before = (
        _WORD_BEFORE.search(text, max(0, start - 20), start)
        if text[start - 1 : start] in (" ", "\t", "\n")
        else None
    )
    if before is None:
        return False
    low = before.group(1).lower()
    if low in _TRADE_BEFORE or low in ("da", "do", "di") and _trade_da(text, before.start()):
        return True
    if low in _STREET_JOINERS:
        # "calle de Abigaíl Álvarez", "Alameda de Lino Parra", "rua do …": the street type
        # is the word before the joining word(s).
        cursor = before.start()
        while low in _STREET_JOINERS:
            before = _WORD_BEFORE.search(text, max(0, cursor - 20), cursor)
            if before is None:
                return False
            low, cursor = before.group(1).lower(), before.start()
        return low not in TITLE_WORDS and low not in ("st", "dr") and _street(low.rstrip("."))
    return low not in TITLE_WORDS and low not in ("st", "dr") and _street(low)


# Bots, tools and departments: the heads of pasted logs and mails that are no one's name
# ("[8:20] Jira: …", "[10:15] Accueil: …", "De: Mantenimiento", "Team Produkt: …",
# "Uczestnicy: Sprzedaż, Logistyka"). Folded (lower case, no accents). Tools that are
# people's names too ("Jenkins", "Miro", "Asana") are left out.
_DESK_WORDS = frozenset(
    str.split(
        """
        jira slack teams confluence github gitlab trello figma zoom outlook sharepoint
        servicenow zendesk pagerduty datadog grafana intranet bot bots kalender calendar
        calendario calendrier kalendarz agenda erinnerung reminder recordatorio lembrete
        promemoria rappel herinnering przypomnienie noreply helpdesk servicedesk support
        suporte soporte supporto ondersteuning wsparcie it ti ict hr rh rrhh qa ops devops
        facilities facilitair haustechnik hausmeister accueil reception rezeption recepcion
        rececao recepcao recepcja receptie ricevimento portineria portaria conserjeria empfang
        marketing sales vertrieb ventas vendas ventes verkoop vendite sprzedaz commerciale
        comercial logistics logistik logistica logistyka logistiek finance finanzen finanzas
        financas finanse financien finanza finanze contabilidad contabilidade comptabilite
        buchhaltung boekhouding contabilita ksiegowosc accounting purchasing procurement
        einkauf compras achats inkoop acquisti zakupy legal rechtsabteilung juridico
        juridique juridisch legale security sicherheit securite seguridad seguranca sicurezza
        ochrona beveiliging secretariat sekretariat secretariado secretaria segreteria
        secretariaat maintenance wartung mantenimiento manutencao manutenzione onderhoud
        konserwacja administration verwaltung administracion administracao amministrazione
        administracja administratie kantine cantine cantina cafeteria canteen catering
        planning planificacion planeamento planejamento pianificazione planung planowanie
        operations produkt product produto producto produit prodotto team equipe equipo
        equipa zespol squadra afdeling abteilung departamento dipartimento departement dzial
        office buro bureau oficina escritorio ufficio kantoor biuro executive
        """
    )
)
# The head of a line: a time stamp or bullet, then up to three words before a colon.
_LINE_HEAD = re.compile(LINE_LEAD + r"((?:[^\W\d_][\w'’&.-]*[ \t]+){0,2}[^\W\d_][\w'’&.-]*)[ \t]*:")


def _desk_word(word: str) -> bool:
    return fold(word.strip(".&-")) in _DESK_WORDS


def _desk(text: str, start: int, end: int) -> bool:
    """Whether a name found is a bot's, a tool's or a department's (see `_DESK_WORDS`).

    Either every word of it is one ("Haustechnik", "Executive Office"), or it stands in the
    head of a line that holds one ("Bot Orion: …", "[9:29] Team Produkt: …").
    """
    lex = lexicon()
    words = text[start:end].split()
    if words and all(
        # "Sales" is a surname too ("a Sales chorou"): alone, only at a line's head
        _desk_word(w) and fold(w) not in lex.surnames and fold(w) not in lex.first_names
        for w in words
    ):
        return True
    head = _LINE_HEAD.match(text, text.rfind("\n", 0, start) + 1)
    if head is None or not (head.start(1) <= start and end <= head.end(1)):
        return False
    # Every word of the head capitalised ("Team Produkt", not "hier Hendriks Github").
    heads = head.group(1).split()
    return all(w[:1].isupper() for w in heads) and any(_desk_word(w) for w in heads)


# Street types that are surnames too ("Street"), but after a name always a street's.
_CORE_STREET_TYPES = frozenset(["street", "road", "avenue", "boulevard", "square", "straße"])
_STREET_JOINERS = frozenset(["de", "del", "della", "da", "do", "dos", "das", "di", "la", "du"])
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’.]*)")


def _street_after(text: str, start: int, end: int) -> bool:
    """Whether a name is a street's, named with its type after it and no number.

    "James Street", "Cruz Square": the word after the name (or its own last word) is a street
    type that is not also a surname ("Hill", "Lane" are), written with a capital.
    """
    lex = lexicon()
    words = text[start:end].split()
    following = _NEXT_WORD.match(text, end)
    candidates = [words[-1]] if len(words) > 1 else []
    if following is not None:
        candidates.append(following.group(1))
    for word in candidates:
        low = word.lower().rstrip(".")
        if word[:1].isupper() and (
            low in _CORE_STREET_TYPES
            or len(low) > 2
            and low not in lex.surnames
            and low not in lex.first_names
            and _street(low)
        ):
            return True
    return False


# Three surnames in a row, "Shaw, Arnold and Sampson": a firm's name, as people are named
# with their first names.
_THREE = re.compile(
    r"(?P<a>[A-Z][\w'’-]+),[ \t]+(?P<b>[A-Z][\w'’-]+),?[ \t]+(?:and|&|und|et|e|y|en|i)[ \t]+"
    r"(?P<c>[A-Z][\w'’-]+)\b"
)


def _three_partners(text: str, start: int, end: int) -> bool:
    """Whether a name is one of three surnames listed as a firm's name."""
    if text.find(",", max(0, start - 40), end + 40) == -1:
        return False  # the list needs its comma
    lex = lexicon()
    for match in _THREE.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if not (match.start() <= start and end <= match.end()):
            continue
        names = [match.group(k).lower() for k in "abc"]
        if all(n in lex.surnames for n in names) and sum(n in lex.first_names for n in names) < 2:
            return True
    return False


def _trade_da(text: str, start: int) -> bool:
    """Whether "da"/"do" before a name follows a trade ("Pizzeria da Mario")."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in _TRADE_BEFORE


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’.º/]*)[ \t]+$")


def _whole_handle(text: str, candidate: tuple[str, int, int]) -> tuple[str, int, int]:
    """A username found in part is the whole handle ("raven" of "raven_cactus36").

    A name glued to digits or underscores ("ekansh2", "HaseLama755", "kristina_codes") is a
    handle too, and is redacted whole as one.
    """
    kind, start, end = candidate
    if kind not in ("USERNAME", "PERSON"):
        return candidate
    a, b = handle_extent(text, start, end)
    while a < start and text[a] in HANDLE_JOINERS:
        a += 1
    if (a, b) == (start, end):
        return candidate
    if kind == "USERNAME":
        return kind, a, b
    extra = text[a:start] + text[end:b]
    if any(c.isdigit() or c == "_" for c in extra):
        return "USERNAME", a, b
    return candidate


# "Who should we invoice? Kowalczyk.", "Aan wie factureren we? Bellemans.", "Quem assina?
# Cavalcanti.": a short answer to a question about who is a name, in our eight languages.
_WHO_ANSWER = re.compile(
    r"(?:^|(?<=[\n.!?:]))[ \t>*¿¡-]*(?:(?:and|und|et|y|e|en|i)\s+)?"
    r"(?:who(?:m|se)?|wer|wen|wem|qui|quién|quien|quiénes|chi|wie|kto|komu|kogo|quem|"
    r"(?:to|for|für|à|pour|a|para|per|aan|voor|dla|do)\s+(?:who(?:m)?|wen|qui|quién|quien|chi|"
    r"wie|kogo|quem))\b[^?\n]{0,60}\?[ \t]*\n?[ \t>]*(?:[-—–][ \t]*)?"
    r"(?:(?:to|for|für|à|pour|a|al|para|per|aan|voor|dla|do|an)\s+)?"
    r"(?P<answer>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,3})[ \t]*(?=[.!]|\n|$)",
    re.IGNORECASE,
)
# Every match of _WHO_ANSWER holds one of its question words, each of which contains one of
# these: a message with none of them is not scanned (tests/core/privacy/test_prefilter.py).
_WHO_STEMS = ("who", "wer", "wen", "wem", "qui", "chi", "wie", "kto", "komu", "kogo", "quem")


def _answers_to_who(
    text: str, rules: list[tuple[str, int, int]], found: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """Names given as the short answer to a "who" question the sentence before."""
    out: list[tuple[str, int, int]] = []
    stop = lexicon().stop
    if not may_contain(text, _WHO_STEMS):
        return out
    taken = [(s, e) for _, s, e in (*rules, *found)]
    for match in _WHO_ANSWER.finditer(text):
        start, end = match.span("answer")
        words = match.group("answer").split()
        if not words or all(w.lower() in stop for w in words):
            continue
        if any(w.lower() in stop and w.lower() not in JOINERS for w in words):
            continue  # a sentence, not a name
        if all(_word_not_name(w) for w in words):
            continue  # words, not a name ("Nobody knows.", "Python.")
        if any(s < end and start < e for s, e in taken):
            continue
        if any(s < end and start < e for s, e in public_spans(text)):
            continue
        out.append(("PERSON", start, end))
    return out


def _dates_near_a_birth(
    text: str, rules: list[tuple[str, int, int]], found: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """In a message about a birth, its dates are birth dates unless scheduled or taken.

    "He's a 1911 baby — 12-04-1949 exactly", "my birth date is X but it should be Y".
    """
    taken = [(k, s, e) for k, s, e in (*rules, *found)]
    out = []
    for start, end in dates_in(text):
        if any(s < end and start < e and k != "PERSON" for k, s, e in taken):
            continue
        if _SCHEDULE.search(text, max(0, start - 25), start):
            continue
        if public_birth(text, start, end):
            continue  # "Tolstoy's birthday, 9 September 1828: born in Yasnaya Polyana"
        out.append(("DATE_OF_BIRTH", start, end))
    return out


def _word_not_name(word: str) -> bool:
    low = word.lower()
    lex = lexicon()
    return is_known_word(low) and low not in lex.first_names and low not in lex.surnames


# Words that make a date a deadline, an appointment or an event, in our languages.
_SCHEDULE = re.compile(
    r"\b(?:deadline|due|until|till|by|before|meeting|appointment|closes?|closed|opens?|"
    r"delivery|deliver\w*|happened|expires?|valid|prazo|reunião|até|vence|entrega|fecha|"
    r"scadenza|entro|riunione|chiude|frist|termin|bis|fällig|sitzung|lieferung|échéance|"
    r"avant|réunion|ferme|livr\w*|plazo|hasta|reunión|cierra|vergadering|deadline|tot|"
    r"sluit|levering|termin|spotkanie|do|dostaw\w*|zamkni\w*|moved|postponed|on)\b",
    re.IGNORECASE,
)


def _scheduled(text: str, start: int, end: int) -> bool:
    """Whether a date the tagger took for a birth date reads as a deadline or an event."""
    if birth_hint(text, ages=True):
        return False
    value = text[start:end]
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", value)]
    if any(y >= 2010 for y in years):
        return True
    return _SCHEDULE.search(text, max(0, start - 40), start) is not None


# Between two parts of one address: a few characters on the same line or the next, with no
# sentence end ("Narva mnt 28, 49425 Viljandi", "Bağdat Cad. No:101").
# Between two parts of one address: a few characters, with up to three abbreviations
# ("29 B, 2. th., 4311 Kalundborg", "Béke utca 20. II. em. 6", "nº 12, 8º izquierda, 20157").
_ADDRESS_GAP = re.compile(r"[^\n.!?;]{0,18}(?:\.[ \t]*[^\n.!?;]{0,8}){0,3}\n?[ \t]*")
# A hyphenated word is never cut by an address block: "Villers-en-Fagne", "Hans-Otto-Straße".
_GLUED_AFTER = re.compile(r"(?:[-/][^\W\d_][\w'’]*)+|[ \t]*\([A-Za-z]{2}\)")
_GLUED_BEFORE = re.compile(r"(?<![\w'’])(?:[^\W\d_][\w'’]*-)+$")
# A word that may open a street name, left of the number: capitalized, or a street word.
_STREET_PART = re.compile(r"(?:[^\W\d_][\w'’.º/-]*)[ \t]+$")
_STREET_PART_COMMA = re.compile(r"(?:[^\W\d_][\w'’.º/-]*),[ \t]*$")


def _complete_addresses(
    text: str, candidates: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """Address parts found apart become one block: street words, number, postcode, city."""
    addresses = sorted((s, e) for k, s, e in candidates if k == "STREET_ADDRESS")
    blocks: list[list[int]] = []
    for start, end in addresses:
        if blocks and _ADDRESS_GAP.fullmatch(text, blocks[-1][1], start):
            blocks[-1][1] = max(end, blocks[-1][1])
        else:
            blocks.append([start, end])
    stop = lexicon().stop
    for block in blocks:
        block[0] = _street_start(text, block[0], stop)
        tail = POSTCODE_CITY.match(text, block[1])
        if tail:
            block[1] = tail.end()
        else:
            # The postcode a few short words further on the same line ("57 bis, 9543 ZX
            # Delft", "28, scala c 88794 milano", "17, st. tv. 6502 Aalborg").
            ahead = _POSTCODE_AHEAD.match(text, block[1])
            if ahead:
                block[1] = ahead.end()
        block[1] = _city_end(text, block[0], block[1], stop)
        block[0] = _unit_start(text, block[0])
        block[1] = _region_end(text, block[1])
        glued = _GLUED_AFTER.match(text, block[1])
        if glued is not None:
            block[1] = glued.end()
        glued = _GLUED_BEFORE.search(text, max(0, block[0] - 40), block[0])
        if glued is not None:
            block[0] = glued.start()
    # A "phone number" inside an address block is its house number and postcode
    # ("ul. Bałtycka 145 35-429 Białogard").
    others = [
        c
        for c in candidates
        if c[0] != "STREET_ADDRESS"
        and not (
            c[0] == "PHONE"
            and any(s <= c[1] and c[2] <= e and (s, e) != (c[1], c[2]) for s, e in blocks)
        )
    ]
    # A street named without any number is no one's address ("Is Rua Augusta pedestrian?").
    others.extend(
        ("STREET_ADDRESS", start, end)
        for start, end in blocks
        if any(c.isdigit() for c in text[start:end]) or not _names_a_street(text[start:end])
    )
    return others


# What may stand before the street line and belongs to the address: a flat, unit, room or
# plot ("Flat 3, ", "Unit 4/", "Room 305, No. ", "Plot No. "), a unit written before the
# number with a slash ("8/105 Chapel St"), a post-office box ("PO Box", "Postfach").
_UNIT_BEFORE = re.compile(
    r"(?:\b(?:flat|unit|apt|apartment|appt|room|suite|ste|lgh|whg|wohnung|piso|apto|"
    r"apartamento|appartement|app|door|house|h)\.?[ \t]*(?:no\.?[ \t]*)?\d{1,5}[A-Za-z]?"
    r"(?:[ \t]*,[ \t]*|[ \t]*/[ \t]*|[ \t]+)"
    r"|\b(?:plot|house|flat|door|h)\.?[ \t]*no\.?[ \t]*"
    r"|\bno\.[ \t]*"
    r"|(?<![\w/])\d{1,4}[a-zA-Z]?/"
    r"|\b(?:g\.?p\.?o\.?|p\.?[ \t]?o\.?)[ \t]*box[ \t]+"
    r"|\b(?:postfach|apartado|casella postale|skrytka pocztowa|postbus|boîte postale|bp)[ \t]+"
    r")$",
    re.IGNORECASE,
)


def _unit_start(text: str, start: int) -> int:
    """The start of an address block taken back over a unit or box before it.

    Twice at most: "Room 305, No. 95 Tiyu East Road".
    """
    for _ in range(2):
        match = _UNIT_BEFORE.search(text, max(0, start - 30), start)
        if match is None and text[start : start + 1].isdigit():
            match = _UNIT_WORD_BEFORE.search(text, max(0, start - 12), start)  # "flat 3, 54 …"
        if match is None and text[start : start + 3].lower() == "box":
            match = _PO_BEFORE.search(text, max(0, start - 8), start)  # "P.O. Box"
        if match is None or match.start() == start:
            break
        start = match.start()
    return start


_UNIT_WORD_BEFORE = re.compile(r"\b(?:flat|unit|apt|apartment|room|suite)\.?[ \t]+$", re.I)
_PO_BEFORE = re.compile(r"\bg?p\.?[ \t]?o\.?[ \t]*$", re.IGNORECASE)


# What may follow an address block and belongs to it: an Irish county and Eircode (", Co.
# Cork P31 E5C2"), a state or territory and its postcode (", Newtown NSW 2042", "OH 43213"),
# an Eircode alone.
_REGION_AFTER = re.compile(
    r",?[ \t]*(?:\n[ \t]*)?co\.?[ \t]+[^\W\d_][\w'’-]+"
    r"(?:,?[ \t]+[A-Za-z]\d{2}[ \t]?[A-Za-z\d]{4})?\b"
    r"|,?[ \t]+[A-Za-z]\d{2}[ \t]?(?=[A-Za-z\d]{4}\b)(?=\w*\d)[A-Za-z\d]{4}\b"
    r"|,?[ \t]+(?:nsw|vic|qld|wa|sa|tas|act|nt|(?-i:[A-Z]{2}))[ \t]+\d{4,5}(?:-\d{4})?\b",
    re.IGNORECASE,
)


# A block that ends in a state or territory ("… Newtown NSW") takes the postcode after it.
_STATE_END = re.compile(r"\b(?:nsw|vic|qld|wa|sa|tas|act|nt|(?-i:[A-Z]{2}))$", re.IGNORECASE)
_STATE_POSTCODE = re.compile(r"[ \t]+\d{4,5}(?:-\d{4})?\b")


def _region_end(text: str, end: int) -> int:
    """The end of an address block taken on over a county, state or Eircode after it."""
    if _STATE_END.search(text, max(0, end - 4), end):
        postcode = _STATE_POSTCODE.match(text, end)
        if postcode is not None:
            return postcode.end()
    for _ in range(2):
        match = _REGION_AFTER.match(text, end)
        if match is None or match.end() == end:
            break
        end = match.end()
    return end


def _names_a_street(value: str) -> bool:
    return any(_street(w.lower().strip(".,")) for w in _WORDS.findall(value))


def _street_start(text: str, start: int, stop: frozenset[str]) -> int:
    """Where the street of an address found from its name or number on begins.

    "Stratfordvej 616, 8730 Egtved" found from the number on takes in the street name; a
    street type before the name ("Pasaje Ibán Sureda 73", "ul. kościelna 26b", "av de
    rodrigues 82") is taken in whatever its case.
    """
    words: list[tuple[int, str]] = []
    cursor = start
    comma = False
    for _ in range(4):
        match = _STREET_PART.search(text, max(0, cursor - 40), cursor)
        if match is None or match.end() != cursor:
            # A comma between the street and its number ("av. da liberdade, 123", "tv. do
            # carmo, 58"): crossed only back to a street type.
            match = _STREET_PART_COMMA.search(text, max(0, cursor - 40), cursor)
            if words or match is None or match.end() != cursor:
                break
            comma = True
        words.append((match.start(), match.group().strip().rstrip(",").rstrip(".")))
        cursor = match.start()
    # Back to the farthest street type within reach, over the name words between.
    for k in range(len(words) - 1, -1, -1):
        if _street(words[k][1].lower()) and all(
            w[0].isupper() or w.lower() in JOINERS or w.lower() not in stop for _, w in words[:k]
        ):
            return words[k][0]
    if comma:
        return start
    first = text[start:].split(maxsplit=1)[0] if text[start:].strip() else ""
    if not (text[start].isdigit() or _street(first.lower().rstrip(".,:"))):
        return start
    # In a message written in lower case the street name is lower case too ("meir 102").
    lower = not any(c.isupper() for c in text)
    for begin, word in words[:3]:
        low = word.lower()
        name_like = lower and "'" not in low and "’" not in low and not is_known_word(low)
        if (
            low in stop
            and low not in JOINERS
            or not (word[0].isupper() or _street(low) or name_like)
        ):
            break
        start = begin
    return start


_POSTCODE_AHEAD = re.compile(
    r"(?:-\d{3}\b|\.?(?:,?[ \t]+[\wºª.]{1,6}){0,4}?,?[ \t]+"
    r"(?:\d{4}[ \t]?[A-Za-z]{2}\b|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4,5}(?:-\d{3})?|"
    r"[A-Z]{1,2}-\d{4,5})(?=[ \t]+[^\W\d_]))"
)
# A postcode at the end of an address block, with what may follow it before the city.
_POSTCODE_END = re.compile(
    r"(?:\b\d{4,5}|\b\d{2}-\d{3}|\b\d{3}[ \t]\d{2}|\b\d{4,5}-\d{3}|\b[A-Za-z]{1,2}-\d{4,5})"
    r"(?:[ \t]?[A-Za-z]{2})?$"
)
_CITY_WORD = re.compile(r"[ \t]{1,2}([^\W\d_][\w'’.]*(?:[-/][^\W\d_][\w'’.]*)*)")
_PROVINCE = re.compile(
    r"[ \t]*(?:\([^\W\d_][\w .]{0,20}\)|-[ \t]*[A-Za-z]{2}\b)|[ \t]+[A-Z]{2}\b(?![ \t]*\w)"
)


_POSTCODE_CITY_END = re.compile(r"\d[\dA-Z \-]{1,8}[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]+$")
_CITY_TAIL = re.compile(
    r"[ \t]+(?:an der|an den|am|im|in der|bei|ob der|vor der|sur|sous|lès|gem\.|gemeente)"
    r"[ \t]+[A-ZÀ-ÖØ-Þ][\w'’\-]*"
)


_NOT_CITY = frozenset(
    str.split(
        """
        this that then there these those also please thanks thank bitte danke merci gracias
        grazie dank bedankt dzięki obrigado obrigada when what where which with from have
        dies diese dann auch mais avec pour dans este esta esto pero para como questo quella
        dove deze maar voor niet jest oraz ale para como mas phone mobile email mail
        """
    )
)


def _city_end(text: str, start: int, end: int, stop: frozenset[str]) -> int:
    """The end of the city after a block that ends in its postcode ("… 66-018 wejherowo").

    In a message written in lower case the city is lower case too; otherwise its words are
    capitalized (joining words aside). A province in brackets or after a dash goes along.
    """
    if not _POSTCODE_END.search(text, max(start, end - 12), end):
        if _POSTCODE_CITY_END.search(text, max(start, end - 40), end):
            # The city is in the block; a part after it goes along ("… 32790 Pfaffenhofen
            # an der Ilm", "6785LU Spaarndam gem. Haarlem").
            tail = _CITY_TAIL.match(text, end)
            if tail is not None:
                return tail.end()
        return end
    lower = not any(c.isupper() for c in text[start:end])
    taken = 0
    while taken < 3:
        match = _CITY_WORD.match(text, end)
        if match is None:
            break
        word = match.group(1).rstrip(".")
        low = word.lower()
        if low in JOINERS and taken:
            following = _CITY_WORD.match(text, match.end())
            if following is None or not following.group(1)[:1].isupper() and not lower:
                break
            end = match.start(1) + len(word)
            continue
        if not (word[0].isupper() or lower and word.islower()):
            break
        # The stop list holds big cities too ("Berlin", "Milano", "Roma"): right after the
        # postcode, a longer word that does not open a sentence is the city.
        if low in stop and (taken or len(low) < 4 or low in _NOT_CITY):
            break
        end = match.start(1) + len(word)
        taken += 1
    if taken:
        province = _PROVINCE.match(text, end)
        if province:
            end = province.end()
    return end


def _street(low: str) -> bool:
    return "str" in word_features(low)[0]


def _merge_same_type(candidates: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Overlapping findings of one type become one: the rule's street and the tagger's block."""
    merged: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(candidates, key=lambda c: (c[0], c[1])):
        if merged and merged[-1][0] == kind and start < merged[-1][2]:
            merged[-1] = (kind, merged[-1][1], max(end, merged[-1][2]))
        else:
            merged.append((kind, start, end))
    return merged


def _hints(text: str, candidates: list[tuple[str, int, int]]) -> frozenset[str]:
    """Name-like parts of the e-mail addresses and handles found: "anna.kowalska92@…"."""
    parts: set[str] = set()
    for kind, start, end in candidates:
        if kind in ("EMAIL", "USERNAME"):
            local = text[start:end].split("@")[0] if kind == "EMAIL" else text[start:end]
            parts.update(p for p in _HINT_SPLIT.split(local.lower()) if len(p) >= 3)
    return frozenset(parts - _ROLE_ADDRESSES)


def _personal_urls(
    text: str,
    candidates: list[tuple[str, int, int]],
    people: list[tuple[int, int]],
    hints: frozenset[str],
) -> list[tuple[str, int, int]]:
    """URLs that carry the name of a person in the message: "aafkeashwell.net"."""
    names = set(hints)
    for start, end in people:
        names.update(fold(w) for w in text[start:end].split() if len(w) >= 4)
    found = []
    known = {(s, e) for k, s, e in candidates if k == "URL"}
    for start, end in url_candidates(text):
        if (start, end) in known:
            continue
        url = fold(text[start:end])
        if any(name in url for name in names if len(name) >= 4):
            found.append(("URL", start, end))
    return found


def redact(text: str, entities: Iterable[Entity] | None = None) -> Redaction:
    """Replace each entity with its typed placeholder; irreversible by construction."""
    found = tuple(detect(text) if entities is None else entities)
    parts: list[str] = []
    cursor = 0
    for entity in found:
        parts.append(text[cursor : entity.start])
        parts.append(f"[{entity.type}]")
        cursor = entity.end
    parts.append(text[cursor:])
    return Redaction("".join(parts), found)


# -- reversible pseudonymization ------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[([A-Z_]+)_(\d+)\]")
# In a reply, a model may change a placeholder's case ("[Person_1]"); it is still ours.
_REPLY_PLACEHOLDER = re.compile(r"\[[A-Za-z_]+_\d+\]")
_PLACEHOLDER_PREFIXES = frozenset(f"[{kind}_" for kind in ENTITY_TYPES)
# Every way a placeholder can begin before its number ("[", "[P", …, "[PERSON_"), so a
# chunk's tail is judged with one set lookup rather than a loop over the types.
_PLACEHOLDER_STARTS = frozenset(
    prefix[:length] for prefix in _PLACEHOLDER_PREFIXES for length in range(1, len(prefix) + 1)
)
_LONGEST_PLACEHOLDER = len("[STREET_ADDRESS_99999]")


def _could_be_placeholder(tail: str) -> bool:
    """Whether ``tail`` ("[", "[Pers", "[EMAIL_1") may be a placeholder cut off by a chunk."""
    upper = tail.upper()
    if upper in _PLACEHOLDER_STARTS:
        return True
    head, underscore, number = upper.rpartition("_")
    return bool(underscore) and number.isdigit() and head + "_" in _PLACEHOLDER_PREFIXES


@dataclass
class Vault:
    """The placeholder ↔ original pairs of one conversation. It is never uploaded.

    The same original always gets the same placeholder, so the assistant sees a consistent
    conversation; numbering is per type (``[PERSON_1]``, ``[PERSON_2]``, ``[EMAIL_1]``).
    """

    # Not in repr: a vault holds the very values it protects, and reprs end up in logs.
    _by_placeholder: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _by_value: dict[tuple[str, str], str] = field(default_factory=dict, init=False, repr=False)
    _counts: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def placeholder_for(self, kind: str, value: str) -> str:
        """The placeholder of ``value`` (of type ``kind``), allocating one on first sight."""
        key = (kind, _normalize(value))
        existing = self._by_value.get(key)
        if existing is not None:
            return existing
        number = self._counts.get(kind, 0) + 1
        self._counts[kind] = number
        placeholder = f"[{kind}_{number}]"
        self._by_value[key] = placeholder
        self._by_placeholder[placeholder] = value
        return placeholder

    def original(self, placeholder: str) -> str | None:
        """The original behind ``placeholder``, or None if this vault did not issue it."""
        return self._by_placeholder.get(placeholder)

    def restore(self, text: str) -> str:
        """Put the originals back into a complete text, whatever the placeholders' case."""
        if "[" not in text:
            return text
        return _REPLY_PLACEHOLDER.sub(
            lambda m: self._by_placeholder.get(m.group().upper(), m.group()), text
        )

    def known_values(self) -> list[tuple[str, str]]:
        """``(lower-case value, type)`` of every original, longest first."""
        values = [(value, kind) for (kind, value) in self._by_value if len(value) >= 2]
        return sorted(values, key=lambda item: -len(item[0]))

    def items(self) -> Mapping[str, str]:
        """Placeholder → original, for storing the vault with its conversation."""
        return dict(self._by_placeholder)

    @classmethod
    def from_items(cls, items: Mapping[str, str]) -> Vault:
        """Rebuild a vault from :meth:`items` (for example, loaded from the store)."""
        vault = cls()
        for placeholder, value in items.items():
            match = _PLACEHOLDER.fullmatch(placeholder)
            if match is None:
                raise ValueError(f"not a placeholder: {placeholder!r}")
            kind, number = match.group(1), int(match.group(2))
            vault._by_placeholder[placeholder] = value
            vault._by_value[(kind, _normalize(value))] = placeholder
            vault._counts[kind] = max(vault._counts.get(kind, 0), number)
        return vault

    def __len__(self) -> int:
        return len(self._by_placeholder)


def _normalize(value: str) -> str:
    return " ".join(value.split()).lower()


def _word_bounded(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


class Pseudonymizer:
    """Replace PII with stable placeholders, keeping the way back in a :class:`Vault`."""

    def __init__(self, vault: Vault | None = None) -> None:
        self.vault = vault if vault is not None else Vault()

    def pseudonymize(self, text: str) -> str:
        """``text`` with every finding replaced by its conversation-stable placeholder.

        Values already in the vault are replaced wherever they appear again, even where the
        detector alone would not find them ("Tom did." after "… about Tom"), so the
        conversation stays consistent.
        """
        found = [(e.start, e.end, e.type) for e in detect(text)]
        known = self.vault.known_values()
        low = text.lower()
        # lower() keeps offsets for every script we support; skip the rare text where not.
        if known and len(low) == len(text):
            for value, kind in known:
                start = low.find(value)
                while start != -1:
                    end = start + len(value)
                    if _word_bounded(low, start, end) and not any(
                        start < e and s < end for s, e, _ in found
                    ):
                        found.append((start, end, kind))
                    start = low.find(value, end)
            found.sort()
        parts: list[str] = []
        cursor = 0
        for start, end, kind in found:
            parts.append(text[cursor:start])
            parts.append(self.vault.placeholder_for(kind, text[start:end]))
            cursor = end
        parts.append(text[cursor:])
        return "".join(parts)

    def restorer(self) -> StreamRestorer:
        """A restorer for one streamed reply."""
        return StreamRestorer(self.vault)


class StreamRestorer:
    """Put originals back into a streamed reply, chunk by chunk.

    A chunk may end in the middle of a placeholder (``"… [PERS"`` + ``"ON_1] …"``). The
    restorer holds back a trailing ``[`` and what follows it until it can tell whether that
    is a placeholder, so the user never sees a half placeholder or a wrong name. Placeholders
    are recognised whatever their case, however often they are repeated.
    """

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._pending = ""

    def feed(self, chunk: str) -> str:
        """The restored text that can be shown now."""
        if self._pending:
            text = self._pending + chunk
            self._pending = ""
        elif "[" not in chunk:
            return chunk  # the common case, kept cheap: most chunks are a word or two
        else:
            text = chunk
        cut = text.rfind("[")
        if cut != -1 and text.find("]", cut) == -1:
            tail = text[cut:]
            if len(tail) < _LONGEST_PLACEHOLDER and _could_be_placeholder(tail):
                self._pending = tail
                text = text[:cut]
        return self._vault.restore(text)

    @property
    def holding(self) -> bool:
        """Whether the start of a placeholder is held back, waiting for the next chunk.

        While it is not, a chunk without ``[`` passes through unchanged, so a caller on a hot
        path may skip :meth:`feed` for it.
        """
        return bool(self._pending)

    def flush(self) -> str:
        """Whatever was held back, at the end of the stream."""
        text, self._pending = self._pending, ""
        return self._vault.restore(text)
