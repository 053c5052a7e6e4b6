"""An address the tagger found alone needs something of an address (tagger_checks.py)."""

from __future__ import annotations

import pytest

from app.core.privacy.tagger_checks import address_like


@pytest.mark.parametrize(
    "value",
    [
        "Kastanienweg 12",  # a street ending
        "12 Elm Road",  # a street word
        "Xqzorwy 1",  # a word in no vocabulary
        "8/2, 1010",  # a postcode's digits
    ],
)
def test_an_address_holds_a_street_a_rare_word_or_a_long_number(value):
    assert address_like(value)


@pytest.mark.parametrize("value", ["1. Approvato", "am 3/9", "1", "Item 4"])
def test_a_numbered_item_or_a_table_cell_is_no_address(value):
    assert not address_like(value)
