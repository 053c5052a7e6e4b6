"""The sensitivity model's figures on the project's own dev files, held as guards.

``tests/data/sensitivity_{dev,test,heldout}.jsonl`` were written with the old rules in view:
they are dev, scored but never trained on. This file is not a held-out test, so whoever
tunes the model with ``CONFIDANT_NO_HELDOUT=1`` still runs it.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.core.privacy.evaluation import score_classifier
from app.core.privacy.sensitivity import CATEGORIES, classify

DATA = Path(__file__).resolve().parents[2] / "data"
DEV = ("sensitivity_dev.jsonl", "sensitivity_test.jsonl", "sensitivity_heldout.jsonl")


def test_dev_figures_hold():
    rows = []
    for name in DEV:
        with (DATA / name).open(encoding="utf-8") as stream:
            rows += [json.loads(line) for line in stream if line.strip()]
    r = score_classifier(rows, {row["id"]: classify(row["text"]).categories for row in rows})
    # Twenty writers (classify16, writer t, the sleep rule): 352/358 (98.3%), no neutral
    # message and no near-miss flagged, macro-F1 0.9757 (0.97575).
    # Nineteen writers (session 12, writer s): 351/358 (98.0%), no neutral message and no
    # near-miss flagged, macro-F1 0.9746.
    # Eighteen writers (classify13, writer r): 353/358 (98.6%), no neutral message and no
    # near-miss flagged, macro-F1 0.9772 (0.97716).
    # Seventeen writers (classify12, writer q): 353/358 (98.6%), no neutral message and no
    # near-miss flagged, macro-F1 0.9782 (one sensitive message fewer found, better categories).
    # Sixteen writers and the "sensitive at all" head (classify11): 354/358 (98.9%), no neutral
    # message and no near-miss flagged, macro-F1 0.9737. Fifteen writers, hard negatives
    # weighted (classify10): 351/358 (98.0%), no neutral
    # message and no near-miss flagged, macro-F1 0.9707. Fourteen writers (session 7): 351/358,
    # 0, 0.9% and 0.9713; ten writers: 346/358, 0, 0.9% and 0.956; five: 347/358, 0, 2.8%
    # and 0.949.
    assert r.recall >= 0.9832
    assert r.neutral_fpr <= 0.0
    assert r.near_miss_fpr <= 0.0
    assert r.macro_f1(CATEGORIES) >= 0.9757
