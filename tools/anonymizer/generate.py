"""Training messages for the PII tagger, from templates filled by Faker and mimesis (seeded).

Values come from two independent generators in many locales, so names, addresses, phone
numbers and ids arrive in formats no template writer thought of: Faker in every locale
listed below, mimesis in its own. Templates come from ``templates.txt`` beside this file
(and any ``LANG|TEXT`` files in ``--templates DIR``); the messages other writers labelled
themselves are added by ``train.py``. PII-free sentences come from mimesis's text in each
language.

Each message is written as one JSON line: ``{"text", "entities": [{"type","start","end"}]}``.
Needs the ``train`` extra (Faker, mimesis). Only used to train; never imported by the app.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SLOT = re.compile(r"\{([A-Z_]+)\}")
PII_SLOTS = {
    "NAME": "PERSON",
    "FIRST": "PERSON",
    "LAST": "PERSON",
    "ADDR": "STREET_ADDRESS",
    "STREET": "STREET_ADDRESS",
    "PHONE": "PHONE",
    "DOB": "DATE_OF_BIRTH",
    "USER": "USERNAME",
    "ID": "GOV_ID",
    "EMAIL": "EMAIL",
    # Polish names in a case other than the nominative ("do Pawła", "z Dorotą", "Ewie").
    "FIRST_GEN": "PERSON",
    "FIRST_DAT": "PERSON",
    "FIRST_INS": "PERSON",
    "LAST_GEN": "PERSON",
    "LAST_INS": "PERSON",
}
FAKER_LOCALES = {
    "en": ["en_US", "en_GB", "en_IN", "en_AU", "en_IE", "en_CA", "en_NZ"],
    "de": ["de_DE", "de_AT", "de_CH"],
    "fr": ["fr_FR", "fr_BE", "fr_CH", "fr_CA"],
    "es": ["es_ES", "es_MX", "es_AR", "es_CO", "es_CL"],
    "it": ["it_IT"],
    "nl": ["nl_NL", "nl_BE"],
    "pl": ["pl_PL"],
    "pt": ["pt_PT", "pt_BR"],
    "xx": [
        "sv_SE",
        "no_NO",
        "da_DK",
        "fi_FI",
        "et_EE",
        "lv_LV",
        "lt_LT",
        "cs_CZ",
        "sk_SK",
        "hu_HU",
        "el_GR",
        "tr_TR",
        "ro_RO",
        "hr_HR",
        "sl_SI",
        "ru_RU",
        "uk_UA",
        "bg_BG",
        "id_ID",
        "vi_VN",
        "en_NG",
        "ja_JP",
        "zh_CN",
        "zh_TW",
    ],
}
MIMESIS_LOCALES = {
    "en": ["en", "en-gb", "en-au", "en-ca"],
    "de": ["de", "de-at", "de-ch"],
    "fr": ["fr"],
    "es": ["es", "es-mx"],
    "it": ["it"],
    "nl": ["nl", "nl-be"],
    "pl": ["pl"],
    "pt": ["pt", "pt-br"],
    "xx": ["sv", "no", "da", "fi", "et", "cs", "sk", "hu", "el", "tr", "hr", "is", "ru", "uk"],
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
}
NATIONALITIES = [
    "German",
    "French",
    "Spanish",
    "Italian",
    "Dutch",
    "Polish",
    "Portuguese",
    "Brazilian",
    "Swedish",
    "Norwegian",
    "Danish",
    "Finnish",
    "Greek",
    "Turkish",
    "Indian",
    "Japanese",
    "Chinese",
    "Korean",
    "Irish",
    "Czech",
    "Hungarian",
    "Estonian",
    "Latvian",
    "Lithuanian",
    "deutsch",
    "französisch",
    "española",
    "italiano",
    "polski",
]
PUBLIC = [
    "Albert Einstein",
    "Marie Curie",
    "Napoleon Bonaparte",
    "Angela Merkel",
    "Charles Darwin",
    "Frida Kahlo",
    "Leonardo da Vinci",
    "Nelson Mandela",
    "Isaac Newton",
    "Ada Lovelace",
    "Johann Sebastian Bach",
    "Gabriel García Márquez",
    "Fernando Pessoa",
    "Wisława Szymborska",
    "Rembrandt van Rijn",
    "Victor Hugo",
    "Harry Potter",
    "Sherlock Holmes",
    "Winston Churchill",
    "Mahatma Gandhi",
]


class Values:
    """Slot values from Faker and mimesis, seeded."""

    def __init__(self, seed: int) -> None:
        from faker import Faker
        from mimesis import Address, Person
        from mimesis.locales import Locale

        self.rng = random.Random(seed)
        self.fakers = {}
        for lang, locales in FAKER_LOCALES.items():
            for locale in locales:
                fake = Faker(locale)
                fake.seed_instance(seed + len(self.fakers))
                self.fakers[locale] = (lang, fake)
        self.mimesis = {}
        for lang, locales in MIMESIS_LOCALES.items():
            for locale in locales:
                loc = Locale(locale)
                self.mimesis[locale] = (
                    lang,
                    Person(loc, seed=seed + 1000 + len(self.mimesis)),
                    Address(loc, seed=seed + 2000 + len(self.mimesis)),
                )

    def _faker(self, lang: str):
        rng = self.rng
        pool = FAKER_LOCALES[lang] if lang in FAKER_LOCALES and rng.random() < 0.5 else None
        locale = rng.choice(pool or sorted(self.fakers))
        return self.fakers[locale][1]

    def _mimesis(self, lang: str):
        rng = self.rng
        pool = MIMESIS_LOCALES[lang] if lang in MIMESIS_LOCALES and rng.random() < 0.5 else None
        return self.mimesis[rng.choice(pool or sorted(self.mimesis))]

    def name_parts(self, lang: str) -> tuple[str, str]:
        """A first name and a surname, from Faker (romanized where it can) or mimesis."""
        rng = self.rng
        if rng.random() < 0.6:
            fake = self._faker(lang)
            if hasattr(fake, "first_romanized_name") and rng.random() < 0.8:
                return fake.first_romanized_name(), fake.last_romanized_name()
            return fake.first_name(), fake.last_name()
        _, person, _ = self._mimesis(lang)
        return person.first_name(), person.last_name()

    def slot(self, name: str, lang: str) -> str:  # noqa: C901 - one branch per slot
        """A value for the slot ``name`` in a template of language ``lang``."""
        rng = self.rng
        if name in ("NAME", "FIRST", "LAST"):
            first, last = self.name_parts(lang)
            if name == "FIRST":
                return first
            if name == "LAST":
                return last
            roll = rng.random()
            if roll < 0.1:
                return f"{first[0]}. {last}"
            if roll < 0.15:
                return f"{last} {first}"
            if roll < 0.2:
                return f"{last.upper()} {first}"
            return f"{first} {last}"
        if name in ("FIRST_GEN", "FIRST_DAT", "FIRST_INS", "LAST_GEN", "LAST_INS"):
            fake = self.fakers["pl_PL"][1]
            word = fake.first_name() if name.startswith("FIRST") else fake.last_name()
            return polish_case(word, name.split("_")[1])
        if name in ("ADDR", "STREET"):
            return self.address(lang, block=name == "ADDR")
        if name == "PHONE":
            if rng.random() < 0.6:
                return self._faker(lang).phone_number()
            return self._mimesis(lang)[1].phone_number()
        if name == "DOB":
            return self.date(lang, birth=True)
        if name == "DATE":
            return self.date(lang, birth=False)
        if name == "USER":
            user = (
                self._faker(lang).user_name()
                if rng.random() < 0.5
                else self._mimesis(lang)[1].username()
            )
            return ("@" + user) if rng.random() < 0.3 else user
        if name == "ID":
            return self.identity()
        if name == "EMAIL":
            return self._faker(lang).email()
        if name == "COMPANY":
            return self._faker(lang).company()
        if name == "CITY":
            return self._faker(lang).city() if rng.random() < 0.6 else self._mimesis(lang)[2].city()
        if name == "COUNTRY":
            return self._mimesis(lang)[2].country()
        if name == "NAT":
            return rng.choice(NATIONALITIES)
        if name == "YEAR":
            return str(rng.randint(1890, 2030))
        if name == "ORDER":
            return rng.choice(
                [
                    f"#{rng.randint(10**5, 10**9)}",
                    str(rng.randint(10**5, 10**9)),
                    "-".join(
                        str(rng.randint(lo, hi))
                        for lo, hi in ((100, 999), (10**6, 9999999), (10**6, 9999999))
                    ),
                    f"INV-{rng.randint(2019, 2027)}-{rng.randint(1000, 9999)}",
                    f"#{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                    f"ORD-{rng.randint(10000, 99999)}-{chr(65 + rng.randint(0, 25))}"
                    f"{rng.randint(10, 99)}",
                    f"n°{rng.randint(10**5, 10**8)}",
                ]
            )
        if name == "STREETNAME":
            street = self._faker(lang).street_name()
            return street
        if name == "TRACK":
            return rng.choice(
                [
                    f"1Z {rng.randint(100, 999)} AA1 {rng.randint(10, 99)} "
                    f"{rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                    f"JJD{rng.randint(10**17, 10**18)}",
                    " ".join(str(rng.randint(1000, 9999)) for _ in range(3)),
                    f"{rng.choice(['RR', 'LX', 'CP'])}{rng.randint(10**8, 10**9)}"
                    f"{rng.choice(['DE', 'FR', 'PL'])}",
                ]
            )
        if name == "SOFTWARE":
            return rng.choice(
                [
                    "Python",
                    "Django",
                    "Node",
                    "OpenSSH",
                    "Chrome",
                    "Firefox",
                    "Ubuntu",
                    "React",
                    "PostgreSQL",
                    "Java",
                ]
            )
        if name == "VERSION":
            parts = [str(rng.randint(0, 130)) for _ in range(rng.randint(2, 4))]
            return rng.choice(["", "v", ""]) + ".".join(parts)
        if name == "IP":
            return ".".join(str(rng.randint(1, 254)) for _ in range(4))
        if name == "ISBN":
            return (
                f"978-{rng.randint(0, 9)}-{rng.randint(100, 999)}-"
                f"{rng.randint(10000, 99999)}-{rng.randint(0, 9)}"
            )
        if name == "FLIGHT":
            return (
                f"{rng.choice(['LH', 'BA', 'AF', 'IB', 'KL', 'LO', 'TP'])} {rng.randint(100, 9999)}"
            )
        if name == "TIME":
            return f"{rng.randint(0, 23)}:{rng.randint(0, 59):02d}"
        if name == "PUBLIC":
            return rng.choice(PUBLIC)
        if name == "PRICE":
            return (
                rng.choice(["€", "$", "£", ""]) + f"{rng.randint(1, 999)},{rng.randint(0, 99):02d}"
            )
        if name == "NUM":
            return str(rng.randint(2, 90))
        raise ValueError(f"unknown slot {name}")

    def address(self, lang: str, *, block: bool) -> str:
        """A street and number, or a whole block with postcode and city (``block``)."""
        rng = self.rng
        if rng.random() < 0.55:
            fake = self._faker(lang)
            street = fake.street_address()
            post, city = fake.postcode(), fake.city()
            if block and rng.random() < 0.2:
                return fake.address()
        else:
            _, _, address = self._mimesis(lang)
            street, post, city = address.address(), address.postal_code(), address.city()
        if not block:
            return street
        sep = rng.choice([", ", ", ", "\n", " "])
        return f"{street}{sep}{post} {city}"

    def date(self, lang: str, *, birth: bool) -> str:
        """A date in one of many written forms (a birth date's year when ``birth``)."""
        rng = self.rng
        year = rng.randint(1935, 2010) if birth else rng.randint(2019, 2027)
        day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        months = MONTHS.get(lang, MONTHS["en"]).split()
        month = months[day.month - 1]
        eng = MONTHS["en"].split()[day.month - 1]
        style = rng.randint(0, 9)
        if style == 0:
            return day.isoformat()
        if style == 1:
            return f"{day.day:02d}.{day.month:02d}.{year}"
        if style == 2:
            return f"{day.day}/{day.month}/{year}"
        if style == 3:
            return f"{day.month}/{day.day}/{str(year)[2:]}"
        if style == 4:
            return f"{day.day} {month} {year}"
        if style == 5:
            return f"{day.day} {month}"
        if style == 6:
            suffix = {1: "st", 2: "nd", 3: "rd"}.get(
                day.day % 10 if day.day not in (11, 12, 13) else 0, "th"
            )
            return f"{day.day}{suffix} of {eng}"
        if style == 7:
            return f"{eng} {day.day}, {year}"
        if style == 8:
            return f"{day.day}. {month} {year}"
        return f"{day.day} de {month} de {year}" if lang in ("es", "pt") else f"{month} {year}"

    def identity(self) -> str:
        """An identity number, often without a check digit (SSN, passport, licence)."""
        rng = self.rng
        kind = rng.randint(0, 6)
        digits = "".join(str(rng.randint(0, 9)) for _ in range(12))
        letters = "".join(chr(65 + rng.randint(0, 25)) for _ in range(4))
        if kind == 0:  # SSN written with spaces or dashes
            sep = rng.choice([" ", "-", ""])
            return f"{rng.randint(100, 899)}{sep}{digits[:2]}{sep}{digits[2:6]}"
        if kind == 1:  # passport
            return letters[: rng.randint(1, 2)] + digits[: rng.randint(6, 8)]
        if kind == 2:  # driver's licence shapes
            return rng.choice(
                [
                    f"{letters[0]}{digits[:7]}",
                    f"{letters}{digits[:6]}{letters[:2]}",
                    f"{digits[:3]}-{digits[3:6]}-{digits[6:9]}",
                    f"{letters[:2]}{digits[:2]} {digits[2:8]}",
                ]
            )
        fake = self._faker(rng.choice(list(FAKER_LOCALES)))
        try:
            return fake.ssn()
        except AttributeError:
            return digits[:9]


# Endings of the Polish dative of feminine names in -a, by the consonant before it
# (Ewa → Ewie, Marta → Marcie, Agnieszka → Agnieszce, Olga → Oldze, Ola → Oli).
_DATIVE_A = {
    "t": "cie",
    "d": "dzie",
    "r": "rze",
    "k": "ce",
    "g": "dze",
    "ł": "le",
    "l": "li",
    "ch": "sze",
}


def polish_case(word: str, case: str) -> str:
    """``word`` (a Polish first name or surname) in the genitive, dative or instrumental.

    Close enough for training: the endings the tagger must learn to read as a name's, not
    every exception of the grammar ("Paweł" → "Pawła", "Marek" → "Marka" are covered).
    """
    low = word.lower()
    if low.endswith(("ski", "cki", "dzki")):
        return word + {"GEN": "ego", "DAT": "emu", "INS": "m"}[case]
    if low.endswith(("ska", "cka", "dzka")):
        return word[:-1] + {"GEN": "iej", "DAT": "iej", "INS": "ą"}[case]
    if low.endswith("i"):  # Antoni
        return word + {"GEN": "ego", "DAT": "emu", "INS": "m"}[case]
    if low.endswith("y"):  # Jerzy
        return word[:-1] + {"GEN": "ego", "DAT": "emu", "INS": "ym"}[case]
    if low.endswith("a"):
        stem = word[:-1]
        if case == "INS":
            return stem + "ą"
        if low.endswith("ja"):  # Maja → Mai
            return stem[:-1] + "i"
        if low.endswith("ia"):  # Maria → Marii, Kasia → Kasi
            return stem + ("" if len(stem) < 5 and stem[-1] == "i" and stem[-2] == "s" else "i")
        if case == "GEN":
            return stem + ("i" if low[-2] in "kgl" else "y")
        for tail, ending in _DATIVE_A.items():
            if stem.lower().endswith(tail):
                return stem[: len(stem) - len(tail)] + ending
        return stem + "ie"
    if low.endswith("eł"):  # Paweł
        word = word[:-2] + "ł"
    elif low.endswith("ek"):  # Marek, Jacek
        word = word[:-2] + "k"
    if case == "GEN":
        return word + "a"
    if case == "DAT":
        return word + "owi"
    return word + ("iem" if word[-1] in "kg" else "em")


def load_templates(extra_dirs: list[Path]) -> list[tuple[str, str]]:
    """``(lang, template)`` pairs from templates.txt and the writers' folders."""
    files = [HERE / "templates.txt"]
    for folder in extra_dirs:
        if (folder / "DONE").exists():
            files += sorted(p for p in folder.rglob("*.txt") if p.name != "DONE")
    out = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#") or "|" not in line:
                continue
            lang, template = line.split("|", 1)
            out.append((lang.strip() or "en", template.replace("\\n", "\n")))
    return out


def fill(template: str, lang: str, values: Values) -> tuple[str, list[dict[str, object]]]:
    """Fill every slot of a template; the entities' offsets in the filled text."""
    parts: list[str] = []
    entities: list[dict[str, object]] = []
    cursor = 0
    length = 0
    for match in SLOT.finditer(template):
        literal = template[cursor : match.start()]
        parts.append(literal)
        length += len(literal)
        value = values.slot(match.group(1), lang)
        kind = PII_SLOTS.get(match.group(1))
        if kind is not None:
            entities.append({"type": kind, "start": length, "end": length + len(value)})
        parts.append(value)
        length += len(value)
        cursor = match.end()
    parts.append(template[cursor:])
    return "".join(parts), entities


# The clock Faker reads while generating. Its dates of birth, ages and the identity numbers
# built from them (Swedish, Norwegian, Finnish, Baltic) are drawn relative to "now", so two
# runs a minute apart differed in 62 of 50,000 messages; fixed, one seed gives one file.
CLOCK = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def messages(count: int, seed: int, extra_dirs: list[Path]) -> Iterator[dict[str, object]]:
    """``count`` labelled training messages, the same on any day for one seed."""
    import time_machine

    # Generated in full under the fixed clock, then handed out, so the caller's clock is
    # its own between messages.
    with time_machine.travel(CLOCK, tick=False):
        made = list(_messages(count, seed, extra_dirs))
    yield from made


def _messages(count: int, seed: int, extra_dirs: list[Path]) -> Iterator[dict[str, object]]:
    """``count`` labelled training messages, drawn with the clock as it is."""
    from mimesis import Text
    from mimesis.locales import Locale

    values = Values(seed)
    rng = values.rng
    # Its own stream, so that the rest of the data is drawn as before.
    lowered = random.Random(seed + 1)
    templates = load_templates(extra_dirs)
    texts = {
        lang: [Text(Locale(loc), seed=seed + 3000 + k) for k, loc in enumerate(locales)]
        for lang, locales in MIMESIS_LOCALES.items()
    }
    for _ in range(count):
        roll = rng.random()
        if roll < 0.12:
            lang = rng.choice(sorted(texts))
            text = rng.choice(texts[lang]).sentence()
            entities: list[dict[str, object]] = []
        else:
            lang, template = rng.choice(templates)
            text, entities = fill(template, lang, values)
            if roll < 0.3:
                # Context from another sentence before it, so cues must carry.
                lead = rng.choice(texts.get(lang, texts["en"])).sentence()
                shift = len(lead) + 1
                text = lead + rng.choice([" ", "\n"]) + text
                entities = [
                    {**e, "start": int(e["start"]) + shift, "end": int(e["end"]) + shift}  # type: ignore[call-overload]
                    for e in entities
                ]
            if rng.random() < 0.45:
                # Ordinary text after the last value, so an entity is not read on into it.
                tail = rng.choice(texts.get(lang, texts["en"])).sentence()
                if rng.random() < 0.3:
                    tail = tail[0].lower() + tail[1:]
                text = text + rng.choice([" ", "\n", ". ", ", ", " - "]) + tail
        transform: Callable[[str], str] | None = None
        if rng.random() < 0.12:
            transform = str.lower
        if transform is not None and len(transform(text)) == len(text):
            text = transform(text)
        if transform is None and lowered.random() < LOWER_NAMES:
            text = _lower_names(text, entities)
        if rng.random() < 0.04:
            text, entities = _quoted(text, entities)
        yield {"lang": lang, "text": text, "entities": entities}


# Share of the messages not written all in lower case whose names are (people type "ask
# tomoko", "met ji-woo and Carla"): names in lower case inside ordinary text leaked most
# (dev fifths, seventh pass: 25 of 45 such names, against 3.7% of capitalized ones).
LOWER_NAMES = 0.08


def _lower_names(text: str, entities: list[dict[str, object]]) -> str:
    """``text`` with its PERSON values in lower case (offsets kept)."""
    for e in entities:
        if e["type"] != "PERSON":
            continue
        start, end = int(e["start"]), int(e["end"])  # type: ignore[call-overload]
        value = text[start:end].lower()
        if len(value) == end - start:
            text = text[:start] + value + text[end:]
    return text


def _quoted(text: str, entities: list[dict[str, object]]) -> tuple[str, list[dict[str, object]]]:
    """Every line prefixed with "> ", offsets moved along."""

    def moved(i: int) -> int:
        return i + 2 + 2 * text.count("\n", 0, i)

    shifted = [
        {**e, "start": moved(int(e["start"])), "end": moved(int(e["end"]))}  # type: ignore[call-overload]
        for e in entities
    ]
    return "> " + text.replace("\n", "\n> "), shifted


def fix_hash_seed() -> None:
    """Run this process again with ``PYTHONHASHSEED=0`` unless it already has it.

    Faker builds some of its lists from sets (Italian cities: ``list({…})``), whose order
    follows the interpreter's string hashing, which is randomized per process: with the
    same seed, two runs picked different values until the hash seed was fixed too.
    """
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


def main(argv: list[str] | None = None) -> int:
    """Write the training messages as JSON lines."""
    fix_hash_seed()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--templates", type=Path, action="append", default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    extra = args.templates or []
    with args.out.open("w", encoding="utf-8") as stream:
        for message in messages(args.count, args.seed, extra):
            stream.write(json.dumps(message, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
