"""The issues' targets on the later frozen held-out sets, measured through the CLI.

Each set was written by a writer who saw neither the code, nor the training data, nor any
earlier held-out set, and is a byte-for-byte copy of what that writer froze (the hash is
checked). The engineers who trained the models never saw them; the lead scored them,
aggregate figures only, a few times a session (docs/anonymizer.md). Never train or tune on
them, and never print their messages: a failure here prints figures only.

- Set 2 (session 4): ``pii_heldout_independent_2.jsonl`` (700 messages, 40 countries) and
  ``sensitivity_heldout_independent_2.jsonl`` (844).
- Set 3 (session 5): ``pii_heldout_independent_3.jsonl`` (700, 40 countries, 130 written
  wholly by hand) and ``sensitivity_heldout_independent_3.jsonl`` (800, all by hand).

A target the shipped models miss on a set is a strict known failure: the test still asserts
it, and a model that meets it turns the mark red until the recorded figure is updated. Every
recorded figure is also a guard: no change may make it worse.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.privacy.evaluation import LeakReport, SensitivityReport, score_classifier
from app.core.privacy.sensitivity import CATEGORIES
from tests.core.privacy.corpus import DATA, anonymized_reports, leak_figures, read_jsonl, run_cli


@dataclass(frozen=True)
class Measured:
    """One frozen set pair and what the shipped models measured on it."""

    pii: str
    pii_sha256: str
    sensitivity: str
    sensitivity_sha256: str
    #: Leak rate overall (None) and per type.
    leaks: dict[str | None, float]
    #: PII-free messages changed, public and fictional figures set aside.
    changed: float
    recall: float
    neutral_fpr: float
    near_miss_fpr: float
    macro_f1: float


# The figures: session 5's models (the anonymizer's fifth pass, the seven-writer classifier).
# Set 2's neutral FPR went from 4.5% (9/202) to 5.4% (11/202) with them: over its target. The
# anonymizer's fourth pass brought set 2's leak to 4.8% and its fifth (a sixth training writer,
# chosen on the writers' dev fifths) back to 5.1%, with STREET_ADDRESS 11.7 -> 13.8% and GOV_ID
# 8.1 -> 9.8% there; on set 3 the fifth pass moved GOV_ID 2.2 -> 4.3% and PHONE 5.4 -> 6.4%,
# and PII-free messages changed 4.9 -> 4.3%.
SETS = {
    # Before session 4's passes: leak 10.0%, PII-free changed 17.1%; recall 69.9%, FPR 6.9% /
    # 16.6%, macro-F1 0.593. Session 4's last models: leak 5.6%, STREET_ADDRESS 16.0%, GOV_ID
    # 9.8%, changed 13.9%; recall 81.7%, FPR 4.5% / 14.2%, macro-F1 0.722.
    2: Measured(
        pii="pii_heldout_independent_2.jsonl",
        pii_sha256="d199a42eeab6202c78d376470c2f5e43ba7309914166d8b14f2f5fb12dc15eb4",
        sensitivity="sensitivity_heldout_independent_2.jsonl",
        sensitivity_sha256="ef6864839bf8bcaee2b8a3de6e1153bf33a0496bef1caf1e5f53ec1f04704832",
        leaks={
            None: 0.0514,
            "PERSON": 0.0566,
            "STREET_ADDRESS": 0.1383,
            "GOV_ID": 0.0976,
            "DATE_OF_BIRTH": 0.0882,
            "USERNAME": 0.0159,
            "PHONE": 0.0296,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
        },
        changed=0.1013,
        recall=0.897,
        neutral_fpr=0.0545,
        near_miss_fpr=0.1067,
        macro_f1=0.775,
    ),
    # Session 4's last models, scored before session 5's passes: leak 4.3%, STREET_ADDRESS
    # 12.2%, USERNAME 6.2% (the fourth pass: 5 -> 6 of 81), changed 5.5%; recall 79.5%, FPR
    # 4.5% / 13.8%, macro-F1 0.695.
    3: Measured(
        pii="pii_heldout_independent_3.jsonl",
        pii_sha256="99c210aaeb03117dfbd971874591fab4d494d6e51a781da47975d98f2ac7e27c",
        sensitivity="sensitivity_heldout_independent_3.jsonl",
        sensitivity_sha256="da07dcd4e5a8f328250f2798910f35052e1acbe44e3e57965cb358965a7b528e",
        leaks={
            None: 0.0418,
            "PERSON": 0.0618,
            "STREET_ADDRESS": 0.0714,
            "GOV_ID": 0.043,
            "DATE_OF_BIRTH": 0.0083,
            "USERNAME": 0.0617,
            "PHONE": 0.0644,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0205,  # 1 of 49
            "IP_ADDRESS": 0.0,
            "URL": 0.0,
        },
        changed=0.0427,
        recall=0.8486,
        neutral_fpr=0.0303,
        near_miss_fpr=0.1078,
        macro_f1=0.743,
    ),
}

#: The issues' targets: leak limits per type (None: overall), and the sensitivity targets.
LEAK_TARGETS: dict[str | None, float] = {
    None: 0.05,
    "EMAIL": 0.02,
    "PHONE": 0.02,
    "CREDIT_CARD": 0.02,
    "IBAN": 0.02,
    "IP_ADDRESS": 0.02,
    "GOV_ID": 0.02,
    "PERSON": 0.08,
    "STREET_ADDRESS": 0.08,
}
CHANGED_TARGET = 0.05
RECALL_TARGET, NEUTRAL_TARGET, NEAR_MISS_TARGET, F1_TARGET = 0.95, 0.05, 0.10, 0.85
SLACK = 0.0005  # the recorded figures are rounded to 0.1 point


def _target(number: int, name: str, missed: bool, *values: object) -> object:
    """One target on one set as a test case; a strict known failure where it was missed."""
    marks = [pytest.mark.xfail(strict=True, reason=f"target missed on set {number}")] * missed
    return pytest.param(number, *values, marks=marks, id=f"set{number}-{name}")


@pytest.fixture(scope="module")
def leaks() -> dict[int, tuple[LeakReport, LeakReport]]:
    return {n: anonymized_reports(read_jsonl(DATA / s.pii)) for n, s in SETS.items()}


@pytest.fixture(scope="module")
def topics() -> dict[int, SensitivityReport]:
    reports = {}
    for number, measured in SETS.items():
        rows = read_jsonl(DATA / measured.sensitivity)
        output = run_cli("classify", rows)
        reports[number] = score_classifier(rows, {o["id"]: o["categories"] for o in output})
    return reports


def _topics(r: SensitivityReport) -> str:
    return (
        f"recall {r.recall:.3f}, neutral FPR {r.neutral_fpr:.3f}, near-miss FPR "
        f"{r.near_miss_fpr:.3f}, macro-F1 {r.macro_f1(CATEGORIES):.3f}"
    )


FILES = [(DATA / s.pii, s.pii_sha256) for s in SETS.values()] + [
    (DATA / s.sensitivity, s.sensitivity_sha256) for s in SETS.values()
]


@pytest.mark.parametrize(("path", "sha256"), FILES, ids=[p.name for p, _ in FILES])
def test_the_sets_are_the_frozen_copies(path: Path, sha256: str):
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256


LEAK_CASES = [
    _target(n, kind or "all", s.leaks.get(kind, 0.0) > limit, kind, limit)
    for n, s in SETS.items()
    for kind, limit in LEAK_TARGETS.items()
]


@pytest.mark.parametrize(("number", "kind", "limit"), LEAK_CASES)
def test_leak_targets(leaks, number, kind, limit):
    everything, _ = leaks[number]
    assert everything.leak_rate(kind) <= limit, leak_figures(everything)


@pytest.mark.parametrize(
    "number", [_target(n, "changed", s.changed > CHANGED_TARGET) for n, s in SETS.items()]
)
def test_pii_free_messages_are_rarely_changed(leaks, number):
    _, without_public = leaks[number]
    assert without_public.changed_clean_rate <= CHANGED_TARGET, leak_figures(without_public)


GUARDS = [(n, kind) for n, s in SETS.items() for kind in s.leaks]
GUARD_IDS = [f"set{n}-{kind or 'all'}" for n, kind in GUARDS]


@pytest.mark.parametrize(
    ("number", "kind"), GUARDS, ids=[f"set{n}-{k or 'all'}" for n, k in GUARDS]
)
def test_no_leak_rate_is_worse_than_measured(leaks, number, kind):
    everything, _ = leaks[number]
    assert everything.leak_rate(kind) <= SETS[number].leaks[kind] + SLACK, leak_figures(everything)


@pytest.mark.parametrize("number", list(SETS))
def test_pii_free_messages_changed_no_more_than_measured_and_words_are_kept(leaks, number):
    everything, without_public = leaks[number]
    assert without_public.changed_clean_rate <= SETS[number].changed + SLACK, leak_figures(
        without_public
    )
    assert everything.lost_word_rate <= 0.01, leak_figures(everything)


TOPIC_CASES = [
    param
    for n, s in SETS.items()
    for param in (
        _target(n, "recall", s.recall < RECALL_TARGET, "recall"),
        _target(n, "neutral-FPR", s.neutral_fpr > NEUTRAL_TARGET, "neutral-FPR"),
        _target(n, "near-miss-FPR", s.near_miss_fpr > NEAR_MISS_TARGET, "near-miss-FPR"),
        _target(n, "macro-F1", s.macro_f1 < F1_TARGET, "macro-F1"),
    )
]


@pytest.mark.parametrize(("number", "figure"), TOPIC_CASES)
def test_the_sensitivity_targets(topics, number, figure):
    report = topics[number]
    holds = {
        "recall": report.recall >= RECALL_TARGET,
        "neutral-FPR": report.neutral_fpr <= NEUTRAL_TARGET,
        "near-miss-FPR": report.near_miss_fpr <= NEAR_MISS_TARGET,
        "macro-F1": report.macro_f1(CATEGORIES) >= F1_TARGET,
    }
    assert holds[figure], _topics(report)


@pytest.mark.parametrize("number", list(SETS))
def test_the_sensitivity_figures_are_no_worse_than_measured(topics, number):
    report, measured = topics[number], SETS[number]
    assert report.recall >= measured.recall - SLACK, _topics(report)
    assert report.neutral_fpr <= measured.neutral_fpr + SLACK, _topics(report)
    assert report.near_miss_fpr <= measured.near_miss_fpr + SLACK, _topics(report)
    assert report.macro_f1(CATEGORIES) >= measured.macro_f1 - SLACK, _topics(report)


def _training_texts(pattern: str) -> set[str]:
    texts: set[str] = set()
    for path in sorted(DATA.glob(pattern)):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:
            rows = [json.loads(line) for line in stream if line.strip()]
        texts |= {row["text"].strip().casefold() for row in rows}
    return texts


@pytest.mark.parametrize(
    ("kind", "pattern"),
    [("pii", "pii_train_*.jsonl*"), ("sensitivity", "sensitivity_train_*.jsonl")],
)
def test_no_held_out_message_is_in_the_training_data(kind, pattern):
    training = _training_texts(pattern)
    assert len(training) > 1000
    for number, measured in SETS.items():
        path = DATA / (measured.pii if kind == "pii" else measured.sensitivity)
        held_out = {row["text"].strip().casefold() for row in read_jsonl(path)}
        shared = len(held_out & training)
        # Independent writers do write the same everyday lines ("make it shorter"): set 2
        # shares 1 PII and 14 sensitivity messages with the training writers, set 3 none and
        # 18 (17 of them neutral or near-misses, of 1 to 14 words). A copied file or chunk
        # would share far more. A count only: printing them would print the held-out set.
        assert shared <= 0.03 * len(held_out), f"set {number}: {shared} messages shared"
