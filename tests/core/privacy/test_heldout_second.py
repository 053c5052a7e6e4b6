"""The issues' targets on the second frozen held-out sets, measured through the CLI.

``tests/data/pii_heldout_independent_2.jsonl`` (700 messages) and
``tests/data/sensitivity_heldout_independent_2.jsonl`` (844) were written in session 4 by two
further writers who saw neither the code, nor the training data, nor the first held-out sets.
They are byte-for-byte copies of what those writers froze. The engineers who trained the
models never saw them; the lead scored them three times (the models before and after the
session's passes, and the final one), aggregate figures only. Never train or tune on them,
and never print their messages: a failure here prints figures only.
"""

from __future__ import annotations

import hashlib

import pytest

from app.core.privacy.evaluation import (
    LeakReport,
    SensitivityReport,
    score_classifier,
)
from app.core.privacy.sensitivity import CATEGORIES
from tests.core.privacy.corpus import DATA, anonymized_reports, leak_figures, read_jsonl, run_cli

PII = DATA / "pii_heldout_independent_2.jsonl"
SENSITIVITY = DATA / "sensitivity_heldout_independent_2.jsonl"
FROZEN = {
    PII: "d199a42eeab6202c78d376470c2f5e43ba7309914166d8b14f2f5fb12dc15eb4",
    SENSITIVITY: "ef6864839bf8bcaee2b8a3de6e1153bf33a0496bef1caf1e5f53ec1f04704832",
}


def _missed(measured: str) -> pytest.MarkDecorator:
    # A target the shipped models miss on this set: the test still asserts it, and a model
    # that meets it turns the strict mark red until the mark is removed.
    return pytest.mark.xfail(strict=True, reason=f"target missed on held-out 2: {measured}")


@pytest.mark.parametrize("path", list(FROZEN), ids=lambda p: p.name)
def test_the_sets_are_the_frozen_copies(path):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN[path]


@pytest.fixture(scope="module")
def leaks() -> tuple[LeakReport, LeakReport]:
    return anonymized_reports(read_jsonl(PII))


@pytest.fixture(scope="module")
def topics() -> SensitivityReport:
    rows = read_jsonl(SENSITIVITY)
    output = run_cli("classify", rows)
    return score_classifier(rows, {o["id"]: o["categories"] for o in output})


def _topics(r: SensitivityReport) -> str:
    return (
        f"recall {r.recall:.3f}, neutral FPR {r.neutral_fpr:.3f}, near-miss FPR "
        f"{r.near_miss_fpr:.3f}, macro-F1 {r.macro_f1(CATEGORIES):.3f}"
    )


STRUCTURED = (
    "EMAIL",
    "CREDIT_CARD",
    "IBAN",
    "IP_ADDRESS",
    pytest.param("PHONE", marks=_missed("PHONE 3.7%")),
    pytest.param("GOV_ID", marks=_missed("GOV_ID 9.8%")),
)


@_missed("leak 5.6%")
def test_overall_leak_rate(leaks):
    everything, _ = leaks
    assert everything.leak_rate() <= 0.05, leak_figures(everything)


@pytest.mark.parametrize("kind", STRUCTURED)
def test_structured_types_leak_at_most_two_percent(leaks, kind):
    everything, _ = leaks
    assert everything.leak_rate(kind) <= 0.02, leak_figures(everything)


@pytest.mark.parametrize(
    "kind", ["PERSON", pytest.param("STREET_ADDRESS", marks=_missed("STREET_ADDRESS 16.0%"))]
)
def test_names_and_addresses_leak_at_most_eight_percent(leaks, kind):
    everything, _ = leaks
    assert everything.leak_rate(kind) <= 0.08, leak_figures(everything)


@_missed("13.9% of the PII-free messages changed (without public and fictional figures)")
def test_pii_free_messages_are_rarely_changed(leaks):
    _, without_public = leaks
    assert without_public.changed_clean_rate <= 0.05, leak_figures(without_public)


# What the shipped anonymizer measured here (session 4's last model; before the session's
# passes: leak 10.0%, PII-free changed 17.1% without public figures): no change may make any
# of them worse.
MEASURED_LEAKS = {
    None: 0.056,
    "PERSON": 0.061,
    "STREET_ADDRESS": 0.160,
    "GOV_ID": 0.098,
    "DATE_OF_BIRTH": 0.088,
    "USERNAME": 0.032,
    "PHONE": 0.037,
}


@pytest.mark.parametrize("kind", list(MEASURED_LEAKS), ids=lambda k: k or "all")
def test_no_leak_rate_is_worse_than_measured(leaks, kind):
    everything, _ = leaks
    assert everything.leak_rate(kind) <= MEASURED_LEAKS[kind] + 0.0005, leak_figures(everything)


def test_pii_free_messages_are_changed_no_more_than_measured_and_words_are_kept(leaks):
    everything, without_public = leaks
    assert without_public.changed_clean_rate <= 0.1395, leak_figures(without_public)
    assert everything.lost_word_rate <= 0.01, leak_figures(everything)


# Recall 81.7% and macro-F1 0.722 miss their targets here, and so does the near-miss FPR,
# 14.2% (the neutral FPR, 4.5%, holds): this writer's near-misses are long practical
# requests around sensitive vocabulary, which the model flags too often.
TOPIC_TARGETS = [
    pytest.param(lambda r: r.recall >= 0.95, id="recall>=95%", marks=_missed("recall 81.7%")),
    pytest.param(lambda r: r.neutral_fpr <= 0.05, id="neutral-FPR<=5%"),
    pytest.param(
        lambda r: r.near_miss_fpr <= 0.10, id="near-miss-FPR<=10%", marks=_missed("14.2%")
    ),
    pytest.param(
        lambda r: r.macro_f1(CATEGORIES) >= 0.85, id="macro-F1>=0.85", marks=_missed("0.722")
    ),
]


@pytest.mark.parametrize("holds", TOPIC_TARGETS)
def test_the_sensitivity_targets(topics, holds):
    assert holds(topics), _topics(topics)


def test_the_sensitivity_figures_do_not_fall_below_the_shipped_model(topics):
    # Session 4's last model: recall 318/389, neutral FPR 9/202, near-miss FPR 36/253, macro-F1
    # 0.722. Before the session's passes: 69.9%, 6.9%, 16.6% and 0.593.
    assert topics.recall >= 0.817, _topics(topics)
    assert topics.neutral_fpr <= 0.045, _topics(topics)
    assert topics.near_miss_fpr <= 0.143, _topics(topics)
    assert topics.macro_f1(CATEGORIES) >= 0.721, _topics(topics)
