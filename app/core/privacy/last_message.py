"""A memo of the last message: what several checks compute from the same text, computed once.

The rules, the tagger's filter and the checks after it read the same message several times:
its name reader's tokens, its public figures, its dates. :func:`per_message` keeps the
result of such a function for the last text it was given, so the second call on the same
message is a lookup. The functions memoized are pure (the result depends on the text
alone), so the output never depends on the memo, and their callers only read what they get.

Only the last message is held, until the next one replaces it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_message(function: Callable[[str], T]) -> Callable[[str], T]:
    """``function`` with its result for the last text kept (the result must not be changed)."""
    # The standard library's cache, one entry: thread-safe, and it keeps ``__wrapped__``.
    return functools.lru_cache(maxsize=1)(function)
