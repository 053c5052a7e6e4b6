"""Person-name detection without a model: gazetteers, cue phrases in eight languages, context.

The detector reads the text as tokens and decides, token by token, whether a name starts
there. Evidence, from strongest to weakest:

* a cue right before it: "my name is", a title ("Frau", "Mme", "Sr."), a greeting or
  sign-off, a relation ("my sister", "mon voisin"), a field ("Name:", ``"name": "``);
* a first name from the gazetteer, written with a capital;
* a first name that is also a word (Grace, Rose, Mark) counts only where a word would not
  be capitalized, or when a surname or a verb such as "said" follows it.

A found name is extended over the following surname-like tokens ("Anna van der Berg").
Names of public figures in their public role (Napoleon, Martin Luther) are left alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from app.core.privacy.last_message import per_message
from app.core.privacy.lexicon import EXTRA_STOP, MONTHS_AND_DAYS, Lexicon, is_known_word, lexicon
from app.core.privacy.prefilter import holds_word

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[ldjmnstcLDJMNSTC]|qu|Qu)['’](?=\w)")

_TELL, _WEAK, _WEAK_DE, _STRONG, _TITLE, _RELATION, _KEY = 1, 2, 2.5, 3, 4, 5, 6
# A greeting is a strong cue, but the ordinary word after it is no name ("Hallo, Update …").
_GREET = 3.5


class _Token(NamedTuple):
    start: int
    end: int
    word: str
    low: str
    cap: bool
    initial: bool
    #: Whether a plain space (not a line break or tab) comes right before the token.
    spaced: bool
    #: Whether the word was written with a possessive "'s".
    possessive: bool
    #: The token as written (lower case), before elisions and "'s" were taken off.
    raw: str
    raw_start: int
    raw_end: int


def _alternation(words: str) -> str:
    return "|".join(sorted((re.escape(w) for w in words.split("|")), key=len, reverse=True))


_NAME_IS = _alternation(
    "my name is|my name's|my full name is|call me|i am called|i'm called|mein name ist|"
    "ich heiße|ich heisse|je m'appelle|je m’appelle|mon nom est|me llamo|mi nombre es|"
    "mi chiamo|il mio nome è|ik heet|mijn naam is|nazywam się|mam na imię|chamo-me|me chamo|"
    "o meu nome é|meu nome é|o meu nome e"
)
_TITLES = _alternation(
    "mr|mrs|ms|miss|mx|dr|prof|herr|herrn|frau|mme|mlle|sr|sra|srta|sig|sig.ra|dott|"
    "dott.ssa|dhr|mevr|pan|pani|panu|panią|dona|doña|monsieur|madame|mademoiselle|señor|"
    "señora|senhor|senhora|signor|signora|signore|dottor|dottore|dottoressa|professor|"
    "professore|professeur|meneer|mevrouw|mijnheer|doctor|doktor|docteur|maître|mister"
)
_GREETINGS = _alternation(
    "dear|dearest|hi|hello|hey|hiya|thanks|thank you|liebe|lieber|hallo|servus|moin|bonjour|"
    "salut|coucou|cher|chère|hola|querido|querida|estimado|estimada|ciao|caro|cara|gentile|"
    "gentilissima|gentilissimo|buongiorno|beste|lieve|hoi|goedemorgen|droga|drogi|szanowny|"
    "szanowna|cześć|witaj|olá|oi|prezado|prezada|caríssimo|caríssima"
)
_SIGNOFFS = _alternation(
    "regards|best regards|kind regards|best wishes|best|cheers|thanks|many thanks|sincerely|"
    "yours|yours truly|love|mit freundlichen grüßen|mit freundlichen grüssen|"
    "freundliche grüße|viele grüße|liebe grüße|beste grüße|herzliche grüße|lg|vg|gruß|"
    "grüße|bien à vous|cordialement|bises|bisous|amitiés|bien cordialement|saludos|"
    "un saludo|un abrazo|atentamente|besos|cordiali saluti|distinti saluti|saluti|un bacio|"
    "un abbraccio|baci|groetjes|groeten|met vriendelijke groet|hartelijke groet|pozdrawiam|"
    "z poważaniem|pozdrowienia|buziaki|beijinhos|beijos|abraços|cumprimentos|atenciosamente|"
    "obrigado|obrigada"
)
_SIGNED = _alternation("signed|signé|signée|firmado|firmato|gez.|unterschrieben|podpisano")
_KEYS = _alternation(
    "from|to|cc|bcc|author|von|an|de|à|para|da|van|od|do|contact|kontakt|ansprechpartner|"
    "name|full name|full_name|fullname|first name|first_name|firstname|last name|last_name|"
    "lastname|surname|nom|prénom|nombre|apellido|apellidos|nome|cognome|naam|voornaam|"
    "achternaam|imię|nazwisko|customer|client|kunde|patient|employee|tenant|user.name|"
    "sender|recipient|absender|empfänger|expéditeur|destinataire|remitente|destinatario|"
    "mittente|afzender|nadawca|odbiorca|remetente"
)
_RELATION_NOUNS = _alternation(
    # English
    "friend|best friend|boyfriend|girlfriend|partner|wife|husband|son|daughter|mother|mom|"
    "mum|father|dad|brother|sister|little brother|little sister|big brother|big sister|"
    "cousin|uncle|aunt|niece|nephew|grandma|grandmother|grandpa|grandfather|granny|boss|"
    "manager|colleague|coworker|co-worker|neighbour|neighbor|neighbours|neighbors|landlord|"
    "landlady|tenant|teacher|doctor|therapist|babysitter|nanny|roommate|flatmate|ex|"
    "fiancé|fiancée|mentor|student|client|intern|assistant|supervisor|twins|kids|children|"
    "stepmother|stepfather|stepson|stepdaughter|mother-in-law|father-in-law|"
    # German
    "freund|freundin|frau|mann|sohn|tochter|mutter|vater|bruder|schwester|cousine|"
    "kollege|kollegin|chef|chefin|nachbar|nachbarin|vermieter|vermieterin|oma|opa|tante|"
    "onkel|partnerin|lehrer|lehrerin|mitbewohner|mitbewohnerin|enkel|enkelin|schwiegermutter|"
    # French
    "ami|amie|copain|copine|mari|femme|fils|fille|mère|père|frère|sœur|soeur|collègue|"
    "patron|patronne|voisin|voisine|propriétaire|grand-mère|grand-père|oncle|prof|"
    "professeur|coloc|belle-mère|compagnon|compagne|"
    # Spanish
    "amigo|amiga|novio|novia|marido|esposo|esposa|mujer|hijo|hija|madre|padre|mamá|papá|"
    "hermano|hermana|primo|prima|jefe|jefa|compañero|compañera|vecino|vecina|casero|casera|"
    "abuela|abuelo|tío|tía|pareja|profesora|suegra|suegro|"
    # Italian
    "amico|amica|ragazzo|ragazza|moglie|figlio|figlia|mamma|papà|fratello|sorella|cugino|"
    "cugina|capo|collega|vicino|vicina|nonna|nonno|zio|zia|fidanzato|fidanzata|compagno|"
    "compagna|professoressa|suocera|"
    # Dutch
    "vriend|vriendin|man|vrouw|zoon|dochter|moeder|vader|broer|zus|zuster|neef|nicht|baas|"
    "buurman|buurvrouw|buren|huisbaas|leraar|lerares|schoonmoeder|"
    # Polish
    "przyjaciel|przyjaciółka|chłopak|dziewczyna|mąż|żona|syn|córka|matka|tata|ojciec|brat|"
    "siostra|kuzyn|kuzynka|szef|szefowa|kolega|koleżanka|sąsiad|sąsiadka|babcia|dziadek|"
    "ciocia|wujek|partnerka|teściowa|"
    # Portuguese
    "namorado|namorada|filho|filha|mãe|pai|irmão|irmã|chefe|vizinho|vizinha|senhorio|"
    "senhoria|avó|avô|companheiro|companheira|sogra"
)
_POSSESSIVES = _alternation(
    "my|our|his|her|their|the|mein|meine|meinen|meinem|meiner|unser|unsere|unseren|sein|"
    "seine|ihr|ihre|der|die|dem|den|mon|ma|mes|notre|nos|son|sa|le|la|mi|mis|nuestro|"
    "nuestra|su|el|mio|mia|il mio|la mia|il|lo|mijn|onze|zijn|haar|de|mój|moja|moje|mojego|"
    "mojej|moim|mojemu|nasz|nasza|meu|minha|o meu|a minha|o|a"
)
_PERSON_VERBS = frozenset(
    str.split(
        """
        said says told asked wants wanted thinks thought called texted wrote sent replied sagt
        sagte meint meinte schrieb fragt fragte dit demande veut dice dijo quiere dice disse
        chiede vuole zegt zei vraagt wil powiedział powiedziała mówi pyta disse diz pergunta
        quer
        """
    )
)
# For the pets' check (pets.py): a name with a relation word beside it is a person's.
RELATION_NOUNS, POSSESSIVES = _RELATION_NOUNS, _POSSESSIVES
_POSSESSIVE_SET = frozenset(p.split()[-1] for p in _POSSESSIVES.replace("\\", "").split("|"))
_TITLE_WORDS = frozenset(_TITLES.replace("\\", "").split("|"))
_POSSESSIVE_WORDS = frozenset(_POSSESSIVES.replace("\\", "").split("|")) | frozenset(
    _RELATION_NOUNS.replace("\\", "").split("|")
)
_CODE_WORDS = frozenset(
    str.split(
        """
        str string int integer float bool boolean none null text varchar char list dict any
        optional required true false object array number date uuid bytes self cls
        """
    )
)
_PERSON_BEFORE = frozenset(
    str.split(
        """
        to for with from and or tell ask call text email dear hi hey hello thank thanks meet
        love miss invite help visit remind told asked met für mit von und an à pour avec de et a
        para con y per con e voor met van en naar dla z i do para com e ao à du
        """
    )
)
_THAT = frozenset(["that", "dass", "daß", "que", "qu", "che", "dat", "że", "ze"])
_PLACE_WORDS = frozenset(
    str.split(
        """
        street road avenue lane drive square park station church hall bridge market garden
        gardens hill house tower castle museum university college school hospital airport island
        river lake valley bay beach centre center city town village court place way close row
        terrace grove green walk
        """
    )
)
_PERSON_SLOT_BEFORE = frozenset(
    str.split(
        """
        with for to and tell ask call text email thank thanks met meet visit invite remind by up
        mit für an und bei frag sag avec pour à et chez con para y per e met voor aan en bij z
        dla i com ao
        """
    )
)
# Where a word in no vocabulary is taken for a rare name (_rare_name_in_person_slot): not after
# the prepositions and "and"s that stand before nouns, places and companies far more often than
# before a person in the writers' messages (German capitalizes every noun: "mit Teenagern",
# "für Berufseinsteiger", "bei Kärcher"; "Cecotec y Tefal", "Lieferung an Draškovićeva 8b",
# "vécu à Guernesey"). Counted on the name rules' findings of writers A-P: after these words
# 25 findings on a name, 190 on none. Listed names there are still found.
_RARE_SLOT_BEFORE = _PERSON_SLOT_BEFORE - frozenset(
    ["mit", "für", "bei", "an", "en", "e", "y", "voor", "bij", "met", "à"]
)
_PERSON_FOLLOW = frozenset(
    str.split(
        """
        wants wanted asked said told called texted thinks says and me mi m hat ha heeft vroeg
        zapytała zapytał perguntou preguntó chiesto sagt dit dice zegt mówi diz meinte fragte
        hat also
        """
    )
)
_REQUESTS = frozenset(
    str.split(
        """
        can could please kannst könntest bitte peux pourrais puedes podrías puoi potresti kun
        kan możesz podes podias
        """
    )
)
# Endings of abstract and compound nouns (German capitalizes every noun): "Taubheit",
# "Bestellung", "Gemeinschaft". Names hardly ever end like this.
_NOUN_ENDINGS = (
    "heit",
    "keit",
    "ung",
    "ungen",
    "schaft",
    "tät",
    "nis",
    "tum",
    "ismus",
    "chen",
    "lein",
    "heid",
    "schap",
    "tion",
    "ment",
    "isme",
    "ción",
    "dad",
    "miento",
    "zione",
    "mento",
    "ità",
    "ość",
    "anie",
    "enie",
    "ção",
    "dade",
    "ismo",
    "ologie",
    "ology",
)
_COMPANY_SUFFIXES = frozenset(
    str.split(
        """
        ltd inc llc gmbh ag kg sa sl sas sarl srl spa bv nv plc corp co lda ltda sp oy ab
        """
    )
)
_ME = frozenset(["i", "ich", "je", "moi", "yo", "io", "ik", "ja", "eu"])
_AND = frozenset(["and", "und", "et", "y", "e", "en", "i", "oraz"])
_NOUN_MARKERS = frozenset(
    str.split(
        """
        the a an this that these those of in on at by until till since every next last our der
        die das dem den des ein eine einen einem einer im am vom zum zur beim ins le la les l un
        une du au aux en el los las una unos unas del al il lo gli i uno dello della nel nella
        nei sul de het een o os as um uma do da dos das no na em w we z ze
        """
    )
)
_PLACE_PREFIXES = frozenset(
    str.split(
        """
        san santa santo são sao st saint sainte sankt port lake mount fort cape bad new los las
        la el le rio río villa porto ciudad
        """
    )
)
_PARTICLES = frozenset(
    str.split(
        """
        van von de der den del della di da dos das du le la ter ten bin ibn al el zu ben
        """
    )
)
_WEAK_INTRO = _alternation(
    "i'm|i’m|i am|this is|it's me|je suis|c'est|soy|aquí|sono|qui è|ik ben|hier is|jestem|"
    "tu|sou|sou o|sou a|aqui é|aqui fala|here's|here is"
)
_WEAK_INTRO_DE = _alternation("ich bin|hier ist|hier spricht")
_TELL_VERBS = _alternation(
    "tell|text|ask|call|message|remind|email|e-mail|thank|invite|congratulate|ping|meet|"
    "sag|sage|frag|schreib|erinner|dis à|dis-lui|demande à|rappelle à|écris à|dile a|"
    "pregúntale a|pregunta a|escríbele a|recuérdale a|di a|chiedi a|ricorda a|scrivi a|"
    "zeg tegen|vraag|herinner|schrijf|powiedz|zapytaj|przypomnij|napisz do|diz ao|diz à|"
    "pergunta ao|pergunta à|lembra o|lembra a|escreve ao|escreve à|liga ao|liga à"
)
# A line of one to four capitalized words right after a line ending in a colon is a name
# line in an address block or a letter ("Send to:\nAoife Byrne\n12 Kildare Street").
_NAME_LINE = re.compile(
    r":[ \t]*\n[ \t]*(?=[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \t]+(?:(?:van|von|de|der|den|da|di|dos|del|la|le)"
    r"[ \t]+)*[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,3}[ \t]*(?:\n|$))"
)
# Asking "who was X" is asking about a public or historical figure.
# The lookahead on the first letter only lets the alternation be tried where one can start.
_PUBLIC_CUE = re.compile(
    r"\b(?=[wqckblvejż])"
    r"(?:who (?:was|were|is)|wer (?:war|ist)|qui (?:était|est|fut)|quién (?:fue|era|es)|"
    r"chi (?:era|fu|è)|wie (?:was|is)|kim (?:był|była|jest)|quem (?:foi|era|é)|"
    r"biography of|biografie von|biographie de|biografía de|biografia di|biografia de|"
    # Asking about a life, a birth year or the books written is asking about a public figure
    # ("Resume a vida de …", "when was … born?", "welke boeken schreef …").
    r"life of|leben von|vie de|vida de|vita di|leven van|życiorys|"
    r"when was(?=[^?\n]{3,40}\bborn\b)|wann wurde(?=[^?\n]{3,40}geboren)|"
    r"wanneer is(?=[^?\n]{3,40}geboren)|quand est née?|cuándo nació|quando nasceu|"
    r"quando è nat[oa]|kiedy urodził[a]? się|"
    r"(?:which|what) books did|welche bücher (?:hat|schrieb)|quels livres a écrit|"
    r"qué libros escribió|que livros escreveu|quali libri ha scritto|welke boeken schreef|"
    r"jakie książki napisał[a]?)[ \t]+",
    re.IGNORECASE,
)
# The first word of each of those cues, bounded by no letter or digit on either side: a
# message without one of them has no cue, and is not scanned (prefilter.holds_word).
_PUBLIC_CUE_WORDS = frozenset(
    str.split(
        """
        who wer qui quién chi wie kim quem biography biografie biographie biografía biografia
        life leben vie vida vita leven życiorys when wann wanneer quand cuándo quando kiedy
        which what welche quels qué que quali welke jakie
        """
    )
)
_GAPS = {
    kind: re.compile(gap)
    for kind, gap in {
        "nameis": r"[ \t]+",
        "title": r"\.[ \t]*|[ \t]+",
        "greet": r"[,!]?[ \t]+",
        "sign": r"[,.!]?[ \t]*\n[ \t]*|,[ \t]*",
        "signed": r"[,:]?\s+",
        "key": r"[\"']?[ \t]*[:=][ \t]*[\"'“„«]?[ \t]*",
        "rel": r",?[ \t]+",
        "weak": r",?[ \t]+",
        "weakde": r",?[ \t]+",
        "tell": r"[ \t]+",
    }.items()
}


def _phrase_table(spec: str) -> list[tuple[str, ...]]:
    return [tuple(_TOKEN.findall(p.replace("\\", "").lower())) for p in spec.split("|")]


@functools.cache
def _cue_tables() -> tuple[dict[tuple[str, ...], tuple[str, ...]], frozenset[str], int]:
    """Cue phrases as token tuples → kinds; the set of their first words; the longest."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for kind, spec in (
        ("tell", _TELL_VERBS),
        ("weakde", _WEAK_INTRO_DE),
        ("weak", _WEAK_INTRO),
        ("rel", _RELATION_NOUNS),
        ("signed", _SIGNED),
        ("sign", _SIGNOFFS),
        ("greet", _GREETINGS),
        ("key", _KEYS),
        ("title", _TITLES),
        ("nameis", _NAME_IS),
    ):
        for phrase in _phrase_table(spec):
            if phrase:
                table[phrase] = (*table.get(phrase, ()), kind)
    longest = max(len(p) for p in table)
    return table, frozenset(p[0] for p in table), longest


_STRENGTH: dict[str, float] = {
    "nameis": _KEY,
    "title": _TITLE,
    "greet": _GREET,
    "sign": _STRONG,
    "signed": _STRONG,
    "key": _KEY,
    "rel": _RELATION,
    "weak": _WEAK,
    "weakde": _WEAK_DE,
    "tell": _TELL,
}
# "Tumelo Rossellat, né le …": a capitalized name right before a birth.
# The words _BORN_AFTER needs, or the start of them: a message with none skips it.
_BORN_WORDS = ("né", "born", "geb", "nacid", "nat", "urodzon", "nascid")
_BORN_AFTER = re.compile(
    r"\b[A-ZÀ-ÖØ-Þ][\w'’\-]+(?= (?:[A-ZÀ-ÖØ-Þ][\w'’\-]+ ){0,2}?[A-ZÀ-ÖØ-Þ]?[\w'’\-]*,? "
    r"(?:né|née|born|geboren|geb\.|nacido|nacida|nato|nata|urodzon[ya]|nascid[oa])\b)"
)
# One to three initials and a name ("J. R. Tolkien"), the first initial at the start of a
# word. Written with the capital first and the word's start checked behind it (not as
# "\b(?:[A-Z]\.[ \t]?){1,3}…"): a pattern that opens with a set of characters is scanned
# by the engine's fast search for that set, ten times faster; the matches are the same.
_INITIALS = re.compile(r"[A-Z](?<!\w[A-Z])\.[ \t]?(?:[A-Z]\.[ \t]?){0,2}([A-ZÀ-Þ][\w'’\-]+)")
_INITIAL_BEFORE = frozenset(".!?:;\n\"'“«(*>#-–—[")


_new_tuple = tuple.__new__


@per_message
def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    append = tokens.append
    previous_end = 0
    for match in _TOKEN.finditer(text):
        raw_start, raw_end = match.span()
        start, end = raw_start, raw_end
        raw = word = match.group()
        possessive = False
        if "'" in word or "’" in word:
            elided = _ELISION.match(word)
            if elided:
                start += elided.end()
                word = word[elided.end() :]
            possessive = word.endswith(("'s", "’s"))
            if possessive:
                end -= 2
                word = word[:-2]
        if start - previous_end == 1 and text[previous_end] == " " and tokens:
            # The common case, one space after the word before: decided without slicing.
            initial = False
            spaced = True
        else:
            gap = text[previous_end:start]
            if gap == " ":
                initial = False
            else:
                stripped = gap.strip()
                if tokens:
                    initial = "\n" in gap or bool(stripped) and stripped[-1] in _INITIAL_BEFORE
                else:
                    initial = not stripped or stripped[-1] in _INITIAL_BEFORE
            spaced = start > 0 and text[start - 1] == " "
        first = word[:1]
        capitalized = first.isupper() and not (len(word) > 1 and word.isupper())
        low = word.lower()
        append(
            # tuple.__new__ directly: a NamedTuple's own __new__ is one more Python call per
            # token, and this loop runs for every word of every message.
            _new_tuple(
                _Token,
                (
                    start,
                    end,
                    word,
                    low,
                    capitalized,
                    initial,
                    spaced,
                    possessive,
                    low if raw is word else raw.lower(),
                    raw_start,
                    raw_end,
                ),
            )
        )
        previous_end = end
    return tokens


def _cue_strengths(text: str, tokens: list[_Token]) -> dict[int, float]:
    """Where a cue ends (the start of the token after it), mapped to the cue's strength."""
    found: dict[int, float] = {}
    if ":" in text:
        for match in _NAME_LINE.finditer(text):
            found[match.end()] = _STRONG
    table, firsts, longest = _cue_tables()
    count = len(tokens)
    # Only where a cue can begin (one filtering pass instead of a loop step per word).
    raws = [t.raw for t in tokens]
    for i in [k for k, raw in enumerate(raws[:-1]) if raw in firsts]:
        for length in range(min(longest, count - 1 - i), 0, -1):
            kinds = table.get(tuple(raws[i : i + length]))
            if kinds is None:
                continue
            last, nxt = tokens[i + length - 1], tokens[i + length]
            for kind in kinds:
                if kind == "rel" and (i == 0 or tokens[i - 1].raw not in _POSSESSIVE_SET):
                    continue
                if _GAPS[kind].fullmatch(text, last.raw_end, nxt.raw_start):
                    strength = _STRENGTH[kind]
                    if strength > found.get(nxt.start, 0):
                        found[nxt.start] = strength
            break
    return found


def _public_ranges(text: str, tokens: list[_Token], lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of public figures' names, and of the names asked about ("who was …")."""
    ranges: list[tuple[int, int]] = (
        [(m.end(), m.end() + 1) for m in _PUBLIC_CUE.finditer(text)]
        if holds_word(text, _PUBLIC_CUE_WORDS)
        else []
    )
    by_first = _public_by_first_word(lex.public)
    low_text = text.lower()
    for token in tokens:
        for name in by_first.get(token.low, ()):
            end = token.start + len(name)
            if low_text.startswith(name, token.start) and low_text[end : end + 1] == "s":
                end += 1  # a German or Dutch genitive ("Pablo Picassos Politik")
            if low_text.startswith(name, token.start) and (
                end == len(low_text) or not low_text[end].isalnum()
            ):
                ranges.append((token.start, end))
    if len(ranges) > 1 or ranges and ranges[0][1] - ranges[0][0] > 1:
        ranges += _rivals(text, ranges)
    return ranges


# "who would win, Luigi or Walter White?": a name set against a public or fictional figure
# is one too (one hop, a name of one or two words right beside the other).
_VERSUS = r"[ \t]+(?:or|o|ou|oder|of|czy|vs\.?|versus|contre|contro|gegen|tegen|contra)[ \t]+"
_RIVAL_BEFORE = re.compile(rf"(?<![\w'’])([^\W\d_][\w'’-]*(?:[ \t][A-ZÀ-Þ][\w'’-]*)?){_VERSUS}$")
_RIVAL_AFTER = re.compile(rf"{_VERSUS}([^\W\d_][\w'’-]*(?:[ \t][A-ZÀ-Þ][\w'’-]*)?)")


def _rivals(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in ranges:
        if end - start <= 1:
            continue  # a cue's mark, not a name
        before = _RIVAL_BEFORE.search(text, max(0, start - 40), start)
        if before is not None:
            out.append(before.span(1))
        after = _RIVAL_AFTER.match(text, end)
        if after is not None:
            out.append(after.span(1))
    return out


@per_message
def public_spans(text: str) -> list[tuple[int, int]]:
    """Where public figures are named, or a person is asked about ("who was …")."""
    return _public_ranges(text, _tokens(text), lexicon())


@functools.cache
def _public_by_first_word(public: frozenset[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name in public:
        words = _TOKEN.findall(name)
        if words:
            # Tokens are read without a possessive "'s", so "wendy's" is looked up as "wendy".
            first = words[0][:-2] if words[0].endswith(("'s", "’s")) else words[0]
            table.setdefault(first, []).append(name)
    return {k: tuple(v) for k, v in table.items()}


def fold(word: str) -> str:
    """Lower case without accents, the way names turn up in e-mail addresses and handles."""
    if word.isascii():
        return word.lower()  # nothing to decompose: the common case, kept cheap
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ł", "l").replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _hinted(folded: str, hints: frozenset[str]) -> bool:
    """Whether a word is one of the hints, or most of one ("broggini" in "nbroggini")."""
    if folded in hints:
        return True
    return len(folded) >= 4 and any(
        folded in hint
        and (len(hint) - len(folded) <= 2 or hint.startswith(folded) or hint.endswith(folded))
        for hint in hints
    )


def find_people(text: str, hints: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The character spans of person names in ``text``, in order, not overlapping.

    Args:
        text: the message.
        hints: folded name-like parts of the message's e-mail addresses and handles; a
            capitalized word that matches one is a name ("Fosca Beffa (fosca9@…)").
    """
    lex = lexicon()
    tokens = _tokens(text)
    if not tokens:
        return []
    cues = _cue_strengths(text, tokens)
    if hints:
        for k, token in enumerate(tokens):
            if token.cap and len(token.low) >= 3 and _hinted(fold(token.low), hints):
                # The surname is in the address ("fosca.beffa@", "nbroggini@"): the
                # capitalized word right before it is the first name.
                if k and _adjacent(tokens, k - 1):
                    before = tokens[k - 1]
                    if (
                        before.cap
                        and (not before.initial or before.low in lex.first_names)
                        and not (
                            before.low in lex.stop
                            or before.low in _POSSESSIVE_WORDS
                            or before.low in _TITLE_WORDS
                            or before.low in _NOUN_MARKERS
                        )
                    ):
                        token = before
                cues[token.start] = max(cues.get(token.start, 0), _STRONG)
    if any(word in text for word in _BORN_WORDS):
        for match in _BORN_AFTER.finditer(text):
            cues[match.start()] = max(cues.get(match.start(), 0), _STRONG)
    spans: list[tuple[int, int]] = []
    i = 0
    count = len(tokens)
    first_names = lex.first_names
    while i < count:
        token = tokens[i]
        strength = cues.get(token.start, 0)
        # Most words: lower case, no cue before them, not a first name. _starts_name would
        # say no; saying it here saves a call per word.
        if not strength and not token.cap and token.low not in first_names:
            i += 1
            continue
        if not _starts_name(tokens, i, strength, lex):
            i += 1
            continue
        j = _extend(text, tokens, i, lex, lowercase=not token.cap, free=strength >= _KEY)
        spans.append((token.start, tokens[j].end))
        i = j + 1
    if "." in text:
        for match in _INITIALS.finditer(text):
            if match.group(1).lower() in lex.surnames and not any(
                match.start() < e and s < match.end() for s, e in spans
            ):
                spans.append((match.start(), match.end()))
        spans.sort()
    if not spans:
        return spans
    public = public_spans(text)  # the tokens' and the lexicon's, as above
    if public:
        spans = [s for s in spans if not any(s[0] < e and b < s[1] for b, e in public)]
    return spans


def _starts_name(tokens: list[_Token], i: int, strength: float, lex: Lexicon) -> bool:
    token = tokens[i]
    low = token.low
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if strength == _TITLE:
        # "Mr. English", "Meneer van den Broek": after a title, a capital or a particle.
        if low in _PARTICLES and following is not None and _adjacent(tokens, i):
            return True
        return token.cap and len(low) >= 2
    if len(low) < 2 or low in EXTRA_STOP or low.startswith(("i'", "i’")):
        return False
    if token.word.isupper() and strength < _STRONG:
        return False  # an acronym (IRA, SQL), not a name written in capitals
    if strength >= _STRONG:
        if (
            strength == _GREET
            and low not in lex.first_names
            and low not in lex.surnames
            and is_known_word(low)
        ):
            return False  # "Hallo, Tabelle: …", "Ciao, Treno alle 5", "Dear Customer"
        if token.cap:
            if low in _PARTICLES:
                return following is not None and following.cap and _adjacent(tokens, i)
            return low not in lex.stop or low in lex.wordlike or low in lex.first_names
        if strength == _TITLE or low in lex.stop:
            return False
        # Lower case after a cue: a listed name, or anything after "my name is" / "Name:"
        # that is not a type or value from code ("name: str").
        if low in _CODE_WORDS:
            return False
        return strength >= _KEY or low in lex.first_names or low in lex.surnames
    if low in lex.stop:
        return False
    if strength == _WEAK and token.cap and low not in lex.strict:
        return True
    if strength == _TELL and following is not None and following.low in _THAT and len(low) >= 3:
        return True
    if (
        strength
        and low in lex.first_names
        and low not in lex.strict
        and (token.cap or low not in lex.wordlike)
    ):
        return True
    if low in lex.strict:
        return token.cap and _surname_follows(tokens, i, lex)
    if low not in lex.first_names and token.cap and _coordinated(tokens, i, lex):
        return True
    if low not in lex.first_names and token.cap and _rare_name_in_person_slot(tokens, i, lex):
        return True
    if low not in lex.first_names:
        # An unlisted capitalized word before a listed name: "Tadhg Murphy", "Park Ji-woo".
        previous = tokens[i - 1] if i else None
        return (
            token.cap
            and not token.initial
            and low not in lex.wordlike
            and low not in _TITLE_WORDS
            and (previous is None or previous.low not in _POSSESSIVE_WORDS)
            and following is not None
            and following.cap
            and len(following.low) >= 3
            and (following.low in lex.surnames or following.low in lex.first_names)
            and following.low not in lex.stop
            and following.low not in lex.wordlike
            and following.low not in lex.strict
            and following.low not in _PLACE_WORDS
            and _adjacent(tokens, i)
        )
    previous = tokens[i - 1] if i else None
    if not token.cap:
        # A listed name in lower case counts where a person is expected: "for maria",
        # "with jan", "anna's", "tom said".
        return (
            low not in lex.lower_wordlike
            and len(low) >= 3
            and (
                previous is not None
                and previous.low in _PERSON_BEFORE
                or following is not None
                and following.low in _PERSON_VERBS
                or token.possessive
            )
        )
    if previous is not None and previous.low in _PLACE_PREFIXES and previous.cap:
        return False
    if low not in lex.wordlike:
        return True
    # A name that is also a word: trust it where a word would not be capitalized.
    if following is not None and _adjacent(tokens, i):
        if following.low in _PERSON_VERBS:
            return True
        if following.cap and following.low not in lex.stop and following.low not in lex.strict:
            return True
        if following.low in _AND and i + 2 < len(tokens):
            after = tokens[i + 2]
            if after.low in _ME or (after.cap and after.low in lex.first_names):
                return True
    if token.initial:
        return False
    return previous is None or previous.low not in _NOUN_MARKERS


def _rare_name_in_person_slot(tokens: list[_Token], i: int, lex: Lexicon) -> bool:
    """Whether a capitalized word in no vocabulary stands where a person is expected.

    For example "lunch with Aigerim", "Hauke hat mich gefragt", "pick up Ruaridh" or
    "Raoni, can you …".
    """
    token = tokens[i]
    low = token.low
    if len(low) < 3 or low in lex.stop or low in _TITLE_WORDS or low in _POSSESSIVE_WORDS:
        return False
    previous = tokens[i - 1] if i else None
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if _acronym(token.word) or following is not None and following.low in _COMPANY_SUFFIXES:
        return False
    slot = (
        previous is not None
        and not token.initial
        and previous.low in _RARE_SLOT_BEFORE
        or token.possessive
        or following is not None
        and _adjacent(tokens, i)
        and following.low in _PERSON_FOLLOW
        or following is not None
        and following.low in _REQUESTS
        and token.initial
        and following.start - token.end == 2
    )
    return slot and not low.endswith(_NOUN_ENDINGS) and not is_known_word(low)


def _acronym(word: str) -> bool:
    return len(word) > 2 and word.rstrip("s").isupper()


def _coordinated(tokens: list[_Token], i: int, lex: Lexicon) -> bool:
    """Whether an unlisted capitalized word is joined by "and" to a person.

    For example "Iolo and I", "Thuy and James" or "James and Thuy".
    """
    low = tokens[i].low
    if low in lex.stop or low in lex.strict or low in lex.wordlike or low in _TITLE_WORDS:
        return False
    if i + 1 < len(tokens) and tokens[i + 1].low in _COMPANY_SUFFIXES:
        return False
    if i + 2 < len(tokens) and tokens[i + 1].low in _AND and _adjacent(tokens, i):
        after = tokens[i + 2]
        if (
            after.low in _ME
            or after.cap
            and after.low in lex.first_names
            and (after.low not in lex.wordlike and after.low not in lex.strict)
        ):
            return True
    if i >= 2 and tokens[i - 1].low in _AND and _adjacent(tokens, i - 1):
        before = tokens[i - 2]
        if (
            before.cap
            and before.low in lex.first_names
            and _adjacent(tokens, i - 2)
            and (before.low not in lex.wordlike and before.low not in lex.strict)
        ):
            return not tokens[i].initial
    return False


def _surname_follows(tokens: list[_Token], i: int, lex: Lexicon) -> bool:
    if i + 1 >= len(tokens) or not _adjacent(tokens, i):
        return False
    following = tokens[i + 1]
    return following.cap and following.low in lex.surnames and following.low not in lex.stop


def _adjacent(tokens: list[_Token], i: int) -> bool:
    """Whether token ``i + 1`` follows token ``i`` after a single space on the same line."""
    return tokens[i + 1].start == tokens[i].end + 1 and tokens[i + 1].spaced


def _extend(
    text: str, tokens: list[_Token], i: int, lex: Lexicon, *, lowercase: bool, free: bool
) -> int:
    """The index of the last token of the name that starts at token ``i``."""
    j = i
    added = 0
    while j + 1 < len(tokens) and added < 3:
        nxt = tokens[j + 1]
        if text[tokens[j].end : nxt.start] not in (" ", "-"):
            break
        low = nxt.low
        if low in _PARTICLES and not nxt.cap or low in ("van", "von", "de", "da", "di", "del"):
            # A particle belongs to the name only if a capitalized part follows it.
            k = j + 1
            while k + 1 < len(tokens) and tokens[k + 1].low in _PARTICLES:
                k += 1
            german = tokens[j + 1].low in ("von", "zu", "vom")
            if (
                k + 1 < len(tokens)
                and tokens[k + 1].cap
                and text[tokens[k].end : tokens[k + 1].start] == " "
                and k - j <= 3
                and (not german or tokens[k + 1].low in lex.surnames)
            ):
                j = k + 1
                added += 1
                continue
            break
        if low in MONTHS_AND_DAYS or low.startswith(("i'", "i’")) or low in EXTRA_STOP:
            break
        if low in lex.stop and not (nxt.cap and len(low) >= 4 and low not in _NOUN_MARKERS):
            break
        if nxt.word.isupper() and len(nxt.word) > 1 or low in _COMPANY_SUFFIXES:
            break
        if nxt.cap:
            j += 1
            added += 1
            continue
        if lowercase and (
            free
            and added < 2
            or (low in lex.surnames or low in lex.first_names)
            and low not in lex.lower_wordlike
        ):
            j += 1
            added += 1
            continue
        break
    return j
