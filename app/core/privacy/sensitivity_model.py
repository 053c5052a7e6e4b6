"""The learned half of the sensitivity classifier: pretrained word pieces and a linear head.

A message is cut into word pieces of WordLlama's vocabulary (greedy longest match, lower
case). The model is logistic regression per category over the pieces' pretrained 256-d
embeddings, summed and divided by the square root of their count (``Head.pooling``), with a
long message's best sentence mixed in (``Head.sentence_mix``),
once as they are and once more when the message speaks about the writer or their people,
plus the rules' findings as features. A "sensitive at all" head, trained beside the category
heads, is folded into each of them at training time (``train_sensitivity.ANY_WEIGHT``).
Because the head is linear, each piece's embedding can be multiplied into the head once, at
training time: what ships (``data/sensitivity_*``) is, per piece, its score for each category,
so scoring a message is a scaled sum of table rows in plain Python. No numpy, no embedding
matrix and nothing downloaded at run time; ``tools/train_sensitivity.py`` writes these files,
with the same seed giving the same bytes.
"""

from __future__ import annotations

import array
import functools
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add
from pathlib import Path

DATA = Path(__file__).with_name("data")
PIECES_FILE = "sensitivity_pieces.txt"
WORDS_FILE = "sensitivity_words.txt"
HEAD_FILE = "sensitivity_head.json"
TABLE_FILE = "sensitivity_table.f32"
#: The word marker of the SentencePiece vocabulary (a word's first piece starts with it).
MARK = "\u2581"
WORD = re.compile(r"\w+(?:['’]\w+)*")
_CACHE_LIMIT = 200_000


def pairs(words: list[str]) -> list[str]:
    """Adjacent word pairs, joined by a space (a word never holds one)."""
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


class Pieces:
    """Greedy longest-match segmentation of words into the vocabulary's pieces."""

    def __init__(self, pieces: list[str]) -> None:
        # Built in C (a comprehension over the 24,000 pieces costs the first message ~60 ms).
        self.index = dict(zip(pieces, range(len(pieces)), strict=True))
        self.longest = max(map(len, pieces))

    def split(self, word: str) -> list[int]:
        """The piece ids of one lower-case word (characters outside the vocabulary drop)."""
        text = MARK + word
        index, longest = self.index, self.longest
        ids: list[int] = []
        i, n = 0, len(text)
        while i < n:
            for j in range(min(n, i + longest), i, -1):
                found = index.get(text[i:j])
                if found is not None:
                    ids.append(found)
                    i = j
                    break
            else:
                i += 1
        return ids


@dataclass(frozen=True, slots=True)
class Head:
    """The trained head: per-category intercepts, rule-feature weights and thresholds."""

    categories: tuple[str, ...]
    intercepts: tuple[float, ...]
    #: Feature name → one weight per category.
    features: dict[str, tuple[float, ...]]
    #: Logit thresholds: a category applies at or above its threshold.
    thresholds: tuple[float, ...]
    #: ...and when it is within this much of the category furthest above its own threshold
    #: (a message that is plainly about health is not also about religion by a hair).
    margin: float = math.inf
    #: The thresholds of a short message (see ``sensitivity.SHORT_WORDS``); empty: the same.
    short_thresholds: tuple[float, ...] = ()
    #: Word scores are summed and divided by the piece count to this power: 1 is their mean,
    #: 0.5 (shipped) lets a long message's few telling words weigh more than a mean would.
    pooling: float = 1.0
    #: How much the message's most telling sentence counts against the whole message: a
    #: category's pooled score is ``(1 - mix) * message + mix * best sentence`` (0: the
    #: message alone), never below the message's own when ``sentence_floor`` is set.
    sentence_mix: float = 0.0
    sentence_floor: bool = False

    def decide(
        self, logits: Sequence[float], strong: Sequence[bool] = (), *, short: bool = False
    ) -> list[int]:
        """The indices of the categories that apply, given each category's logit.

        A category whose term a rule found strongly (``strong[k]``) is exempt from the margin.
        A ``short`` message is held to the short thresholds.
        """
        cuts = self.short_thresholds if short and self.short_thresholds else self.thresholds
        above = [x - t for x, t in zip(logits, cuts, strict=True)]
        best = max(above)
        if best < 0:
            return []
        floor = max(0.0, best - self.margin)
        return [
            k
            for k, value in enumerate(above)
            if value >= floor or (value >= 0 and k < len(strong) and strong[k])
        ]


class Model:
    """The shipped model: pieces, their per-category scores and the head."""

    def __init__(
        self, pieces: Pieces, words: list[str], table: array.array[float], head: Head
    ) -> None:
        self.pieces = pieces
        self.head = head
        first = len(pieces.index)
        #: Words and word pairs seen in training have a learned row of their own, after the
        #: pieces' rows.
        #: Built in C: the model is loaded on the first message, and a comprehension over the
        #: ~90,000 words (or slicing every pair's row up front) cost it about a third of a second.
        self.word_rows = dict(zip(words, range(first, first + len(words)), strict=True))
        self.width = 2 * len(head.categories)
        self._table = table
        self._words: dict[str, tuple[int, tuple[float, ...]]] = {}

    def word(self, word: str) -> tuple[int, tuple[float, ...]]:
        """A word's piece count and summed scores (plain, then personal, per category)."""
        cached = self._words.get(word)
        if cached is not None:
            return cached
        ids = self.pieces.split(word)
        width, table = self.width, self._table
        sums = [0.0] * width
        own = self.word_rows.get(word) if ids else None
        for piece in ids if own is None else [*ids, own]:
            row = table[piece * width : piece * width + width]
            for k in range(width):
                sums[k] += row[k]
        result = (len(ids), tuple(sums))
        if len(self._words) >= _CACHE_LIMIT:
            self._words.clear()
        self._words[word] = result
        return result

    def logits(
        self,
        words: list[str],
        personal: bool,
        features: dict[str, float],
        breaks: Sequence[int] = (),
    ) -> list[float]:
        """Each category's logit.

        ``breaks``: where each sentence after the first starts (indices into ``words``); with
        the head's ``sentence_mix``, the best sentence's score counts too.
        """
        head = self.head
        if breaks and head.sentence_mix:
            pooled = self._sentences(words, personal, breaks)
        else:
            pieces, total = self._sum(words, personal)
            pooled = [v * pieces**-head.pooling for v in total] if pieces else []
        logits = list(map(add, head.intercepts, pooled)) if pooled else list(head.intercepts)
        for name, value in features.items():
            if value:
                logits = [x + w * value for x, w in zip(logits, head.features[name], strict=True)]
        return logits

    def _sum(self, words: list[str], personal: bool) -> tuple[int, list[float]]:
        """The piece count of ``words`` and their rows' sums (and their pairs'), per category."""
        count = len(self.head.categories)
        # The per-word cache is read inline: a method call per word costs more than the sums.
        cache, word = self._words, self.word
        pieces = 0
        rows: list[Sequence[float]] = []
        for text in words:
            found = cache.get(text)
            if found is None:
                found = word(text)
            if found[0]:
                pieces += found[0]
                rows.append(found[1])
        if pieces and len(words) > 1:
            # A pair has a space and a word never does: the rows found are the pairs' own.
            word_rows, table, width = self.word_rows, self._table, self.width
            for a, b in zip(words, words[1:], strict=False):
                at = word_rows.get(f"{a} {b}")
                if at is not None:
                    at *= width
                    rows.append(table[at : at + width])
        if not rows:
            return 0, []
        # Column sums in C: one pass over all rows at once.
        total: list[float] = list(map(sum, zip(*rows, strict=True)))
        if personal:
            return pieces, list(map(add, total[:count], total[count:]))
        return pieces, total[:count]

    def _sentences(self, words: list[str], personal: bool, breaks: Sequence[int]) -> list[float]:
        """The pooled scores of a message of several sentences, its best sentence mixed in."""
        head = self.head
        power = head.pooling
        edges = [0, *breaks, len(words)]
        pieces = 0
        total = [0.0] * len(head.categories)
        best: list[float] = []
        for start, end in zip(edges, edges[1:], strict=False):
            n, sums = self._sum(words[start:end], personal)
            if not n:
                continue
            pieces += n
            total = list(map(add, total, sums))
            scale = n**-power
            pooled = [v * scale for v in sums]
            best = list(map(max, best, pooled)) if best else pooled
        if not pieces:
            return []
        count = len(head.categories)
        word_rows, table, width = self.word_rows, self._table, self.width
        # The word pairs across a sentence break count for the whole message only.
        for edge in breaks:
            if 0 < edge < len(words):
                at = word_rows.get(f"{words[edge - 1]} {words[edge]}")
                if at is not None:
                    row = table[at * width : at * width + width]
                    extra = [row[k] + (row[count + k] if personal else 0.0) for k in range(count)]
                    total = list(map(add, total, extra))
        scale = pieces**-power
        mix = head.sentence_mix
        out = [(1 - mix) * v * scale + mix * b for v, b in zip(total, best, strict=True)]
        if head.sentence_floor:
            out = [max(o, v * scale) for o, v in zip(out, total, strict=True)]
        return out

    def shares(self, words: list[str], personal: bool, k: int) -> list[tuple[str, float]]:
        """Each word's share of category ``k``'s logit (for explanations)."""
        count = len(self.head.categories)
        found = [(text, self.word(text)) for text in words]
        scale = (sum(n for _, (n, _) in found) or 1) ** -self.head.pooling
        out = [
            (text, (sums[k] + (sums[count + k] if personal else 0.0)) * scale)
            for text, (n, sums) in found
            if n
        ]
        width = self.width
        for pair in pairs(words):
            row = self.word_rows.get(pair)
            if row is not None:
                out.append((pair, self._table[row * width + k] * scale))
        return out


def sigmoid(x: float) -> float:
    """The logistic function, safe for large magnitudes."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def read_pieces(folder: Path = DATA) -> list[str]:
    """The shipped vocabulary, one piece a line."""
    # Bytes, not text mode: no newline translation may shift a line.
    return (folder / PIECES_FILE).read_bytes().decode("utf-8").split("\n")


@functools.cache
def load(folder: Path = DATA) -> Model:
    """Load the shipped model once (about 1 MB; no numpy)."""
    pieces = read_pieces(folder)
    words = (folder / WORDS_FILE).read_bytes().decode("utf-8").split("\n")
    raw = json.loads((folder / HEAD_FILE).read_text(encoding="utf-8"))
    head = Head(
        categories=tuple(raw["categories"]),
        intercepts=tuple(raw["intercepts"]),
        features={k: tuple(v) for k, v in raw["features"].items()},
        thresholds=tuple(raw["thresholds"]),
        margin=float(raw.get("margin", math.inf)),
        short_thresholds=tuple(raw.get("short_thresholds", ())),
        pooling=float(raw.get("pooling", 1.0)),
        sentence_mix=float(raw.get("sentence_mix", 0.0)),
        sentence_floor=bool(raw.get("sentence_floor", False)),
    )
    table = array.array("f")
    table.frombytes((folder / TABLE_FILE).read_bytes())
    if sys.byteorder != "little":
        table.byteswap()
    if len(table) != (len(pieces) + len(words)) * 2 * len(head.categories):
        raise ValueError("the sensitivity model's table does not match its vocabulary")
    return Model(Pieces(pieces), words, table, head)
