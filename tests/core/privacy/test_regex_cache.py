"""The precompiled expressions: each exactly what re compiles, and current with the rules."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

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


def test_installed_patterns_equal_freshly_compiled_ones():
    # A pattern compares equal to another only with the same flags and the same engine code.
    probe = (
        "import re, sys\n"
        "from app.core.privacy import regex_cache\n"
        "n = regex_cache.install()\n"
        "cached = [(k, p) for k, p in re._cache.items() if k[0] is str]\n"
        "re.purge()\n"
        "bad = [k[1][:50] for k, p in cached if re.compile(k[1], k[2]) != p]\n"
        "print(n, len(cached), bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    installed, cached, bad = result.stdout.split(" ", 2)
    assert bad.strip() == "[]"
    if _shipped()[1] == regex_cache.stamp():
        assert int(installed) > 200


@needs_same_interpreter
def test_the_anonymizer_compiles_no_pattern_of_its_own_after_install():
    probe = (
        "import re\n"
        "from re import _compiler\n"
        "from app.core.privacy import regex_cache\n"
        "regex_cache.install()\n"
        "missed = []\n"
        "original = _compiler.compile\n"
        "def spy(p, f=0):\n"
        "    missed.append(p)\n"
        "    return original(p, f)\n"
        "_compiler.compile = spy\n"
        "import app.core.privacy.anonymize\n"
        "print(len([p for p in missed if isinstance(p, str)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    # json and the like may compile a few of theirs; the anonymizer's ~200 must all be cached.
    assert int(result.stdout) <= 10, f"regex_code.bin is stale: {REBUILD}"


def test_a_foreign_or_broken_file_is_ignored(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(regex_cache, "_installed", [])
    before = dict(re._cache)  # type: ignore[attr-defined]
    foreign = tmp_path / "foreign.bin"
    foreign.write_bytes(marshal.dumps((regex_cache.FORMAT, "another-python", [("x", 0)])))
    assert regex_cache._install(foreign) == 0
    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"not marshal")
    assert regex_cache.install(broken) == 0
    assert regex_cache.install(tmp_path / "missing.bin") == 0  # already tried: no-op
    assert dict(re._cache) == before  # type: ignore[attr-defined]
