"""Long alternations of words regrouped by their first letter: the same matches, scanned faster.

The regular-expression engine tries the branches of ``(?:passport|driver's licence|…)`` one
after the other at every place a match may start; with ninety branches that is most of a
scan. Written as ``(?:p(?:assport|…)|d(?:river's licence|…)|…)`` it tests the first letter
once per group. The matches are the same: within a group the branches keep their order (the
first one that leads to a match still wins), and branches that start with different letters
never match at the same place. A leading optional group of plain words, ``(?:residence
|work )?permit``, is spelled out first (``residence permit|work permit|permit``, the order
in which the engine tries them). Anything else the regrouping cannot prove the same for
leaves the pattern as it is.
"""

from __future__ import annotations

import re

_META = set(".^$*+?{}[]\\|()")
_QUANTIFIERS = set("?*+{")


def _split(body: str) -> list[str] | None:
    """The top-level branches of an alternation (None if the brackets do not balance)."""
    out: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if body[i + 1 : i + 2] in ("]", "^"):
                i += 1  # "[]…]" and "[^]…]": the bracket is a member, not the end
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    if depth or in_class:
        return None
    out.append(body[start:])
    return out


def _plain(text: str) -> bool:
    return not any(c in _META for c in text)


def _spelled_out(branch: str) -> list[str] | None:
    """A branch whose first character is a plain letter, or the branches it stands for."""
    if branch[:1].isalpha():
        return [branch]
    if not branch.startswith("(?:"):
        return None
    close = branch.find(")")
    if close < 0 or branch[close + 1 : close + 2] != "?" or branch[close + 2 : close + 3] in "?+":
        return None
    words = branch[3:close].split("|")
    rest = branch[close + 2 :]
    if not all(_plain(w) and w[:1].isalpha() for w in words) or not rest[:1].isalpha():
        return None
    return [w + rest for w in words] + [rest]


def by_first_letter(
    pattern: str, head: str, tail: str, *, case_sensitive: bool = False, not_after: str = ""
) -> str:
    r"""``pattern`` (``head + "(?:" + branches + ")" + tail``) with its branches grouped.

    Returns the pattern unchanged when it does not have that shape, or when a branch does
    not start with a plain letter followed by something other than a quantifier.

    Args:
        pattern: the alternation, in its context.
        head: what stands before the alternation's group.
        tail: what stands after it.
        case_sensitive: the pattern is compiled without ``re.IGNORECASE`` (and sets no such
            flag inside): branches may start with a capital, "A" and "a" are two groups.
        not_after: with ``case_sensitive`` and an empty ``head``, one character class
            (``\w``, ``[\w.]``) that the character before a match must not be in: the
            result checks it *after* each group's first letter (``N(?<!\wN)(?:IE|IF)``),
            not before the group (``(?<!\w)(?:N(?:IE|IF))``). The matches are the same,
            and a pattern that opens with its first letters is scanned by the engine's
            fast search for them, where a look behind at its start is tried at every place.
    """
    if not_after:
        if not case_sensitive or head:
            raise ValueError("not_after needs a case-sensitive pattern without a head")
        unchanged = f"(?<!{not_after})" + pattern
    else:
        unchanged = pattern
    opening = head + "(?:"
    closing = ")" + tail
    if not pattern.startswith(opening) or not pattern.endswith(closing):
        return unchanged
    branches = _split(pattern[len(opening) : len(pattern) - len(closing)])
    if branches is None or not all(branches):
        return unchanged
    groups: dict[str, list[str]] = {}
    for branch in branches:
        spelled = _spelled_out(branch)
        if spelled is None:
            return unchanged
        for each in spelled:
            first, rest = each[0], each[1:]
            if rest[:1] in _QUANTIFIERS or not case_sensitive and first.lower() != first:
                return unchanged
            groups.setdefault(first, []).append(rest)
    if case_sensitive:
        return (
            opening
            + "|".join(
                f"{f}{f'(?<!{not_after}{f})' if not_after else ''}(?:{'|'.join(r)})"
                for f, r in groups.items()
            )
            + closing
        )
    # Letters that match each other regardless of case ("s" and "ſ") must share a group:
    # each letter is looked for among all the first letters (one scan per letter, at import).
    firsts = "".join(groups)
    for a in groups:
        if len(re.findall(re.escape(a), firsts, re.IGNORECASE)) > 1:
            return pattern
    grouped = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return opening + grouped + closing
