"""Check digits of the structured identifiers the anonymizer finds (cards, IBANs, national ids).

A valid check digit turns "some digits" into "almost certainly this kind of number", which
is what lets the detector redact such numbers without a keyword nearby and leave order
numbers and the like alone. The checks themselves are python-stdnum's, imported on first
use (about 30 ms, once); what is ours is the IBAN length table the detector uses to find
where an IBAN written in groups ends, which stdnum does not expose.
"""

from __future__ import annotations

import importlib
import sys
import types
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


class _Deferred(types.ModuleType):
    """Stands in for a module until one of its attributes is used, then imports it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # probes such as __file__ or __path__ import nothing
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def _import_stdnum() -> None:
    """Import python-stdnum without the modules it loads only for what we never call.

    ``stdnum.util`` imports ``ssl`` (for its online checks) and ``pydoc`` (for its module
    descriptions) when it is imported, about 15 ms of the anonymizer's start: they get a
    stand-in while stdnum is imported, which imports the real module if stdnum ever uses
    it. The stand-ins are removed from ``sys.modules`` at once, so any other ``import ssl``
    gets the real module.
    """
    if "stdnum" in sys.modules:
        return
    stand_ins = {}
    for name in ("ssl", "pydoc"):
        if name not in sys.modules:
            stand_ins[name] = sys.modules[name] = _Deferred(name)
    try:
        import stdnum.util  # noqa: F401 - the import is the point
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]


def luhn(number: str) -> bool:
    """Payment cards, IMEIs: the Luhn check."""
    _import_stdnum()
    from stdnum import luhn as module  # python-stdnum's modules load on first use

    return bool(module.is_valid(number))


def iban(compact: str) -> bool:
    """Upper-case IBAN without spaces: the country's length and format and the mod-97 check.

    The national account number's own check (Belgium's, for one) is not required: a
    mistyped or made-up account number in a valid IBAN is still one to redact.
    """
    global _iban
    if _iban is None:
        _import_stdnum()
        import stdnum.iban

        _iban = stdnum.iban
    return bool(_iban.is_valid(compact, check_country=False))


def codice_fiscale(code: str) -> bool:
    """Italian codice fiscale: its check letter (a code with an impossible birth date too)."""
    global _codice_fiscale_letter
    if len(code) != 16 or not code.isalnum():
        return False
    if _codice_fiscale_letter is None:
        _import_stdnum()
        import stdnum.it.codicefiscale

        _codice_fiscale_letter = stdnum.it.codicefiscale.calc_check_digit
    try:
        return bool(_codice_fiscale_letter(code[:15]) == code[15])
    except (KeyError, ValueError):
        return False


def german_tax_id(number: str) -> bool:
    """Steuerliche Identifikationsnummer."""
    _import_stdnum()
    from stdnum.de import idnr

    return bool(idnr.is_valid(number))


def pesel(number: str) -> bool:
    """Polish PESEL, with its birth date."""
    _import_stdnum()
    from stdnum.pl import pesel as module

    return bool(module.is_valid(number))


def french_nir(number: str) -> bool:
    """French INSEE / NIR."""
    _import_stdnum()
    from stdnum.fr import nir

    return bool(nir.is_valid(number))


def dutch_bsn(number: str) -> bool:
    """Dutch burgerservicenummer."""
    _import_stdnum()
    from stdnum.nl import bsn

    return bool(bsn.is_valid(number))


def brazilian_cpf(number: str) -> bool:
    """Brazilian CPF."""
    _import_stdnum()
    from stdnum.br import cpf

    return bool(cpf.is_valid(number))


def aadhaar(number: str) -> bool:
    """Indian Aadhaar (Verhoeff check digit)."""
    _import_stdnum()
    from stdnum.in_ import aadhaar as module

    return bool(module.is_valid(number))


def isbn13(number: str) -> bool:
    """ISBN-13 (to recognise decoys, not PII)."""
    _import_stdnum()
    from stdnum import isbn

    return bool(isbn.is_valid(number))


def spanish_dni(code: str) -> bool:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter)."""
    _import_stdnum()
    from stdnum.es import dni, nie

    return bool(nie.is_valid(code) if code[:1] and code[0] in "XYZ" else dni.is_valid(code))
