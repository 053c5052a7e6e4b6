"""The training script of the sensitivity model: the same seed gives the same weights."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.privacy import sensitivity_model
from tools import train_sensitivity

pytestmark = pytest.mark.slow


def quick(seed: int) -> dict[str, object]:
    # A small run (first rows, few epochs) exercises every step the full run takes.
    return train_sensitivity.train(seed, 0.04, limit=300, epochs=15)


def test_the_same_seed_gives_the_same_weights_and_another_seed_other_folds():
    first, again, other = quick(7), quick(7), quick(8)
    for key in ("pieces", "words", "head"):
        assert first[key] == again[key]
    assert isinstance(first["table"], np.ndarray) and isinstance(again["table"], np.ndarray)
    assert first["table"].tobytes() == again["table"].tobytes()
    # The seed draws the folds the thresholds come from.
    assert first["head"]["thresholds"] != other["head"]["thresholds"]  # type: ignore[index]


def test_the_written_files_load_as_the_shipped_model_does(tmp_path):
    result = quick(7)
    train_sensitivity.write(result, tmp_path)
    model = sensitivity_model.load(tmp_path)
    assert model.head.categories == tuple(result["head"]["categories"])  # type: ignore[index]
    assert train_sensitivity.digest(tmp_path) == train_sensitivity.digest(tmp_path)
    n, sums = model.word("sciatica")
    assert n > 0 and len(sums) == 2 * len(model.head.categories)


def test_the_shipped_model_was_trained_on_the_files_in_the_repository():
    head = sensitivity_model.load().head
    import json

    raw = json.loads((sensitivity_model.DATA / sensitivity_model.HEAD_FILE).read_text("utf-8"))
    files = sorted(p.name for p in train_sensitivity.DATA_DIR.glob("sensitivity_train_*.jsonl"))
    assert raw["training_files"] == files
    rows = train_sensitivity.load_rows(
        [train_sensitivity.DATA_DIR / name for name in raw["training_files"]]
    )
    assert raw["training_rows"] == len(rows)
    assert len(head.thresholds) == len(head.categories)


@pytest.mark.parametrize("mix, floor", [(None, None), (0.5, False), (1.0, True)])
def test_the_shipped_tables_score_as_training_did(tmp_path, monkeypatch, mix, floor):
    # The tables fold the embeddings into the head: scoring from them must give the logits
    # training computed from the embeddings themselves, with a long message's best sentence
    # mixed in as training mixes it (None: the script's own setting).
    if mix is not None:
        monkeypatch.setattr(train_sensitivity, "SENTENCE_MIX", mix)
        monkeypatch.setattr(train_sensitivity, "SENTENCE_FLOOR", floor)
    result = quick(7)
    train_sensitivity.write(result, tmp_path)
    model = sensitivity_model.load(tmp_path)
    texts, expected = result["check"]  # type: ignore[misc]
    from app.core.privacy.sensitivity import analyse

    several = 0
    for text, want in zip(texts, expected, strict=True):
        signals = analyse(text)
        several += bool(signals.breaks)
        got = model.logits(signals.words, signals.personal, signals.features, signals.breaks)
        assert np.allclose(got, want, atol=1e-3), text
    assert several >= 5


def test_each_independent_writer_is_a_fold_and_our_own_rows_are_spread_over_them():
    paths = sorted(train_sensitivity.DATA_DIR.glob("sensitivity_train_*.jsonl"))
    rows = train_sensitivity.load_rows(paths)
    folds, names = train_sensitivity.writer_folds(paths, rows, 14)
    writers = [p.name for p in paths if p.name not in train_sensitivity.OWN_FILES]
    assert names == writers and len(writers) >= 2
    start = 0
    for path in paths:
        count = len(train_sensitivity.load_rows([path]))
        got = set(folds[start : start + count].tolist())
        if path.name in train_sensitivity.OWN_FILES:
            assert len(got) > 1
        else:
            assert got == {names.index(path.name)}
        start += count
    assert start == len(rows)


def test_negatives_naming_the_writers_people_weigh_more(monkeypatch):
    # A hard negative ("pick up my mother from the station") counts HARD_WEIGHT times a plain
    # neutral message; sensitive rows and the balance of each category are unchanged in kind.
    monkeypatch.setattr(train_sensitivity, "HARD_WEIGHT", 3.0)
    rows: list[dict[str, object]] = [
        {"text": "a", "categories": []},
        {"text": "b", "categories": []},
        {"text": "c", "categories": [], "near_miss": True},
        {"text": "d", "categories": ["health"]},
    ]
    y = train_sensitivity.labels(rows)
    hard = np.array([False, True, True, True])
    plain = train_sensitivity.sample_weights(rows, y)
    weighted = train_sensitivity.sample_weights(rows, y, hard)
    assert weighted[1, 0] == 3 * plain[1, 0] and weighted[2, 0] == 3 * plain[2, 0]
    assert weighted[0, 0] == plain[0, 0]
    health = train_sensitivity.CATEGORIES.index("health")
    # The positive balances the (now heavier) negatives: their sums stay equal.
    assert weighted[3, health] == weighted[:3, health].sum()


def test_the_sensitive_at_all_head_folds_into_the_category_heads_exactly(monkeypatch):
    # The second stage adds ANY_WEIGHT times the "sensitive at all" head's logit to every
    # category's; folded into the heads, the shipped tables give the same logits.
    monkeypatch.setattr(train_sensitivity, "ANY_WEIGHT", 0.25)
    rows: list[dict[str, object]] = [
        {"text": "a", "categories": []},
        {"text": "b", "categories": ["health", "finances"]},
        {"text": "c", "categories": ["religion"]},
    ]
    y = train_sensitivity.with_any(train_sensitivity.labels(rows))
    assert y[:, -1].tolist() == [0.0, 1.0, 1.0] and y.shape[1] == 8
    rng = np.random.default_rng(3)
    count = len(train_sensitivity.CATEGORIES)
    x = rng.normal(size=(5, 6))
    sparse = (np.array([0, 0, 3, 4]), np.array([1, 2, 0, 2]), rng.normal(size=4))
    params = (rng.normal(size=(6, count + 1)), rng.normal(size=count + 1), rng.normal(size=(3, 8)))
    whole = train_sensitivity.logits_of(x, sparse, params)
    folded = train_sensitivity.logits_of(x, sparse, train_sensitivity.fold_any(params))
    assert folded.shape == (5, count)
    assert np.allclose(folded, whole[:, :count] + 0.25 * whole[:, count:])
    # Switched off, nothing changes.
    monkeypatch.setattr(train_sensitivity, "ANY_WEIGHT", 0.0)
    plain = train_sensitivity.labels(rows)
    assert train_sensitivity.with_any(plain) is plain
    assert train_sensitivity.fold_any(params) is params


def test_per_category_cuts_keep_the_limits_and_find_at_least_as_many():
    # From the shared search's cuts, each category's cut moves on its own only where that
    # flags more sensitive messages with the pooled limits still kept.
    rng = np.random.default_rng(5)
    n, count = 4000, len(train_sensitivity.CATEGORIES)
    y = np.zeros((n, count), dtype=np.float32)
    sensitive = rng.random(n) < 0.5
    y[sensitive, rng.integers(0, count, sensitive.sum())] = 1.0
    near = ~sensitive & (rng.random(n) < 0.3)
    short = rng.random(n) < 0.3
    # Categories that separate well and badly: where one cut should go differs.
    spread = np.linspace(0.5, 3.0, count)
    logits = rng.normal(size=(n, count)) + y * spread
    fpr = 0.045
    shared = train_sensitivity.thresholds(logits, y, near, fpr, short)
    cut, short_cut = train_sensitivity.per_category_cuts(logits, y, near, fpr, short, shared)
    neutral = y.sum(axis=1) == 0
    plain = neutral & ~near

    def flagged(c: np.ndarray, s: np.ndarray) -> np.ndarray:
        return (logits >= np.where(short[:, None], s, c)).any(axis=1)

    before, after = flagged(*shared), flagged(cut, short_cut)
    assert after[plain].sum() <= fpr * plain.sum()
    assert after[neutral & near].sum() <= 2 * fpr * (neutral & near).sum()
    assert after[plain & short].sum() <= train_sensitivity.SHORT_FPR * (plain & short).sum()
    assert after[sensitive].sum() > before[sensitive].sum()
    assert (cut >= train_sensitivity.FLOOR).all() and (short_cut >= train_sensitivity.FLOOR).all()
    # The same inputs give the same cuts.
    again = train_sensitivity.per_category_cuts(logits, y, near, fpr, short, shared)
    assert np.array_equal(again[0], cut) and np.array_equal(again[1], short_cut)


def test_stop_words_and_their_pairs_get_the_stop_word_penalty(monkeypatch):
    monkeypatch.setattr(train_sensitivity, "STOP_WORD_L2", 1e-2)
    pieces = ["▁a", "▁b"]
    words = {"nie": 0, "knee": 1, "i am": 2, "my knee": 3}
    penalty = train_sensitivity.free_penalty(pieces, words)
    L2 = train_sensitivity.L2_SPARSE
    assert penalty.shape == (len(pieces) + len(words), 1)
    assert (penalty[:2] == L2).all()
    # "nie" and "i am" are stop words; "knee" and "my knee" are not (a pair needs both).
    assert list(penalty[2:, 0]) == [1e-2, L2, 1e-2, L2]
    monkeypatch.setattr(train_sensitivity, "STOP_WORD_L2", train_sensitivity.L2_SPARSE)
    assert (train_sensitivity.free_penalty(pieces, words) == train_sensitivity.L2_SPARSE).all()
