r"""Generate the labelled anonymizer and sensitivity corpora from the templates in corpus_src/.

Run ``python tests/data/make_corpus.py`` after editing a template file; the output is
committed, so the tests never run this. It is seeded, so the output is reproducible.

Template lines are ``lang|template`` (``\\n`` in a template is a line break). Slots such
as ``{NAME}`` or ``{IBAN}`` are filled with fresh values for the message's language and
labelled; decoy slots such as ``{ORDER}`` or ``{ISBN}`` are filled but not labelled.
Hand-written values are marked inline as ``[[TYPE|value]]``. A language tag ending in ``:lc``
lowercases the whole message after filling (people type like that). A template with slots
is instantiated several times; one with none is used once.

Names come from Faker's locale lists mixed with names that are deliberately *not* in the
detector's gazetteer (rare first names and synthesized surnames), so that name detection is
measured on names it cannot simply look up.
"""

from __future__ import annotations

import importlib
import json
import random
import re
import string
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "corpus_src"
GAZETTEER = HERE.parents[1] / "app" / "core" / "privacy" / "data"

LANG_LOCALES = {
    "en": ["en_US", "en_GB", "en_IE"],
    "de": ["de_DE", "de_AT", "de_CH"],
    "fr": ["fr_FR", "fr_CH"],
    "es": ["es_ES", "es_MX", "es_AR"],
    "it": ["it_IT"],
    "nl": ["nl_NL", "nl_BE"],
    "pl": ["pl_PL"],
    "pt": ["pt_PT", "pt_BR"],
}
GLOBAL_LOCALES = ["en_IN", "yo_NG", "ig_NG", "tr_TR", "vi_VN", "id_ID", "zh_CN", "ja_JP"]
# First names that are real but rare; kept only if the gazetteer does not list them.
RARE_FIRST = [
    "Ailbhe",
    "Tadhg",
    "Oisín",
    "Saoirse",
    "Caoimhe",
    "Eilidh",
    "Ruaridh",
    "Seren",
    "Gwenllian",
    "Bryn",
    "Iolo",
    "Maelle",
    "Gaëlle",
    "Ysolde",
    "Corentin",
    "Loïc",
    "Enora",
    "Tifenn",
    "Iñaki",
    "Aitziber",
    "Nerea",
    "Unai",
    "Garazi",
    "Ibai",
    "Xabier",
    "Leire",
    "Jokin",
    "Uxue",
    "Mireia",
    "Pau",
    "Jordi",
    "Montserrat",
    "Núria",
    "Arnau",
    "Guiomar",
    "Xoán",
    "Uxía",
    "Brais",
    "Antía",
    "Ottavio",
    "Ginevra",
    "Fosca",
    "Tancredi",
    "Ludovica",
    "Anselmo",
    "Benedetta",
    "Rocco",
    "Zeno",
    "Oddone",
    "Wiebke",
    "Hauke",
    "Tjark",
    "Frauke",
    "Imke",
    "Jelle",
    "Sjoerd",
    "Wietske",
    "Hylke",
    "Douwe",
    "Froukje",
    "Aafke",
    "Siebe",
    "Kasimir",
    "Bolesław",
    "Przemysław",
    "Wojsław",
    "Jarogniew",
    "Dobrosława",
    "Świętopełk",
    "Bożydar",
    "Zbysław",
    "Gniewko",
    "Iara",
    "Jaciara",
    "Ubiratã",
    "Moacir",
    "Raoni",
    "Potira",
    "Jurema",
    "Caetano",
    "Ivete",
    "Zuleica",
    "Ondina",
    "Deolinda",
    "Temitope",
    "Olamide",
    "Chidinma",
    "Ebele",
    "Uzoma",
    "Ikenna",
    "Adaeze",
    "Oluwadamilare",
    "Nnamdi",
    "Kelechi",
    "Thandeka",
    "Sibusiso",
    "Nokuthula",
    "Bongani",
    "Mpho",
    "Lerato",
    "Kagiso",
    "Tumelo",
    "Anesu",
    "Rutendo",
    "Farai",
    "Aigerim",
    "Nurlan",
    "Bakhyt",
    "Zhanna",
    "Yerlan",
    "Dauren",
    "Gulnara",
    "Timur",
    "Rustam",
    "Dilnoza",
    "Sardor",
    "Xiuying",
    "Zihan",
    "Yichen",
    "Ruoxi",
    "Haoran",
    "Zixuan",
    "Junjie",
    "Yuxuan",
    "Kaito",
    "Riku",
    "Haruki",
    "Mei",
    "Sora",
    "Ren",
    "Seoyun",
    "Doyun",
    "Hayoon",
    "Jiho",
    "Siwoo",
    "Harin",
    "Jiyu",
    "Thuy",
    "Khanh",
    "Bao",
    "Phuc",
    "Nhung",
    "Vy",
    "Tien",
    "Kiet",
    "Anouk",
    "Sanne",
    "Ilse",
    "Femke",
    "Maartje",
    "Tijmen",
    "Rutger",
    "Ewoud",
    "Gijs",
    "Lonneke",
    "Marloes",
    "Jorien",
    "Ximena",
    "Itzel",
    "Yatzil",
    "Citlali",
    "Xóchitl",
    "Tenoch",
    "Cuauhtémoc",
    "Nayeli",
    "Yaretzi",
    "Itzayana",
]
SURNAME_PARTS = {
    "en": (
        ["Ash", "Brad", "Kettle", "Thorn", "Whit", "Hollo", "Marsh", "Penn", "Stow", "Wick"],
        ["bury", "worth", "ford", "ley", "ham", "well", "wood", "croft", "combe", "ridge"],
    ),
    "de": (
        ["Ober", "Ried", "Hinter", "Schwarz", "Lind", "Kessel", "Brunn", "Eich", "Stein", "Wald"],
        [
            "mayr",
            "huber",
            "bichler",
            "steiner",
            "hofer",
            "brunner",
            "moser",
            "leitner",
            "gruber",
            "eder",
        ],
    ),
    "fr": (
        ["Vau", "Bel", "Mont", "Roche", "Ville", "Bois", "Ker", "Lan", "Pen", "Tré"],
        ["lard", "mont", "fort", "ville", "court", "guen", "nec", "zec", "bert", "doux"],
    ),
    "es": (
        ["Ech", "Arri", "Goi", "Mendi", "Etxe", "Zubi", "Olaz", "Ibar", "Larra", "Agui"],
        [
            "everría",
            "aga",
            "koetxea",
            "zábal",
            "barren",
            "zarreta",
            "rrezábal",
            "goiti",
            "uri",
            "rre",
        ],
    ),
    "it": (
        ["Sca", "Tra", "Lom", "Bor", "Cic", "Mas", "Pel", "Fer", "Giu", "Zan"],
        [
            "mozzi",
            "vaglini",
            "bardelli",
            "rigotti",
            "cioni",
            "sarotti",
            "licciardi",
            "nuzzo",
            "ghetti",
            "otto",
        ],
    ),
    "nl": (
        ["Hoog", "Over", "Wester", "Zand", "Bruin", "Vlie", "Kroon", "Hout", "Dijk", "Brug"],
        ["kamp", "veld", "stra", "huis", "mans", "ma", "inga", "sma", "horst", "broek"],
    ),
    "pl": (
        ["Brzę", "Grzyb", "Szczu", "Chrzą", "Wierz", "Przy", "Gąsie", "Mroc", "Źdź", "Żmu"],
        [
            "czyszczykiewicz",
            "owski",
            "kiewicz",
            "ciński",
            "niak",
            "aszek",
            "ałka",
            "bicki",
            "uchowski",
            "ewicz",
        ],
    ),
    "pt": (
        ["Vascon", "Sarmen", "Quei", "Bragan", "Figuei", "Mace", "Carva", "Aze", "Pimen", "Tava"],
        ["celos", "to", "rós", "ça", "redo", "do", "lhal", "vedo", "tel", "res"],
    ),
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio "
    "julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno "
    "luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca "
    "lipca sierpnia września października listopada grudnia",
    "pt": "janeiro fevereiro março abril maio junho "
    "julho agosto setembro outubro novembro dezembro",
}

STREETS = {
    "en": [
        "Elm",
        "Oak",
        "Maple",
        "Church",
        "Mill",
        "Station",
        "Victoria",
        "Park",
        "High",
        "Kingsley",
        "Hawthorn",
        "Willow",
        "Cedar",
        "Queen's",
        "Albert",
        "Chestnut",
        "Orchard",
        "Pine",
        "Brook",
        "Greenwood",
        "Lakeview",
        "Sunset",
        "Riverside",
        "Harbor",
    ],
    "de": [
        "Haupt",
        "Bahnhof",
        "Goethe",
        "Schiller",
        "Linden",
        "Berg",
        "Garten",
        "Kirch",
        "Mozart",
        "Rosen",
        "Wald",
        "Feld",
        "Buchen",
        "Eichen",
        "Birken",
        "Friedrich-Ebert-",
        "Tal",
        "Sonnen",
        "Mühlen",
        "Kastanien",
    ],
    "fr": [
        "de la République",
        "Victor Hugo",
        "des Lilas",
        "du Moulin",
        "de la Gare",
        "Jean Jaurès",
        "des Écoles",
        "Pasteur",
        "du Château",
        "de Paris",
        "des Acacias",
        "Gambetta",
        "Saint-Michel",
        "de la Paix",
        "des Roses",
        "Voltaire",
    ],
    "es": [
        "Mayor",
        "de Alcalá",
        "del Sol",
        "de la Paz",
        "Gran Vía",
        "de Cervantes",
        "Real",
        "de San Juan",
        "de Goya",
        "del Carmen",
        "de la Constitución",
        "de las Flores",
        "de Serrano",
        "Nueva",
        "del Prado",
    ],
    "it": [
        "Roma",
        "Garibaldi",
        "Mazzini",
        "Verdi",
        "dei Mille",
        "Dante",
        "Cavour",
        "Vittorio Emanuele",
        "della Repubblica",
        "Marconi",
        "San Giovanni",
        "dei Tigli",
        "delle Rose",
        "XX Settembre",
        "Manzoni",
    ],
    "nl": [
        "Kerk",
        "Molen",
        "Dorps",
        "School",
        "Stations",
        "Linden",
        "Beuken",
        "Eiken",
        "Berken",
        "Prinsen",
        "Oranje",
        "Wilhelmina",
        "Juliana",
        "Rozen",
        "Vondel",
    ],
    "pl": [
        "Kwiatowa",
        "Polna",
        "Leśna",
        "Słoneczna",
        "Krótka",
        "Szkolna",
        "Ogrodowa",
        "Lipowa",
        "Mickiewicza",
        "Kościuszki",
        "Sienkiewicza",
        "Piłsudskiego",
        "Długa",
        "Wiejska",
        "Jasna",
    ],
    "pt": [
        "das Flores",
        "da Liberdade",
        "do Comércio",
        "Augusta",
        "de São Bento",
        "das Palmeiras",
        "Dom Pedro II",
        "da Paz",
        "do Sol",
        "Sete de Setembro",
        "Barão de Mauá",
        "da Glória",
        "Almirante Reis",
        "da Boavista",
        "Paulista",
    ],
}
CITIES = {
    "en": [
        ("London", "SW1A 2AA"),
        ("Manchester", "M1 1AE"),
        ("Leeds", "LS1 4DY"),
        ("Bristol", "BS1 5TR"),
        ("Springfield, IL", "62704"),
        ("Austin, TX", "78701"),
        ("Portland, OR", "97205"),
        ("Boston, MA", "02118"),
        ("Dublin", "D02 X285"),
        ("Edinburgh", "EH1 1YZ"),
    ],
    "de": [
        ("Berlin", "10115"),
        ("München", "80331"),
        ("Hamburg", "20095"),
        ("Köln", "50667"),
        ("Leipzig", "04109"),
        ("Wien", "1010"),
        ("Graz", "8010"),
        ("Zürich", "8001"),
        ("Freiburg", "79098"),
    ],
    "fr": [
        ("Paris", "75011"),
        ("Lyon", "69003"),
        ("Marseille", "13001"),
        ("Toulouse", "31000"),
        ("Nantes", "44000"),
        ("Lille", "59000"),
        ("Rennes", "35000"),
        ("Genève", "1204"),
    ],
    "es": [
        ("Madrid", "28013"),
        ("Barcelona", "08001"),
        ("Sevilla", "41001"),
        ("Valencia", "46001"),
        ("Bilbao", "48001"),
        ("Zaragoza", "50001"),
        ("Málaga", "29001"),
        ("Ciudad de México", "06600"),
    ],
    "it": [
        ("Roma", "00184"),
        ("Milano", "20121"),
        ("Napoli", "80132"),
        ("Torino", "10121"),
        ("Bologna", "40121"),
        ("Firenze", "50122"),
        ("Palermo", "90133"),
    ],
    "nl": [
        ("Amsterdam", "1012 AB"),
        ("Rotterdam", "3011 AD"),
        ("Utrecht", "3511 LX"),
        ("Den Haag", "2511 CV"),
        ("Eindhoven", "5611 EM"),
        ("Groningen", "9711 LM"),
        ("Gent", "9000"),
    ],
    "pl": [
        ("Warszawa", "00-950"),
        ("Kraków", "31-042"),
        ("Gdańsk", "80-830"),
        ("Wrocław", "50-077"),
        ("Poznań", "61-772"),
        ("Łódź", "90-001"),
        ("Lublin", "20-001"),
    ],
    "pt": [
        ("Lisboa", "1100-148"),
        ("Porto", "4000-322"),
        ("Coimbra", "3000-150"),
        ("Braga", "4700-320"),
        ("São Paulo - SP", "01310-100"),
        ("Rio de Janeiro - RJ", "20040-002"),
        ("Curitiba - PR", "80010-000"),
    ],
}
EMAIL_DOMAINS = {
    "en": [
        "gmail.com",
        "outlook.com",
        "yahoo.co.uk",
        "hotmail.com",
        "icloud.com",
        "proton.me",
        "btinternet.com",
    ],
    "de": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "gmx.at", "bluewin.ch"],
    "fr": ["orange.fr", "laposte.net", "free.fr", "gmail.com", "sfr.fr", "wanadoo.fr"],
    "es": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
    "it": ["libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "telenet.be"],
    "pl": ["wp.pl", "o2.pl", "onet.pl", "interia.pl", "gmail.com"],
    "pt": ["sapo.pt", "gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"],
}
WORK_DOMAINS = [
    "acme-logistics.com",
    "northwind.io",
    "kanzlei-weber.de",
    "studio-lumiere.fr",
    "ferreteria-lopez.es",
    "rossi-associati.it",
    "bakkerij-devries.nl",
    "firma-nowak.pl",
    "contabilidade-silva.pt",
    "uni-hamburg.de",
    "ucl.ac.uk",
    "mail.example-clinic.org",
]
PROFILE_URLS = [
    "https://www.linkedin.com/in/{slug}",
    "linkedin.com/in/{slug}-{n}",
    "https://github.com/{user}",
    "https://twitter.com/{user}",
    "https://x.com/{user}",
    "instagram.com/{user}",
    "https://www.instagram.com/{user}/",
    "https://www.facebook.com/{slug}.{n}",
    "https://www.tiktok.com/@{user}",
    "https://mastodon.social/@{user}",
    "https://medium.com/@{user}",
    "https://www.youtube.com/@{user}",
    "https://{slug}.github.io",
    "https://www.{slugnd}.com",
    "http://{slugnd}.net/about",
    "https://{slugnd}.dev",
    "https://www.xing.com/profile/{xing}",
]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class Values:
    """Fresh, valid values for every slot type, for one language."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.gaz_first = self._gazetteer("first_names.txt")
        self.gaz_last = self._gazetteer("surnames.txt")
        self.rare_first = [n for n in RARE_FIRST if n.lower() not in self.gaz_first]
        self.pools: dict[str, tuple[list[str], list[str]]] = {}
        for locale in {loc for locs in LANG_LOCALES.values() for loc in locs} | set(GLOBAL_LOCALES):
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
            first: list[str] = []
            last: list[str] = []
            for attr in dir(provider):
                if attr.startswith("_") or not attr.endswith("s"):
                    continue
                romanized = locale in ("zh_CN", "ja_JP")
                if ("first_romanized_names" if romanized else "first_names") in attr:
                    first += list(getattr(provider, attr))
                elif ("last_romanized_names" if romanized else "last_names") in attr:
                    last += list(getattr(provider, attr))
            latin = re.compile(r"^[A-Za-z\u00c0-\u024f' -]+$")
            first = sorted({n for n in first if latin.match(n)})
            last = sorted({n for n in last if latin.match(n) and n != "Doe"})
            if first and last:
                self.pools[locale] = (first, last)

    @staticmethod
    def _gazetteer(name: str) -> set[str]:
        return {
            line
            for line in (GAZETTEER / name).read_text("utf-8").splitlines()
            if line and not line.startswith("#")
        }

    # -- people -------------------------------------------------------------------------
    def person(self, lang: str) -> tuple[str, str]:
        rng = self.rng
        locale = rng.choice(GLOBAL_LOCALES if rng.random() < 0.25 else LANG_LOCALES[lang])
        if locale not in self.pools:
            locale = LANG_LOCALES[lang][0]
        first_pool, last_pool = self.pools[locale]
        first = rng.choice(self.rare_first) if rng.random() < 0.12 else rng.choice(first_pool)
        if rng.random() < 0.25:
            heads, tails = SURNAME_PARTS[lang]
            last = rng.choice(heads) + rng.choice(tails)
        else:
            last = rng.choice(last_pool)
        if lang == "pl" and locale == "pl_PL" and last.endswith("ski") and rng.random() < 0.5:
            last = last[:-1] + "a"
        return first.split(" ")[0] if rng.random() < 0.8 else first, last

    # -- contact --------------------------------------------------------------------------
    def email(self, lang: str, first: str, last: str) -> str:
        rng = self.rng
        f, la = _ascii(first).lower().replace(" ", ""), _ascii(last).lower().replace(" ", "")
        la = la.replace("'", "")
        local = rng.choice(
            [
                f"{f}.{la}",
                f"{f[0]}{la}",
                f"{f}{rng.randint(1, 99)}",
                f"{f}_{la}",
                f"{la}.{f[0]}",
                f"{f}{la}{rng.randint(70, 99)}",
                f"{f}+shop",
                f"{f[0]}.{la}",
            ]
        )
        domain = rng.choice(EMAIL_DOMAINS[lang] + WORK_DOMAINS[:3])
        address = f"{local}@{domain}"
        return address.upper() if rng.random() < 0.03 else address

    def phone(self, lang: str) -> str:
        rng = self.rng
        d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
        formats: dict[str, list[Callable[[], str]]] = {
            "en": [
                lambda: f"+44 7{d(3)} {d(6)}",
                lambda: f"07{d(3)} {d(6)}",
                lambda: f"020 {d(4)} {d(4)}",
                lambda: f"({rng.randint(201, 989)}) {d(3)}-{d(4)}",
                lambda: f"{rng.randint(201, 989)}-{d(3)}-{d(4)}",
                lambda: f"+1 {rng.randint(201, 989)} {d(3)} {d(4)}",
                lambda: f"{rng.randint(201, 989)}.{d(3)}.{d(4)}",
                lambda: f"+353 8{d(1)} {d(3)} {d(4)}",
            ],
            "de": [
                lambda: f"+49 1{rng.choice('567')}{d(1)} {d(7)}",
                lambda: f"01{rng.choice('567')}{d(1)} {d(7)}",
                lambda: f"030 {d(8)}",
                lambda: f"089/{d(7)}",
                lambda: f"+49 (0)40 {d(3)} {d(4)}",
                lambda: f"0{d(3)} {d(2)} {d(2)} {d(2)}",
                lambda: f"+43 664 {d(7)}",
                lambda: f"0049 17{d(1)} {d(7)}",
                lambda: f"01{rng.choice('567')}{d(1)}-{d(7)}",
            ],
            "fr": [
                lambda: f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
                lambda: f"07 {d(2)} {d(2)} {d(2)} {d(2)}",
                lambda: f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
                lambda: f"01.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
                lambda: f"+33 (0)1 {d(2)} {d(2)} {d(2)} {d(2)}",
                lambda: f"06{d(8)}",
            ],
            "es": [
                lambda: f"6{d(2)} {d(3)} {d(3)}",
                lambda: f"+34 6{d(2)} {d(3)} {d(3)}",
                lambda: f"91 {d(3)} {d(2)} {d(2)}",
                lambda: f"7{d(2)} {d(2)} {d(2)} {d(2)}",
                lambda: f"+34 9{d(2)} {d(3)} {d(3)}",
                lambda: f"+52 55 {d(4)} {d(4)}",
            ],
            "it": [
                lambda: f"3{d(2)} {d(3)} {d(4)}",
                lambda: f"+39 3{d(2)} {d(7)}",
                lambda: f"06 {d(4)} {d(4)}",
                lambda: f"02 {d(8)}",
                lambda: f"+39 02 {d(4)} {d(4)}",
                lambda: f"3{d(2)}-{d(7)}",
            ],
            "nl": [
                lambda: f"06-{d(8)}",
                lambda: f"06 {d(8)}",
                lambda: f"+31 6 {d(8)}",
                lambda: f"020 {d(3)} {d(4)}",
                lambda: f"+31 (0)20 {d(3)} {d(4)}",
                lambda: f"+32 4{d(2)} {d(2)} {d(2)} {d(2)}",
            ],
            "pl": [
                lambda: f"{rng.choice('5678')}{d(2)} {d(3)} {d(3)}",
                lambda: f"+48 {rng.choice('5678')}{d(2)} {d(3)} {d(3)}",
                lambda: f"+48 {rng.choice('5678')}{d(8)}",
                lambda: f"22 {d(3)} {d(2)} {d(2)}",
                lambda: f"{rng.choice('5678')}{d(2)}-{d(3)}-{d(3)}",
            ],
            "pt": [
                lambda: f"9{d(2)} {d(3)} {d(3)}",
                lambda: f"+351 9{d(2)} {d(3)} {d(3)}",
                lambda: f"21 {d(3)} {d(4)}",
                lambda: f"(11) 9{d(4)}-{d(4)}",
                lambda: f"+55 11 9{d(4)}-{d(4)}",
                lambda: f"(21) 9{d(4)}-{d(4)}",
            ],
        }
        return rng.choice(formats[lang])()

    def street(self, lang: str) -> str:
        rng = self.rng
        base, n = rng.choice(STREETS[lang]), rng.randint(1, 220)
        unit = ""
        if lang == "en":
            suffix = rng.choice(
                [
                    "Street",
                    "St",
                    "Road",
                    "Rd.",
                    "Avenue",
                    "Ave",
                    "Lane",
                    "Drive",
                    "Close",
                    "Way",
                    "Court",
                    "Boulevard",
                    "Place",
                    "Terrace",
                    "Crescent",
                ]
            )
            if rng.random() < 0.25:
                unit = rng.choice(
                    [
                        f", Apt {rng.randint(1, 40)}",
                        f" Apt. {rng.randint(1, 40)}B",
                        f", Suite {rng.randint(100, 900)}",
                    ]
                )
            out = f"{n} {base} {suffix}{unit}"
            return f"Flat {rng.randint(1, 12)}, {out}" if rng.random() < 0.1 else out
        if lang == "de":
            suffix = rng.choice(
                ["straße", "str.", "weg", "allee", "platz", "gasse", "ring", "strasse"]
            )
            sep = "" if not base.endswith("-") else ""
            letter = rng.choice(["", "", "", "a", "b"])
            return f"{base}{sep}{suffix} {n}{letter}"
        if lang == "fr":
            kind = rng.choice(
                ["rue", "avenue", "boulevard", "place", "allée", "chemin", "impasse", "quai"]
            )
            bis = rng.choice(["", "", "", " bis", " ter"])
            comma = rng.choice(["", ","])
            return f"{n}{bis}{comma} {kind} {base}"
        if lang == "es":
            kind = rng.choice(["Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Camino"])
            num = rng.choice([f", {n}", f" {n}", f", nº {n}", f" n.º {n}"])
            floor = rng.choice(
                [
                    "",
                    "",
                    f", {rng.randint(1, 9)}º {rng.choice('ABCD')}",
                    f", piso {rng.randint(1, 9)}",
                ]
            )
            return f"{kind} {base}{num}{floor}"
        if lang == "it":
            kind = rng.choice(["Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo", "via"])
            return (
                f"{kind} {base}{rng.choice([', ', ' '])}{n}{rng.choice(['', '', '/B', ' int. 4'])}"
            )
        if lang == "nl":
            suffix = rng.choice(
                ["straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk"]
            )
            return f"{base}{suffix} {n}{rng.choice(['', '', '-A', 'bis', ' II'])}"
        if lang == "pl":
            kind = rng.choice(["ul.", "ulica", "al.", "os.", "pl."])
            return f"{kind} {base} {n}{rng.choice(['', '', f'/{rng.randint(1, 90)}', f' m. {rng.randint(1, 90)}'])}"  # noqa: E501
        kind = rng.choice(["Rua", "Avenida", "Av.", "Travessa", "Praça", "Largo", "Alameda"])
        return f"{kind} {base}{rng.choice([', ', ', nº ', ' '])}{n}{rng.choice(['', '', ', 3º Dto', ', apto 52', ' - apto 101'])}"  # noqa: E501

    def address(self, lang: str, multiline: bool) -> str:
        city, postcode = self.rng.choice(CITIES[lang])
        if lang == "en" and "," in city or lang == "en":
            line2 = f"{city} {postcode}"
        elif lang == "pt" and "-" in city:
            line2 = f"{postcode} {city}" if self.rng.random() < 0.5 else f"{city}, {postcode}"
        else:
            line2 = f"{postcode} {city}"
        return f"{self.street(lang)}{chr(10) if multiline else ', '}{line2}"

    # -- money --------------------------------------------------------------------------
    @staticmethod
    def _luhn_digit(body: str) -> str:
        total = 0
        for i, ch in enumerate(reversed(body)):
            v = int(ch)
            if i % 2 == 0:
                v *= 2
                v -= 9 if v > 9 else 0
            total += v
        return str((10 - total % 10) % 10)

    def card(self) -> str:
        rng = self.rng
        kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc"])
        prefix, length = {
            "visa": ("4", 16),
            "mc": (str(rng.randint(51, 55)), 16),
            "mc2": (str(rng.randint(2221, 2720)), 16),
            "amex": (rng.choice(["34", "37"]), 15),
            "disc": ("6011", 16),
        }[kind]
        body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
        number = body + self._luhn_digit(body)
        style = rng.random()
        if length == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}" if style < 0.7 else number
        if style < 0.55:
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        if style < 0.8:
            return "-".join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def iban(self, lang: str) -> str:
        rng = self.rng
        country = rng.choice(
            {
                "en": ["GB", "IE"],
                "de": ["DE", "DE", "AT", "CH"],
                "fr": ["FR", "BE"],
                "es": ["ES"],
                "it": ["IT"],
                "nl": ["NL", "BE"],
                "pl": ["PL"],
                "pt": ["PT", "BR"],
            }[lang]
        )
        dig = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
        up = lambda n: "".join(rng.choice(string.ascii_uppercase) for _ in range(n))  # noqa: E731
        bban = {
            "GB": lambda: up(4) + dig(14),
            "IE": lambda: up(4) + dig(14),
            "DE": lambda: dig(18),
            "AT": lambda: dig(16),
            "CH": lambda: dig(17),
            "FR": lambda: dig(23),
            "BE": lambda: dig(12),
            "ES": lambda: dig(20),
            "IT": lambda: up(1) + dig(22),
            "NL": lambda: up(4) + dig(10),
            "PL": lambda: dig(24),
            "PT": lambda: dig(21),
            "BR": lambda: dig(23) + "C1",
        }[country]()
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        check = 98 - int(numeric) % 97
        iban = f"{country}{check:02d}{bban}"
        if rng.random() < 0.6:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    # -- network ------------------------------------------------------------------------
    def ip(self) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return rng.choice(
                [
                    f"192.168.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                    f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}",
                ]
            )
        first = rng.choice([rng.randint(1, 9), rng.randint(11, 126), rng.randint(128, 223)])
        return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"

    def ip6(self) -> str:
        rng = self.rng
        groups = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(8)]
        groups[0] = rng.choice(["2001", "2a02", "2a01", "2600", "fe80", "2003"])
        if rng.random() < 0.6:
            return ":".join(groups[:3]) + "::" + ":".join(groups[6:])
        return ":".join(groups)

    # -- government ids ------------------------------------------------------------------
    def gov_id(self, kind: str) -> str:
        rng = self.rng
        dig = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
        if kind == "ssn":
            area = rng.choice([n for n in range(1, 900) if n != 666])
            return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if kind == "nino":
            while True:
                prefix = rng.choice("ABCEGHJKLMNPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
                if prefix not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
                    break
            v = f"{prefix}{dig(6)}{rng.choice('ABCD')}"
            return f"{v[:2]} {v[2:4]} {v[4:6]} {v[6:8]} {v[8]}" if rng.random() < 0.5 else v
        if kind == "passport":
            return rng.choice(
                [
                    f"{rng.choice('CFGHJK')}{''.join(rng.choice('CFGHJKLMNPRTVWXYZ0123456789') for _ in range(8))}",  # noqa: E501
                    f"{rng.randint(1, 9)}{dig(8)}",
                    f"{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{dig(7)}",
                    f"{rng.choice(string.ascii_uppercase)}{dig(8)}",
                ]
            )
        if kind == "taxid_de":
            while True:
                digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(9)]
                if (
                    max(digits.count(x) for x in digits) in (2, 3)
                    and sum(digits.count(x) > 1 for x in set(digits)) == 1
                ):
                    break
            product = 10
            for x in digits:
                total = (x + product) % 10 or 10
                product = (total * 2) % 11
            check = (11 - product) % 10
            v = "".join(map(str, digits)) + str(check)
            return f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}" if rng.random() < 0.4 else v
        if kind == "pesel":
            year, month, day = rng.randint(1950, 2009), rng.randint(1, 12), rng.randint(1, 28)
            m = month + (20 if year >= 2000 else 0)
            body = f"{year % 100:02d}{m:02d}{day:02d}{dig(4)}"
            weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
            check = (10 - sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 10) % 10
            return body + str(check)
        if kind == "cf":
            cons = "BCDFGHLMNPRSTVZ"
            v = (
                "".join(rng.choice(cons) for _ in range(6))
                + dig(2)
                + rng.choice("ABCDEHLMPRST")
                + f"{rng.randint(1, 71):02d}"
            )
            v += rng.choice("ABCDEFGHILMZ") + dig(3)
            odd = [
                1,
                0,
                5,
                7,
                9,
                13,
                15,
                17,
                19,
                21,
                2,
                4,
                18,
                20,
                11,
                3,
                6,
                8,
                12,
                14,
                16,
                10,
                22,
                25,
                24,
                23,
            ]
            total = 0
            for i, c in enumerate(v):
                idx = int(c) if c.isdigit() else ord(c) - 65
                total += odd[idx] if i % 2 == 0 else idx
            return v + chr(65 + total % 26)
        if kind == "dni":
            n = rng.randint(10000000, 99999999)
            return (
                f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
                if rng.random() < 0.8
                else f"{n}-{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
            )
        if kind == "nie":
            p = rng.choice("XYZ")
            n = rng.randint(1000000, 9999999)
            return f"{p}{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(p)) + str(n)) % 23]}"
        if kind == "insee":
            body = f"{rng.choice('12')}{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}{dig(3)}{dig(3)}"  # noqa: E501
            key = 97 - int(body) % 97
            v = body + f"{key:02d}"
            return (
                f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"
                if rng.random() < 0.6
                else v
            )
        if kind == "bsn":
            while True:
                digits = [rng.randint(0, 9) for _ in range(8)]
                total = sum(x * w for x, w in zip(digits, range(9, 1, -1), strict=True))
                last = total % 11
                if last < 10 and digits[0] != 0:
                    v = "".join(map(str, digits)) + str(last)
                    return f"{v[:4]}.{v[4:6]}.{v[6:]}" if rng.random() < 0.3 else v
        if kind == "cpf":
            digits = [rng.randint(0, 9) for _ in range(9)]
            for _ in range(2):
                total = sum(
                    x * w for x, w in zip(digits, range(len(digits) + 1, 1, -1), strict=True)
                )
                digits.append((total * 10) % 11 % 10)
            v = "".join(map(str, digits))
            return f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}" if rng.random() < 0.8 else v
        if kind == "aadhaar":
            d_table = [
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
                [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
                [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
                [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
                [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
                [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
                [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
                [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
                [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
                [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
            ]
            p_table = [
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
                [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
                [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
                [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
                [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
                [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
                [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
                [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
            ]
            inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
            body = str(rng.randint(2, 9)) + dig(10)
            c = 0
            for i, ch in enumerate(reversed(body)):
                c = d_table[c][p_table[(i + 1) % 8][int(ch)]]
            v = body + str(inv[c])
            return f"{v[:4]} {v[4:8]} {v[8:]}" if rng.random() < 0.8 else v
        if kind == "pan":
            return (
                "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
                + rng.choice("PCHFATBLJG")
                + rng.choice(string.ascii_uppercase)
                + dig(4)
                + rng.choice(string.ascii_uppercase)
            )
        raise ValueError(kind)

    def dob(self, lang: str) -> str:
        rng = self.rng
        y, m, d = rng.randint(1940, 2008), rng.randint(1, 12), rng.randint(1, 28)
        month = MONTHS[lang].split()[m - 1]
        options = {
            "en": [
                f"{m:02d}/{d:02d}/{y}",
                f"{d} {month} {y}",
                f"{month} {d}, {y}",
                f"{y}-{m:02d}-{d:02d}",
                f"{d}/{m}/{y}",
            ],
            "de": [f"{d:02d}.{m:02d}.{y}", f"{d}. {month} {y}", f"{d}.{m}.{y}"],
            "fr": [
                f"{d:02d}/{m:02d}/{y}",
                f"{d} {month} {y}",
                f"{'1er' if d == 1 else d} {month} {y}",
            ],
            "es": [f"{d:02d}/{m:02d}/{y}", f"{d} de {month} de {y}", f"{d}-{m:02d}-{y}"],
            "it": [f"{d:02d}/{m:02d}/{y}", f"{d} {month} {y}", f"{d}.{m:02d}.{y}"],
            "nl": [f"{d:02d}-{m:02d}-{y}", f"{d} {month} {y}", f"{d:02d}/{m:02d}/{y}"],
            "pl": [f"{d:02d}.{m:02d}.{y}", f"{d} {month} {y}", f"{d} {month} {y} r."],
            "pt": [f"{d:02d}/{m:02d}/{y}", f"{d} de {month} de {y}", f"{d:02d}-{m:02d}-{y}"],
        }
        return rng.choice(options[lang])

    def handle(self, first: str, last: str) -> str:
        rng = self.rng
        f = _ascii(first).lower().replace(" ", "")
        la = _ascii(last).lower().replace(" ", "").replace("'", "")
        return rng.choice(
            [
                f"{f[0]}{la}_{rng.randint(80, 99)}",
                f"{f}.{la}",
                f"{f}_{la[:3]}",
                f"{la}{f[0]}",
                f"the_real_{f}",
                f"{f}{rng.randint(1, 999)}",
                f"{f}x{la[:2]}",
                f"{f[:3]}{la[:3]}{rng.randint(1, 9)}",
            ]
        )

    def profile_url(self, first: str, last: str) -> str:
        rng = self.rng
        f = _ascii(first).lower().replace(" ", "")
        la = _ascii(last).lower().replace(" ", "").replace("'", "")
        return rng.choice(PROFILE_URLS).format(
            slug=f"{f}-{la}",
            slugnd=f"{f}{la}",
            user=self.handle(first, last),
            n=rng.randint(10, 999),
            xing=f"{first}_{last}".replace(" ", ""),
        )

    # -- decoys (never labelled) ------------------------------------------------------------
    def decoy(self, kind: str, lang: str) -> str:
        rng = self.rng
        dig = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
        if kind == "ORDER":
            return rng.choice(
                [
                    f"#{dig(6)}",
                    f"{dig(3)}-{dig(7)}-{dig(7)}",
                    f"A{dig(8)}",
                    f"ORD-{dig(5)}-{rng.choice('ABCDEF')}{dig(2)}",
                    f"{dig(10)}",
                    f"#{dig(4)}-{dig(4)}",
                    f"INV-2024-{dig(4)}",
                    f"{dig(8)}",
                ]
            )
        if kind == "VERSION":
            return rng.choice(
                [
                    f"{rng.randint(1, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}",
                    f"v{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
                    f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 999)}",  # noqa: E501
                    f"3.{rng.randint(8, 13)}.{rng.randint(0, 9)}",
                    f"{rng.randint(10, 130)}.0.{rng.randint(1000, 6999)}.{rng.randint(10, 200)}",
                ]
            )
        if kind == "PRICE":
            amount = rng.randint(3, 4999)
            cents = rng.randint(0, 99)
            return rng.choice(
                [
                    f"€{amount},{cents:02d}",
                    f"${amount:,}.{cents:02d}",
                    f"{amount:,} €".replace(",", "."),
                    f"£{amount}",
                    f"{amount} zł",
                    f"R$ {amount},{cents:02d}",
                    f"{amount},{cents:02d} EUR",
                    f"CHF {amount}.-",
                ]
            )
        if kind == "ISBN":
            body = rng.choice(["978", "979"]) + dig(9)
            total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
            v = body + str((10 - total % 10) % 10)
            return rng.choice(
                [
                    v,
                    f"{v[:3]}-{v[3]}-{v[4:7]}-{v[7:12]}-{v[12]}",
                    f"{v[:3]}-{v[3:5]}-{v[5:9]}-{v[9:12]}-{v[12]}",
                ]
            )
        if kind == "TRACKING":
            return rng.choice(
                [
                    f"1Z{dig(3)}{''.join(rng.choice(string.ascii_uppercase) for _ in range(2))}{dig(10)}",  # noqa: E501
                    f"JJD{dig(18)}",
                    f"{''.join(rng.choice(string.ascii_uppercase) for _ in range(2))}{dig(9)}{rng.choice(['DE', 'FR', 'NL', 'PL', 'PT', 'ES', 'IT', 'GB'])}",  # noqa: E501
                    f"{dig(12)}",
                    f"00{dig(18)}",
                    f"{dig(4)} {dig(4)} {dig(4)}",
                ]
            )
        if kind == "DATE":
            y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
            return rng.choice(
                [
                    f"{d:02d}.{m:02d}.{y}",
                    f"{y}-{m:02d}-{d:02d}",
                    f"{d:02d}/{m:02d}/{y}",
                    f"{d} {MONTHS[lang].split()[m - 1]}",
                ]
            )
        if kind == "TIME":
            return rng.choice(
                [
                    f"{rng.randint(7, 20)}:{rng.choice(['00', '15', '30', '45'])}",
                    f"{rng.randint(1, 12)} {rng.choice(['am', 'pm'])}",
                ]
            )
        if kind == "FAMOUS":
            return rng.choice(
                [
                    "Napoleon",
                    "Martin Luther",
                    "Albert Einstein",
                    "Marie Curie",
                    "Abraham Lincoln",
                    "Winston Churchill",
                    "Otto von Bismarck",
                    "Charles de Gaulle",
                    "Isaac Newton",
                    "Leonardo da Vinci",
                    "Angela Merkel",
                    "Karl Marx",
                    "Mahatma Gandhi",
                    "Nelson Mandela",
                    "Ada Lovelace",
                    "Alan Turing",
                    "Goethe",
                    "Victor Hugo",
                    "Miguel de Cervantes",
                    "Dante Alighieri",
                    "Adam Mickiewicz",
                    "Fernando Pessoa",
                    "Vincent van Gogh",
                    "Rembrandt",
                    "Queen Victoria",
                    "Julius Caesar",
                    "Frida Kahlo",
                    "Copernicus",
                    "Lech Wałęsa",
                    "Pope John Paul II",
                    "Charles Darwin",
                    "Nikola Tesla",
                    "Johann Sebastian Bach",
                ]
            )
        if kind == "CITY":
            return rng.choice(CITIES[lang])[0].split(",")[0].split(" - ")[0]
        if kind == "PUBURL":
            return rng.choice(
                [
                    "https://docs.python.org/3/library/re.html",
                    "https://en.wikipedia.org/wiki/Reformation",
                    "https://stackoverflow.com/questions/231767",
                    "https://github.com/psf/requests/issues/6093",
                    "https://www.bbc.co.uk/news",
                    "https://pandas.pydata.org/docs/",
                    "https://www.tagesschau.de",
                    "https://developer.mozilla.org/en-US/docs/Web/CSS/grid",
                    "https://www.lemonde.fr",
                    "https://pypi.org/project/numpy/",
                    "https://www.bahn.de",
                    "https://www.ikea.com/nl/nl/",
                ]
            )
        if kind == "NUMBER":
            return rng.choice(
                [
                    str(rng.randint(2, 999)),
                    f"{rng.randint(1, 99)},{rng.randint(0, 9)}",
                    f"{rng.randint(1000, 99999):,}",
                    f"{rng.randint(1, 50)}%",
                    f"{rng.randint(100, 9999)} km",
                    f"{rng.randint(1950, 2025)}",
                ]
            )
        raise ValueError(kind)


GOV_BY_LANG = {
    "en": ["ssn", "nino", "passport", "aadhaar", "pan"],
    "de": ["taxid_de", "passport"],
    "fr": ["insee", "passport"],
    "es": ["dni", "nie", "passport"],
    "it": ["cf", "passport"],
    "nl": ["bsn", "passport"],
    "pl": ["pesel", "passport"],
    "pt": ["cpf", "passport"],
}
SLOT = re.compile(r"\{([A-Za-z_0-9]+)\}|\[\[([A-Z_]+)\|(.+?)\]\]", re.DOTALL)
DECOYS = {
    "ORDER",
    "VERSION",
    "PRICE",
    "ISBN",
    "TRACKING",
    "DATE",
    "TIME",
    "FAMOUS",
    "CITY",
    "PUBURL",
    "NUMBER",
}


def fill(template: str, lang: str, values: Values) -> tuple[str, list[dict[str, object]]]:
    """One message from a template: its text and its gold entities (offsets into the text)."""
    rng = values.rng
    people: dict[str, tuple[str, str]] = {}

    def person(index: str) -> tuple[str, str]:
        if index not in people:
            people[index] = values.person(lang)
        return people[index]

    out: list[str] = []
    entities: list[dict[str, object]] = []
    pos = 0
    cursor = 0
    for match in SLOT.finditer(template):
        out.append(template[cursor : match.start()])
        pos += match.start() - cursor
        cursor = match.end()
        label: str | None
        if match.group(2):
            label, value = match.group(2), match.group(3)
        else:
            slot = match.group(1)
            key = slot.rstrip("0123456789")
            index = slot[len(key) :] or "1"
            lower = key.islower()
            key = key.upper()
            label = None
            if key in DECOYS:
                value = values.decoy(key, lang)
            elif key in ("NAME", "FIRST", "LAST"):
                first, last = person(index)
                value = {"NAME": f"{first} {last}", "FIRST": first, "LAST": last}[key]
                label = "PERSON"
            elif key == "EMAIL":
                value, label = values.email(lang, *person(index)), "EMAIL"
            elif key == "PHONE":
                value, label = values.phone(lang), "PHONE"
            elif key in ("ADDRESS", "ADDRESS_ML", "STREET"):
                value = (
                    values.street(lang)
                    if key == "STREET"
                    else values.address(lang, key == "ADDRESS_ML")
                )
                label = "STREET_ADDRESS"
            elif key == "CARD":
                value, label = values.card(), "CREDIT_CARD"
            elif key == "IBAN":
                value, label = values.iban(lang), "IBAN"
            elif key == "IP":
                value, label = values.ip(), "IP_ADDRESS"
            elif key == "IP6":
                value, label = values.ip6(), "IP_ADDRESS"
            elif key == "GOVID":
                value, label = values.gov_id(rng.choice(GOV_BY_LANG[lang])), "GOV_ID"
            elif key in (
                "SSN",
                "NINO",
                "PASSPORT",
                "TAXID_DE",
                "PESEL",
                "CF",
                "DNI",
                "NIE",
                "INSEE",
                "BSN",
                "CPF",
                "AADHAAR",
                "PAN",
            ):
                value, label = values.gov_id(key.lower()), "GOV_ID"
            elif key == "DOB":
                value, label = values.dob(lang), "DATE_OF_BIRTH"
            elif key == "HANDLE":
                value, label = "@" + values.handle(*person(index)), "USERNAME"
            elif key == "USER":
                value, label = values.handle(*person(index)), "USERNAME"
            elif key == "PURL":
                value, label = values.profile_url(*person(index)), "URL"
            else:
                raise ValueError(f"unknown slot {{{slot}}} in {template!r}")
            if lower:
                value = value.lower()
        out.append(value)
        if label is not None:
            entities.append({"type": label, "start": pos, "end": pos + len(value)})
        pos += len(value)
    out.append(template[cursor:])
    return "".join(out), entities


def read_lines(path: Path) -> list[tuple[str, str]]:
    """The ``(lang, text)`` pairs of a template file, with escapes undone."""
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lang, sep, text = line.partition("|")
        if not sep:
            sys.exit(f"{path.name}:{number}: expected lang|text")
        rows.append((lang, text.replace("\\n", "\n")))
    return rows


def build_pii(split: str, repeats: int, seed: int) -> list[dict[str, object]]:
    """The PII corpus of one split, from its template and hand-written files."""
    values = Values(random.Random(seed))
    rows: list[dict[str, object]] = []
    for source in ("pii_templates", "pii_hand", "clean"):
        path = SRC / f"{source}_{split}.txt"
        for lang_tag, template in read_lines(path):
            lang, _, flag = lang_tag.partition(":")
            has_slots = bool(re.search(r"\{[A-Za-z_0-9]+\}", template))
            for _ in range(repeats if has_slots else 1):
                text, entities = fill(template, lang, values)
                if flag == "lc":
                    text = text.lower()
                rows.append(
                    {
                        "id": f"{split}-{len(rows) + 1:05d}",
                        "lang": lang,
                        "source": source,
                        "text": text,
                        "entities": entities,
                    }
                )
    return rows


def build_sensitivity(split: str) -> list[dict[str, object]]:
    """The sensitivity corpus of one split: ``lang|labels|text`` lines."""
    rows: list[dict[str, object]] = []
    for lang, rest in read_lines(SRC / f"sensitivity_{split}.txt"):
        labels, _, text = rest.partition("|")
        near_miss = labels == "near"
        categories = [] if labels in ("none", "near") else labels.split(",")
        rows.append(
            {
                "id": f"s{split}-{len(rows) + 1:04d}",
                "lang": lang,
                "text": text,
                "categories": categories,
                "near_miss": near_miss,
            }
        )
    return rows


def main() -> None:
    for split, repeats, seed in (("dev", 8, 20240501), ("heldout", 6, 777), ("test", 6, 4242)):
        pii = build_pii(split, repeats, seed)
        with (HERE / f"pii_{split}.jsonl").open("w", encoding="utf-8") as out:
            for row in pii:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        sens = build_sensitivity(split)
        with (HERE / f"sensitivity_{split}.jsonl").open("w", encoding="utf-8") as out:
            for row in sens:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        with_pii = sum(1 for r in pii if r["entities"])
        print(
            f"{split}: {len(pii)} PII-corpus messages ({with_pii} with PII), {len(sens)} sensitivity messages"  # noqa: E501
        )


if __name__ == "__main__":
    main()
