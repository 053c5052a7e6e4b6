"""The issue's targets on the frozen internal held-out set, measured through the CLI.

``tests/data/pii_heldout_independent.jsonl`` was written by a writer who saw neither the
detector nor its training templates, and it is a byte-for-byte copy of what they froze.
Nothing was tuned on it (docs/anonymizer.md, "Model card"); these tests only hold the
targets the issue sets, and a failure prints figures only, never the set's messages.
"""

from __future__ import annotations

import pytest

from app.core.privacy.evaluation import LeakReport
from tests.core.privacy.corpus import DATA, anonymized_reports, leak_figures, read_jsonl

HELDOUT = DATA / "pii_heldout_independent.jsonl"


def _missed(measured: str, *, strict: bool = True) -> pytest.MarkDecorator:
    # A target the shipped model misses on this set (docs/anonymizer.md, model card). The
    # test still runs and still asserts the target: a model that meets it makes the strict
    # ones fail as unexpectedly passing, and the mark is then removed.
    return pytest.mark.xfail(reason=f"target missed on the held-out set: {measured}", strict=strict)


STRUCTURED = (
    "EMAIL",
    pytest.param("PHONE", marks=_missed("PHONE 4.3%")),
    "CREDIT_CARD",
    "IBAN",
    "IP_ADDRESS",
    "GOV_ID",
)


def _rows() -> list[dict]:
    return read_jsonl(HELDOUT)


@pytest.fixture(scope="module")
def report() -> tuple[LeakReport, LeakReport]:
    return anonymized_reports(_rows())


def test_the_copy_is_whole_and_labelled():
    rows = _rows()
    assert len(rows) >= 500
    for row in rows:
        for entity in row["entities"]:
            assert 0 <= entity["start"] < entity["end"] <= len(row["text"])


@_missed("leak 6.3%")
def test_overall_leak_rate(report):
    everything, _ = report
    assert everything.leak_rate() <= 0.05, leak_figures(everything)


@pytest.mark.parametrize("kind", STRUCTURED)
def test_structured_types_leak_at_most_two_percent(report, kind):
    everything, _ = report
    assert everything.leak_rate(kind) <= 0.02, leak_figures(everything)


@pytest.mark.parametrize(
    "kind",
    [
        "PERSON",
        pytest.param("STREET_ADDRESS", marks=_missed("STREET_ADDRESS 16.3%")),
    ],
)
def test_names_and_addresses_leak_at_most_eight_percent(report, kind):
    everything, _ = report
    assert everything.leak_rate(kind) <= 0.08, leak_figures(everything)


# Without the public and fictional figures, 8.7% of the PII-free messages were changed
# (12.0% of all of them).
@_missed("8.7% of the PII-free messages changed")
def test_pii_free_messages_are_rarely_changed(report):
    _, without_public = report
    assert without_public.clean_messages >= 50
    assert without_public.changed_clean_rate <= 0.05, leak_figures(without_public)


# The figures measured for the shipped model (docs/anonymizer.md, model card): a change that
# makes any of them worse fails here, whether or not its target is met.
# Issue 13's third pass made STREET_ADDRESS (12.1 -> 16.3%), PHONE (3.7 -> 4.3%) and URL
# (3.2 -> 6.5%) worse and the others better; the guards hold what it measured.
MEASURED = {
    None: 0.063,
    "PERSON": 0.067,
    "STREET_ADDRESS": 0.163,
    "GOV_ID": 0.0104,
    "DATE_OF_BIRTH": 0.0385,
    "USERNAME": 0.125,
    "PHONE": 0.043,
    "URL": 0.0645,
}


@pytest.mark.parametrize("kind", list(MEASURED), ids=lambda k: k or "all")
def test_no_leak_rate_is_worse_than_measured(report, kind):
    everything, _ = report
    assert everything.leak_rate(kind) <= MEASURED[kind] + 0.0005, leak_figures(everything)


def test_pii_free_messages_are_changed_no_more_than_measured(report):
    _, without_public = report
    assert without_public.changed_clean_rate <= 0.0870, leak_figures(without_public)


def test_non_pii_words_are_kept(report):
    everything, _ = report
    assert everything.lost_word_rate <= 0.01, leak_figures(everything)
