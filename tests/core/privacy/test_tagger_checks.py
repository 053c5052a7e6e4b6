"""An address the tagger found alone needs something of an address (tagger_checks.py)."""

from __future__ import annotations

import pytest

from app.core.privacy.tagger_checks import address_like, keep_address


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


def test_a_tagged_block_is_kept_when_a_rule_found_it_or_it_ends_a_number():
    text = "NIR 2 23 03 14 845 334 44, ok"
    # The last group of a number whose rule stopped short: kept, whatever the tagger called it.
    assert keep_address(text, ("STREET_ADDRESS", 23, 25), [], [("GOV_ID", 4, 22)])
    assert not keep_address(text, ("STREET_ADDRESS", 23, 25), [], [])
    item = "1. Approvato il bilancio"
    assert keep_address(item, ("STREET_ADDRESS", 0, 12), [("STREET_ADDRESS", 0, 5)], [])
    assert not keep_address(item, ("STREET_ADDRESS", 0, 12), [("PHONE", 0, 5)], [])
