"""Check digits of the structured identifiers the anonymizer finds (cards, IBANs, national ids).

A valid check digit turns "some digits" into "almost certainly this kind of number", which
is what lets the detector redact such numbers without a keyword nearby and leave order
numbers and the like alone.
"""

from __future__ import annotations

# Lengths of IBANs by country (ISO 13616 registry; the countries our users are likely to meet).
IBAN_LENGTHS = {
    "AD": 24,
    "AE": 23,
    "AL": 28,
    "AT": 20,
    "AZ": 28,
    "BA": 20,
    "BE": 16,
    "BG": 22,
    "BH": 22,
    "BR": 29,
    "CH": 21,
    "CR": 22,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "DO": 28,
    "EE": 20,
    "EG": 29,
    "ES": 24,
    "FI": 18,
    "FO": 18,
    "FR": 27,
    "GB": 22,
    "GE": 22,
    "GI": 23,
    "GL": 18,
    "GR": 27,
    "GT": 28,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IL": 23,
    "IS": 26,
    "IT": 27,
    "JO": 30,
    "KW": 30,
    "KZ": 20,
    "LB": 28,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MC": 27,
    "MD": 24,
    "ME": 22,
    "MK": 19,
    "MR": 27,
    "MT": 31,
    "MU": 30,
    "NL": 18,
    "NO": 15,
    "PK": 24,
    "PL": 28,
    "PS": 29,
    "PT": 25,
    "QA": 29,
    "RO": 24,
    "RS": 22,
    "SA": 24,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
    "TN": 24,
    "TR": 26,
    "UA": 29,
    "VG": 24,
    "XK": 20,
}
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_CF_ODD = (
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
)
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def luhn(digits: str) -> bool:
    """Whether a string of digits passes the Luhn check (payment cards, IMEIs)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        value = ord(ch) - 48
        if i % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def iban(compact: str) -> bool:
    """Whether an upper-case IBAN without spaces has its country's length and mod-97 check."""
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    if not rearranged.isalnum():
        return False
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def german_tax_id(digits: str) -> bool:
    """Steuerliche Identifikationsnummer: 11 digits, ISO 7064 MOD 11,10 check digit.

    In the first ten digits exactly one digit repeats (twice or three times).
    """
    if len(digits) != 11 or digits[0] == "0":
        return False
    repeats = [n for n in (digits[:10].count(d) for d in set(digits[:10])) if n > 1]
    if len(repeats) != 1 or repeats[0] > 3:
        return False
    product = 10
    for ch in digits[:10]:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    return (11 - product) % 10 == int(digits[10])


def pesel(digits: str) -> bool:
    """Polish PESEL: 11 digits with weights 1-3-7-9 and a plausible birth date."""
    if len(digits) != 11:
        return False
    month = int(digits[2:4]) % 20
    if not 1 <= month <= 12 or not 1 <= int(digits[4:6]) <= 31:
        return False
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(c) * w for c, w in zip(digits, weights, strict=False)) % 10) % 10
    return check == int(digits[10])


def codice_fiscale(code: str) -> bool:
    """Italian codice fiscale (16 characters) with its check letter."""
    if len(code) != 16:
        return False
    total = 0
    for i, ch in enumerate(code[:15]):
        index = int(ch) if ch.isdigit() else ord(ch) - 65
        if not 0 <= index < 26:
            return False
        total += _CF_ODD[index] if i % 2 == 0 else index
    return chr(65 + total % 26) == code[15]


def spanish_dni(code: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter)."""
    if len(code) != 9:
        return False
    body = code[:8]
    if body[0] in "XYZ":
        body = str("XYZ".index(body[0])) + body[1:]
    if not body.isdigit():
        return False
    return _DNI_LETTERS[int(body) % 23] == code[8]


def french_nir(code: str) -> bool:
    """French INSEE / NIR: 13 characters (Corsica: 2A/2B) plus a 2-digit key."""
    if len(code) != 15 or code[0] not in "12" or not code[13:].isdigit():
        return False
    body = code[:13].replace("2A", "19").replace("2B", "18")
    if not body.isdigit():
        return False
    return 97 - int(body) % 97 == int(code[13:])


def dutch_bsn(digits: str) -> bool:
    """Dutch burgerservicenummer: 9 digits passing the "elfproef"."""
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(c) * w for c, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def brazilian_cpf(digits: str) -> bool:
    """Brazilian CPF: 11 digits with two mod-11 check digits."""
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    numbers = [int(c) for c in digits]
    for size in (9, 10):
        total = sum(x * w for x, w in zip(numbers[:size], range(size + 1, 1, -1), strict=True))
        if (total * 10) % 11 % 10 != numbers[size]:
            return False
    return True


def aadhaar(digits: str) -> bool:
    """Indian Aadhaar: 12 digits, not starting with 0 or 1, Verhoeff check digit."""
    if len(digits) != 12 or digits[0] in "01":
        return False
    check = 0
    for i, ch in enumerate(reversed(digits)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[i % 8][int(ch)]]
    return check == 0


def isbn13(digits: str) -> bool:
    """ISBN-13 / EAN-13 check digit (used to recognise decoys, not PII)."""
    if len(digits) != 13:
        return False
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
    return total % 10 == 0
