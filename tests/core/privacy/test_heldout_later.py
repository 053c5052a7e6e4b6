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
- Set 4 (session 6): ``pii_heldout_independent_4.jsonl`` (700, about 40 countries, 247
  written wholly by hand) and ``sensitivity_heldout_independent_4.jsonl`` (800, all by hand),
  scored twice: on the models the session started with, and on the ones it ended with.
- Set 5 (session 7): ``pii_heldout_independent_5.jsonl`` (700, about 30 countries, 323
  written wholly by hand) and ``sensitivity_heldout_independent_5.jsonl`` (800, all by hand),
  likewise scored before and after the session's passes.
- Set 6 (session 8): ``pii_heldout_independent_6.jsonl`` (700, 13 languages, 385 written
  wholly by hand) and ``sensitivity_heldout_independent_6.jsonl`` (800, all by hand, with many
  everyday messages that mention family, money or doctors), likewise.
- Set 7 (session 9): ``pii_heldout_independent_7.jsonl`` (700, 20 languages, 320 written
  wholly by hand, public and fictional figures tagged) and
  ``sensitivity_heldout_independent_7.jsonl`` (800, all by hand), likewise.
- Set 8 (session 10): ``pii_heldout_independent_8.jsonl`` (700, 16 languages, 315 written
  wholly by hand, no generator library, 12-digit Maestro cards among the cards) and
  ``sensitivity_heldout_independent_8.jsonl`` (800, all by hand, every register in every
  language), likewise.
- Set 9 (session 13): ``pii_heldout_independent_9.jsonl`` (700, 16 languages, 360 written
  wholly by hand, no generator library) and ``sensitivity_heldout_independent_9.jsonl`` (800,
  all by hand, every register), likewise.

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
    #: Non-PII words lost, where it was above its target (otherwise the target is the guard).
    lost_words: float = 0.0


# The figures: session 13's models (the anonymizer's fifteenth pass: writer U, a feature for
# lines' heads, bots' and departments' line heads, trade words and chains as companies, public
# figures' birthdays left alone; the twenty-writer classifier with writer t, formal and terse),
# chosen on the training writers only. Against session 12's they made worse: set 2's PHONE (0 ->
# 2 of 135), recall (93.3 -> 93.1%) and neutral FPR (1.5 -> 2.0%); set 3's leak, PERSON (19 -> 21
# of 469), neutral FPR (2.0 -> 2.5%) and macro-F1; set 4's recall (94.0 -> 93.8%); set 5's leak
# (4.29 -> 4.42%) and PERSON (27 -> 29 of 289); set 6's leak (6.8 -> 7.2%), PERSON (55 -> 59 of
# 469), PII-free changed (9.2 -> 10.7%) and recall (95.2 -> 94.7%, its target now missed); set 7's
# DATE_OF_BIRTH (10 -> 11 of 65), USERNAME (5 -> 6 of 55), words lost (0.89 -> 1.09%, its target
# missed again) and neutral FPR (7.7 -> 8.25%); set 8's leak and PERSON (18 -> 21 of 315); set 9's
# USERNAME (1 -> 3 of 33). Set 2's STREET_ADDRESS (8 -> 6 of 94) and set 7's leak (5.01 -> 4.79%)
# now meet their targets; recall rose on sets 3 (91.1 -> 92.2%), 7 and 8, and set 9's neutral FPR
# fell 11.5 -> 8.9%.
# Before them, session 12's models (the anonymizer's fourteenth pass: writers S and T, no rare
# name after "mit"/"für"/"bei"…, birth dates after an age reached and in more forms, usernames
# in logs and fields, one decoy vocabulary, a faster word table with the same output), chosen on
# the training writers only. Against session 11's they made worse: set 1's PERSON (28 -> 30 of
# 553) and USERNAME (2 -> 3 of 56); set 2's STREET_ADDRESS (7 -> 8 of 94, its target missed
# again); set 3's leak (2.02 -> 2.09%) and STREET_ADDRESS (5 -> 7 of 98); set 6's words lost (0.60
# -> 0.71%); set 8's STREET_ADDRESS (1 -> 2 of 63), USERNAME (0 -> 1 of 32) and PII-free changed
# (7.1 -> 7.65%). The leak fell on sets 2 and 4 to 7 (set 6: 7.8 -> 6.8%; set 7: 5.66 -> 5.01%),
# PERSON on sets 2 to 8, and words lost on set 7 now meet 1% (1.06 -> 0.89%).
# The nineteen-writer classifier (writer s, the everyday voice; chosen leave one writer out)
# lowered neutral FPR on sets 1, 2, 3, 5, 7 and 8 (set 7: 10.8 -> 7.7%; set 8: 6.8 -> 4.2%, target
# met) and made recall worse on sets 1, 3 (92.2 -> 91.1%), 5, 6, 7 and 8 (95.7 -> 95.4%), and
# set 4's neutral FPR (1.5 -> 2.1%).
# Before them, session 10's models (the anonymizer's eleventh pass: writers N and O, public figures,
# works and brands left alone, 12-digit Maestro cards, birth dates in more forms, faster rule scans
# with the same output; the seventeen-writer classifier with writer q), each chosen on the training
# writers only. Against session 9's models they made worse: set 1's (test_heldout_independent.py)
# leak, PERSON, PHONE and GOV_ID; set 2's recall (93.6 -> 93.1%) and macro-F1 (0.871 -> 0.868); set
# 3's leak (1.8 -> 2.2%), PERSON (19 -> 22 of 469), PHONE (1 -> 2 of 202), STREET_ADDRESS (4 -> 6 of
# 98), neutral FPR (2.0 -> 2.5%) and macro-F1 (0.862 -> 0.861); set 4's USERNAME (0 -> 1 of 29) and
# near-miss FPR (3.5 -> 4.0%); set 5's PHONE (1 -> 2 of 61, its target missed again); set 6's
# STREET_ADDRESS (3 -> 4 of 85); set 7's USERNAME (4 -> 7 of 55), neutral FPR (9.8 -> 11.3%) and
# macro-F1 (0.870 -> 0.868); set 8's leak (4.3 -> 4.45%) and PERSON (22 -> 24 of 315). Birth dates
# leaked fell on sets 1, 2, 5, 6 and 7. PII-free messages changed fell on every set (set 5's now
# meets 5%), words lost on set 7 fell (1.20 -> 1.08%), and recall rose on every set but set 2.
# Before them, session 9's models (the anonymizer's tenth pass: writer M, the writers'
# messages again with other names, rules and tagger made faster with the same output; the
# sixteen-writer classifier with a "sensitive at all" head folded into each category's), each
# chosen on the training writers only. Against session 8's models they made worse: set 2's
# USERNAME (1 -> 2 of 63) and neutral FPR (2.0 -> 2.5%); set 3's neutral FPR (1.5 -> 2.0%);
# set 4's PII-free changed (7.2 -> 7.9%); set 5's STREET_ADDRESS (1 -> 2 of 56) and PII-free
# changed (4.7 -> 6.0%, its target missed again); set 6's STREET_ADDRESS (2 -> 3 of 85); set
# 7's DATE_OF_BIRTH (12 -> 13 of 65), PII-free changed (11.7 -> 12.4%) and macro-F1 (0.874 ->
# 0.870). Everything else held or improved; the leak fell on every set and recall rose on
# every set. Session 8's models (the anonymizer's ninth pass: writers K and L, everyday chat
# about people, national phone formats, IBAN shapes, birth-date forms, handles in context, pets;
# the fifteen-writer classifier with neutral messages naming the writer's people weighted 3x),
# each pass chosen on the training writers only. Against session 7's models they made worse:
# set 2's PHONE (0 -> 2 of 135) and USERNAME (0 -> 1 of 63) and recall (92.3 -> 91.0%); set 3's
# PHONE (1 -> 2 of 202), STREET_ADDRESS (5 -> 6 of 98), recall (90.3 -> 88.4%) and macro-F1
# (0.854 -> 0.850); set 4's PII-free changed (5.04 -> 7.2%) and recall (93.05 -> 92.1%); set 5's
# USERNAME (1 -> 2 of 39) and recall (98.0 -> 97.0%); set 6's recall (95.4 -> 93.4%).
# Everything else held or improved. Session 7's models measured (set 2) leak 3.3%, STREET 8.5%,
# changed 7.6%, recall 92.3%, FPR 3.5% / 2.8%, macro-F1 0.854; (set 3) leak 2.6%, PERSON 6.0%,
# recall 90.3%, macro-F1 0.854; (set 4) leak 4.7%, PERSON 7.7%, changed 5.04%, recall 93.05%,
# FPR 2.6% / 5.5%, macro-F1 0.866; (set 5) leak 5.7%, PERSON 13.2%, STREET 3.6%, recall 98.0%,
# FPR 9.1% / 1.5%, macro-F1 0.902. Session 6's models measured (set 2) leak 4.0%, STREET 11.7%,
# GOV_ID 4.9%, changed 8.9%, recall 89.7%, FPR 3.5% / 2.0%, macro-F1 0.842; (set 3) leak 2.9%,
# USERNAME 6.2%, changed 4.9%, recall 88.1%, macro-F1 0.830; (set 4) leak 5.0%, GOV_ID 4.4%,
# USERNAME 6.9%, changed 9.4%, recall 90.6%, macro-F1 0.843. Session 5's models measured (set 2)
# leak 5.1%, STREET_ADDRESS 13.8%, GOV_ID 9.8%, changed 10.1%, recall 89.7%, FPR 5.4% / 10.7%,
# macro-F1 0.775 and (set 3) leak 4.2%, GOV_ID 4.3%, PHONE 6.4%, changed 4.3%, recall 84.9%,
# FPR 3.0% / 10.8%, macro-F1 0.743.
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
            None: 0.0272,
            "PERSON": 0.0371,
            "STREET_ADDRESS": 0.0638,
            "GOV_ID": 0.0163,
            "DATE_OF_BIRTH": 0.0588,
            "USERNAME": 0.0159,
            "PHONE": 0.0148,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
        },
        changed=0.0696,
        recall=0.9306,
        neutral_fpr=0.0198,
        near_miss_fpr=0.0079,
        macro_f1=0.8722,
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
            None: 0.0216,
            "PERSON": 0.0448,
            "STREET_ADDRESS": 0.0612,
            "GOV_ID": 0.0,
            "DATE_OF_BIRTH": 0.0,
            "USERNAME": 0.0123,
            "PHONE": 0.0099,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0204,
            "IP_ADDRESS": 0.0,
            "URL": 0.0,
        },
        changed=0.0244,
        recall=0.9216,
        neutral_fpr=0.0253,
        near_miss_fpr=0.0129,
        macro_f1=0.8611,
    ),
    # Session 5's models, scored on this set before session 6's passes: leak 5.5%, PHONE 1.2%,
    # STREET_ADDRESS 5.5%, USERNAME 10.3%, changed 6.5% (the lead's count); recall 91.1%, FPR
    # 4.6% / 9.4%, macro-F1 0.810.
    4: Measured(
        pii="pii_heldout_independent_4.jsonl",
        pii_sha256="7e9712766d5a520c5569df61540d1ef9c1842fa92ef5475587c14c6bb1de0c9f",
        sensitivity="sensitivity_heldout_independent_4.jsonl",
        sensitivity_sha256="aa539e5f3eedf441ac4a28641e8be298bd53c4e4adb9682e88667d9b7bb046ba",
        leaks={
            None: 0.0307,
            "PERSON": 0.042,
            "STREET_ADDRESS": 0.0549,
            "GOV_ID": 0.0,
            "DATE_OF_BIRTH": 0.0577,
            "USERNAME": 0.0,
            "PHONE": 0.0122,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0345,
            "IP_ADDRESS": 0.0,
            "URL": 0.0,
        },
        changed=0.0719,
        recall=0.938,
        neutral_fpr=0.0205,
        near_miss_fpr=0.0347,
        macro_f1=0.8831,
    ),
    # Frozen at the start of session 7 and scored on session 6's models before any pass: leak
    # 6.6%, PERSON 12.8%, GOV_ID 5.2%, PHONE 3.3%, STREET_ADDRESS 8.9%, changed 5.3%; recall
    # 95.8%, FPR 10.1% / 2.5%, macro-F1 0.885.
    5: Measured(
        pii="pii_heldout_independent_5.jsonl",
        pii_sha256="f670e7f48fd06f095302128edb88636238b733a394fb1a9637900cb24775e10d",
        sensitivity="sensitivity_heldout_independent_5.jsonl",
        sensitivity_sha256="d58fe40b87dda1582a1cf574475bc1a3336804f90732d00c770fd4d2c412b736",
        leaks={
            None: 0.0442,
            "PERSON": 0.1003,
            "STREET_ADDRESS": 0.0179,
            "GOV_ID": 0.0,
            "DATE_OF_BIRTH": 0.0,
            "USERNAME": 0.0513,
            "PHONE": 0.0328,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
            "URL": 0.0,
        },
        changed=0.0267,
        recall=0.9776,
        neutral_fpr=0.0503,
        near_miss_fpr=0.005,
        macro_f1=0.923,
    ),
    # Frozen at the start of session 8 and scored on session 7's models before any pass: leak
    # 10.5%, PERSON 18.8%, DATE_OF_BIRTH 11.8%, URL 8.3%, changed 13.1% (the set tags no public
    # or fictional figures, so every PII-free message counts); recall 95.4%, FPR 18.2% / 2.6%,
    # macro-F1 0.877.
    6: Measured(
        pii="pii_heldout_independent_6.jsonl",
        pii_sha256="3d9975ff93e909f9352e292b35427eeffdf62978f1e961c3c3dc6053c28702b6",
        sensitivity="sensitivity_heldout_independent_6.jsonl",
        sensitivity_sha256="acea73a0951875d37460734f6b3e27fcb698d86d4fa557ed863f62c885908661",
        leaks={
            None: 0.072,
            "PERSON": 0.1258,
            "STREET_ADDRESS": 0.0353,
            "GOV_ID": 0.0,
            "DATE_OF_BIRTH": 0.0395,
            "USERNAME": 0.0377,
            "PHONE": 0.0132,
            "EMAIL": 0.0192,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
            "URL": 0.0833,
        },
        changed=0.1068,
        recall=0.9466,
        neutral_fpr=0.0521,
        near_miss_fpr=0.0051,
        macro_f1=0.9056,
    ),
    # Frozen at the start of session 9 and scored on session 8's models before any pass: leak
    # 6.8%, PERSON 9.2%, DATE_OF_BIRTH 18.5%, USERNAME 9.1%, changed 11.7% (public and
    # fictional figures aside), non-PII words lost 1.25%; recall 94.9%, FPR 11.3% / 5.2%,
    # macro-F1 0.874.
    7: Measured(
        pii="pii_heldout_independent_7.jsonl",
        pii_sha256="8c258bfd41c5e65dcd84c80c07c794f5d3495a7e4a74d2a09b2d8c66ec96682c",
        sensitivity="sensitivity_heldout_independent_7.jsonl",
        sensitivity_sha256="08823fde086245fdb4382119fff5ee94587eb41761c76982f7348cd3627bc1cb",
        leaks={
            None: 0.0479,
            "PERSON": 0.0534,
            "STREET_ADDRESS": 0.0172,
            "GOV_ID": 0.0,
            "DATE_OF_BIRTH": 0.1692,
            "USERNAME": 0.1091,
            "PHONE": 0.0,
            "EMAIL": 0.0,
            "CREDIT_CARD": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
            "URL": 0.0333,
        },
        changed=0.0621,
        recall=0.9783,
        neutral_fpr=0.0825,
        near_miss_fpr=0.0365,
        macro_f1=0.8747,
        lost_words=0.0109,
    ),
    # Frozen at the start of session 10 and scored on session 9's models before any pass: leak
    # 4.3%, PERSON 7.0%, DATE_OF_BIRTH 7.5%, CREDIT_CARD 1 of 22, changed 10.9% (public and
    # fictional figures aside); recall 94.7%, FPR 7.9% / 2.6%, macro-F1 0.880.
    8: Measured(
        pii="pii_heldout_independent_8.jsonl",
        pii_sha256="4037fa6e1805e598ec1afd9671f2142496afb21e3eee42fed7c41e54731599ff",
        sensitivity="sensitivity_heldout_independent_8.jsonl",
        sensitivity_sha256="05ef70ffcf05e0aa69d7ef80a08411a2415609220ee9302baf7909ffb9eb6999",
        leaks={
            None: 0.0391,
            "CREDIT_CARD": 0.0,
            "DATE_OF_BIRTH": 0.0746,
            "EMAIL": 0.0,
            "GOV_ID": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
            "PERSON": 0.0667,
            "PHONE": 0.0161,
            "STREET_ADDRESS": 0.0159,
            "URL": 0.0435,
            "USERNAME": 0.0,
        },
        changed=0.0656,
        recall=0.9591,
        neutral_fpr=0.0419,
        near_miss_fpr=0.0104,
        macro_f1=0.8911,
    ),
    # Frozen at the start of session 13 and scored on session 12's models before any pass: leak
    # 2.1%, PERSON 13 of 347, STREET_ADDRESS 1 of 65, URL 2 of 22, every structured type 0, words
    # lost 0.72%, PII-free changed 6.3% (10 of 158, public and fictional figures aside); recall
    # 97.4%, FPR 11.5% / 4.1%, macro-F1 0.857.
    9: Measured(
        pii="pii_heldout_independent_9.jsonl",
        pii_sha256="d240d9fc8c5a68da08b95b777b10f4b820db0834534d2499431fc30dcbaec03a",
        sensitivity="sensitivity_heldout_independent_9.jsonl",
        sensitivity_sha256="8468addacf8002be99b2da4a89aef8e126ff32cbb1272f3a945791c73110f132",
        leaks={
            None: 0.02,
            "CREDIT_CARD": 0.0,
            "DATE_OF_BIRTH": 0.0,
            "EMAIL": 0.0,
            "GOV_ID": 0.0,
            "IBAN": 0.0,
            "IP_ADDRESS": 0.0,
            "PERSON": 0.0288,
            "PHONE": 0.0,
            "STREET_ADDRESS": 0.0154,
            "URL": 0.0909,
            "USERNAME": 0.0909,
        },
        changed=0.0506,
        recall=0.9688,
        neutral_fpr=0.089,
        near_miss_fpr=0.0415,
        macro_f1=0.8568,
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
LOST_TARGET = 0.01
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
def topic_runs() -> dict[int, tuple[list[dict], dict[str, list[str]]]]:
    runs = {}
    for number, measured in SETS.items():
        rows = read_jsonl(DATA / measured.sensitivity)
        output = run_cli("classify", rows)
        runs[number] = (rows, {o["id"]: o["categories"] for o in output})
    return runs


@pytest.fixture(scope="module")
def topics(topic_runs) -> dict[int, SensitivityReport]:
    return {n: score_classifier(rows, found) for n, (rows, found) in topic_runs.items()}


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
def test_pii_free_messages_changed_no_more_than_measured(leaks, number):
    _, without_public = leaks[number]
    assert without_public.changed_clean_rate <= SETS[number].changed + SLACK, leak_figures(
        without_public
    )


@pytest.mark.parametrize(
    "number", [_target(n, "lost", s.lost_words > LOST_TARGET) for n, s in SETS.items()]
)
def test_non_pii_words_are_kept(leaks, number):
    everything, _ = leaks[number]
    assert everything.lost_word_rate <= LOST_TARGET, leak_figures(everything)


@pytest.mark.parametrize("number", list(SETS))
def test_no_more_words_are_lost_than_measured(leaks, number):
    everything, _ = leaks[number]
    limit = max(SETS[number].lost_words, LOST_TARGET)
    assert everything.lost_word_rate <= limit + SLACK, leak_figures(everything)


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


def _training_texts(pattern: str) -> dict[str, set[str]]:
    """Each training file's messages, normalised as the held-out ones are compared."""
    texts: dict[str, set[str]] = {}
    for path in sorted(DATA.glob(pattern)):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:
            rows = [json.loads(line) for line in stream if line.strip()]
        texts[path.name] = {row["text"].strip().casefold() for row in rows}
    return texts


def _held_out_texts(kind: str, number: int) -> set[str]:
    measured = SETS[number]
    path = DATA / (measured.pii if kind == "pii" else measured.sensitivity)
    return {row["text"].strip().casefold() for row in read_jsonl(path)}


@pytest.mark.parametrize(
    ("kind", "pattern"),
    [("pii", "pii_train_*.jsonl*"), ("sensitivity", "sensitivity_train_*.jsonl")],
)
def test_no_held_out_set_was_copied_into_a_training_file(kind, pattern):
    files = _training_texts(pattern)
    assert sum(len(texts) for texts in files.values()) > 1000
    for number in SETS:
        held_out = _held_out_texts(kind, number)
        limit = 0.03 * len(held_out)
        for name, training in files.items():
            # Independent writers do write the same everyday lines ("make it shorter",
            # "again but in bullet points"): with ten sensitivity writers, sets 3 and 4 share
            # 30 and 29 of their 800 messages with training in all, at most 14 with one file
            # (set 4 and writer c, written in different sessions). A copied file or chunk
            # would share far more with its one file. Counts only: never print the set.
            shared = len(held_out & training)
            assert shared <= limit, f"set {number} and {name}: {shared} messages shared"


@pytest.mark.parametrize("number", list(SETS))
def test_the_lines_shared_with_training_do_not_carry_the_figures(topic_runs, topics, number):
    # The classifier's figures on the messages no training writer also wrote stay within a
    # point of the whole set's (session 6: within 0.4 point on every set).
    training = set().union(*_training_texts("sensitivity_train_*.jsonl").values())
    rows, found = topic_runs[number]
    unshared = [row for row in rows if row["text"].strip().casefold() not in training]
    assert len(unshared) >= 0.9 * len(rows)
    alone, whole = score_classifier(unshared, found), topics[number]
    assert abs(alone.recall - whole.recall) <= 0.01, _topics(alone)
    assert abs(alone.neutral_fpr - whole.neutral_fpr) <= 0.01, _topics(alone)
    assert abs(alone.near_miss_fpr - whole.near_miss_fpr) <= 0.01, _topics(alone)
