"""The tagger's trainer: writers' messages copied with other names keep their labels."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tools.anonymizer.train import WRITERS, name_pools, policy_problem, read_rows, swapped_names

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "pii_train_sample.jsonl"


def _pools() -> tuple[list[str], list[str]]:
    with SAMPLE.open(encoding="utf-8") as stream:
        return name_pools([json.loads(line) for line in stream])


def _values(row: dict) -> list[tuple[str, str]]:
    return [(e["type"], row["text"][e["start"] : e["end"]]) for e in row["entities"]]


def test_the_pools_hold_latin_script_names_written_as_names():
    firsts, lasts = _pools()
    assert len(firsts) > 20 and len(lasts) > 20
    for name in firsts + lasts:
        assert name[0].isupper() and not name.isupper() or len(name) == 1, name
        assert max(name) < "\u0250", name


def test_a_copy_has_other_names_in_the_same_places_and_case():
    firsts, lasts = _pools()
    row = {
        "id": "w-1",
        "text": "ask maria and Tom Baker, IBAN DE89370400440532013000, then Tom again",
        "entities": [
            {"type": "PERSON", "start": 4, "end": 9},
            {"type": "PERSON", "start": 14, "end": 23},
            {"type": "IBAN", "start": 30, "end": 52},
            {"type": "PERSON", "start": 59, "end": 62},
        ],
    }
    copy = swapped_names(row, firsts, lasts, random.Random(1))
    assert copy is not None and copy["id"] == "w-1/swapped"
    assert policy_problem(copy) is None
    values = _values(copy)
    assert [kind for kind, _ in values] == ["PERSON", "PERSON", "IBAN", "PERSON"]
    assert values[2][1] == "DE89370400440532013000"
    assert values[0][1].islower() and values[0][1] != "maria"
    assert values[1][1] != "Tom Baker" and values[1][1][0].isupper()
    assert "and" in copy["text"] and copy["text"].endswith(" again")
    assert copy == swapped_names(row, firsts, lasts, random.Random(1))


def test_a_name_repeated_outside_its_values_leaves_the_message_as_it_is():
    firsts, lasts = _pools()
    row = {
        "id": "w-2",
        "text": "Write to Anna at anna.k@example.org",
        "entities": [
            {"type": "PERSON", "start": 9, "end": 13},
            {"type": "EMAIL", "start": 17, "end": 35},
        ],
    }
    assert swapped_names(row, firsts, lasts, random.Random(1)) is None
    no_names = {"id": "w-3", "text": "call 030 1234567", "entities": []}
    assert swapped_names(no_names, firsts, lasts, random.Random(1)) is None


def test_initials_and_particles_are_kept():
    firsts, lasts = _pools()
    row = {
        "id": "w-4",
        "text": "Signed: A. van Dijk",
        "entities": [{"type": "PERSON", "start": 8, "end": 19}],
    }
    copy = swapped_names(row, firsts, lasts, random.Random(2))
    assert copy is not None
    value = _values(copy)[0][1]
    assert value.startswith("A. van ") and not value.endswith("Dijk")


def test_every_writer_is_trained_on_and_read_whole():
    # Writers N and O (session 10), P and R (session 11), S and T (session 12), U (session
    # 13) join the others; each delivered file is read whole.
    letters = [path.name.split(".")[0].rsplit("_", 1)[-1] for path in WRITERS]
    assert letters == sorted(letters)
    assert {"a", "m", "n", "o", "p", "r", "s", "t", "u"} <= set(letters)
    for letter, count in (
        ("n", 4000),
        ("o", 4000),
        ("p", 3500),
        ("r", 3406),
        ("s", 3391),
        ("t", 3431),
        ("u", 3400),
    ):
        path = next(p for p in WRITERS if p.name == f"pii_train_{letter}.jsonl.gz")
        rows = read_rows(path)
        assert len(rows) == count
        assert all(policy_problem(row) is None for row in rows)
