"""The anonymizer's regular expressions, compiled ahead of time (a derived file).

Importing the anonymizer compiles about two hundred expressions, and its messages several
hundred more on first use (phonenumbers' among them, each region's or shape's when a message
needs it): about 90 ms of a 350 ms start-up, and then a few milliseconds every hundred
messages, spent in the pure-Python half of ``re`` (parsing each pattern, then generating the
engine's code). That half's result, a list of integers per pattern, depends only on the
pattern, its flags and the interpreter's version, so it ships precomputed in
``data/regex_code.bin``. :func:`install` reads the file and puts itself in front of ``re``'s
compiler (``re._compiler.compile``, which ``re`` calls only for a pattern not in its own
cache): a pattern the file holds is then compiled by the C half (``_sre.compile``) from the
stored code, when it is first needed, and ``re`` caches it as it caches any other. Nothing
is put into ``re``'s cache ahead of use, so the file may hold every pattern the anonymizer
compiles over its corpus, not only as many as that cache has room for.

The file holds, per pattern: the pattern string, the flags it is compiled with, and what
``re._compiler.compile`` passes to ``_sre.compile``. It is written by::

    python -m tools.anonymizer.build_regex_cache

and stamped with the interpreter's version and ``_sre.MAGIC``. Under another interpreter
the file is ignored; a pattern it lacks (a rule added or changed since it was built) is
compiled as usual. So the output never depends on it, only the time, and a test checks every
entry against what the live compiler produces.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's C half, always built in
import array
import marshal
import sys
from pathlib import Path
from typing import Any

CACHE_PATH = Path(__file__).resolve().parent / "data" / "regex_code.bin"
FORMAT = 1
_installed: list[bool] = []
# (pattern, flags) -> the rest of its entry: what _sre.compile takes besides the pattern.
_stored: dict[tuple[str, int], tuple[Any, ...]] = {}
#: The compiler a pattern the file lacks goes to (``re``'s own, kept at install).
_fallback: Any = None


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
    """Serve the file's patterns to ``re`` from now on; how many it holds (0: not usable).

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
    global _fallback  # noqa: PLW0603 - set once, read by _compile
    from re import _compiler  # type: ignore[attr-defined]

    data = marshal.loads(path.read_bytes())
    if data[0] != FORMAT or data[1] != stamp():
        return 0
    for pattern, flags, *rest in data[2]:
        _stored[pattern, flags] = tuple(rest)
    if _stored and _fallback is None:
        _fallback = _compiler.compile
        _compiler.compile = _compile
    return len(_stored)


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``, from the stored code when the file holds the pattern."""
    if type(pattern) is str:
        found = _stored.get((pattern, flags))
        if found is not None:
            final_flags, code, groups, groupindex, indexgroup = found
            words = array.array("I")
            words.frombytes(code)
            return _sre.compile(
                pattern, final_flags, words.tolist(), groups, groupindex, indexgroup
            )
    return _fallback(pattern, flags)
