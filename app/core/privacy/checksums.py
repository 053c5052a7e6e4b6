"""Check digits of the structured identifiers the anonymizer finds (cards, IBANs, national ids).

A valid check digit turns "some digits" into "almost certainly this kind of number", which
is what lets the detector redact such numbers without a keyword nearby and leave order
numbers and the like alone. The checks themselves are python-stdnum's, imported on first
use (about 30 ms, once); what is ours is the IBAN length table the detector uses to find
where an IBAN written in groups ends, which stdnum does not expose.
"""

from __future__ import annotations

from typing import Any

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


_iban: Any = None
_codice_fiscale_letter: Any = None


def luhn(number: str) -> bool:
    """Payment cards, IMEIs: the Luhn check."""
    from stdnum import luhn as module  # python-stdnum's modules load on first use

    return bool(module.is_valid(number))


def iban(compact: str) -> bool:
    """Upper-case IBAN without spaces: the country's length and format and the mod-97 check.

    The national account number's own check (Belgium's, for one) is not required: a
    mistyped or made-up account number in a valid IBAN is still one to redact.
    """
    global _iban
    if _iban is None:
        import stdnum.iban

        _iban = stdnum.iban
    return bool(_iban.is_valid(compact, check_country=False))


def codice_fiscale(code: str) -> bool:
    """Italian codice fiscale: its check letter (a code with an impossible birth date too)."""
    global _codice_fiscale_letter
    if len(code) != 16 or not code.isalnum():
        return False
    if _codice_fiscale_letter is None:
        import stdnum.it.codicefiscale

        _codice_fiscale_letter = stdnum.it.codicefiscale.calc_check_digit
    try:
        return bool(_codice_fiscale_letter(code[:15]) == code[15])
    except (KeyError, ValueError):
        return False


def german_tax_id(number: str) -> bool:
    """Steuerliche Identifikationsnummer."""
    from stdnum.de import idnr

    return bool(idnr.is_valid(number))


def pesel(number: str) -> bool:
    """Polish PESEL, with its birth date."""
    from stdnum.pl import pesel as module

    return bool(module.is_valid(number))


def french_nir(number: str) -> bool:
    """French INSEE / NIR."""
    from stdnum.fr import nir

    return bool(nir.is_valid(number))


def dutch_bsn(number: str) -> bool:
    """Dutch burgerservicenummer."""
    from stdnum.nl import bsn

    return bool(bsn.is_valid(number))


def brazilian_cpf(number: str) -> bool:
    """Brazilian CPF."""
    from stdnum.br import cpf

    return bool(cpf.is_valid(number))


def aadhaar(number: str) -> bool:
    """Indian Aadhaar (Verhoeff check digit)."""
    from stdnum.in_ import aadhaar as module

    return bool(module.is_valid(number))


def isbn13(number: str) -> bool:
    """ISBN-13 (to recognise decoys, not PII)."""
    from stdnum import isbn

    return bool(isbn.is_valid(number))


def spanish_dni(code: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter)."""
    from stdnum.es import dni, nie

    return bool(nie.is_valid(code) if code[:1] and code[0] in "XYZ" else dni.is_valid(code))


def swiss_ahv(number: str) -> bool:
    """Swiss AHV / AVS number (756 and an EAN-13 check digit)."""
    from stdnum.ch import ssn

    return bool(ssn.is_valid(number))


def belgian_nn(number: str) -> bool:
    """Belgian national register number (rijksregisternummer), with its birth date."""
    from stdnum.be import nn

    return bool(nn.is_valid(number))
