from __future__ import annotations

import pytest

from app.core.privacy import checksums


@pytest.mark.parametrize(
    ("check", "valid", "invalid"),
    [
        (checksums.luhn, "4111111111111111", "4111111111111112"),
        (checksums.iban, "DE89370400440532013000", "DE89370400440532013001"),
        (checksums.iban, "GB82WEST12345698765432", "GB82WEST1234569876543"),
        (checksums.german_tax_id, "86095742719", "86095742718"),
        (checksums.pesel, "44051401359", "44051401358"),
        (checksums.codice_fiscale, "RSSMRA85T10A562S", "RSSMRA85T10A562T"),
        (checksums.spanish_dni, "12345678Z", "12345678A"),
        (checksums.spanish_dni, "X1234567L", "X1234567A"),
        (checksums.french_nir, "255081416802538", "255081416802539"),
        (checksums.dutch_bsn, "111222333", "111222334"),
        (checksums.brazilian_cpf, "52998224725", "52998224726"),
        (checksums.aadhaar, "234123412346", "234123412347"),
        (checksums.isbn13, "9780306406157", "9780306406158"),
    ],
)
def test_check_digits_accept_valid_and_reject_altered_numbers(check, valid, invalid):
    assert check(valid)
    assert not check(invalid)


def test_pesel_checks_its_birth_date_too():
    # The check digit of both is right; there is no 31 April (python-stdnum checks it).
    assert checksums.pesel("90043001232")
    assert not checksums.pesel("90043101239")


@pytest.mark.parametrize(
    "check",
    [checksums.iban, checksums.codice_fiscale, checksums.spanish_dni, checksums.luhn],
)
def test_empty_and_odd_input_is_refused_not_raised(check):
    for value in ("", "X", "?" * 16):
        assert not check(value)
