"""The tagger's precomputed word table: current with tagger.bin, and the same sums as computed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.core.privacy.features import tokenize
from app.core.privacy.tagger import LABELS, Tagger, tagger
from app.core.privacy.word_table import (
    INPUTS,
    TABLE_PATH,
    Index,
    fingerprint,
    index_bytes,
    load_table,
)
from tools.anonymizer.build_table import table_bytes


def tokenize_words(text: str) -> list[str]:
    return [token.word for token in tokenize(text)]


REBUILD = "rebuild it: python -m tools.anonymizer.build_table"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pii_train_sample.jsonl"


def _header() -> dict[str, object]:
    with TABLE_PATH.open("rb") as stream:
        return json.loads(stream.readline())


def test_the_table_was_built_from_the_shipped_model_and_word_lists():
    assert _header()["source"] == fingerprint(), f"tagger_words.bin is stale: {REBUILD}"


def test_rebuilding_the_table_gives_the_shipped_bytes():
    # Also catches a change to the features' code (word lists in features.py, flags) that
    # no input file records.
    assert table_bytes() == TABLE_PATH.read_bytes(), f"tagger_words.bin is stale: {REBUILD}"


def test_the_shipped_tagger_reads_the_table():
    model = tagger()
    assert model._table is not None
    assert len(model._table) > 10_000


def test_the_table_holds_the_model_of_tagger_bin():
    table = load_table(len(LABELS))
    assert table is not None
    plain = Tagger.load()
    assert table.names == plain.feature_names()
    assert table.weights.tobytes() == plain._weights.tobytes()
    assert tagger().feature_names() == plain.feature_names()


def test_the_table_covers_words_the_model_knows_only_as_neighbours():
    table = load_table(len(LABELS))
    assert table is not None
    names = set(Tagger.load().feature_names())
    neighbours_only = [n[3:] for n in names if n.startswith("Lw=") and "w=" + n[3:] not in names]
    assert neighbours_only
    assert all(table.row(0, word) is not None for word in neighbours_only)


def test_every_role_of_every_word_in_the_table_is_the_computed_sum():
    plain = Tagger.load()
    table = load_table(len(LABELS))
    assert table is not None
    words = table.words()
    known = set(words)
    for word in words[::7] + ["Anna", "anna", "straße", "Straße"]:
        if word not in known:
            assert table.rows(word) is None, word
            continue
        rows = table.rows(word)
        assert rows is not None
        for role in range(5):
            assert table.row(role, word) == plain.role_sum(role, word), (word, role)
            assert rows[role] == table.row(role, word), (word, role)


def test_numbers_share_their_sums_and_get_the_computed_ones():
    model = tagger()
    plain = Tagger.load()
    for word in ("7", "42", "1999", "2024", "2100", "0000", "123456", "1" * 13, "9" * 19):
        for role in range(5):
            assert model._role(role, word) == plain.role_sum(role, word), (word, role)


def test_words_outside_the_table_get_the_computed_sums():
    # A word the table lacks is summed from its features by the loaded tagger (its rows
    # found through the table's index): the sums must be those of the plain model, bit for
    # bit, in every role, whether the table knows the word's lower case or not.
    model = tagger()
    plain = Tagger.load()
    table = model._table
    assert table is not None
    with SAMPLE.open(encoding="utf-8") as stream:
        words = {w for line in stream for w in tokenize_words(json.loads(line)["text"])}
    words |= {"Zzyzxwq", "zzyzxwq", "ZZYZXWQ", "Kowalczykowa", "CG607383B", "ab12cd", "Ǆemal"}
    outside = sorted(w for w in words if table.rows(w) is None)
    assert any(table.rows(w.lower()) is not None for w in outside)
    assert any(table.rows(w.lower()) is None for w in outside)
    for word in outside:
        sums = model._sums(word)
        assert sums == tuple(plain.role_sum(role, word) for role in range(5)), word


def test_with_and_without_the_table_the_tagger_reads_messages_alike():
    with_table = tagger()
    without = Tagger.load()
    assert without._table is None
    with SAMPLE.open(encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line in stream]
    texts += ["Who should we invoice? Kowalczyk.", "call 0612345678 or 1987", "ANNA MÜLLER"]
    for text in texts:
        assert with_table.tag(text) == without.tag(text), text


def test_a_table_whose_inputs_changed_is_not_used(tmp_path):
    for name in (*INPUTS, TABLE_PATH.name):
        shutil.copy(TABLE_PATH.parent / name, tmp_path / name)
    assert load_table(len(LABELS), tmp_path / TABLE_PATH.name) is not None
    stop = tmp_path / "stopwords.txt"
    stop.write_text(stop.read_text(encoding="utf-8") + "\nzzyzx\n", encoding="utf-8")
    assert load_table(len(LABELS), tmp_path / TABLE_PATH.name) is None
    (tmp_path / TABLE_PATH.name).write_bytes(b"not a table")
    assert load_table(len(LABELS), tmp_path / TABLE_PATH.name) is None
    stop.write_text(stop.read_text(encoding="utf-8")[: -len("\nzzyzx\n")], encoding="utf-8")
    whole = TABLE_PATH.read_bytes()
    for cut in (len(whole) // 3, len(whole) // 2, len(whole) - 8):
        (tmp_path / TABLE_PATH.name).write_bytes(whole[:cut])
        assert load_table(len(LABELS), tmp_path / TABLE_PATH.name) is None, cut
    (tmp_path / TABLE_PATH.name).write_bytes(whole)
    assert load_table(len(LABELS), tmp_path / TABLE_PATH.name) is not None


def test_a_table_is_not_used_once_the_model_changes(tmp_path):
    for name in (*INPUTS, TABLE_PATH.name):
        shutil.copy(TABLE_PATH.parent / name, tmp_path / name)
    model = tmp_path / "tagger.bin"
    blob = bytearray(model.read_bytes())
    blob[len(blob) // 2] ^= 1  # one bit of the weights, the length unchanged
    model.write_bytes(bytes(blob))
    assert load_table(len(LABELS), tmp_path / TABLE_PATH.name) is None


def test_the_index_finds_every_feature_and_word_at_its_place_and_nothing_else():
    table = load_table(len(LABELS))
    assert table is not None
    names = Tagger.load().feature_names()
    assert table.features == len(names)
    assert all(table.feature_row(name) == k for k, name in enumerate(names))
    assert tagger().feature_index(names[-1]) == len(names) - 1
    words = table.words()
    assert len(table) == len(words)
    assert all(table._words.find(word) == k for k, word in enumerate(words))
    for key in ("", "w=", "w=zzyzxq", names[0] + "\0", names[0][:-1], "w=\ud800", "\ud800"):
        assert key in names or table.feature_row(key) is None, key
    assert table.rows("zzyzxq") is None
    assert table.rows("Anna\ud800") is None


def _index(strings: list[str]) -> Index:
    blob = "\0".join(strings).encode() + b"\n" + index_bytes(strings)
    return Index(blob, len(blob) - Index.size(len(strings)), len(strings), 0)


def test_strings_sharing_a_crc32_are_told_apart():
    # "plumless" and "buckeroo" have the same CRC-32.
    index = _index(["plumless", "buckeroo", "a", "ü"])
    assert [index.find(s) for s in ("plumless", "buckeroo", "a", "ü")] == [0, 1, 2, 3]
    assert _index(["plumless"]).find("buckeroo") is None
    assert _index(["buckeroo"]).find("plumless") is None
    assert _index([]).find("a") is None


def test_an_index_of_many_strings_finds_each_and_no_other():
    strings = [f"w{k}" for k in range(300)]
    index = _index(strings)
    assert all(index.find(s) == k for k, s in enumerate(strings))
    assert all(index.find(f"x{k}") is None for k in range(300))
