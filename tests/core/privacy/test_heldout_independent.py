"""The issue's targets on the frozen internal held-out set, measured through the CLI.

``tests/data/pii_heldout_independent.jsonl`` was written by a writer who saw neither the
detector nor its training templates, and it is a byte-for-byte copy of what they froze.
Nothing was tuned on it (docs/anonymizer.md, "Model card"); these tests only hold the
targets the issue sets, and a failure prints figures only, never the set's messages.
"""

from __future__ import annotations

import json

import pytest

from app.core.privacy.evaluation import LeakReport, score_anonymizer
from tests.core.privacy.corpus import DATA, run_cli

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
    with HELDOUT.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _public(row: dict) -> bool:
    # PII-free messages about public or fictional figures are set aside for the
    # over-redaction target, as the issue states it.
    return any("public" in tag or "fictional" in tag for tag in row.get("tags", ()))


@pytest.fixture(scope="module")
def report() -> tuple[LeakReport, LeakReport]:
    rows = _rows()
    output = run_cli("anonymize", rows)
    assert [o["id"] for o in output] == [r["id"] for r in rows]
    spans = {o["id"]: [(e["start"], e["end"]) for e in o["entities"]] for o in output}
    texts = {o["id"]: o["text"] for o in output}
    everything = score_anonymizer(rows, spans, texts)
    kept = [r for r in rows if r["entities"] or not _public(r)]
    return everything, score_anonymizer(kept, spans, texts)


def test_the_copy_is_whole_and_labelled():
    rows = _rows()
    assert len(rows) >= 500
    for row in rows:
        for entity in row["entities"]:
            assert 0 <= entity["start"] < entity["end"] <= len(row["text"])


@_missed("leak 6.3%")
def test_overall_leak_rate(report):
    everything, _ = report
    assert everything.leak_rate() <= 0.05, _figures(everything)


@pytest.mark.parametrize("kind", STRUCTURED)
def test_structured_types_leak_at_most_two_percent(report, kind):
    everything, _ = report
    assert everything.leak_rate(kind) <= 0.02, _figures(everything)


@pytest.mark.parametrize(
    "kind",
    [
        "PERSON",
        pytest.param("STREET_ADDRESS", marks=_missed("STREET_ADDRESS 16.3%")),
    ],
)
def test_names_and_addresses_leak_at_most_eight_percent(report, kind):
    everything, _ = report
    assert everything.leak_rate(kind) <= 0.08, _figures(everything)


# Without the public and fictional figures, 8.7% of the PII-free messages were changed
# (12.0% of all of them).
@_missed("8.7% of the PII-free messages changed")
def test_pii_free_messages_are_rarely_changed(report):
    _, without_public = report
    assert without_public.clean_messages >= 50
    assert without_public.changed_clean_rate <= 0.05, _figures(without_public)


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
    assert everything.leak_rate(kind) <= MEASURED[kind] + 0.0005, _figures(everything)


def test_pii_free_messages_are_changed_no_more_than_measured(report):
    _, without_public = report
    assert without_public.changed_clean_rate <= 0.0870, _figures(without_public)


def test_non_pii_words_are_kept(report):
    everything, _ = report
    assert everything.lost_word_rate <= 0.01, _figures(everything)


def _figures(report: LeakReport) -> str:
    # Only figures, never the messages: whoever reads a failure must not see the held-out
    # texts, or the set would stop being held out.
    per_type = ", ".join(f"{k} {report.leak_rate(k):.1%}" for k in sorted(report.gold))
    return (
        f"leak {report.leak_rate():.1%} ({per_type}); PII-free changed "
        f"{report.changed_clean_rate:.1%} of {report.clean_messages}; words lost "
        f"{report.lost_word_rate:.2%}"
    )
