"""The anonymizer's regular expressions, compiled ahead of time (a derived file).

Importing the anonymizer compiles about two hundred expressions, and its first message
another sixty (phonenumbers' among them): about 90 ms of a 350 ms start-up, spent in the
pure-Python half of ``re`` (parsing each pattern, then generating the engine's code). That
half's result, a list of integers per pattern, depends only on the pattern, its flags and
the interpreter's version, so it ships precomputed in ``data/regex_code.bin`` and
:func:`install` hands each pattern, compiled by the C half (``_sre.compile``) from that
code, to ``re``'s own cache before the anonymizer is imported. ``re.compile`` then finds
it there, exactly as it finds a pattern compiled a second time.

The file holds, per pattern: the pattern string, the flags it is compiled with, and what
``re._compiler.compile`` passes to ``_sre.compile``. It is written by::

    python -m tools.anonymizer.build_regex_cache

and stamped with the interpreter's version and ``_sre.MAGIC``. Under another interpreter
the file is ignored; a pattern it lacks (a rule added or changed since it was built) is
compiled as usual. So the output never depends on it, only the start-up time, and a test
checks every entry against what the live compiler produces.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's C half, always built in
import array
import marshal
import re
import sys
from pathlib import Path
from typing import Any

CACHE_PATH = Path(__file__).resolve().parent / "data" / "regex_code.bin"
FORMAT = 1
#: Entries of ``re``'s cache left free for the patterns compiled at run time (``re`` drops its
#: oldest entry when full): no more than ``re._MAXCACHE`` less these are installed.
RESERVED = 128
_installed: list[bool] = []


def stamp() -> str:
    """The interpreter the cached code is valid for."""
    return (
        f"{sys.implementation.name}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}"
    )


def entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile(pattern, flags)`` hands to ``_sre.compile``, storable."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        pattern,
        flags,
        flags | parsed.state.flags,
        array.array("I", code).tobytes(),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def dumps(entries: list[tuple[Any, ...]]) -> bytes:
    """The file's content for ``entries`` (from :func:`entry`)."""
    return marshal.dumps((FORMAT, stamp(), entries))


def install(path: Path = CACHE_PATH) -> int:
    """Put the cached patterns into ``re``'s cache; how many were put (0: file not usable).

    Idempotent, and never raises: a missing, stale or foreign file only costs the time the
    patterns take to compile.
    """
    if _installed:
        return 0
    _installed.append(True)
    try:
        return _install(path)
    except Exception:  # noqa: BLE001 - an unusable cache is only slower, never wrong
        return 0


def _install(path: Path) -> int:
    cache = getattr(re, "_cache", None)
    room = getattr(re, "_MAXCACHE", 0)
    if not isinstance(cache, dict) or room <= 0:
        return 0
    data = marshal.loads(path.read_bytes())
    if data[0] != FORMAT or data[1] != stamp():
        return 0
    count = 0
    for pattern, flags, final_flags, code, groups, groupindex, indexgroup in data[2]:
        # Room is left for the patterns compiled at run time (re drops its oldest entry
        # when full), so none of these is dropped before the module that needs it is read.
        if len(cache) >= room - RESERVED:
            break
        key = (str, pattern, flags)
        if key in cache:
            continue
        words = array.array("I")
        words.frombytes(code)
        cache[key] = _sre.compile(
            pattern, final_flags, words.tolist(), groups, groupindex, indexgroup
        )
        count += 1
    return count
