"""The precompiled expressions: each exactly what re compiles, and current with the rules."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]

import pytest

from app.core.privacy import regex_cache
from tests.core.privacy.corpus import ROOT

REBUILD = "rebuild it: python -m tools.anonymizer.build_regex_cache"


def _shipped() -> tuple[int, str, list[tuple[object, ...]]]:
    return marshal.loads(regex_cache.CACHE_PATH.read_bytes())


needs_same_interpreter = pytest.mark.skipif(
    _shipped()[1] != regex_cache.stamp(),
    reason="regex_code.bin was built by another interpreter (it is then ignored)",
)


@needs_same_interpreter
def test_every_entry_is_what_the_compiler_makes_of_its_pattern():
    fmt, _, entries = _shipped()
    assert fmt == regex_cache.FORMAT
    assert len(entries) > 200
    for stored in entries:
        pattern, flags = stored[0], stored[1]
        assert regex_cache.entry(pattern, flags) == stored, pattern[:60]


def test_patterns_served_from_the_file_equal_freshly_compiled_ones():
    # A pattern compares equal to another only with the same flags and the same engine code.
    probe = (
        "import re\n"
        "from app.core.privacy import regex_cache\n"
        "n = regex_cache.install()\n"
        "re.purge()\n"
        "stored = list(regex_cache._stored)\n"
        "served = [re.compile(p, f) for p, f in stored]\n"
        "fresh = [regex_cache._fallback(p, f) for p, f in stored]\n"
        "bad = [k[0][:50] for k, a, b in zip(stored, served, fresh) if a != b]\n"
        "print(n, len(stored), bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    installed, stored, bad = result.stdout.split(" ", 2)
    assert bad.strip() == "[]"
    assert int(installed) == int(stored)
    if _shipped()[1] == regex_cache.stamp():
        assert int(installed) > 200


@needs_same_interpreter
def test_the_anonymizer_compiles_no_pattern_of_its_own_after_install():
    probe = (
        "import re\n"
        "from app.core.privacy import regex_cache\n"
        "regex_cache.install()\n"
        "missed = []\n"
        "original = regex_cache._fallback\n"
        "def spy(p, f=0):\n"
        "    missed.append(p)\n"
        "    return original(p, f)\n"
        "regex_cache._fallback = spy\n"
        "import app.core.privacy.anonymize\n"
        "from app.core.privacy.anonymize import detect\n"
        "detect('Ruf Anna Schmidt an: +49 151 2345678, geb. 03.04.1985, Hauptstr. 5')\n"
        "print(len([p for p in missed if isinstance(p, str)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    # json and the like may compile a few of theirs; the anonymizer's must all be stored.
    assert int(result.stdout) <= 10, f"regex_code.bin is stale: {REBUILD}"


def test_a_pattern_the_file_lacks_is_compiled_as_usual():
    probe = (
        "import re\n"
        "from re import _compiler\n"
        "from app.core.privacy import regex_cache\n"
        "real = _compiler.compile\n"
        "regex_cache.install()\n"
        "p = re.compile('not-in-the-file-(\\\\d+)', re.I)\n"
        "print(p.match('NOT-IN-THE-FILE-42').group(1), regex_cache._fallback is real)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split() == ["42", "True"]


def test_a_foreign_or_broken_file_is_ignored(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(regex_cache, "_installed", [])
    compiler_before = _compiler.compile
    before = dict(re._cache)  # type: ignore[attr-defined]
    foreign = tmp_path / "foreign.bin"
    foreign.write_bytes(marshal.dumps((regex_cache.FORMAT, "another-python", [("x", 0)])))
    assert regex_cache._install(foreign) == 0
    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"not marshal")
    assert regex_cache.install(broken) == 0
    assert regex_cache.install(tmp_path / "missing.bin") == 0  # already tried: no-op
    assert dict(re._cache) == before  # type: ignore[attr-defined]
    assert _compiler.compile is compiler_before
