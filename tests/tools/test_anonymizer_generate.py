"""The tagger's generated training messages are the same in every process for one seed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _generate(tmp_path: Path, name: str, hash_seed: str) -> str:
    out = tmp_path / name
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "tools.anonymizer.generate", "--count", "600", "--seed", "7"]
        + ["--out", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    return hashlib.sha256(out.read_bytes()).hexdigest()


def test_two_processes_with_other_hash_seeds_write_the_same_messages(tmp_path):
    # Faker builds some lists from sets (Italian cities), whose order follows the string
    # hash seed: generate.py runs itself again with PYTHONHASHSEED=0 so that it does not.
    pytest.importorskip("faker")
    pytest.importorskip("mimesis")
    first = _generate(tmp_path, "a.jsonl", "1")
    second = _generate(tmp_path, "b.jsonl", "2")
    assert first == second


# Runs generate.py's main with the process's clock moved to another day, the hash seed fixed
# beforehand (generate.py would otherwise start itself again, leaving the moved clock behind).
_ON_ANOTHER_DAY = """
import sys, time_machine
from tools.anonymizer.generate import main
with time_machine.travel("2031-07-19 16:45:00+00:00", tick=True):
    sys.exit(main(sys.argv[1:]))
"""


def test_a_run_on_another_day_writes_the_same_messages(tmp_path):
    # Faker draws dates of birth, ages and the identity numbers built from them relative to
    # "now": two runs a minute apart differed until generation got a fixed clock.
    pytest.importorskip("faker")
    pytest.importorskip("time_machine")
    today = _generate(tmp_path, "today.jsonl", "0")
    out = tmp_path / "later.jsonl"
    subprocess.run(
        [sys.executable, "-c", _ON_ANOTHER_DAY, "--count", "600", "--seed", "7", "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=True,
        timeout=300,
    )
    assert hashlib.sha256(out.read_bytes()).hexdigest() == today


def test_names_written_in_lower_case_keep_their_offsets():
    from tools.anonymizer.generate import _lower_names

    text = "Ask Maria Lopez in Paris, call +33 1 23"
    entities: list[dict[str, object]] = [
        {"type": "PERSON", "start": 4, "end": 15},
        {"type": "PHONE", "start": 31, "end": 39},
    ]
    assert _lower_names(text, entities) == "Ask maria lopez in Paris, call +33 1 23"
    # A value whose lower case is longer ("İ") is left as it is, so offsets still hold.
    assert _lower_names("İlkay", [{"type": "PERSON", "start": 0, "end": 5}]) == "İlkay"


@pytest.mark.parametrize(
    ("word", "declined"),
    [
        ("Paweł", ("Pawła", "Pawłowi", "Pawłem")),
        ("Marek", ("Marka", "Markowi", "Markiem")),
        ("Tomasz", ("Tomasza", "Tomaszowi", "Tomaszem")),
        ("Marta", ("Marty", "Marcie", "Martą")),
        ("Agnieszka", ("Agnieszki", "Agnieszce", "Agnieszką")),
        ("Maria", ("Marii", "Marii", "Marią")),
        ("Maja", ("Mai", "Mai", "Mają")),
        ("Jerzy", ("Jerzego", "Jerzemu", "Jerzym")),
        ("Kowalski", ("Kowalskiego", "Kowalskiemu", "Kowalskim")),
        ("Kowalska", ("Kowalskiej", "Kowalskiej", "Kowalską")),
        ("Nowak", ("Nowaka", "Nowakowi", "Nowakiem")),
    ],
)
def test_polish_names_are_declined_for_the_templates(word, declined):
    from tools.anonymizer.generate import polish_case

    assert tuple(polish_case(word, case) for case in ("GEN", "DAT", "INS")) == declined
