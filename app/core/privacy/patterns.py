"""Detectors for structured PII (e-mail to street address) in eight languages.

The types: e-mail, phone, payment card, IBAN, IP address, government id, date of birth,
username, personal URL and street address.

Each detector returns ``(type, start, end)`` spans. Checksums decide where they exist; where
they do not, the shape of the number and the words around it do. The words that mark a
number as *not* personal (order, tracking, ISBN, version) matter as much as those that do.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from app.core.privacy import checksums
from app.core.privacy.alternation import by_first_letter
from app.core.privacy.last_message import per_message
from app.core.privacy.lexicon import is_known_word, lexicon
from app.core.privacy.names import public_spans
from app.core.privacy.prefilter import (
    digit_runs,
    holds_word,
    may_contain,
    may_hold_word,
    stems_pattern,
)

Span = tuple[str, int, int]

# -- shared context words --------------------------------------------------------------------


def _before(text: str, start: int, width: int = 30) -> str:
    return text[max(0, start - width) : start]


_WORD = re.compile(r"\w+")


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` (lower case), across at most four other characters."""
    i, skipped = start, 0
    while i > 0 and not text[i - 1].isalnum() and skipped < 4:
        if text[i - 1] == "#":
            return "#"
        i -= 1
        skipped += 1
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return text[j:i].lower()


def no_capitals(text: str, low: str | None = None) -> bool:
    """Whether no character of ``text`` is a capital: ``not any(c.isupper() for c in text)``.

    The same answer without a Python loop over a lower-case message: one that ``lower()``
    leaves unchanged has no capital unless it holds a character from U+03D2 on (capitals
    without a small letter, such as "ϒ" or "ℂ"). ``low`` is ``text.lower()`` if known.
    """
    if (text.lower() if low is None else low) == text and max(text, default="") < "\u03d2":
        return True
    return not any(c.isupper() for c in text)


def _near(
    text: str,
    start: int,
    width: int,
    words: frozenset[str],
    stems: tuple[str, ...],
    phrases: tuple[str, ...] = (),
) -> bool:
    """Whether a context word stands shortly before ``start``, on the same line.

    A context word is one of ``words``, a word starting with one of ``stems``, or one of
    ``phrases``, within the ``width`` characters before ``start``.
    """
    window = text[max(0, start - width) : start].lower()
    window = window[window.rfind("\n") + 1 :]
    for word in _WORD.findall(window):
        if word in words or word.startswith(stems):
            return True
    return any(phrase in window for phrase in phrases)


def _label_above(text: str, start: int) -> str:
    """The line above, padded to 40 characters, when ``start`` begins its line; else "".

    Forms and CVs put the value on the line under its label ("IBAN⏎DE89 …").
    """
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or text[line_start:start].strip():
        return ""
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return above[-40:].rjust(40)


_TABLE_DELIMITERS = ("\t", "|", ";", ",")
_TABLE_RULE = re.compile(r"[ \t|:+-]*-{3}[ \t|:+-]*")


def _delimiters(line: str, delimiter: str) -> int:
    """How many ``delimiter`` a line holds outside double quotes ("A,"1 Main St, B",0493" has 2)."""
    if '"' not in line:
        return line.count(delimiter)
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def _column_label(text: str, start: int) -> str:
    """The header of the table column ``start`` stands in (CSV, TSV, Markdown), or "".

    A value in a table row has its label at the top of its column, not before it:
    "card_holder,card_number⏎Kristine Aquino,5389…". The header is the first line of the
    run of lines above with as many cells (a Markdown rule line "|---|" is skipped).
    """
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start:
        return ""
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    delimiter = next((d for d in _TABLE_DELIMITERS if d in line), None)
    if delimiter is None:
        return ""
    cells = _delimiters(line, delimiter)
    column = _delimiters(text[line_start:start], delimiter)
    header = None
    cursor = line_start - 1
    for _ in range(60):
        above_start = text.rfind("\n", 0, cursor) + 1
        above = text[above_start:cursor]
        if _TABLE_RULE.fullmatch(above):
            pass
        elif _delimiters(above, delimiter) == cells and cells:
            header = above
        else:
            break
        if not above_start:
            break
        cursor = above_start - 1
    if header is None:
        return ""
    # "card_number", "phone-no": the words of a field name.
    return re.sub(r"[_\-.]", " ", header.split(delimiter)[column]).strip(" \t\"'")


# Words that name a number or a code as no one's: orders, parcels, invoices, bookings,
# serials, products, vouchers, flights, customers and companies, in the eight languages and
# the issue's other locales. One list for the numbers the rules and the tagger find
# (`_decoy_before`) and for the tagger's codes of letters and digits (`code_decoy`).
_DECOY_WORDS = frozenset(
    str.split(
        """
        order invoice tracking track parcel package shipment isbn ref reference ticket case
        booking confirmation serial sku article item flight kundennummer commande facture colis
        suivi dossier référence pedido factura envío envio paquete seguimiento ordine fattura
        customer client cliente klient klienta contract contrat contrato contratto
        kundennr vertragskonto pdl cups ppe
        spedizione pacco bestelling factuur pakket zending trackingcode encomenda fatura
        rastreio nr no n nº # orders invoices
        ean gtin upc awb waybill carrier sku qty quantity pieces pcs pos position stk
        quantité quantità quantidade unidades cantidad ilość aantal anzahl menge stück
        śledzenia albarán guia ddt wz lieferschein lieferavis awizo brt seur ctt dhl ups gls
        dpd inpost colissimo correos postnl fedex tnt bpost chronopost mrw nacex
        izsekošanas tellimus tellimuse jälgimiskood jälgimisnumber užsakymas užsakymo sekimo
        tilaus tilausnumero seurantakoodi seurantanumero lasku objednávka objednávky zásilka
        sledovací rendelés rendelésszám követési számla παραγγελία παραγγελίας sipariş
        takip fatura ordre ordrenummer sporingsnummer spårningsnummer bestilling faktura
        zamówienie zamówienia account routing sort kvk kvk-nummer piva iva siren siret imo
        charity lottery lotto membership pnr otp tan seguimento rastreamento vat btw ust
        ustid cif nipc cnpj regon krs reg registration
        serials serie série seriale serienummer seryjny sn bookings reservation réservation
        reservación prenotazione boeking reservering rezerwacja rezerwacji asin vin
        mpn model modell modèle modelo modello modelu part parts teil pièce pieza pezzo peça
        onderdeel części voucher vouchers coupon coupons cupón cupon cupom buono bon kupon kod
        tracciamento bestätigung bestätigungscode confirmación conferma confirmação
        bevestiging potwierdzenia promo rabatt discount sconto desconto descuento korting
        rabat product produkt produit producto prodotto produto tickets flug vol vuelo volo
        voo vlucht lot batch charge lote partia key schlüssel clé clave chiave chave sleutel
        klucz activation pdr artículo articolo artigo artykuł
        """
    )
)
_DECOY_STEMS = (
    "order",
    "bestel",
    "bestell",
    "rechnung",
    "sendung",
    "paket",
    "auftrag",
    "artikel",
    "zamówieni",
    "faktur",
    "paczk",
    "przesyłk",
    "pasūtījum",
    "rēķin",
    "sąskait",
    "siunt",
    "számlaszám",
    "kennung",
    "mitglied",
    "serien",
    "buchung",
    "gutschein",
    "teilenummer",
)
_VERSION_WORDS = frozenset(
    str.split(
        """
        version versions release build update upgrade v ver python node django react numpy
        openssh chrome firefox java ios android windows kernel firmware versión versione versie
        wersja versão
        """
    )
)


_PHONE_HASH = re.compile(r"(?:phone|tel|mobile|cell|fax)\.? ?#[ :]*$", re.IGNORECASE)
_SERVICE_WORDS = frozenset(["cliente", "client", "clienti", "customer", "klant", "kunden"])
_CUSTOMER_SERVICE = re.compile(
    r"(?:atención|atencion|servicio|serviço|atendimento|servizio) (?:al|ao|a|del|do) "
    r"cliente\w*\W*$|service (?:client|clients)\W*$|customer (?:service|care|support)\W*$",
    re.IGNORECASE,
)
_BARE_NUMBER_SIGNS = frozenset(["no", "nr", "n", "nº", "#", "num"])
_COPULAS = frozenset(["is", "ist", "est", "es", "è", "é", "to", "jest", "er", "on", "är", "were"])
_NUMBER_WORDS = frozenset(
    [
        "number",
        "numbers",
        "nummer",
        "nummern",
        "numéro",
        "número",
        "numero",
        "numer",
        "no",
        "nr",
        "code",
        "id",
        "numurs",
        "numeris",
        "číslo",
        "numara",
        "numarası",
        "αριθμός",
        "kood",
        "koodi",
    ]
)


def _decoy_before(text: str, start: int) -> bool:
    word = _word_before(text, start)
    if word in _COPULAS:
        # "my booking number is 4417820931": the words before the verb decide (but "my
        # new no is …", "my # is …" are phone numbers, not "No. 123").
        at = text.rfind(word, max(0, start - len(word) - 4), start)
        named = _word_before(text, at) if at > 0 else ""
        if named in _BARE_NUMBER_SIGNS:
            # "membership no. is …" is a decoy, "my new no is …" is not.
            sign = text.rfind(named, max(0, at - len(named) - 4), at)
            qualifier = _word_before(text, sign) if sign > 0 else ""
            if qualifier in _DECOY_WORDS or qualifier.startswith(_DECOY_STEMS):
                return True
        elif at > 0 and _decoy_before(text, at):
            return True
    if word == "#" and _PHONE_HASH.search(text, max(0, start - 16), start):
        return False  # "Phone #: (808) 555-0112"
    if word in _SERVICE_WORDS and _CUSTOMER_SERVICE.search(_before(text, start, 40)):
        return False  # "atención al cliente 900 100 500" is a phone line, not a customer id
    if word in _NUMBER_WORDS:
        # "tracking number 1488…", "Sendungsnummer", "numero ordine": the word before counts.
        at = text.rfind(word, max(0, start - len(word) - 4), start)
        before = _word_before(text, at) if at > 0 else ""
        if before in _DECOY_WORDS or before.startswith(_DECOY_STEMS):
            return True
    if not (word in _DECOY_WORDS or word.startswith(_DECOY_STEMS)):
        return False
    # The end of an e-mail address, host or path is no word ("…@online.no – 912 073 054").
    at = text.rfind(word, max(0, start - len(word) - 4), start) if word != "#" else -1
    return at <= 0 or text[at - 1] not in ".@/"


def _version_before(text: str, start: int) -> bool:
    if text[max(0, start - 2) : start] in ("==", ">=", "<=", "~="):
        return True
    return _word_before(text, start) in _VERSION_WORDS


_SHORT_NUMBER = re.compile(r"116 ?\d{3}")
_SUM_AFTER = re.compile(
    r"\s*(?:[×*÷=^]\s*\d|(?:divided|divisible|times|dividir|dividido|gedeeld|podzielić|"
    r"podzielone|razy|geteilt|diviser|divisé|diviso)\b)",
    re.IGNORECASE,
)
_SUM_BEFORE = re.compile(
    r"(?:rechne|calcula|calcola|calcule|quanto é|quanto fa|cuánto es|cuanto es|hoeveel is|"
    r"ile to|ile jest|how much is|wie viel ist|wieviel ist|combien font)\s*$",
    re.IGNORECASE,
)


def number_decoy(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` reads as an order, version, price or the like.

    For numbers found by the tagger, which has no such list of its own: the word before
    (order, invoice, tracking, ISBN, version, "#"), a dot joining it to more digits (a
    version or an address), or a currency next to it.
    """
    if _decoy_before(text, start) or _version_before(text, start):
        return True
    if _SHORT_NUMBER.fullmatch(text, start, end):
        return True  # a European short number (116 117, 116 123): no one's phone
    if _SUM_AFTER.match(text, end) or _SUM_BEFORE.search(text, max(0, start - 16), start):
        return True  # a sum: "is 210 320 divisible by 3?", "hoeveel is 777 800 gedeeld door 5"
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if before[-1:] in ("#", "/", ".") or before[-1:] == "-" and before[:1].isalnum():
        return True
    if after[:1] in (".", "/", "-", ":") and after[1:2].isdigit():
        return True
    return bool(_CURRENCY_NEAR.search(text[max(0, start - 4) : end + 5]))


# A code of letters and digits ("B07XJ8C8F3", "K9QX2P"), as the tagger may take for an id.
_ALNUM_CODE = re.compile(r"(?=[\w/-]*\d)(?=[\w/-]*[^\W\d_])[\w/-]+")
_LINE_WORDS = re.compile(r"[^\W_]+")
# What may stand between a decoy word and its code: "booking code is", "numéro de la".
_CODE_FILLER = (
    _NUMBER_WORDS
    | _COPULAS
    | _BARE_NUMBER_SIGNS
    | frozenset(
        str.split(
            """
            numbers n º num codes codice código codigo was war of de du des di do da der del
            van von the la le el il o a my mein meine mon ma mi mio minha mój moja mijn your
            dein votre tu tuo seu twój je jouw
            """
        )
    )
)


def code_decoy(text: str, start: int, end: int) -> bool:
    """Whether the code of letters and digits at ``text[start:end]`` is named as no one's.

    For the tagger's identity numbers, usernames and addresses: on its line, the nearest word
    before it, past filler such as "number", "code", "is", "de", "my", is a decoy word
    (serial, booking, PNR, ASIN, model, voucher, order, flight…; `_DECOY_WORDS`).
    """
    if not _ALNUM_CODE.fullmatch(text, start, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    words = _LINE_WORDS.findall(text[max(line_start, start - 48) : start].lower())
    for word in reversed(words[-5:]):
        if word in _CODE_FILLER:
            continue
        if word == "pod":  # an Italian supply point, not the Polish "pod" (at, under)
            return text.rfind("POD", max(line_start, start - 48), start) != -1
        return word in _DECOY_WORDS or word.startswith(_DECOY_STEMS)
    return False


# -- e-mail and URLs ------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b")
_URL = re.compile(
    r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"'`)\]]+"
    r"|(?<![\w@/.])(?:[\w-]+\.)*(?:linkedin\.com|github\.com|github\.io|twitter\.com|x\.com|"
    r"instagram\.com|facebook\.com|fb\.com|tiktok\.com|youtube\.com|medium\.com|xing\.com|"
    r"mastodon\.social|threads\.net|bsky\.app|t\.me|vk\.com|reddit\.com/user|about\.me)"
    r"(?:/[^\s<>\"'`)\]]*)?",
    re.IGNORECASE,
)
_PROFILE_PATH = re.compile(
    r"(?:linkedin\.com/in/|xing\.com/profile/|/@[\w.]+|tiktok\.com/@|"
    r"(?:github\.com|twitter\.com|x\.com|instagram\.com|facebook\.com|fb\.com|t\.me|"
    r"threads\.net|vk\.com)/(?!(?:[\w.-]+/){1,}[\w.-]+/?$)[\w.-]+/?$|"
    r"reddit\.com/user/|\w[\w-]*\.github\.io|"
    r"(?:twitch\.tv|behance\.net|soundcloud\.com|flickr\.com/people)/[\w.-]+/?$|"
    r"strava\.com/athletes/)",
    re.IGNORECASE,
)


def _profile_path(url: str) -> bool:
    """Whether a URL is a profile page: not a page about an at-rule or decorator ("/@media")."""
    match = _PROFILE_PATH.search(url)
    if match is None:
        return False
    found = match.group()
    return not (found.startswith("/@") and found[2:].lower().split(".")[0] in _NOT_HANDLES)


_MY_SITE = re.compile(
    r"(?:my|mein\w*|mon|ma|mi|mio|mia|mijn|mój|moja|moje|meu|minha)\s+(?:own\s+|eigen\w*\s+)?"
    r"(?:website|web ?site|site|homepage|home page|blog|portfolio|page|profile|profil|"
    r"github|gitlab|linkedin|instagram|insta|twitter|facebook|tiktok|youtube|channel|"
    r"webseite|seite|sitio|sito|pagina|página|strona|perfil|profilo|profiel|web)\b[^.\n]{0,25}$"
    # A form's field label alone on its line, the value on the next one ("Website:⏎https://…").
    r"|(?:^|\n)[ \t]*(?:website|homepage|webseite|site web|sitio web|sito web|strona www)"
    r"[ \t]*:[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)
_PERSONAL_HOST = re.compile(
    r"^(?:https?://)?(?:www\.)?([a-z]+)\.(?:com|net|org|dev|me|io|"
    r"de|fr|es|it|nl|pl|pt|eu|co\.uk|blog|info|name|page|site)(?:/|$)"
)


_URL_HOSTS = (
    "linkedin",
    "github",
    "twitter",
    "x.com",
    "instagram",
    "facebook",
    "fb.com",
    "tiktok",
    "youtube",
    "medium.com",
    "xing",
    "mastodon",
    "threads.net",
    "bsky",
    "t.me",
    "vk.com",
    "reddit",
    "about.me",
)


def _may_have_url(text: str) -> bool:
    if "://" in text or "www." in text:
        return True
    low = text.lower()
    return any(host in low for host in _URL_HOSTS)


def url_candidates(text: str) -> list[tuple[int, int]]:
    """Every URL in ``text``, personal or not (a personal one is decided with more context)."""
    if not _may_have_url(text):
        return []
    return [(m.start(), m.start() + len(m.group().rstrip(".,;:!?"))) for m in _URL.finditer(text)]


def _urls(text: str, first_names: frozenset[str], surnames: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    if not _may_have_url(text):
        if "." in text and may_contain(text, _SITE_STEMS) and _SITE_WORD.search(text):
            spans.extend(_bare_sites(text, first_names, surnames, spans))
        return spans
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:!?")
        start = match.start()
        personal = _profile_path(url) or bool(_MY_SITE.search(_before(text, start, 45)))
        if not personal:
            host = _PERSONAL_HOST.match(url.lower())
            if host:
                label = host.group(1)
                personal = any(
                    first in first_names and label[len(first) :] in surnames
                    for first in _prefixes(label)
                )
        if personal:
            spans.append(("URL", start, start + len(url)))
    if _SITE_WORD.search(text):
        spans.extend(_bare_sites(text, first_names, surnames, spans))
    return spans


# A site mentioned without "http" or "www": "Este é o meu site matilde-rodrigues.es".
_SITE_WORD = re.compile(
    r"\b(?:site|website|web|homepage|blog|portfolio|page|strona|stron[aęy]|página|pagina|"
    r"sito|seite|webseite|sitio)\b",
    re.IGNORECASE,
)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@/.-])((?:[a-z0-9][a-z0-9-]*\.)+(?:com|net|org|dev|me|io|eu|de|fr|es|it|nl|pl|pt|be|"
    r"ch|at|se|no|dk|fi|ie|uk|cz|gr|tr|in|br|info|name|page|site|blog|design|art|studio))"
    r"(?:/[^\s<>\"'`)\]]*)?(?![\w@])",
    re.IGNORECASE,
)
# Every match of _SITE_WORD holds one of these.
_SITE_STEMS = (
    "site", "web", "homepage", "blog", "portfolio", "page", "stron", "página", "pagina",
    "sito", "sitio", "seite",
)  # fmt: skip
# "the site of my sister", "de mi hermana", "mojej siostry", "van mijn zus", "meiner Schwester"
_RELATIVE_SITE = re.compile(
    r"(?:my|mein\w*|mon|ma|mes|mi|mis|mio|mia|mijn|moj\w*|meu|minha|his|her|their|sein\w*|"
    r"ihr\w*|son|sa|su|suo|sua|zijn|haar|jego|jej)\s+(?:own\s+)?\w+",
    re.IGNORECASE,
)


def _bare_sites(
    text: str, first_names: frozenset[str], surnames: frozenset[str], found: list[Span]
) -> list[Span]:
    """Bare domains introduced as someone's site, or named after a person."""
    spans: list[Span] = []
    for match in _BARE_DOMAIN.finditer(text):
        start = match.start()
        if any(s <= start < e for _, s, e in found):
            continue
        host = match.group(1).lower()
        if host.startswith("www."):
            host = host[4:]
        labels = re.split(r"[.-]", host)[:-1]
        before = _before(text, start, 60)
        named = any(part in first_names or part in surnames for part in labels if len(part) > 2)
        introduced = bool(_SITE_WORD.search(before)) and bool(_RELATIVE_SITE.search(before))
        if named or introduced:
            spans.append(("URL", start, start + len(match.group().rstrip(".,;:!?"))))
    return spans


def _prefixes(label: str) -> list[str]:
    return [label[:n] for n in range(4, min(len(label) - 2, 12))]


# -- usernames ------------------------------------------------------------------------------

_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@(])")
_DECORATOR_LINE = re.compile(r"^[ \t]*@[\w.]+(?:\(.*\))?[ \t]*$")
_NOT_HANDLES = frozenset(
    str.split(
        """
        property staticmethod classmethod dataclass override abstractmethod cache lru_cache
        media import keyframes font-face supports tailwind apply param return returns throws
        deprecated test before after component injectable autowired pytest app router everyone
        here channel all home use forward extend mixin include layer container page charset
        namespace each if else function content error warn debug
        transactional jvmstatic jvmfield jvmoverloads inject id entity service repository
        controller restcontroller getmapping postmapping putmapping deletemapping
        requestmapping bean configuration value table column jsonproperty jsonignore
        suppresswarnings functionalinterface nullable nonnull notnull beforeeach aftereach
        beforeall afterall mock injectmocks springboottest data getter setter builder slf4j
        required input output viewchild hostlistener ngmodule handle username
        """
    )
)
_CSS_AT_RULE = re.compile(
    r"@(?:font-face|font-feature-values|font-palette-values|counter-style|starting-style|"
    r"position-try|view-transition)\b"
)
# A company's account, not a person's: named official or a support account, or the
# addressee of a complaint ("Is @Vodafone the official support account?", "Schreib eine
# Beschwerde an @Orange", "Escribe una queja a @Lidl", "Napisz reklamację do @Ryanair").
_COMPANY_HANDLE_BEFORE = re.compile(
    r"(?:complaint(?: tweet)?|complain|reclamo|reclamação|reclamacao|réclamation|queja|"
    r"beschwerde|reklamację|reklamacje|klacht|(?:company|firm|shop|store|brand|business)"
    r"(?:['’]s)?(?: \w+)? (?:handle|account))"
    r"\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"\b(?:official|oficial|officiel|ufficiale|offiziell\w*|officiële|oficjaln\w*|"
    r"support account|company handle|shop account|store account)\b",
    re.IGNORECASE,
)
# Handles a company takes: "@AmazonHelp", "@TIM_Official", "@baeckerei_mueller_gmbh".
_COMPANY_HANDLE = re.compile(
    r"(?:help|support|official|news|gmbh|ltd|inc|_?es|_?uk|_?de|_?fr|_?it|_online|service)$",
    re.IGNORECASE,
)
_USERNAME_CUE = re.compile(
    # The lookahead (the first letters of the words, in any case) skips most positions fast.
    r"(?=[abghilnpsu])(?:user ?name|login|log-in|handle|user id|userid|gamertag|nickname|"
    r"screen name|nick(?=\s+(?:on|in|en|w|na|auf|sur|su|op|no|do|im|no)\b|\s*:)|"
    r"benutzername|nutzername|anmeldename|identifiant|nom d'utilisateur|pseudo|usuario|"
    r"nombre de usuario|nome utente|utente|username|gebruikersnaam|nazwa użytkownika|"
    r"login|nome de usuário|nome de utilizador|usuário|utilizador)"
    r"(?:\s+(?:on|for|at|in|auf|bei|für|sur|pour|en|para|su|per|op|voor|na|w|no|do|dla)\s+"
    r"(?:the\s+|my\s+|der\s+|dem\s+|le\s+|la\s+|el\s+|il\s+|de\s+|o\s+|a\s+)?[\w-]+)?"
    r"(?P<copula>\s+(?:is|ist|est|es|è|é|to|lautet|was|c'est|c’est)\b|\s*[:=])?\s*[\"'`„“«]?"
    r"([\w][\w.\-]{1,31})",
    re.IGNORECASE,
)
_LOG_USER = re.compile(
    r"\b(?=[abfgu])(?:(?:failed|accepted) (?:password|publickey|keyboard-interactive) "
    r"for(?: invalid user)?|"
    r"for(?: invalid)? user|user|utente|benutzer|utilisateur|usuario|gebruiker|"
    r"użytkownik\w*|usuário|utilizador)\s+"
    r"(?:[\"'«“„‘]\s?([\w][\w.\-]{1,31})\s?[\"'»”’]"
    r"|([\w][\w.\-]{1,31})"
    r"(?:\s+(?:from|da|von|de|van|z|desde)\s+\d|(?=\s*(?:[-–,;:!?)\"'»”’]|\.\s|\.?$))))",
    re.IGNORECASE,
)
_USERNAME_HINTS = (
    "user",
    "login",
    "log-in",
    "handle",
    "gamertag",
    "nick",
    "screen name",
    "benutzer",
    "nutzer",
    "anmelde",
    "identifiant",
    "pseudo",
    "usuario",
    "utente",
    "gebruiker",
    "użytkown",
    "usuário",
    "utilizador",
    "utilis",
    "password",
    "publickey",
    "ssh",
    "scp",
    "sftp",
    "rsync",
)
_SSH_USER = re.compile(
    r"\b(?:ssh|scp|sftp|rsync|mosh)\s+(?:-\S+\s+)*(?:\S+\s+)?([\w][\w.\-]{0,31})@", re.IGNORECASE
)
_USER_AT_IP = re.compile(
    r"(?:(?<=//)|(?<![\w.@/:-]))[A-Za-z_][\w.\-]{0,31}(?=@\d{1,3}(?:\.\d{1,3}){3}\b)"
)
# A home folder names its user: "/home/jdaly", "/Users/anna", "C:\\Users\\piet".
_HOME_DIR = re.compile(r"(?:/home/|/Users/|\\Users\\)([A-Za-z_][\w.\-]{1,31})")
_NOT_HOME_USERS = frozenset(["public", "default", "shared", "all users", "user", "username"])
_USERNAME_STOP = frozenset(
    str.split(
        """
        is and or the a an to for on in at my your is: name password email e-mail
        """
    )
)


# A name given on a platform in the first person ("im Forum heiße ich dobesr", "add me on
# steam, I'm vortex_kid"), a Reddit handle ("u/duckofdoom"), sudo's refusal of a user.
_PLATFORM_USER = re.compile(
    r"\b(?:forum|reddit|steam|discord|twitch|xbox|psn|roblox|lichess|chess\.com|telegram)\b"
    r"[^\n.?!]{0,12}?\b(?P<cue>heiße ich|heet ik|mi chiamo|me llamo|je m'appelle|nazywam się|"
    r"I'?m|I am|ben ik|sono|je suis|soy|sou|jestem|ich bin|bin ich)\s+[\"'„“«]?([\w][\w.\-]{2,31})",
    re.IGNORECASE,
)
# _PLATFORM_USER's platforms, each a whole word ("chess" of "chess.com"): its gate.
_PLATFORM_USER_WORDS = frozenset(
    ["forum", "reddit", "steam", "discord", "twitch", "xbox", "psn", "roblox", "lichess"]
    + ["chess", "telegram"]
)
_NAMING_CUES = frozenset(
    ["heiße ich", "heet ik", "mi chiamo", "me llamo", "je m'appelle", "nazywam się"]
)
_REDDIT_USER = re.compile(r"(?<![\w/])u/([\w-]{3,20})\b")
_SUDOERS = re.compile(r"([\w][\w.\-]{1,31}) is not in the sudoers file")


def _company_handle(text: str, at: int, handle: str, line: str) -> bool:
    """Whether the handle at ``text[at]`` is named as a company's (see `_OFFICIAL`)."""
    if _COMPANY_HANDLE_BEFORE.search(text, max(0, at - 48), at) is not None:
        return True
    if _OFFICIAL.search(line.replace(handle, " ")) is not None:
        return True  # (not "@nikos.official" itself)
    return handle[:1].isupper() and _COMPANY_HANDLE.search(handle) is not None


def company_handle_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in an @handle named as a company's (`_company_handle`).

    The tagger may still take the name after the "@" that the rules leave ("complaint tweet
    to @AmazonHelp").
    """
    at = text.rfind("@", max(0, start - 32), end)
    if at == -1:
        return False
    match = _HANDLE.match(text, at)
    if match is None or not (match.start() <= start and end <= match.end()):
        return False
    handle = match.group(1).rstrip(".")
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return _company_handle(text, at, handle, line)


# More ways a username is given (fourteenth pass): a game's or a bot's log ("silent-puffin308
# joined the game", "[INFO] nyx_the_owl used /remindme"), a record's field ("created_by:
# fkowalski"), a shell prompt ("ilaria@thinkpad:~$"), a request for an account ("password reset
# for jbright84"), one's own account on a platform ("my ig is luana.mar", "My PSN ID is
# mochi-knight"), a nickname taken ("sous le pseudo Neonwolf"), the Greek "όνομα χρήστη".
_MORE_USERS = re.compile(
    # a log line's own word order: at the line's start, after a bracket, colon or quote
    r"(?:(?<=[\"'\]:>] )|(?<=[\"'\]>])|(?<![^\n]))(?P<log>[\w][\w.\-]{2,31}) "
    r"(?:joined|left) the game\b"
    r"|\[INFO\]:?\s+(?P<bot>[\w][\w.\-]{2,31}) (?:used|ran|issued|joined|left)\b"
    r"|\b(?:created|updated|modified|changed|approved|deleted)_?by\s*[\"']?\s*[:=]\s*[\"']?"
    r"(?P<field>[\w][\w.\-]{1,31})"
    r"|(?<![\w.@-])(?P<prompt>[a-z_][a-z0-9_.\-]{0,31})@[\w.\-]+:[~/][^\s]*\s?[$#]"
    r"|\b(?:password reset|reset (?:the )?password|account locked|locked out|unlock(?: the)? "
    r"account)\s+(?:for|of)\s+(?:(?:the )?user\s+)?(?P<account>[\w][\w.\-]{2,31})"
    r"|\b(?:my|mein|meine|mon|ma|mi|mio|meu|mijn|mój|moje)\s+(?:ig|insta|instagram|tiktok|"
    r"snap|snapchat|psn(?: id)?|xbox(?: gamertag)?|gamertag|steam(?: name)?|epic(?: name)?|"
    r"riot id|battletag|twitch|telegram|threads)"
    r"(?:\s+(?:is|ist|est|es|è|é|to|c'est|c’est|ist))?\s*:?\s*@?(?P<own>[\w][\w.\-]{1,31})"
    r"(?![\w.\-/])(?!\s+(?:is|ist|est|es|è|é|was|war)\b)"
    r"|\b(?:sous le|avec le|com o|con el|under the|unter dem)\s+(?:pseudo|nick|nickname|"
    r"handle|username|apodo|apelido)\s+[\"'«“]?(?P<nick>[\w][\w.\-]{1,31})"
    r"|όνομα χρήστη(?:\s+μου)?(?:\s+είναι)?\s*:?\s*(?P<greek>[\w][\w.\-]{1,31})",
    re.IGNORECASE,
)
_MORE_USER_HINTS = (
    "the game", "[info]", "_by", "by:", "by\"", "password", "locked", "unlock", " ig ", " ig:",
    "insta", "tiktok", "snap", "psn", "xbox", "gamertag", "steam", "epic", "riot", "battletag",
    "twitch", "telegram", "threads", "pseudo", "nick", "handle", "username", "apodo",
    "apelido", "όνομα",
)  # fmt: skip


def _more_usernames(text: str, low: str) -> list[Span]:
    spans: list[Span] = []
    prompt = "@" in text and (":~" in text or ":/" in text)
    if not prompt and not may_contain(text, _MORE_USER_HINTS, low):
        return spans
    for match in _MORE_USERS.finditer(text):
        group = match.lastgroup
        if group is None:
            continue
        name = match.group(group).rstrip(".-")
        if len(name) < 3 or name.lower() in _USERNAME_STOP:
            continue
        handle_like = bool(re.search(r"[\d_.]", name)) or "-" in name
        if group in ("own", "field", "account", "greek", "nick") and not (
            handle_like or name.islower() and not is_known_word(name) or group == "nick"
        ):
            continue  # "my insta is down", "created_by: Anna Smith" (a name, not a login)
        spans.append(("USERNAME", match.start(group), match.start(group) + len(name)))
    return spans


def _usernames(text: str) -> list[Span]:
    spans: list[Span] = []
    if "u/" in text:
        spans.extend(("USERNAME", m.start(1), m.end(1)) for m in _REDDIT_USER.finditer(text))
    if "sudoers" in text:
        spans.extend(("USERNAME", m.start(1), m.end(1)) for m in _SUDOERS.finditer(text))
    platform = holds_word(text, _PLATFORM_USER_WORDS)
    for match in _PLATFORM_USER.finditer(text) if platform else ():
        name = match.group(2).rstrip(".-")
        handle_like = bool(re.search(r"[\d_.]|[a-z][A-Z]", name))
        # A lower-case word that is no word of ours: "auf Discord, ich bin kartoffelkönig".
        coined = name.islower() and not is_known_word(name)
        if handle_like or coined or match.group("cue").lower() in _NAMING_CUES:
            spans.append(("USERNAME", match.start(2), match.start(2) + len(name)))
    if "@" in text:
        for match in _HANDLE.finditer(text):
            handle = match.group(1).rstrip(".")
            # "@pytest.fixture", "@app.route": a decorator is named by its first part.
            if handle.lower().split(".")[0] in _NOT_HANDLES or handle.isdigit():
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            line = text[line_start : line_end if line_end != -1 else len(text)]
            if (
                _DECORATOR_LINE.match(line)
                or text[match.end() : match.end() + 1] in ".("
                and (text[match.end() + 1 : match.end() + 2].isalpha())
                # "@angular/core", "@types/node": a package's scope; "@font-face": CSS
                or text[match.end() : match.end() + 1] == "/"
                and text[match.end() + 1 : match.end() + 2].isalpha()
                or _CSS_AT_RULE.match(text, match.start()) is not None
            ):
                continue
            if _company_handle(text, match.start(), handle, line):
                continue
            spans.append(("USERNAME", match.start(), match.start() + 1 + len(handle)))
    if "@" in text:
        # "user@10.0.0.5": a login at a host given by its address (no e-mail has one).
        spans.extend(("USERNAME", m.start(), m.end()) for m in _USER_AT_IP.finditer(text))
    if "home/" in text or "Users" in text:
        spans.extend(
            ("USERNAME", m.start(1), m.end(1))
            for m in _HOME_DIR.finditer(text)
            if m.group(1).lower() not in _NOT_HOME_USERS
        )
    low = text.lower()
    spans.extend(_more_usernames(text, low))
    if not may_contain(text, _USERNAME_HINTS, low):
        return spans
    for match in _SSH_USER.finditer(text):
        spans.append(("USERNAME", match.start(1), match.end(1)))
    for pattern in (_USERNAME_CUE, _LOG_USER):
        for match in pattern.finditer(text):
            group = match.lastindex or 1
            if match.group(group) is None:
                continue
            name = match.group(group).rstrip(".-")
            if name.lower() in _USERNAME_STOP or len(name) < 3:
                continue
            handle_like = bool(re.search(r"[\d_.]", name))
            if pattern is _USERNAME_CUE and not match.group("copula") and not handle_like:
                continue
            spans.append(("USERNAME", match.start(group), match.start(group) + len(name)))
    return spans


# -- payment cards and IBANs ----------------------------------------------------------------

_CARD = re.compile(r"(?<![\w+-])(?:\d(?:[ -]| {2}| - )?){11,18}\d(?![\w])")
_CARD_WORDS = frozenset(
    str.split(
        """
        card visa mastercard maestro amex karte carte cb tarjeta carta kaart karta karty cartão
        cartao creditcard pas pinpas bankpas betaalpas kort κάρτα κάρτας
        """
    )
)
_CARD_STEMS = (
    "kredit",
    "karten",
    "card_",
    "cardnum",
    "creditcard",
    "debitcard",
    "kaart",
    "kárty",
    "kortnummer",
    "kortet",
)
# Visa, Mastercard, Maestro (50, 56–69), Amex, Diners, Discover, UnionPay, JCB, Mir.
_CARD_PREFIX = re.compile(r"^(?:4|5[0-9]|2[2-7]|3[47]|3[0689]|35|6|2131|1800)")


# A 12-digit number named a Maestro card is one even with a wrong check digit.
_MAESTRO = re.compile(r"maestro", re.IGNORECASE)


def _presented_as_card(text: str, start: int) -> bool:
    """A card word on the number's line, or in its label above or its column's header."""
    return (
        _near(text, start, 40, _CARD_WORDS, _CARD_STEMS)
        or _near(_label_above(text, start), 40, 40, _CARD_WORDS, _CARD_STEMS)
        or _near(_column_label(text, start), 40, 40, _CARD_WORDS, _CARD_STEMS)
    )


def _cards(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _CARD.finditer(text):
        raw = match.group()
        digits = raw.replace(" ", "").replace("-", "")
        groups = re.split(r"[ -]+", raw)
        if len(digits) == 12:
            # Maestro numbers can have 12 digits (the labelling policy), written in fours or
            # threes; so can order and tracking numbers, so a 12-digit one needs both its check
            # digit and a card word.
            if (
                all(3 <= len(g) <= 6 for g in groups[:-1])
                and (checksums.luhn(digits) or _MAESTRO.search(_before(text, match.start())))
                and _presented_as_card(text, match.start())
            ):
                spans.append(("CREDIT_CARD", match.start(), match.end()))
            continue
        regular = len(groups) == 1 or all(len(g) in (4, 5, 6) for g in groups[:-1])
        if not _CARD_PREFIX.match(digits):
            continue
        if not regular:
            # Grouped oddly ("4468 320 287 217"): a card where the message calls it one.
            if _presented_as_card(text, match.start()) and all(
                3 <= len(g) <= 6 for g in groups[:-1]
            ):
                spans.append(("CREDIT_CARD", match.start(), match.end()))
            continue
        # A card introduced as one counts even with a wrong check digit (mistyped, made up),
        # on its line or as the value under its label ("Payment card⏎4508 …").
        if checksums.luhn(digits) or _presented_as_card(text, match.start()):
            spans.append(("CREDIT_CARD", match.start(), match.end()))
    return spans


_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,32})", re.IGNORECASE)
# An IBAN grouped with dashes or dots ("GB82-WEST-1234-…"): read only after a label.
_IBAN_DASHED = re.compile(
    r"\b[A-Z]{2}\d{2}(?:([-.])[A-Z0-9]{4})(?:\1[A-Z0-9]{4})+(?:\1[A-Z0-9]{1,4})?\b"
)
# The head of a grouped IBAN at the end of its line, and its rest on the next line
# ("DE89 3704 0044⏎0532 0130 00").
_IBAN_HEAD = re.compile(r"\b([A-Z]{2}\d{2}(?: [A-Z0-9]{4}){1,7})(?=[ \t]*\n)", re.IGNORECASE)
# The rest of a grouped IBAN on the next line ("DE89 3704 0044⏎0532 0130 00").
_IBAN_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*((?:[A-Z0-9]{4} )*[A-Z0-9]{1,4})(?![\w])")
_IBAN_GROUPS = re.compile(r"[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){3}", re.IGNORECASE)
_IBAN_CUE = re.compile(
    r"iban|bank|konto|konta|account|compte|cuenta|conto|rekening|conta|pay to|transfer|"
    r"überweis|virement|przelew|bonifico|transferencia|overmaken|rib\b|bic\b",
    re.IGNORECASE,
)


_IBAN_WORD = re.compile(r"iban", re.IGNORECASE)
_IBAN_SHORT = re.compile(r"\b[A-Z]{2}\d{2}\d{7,9}\b", re.IGNORECASE)


def _ibans(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _IBAN.finditer(text):
        raw = match.group(1)
        country = raw[:2].upper()
        length = checksums.IBAN_LENGTHS.get(country)
        if length is None:
            continue
        # Walk the match until `length` alphanumerics are covered; the rest is other text.
        count = 0
        end = match.start(1)
        for offset, ch in enumerate(raw):
            if ch != " ":
                count += 1
            if count == length:
                end = match.start(1) + offset + 1
                break
        labelled = (
            _IBAN_CUE.search(_before(text, match.start(), 40)) is not None
            or _IBAN_CUE.search(_label_above(text, match.start())) is not None
            or _IBAN_CUE.search(_column_label(text, match.start())) is not None
            # "please send your IBAN …⏎Hi, here it is: HU5684…": the word anywhere, for an
            # IBAN written in one piece.
            or " " not in raw
            and _IBAN_WORD.search(text) is not None
        )
        if (
            not labelled
            and count == length
            and " " not in raw[: end - match.start(1)]
            and (end == len(text) or not text[end].isalnum())
            and sum(c.isdigit() for c in raw[4:length]) >= (length - 4) * 3 // 4
        ):
            # Compact and of its country's exact length, mostly digits: one even with wrong
            # check digits ("na PL18776195389171478089033721"), as people mistype them.
            spans.append(("IBAN", match.start(1), end))
            continue
        if (
            count < length
            or not labelled
            and not checksums.iban(text[match.start(1) : end].replace(" ", "").upper())
        ):
            # Grouped by four, like an IBAN, at least four groups: one, mistyped or not.
            if not labelled and not _IBAN_GROUPS.match(raw):
                continue
            # Introduced as an IBAN but of the wrong length (mistyped, or made up): it is
            # still one, up to its last group with a digit ("… 7816 523, Verwendungszweck").
            groups = raw.split(" ")
            while len(groups) > 1 and not any(c.isdigit() for c in groups[-1]):
                groups.pop()
            spans.append(("IBAN", match.start(1), match.start(1) + len(" ".join(groups))))
            continue
        compact = text[match.start(1) : end].replace(" ", "").upper()
        if end < len(text) and text[end].isalnum() and not labelled:
            continue
        if checksums.iban(compact) or labelled:
            spans.append(("IBAN", match.start(1), end))
    if "\n" in text:
        for match in _IBAN_HEAD.finditer(text):
            length = checksums.IBAN_LENGTHS.get(match.group()[:2].upper())
            count = sum(c.isalnum() for c in match.group(1))
            if length is None or count >= length:
                continue
            rest = _next_line_groups(text, match.end(1), length - count)
            if rest is None:
                continue
            whole = re.sub(r"\s", "", text[match.start() : rest]).upper()
            if not checksums.iban(whole) and (
                _IBAN_CUE.search(_before(text, match.start(), 40)) is None
                and _IBAN_CUE.search(_label_above(text, match.start())) is None
            ):
                continue
            # It replaces the head alone, found as a mistyped IBAN above.
            spans = [sp for sp in spans if not (sp[0] == "IBAN" and sp[1] == match.start())]
            spans.append(("IBAN", match.start(), rest))
    if _IBAN_WORD.search(text) is not None:
        # Too short for the pattern above, but called an IBAN: "IBAN NO81577939013".
        for match in _IBAN_SHORT.finditer(text):
            if (
                match.group()[:2].upper() in checksums.IBAN_LENGTHS
                and _IBAN_WORD.search(_before(text, match.start(), 40)) is not None
                and not any(s <= match.start() < e for _, s, e in spans)
            ):
                spans.append(("IBAN", *match.span()))
    if "-" in text or "." in text:
        for match in _IBAN_DASHED.finditer(text):
            if match.group()[:2].upper() in checksums.IBAN_LENGTHS and (
                _IBAN_CUE.search(_before(text, match.start(), 40)) is not None
                or _IBAN_CUE.search(_label_above(text, match.start())) is not None
                # Its check digits hold: one without a label ("na PL94-0984-…").
                or checksums.iban(re.sub(r"[-.]", "", match.group()).upper())
            ):
                spans.append(("IBAN", *match.span()))
    _loose_ibans(text, spans)
    return spans


# An IBAN spaced oddly ("GB3 3BUKB2 02015 5555 5555", "DE 89 37040044 0532013000", "it 40 s
# 05428 11101 000000123456"): the country's length of letters and digits, whatever the
# spaces, and check digits that hold.
_IBAN_LOOSE = re.compile(r"\b[A-Z]{2} ?\d ?\d(?: ?[A-Z0-9]){8,34}", re.IGNORECASE)
# A Polish account number without its "PL" (NRB): 26 digits, two then six groups of four.
_NRB = re.compile(r"(?<![\w-])\d{2}(?: ?\d{4}){6}(?![\w])")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _loose_ibans(text: str, spans: list[Span]) -> None:
    """Add IBANs spaced in no group of four, and Polish account numbers without "PL"."""
    if _FOUR_DIGITS.search(text) is None:
        return  # every account number has a run of four digits somewhere
    for match in _IBAN_LOOSE.finditer(text):
        raw = match.group()
        length = checksums.IBAN_LENGTHS.get(raw[:2].upper())
        if length is None or len(raw) - raw.count(" ") < length:
            continue
        if any(s <= match.start() < e for _, s, e in spans):
            continue
        count, end = 0, match.start()
        for offset, char in enumerate(raw):
            if char != " ":
                count += 1
            if count == length:
                end = match.start() + offset + 1
                break
        if end < len(text) and text[end].isalnum():
            continue
        if checksums.iban(text[match.start() : end].replace(" ", "").upper()):
            spans.append(("IBAN", match.start(), end))
    if len(text) >= 26:
        for match in _NRB.finditer(text):
            if not any(s <= match.start() < e for _, s, e in spans) and checksums.iban(
                "PL" + match.group().replace(" ", "")
            ):
                spans.append(("IBAN", *match.span()))


def _next_line_groups(text: str, at: int, missing: int) -> int | None:
    """The end of the rest of an IBAN on the next line, when it has just the missing count."""
    match = _IBAN_NEXT_LINE.match(text, at)
    if match is None:
        return None
    if sum(c != " " for c in match.group(1)) != missing:
        return None
    return match.end(1)


# -- IP addresses ---------------------------------------------------------------------------

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_NOT_PERSONAL_IPS = frozenset(
    str.split(
        """
        127.0.0.1 0.0.0.0 255.255.255.255 255.255.255.0 255.255.0.0 255.0.0.0 1.1.1.1 8.8.8.8
        8.8.4.4 9.9.9.9 1.0.0.1
        """
    )
)


_VERSION_NEAR_IP = re.compile(
    r"(?:mise à jour|update|updated to|version|versión|versione|versie|wersja|versão|build|"
    r"release|firmware|patch|aggiornamento|actualización)\W*$",
    re.IGNORECASE,
)
_VERSION_AFTER_IP = re.compile(r"[^.?!\n]{0,30}\bversion\b", re.IGNORECASE)
_CIDR_SUFFIX = re.compile(r"/\d{1,3}(?![\w/]|\.\w)")


def _ips(text: str) -> list[Span]:
    spans: list[Span] = []
    if text.count(".") >= 3:
        for match in _IPV4.finditer(text):
            ip = match.group()
            parts = ip.split(".")
            if any(int(p) > 255 or (len(p) > 1 and p[0] == "0") for p in parts):
                continue
            if ip in _NOT_PERSONAL_IPS or ip.startswith("127.") or parts[3] == "255":
                continue  # loopback, a resolver or mask, a broadcast address
            if re.search(
                r"fixed in[ \t]*[\"'“]?$", text[max(0, match.start() - 12) : match.start()]
            ):
                continue  # a version ("fixed in 10.4.2.1")
            if _CIDR_SUFFIX.match(text, match.end()):
                continue  # a network (CIDR), not a host; "…@10.1.2.3/uploads" is a host
            if _version_before(text, match.start()) and not _before(
                text, match.start(), 3
            ).rstrip().endswith(":"):
                continue  # "Python 3.10.1.2", not "in Python: 84.92.117.203 - …"
            if _VERSION_NEAR_IP.search(_before(text, match.start(), 16)) or (
                all(int(p) < 100 for p in parts) and _VERSION_AFTER_IP.match(text, match.end())
            ):
                continue  # "mise à jour 16.2.17.231", "2.4.18.1 is just a version right?"
            if all(len(p) == 1 for p in parts) and re.search(
                r"version|release|upgrade|update|tried|v\d",
                _before(text, match.start(), 60),
                re.IGNORECASE,
            ):
                continue
            spans.append(("IP_ADDRESS", match.start(), match.end()))
    if text.count(":") >= 2:
        import ipaddress  # only here: most messages have no IPv6 candidate

        for match in _IPV6.finditer(text):
            candidate = match.group()
            if candidate.count(":") < 2 or sum(c.isalnum() for c in candidate) < 4:
                continue
            try:
                address = ipaddress.IPv6Address(candidate)
            except ValueError:
                continue
            if address.is_loopback or address.is_unspecified:
                continue
            if _CIDR_SUFFIX.match(text, match.end()):
                continue  # a network ("fd00::/8", "2001:db8::/32")
            if candidate.startswith("::1:") and candidate[4:].isdigit():
                continue  # localhost and a port ("::1:5432"), not an address
            spans.append(("IP_ADDRESS", match.start(), match.end()))
    return spans


# -- phone numbers --------------------------------------------------------------------------

# A colon right before the number is a field's ("TEL;TYPE=CELL:0963 …", "tel:+49 …"), not a
# time's or an address's ("10:30", "fe80::").
_PHONE = re.compile(r"(?<![\w+/.,-])(?<![\d:]:)(?:\+|00)?\(?\d[\d \-./()]{5,22}\d(?![\w]|[.,]\d)")
_PHONE_WORDS = frozenset(
    str.split(
        """
        phone tel telephone call mobile cell number whatsapp text sms fax ring handy nummer
        rufnummer ruf portable téléphone numéro teléfono telefono móvil movil número celular
        cellulare numero telefoon mobiel bel numer zadzwoń dzwoń telemóvel telemovel liga ligar
        contacto contato zap hotline tél tlf tlf. puh τηλ telf landline festnetz fisso vast
        stacjonarny fixo reach whatsapp signal contact kontakt contatta contactez num
        fijo localizar llamar llámame erreichbar joignable raggiungibile bereikbaar
        cellphone telefone telefoonnummer gsm tlm cel kom mob tfn centralita switchboard
        centralino durchwahl toestel ligue contacte reperibile dostępny dostępna połączenie
        połączenia gesprek oddzwonić callback helista zvani paskambink numurs numuru tālr
        tālrunis tālruņa κινητό κινητού τηλέφωνο τηλεφώνου centrala sími símanúmer farsími
        heimasími vinnusími
        """
    )
)
_PHONE_STEMS = (
    "telefon",
    "anruf",
    "mobil",
    "appel",
    "joindre",
    "llám",
    "llam",
    "chiam",
    "komórk",
    "handy",
    "ligaç",
    "notfallkontakt",
    "kontaktnummer",
    "notruf",
    "giftnotruf",
)
# A phone word after the number, in its sentence: "… 2580 1351 as the host's number, is that a
# mobile?", "¿el 618632411 es fijo o móvil?".
_PHONE_AFTER = re.compile(
    r"[^.?!\n]{0,45}?\b(?:mobile|landline|cell|cellphone|phone|móvil|movil|fijo|fixo|fisso|"
    r"cellulare|portable|telemóvel|telemovel|handy\w*|telefon\w*|téléphone|teléfono|"
    r"telefoon\w*|mobiel|vast nummer|komórk\w*|stacjonarn\w*|\w+'s number|numer telefonu|"
    r"internationa\w*|internazional\w*|internacional\w*|międzynarodow\w*|mezinárodní|"
    r"uluslararası|numarası\w*|ext|extension|extensão|extensión|durchwahl|interno|wew|"
    r"toestel|poste)\b",
    re.IGNORECASE,
)
_CODE_BEFORE = re.compile(r"\b(?=\w*\d)(?=\w*[A-Za-z])\w+[ -]$")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_DATE_START = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{2,4} ")
_CURRENCY_NEAR = re.compile(r"[€$£¥]|\b(?:eur|usd|gbp|chf|pln|zł|brl|r\$)\b", re.IGNORECASE)
_NATIONAL_SHAPES = (
    re.compile(r"^\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}$"),  # North America, Italian mobiles
    re.compile(r"^1[ .-]\d{3}[ .-]\d{3}[ .-]\d{4}$"),  # North America with the trunk 1
    re.compile(r"^[5-9]\d{2}[ -]\d{3}[ -]\d{3}$"),  # Spain, Poland, Portugal mobiles
    re.compile(r"^[5-9]\d{2}( \d{2}){3}$"),  # Spain 7xx xx xx xx
    re.compile(r"^[1-9]\d( \d{3})( \d{2}){2}$"),  # Spain 91 xxx xx xx, Poland 22 xxx xx xx
    re.compile(r"^[1-9]\d \d{3} \d{4}$"),  # Portugal 21 xxx xxxx
    re.compile(r"^3\d{2}[ -]?\d{6,7}$"),  # Italian mobiles
    re.compile(r"^\(\d{2}\) ?9?\d{4}-?\d{4}$"),  # Brazil
    re.compile(r"^\d{2} 9?\d{4}-\d{4}$"),  # Brazil without the brackets: "41 4639-6675"
    # An area code in brackets, its digits spaced or not: "(8 5) 894 0424", "(601) 109 2040"
    re.compile(r"^\(\d(?: ?\d){0,4}\) ?\d{2,4}(?:[ -]?\d{2,4}){1,2}$"),
    # Russian, Ukrainian and other post-Soviet forms: "8 (912) 555-41-87", "044 123-45-67"
    re.compile(r"^(?:8 ?)?\(?\d{3,5}\)? ?\d{2,3}-\d{2}-\d{2}$"),
)
# Two four-digit years ("12 2019-2020") are a range, not the tail of a Brazilian number.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d-(?:19|20)\d\d$")
_YEAR_IN_BRACKETS = re.compile(r"\((?:1[89]|20)\d\d\)")


# Eight digits in pairs (Denmark, Norway: "10 96 99 88"), ten in two fives (India).
_SHORT_SHAPES = re.compile(r"^(?:\d{2}(?: \d{2}){3}|[6-9]\d{4}[ -]\d{5})$")


# A contact line: the number next to an e-mail address, a separator between them
# ("26494051 | raivo@…", "(therese@gmx.de, 26950054)", "Max Gibson — 8795151994 — max@…").
_MAIL_THEN = re.compile(r"@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}[ \t]*[|·•,;–—/-][ \t]*$")
_THEN_MAIL = re.compile(r"[ \t]*[|·•,;–—/-][ \t]*[\w.+%-]+@")


_NAMED_NUMBER = re.compile(
    r"([^\W\d_]+)[ -](?:number|nummer|numéro|número|numero|numer|no\b|nr\b)", re.IGNORECASE
)


def _phone_context(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is introduced as a phone number.

    A phone word shortly before it on its line, on the line above when the number begins its
    line ("Telefon:⏎5308 6964"), at the top of its table column ("Name,Address,Phone"), or
    an e-mail address beside it on a contact line.
    """
    if _near(text, start, 55, _PHONE_WORDS, _PHONE_STEMS):
        # "the account number on the statement is …": a number word that a decoy word
        # qualifies is no phone word.
        window = _before(text, start, 55)
        window = window[window.rfind("\n") + 1 :]
        named = _NAMED_NUMBER.search(window)
        if named is None or not (
            named.group(1).lower() in _DECOY_WORDS
            or named.group(1).lower().startswith(_DECOY_STEMS)
        ):
            return True
        rest = window[: named.start()] + window[named.end() :]
        if _near(rest, len(rest), 55, _PHONE_WORDS, _PHONE_STEMS):
            return True
    above = _label_above(text, start)
    if (
        above
        and not any(c.isdigit() for c in above)
        and _near(above, 40, 40, _PHONE_WORDS, _PHONE_STEMS)
    ):
        return True  # a label line: "Telefon:", "Phone number", "Tél :"
    column = _column_label(text, start)
    if column and _near(column, 40, 40, _PHONE_WORDS, _PHONE_STEMS):
        return True
    return "@" in text and (
        _MAIL_THEN.search(text, max(0, start - 60), start) is not None
        or _THEN_MAIL.match(text, end) is not None
    )


def _phones(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _PHONE.finditer(text):
        raw = match.group()
        start, end = match.start(), match.end()
        # An unmatched closing parenthesis belongs to the text, not the number.
        while raw.endswith(")") and raw.count("(") < raw.count(")"):
            raw, end = raw[:-1], end - 1
        if raw.startswith("(") and ")" not in raw:
            raw, start = raw[1:], start + 1
        if "  " in raw or "\n" in raw:
            continue
        digits = re.sub(r"\D", "", raw)
        n = len(digits)
        before = _before(text, start, 30)
        if _version_before(text, start) or (
            _decoy_before(text, start)
            # "liga no +351 …": Portuguese "no" (at the), not "No." before an order number.
            and not (raw.startswith("+") and _word_before(text, start) in ("no", "n"))
        ):
            continue
        if _CODE_BEFORE.search(before):
            continue  # the tail of a code like "1Z 999 AA1 01 2345 6784"
        if _DATE_LIKE.match(raw) or _CURRENCY_NEAR.search(text[max(0, start - 3) : end + 4]):
            continue
        if _DATE_START.match(raw):
            continue  # a date and the hour of a log line: "2025/02/18 07:00:01"
        if n == 13 and digits[:3] in ("978", "979") and checksums.isbn13(digits):
            continue
        context = _phone_context(text, start, end)
        if raw.startswith("+") or raw.startswith("00"):
            ok = 8 <= n <= 15 and _possible_international(raw)
        elif raw.startswith("0") or raw.startswith("(0"):
            ok = 9 <= n <= 12 and (
                " " in raw or "-" in raw or "/" in raw or "." in raw or context or n in (10, 11)
            )
        elif any(shape.match(raw) for shape in _NATIONAL_SHAPES):
            ok = 8 <= n <= 12 if raw.startswith(("(", "8")) else 9 <= n <= 11
            ok = ok and not _YEAR_RANGE.search(raw) and not _YEAR_IN_BRACKETS.match(raw)
        elif _SHORT_SHAPES.match(raw):
            ok = True
        else:
            ok = context and 7 <= n <= 13 and not raw.isdigit() or context and 9 <= n <= 11
        if not ok and context and 6 <= n <= 13:
            # A national number without its country code, in a region's own format; a
            # "00" that is an area code's trunk, not the international prefix ("0099/424013").
            ok = _valid_national(raw) or raw.startswith("00") and 9 <= n <= 12
        elif not ok and 7 <= n <= 13 and _PHONE_AFTER.match(text, end) is not None:
            # A phone word after it ("… as the host's number", "¿es fijo o móvil?"): a valid
            # national number only.
            ok = not _IP_LIKE.fullmatch(raw) and _valid_national(raw)
        if not ok and n >= 11 and _US_EXIT.match(raw):
            # Dialled from the US: "011 44 20 7946 0958" is +44 20 7946 0958.
            ok = _possible_international("+" + digits[3:])
        if ok:
            spans.append(("PHONE", start, end))
    if "+" in text:
        spans.extend(_international_matches(text, spans))
    if "o" in text or "O" in text:
        spans.extend(_o_for_zero(text))
    return spans


_US_EXIT = re.compile(r"011[ .-]?\(?[1-9]")
# A number typed with the letter O for its leading zero: "o176 2044 7710", "O20 7946 0958".
_O_PHONE = re.compile(r"(?<![\w+/.,-])[oO]\d{1,5} [\d \-./]{5,16}\d(?![\w]|[.,]\d)")


def _o_for_zero(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _O_PHONE.finditer(text):
        raw = "0" + match.group()[1:]
        n = sum(c.isdigit() for c in raw)
        if "  " in raw or not 9 <= n <= 12 or _decoy_before(text, match.start()):
            continue
        if " " in raw and _valid_national(raw):
            # Grouped by spaces like a phone number: "O907-0606-4687" or "O50468275" after
            # "Permit number:" is a document number that begins with the letter O.
            spans.append(("PHONE", *match.span()))
    return spans


# Regions whose national numbers are tried for a number introduced as a phone number: our
# languages' countries and the others whose formats the issue names.
_NATIONAL_REGIONS = [
    "US",
    "GB",
    "IE",
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "ES",
    "IT",
    "NL",
    "PL",
    "PT",
    "BR",
    "MX",
    "IN",
    "SE",
    "NO",
    "DK",
    "FI",
    "EE",
    "LV",
    "LT",
    "CZ",
    "SK",
    "HU",
    "GR",
    "TR",
    "RO",
    "HR",
    "SI",
    "UA",
    "IS",
]


def _possible_international(raw: str) -> bool:
    """Whether a number with ``+`` or ``00`` has a country code and a possible length."""
    import phonenumbers  # on first use only: its import takes about 50 ms

    number = "+" + raw[2:] if raw.startswith("00") else raw
    try:
        return bool(phonenumbers.is_possible_number(phonenumbers.parse(number, None)))
    except phonenumbers.NumberParseException:
        return False


def _valid_national(raw: str) -> bool:
    """Whether a number without a country code is a valid number of one of the regions."""
    import phonenumbers

    for region in _NATIONAL_REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(raw, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


_PLUS_NUMBER = re.compile(r"\+\s?\(?\d")


def _international_matches(text: str, found: list[Span]) -> list[Span]:
    """Every valid international number, in any region's format (``+49 30 …``).

    ``PhoneNumberMatcher`` is slow (about a millisecond a message), so it reads only the
    stretch after each ``+`` that the patterns have not already found as a number.
    """
    spans: list[Span] = []
    for plus in _PLUS_NUMBER.finditer(text):
        start = plus.start()
        if any(s <= start < e for _, s, e in found) or any(s <= start < e for _, s, e in spans):
            continue
        import phonenumbers

        window = text[start : start + 40]
        spans.extend(
            ("PHONE", start + match.start, start + match.end)
            for match in phonenumbers.PhoneNumberMatcher(window, None)
            if not _decoy_before(text, start + match.start)
            or _word_before(text, start + match.start) in ("no", "n")
        )
    return spans


# -- government ids -------------------------------------------------------------------------

_ID_WORDS = frozenset(
    str.split(
        """
        id ids identity identification idnr steuernummer sécu nir insee dni nie nif cédula
        documento pasaporte bsn burgerservicenummer sofinummer pesel nip cpf rg cc ssn nino
        aadhaar aadhar pan passport reisepass pass passnummer passeport passaporto paspoort
        passaporte
        """
    )
)
_ID_STEMS = ("ausweis", "personalausweis", "steuer", "identifikationsnummer", "dowód", "paszport")
_ID_PHRASES = (
    "id number",
    "national id",
    "personal number",
    "carte d'identité",
    "numéro d'identité",
    "sécurité sociale",
    "codice fiscale",
    "carta d'identità",
    "sofi-nummer",
    "cartão de cidadão",
    "social security",
    "national insurance",
    "ni number",
)
_PASSPORT = re.compile(
    r"(?:passport|reisepass\w*|passnummer|passeport|pasaporte|passaporto|paspoort|"
    r"paszport\w*|passaporte)\b[^\n\d.!?]{0,45}?\b((?=[A-Z]*\d)[A-Z0-9]{7,10})\b",
    re.IGNORECASE,
)
_SSN = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
_NINO = re.compile(r"\b([A-CEGHJ-PR-TW-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b")
_NI_WORD = re.compile(r"\bni\b|insurance")
_CF = re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b", re.IGNORECASE)
_CF_CUE = re.compile(r"codice|fisc|fics|\bc\.? ?f\b\.?|\bCF\b", re.IGNORECASE)
_DNI = re.compile(r"\b(?:\d{8}|[XYZ]-?\d{7})-?[A-Z]\b", re.IGNORECASE)
_NIR = re.compile(
    r"(?<!\d)(?<!\d )[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\d])"
)
_CPF = re.compile(r"(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])")
_DIGITS = re.compile(r"(?<![\w+.,/-])\d(?:[ .]?\d){8,11}(?![\w]|[.,/-]\d)")
_PAN = re.compile(r"\b[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]\b")
_PAN_NAMED = re.compile(
    r"\bpan\b[^\n\d]{0,40}?\b([a-z]{3}[pchfatbljg][a-z]\d{4}[a-z])\b", re.IGNORECASE
)
_AHV = re.compile(r"(?<![\d.])756[. ]?\d{4}[. ]?\d{4}[. ]?\d{2}(?![\d]|[.]\d)")
_BELGIAN_NN = re.compile(r"(?<![\d.])\d{2}\.\d{2}\.\d{2}[- ]\d{3}\.\d{2}(?![\d]|[.]\d)")


def _gov_ids(text: str) -> list[Span]:
    spans: list[Span] = []
    # The lengths of the runs of digits: each pattern below is bounded by letters, spaces
    # or dots on both sides of its runs, so it needs runs of given lengths (a NINO "AB 12
    # 34 56 C" runs of 2, 4 or 6; a codice fiscale runs of 2 and 3; a DNI one of 7 or 8; a
    # PAN one of 4; a CPF runs of 3): a message without them is not scanned.
    digits, runs = digit_runs(text)
    if digits == 0:
        # Only a document number of capital letters can be here ("carte d'identité FAMZWSSYT").
        return _labelled_ids(text) if _CAPS_ID.search(text) else spans
    if digits >= 9 and "-" in text:
        spans.extend(_ssns(text))
    if digits >= 6 and not runs.isdisjoint((2, 4, 6)):
        spans.extend(
            ("GOV_ID", m.start(), m.end())
            for m in _NINO.finditer(text)
            if m.group(1) not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")
        )
        if _NI_WORD.search(text) and no_capitals(text):
            # Typed in lower case after "ni" or "national insurance": "my ni is rj 81 44 02 d".
            spans.extend(
                ("GOV_ID", m.start(), m.end())
                for m in _NINO.finditer(text.upper())
                if m.group(1) not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")
            )
    if digits >= 7:
        if 2 in runs and 3 in runs:
            # The shape is the codice fiscale's own: named one anywhere in the message
            # ("codice fiscale di mio padre. Eccolo: …", "C.F."), a wrong check letter too.
            named = _CF_CUE.search(text) is not None
            spans.extend(
                ("GOV_ID", m.start(), m.end())
                for m in _CF.finditer(text)
                if named or checksums.codice_fiscale(m.group().upper())
            )
        if 7 in runs or 8 in runs:
            spans.extend(
                ("GOV_ID", m.start(), m.end())
                for m in _DNI.finditer(text)
                if checksums.spanish_dni(m.group().upper().replace("-", ""))
            )
    if digits >= 11 and "." in text and 3 in runs:
        spans.extend(
            ("GOV_ID", m.start(), m.end())
            for m in _CPF.finditer(text)
            if checksums.brazilian_cpf(re.sub(r"\D", "", m.group()))
        )
    if 4 in runs:
        spans.extend(("GOV_ID", m.start(), m.end()) for m in _PAN.finditer(text))
        if "pan" in text.lower():
            # Typed in lower case after its name: "pan kakpm0727v", "my pan is uigpe8660f".
            spans.extend(("GOV_ID", *m.span(1)) for m in _PAN_NAMED.finditer(text))
        spans.extend(
            ("GOV_ID", m.start(), m.end())
            for m in _AHV.finditer(text)
            # Dotted, the format is the AHV's own; compact or spaced, the check digit decides.
            if m.group().count(".") == 3 or checksums.swiss_ahv(re.sub(r"\D", "", m.group()))
        )
    if digits >= 11 and 2 in runs:
        spans.extend(
            ("GOV_ID", m.start(), m.end())
            for m in _BELGIAN_NN.finditer(text)
            if "-" in m.group() or checksums.belgian_nn(re.sub(r"\D", "", m.group()))
        )
    low = text.lower()
    if "pass" in low or "paspo" in low or "paszp" in low or "pasap" in low:
        for match in _PASSPORT.finditer(text):
            value = match.group(1)
            if sum(c.isdigit() for c in value) >= 3 and not value.isalpha():
                spans.append(("GOV_ID", match.start(1), match.end(1)))
    if digits >= 13:
        spans.extend(
            ("GOV_ID", m.start(), m.end())
            for m in _NIR.finditer(text)
            if checksums.french_nir(m.group().replace(" ", "").upper())
        )
    if digits >= 9:
        spans.extend(_national_numbers(text))
    if (
        digits >= 4
        or _SHAPED_ID.search(text)
        or digits >= 1
        and no_capitals(text)
        and _SHAPED_ID_LOWER.search(text)
        or _CAPS_ID.search(text)
    ):
        spans.extend(_labelled_ids(text))
    return spans


# A document number of capitals with one to three digits ("NXZVVA0J2", "CJQARKDD5"): the
# labelled-id scan below runs for it even in a message with fewer than four digits.
_SHAPED_ID = re.compile(r"(?<![\w])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12}(?![\w])")
# A word of eight to ten capitals: perhaps a document number of letters only ("FAMZWSSYT").
_CAPS_ID = re.compile(r"(?<![\w])[A-Z]{8,10}(?![\w])")
# The same in a message written in lower case: "id-kaartnummer is zy6r9pn9h".
_SHAPED_ID_LOWER = re.compile(r"(?<![\w])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6,12}(?![\w])")


# Identity documents and numbers without a check digit, named by a label or cue just before
# the value (on the same line, or alone on the line after the label): driver's licences,
# passports, national and insurance numbers, in our languages and the issue's other locales.
_ID_CUE_PATTERN = (
    r"(?<![\w])(?:"
    r"passports?|driver'?s? licen[cs]e|driving licen[cs]e|licen[cs]e (?:no|number|#)|"
    r"social security|national insurance|ni number|national id|id card|identity card|"
    r"identity number|id (?:no|nr|number|code)|personal (?:number|code|id)|"
    r"personal identity code|tax (?:id|number|code|no|nr)|insurance (?:no|number)|"
    r"document (?:no|number)|documento|documentnummer|dokumentnummer|numer dokumentu|"
    r"(?:residence |work )?permit|personnummer|personnr|henkilötunnus|hetu|"
    r"fødselsnummer|isikukood|asmens kodas|personas kods|rodné číslo|"
    r"személyi (?:szám|igazolvány)|adóazonosító|kimlik(?: no)?|αμκα|αφμ|emšo|"
    r"ausweis\w*|personalausweis\w*|führerschein\w*|reisepass\w*|steuer-?id|"
    r"steuer-?identifikationsnummer|steuernummer|sozialversicherungsnummer|sv-nummer|"
    r"versicherten-?nummer|versichertennr|krankenversicher\w*|versicherungsnummer|"
    r"aufenthalts\w*|ahv-?nummer|"
    r"carte d'identité|carte nationale d'identité|numéro fiscal|numéro d'identification|"
    r"permis de conduire|sécurité sociale|n° de sécu|numéro de sécu|sécu|passeport|"
    r"titre de séjour|pasaporte|carn[eé] de conducir|carnet de conducir|"
    r"permiso de conducir|seguridad social|cédula|"
    r"carta d'identità|codice fiscale|patente(?: di guida)?|passaporto|tessera sanitaria|"
    r"permesso di soggiorno|burgerservicenummer|paspoort\w*|rijbewijs\w*|"
    r"identiteitskaart|id-kaart|verblijfsvergunning\w*|"
    r"dowód(?: osobisty)?|dowodu|prawo jazdy|prawa jazdy|paszport\w*|"
    r"cartão de cidadão|carta de condução|passaporte|número de utente|"
    r"aadhaar|aadhar|permis|rijksregister\w*|numéro national|registre national|"
    r"versichertenkarte|gesundheitskarte|krankenkassenkarte|título de residência|"
    r"titulo de residencia|tarjeta sanitaria|tarjeta de residencia|karta pobytu|"
    r"medicare(?: number| no)?|tax file number|"
    r"licencia de conducir|licencia de manejo|carte de séjour|número de afiliación|"
    r"ni no|perso-?nummer|legitymując\w* się dowodem|henkilötunnu\w*|"
    r"adóazonosító\w*|kod osobisty|personnumer|clave de elector|"
    r"national_id|steuer_id|tax_id|id_number|doc_no|document_number|passport_no|"
    r"pasnummer\w*|passin numero|id-kaart\w*|soc sec|αδτ|αριθμός ταυτότητας|"
    r"αριθμός διαβατηρίου|ταυτότητα\w*|διαβατήριο\w*|"
    # An office asks for "the number on the card": "die Nummer auf der Karte. Hier: …".
    r"number (?:on|of) (?:the |my )?card|nummer (?:auf|op) (?:der |de |mijn )?(?:karte|kaart)|"
    r"numer z karty|numéro (?:sur|de) (?:la |ma )?carte|numero (?:sulla|della) (?:mia )?tessera|"
    r"número (?:de|da) (?:la |mi |minha )?(?:tarjeta|carta|cartão)"
    r")\b"
)


@functools.cache
def _id_cue() -> re.Pattern[str]:
    # Its ninety words grouped by first letter: the same matches, scanned several times faster.
    return re.compile(by_first_letter(_ID_CUE_PATTERN, r"(?<![\w])", r"\b"), re.IGNORECASE)


# Every cue of _ID_CUE_PATTERN contains one of these.
_ID_CUE_STEMS = (
    "pass",
    "licen",
    "social",
    "insurance",
    "national",
    " id",
    "id ",
    "id-",
    "identi",
    "ni number",
    "sv-nummer",
    "personal",
    "tax",
    "document",
    "dokument",
    "permit",
    "person",
    "henkil",
    "hetu",
    "fødsel",
    "isikukood",
    "asmens",
    "rodné",
    "személyi",
    "adóazon",
    "kimlik",
    "αμκα",
    "αφμ",
    "emšo",
    "ausweis",
    "führer",
    "steuer",
    "versicher",
    "aufenthalt",
    "ahv",
    "carte",
    "numéro",
    "permis",
    "sécu",
    "titre",
    "pasaport",
    "carn",
    "seguridad",
    "cédula",
    "carta",
    "codice",
    "patente",
    "tessera",
    "permesso",
    "burger",
    "paspoort",
    "rijbewijs",
    "kaart",
    "verblijf",
    "dowód",
    "dowodu",
    "jazdy",
    "paszport",
    "cartão",
    "número",
    "aadha",
    "rijks",
    "gesundheit",
    "kranken",
    "tulo de resid",
    "tarjeta",
    "karta",
    "medicare",
    "licencia",
    "séjour",
    "afiliaci",
    "ni no",
    "perso",
    "legitymuj",
    "adóazon",
    "kod osob",
    "clave de",
    "_id",
    "doc_no",
    "pasnum",
    "passin",
    "soc sec",
    "αδτ",
    "αριθμός",
    "ταυτότητ",
    "διαβατήρ",
    "nummer auf",
    "number on",
    "number of",
    "nummer op",
    "numer z",
    "numéro sur",
    "numero sulla",
    "número de la",
    "número da",
)
# Acronyms that are also words ("nie" is Polish for "not", "pan" for "Mr", "tin", "permis"):
# only in capitals, or in a message written all in lower case for the unambiguous ones.
_ID_ACRONYM_WORDS = (
    "NIE|PAN|TIN|RG|NIP|TAJ|NAF|AFM|EGN|OIB|CNP|NSS|CPR|SSN|DNI|NIF|CPF|PESEL|BSN|"
    "NINO|AMKA|CNH|NISS|CURP|HETU|AHV|SV|NI|RUT|RUN|TCKN|JMBG|EMŠO|EMSO|PPSN|PPS|SIN|NHS|"
    "CUIT|CUIL|RFC|NIC|NRIC|SVNR|IDNR|OIB|ЕГН|ИНН|СНИЛС|CIE|CC|AVS|ITIN|CNI|KVNR|TFN|PIS|"
    "BRP|NIN|UTR|CCCD|RČ|INE|NIS|NISS"
)
_ID_ACRONYM = re.compile(
    by_first_letter(
        rf"(?:{_ID_ACRONYM_WORDS})\b",
        "",
        r"\b",
        case_sensitive=True,
        not_after=r"\w",  # no letter, digit or underscore before the acronym
    )
)
_ID_ACRONYM_LOWER = re.compile(
    r"(?<![\w])(?:ssn|nif|cpf|pesel|bsn|nino|amka|cnh|niss|curp|hetu|rg|rut|cnp|oib|egn|cpr|"
    r"afm|tckn|jmbg|ppsn|cuit|cuil|dni|avs|ahv|itin|cni|kvnr|tfn|nss)\b"
)
_ID_FILLER = frozenset(
    str.split(
        """
        is es ist est é c'est was war era number no nr num numer número numéro numero nummer
        my mein meine mon ma mi il mój moj o do da de the of code id card my his her sein ihr
        son sa su suo sua zijn haar jego jej seu sua nº n° no. nr. is: it's its reads lautet
        to jest ist är er on je n n. nro núm kimlik mine his hers μου είναι ο η
        hier here it eccolo ecco voici le la aquí está proszę oto
        """
    )
)
# A value: up to six runs of letters and digits, or digits typed one by one ("9 2 0 7 1 …").
_ID_VALUE = re.compile(
    r"\d(?: \d){8,15}(?![\w])|[A-Za-zΑ-Ω0-9]{1,20}(?:[ .\-/][A-Za-zΑ-Ω0-9]{1,20}){0,5}"
)
_ID_GAP_WORD = re.compile(r"[^\s:：#=()\[\]\"«»,?]+")
_NOT_ID_LETTERS = frozenset(["i", "a", "e", "o", "u", "y", "el", "la", "il", "le", "et", "en"])
_IP_LIKE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


_CARD_NUMBER_CUES = ("number ", "nummer ", "numer ", "numéro ", "numero ", "número ")
_NOT_ID_CARDS = frozenset(
    str.split(
        """
        policy group member membership customer account loyalty gift reward bonus club
        polizza póliza polis police apólice versicherungs kunden mitglieds
        """
    )
)


def _labelled_ids(text: str) -> list[Span]:
    """Numbers introduced as an identity document's: "Driver's licence no: D39090044"."""
    spans: list[Span] = []
    low = text.lower()
    lower_message = no_capitals(text, low)
    # The long cue pattern is slow to scan: only where one of its words can start.
    cued = stems_pattern(_ID_CUE_STEMS).search(low) is not None
    matches = list(_id_cue().finditer(text)) if cued else []
    matches += _ID_ACRONYM.finditer(text)
    if lower_message:
        matches += _ID_ACRONYM_LOWER.finditer(text)
    # "the number on the card" is an identity document's, not a policy's or a member's.
    matches = [
        m
        for m in matches
        if m.group()[:1] not in "nN"
        or not m.group().lower().startswith(_CARD_NUMBER_CUES)
        or _word_before(text, m.start()) not in _NOT_ID_CARDS
    ]
    cues = [m.end() for m in matches]
    starts = [m.start() for m in matches]
    for cue in sorted(set(cues)):
        found = _id_after(text, cue, lower_message)
        if found is not None:
            spans.append(("GOV_ID", *found))
            spans.extend(("GOV_ID", *s) for s in _id_siblings(text, *found))
    # The value before its cue: "is LXXZBA5F2 een geldig BSN?", "NXZ123456 is my passport".
    for cue in sorted(set(starts)):
        before = _id_before_cue().search(text, max(0, cue - 48), cue)
        if before is None or any(s <= before.start("v") < e for _, s, e in spans):
            continue
        value = before.group("v")
        digits = sum(c.isdigit() for c in value)
        if (
            (
                digits >= 7
                or _ID_VALUE_SHAPE.fullmatch(value)
                or _SERIES.fullmatch(value)
                and (value.isupper() or lower_message)
            )
            and not (_IP_LIKE.fullmatch(value) or _STRICT_DATE.fullmatch(value))
            and not _decoy_before(text, before.start("v"))
        ):
            spans.append(("GOV_ID", *before.span("v")))
    if "ssn" in low or "social" in low or "itin" in low or "soc sec" in low:
        # "… 864 21 1076 looks like a valid SSN?": the cue after the number. With the cue
        # in the message, an ITIN (9xx) or any area counts too: "mine is 931-81-8940".
        spans.extend(("GOV_ID", m.start(), m.end()) for m in _SSN_SPACED.finditer(text))
        spans.extend(
            ("GOV_ID", m.start(), m.end())
            for m in _SSN.finditer(text)
            if m.group(1) != "000" and m.group(3) != "0000"
        )
    return spans


_SSN_SPACED = re.compile(r"(?<![\w-])\d{3}[ ]\d{2}[ ]\d{4}(?![\w-])")


# A value, then at most five words, then the cue (which the search ends at). Compiled on
# first use, like the other long patterns, so that importing stays cheap.
@functools.cache
def _id_before_cue() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.\-/])(?P<v>\d{8} ?\d ?[A-Z0-9]{2}\d|\d[\d .\-]{5,16}\d(?:[ \-]?(?-i:[A-Z])\b)?|"
        r"[A-Z]{1,2}\d{2,4}(?:-\d{1,4}){2,5}|[A-Z]{3} \d{5,7}|[A-Z0-9]{6,12})"
        r"[\"')]?"
        r"(?:[ \t]*[,(][ \t]*|[ \t]+)(?:[^\W\d][\w'’]{0,13}[ \t]+){0,5}$",
        re.IGNORECASE,
    )


def _id_siblings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Values shaped like an id that follow it on its line: "ist N526530282, meine H782224517"."""
    value = text[start:end]
    if len(value) < 6:
        return []
    shape = "".join(
        r"\d" if c.isdigit() else "[A-Za-z]" if c.isalpha() else re.escape(c) for c in value
    )
    line_end = text.find("\n", end)
    stop = min(end + 60, line_end if line_end != -1 else len(text))
    return [m.span() for m in _shaped(shape).finditer(text, end, stop)]


@functools.lru_cache(maxsize=256)
def _shaped(shape: str) -> re.Pattern[str]:
    """A value of the given shape standing alone (compiled once per shape)."""
    return re.compile(rf"(?<![\w.\-/]){shape}(?![\w]|[.\-/]\w)")


_STRICT_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2}")


def _id_after(text: str, at: int, lower_message: bool) -> tuple[int, int] | None:
    """The id value after a label ending at ``at``, on its line or alone on the next one."""
    limit = min(len(text), at + 50)
    newlines = 0
    others = 0
    ended = False
    while at < limit:
        ch = text[at]
        if ch == "\n":
            newlines += 1
            if newlines > 1:
                return None
            at += 1
        elif ch.isspace() or ch in ":：#=-–—()[]\"'«»°º.,?":
            if ch in ".?" and at + 1 < len(text) and text[at + 1].isspace():
                ended = True
            at += 1
        elif ch.isdigit():
            break
        else:
            word = _ID_GAP_WORD.match(text, at)
            if word is None:
                return None
            low = word.group().lower().strip(".:,?")
            if any(c.isdigit() for c in low):
                break  # the value, perhaps with a letter prefix ("QOEX022108…", "n768-…")
            if low not in _ID_FILLER:
                if _ID_VALUE_SHAPE.fullmatch(word.group().rstrip(".,:?")) or _letter_id(
                    word.group().rstrip(".,:?")
                ):
                    break  # the value itself: "XQUSVBP8", "CP6UQDV0O", "FAMZWSSYT"
                if (
                    (
                        len(low) <= 2
                        and low not in _NOT_ID_LETTERS
                        and text[word.end() : word.end() + 2][:1] == " "
                        and text[word.end() + 1 : word.end() + 2].isdigit()
                    )
                    or _SERIES.match(text, word.start())
                    and (word.group().isupper() or lower_message)
                ):
                    break  # a series prefix: "yj 97 18 40 c", "MI 611194", "ZBZ 941946"
                others += 1
                if others > 2 or len(low) > 12 or newlines or ended:
                    return None
            at = word.end()
    if at >= limit:
        return None
    match = _ID_VALUE.match(text, at)
    if match is None:
        return None
    parts = re.split(r"([ .\-/])", match.group())
    # The number ends before a word inside the run ("75pa08918 or ce1r45v6h").
    for k in range(2, len(parts), 2):
        if len(parts[k]) > 2 and not any(c.isdigit() for c in parts[k]):
            parts = parts[: k - 1]
            break
    # Words after the number are not part of it ("… 12345678 y me", "… and asks"); a
    # single letter is (a check letter: "28832104-V", "yj 97 18 40 c").
    while len(parts) > 1 and not any(c.isdigit() for c in parts[-1]):
        check_letter = len(parts[-1]) == 1 and (
            parts[-2] != " " or parts[-3][-1:].isdigit() and parts[-1] not in _NOT_ID_LETTERS
        )
        if check_letter:
            break
        parts = parts[:-2]
    # Nor are words before it ("numaram 4350…", "I found 66526887672"), but a short
    # series prefix is ("MI 611194", "yj 97 18 40 c").
    while len(parts) > 1 and not any(c.isdigit() for c in parts[0]):
        prefix = (
            (len(parts[0]) <= 2 or _SERIES.fullmatch("".join(parts[:3])) is not None)
            and parts[0].lower() not in _ID_FILLER | _NOT_ID_LETTERS
            and (parts[0].isupper() or lower_message)
        )
        if prefix:
            break
        at += len(parts[0]) + len(parts[1])
        parts = parts[2:]
    value = "".join(parts).rstrip(" .-/")
    alnum = [c for c in value if c.isalnum()]
    digits = sum(c.isdigit() for c in alnum)
    # In a message written in lower case, so is the number: "ausweisnummer ht0hq8fw4".
    shaped = (
        _ID_VALUE_SHAPE.fullmatch(value.upper() if lower_message else value) is not None
        or _SERIES.fullmatch(value) is not None
        and (value.isupper() or lower_message)
        or _letter_id(value)
    )
    if not (5 <= len(alnum) <= 20 and (digits >= 4 or shaped)):
        return None
    if _IP_LIKE.fullmatch(value) or _STRICT_DATE.fullmatch(value):
        return None
    if _UK_TAX_CODE.fullmatch(value):
        return None  # a UK tax code ("tax code 1257L") tells the allowance, not the person
    if at and text[at - 1] == "+" or others and not (shaped or digits >= 7):
        return None
    # A NINO's last letter is one of A–D, also in lower case: "sn 11 09 94 a".
    tail = _NINO_LETTER.match(text, at + len(value))
    if tail is not None and _NINO.fullmatch((value + tail.group()).upper()):
        return at, tail.end()
    return at, at + len(value)


_UK_TAX_CODE = re.compile(r"(?:[SC])?\d{3,4}[LMNTKlmntk]")
_NINO_LETTER = re.compile(r" ?[A-Da-d]\b")


def _letter_id(value: str) -> bool:
    """A document number of capital letters only ("FAMZWSSYT"): no word of our languages."""
    return (
        8 <= len(value) <= 10
        and value.isalpha()
        and value.isascii()
        and value.isupper()
        and not is_known_word(value.lower())
    )


# A series of three letters and a number of six digits or so (Polish, Italian, Belgian
# identity cards, insurance numbers: "ZBZ 941946", "EYA 814734").
_SERIES = re.compile(r"[A-Za-z]{3} \d{5,7}(?![\w])|[Α-Ω]{2} ?\d{6}(?![\w])")
# A document number written as one word of capitals and digits: "XQUSVBP8", "829N251207".
_ID_VALUE_SHAPE = re.compile(r"(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,12}")


def _ssns(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _SSN.finditer(text):
        area, group, serial = match.groups()
        if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
            continue
        spans.append(("GOV_ID", match.start(), match.end()))
    return spans


def _national_numbers(text: str) -> list[Span]:
    """Bare 9- to 12-digit national ids: by check digit, or by a keyword before them."""
    spans: list[Span] = []
    for match in _DIGITS.finditer(text):
        raw = match.group()
        if _decoy_before(text, match.start()) or _IP_LIKE.fullmatch(raw):
            continue
        digits = re.sub(r"\D", "", raw)
        context = _near(text, match.start(), 40, _ID_WORDS, _ID_STEMS, _ID_PHRASES)
        n = len(digits)
        valid = (
            n == 11
            and (checksums.german_tax_id(digits) or checksums.pesel(digits))
            or n == 12
            and checksums.aadhaar(digits)
            and (" " in raw or context)
            or n == 9
            and checksums.dutch_bsn(digits)
            and (context or "." in raw)
            or n == 11
            and checksums.brazilian_cpf(digits)
            and context
        )
        spaced_ok = " " not in raw or n in (11, 12)
        if (
            valid
            and spaced_ok
            and (context or n != 11 or raw.isdigit() or " " in raw)
            or context
            and 8 <= n <= 12
            and raw.isdigit()
        ):
            spans.append(("GOV_ID", match.start(), match.end()))
    return spans


# -- dates of birth -------------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "januar|februar|märz|maerz|mai|juni|juli|oktober|dezember|"
    "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    "setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|"
    "settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|"
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
    "listopada|grudnia|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|"
    "dezembro"
)
_MONTHS = "|".join(sorted(_MONTHS.split("|"), key=len, reverse=True))
# Every date in words names one of these months as a whole word (a space or the text's edge
# before it, a word boundary after it): a text without one is not scanned for a date in words.
_MONTH_WORDS = frozenset(_MONTHS.split("|"))
# The same alternation grouped by first letter (the same matches: see alternation.py), as the
# patterns below spell it; a scan tries one group per word instead of every month.
_MONTH_GROUP = by_first_letter(f"(?:{_MONTHS})", "", "")
_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}|\d{4}/\d{1,2}/\d{1,2}"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})"
    r"|\d{1,2}[ \t][A-Z]{3}/[A-Z]{3}[ \t]\d{4}"
    rf"|(?:\d{{1,2}}|1er)(?:\.|º|ª|st|nd|rd|th)?\s+(?:de\s+)?{_MONTH_GROUP}\b\.?"
    r"(?:,?\s+(?:de\s+)?\d{4}(?:\s?r\.)?)?"
    rf"|{_MONTH_GROUP}\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
)
# Days written in words, in our eight languages: "the twenty-first of April", "ocho de
# marzo", "vingt-trois mars", "am dritten Mai", "dwudziestego pierwszego maja".
_DAY_WORDS = str.split(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    thirtieth twenty thirty one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen
    uno primero primer dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce
    quince dieciséis dieciseis diecisiete dieciocho diecinueve veinte veintiuno veintidós
    veintidos veintitrés veintitres veinticuatro veinticinco veintiséis veintiseis veintisiete
    veintiocho veintinueve treinta
    um primeiro dois três quatro sete oito nove dez onze doze treze quatorze quinze dezesseis
    dezasseis dezessete dezassete dezoito dezenove dezanove vinte trinta
    premier deux trois quatre cinq sept huit neuf dix seize vingt trente
    primo due tre quattro cinque sei otto dieci undici dodici tredici quattordici quindici
    sedici diciassette diciotto diciannove venti ventuno ventidue ventitré ventitre
    ventiquattro venticinque ventisei ventisette ventotto ventinove trenta trentuno
    erster ersten erste zweiten zweiter dritten dritter vierten vierter fünften fünfter
    sechsten siebten achten neunten zehnten elften zwölften dreizehnten vierzehnten
    fünfzehnten sechzehnten siebzehnten achtzehnten neunzehnten zwanzigsten dreißigsten
    eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde
    dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende twintigste
    dertigste twee drie vier vijf zes zeven negen tien elf twaalf dertien veertien vijftien
    zestien zeventien achttien negentien twintig dertig
    pierwszego drugiego trzeciego czwartego piątego szóstego siódmego ósmego dziewiątego
    dziesiątego jedenastego dwunastego trzynastego czternastego piętnastego szesnastego
    siedemnastego osiemnastego dziewiętnastego dwudziestego trzydziestego
    """
)
_DAY_WORD = "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
_DAY_GROUP = by_first_letter(f"(?:{_DAY_WORD})", "", "")
# German and Dutch compounds ("einundzwanzigsten", "eenentwintigste") and joined tens
# ("twenty-first", "vingt-et-un", "treinta y uno", "vinte e um").
_DAY_IN_WORDS = (
    rf"(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig)st(?:en|er|e)"
    rf"|(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n(?:twintig|dertig)(?:ste)?"
    rf"|{_DAY_GROUP}(?:(?:[ -](?:y|e|et)[ -]|-)[^\W\d_]+"
    rf"|\s(?:pierwszego|drugiego|trzeciego|czwartego|piątego|szóstego|siódmego|ósmego|"
    rf"dziewiątego))?)"
)
_DAY = rf"(?:\d{{1,2}}(?:\.|º|ª|st|nd|rd|th|er)?|{_DAY_IN_WORDS})"
# After the month ("October fourteenth", "March 3rd"): digits or English ordinals.
_DAY_AFTER_MONTH = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_YEAR = r"(?:\d{4}(?:\s?r\.)?)"
_WORD_DATE = (
    rf"(?<!\w)(?:the\s+)?{_DAY}\s+(?:(?:of|de|di|du)\s+)?"
    rf"{_MONTH_GROUP}\b\.?(?:,?\s+(?:(?:de|of|del)\s+)?{_YEAR})?"
    rf"|(?<!\w){_MONTH_GROUP}\b\.?\s+(?:the\s+)?{_DAY_AFTER_MONTH}\b(?:,?\s+{_YEAR})?"
)


# Compiled on first use: this long alternation takes tens of milliseconds to compile, and
# most messages never need it (the module's import stays cheap for start-up).
@functools.cache
def _word_date() -> re.Pattern[str]:
    return re.compile(_WORD_DATE, re.IGNORECASE)


_NUMERIC_DATE = re.compile(
    r"(?<![\d./-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}(?:[./-](?:\d{4}|\d{2}))?)"
    r"(?![\d]|[./-]\d)"
)


@per_message
def dates_in(text: str) -> list[tuple[int, int]]:
    """Every date in the text: numeric ("12-04-1949", "18.04", "1939-02-28") or in words."""
    out = []
    for match in _NUMERIC_DATE.finditer(text):
        parts = [int(p) for p in re.split(r"[./-]", match.group())]
        day_month = parts[1:] if parts[0] > 31 else parts[:2]
        if all(1 <= p <= 31 for p in day_month) and min(day_month) <= 12:
            out.append(match.span())
    if holds_word(text, _MONTH_WORDS):
        out.extend(m.span() for m in _word_date().finditer(text))
    return out


# A year written in words after a date: "twenty-third of May, nineteen eighty-one".
_YEAR_IN_WORDS = re.compile(
    r",?\s+(?:nineteen(?:\s+hundred(?:\s+and)?)?|two\s+thousand(?:\s+and)?|twenty)"
    r"(?:[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-][a-z]+))\b",
    re.IGNORECASE,
)


def date_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole date a birth-date finding is part of, or the finding itself.

    "twenty-first" found alone becomes "the twenty-first of April 2003".
    """
    window_start = max(0, start - 40)
    window_end = min(len(text), end + 40)
    if not may_hold_word(text[window_start:window_end], _MONTH_WORDS):
        return start, end
    for match in _word_date().finditer(text, window_start, window_end):
        if match.start() < end and start < match.end():
            start, end = min(start, match.start()), max(end, match.end())
            break
    # A year in words after a date in words: "twenty-third of May, nineteen eighty-one".
    if text[end - 1 : end].isalpha() and (year := _YEAR_IN_WORDS.match(text, end)) is not None:
        end = year.end()
    return start, end


# The lookahead on the first letters (those of every word below, in any case) lets the scan
# skip most positions without trying each word there: the same matches, found faster.
_BIRTH_CUE = (
    r"(?=[abcdgjnuv])(?:born|birthdays?|birth date|date of birth|dob|d\.o\.b\.?|birthdate|b-day|"
    r"bi(?:rht|trh)(?:day|date)?|brith(?:day|date)?|date of bi(?:rht|trh)|"
    r"bday|b'day|"
    r"geboren|geburtstag|geburtsdatum|geb\.|"
    r"né|née|naissance|anniversaire|anniv(?![\w-])(?!\s+de\s+mariage)|níver|"
    r"nací|nació|nacido|nacida|nacimiento|cumpleaños|"
    r"nato|nata|nascita|compleann[oi]|cumples|anniversaires|"
    r"geboortedatum|verjaardag(?:en)?|jarig|"
    r"urodził\w*|urodzon\w*|urodzin\w*|urodzenia|(?<!\w)ur\.|"
    r"nasci|nascido|nascida|nascimento|aniversário)"
)
_DOB_AFTER = re.compile(
    # a whole word: "consegnato entro il 30 settembre" holds no "nato"
    r"(?<![^\W\d_])"
    + _BIRTH_CUE
    + r"(?:\b|(?<=\.))[^.!?\n\d]{0,25}?(?P<date>"
    + _DATE
    # a day and month without the year: "her birthday is on 12/12"
    + r"|(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])(?![./]?\d)"
    r"(?!\s*(?:€|\$|£|eur|euro|usd|gbp|chf|zł|pln|kr|r\$)))(?![\d])",
    re.IGNORECASE,
)
_DOB_BEFORE = re.compile(r"(?<![\d])(?P<date>" + _DATE + r")\s+(?:geboren|born)\b", re.IGNORECASE)


_BIRTH_HINTS = (
    "born",
    "birht",
    "bitrh",
    "brith",
    "compleanni",
    "cumples",
    "birth",
    "dob",
    "d.o.b",
    "geb",
    "né ",
    "née",
    "né l",
    "naiss",
    "anniv",
    "nací",
    "nacid",
    "nacim",
    "nació",
    "cumple",
    "nato ",
    "nata ",
    "nascit",
    "compleanno",
    "jarig",
    "verjaardag",
    "urodz",
    "nasc",
    "aniver",
    "né(",
    "né,",
    "bday",
    "b-day",
    "b'day",
    "níver",
    "nac.",
    "naci",
    "ur.",
    "b.",
    "baby",
)
# Ages also speak of a birth, more loosely: enough to keep a date the tagger found.
_AGE_HINTS = ("years old", "jahre alt", "age ", "jaar oud", "lat ", "anni", "años", "anos", " ans")


# A birth spoken of in so many words (whole words: "consegnato" and "z. B." are no birth).
_BIRTH_WORDS = re.compile(
    r"\b(?=[abcdgjnuv])(?:born|birth\w*|bi(?:rht|trh)\w*|brith\w*|dob|d\.o\.b|geb\.|geboren|"
    r"geburt\w*|né|née|naissance|anniversaires?|nací|naciste|nació|nacid[oa]s?|nacimiento|nac\.|"
    r"cumpleaños|cumples|nat[oa] (?:il|a|nel)|nascit[ao]|compleann[oi]|jarig|verjaardag(?:en)?|"
    r"geboorte\w*|urodz\w*|"
    r"ur\.|nasci\w*|nasceu|aniversário|bday|b-day|baby)(?!\w)",
    re.IGNORECASE,
)


# Every match of _BIRTH_WORDS holds one of these (a message with none is not scanned).
_BIRTH_WORD_STEMS = (
    "born", "birth", "dob", "d.o.b", "geb", "né", "naissance", "anniversaire", "nac",
    "cumpleaños", "nat", "nasc", "compleann", "jarig", "verjaardag", "geboorte", "urodz",
    "ur.", "aniversário", "bday", "b-day", "baby", "birht", "bitrh", "brith", "cumples",
)  # fmt: skip


def speaks_of_birth(text: str) -> bool:
    """Whether the message names a birth or birthday in so many words (any language)."""
    return may_contain(text, _BIRTH_WORD_STEMS) and _BIRTH_WORDS.search(text) is not None


def birth_hint(text: str, *, ages: bool = False) -> bool:
    """Whether the message speaks of a birth or birthday anywhere (any language).

    With ``ages``, a person's age counts too ("12 years old", "ha 40 anni").
    """
    low = text.lower()
    return (
        any(hint in low for hint in _BIRTH_HINTS)
        or ages
        and any(hint in low for hint in _AGE_HINTS)
    )


# Every match of _DOB_AFTER, _DOB_BEFORE and _BIRTH_CUE_RE holds one of these.
_BIRTH_CUE_STEMS = (
    "born", "birth", "dob", "d.o.b", "geb", "né", "naissance", "anniversaire", "nac",
    "cumpleaños", "nat", "nasc", "compleann", "geboortedatum", "verjaardag", "jarig",
    "urodz", "aniversário", "bday", "b-day", "b'day", "birht", "bitrh", "brith", "cumples",
    "ur.", "anniv", "níver",
)  # fmt: skip


# A birthday told by the age reached on it: "turns 80 on 25/01", "wird am 3. Mai 40".
_TURNS_STEMS = (
    "turn", "wird", "cumple", "compie", "wordt", "kończy", "fait", "faz", "ll be", "cumpli",
    "werd", "skończy", "fez", "fyll", "ans", "γίνεται",
)  # fmt: skip


@functools.cache
def _turns_on() -> re.Pattern[str]:
    return re.compile(
        r"(?:(?:\b(?:turns?|turning|turned|wird|cumple|cumplo|cumplió|cumplio|compie|wordt|werd|"
        r"kończy|skończył[ao]?|skończy|fyller|fylte|fyllde|γίνεται|έγινε)"
        # a person's age, not a price: "Mum will be 80 on", "She'll be 70 on"
        r"|(?:\b(?:he|she|they|i|you|we)|\b(?-i:[A-Z])[^\W\d_]+)(?:\s+will|['’]ll)\s+be)\s+"
        r"(?:\d{1,3}(?:\s+(?:years?|jahre|años|anni|jaar|lat|anos|ans|år))?|años|anos|anni)\s+"
        # French and Portuguese with the word for years: "a eu 40 ans le", "fez 40 anos em"
        r"|\b(?:a|a eu|aura|fête ses|fêtera ses|fait|fez|faz|fará|completa|completou)\s+"
        r"\d{1,3}\s+(?:ans|anos)\s+)"
        r"(?:(?:on|am|el|il|op|le|em|w|dnia|the|den|dia|στις)\s+)*(?P<date>"
        # perhaps the weekday first: "turning 30 on Friday the 21st"
        r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:"
        + _DATE
        # a day and month in numbers: "turned 40 on 7/9", "werd 40 op 23-05"
        + r"|\d{1,2}(?:[./]\d{1,2}|-(?:0[1-9]|1[0-2]))(?![./-]?\d)"
        # "turns 6 on 17th of October", "on the third of March", "26 kwietnia"
        + r"|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+of\s+"
        + _MONTH_GROUP
        + r"\b|\d{1,2}\.?\s(?:"
        + _MORE_MONTHS
        + r")(?!\w)|the\s+\d{1,2}(?:st|nd|rd|th)\b|(?:the\s+)?(?:"
        + _DAY_WORD
        + r")\s+of\s+"
        + _MONTH_GROUP
        + r"\b))",
        re.IGNORECASE,
    )


# What reaches an age and has no birth date of a person: "the company turns 25 on", "mi perro
# cumple 3 años el", "the temperature turned 30 on".
_NOT_A_PERSON = re.compile(
    r"\b(?:company|firm|business|shop|store|club|school|blog|channel|brand|website|app|"
    r"temperature|dog|cat|puppy|kitten|pet|firma|empresa|azienda|entreprise|bedrijf|"
    r"hund|katze|perro|perra|gato|gata|chien|chienne|chat|chatte|cane|gatto|hond|kat|pies|"
    r"kot|cachorro|cachorra)\W+(?:\w+\W+)?$",
    re.IGNORECASE,
)


# A birthday told by the age it marks: "Ama's 40th is on 9 November", "her 80th on 3 March".
_NTH_ON = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)(?:\s+birthday)?(?:\s+is)?\s+on\s+(?P<date>(?:the\s+)?(?:"
    + _DATE
    + r")|\d{1,2}[./]\d{1,2}(?![./]?\d)|the\s+\d{1,2}(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
_NTH_ON_GATE = re.compile(r"\d(?:st|nd|rd|th)\s", re.IGNORECASE)


def _dates_of_birth(text: str) -> list[Span]:
    spans: list[Span] = []
    low = text.lower()
    if may_contain(text, _TURNS_STEMS, low):
        spans.extend(
            ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
            for m in _turns_on().finditer(text)
            # With a recent year it is an anniversary: "the firm turns 25 on 1 May 2026".
            if not any(int(y) >= 2010 for y in re.findall(r"\d{4}", m.group("date")))
            # a company's, a pet's or the weather's: "The company turns 25 on 1 October"
            and _NOT_A_PERSON.search(text, max(0, m.start() - 24), m.start()) is None
        )
    if _NTH_ON_GATE.search(text) is not None:
        spans.extend(
            ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
            for m in _NTH_ON.finditer(text)
            if not any(int(y) >= 2010 for y in re.findall(r"\d{4}", m.group("date")))
        )
    if any(hint in low for hint in _BIRTH_HINTS) and may_contain(text, _BIRTH_CUE_STEMS, low):
        _cued_dates_of_birth(text, low, spans)
    spans.extend(_more_dates_of_birth(text, low, spans))
    if spans:
        spans = [span for span in spans if not public_birth(text, span[1], span[2])]
    return spans


# A birth date before 1900, or one right after a public or fictional figure's name in the same
# sentence ("Victor Hugo est né le 26 février 1802", "Harry Potter's birthday is 31 July"), is
# that figure's, unless a private person comes between ("Mozart and my son share 27 January").
_OLD_YEAR = re.compile(r"(?<!\d)1[0-8]\d\d(?!\d)")
_FIGURE_GAP = 60
_NAME_GOES_ON = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]")
_FIGURE_BREAK = re.compile(r"\n|[.!?;](?:[ \t]|$)")
_PRIVATE_BETWEEN = re.compile(
    r"(?i:\b(?:my|mine|our|me|i|i'm|mein\w*|unser\w*|mon|ma|mes|notre|nos|moi|mi|mis|mío|mía|"
    r"nuestr\w*|mio|miei|nostr\w*|meu|minha|noss\w*|mijn|onze|ons|moj\w*|mój|nasz\w*|"
    r"and|und|et|y|e|en|oraz|same|like|wie|comme|como|come|als|jak)\b)|&"
)

# The figure's own birth or birthday is spoken of between its name and the date, and no form
# or document ("My Spanish birth certificate says …", "Czech birth number", "date of birth").
_FIGURE_BIRTH = re.compile(
    r"(?i:born|birth|geboren|geburtstag|verjaardag|jarig|née?\b|nascid|nasceu|nato|nata|"
    r"nacid|nació|urodzi|urodzin|compleanno|cumpleaños|anniversaire|aniversário|aniversario)"
)
_BIRTHDAY_OF = re.compile(
    r"(?i:birthday of|cumpleaños de|compleanno di|anniversaire de|geburtstag von|"
    r"verjaardag van|urodziny|aniversário de|aniversario de|nascimento de|nacimiento de|"
    r"nascita di|naissance de|geburt von|geboorte van)[ \t]+$"
)
_DOCUMENT_BETWEEN = re.compile(
    r"(?i:certif|passport|pass\b|number|nummer|numer|número|numéro|form|date|datum|data|"
    r"fecha|akte|acta|certidão)"
)


def public_birth(text: str, start: int, end: int) -> bool:
    """Whether the birth date at ``text[start:end]`` is a public or fictional figure's."""
    first = lexicon().first_names
    lower_case = no_capitals(text)
    figures = [
        (s, e)
        for s, e in public_spans(text)
        if e - s > 1
        and (text[s].isupper() or lower_case and " " in text[s:e])
        and not _after_first_name(text, s)
        # "Juan Carlos", "Li Na": two first names may be anyone's ("Rembrandt" is his)
        and not (" " in text[s:e] and all(word.lower() in first for word in text[s:e].split()))
        # a name that goes on ("Li Na Lin") or one's own ("mi abuela Li Na") is a private one
        and _NAME_GOES_ON.match(text, e) is None
        and _PRIVATE_BETWEEN.search(text, max(text.rfind("\n", 0, s) + 1, s - 24), s) is None
    ]
    if not figures:
        return False
    if _OLD_YEAR.search(text, start, end) is not None:
        return True  # no one alive was born then (a great-grandparent's date names no figure)
    for s, e in figures:
        if e <= start <= e + _FIGURE_GAP:
            between = text[e:start]
            # the birth spoken of after the name, or before it ("el cumpleaños de Harry Potter")
            birth = _FIGURE_BIRTH.search(between) or _BIRTHDAY_OF.search(text, max(0, s - 24), s)
            if (
                birth is not None
                and _FIGURE_BREAK.search(between) is None
                and _PRIVATE_BETWEEN.search(between) is None
                and _DOCUMENT_BETWEEN.search(between) is None
            ):
                return True
    return False


def _after_first_name(text: str, start: int) -> bool:
    """Whether a first name stands right before ``start`` ("Lisa" of "Lisa Kant")."""
    before = text[max(0, start - 30) : start]
    words = before.split()
    word = words[-1].lstrip("\"'(«„“") if words else ""
    return (
        before.endswith((" ", "\t"))
        and word[:1].isupper()
        and word.lower() in lexicon().first_names
    )


def _cued_dates_of_birth(text: str, low: str, spans: list[Span]) -> None:
    """Dates after (or before) a birth word of the eight languages, added to ``spans``."""
    for pattern in (_DOB_AFTER, _DOB_BEFORE):
        if pattern is _DOB_BEFORE and not may_contain(text, ("born", "geboren"), low):
            continue  # the slowest scan of all, and it needs one of these words after the date
        for match in pattern.finditer(text):
            spans.append(("DATE_OF_BIRTH", *date_around(text, *match.span("date"))))
    # A date in words after a birth cue: "born the twenty-sixth of June 1968".
    for cue in _BIRTH_CUE_RE.finditer(text):
        gap = _DOB_GAP.match(text, cue.end())
        if gap is None:
            continue
        date = _word_date().match(text, gap.end())
        if date is None:
            following = _NEXT_WORD.match(text, gap.end())
            if following is not None:
                date = _word_date().match(text, following.end())
        if date is not None:
            spans.append(("DATE_OF_BIRTH", date.start(), date.end()))
        elif _LINE_END.match(text, cue.end()):
            # A form's label alone on its line, the value on the next, perhaps after the
            # place: "Luogo e data di nascita⏎San Massimo, 15-03-1975".
            line_start = text.index("\n", cue.end()) + 1
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end == -1 else line_end
            below = [d for d in dates_in(text[line_start:line_end]) if d[0] <= 40]
            if below:
                spans.append(("DATE_OF_BIRTH", line_start + below[0][0], line_start + below[0][1]))


_LINE_END = re.compile(r"[ \t:]*\n")

# -- birth dates the cues above miss -------------------------------------------------------
# Labels in further languages and in data ("syntymäaika", "født", "datum narození",
# "ημερομηνία γέννησης", "дата рождения", "birth_date": in JSON), with the date forms such
# forms use ("12.VI.1994", "24. 3. 1949", "28. lokakuuta 1980", "24 Ιανουαρίου 1958").
_MORE_CUE_STEMS = (
    "birth_", "birth-", "dateofbirth", "date_of_birth", "birthdate", "syntym", "født", "fødd",
    "född", "föd", "fødsel", "γένν", "γεννή", "naroz", "narod", "szület", "szül.", "naște",
    "nascut", "născut", "doğum", "doğdu", "рожд", "родил", "rođen", "rođenja", "rojen",
    "roj.", "urodz", "ur.", "dob", "geb", "born", "nascim", "nacim", "nascita", "naiss",
    "nasc", "nac", "nato", "nata", "né", "nació", "naci", "birth", "geburtstag",
    "synty", "nar.", "ddn", "dn", "f.n", "f. n",
)  # fmt: skip
# Every match of _answered holds one of these.
_ASKED_STEMS = (
    *_BIRTH_CUE_STEMS, "naci", "nasce", "urodzil", "nato", "nata", "geburtstag", "doğum",
    "naroz", "szület", "fødsel", "födelse", "fyller", "syntym",
)  # fmt: skip
# Every match of _birthday_is holds one of these.
_BIRTHDAY_IS_STEMS = (
    "birthday", "compleanno", "cumple", "anniversaire", "aniversário", "verjaardag",
    "urodziny", "geburtstag", "compie", " ans", "anos",
)  # fmt: skip
_MORE_MONTHS = (
    # Finnish, Greek (genitive), Czech and Slovak (genitive), Scandinavian, Russian,
    # Turkish, Hungarian, Croatian, Romanian.
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|"
    "elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|"
    "ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|μαίου|ιουνίου|ιουλίου|αυγούστου|"
    "σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου|"
    "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|"
    "januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|"
    "decembra|"
    "januar|februar|marts|mars|april|maj|mai|juni|juli|august|augusti|september|oktober|"
    "november|december|desember|"
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    "ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    "január|február|március|április|május|június|július|augusztus|szeptember|október|"
    "siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|"
    "studenoga|prosinca|"
    "ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|"
    "decembrie"
)
_MORE_DATE = (
    # a day with a degree sign or no space after its dot: "1° gennaio 2000", "3.August 1999"
    rf"(?:\d{{1,2}}°\s?|\d{{1,2}}\.){_MONTH_GROUP}\b(?:\s+\d{{4}})?"
    # a Roman month: "12.VI.1994", "3 XII 1950"
    r"|\d{1,2}[. ]\s?(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2}|X)[. ]\s?\d{4}"
    # spaced dots: "24. 3. 1949"
    r"|\d{1,2}\.\s\d{1,2}\.\s?\d{4}"
    # a month word of another language: "28. lokakuuta 1980", "24 Ιανουαρίου 1958"
    rf"|\d{{1,2}}\.?\s(?:{_MORE_MONTHS})(?!\w)(?:\s\d{{4}})?"
    # year first (Hungarian, ISO-like with dots or spaces): "1980. október 28."
    rf"|\d{{4}}\.\s(?:{_MORE_MONTHS})\s\d{{1,2}}\.?"
    # Hungarian with numbers, or the month first: "1961. 08. 10.", "január 26."
    r"|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?"
    rf"|(?:{_MORE_MONTHS})\s\d{{1,2}}\.(?!\d)"
)


_WORD_DATE_NO_LOOKBEHIND = _WORD_DATE.replace("(?<!\\w)", "")
# The dates these rules read: the new shapes above and the usual ones, with or without words.
_SHAPED_DATE = _MORE_DATE + r"|" + _DATE
_ANY_DATE = _WORD_DATE_NO_LOOKBEHIND + r"|" + _SHAPED_DATE
# The birth words of the questions below, with the forms people type without accents.
_ASKED_CUE = (
    r"(?<![^\W\d_])(?:" + _BIRTH_CUE + r"|naciste|nasceu|nasceste|urodzil\w*|nato|nata|geburtstag|"
    r"data de nascimento|fecha de nacimiento|doğum günü\w*|narozeniny|születésnap\w*|"
    r"fødselsdag|födelsedag|fyller du år|syntymäpäivä\w*)"
)


@functools.cache
def _more_cues() -> re.Pattern[str]:
    return re.compile(
        r"(?:\b(?:birth[_\s-]?date|date[_\s-]?of[_\s-]?birth|dateofbirth|d\.?o\.?b\.?|"
        r"syntymäaika|syntymäpäivä|syntynyt|syntyi|født|fødd|född|födelsedatum|födelsedag|"
        r"fødselsdato|fødselsdag|γέννησης|γεννήθηκε|γεννημένος|γεννημένη|"
        r"datum narození|narozen[aáý]?|narodil[a]?|dátum narodenia|narodený|narodená|"
        r"született|születési idő|szül\.|data nașterii|data nasterii|născut[ăa]?|nascut[ăa]?|"
        r"doğum tarihi|doğdu|дата рождения|родил(?:ся|ась)|datum rođenja|rođen[a]?|"
        r"datum rojstva|rojen[a]?|data urodzenia|urodzon[ayi]|urodził[a]?|ur\.|geb\.|geboren|"
        r"born|né|née|nato|nata|nacid[oa]|nascid[oa]|data di nascita|data de nascimento|"
        r"fecha de nacimiento|date de naissance|nasceu|nasceste|naceu|nato/a|nata/o|"
        r"né\(e\)|nasc\.|nac\.|urodzil[aeiy]?|geb|"
        # fourteenth pass: more birth verbs, "narozeniny" (a birthday), form abbreviations
        # ("DN: …" in Portuguese, "DDN : …" in French, "F.N." in Spanish, Czech "nar.")
        r"nació|nací|nasci|föddes|fødte|narozeniny|nar\.|születési dátum|ddn|f\.\s?n\.|"
        r"(?-i:DN)(?=\s?:)))"
        # a format after the label: "Date of Birth (DD/MM/YYYY): 21 I 1957"
        r"(?:\s*\((?-i:[DMYJATdmyjat/.\- ]){4,14}\))?"
        # perhaps the place first: "Nata/o a Lunetta il 24 maggio 1996"
        r"(?:\s+(?:a|à|in|en|em|w|at)(?:\s+[^\W\d_][\w'’-]*){1,3},?\s+"
        r"(?=(?:il|le|el|em|on|am|op|dnia)\s))?"
        r"[\"'\s:=\-–,(]{0,6}"
        r"(?:(?:on|am|le|el|il|em|op|dnia|the|den|dne|dia|a|em|się|sie|στις|στη)\b[\s:]{1,4})?"
        r"(?P<date>" + _ANY_DATE + r")(?!\d)",
        re.IGNORECASE,
    )


# A time of birth between the cue and the date: "born at 23:58 on 30 June 2024".
@functools.cache
def _born_at() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:born|geboren|née?|nat[oa]|nacid[oa]|nascid[oa]|urodził[a]?|urodzon[ay])\s+"
        r"(?:at|um|à|alle|a las|às|om|o)\s+\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?,?\s+"
        r"(?:(?:on|am|le|il|el|em|op|dnia|the)\s+)*(?P<date>" + _DATE + r")(?!\d)",
        re.IGNORECASE,
    )


# The answer to a question about a birth: "¿Cuándo naciste? — El 3 de mayo de 1980",
# "Fecha de nacimiento? 07/03/1951", "Kiedy urodził się? Według aktu: 5 kwietnia 1980".
@functools.cache
def _answered() -> re.Pattern[str]:
    return re.compile(
        _ASKED_CUE + r"(?:\b|(?<=\.))[^.!?\n\d]{0,40}\?[\s—–:\-]*(?:[^\W\d_][\w'’.]*[\s,:]+){0,5}?"
        r"(?P<date>"
        + _ANY_DATE
        + r"|(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])(?![./]?\d))(?!\d)",
        re.IGNORECASE,
    )


# Someone's birthday is a date: "il compleanno di Marina Manacorda è il 23 gennaio 1969",
# "el cumple de María Luisa es el 16 febrero", "compie gli anni il 1 agosto 2006",
# "aura 80 ans le 25 juin", "Pilar cumple el 25 de julio".
@functools.cache
def _birthday_is() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:(?:birthday|compleanno|cumpleaños|cumple|anniversaire|aniversário|verjaardag|"
        r"urodziny|geburtstag)\s+(?:of|de|di|del|della|van|von|do|da|du|des|d'|d’)\s*"
        r"(?:[^\W\d_][\w'’-]*\s+){1,3}?"
        r"(?:is|es|è|est|ist|é|c'est|c’est|was|era|fue|war|falls on|cae el)"
        r"|compie\s+(?:gli\s+anni|\d{1,3}\s+anni)|cumple(?:\s+\d{1,3}(?:\s+años)?)?"
        r"|(?:aura|a)\s+\d{1,3}\s+ans|fait\s+\d{1,3}\s+anos)"
        r"\s+(?:(?:the|on|el|il|le|am|op|dia|a|o|em)\s+)*"
        r"(?P<date>" + _SHAPED_DATE + r"|(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])(?![./]?\d))"
        r"(?!\d)",
        re.IGNORECASE,
    )


# The birth word after the date: "ist am elften Mai 1962 geboren", "hat am 22. September 2011
# Geburtstag", "the date 6th of July 1976 (my date of birth)".
@functools.cache
def _date_then_cue() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?P<date>"
        + _ANY_DATE
        + r")\s*(?:geboren|geburtstag|\(\s*(?:my|his|her|their|our)\s+"
        r"(?:date of birth|birth ?date|dob|birthday)\s*\))",
        re.IGNORECASE,
    )


# A list under a heading of birthdays: "Geburtstage im Verein:⏎Kathleen – 20. November",
# "class birthdays this term: Ayla 12 Jan, Boaz 28 Jan" (to the first blank line).
_BIRTHDAY_LIST = re.compile(
    r"\b(?:birthdays|birthday (?:list|calendar|reminders?)|geburtstage|compleanni|cumpleaños|"
    r"cumples|anniversaires|aniversários|verjaardagen|urodziny|dates of birth|"
    r"geburtsdaten)\b[^\n:]{0,30}:",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<![\d\s])[.!?](?=\s|$)")
# More dates after a birth date, joined to it: "me: 22/01/1973, Wendy: 02/07/1950".
_CHAIN = re.compile(
    r"\s*(?:[,;&]|\b(?i:and|und|et|y|e|en|i)\b)\s*"
    # then a name or a label: "Wendy: ", "Paul ", "dad: "
    r"(?:[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’.-]*\s*:?\s*|[^\W\d_][\w'’.-]*\s*:\s*"
    # or "mine", "el mío", "le mien", "el de mi madre": "… y el mío el 25 de abril"
    r"|(?i:(?:el|la|le|il|o|a|het|de)\s+)?(?i:mío|mía|mio|mia|mien|mienne|mine|meu|minha|"
    r"mijne|meiner|meins|mój|moje|(?:de|di|do|da)\s+(?:mi|mon|ma|mio|mia|meu|minha)\s+[^\W\d_]+)"
    r"\s+(?i:(?:el|le|il|o|a|on|is|es|est|é|è|op|am|dia|the)\s+)*){0,2}?(?=\d)",
)


# A birth-date label, and the date at the start of the next sentence: "the form wants DOB for
# me and my husband. me: 22/01/1973", "asks my date of birth. Mine is 14/03/1966".
@functools.cache
def _next_sentence() -> re.Pattern[str]:
    return re.compile(
        r"(?<![^\W\d_])(?:dates? of birth|dob|d\.o\.b|birth ?dates?|geburtsdat(?:um|en)|"
        r"date de naissance|fecha de nacimiento|data di nascita|data de nascimento|"
        r"geboortedatum|data urodzenia)\b[^.!?\n\d]{0,60}[.!?]\s+"
        r"(?:[^\W\d_][\w'’]*\s*:\s*|(?:mine|it|his|hers|theirs)(?:['’]s|\s+is|\s+was)\s+)"
        r"(?P<date>" + _SHAPED_DATE + r")(?!\d)",
        re.IGNORECASE,
    )


# Every match of _next_sentence holds one of these.
_NEXT_SENTENCE_STEMS = (
    "birth", "dob", "d.o.b", "geburtsdat", "naissance", "nacimiento", "nascita", "nascimento",
    "geboortedatum", "urodzenia",
)  # fmt: skip


# German word order, the age after the date: "Oma wird am 6.5.1966 80" (or "am 3. Mai 40").
_WIRD_AM = re.compile(
    r"\b(?:wird\s+am|wordt\s+op|(?:ist|bin|bist|sind)\s+am)\s+(?P<date>"
    + _DATE
    + r"|\d{1,2}[./]\d{1,2}(?![./]?\d))\s+\d{1,3}(?:\s+jahre)?\b(?![./:])"
    # "ist am 18. April 40 geworden": the past needs its participle
    r"(?:(?<=\d)|(?<=jahre))(?:\s+(?:alt\s+)?geworden)?",
    re.IGNORECASE,
)
# The star for "born" in German CVs and notes: "* 6. November 1975 in Hannover", "Kind
# (*15.05.2017)" (a Markdown bullet before a date has neither the bracket nor the place).
_BIRTH_STAR = re.compile(
    r"(?:\(\s?\*\s?(?P<bracketed>" + _DATE + r")\s?\)"
    r"|(?<![^\n])\*\s?(?P<date>"
    + _DATE
    + r")\s+in\s+(?-i:[A-ZÄÖÜ])|(?<![^\n])\*\s?(?P<lower>"
    + _DATE
    + r")\s+in\s+[a-zäöü]+(?=\n|$))",
    re.IGNORECASE,
)
# A child named with the birth date in brackets: "our son Maricel (06/10/2012)".
_CHILD_BRACKET = re.compile(
    r"\b(?:son|daughter|baby|child|kid|grandson|granddaughter|newborn|sohn|tochter|enkel|"
    r"fils|fille|hijo|hija|figlio|figlia|filho|filha|zoon|dochter|syn|córka|córki|syna)"
    r"(?:\s+[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'-]+){1,3}\s*\(\s*(?:b\.|born|geb\.|née?|\*)?\s*"
    r"(?P<date>\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\s*\)"
)
# Birth words as people mistype them (one letter swapped, doubled, dropped or wrong):
# "bonr 14th of May 1989", "ncaida el 25.8.1953", "data de nascmiento".
_TYPO_TARGETS = (
    "born", "birth", "birthday", "birthdate", "nacida", "nacido", "nacimiento", "nascimento",
    "nascita", "nascido", "nascida", "geboren", "geburtstag", "geburtsdatum", "urodzona",
    "urodzony", "urodzenia", "naissance", "geboortedatum", "compleanno", "cumpleaños",
)  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]+")


def _one_edit(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` mistyped once.

    One letter swapped with the next, or (for words of six letters or more) one letter
    added, dropped or changed.
    """
    if word == target:
        return False
    n, m = len(word), len(target)
    if n == m:
        diff = [i for i in range(n) if word[i] != target[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]]
        return len(diff) == 1 and m >= 6
    if m < 6 or abs(n - m) != 1:
        return False
    short, long_ = (word, target) if n < m else (target, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _mistyped_cue(text: str, start: int) -> bool:
    """Whether a mistyped birth word stands just before ``start`` on the same sentence."""
    window = text[max(0, start - 30) : start]
    cut = max(window.rfind(c) for c in ".!?")
    window = window[cut + 1 :]
    for word in _WORD_RE.findall(window.lower()):
        if len(word) >= 4 and any(
            abs(len(word) - len(t)) <= 1 and word[0] == t[0] and _one_edit(word, t)
            for t in _TYPO_TARGETS
        ):
            return True
    return False


def _more_dates_of_birth(text: str, low: str, found: list[Span]) -> list[Span]:
    """Birth dates in the forms the rules above miss (see the patterns above)."""
    spans: list[Span] = []
    if may_contain(text, _MORE_CUE_STEMS, low):
        for match in _more_cues().finditer(text):
            spans.append(("DATE_OF_BIRTH", *date_around(text, *match.span("date"))))
        if ":" in text or "." in text or "h" in low:
            spans.extend(
                ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
                for m in _born_at().finditer(text)
            )
        if "geb" in low or "birth" in low or "dob" in low:
            spans.extend(
                ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
                for m in _date_then_cue().finditer(text)
            )
    if "?" in text and may_contain(text, _ASKED_STEMS, low):
        spans.extend(
            ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
            for m in _answered().finditer(text)
        )
    if may_contain(text, _NEXT_SENTENCE_STEMS, low):
        spans.extend(
            ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
            for m in _next_sentence().finditer(text)
        )
    if may_contain(text, _BIRTHDAY_IS_STEMS, low):
        spans.extend(
            ("DATE_OF_BIRTH", *date_around(text, *m.span("date")))
            for m in _birthday_is().finditer(text)
            if _NOT_A_PERSON.search(text, max(0, m.start() - 24), m.start()) is None
        )
    if ":" in text:
        for heading in _BIRTHDAY_LIST.finditer(text):
            blank = text.find("\n\n", heading.end())
            stop = min(len(text), heading.end() + 600, len(text) if blank == -1 else blank)
            # or at a sentence's end (not the dot of "4. März")
            full_stop = _SENTENCE_END.search(text, heading.end(), stop)
            stop = stop if full_stop is None else full_stop.start()
            spans.extend(
                ("DATE_OF_BIRTH", *date_around(text, heading.end() + a, heading.end() + b))
                for a, b in dates_in(text[heading.end() : stop])
            )
    if "wird am" in low or "wordt op" in low or " am " in low and "geworden" in low:
        spans.extend(
            ("DATE_OF_BIRTH", *m.span("date"))
            for m in _WIRD_AM.finditer(text)
            if (
                not m.group().lower().startswith(("ist", "bin", "sind"))
                or m.group().endswith("geworden")
            )
            and _NOT_A_PERSON.search(text, max(0, m.start() - 24), m.start()) is None
        )
    if "(" in text:
        spans.extend(("DATE_OF_BIRTH", *m.span("date")) for m in _CHILD_BRACKET.finditer(text))
    if "*" in text:
        for m in _BIRTH_STAR.finditer(text):
            group = next(g for g in ("bracketed", "date", "lower") if m.group(g) is not None)
            years = [int(y) for y in re.findall(r"\d{4}", m.group(group))]
            if group == "bracketed" or years and max(years) < 2010:
                spans.append(("DATE_OF_BIRTH", *m.span(group)))
    taken = found + spans
    dated = dates_in(text)
    for start, end in dated:
        if any(s < end and start < e for _, s, e in taken):
            continue
        if _mistyped_cue(text, start):
            spans.append(("DATE_OF_BIRTH", *date_around(text, start, end)))
    # Dates joined to a birth date found: "DOB ... me: 22/01/1973, Wendy: 02/07/1950".
    taken = found + spans
    if taken:
        starts = dict(dated)
        for _, _, end in list(taken):
            while (joint := _CHAIN.match(text, end)) is not None and joint.end() in starts:
                nxt = starts.pop(joint.end())
                spans.append(("DATE_OF_BIRTH", joint.end(), nxt))
                end = nxt
    return spans


_BIRTH_CUE_RE = re.compile(r"(?<![^\W\d_])" + _BIRTH_CUE + r"(?:\b|(?<=\.))", re.IGNORECASE)
_DOB_GAP = re.compile(
    r"[^.!?\n\w]{0,6}(?:(?:on|am|le|el|il|em|a|op|dnia|the|was|is|da|de|no|w|s)\b[^.!?\n\w]{0,4})*"
)
_NEXT_WORD = re.compile(r"[^\W\d_]+\s+")


# -- street addresses -----------------------------------------------------------------------

_CAP = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’.\-]*"
_NAME_WORDS = (
    rf"(?:(?:de|del|de la|de las|de los|du|des|della|delle|dei|degli|di|da|do|das|dos|"
    rf"d'|l'|la|le|el|san|são|dom|von|van|der|den|am|an|im|st\.?)\s*)*{_CAP}"
    rf"(?:[ \t]+(?:(?:de|del|de la|du|des|della|delle|dei|di|da|do|das|dos|d'|l'|la|le)"
    rf"\s*)*(?:{_CAP}|[IVXL]+|\d{{1,2}}(?=\s+[A-Z])))*"
)
_NUMBER = r"\d{1,5}(?:[a-zA-Z]\b)?(?:\s?(?:bis|ter)\b)?(?:[-/](?:\d{1,4}[a-zA-Z]?|[A-Za-z]\b))?"
_EN_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|"
    r"Terrace|Close|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Grove|Gardens|Row|"
    r"Mews|Hill|Walk|Green|Park|Rise|View)\b\.?"
)
_UNIT = r"(?:,?\s*(?:Apt|Apartment|Suite|Unit|Flat|Ste|#)\.?\s*\w{1,5})?"
_COMPOUND_SUFFIX = (
    r"(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|"
    r"straat|laan|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|plantsoen|markt|"
    # Nordic, Finnish, Estonian: Storgatan, Vesterbrogade, Mannerheimintie, Dosentinkuja
    r"gatan|gata|vägen|väg|gränd|gade|vej|veien|vegen|gaten|gata|katu|tie|kuja|polku|"
    r"kaari|rinne|tanhua|bulevardi|puistikko)"
)
# Street types written as a word after the name, with the number after them (Baltic,
# Hungarian, Czech, Turkish, Nordic, Indian): "Brīvības iela 15", "Bağdat Cad. No:101",
# "Narva mnt 28", "Váci utca 5", "Toskifte Allé 2".
_STREET_WORD_AFTER = (
    r"(?i:iela|gatvė|g\.|pr\.|prospektas|mnt\.?|maantee|pst\.?|puiestee|utca|út|útja|tér|"
    r"ulice|nám\.|náměstí|třída|cad\.|caddesi|cd\.|sok\.|sokak|sokağı|bulvarı|blv\.|"
    r"allé|vej|gade|marg|nagar|chowk|bazar|odos|οδός)"
)
# The street types before the name ("Calle Mayor, 5"), grouped by first letter (the same
# matches: see alternation.py).
_STREET_TYPES_BEFORE_PLAIN = (
    "(?:Calle|C/|Avenida|Avda\\.?|Av\\.|Paseo|Plaza|Pza\\.|Camino|Carrer|Ronda|Travesía|"
    "Carretera|Glorieta|Via|Viale|Piazza|Piazzale|Corso|Vicolo|Largo|Strada|Lungomare|via|"
    "viale|piazza|corso|ul\\.|ulica|al\\.|aleja|pl\\.|plac|os\\.|osiedle|Rua|Travessa|Praça|"
    "Estrada|Alameda|Rodovia|Calçada|Beco|rua|calle|avenida|Rue|Avenue|Boulevard|Chemin|"
    "Impasse|Quai|Allée|Pasaje|Urbanización|Plaza)"
)
_STREET_TYPES_BEFORE = by_first_letter(_STREET_TYPES_BEFORE_PLAIN, "", "", case_sensitive=True)
_STREET = re.compile(
    # Every form starts at a word boundary, with a digit, a capital or the first letter of a
    # lower-case street word: checking that first keeps the scan cheap where none can start.
    r"\b(?=[\dA-ZÄÖÜvpcuaor])(?:"
    # 12 Elm Street, Apt 4 / Flat 3, 14 Elm Grove
    rf"(?:\bFlat\s+\d{{1,4}},\s*)?\b\d{{1,5}}[A-Za-z]?\s+(?:{_CAP}\s+){{1,4}}{_EN_SUFFIX}{_UNIT}"
    # Hauptstraße 5, Keizersgracht 123-A, Friedrich-Ebert-Straße 12a
    rf"|\b(?!(?:During|Spring|String|Bring|Offering|Morning|Evening|Meeting|Training|Spread|"
    rf"Hearing|Pad|Hof|Markt|Ring|Weg)\b)"
    rf"[A-ZÄÖÜ][\w\-äöüß]*{_COMPOUND_SUFFIX}[ \t]+\d{{1,4}}(?:[ \t]?[a-zA-Z]\b|-[A-Z]\b)?"
    rf"(?:[-/]\d{{1,4}})?(?:[ \t]?(?:bis|II|III))?"
    # US and UK blocks whose street type is not in the list: "1342 Duran Island, Apt 216",
    # "77 Kim Club\nNorth Deborah, NM 81283"
    rf"|\b\d{{1,5}}[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,3}}(?:,?[ \t]*(?:Apt\.?|Suite|Unit)[ \t]+"
    rf"[A-Za-z]?\d{{1,4}}[A-Za-z]?\b"
    rf"|(?=,?[ \t]*\n?[ \t]*{_CAP}(?:[ \t]+{_CAP}){{0,2}},[ \t]*[A-Z]{{2}}[ \t]+\d{{5}}\b))"
    # Brīvības iela 15, Bağdat Cad. No:101, Narva mnt 28
    rf"|\b{_CAP}(?:[ \t]+{_CAP}){{0,2}}[ \t]+{_STREET_WORD_AFTER}[ \t]*(?:No[:.]?[ \t]*)?"
    rf"\d{{1,4}}[a-zA-Z]?\b(?:[ \t]*(?:D|Daire|Kat)[:.][ \t]*\d{{1,3}})?"
    # 12 rue de la Paix, 3 bis avenue Victor Hugo
    rf"|\b\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|"
    rf"impasse|quai|route|cours|square|passage|rua)\s+{_NAME_WORDS}"
    # Calle Mayor, 5 / Via Roma 12 / ul. Długa 5/3 / Rua das Flores, nº 12
    rf"|\b{_STREET_TYPES_BEFORE}\s+{_NAME_WORDS}"
    rf",?\s*(?:n\.?\s?º|nº|n°|no\.|número|núm\.|nr\.?)?\s*{_NUMBER}"
    rf"(?:,?\s*(?:\d{{1,2}}\s?[º°ª]\s?[A-Za-z]{{1,4}}\b|piso\s\d+\w*|puerta\s\w+|bajo|"
    rf"\d+º\s?(?:Dto|Esq)\w*|apto\.?\s*\d+|apartamento\s*\d+|int\.?\s?\d+|m\.\s?\d+)"
    rf"|\s-\s*apto\.?\s*\d+)?"
    r")",
)
_CITY = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃÓŚŹŻ][\w'’\-]*"
_POSTCODE_CITY = re.compile(
    rf"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+)(?:"
    rf"\d{{4}}[ \t]?[A-Z]{{2}}[ \t]+{_CITY}(?:[ \t]+{_CITY})*"  # NL
    rf"|\d{{2}}-\d{{3}}[ \t]+{_CITY}"  # PL
    rf"|\d{{4,5}}-\d{{3}}[ \t]+{_CITY}(?:[ \t]+(?:de|do|da)?[ \t]*{_CITY})*"  # PT, BR
    rf"(?:[ \t]+-[ \t]+[A-Z]{{2}})?"
    rf"|\d{{4,5}}[ \t]+{_CITY}(?:[ \t]+(?:de|am|an|im|sur|la|del|di)?[ \t]*{_CITY})*"  # DE FR ES IT
    rf"|{_CITY}(?:[ \t]+{_CITY})*,[ \t]*[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?"  # US
    rf"|{_CITY}(?:[ \t]+(?:de|do|da)?[ \t]*{_CITY})*(?:[ \t]+-[ \t]+[A-Z]{{2}})?,?[ \t]+"
    rf"\d{{5}}-\d{{3}}"  # BR
    rf"|(?:{_CITY}[ \t]+)?[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}}"  # UK
    rf"|{_CITY}[ \t]+[A-Z]\d{{2}}[ \t]?[A-Z\d]{{4}}"  # Ireland (Eircode)
    rf"|[A-Z]{{1,2}}-\d{{4,5}}[ \t]+{_CITY}(?:[ \t]+{_CITY})*"  # LV-1010 Rīga, LT-, H-
    rf"|\d{{3}}[ \t]\d{{2}}[ \t]+{_CITY}(?:[ \t]+{_CITY})*"  # SE, CZ, SK, GR: 114 55 Stockholm
    rf")\b"
)
#: The postcode and city that may follow a street and number (used to complete addresses).
POSTCODE_CITY = _POSTCODE_CITY
# Famous public and fictional addresses and textbook placeholders: nobody's private address.
_NOT_ADDRESSES = frozenset(
    [
        "10 downing street",
        "221b baker street",
        "1600 pennsylvania avenue",
        "350 fifth avenue",
        "742 evergreen terrace",
        "4 privet drive",
        "12 grimmauld place",
        "124 conch street",
        "31 spooner street",
        "1600 amphitheatre parkway",
        "1 infinite loop",
        "1 apple park way",
        "55 rue du faubourg-saint-honoré",
        "calle falsa 123",
        "123 main street",
        "123 fake street",
    ]
)


def famous_address(value: str) -> bool:
    """Whether an address finding is one of the famous or placeholder ones, in any case."""
    low = " ".join(value.lower().replace(",", " ").split())
    return any(known in low for known in _NOT_ADDRESSES)


def famous_spans(text: str) -> list[tuple[int, int]]:
    """Where the famous and placeholder addresses stand in ``text`` (any case)."""
    low = text.lower()
    spans = []
    for known in _NOT_ADDRESSES:
        at = low.find(known)
        while at != -1:
            spans.append((at, at + len(known)))
            at = low.find(known, at + 1)
    return spans


def _addresses(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _STREET.finditer(text):
        start, end = match.start(), match.end()
        value = match.group()
        if value.lower() in _NOT_ADDRESSES:
            continue
        if not any(c.isdigit() for c in value):
            continue
        tail = _POSTCODE_CITY.match(text, end)
        if tail:
            end = tail.end()
        spans.append(("STREET_ADDRESS", start, end))
    return spans


# -- table columns --------------------------------------------------------------------------

# A header line names what its columns hold ("name,dob,phone,email"; "Full Name;Mobile"):
# the values under a phone, birth-date, id or login column are that type, whatever their
# format ("0 574 214 13 60", "1960.09.28").
_COLUMN_TYPES = (
    (
        "PHONE",
        re.compile(
            r"phone|\btel\b|tel\.|telef|téléph|mobil|móvil|movil|\bcell|handy|\bgsm\b|portable|"
            r"komórk|telemóvel|celular|fone|cellulare|puhelin"
        ),
    ),
    (
        "DATE_OF_BIRTH",
        re.compile(
            r"\bdob\b|birth|geburt|\bgeb\b|naissance|nacimiento|nascita|geboorte|urodzen|"
            r"nascimento|\bbday\b|fecha[ _]nac|data[ _]nasc|\bnato\b"
        ),
    ),
    (
        "GOV_ID",
        re.compile(
            r"\b(?:ssn|pesel|bsn|nir|dni|nie|nif|cpf|rg|nino|pan|hetu|amka|egn|cnp|oib|tckn|"
            r"aadhaa?r|curp|rut)\b|codice[ _]fiscale|passport|pasaporte|passeport|reisepass|"
            r"personnummer|henkilötunnus|isikukood|kimlik|rodné|tax[ _]?id|steuer|"
            r"national[ _]id|id[ _](?:number|no|nr)|social[ _]security|sozialversicherung|"
            r"licen[cs]e|führerschein|permis|rijbewijs|patente"
        ),
    ),
    (
        "USERNAME",
        re.compile(
            r"user[ _]?name|\blogin\b|\bhandle\b|\bnick|pseudo|benutzer|usuario|utente|"
            r"gebruiker|gamertag"
        ),
    ),
)
_COLUMN_VALUES = {
    "PHONE": re.compile(r"\+?\(?\d[\d ()./-]{5,20}\d"),
    "DATE_OF_BIRTH": re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"),
    "GOV_ID": re.compile(
        r"(?=(?:[^\d\n]*\d){4})[A-Za-z0-9][A-Za-z0-9 .\-/]{3,22}[A-Za-z0-9]"
        r"|(?=[A-Z]*\d)[A-Z0-9]{6,12}"
    ),
    "USERNAME": re.compile(r"@?[\w][\w.\-]{2,31}"),
}


def _split_cells(line: str, sep: str) -> list[str]:
    """``line.split(sep)``, except where ``sep`` stands inside double quotes (CSV)."""
    if '"' not in line:
        return line.split(sep)
    cells, quoted, begin = [], False, 0
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            cells.append(line[begin:i])
            begin = i + 1
    cells.append(line[begin:])
    return cells


def _cells(line: str, sep: str) -> list[tuple[int, int]]:
    """The spans of a line's cells, without the spaces and quotes around each."""
    out = []
    at = 0
    for cell in _split_cells(line, sep):
        start, end = at, at + len(cell)
        while start < end and line[start] in " \t\"'":
            start += 1
        while end > start and line[end - 1] in " \t\"'":
            end -= 1
        out.append((start, end))
        at += len(cell) + 1
    return out


def _table_columns(text: str) -> list[Span]:
    spans: list[Span] = []
    if "\n" not in text:
        return spans
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    k = 0
    while k < len(lines) - 1:
        header = lines[k]
        sep = next((c for c in ",;\t|" if header.count(c) >= 1), None)
        if sep is None or any(c.isdigit() for c in header):
            k += 1
            continue
        names = [header[a:b].lower() for a, b in _cells(header, sep)]
        if len(names) < 2 or any(len(n) > 40 for n in names):
            k += 1
            continue
        kinds = [
            next((kind for kind, pattern in _COLUMN_TYPES if pattern.search(n)), None)
            or ("GOV_ID" if _id_cue().search(n) else None)
            for n in names
        ]
        k += 1
        if not any(kinds):
            continue
        while k < len(lines) and _delimiters(lines[k], sep) == header.count(sep):
            row = lines[k]
            for kind, (a, b) in zip(kinds, _cells(row, sep), strict=False):
                if kind is not None and b > a and _COLUMN_VALUES[kind].fullmatch(row, a, b):
                    spans.append((kind, offsets[k] + a, offsets[k] + b))
            k += 1
    return spans


# -- all of them ----------------------------------------------------------------------------

# Each detector, with the fewest digits a message needs before it can find anything.
DETECTORS: tuple[tuple[Callable[[str], list[Span]], int], ...] = (
    (_ibans, 10),
    (_cards, 12),
    (_gov_ids, 0),
    (_ips, 4),
    (_phones, 7),
    (_dates_of_birth, 1),
    (_addresses, 1),
    (_usernames, 0),
    (_table_columns, 1),
)


def find_structured(text: str, first_names: frozenset[str], surnames: frozenset[str]) -> list[Span]:
    """Every structured PII candidate in ``text`` (they may overlap; the caller resolves)."""
    spans: list[Span] = []
    if "@" in text:
        spans.extend(("EMAIL", m.start(), m.end()) for m in _EMAIL.finditer(text))
    spans.extend(_urls(text, first_names, surnames))
    digits = digit_runs(text)[0]
    for detector, needed in DETECTORS:
        if digits >= needed:
            spans.extend(detector(text))
    return spans
