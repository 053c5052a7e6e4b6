"""The sensitivity targets, held on the frozen internal held-out and watched on dev.

``tests/data/sensitivity_heldout_independent.jsonl`` is a byte-for-byte copy of the internal
held-out written by a separate writer who never saw the classifier or its training data; the
model was never trained or tuned on it. ``tests/data/sensitivity_{dev,test,heldout}.jsonl``
were written with the old rules in view and are dev.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from app.core.privacy.evaluation import SensitivityReport, score_classifier
from app.core.privacy.sensitivity import CATEGORIES, classify

DATA = Path(__file__).resolve().parents[2] / "data"


@functools.cache
def report(*names: str) -> SensitivityReport:
    rows = []
    for name in names:
        with (DATA / name).open(encoding="utf-8") as stream:
            rows += [json.loads(line) for line in stream if line.strip()]
    return score_classifier(rows, {r["id"]: classify(r["text"]).categories for r in rows})


def heldout() -> SensitivityReport:
    return report("sensitivity_heldout_independent.jsonl")


def test_the_heldout_is_the_frozen_copy():
    rows = (DATA / "sensitivity_heldout_independent.jsonl").read_text("utf-8").splitlines()
    assert len(rows) == 1086
    keys = {"id", "lang", "text", "categories", "near_miss"}
    assert all(set(json.loads(r)) >= keys for r in rows)


# Every target holds since session 9's model (recall 95.5%, FPRs 1.1% and 0.6%, macro-F1
# 0.907); recall missed it before (93.3%).
HELDOUT_TARGETS = [
    pytest.param("recall", lambda r: r.recall >= 0.95, id="recall>=95%"),
    pytest.param("neutral FPR", lambda r: r.neutral_fpr <= 0.05, id="neutral-FPR<=5%"),
    pytest.param("near-miss FPR", lambda r: r.near_miss_fpr <= 0.10, id="near-miss-FPR<=10%"),
    pytest.param("macro-F1", lambda r: r.macro_f1(CATEGORIES) >= 0.85, id="macro-F1>=0.85"),
]


@pytest.mark.parametrize(("name", "holds"), HELDOUT_TARGETS)
def test_the_targets_hold_on_the_internal_heldout(name, holds):
    r = heldout()
    assert holds(r), (
        f"{name}: recall {r.recall:.3f}, neutral FPR {r.neutral_fpr:.3f}, "
        f"near-miss FPR {r.near_miss_fpr:.3f}, macro-F1 {r.macro_f1(CATEGORIES):.3f}"
    )


def test_the_heldout_figures_do_not_fall_below_this_model():
    # What the shipped model reached (recall 485/508, neutral FPR 3/268, near-miss FPR 1/310,
    # macro-F1 0.908), so that a change that loses ground fails here. Twenty writers (writer t,
    # formal and terse, session 13; leave one writer out 85.2/4.5/2.6%/0.794 ->
    # 85.3/4.5/2.6%/0.796); it found 1 more of 508 sensitive messages and flagged 1 more of 268
    # neutral ones here against the nineteen-writer model (484/508, 2/268, 1/310, 0.909). Nineteen
    # writers (writer s, session 12; leave one writer out 85.7/4.5/2.9%/0.793 ->
    # 85.2/4.5/2.6%/0.794); it lost 2 of 508 sensitive messages and 0.003 of macro-F1 here and
    # gained 1 of 268 neutral messages against the eighteen-writer model (486/508, 3/268, 1/310,
    # 0.912). Eighteen writers (writer r, session 11; chosen leave one writer out, where writers a-q
    # rose 86.0 -> 86.5% recall at the same FPRs); it lost 1 of 268 neutral messages and 0.003 of
    # macro-F1 here against the seventeen-writer model (486/508, 2/268, 1/310, 0.915; writer q,
    # session 10). The sixteen-writer model before it, with a "sensitive at all" head folded into
    # each category's (session 9): 485/508, 3/268, 2/310, 0.907. The fifteen-writer model before it:
    # 474/508, 3/268, 2/310, 0.898; neutral messages naming the writer's own people weighted 3x,
    # chosen leave one writer out (session 8); it lost 2 of 508 here and 0.002 of macro-F1 against
    # the fourteen-writer model (476/508, 3/268, 2/310, 0.900: no category below even odds, a 0.75%
    # cap on short neutral messages; session 7). The ten-writer model before it: 460/508, 3/268,
    # 3/310 and 0.871; ten writers, square-root pooling, a long message's best sentence mixed in at
    # 0.25, and a cap on short neutral messages, all chosen leave one writer out (session 6). The
    # seven-writer model before it: 435/508, 3/268, 7/310 and 0.817, with short messages judged by
    # the model against thresholds of their own, all thresholds from the writers'
    # leave-one-writer-out logits under the targets' pooled limits (session 5). The five-writer
    # model before it: 411/508, 8/268, 10/310 and 0.778; a stricter per-writer bound (74.2%, 0/268,
    # 3/310, 0.757) was set back by the lead because a figure of the second held-out set prompted it
    # (tools/train_sensitivity.py, WORST_NEAR). The three-writer model before it reached 425/508,
    # 10/268, 10/310 and 0.773.
    r = heldout()
    assert r.recall >= 0.9547
    assert r.neutral_fpr <= 0.0112
    assert r.near_miss_fpr <= 0.0033
    assert r.macro_f1(CATEGORIES) >= 0.9081
