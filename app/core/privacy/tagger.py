"""The learned PII tagger: an averaged perceptron over token features, greedy left to right.

Each token gets one label (``O`` or an entity type); a run of tokens with the same label is
one entity. The score of a label is the sum of the weights of the token's features
(``features.py``) plus a weight for the label of the token before it, so a name or an
address block is read as one piece. Training is plain Python and deterministic: the same
examples and seed give the same weights, bit for bit.

The weights ship in ``data/tagger.bin`` (zlib-compressed: a JSON header line, the feature
names separated by NUL, then little-endian float32 weights, one row of labels per feature)
and load on first use.
"""

from __future__ import annotations

import array
import functools
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path

from app.core.privacy.features import (
    TITLE_WORDS,
    Pieces,
    Token,
    context_features,
    has_upper,
    message_context,
    pieces,
    plain,
    read_mask,
    rule_features,
    rules_over,
    tokenize,
    tokens_of,
    word_features,
    words_read,
)
from app.core.privacy.lexicon import lexicon
from app.core.privacy.word_table import WordTable, load_table

MODEL_PATH = Path(__file__).resolve().parent / "data" / "tagger.bin"
LABELS = ("O", "PERSON", "STREET_ADDRESS", "DATE_OF_BIRTH", "USERNAME", "PHONE", "GOV_ID")
FORMAT = 1
# Between two tokens of the same entity only these gaps are bridged: a name is written with
# spaces, hyphens or apostrophes; an address block or a number may also hold commas, line
# breaks, slashes and brackets.
_NAME_GAP = frozenset(" -'’.\u00a0")
_MAX_GAP = 4
_SENTENCE_GAP = re.compile(r"[.!?;]\s")


def _joins(label: str, gap: str) -> bool:
    """Whether ``gap`` between two tokens tagged ``label`` keeps them in one entity."""
    if label == "PERSON":
        return len(gap) <= 2 and all(c in _NAME_GAP for c in gap)
    return (
        len(gap) <= _MAX_GAP
        and not any(c.isalnum() for c in gap)
        # A number ends at the end of its sentence ("… 940211565441. Gilt der …").
        and (label == "STREET_ADDRESS" or not _SENTENCE_GAP.search(gap))
    )


@dataclass(frozen=True, slots=True)
class Example:
    """One training message: its text, one label per token, and the rule detectors' spans."""

    text: str
    labels: tuple[str, ...]
    rules: tuple[tuple[str, int, int], ...] = ()


def token_labels(text: str, entities: Iterable[tuple[str, int, int]]) -> tuple[str, ...]:
    """The label of each token of ``text`` given character spans of entities."""
    tokens = tokenize(text)
    labels = ["O"] * len(tokens)
    for kind, start, end in entities:
        for i, token in enumerate(tokens):
            if token.start < end and start < token.end:
                labels[i] = kind
    return tuple(labels)


def _static_features(
    text: str, tokens: list[Token], rules: Sequence[tuple[str, int, int]]
) -> list[list[str] | None]:
    """Per token, every feature except those on the previous label (None: not read)."""
    mask = read_mask(text, tokens)
    ctx = context_features(text, tokens, mask)
    ruled = rule_features(tokens, list(rules))
    words = [word_features(t.word) for t in tokens]
    count = len(tokens)
    out: list[list[str] | None] = []
    for i in range(count):
        if not mask[i]:
            out.append(None)
            continue
        feats = list(words[i][0])
        if i:
            feats += words[i - 1][1]
        if i + 1 < count:
            feats += words[i + 1][2]
        if i > 1:
            feats += words[i - 2][3]
        if i + 2 < count:
            feats += words[i + 2][4]
        feats += ctx[i]
        feats += ruled[i]
        out.append(feats)
    return out


def _previous_features(labels: list[str], i: int, tokens: list[Token], text: str) -> list[str]:
    if not i:
        return ["t1=^"]
    gap = text[tokens[i - 1].end : tokens[i].start]
    broken = "\n" in gap
    return ["t1=" + labels[i - 1] + ("/nl" if broken else "")]


# -- training ---------------------------------------------------------------------------------


def train(
    examples: Sequence[Example], *, seed: int, epochs: int = 5, min_count: int = 2
) -> tuple[list[str], array.array[float]]:
    """Train the averaged perceptron; returns the feature names and their weight rows."""
    n_labels = len(LABELS)
    index = {label: k for k, label in enumerate(LABELS)}
    prepared: list[tuple[str, list[Token], list[list[str] | None], list[int]]] = []
    counts: dict[str, int] = {}
    for example in examples:
        tokens = tokenize(example.text)
        if len(tokens) != len(example.labels):
            raise ValueError("labels do not match the tokens")
        static = _static_features(example.text, tokens, example.rules)
        for feats in static:
            for name in feats or ():
                counts[name] = counts.get(name, 0) + 1
        prepared.append((example.text, tokens, static, [index[x] for x in example.labels]))
    for label in ("^", *LABELS):
        counts["t1=" + label] = min_count
        counts["t1=" + label + "/nl"] = min_count
    names = [f for f, n in counts.items() if n >= min_count]
    ids = {f: k for k, f in enumerate(names)}
    weights = [[0.0] * n_labels for _ in names]
    totals = [[0.0] * n_labels for _ in names]
    stamp = 1
    order = list(range(len(prepared)))
    import random  # here, not at the top: the anonymizer's start-up never trains

    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for e in order:
            text, tokens, static, gold = prepared[e]
            guessed: list[str] = []
            for i, feats in enumerate(static):
                if feats is None:
                    guessed.append("O")
                    continue
                fids = [ids[f] for f in feats if f in ids]
                fids += [ids[f] for f in _previous_features(guessed, i, tokens, text) if f in ids]
                scores = [0.0] * n_labels
                for fid in fids:
                    row = weights[fid]
                    for k in range(n_labels):
                        scores[k] += row[k]
                guess = max(range(n_labels), key=scores.__getitem__)
                truth = gold[i]
                if guess != truth:
                    for fid in fids:
                        weights[fid][truth] += 1.0
                        weights[fid][guess] -= 1.0
                        totals[fid][truth] += stamp
                        totals[fid][guess] -= stamp
                guessed.append(LABELS[guess])
                stamp += 1
    flat = array.array("f")
    kept: list[str] = []
    for name, row, total in zip(names, weights, totals, strict=True):
        averaged = [w - t / stamp for w, t in zip(row, total, strict=True)]
        if max(abs(x) for x in averaged) < 1e-3:
            continue
        kept.append(name)
        flat.extend(averaged)
    return kept, flat


def save(
    path: Path, names: list[str], weights: array.array[float], meta: dict[str, object]
) -> None:
    """Write a model file (see the module docstring for its layout)."""
    header = json.dumps({"format": FORMAT, "labels": list(LABELS), **meta}, sort_keys=True)
    data = array.array("f", weights)
    if sys.byteorder != "little":
        data.byteswap()
    blob = header.encode() + b"\n" + "\0".join(names).encode() + b"\n" + data.tobytes()
    path.write_bytes(zlib.compress(blob, 9))


# -- inference --------------------------------------------------------------------------------


class _Rows(dict[str, "tuple[float, ...] | None"]):
    """Feature name → its label weights (None when the model has none), filled on demand."""

    def __init__(
        self,
        find: Callable[[str], int | None],
        weights: array.array[float] | memoryview[float],
        n: int,
    ) -> None:
        super().__init__()
        self._find = find
        # Rows are sliced from the float32 array when first looked up: converting all
        # 400,000-odd weights to a list up front was a third of the model's load time.
        self._values = weights
        self._n = n

    def __missing__(self, name: str) -> tuple[float, ...] | None:
        k = self._find(name)
        row = None if k is None else tuple(self._values[k * self._n : (k + 1) * self._n])
        # A name the model lacks is remembered too (most of a rare word's), up to a bound:
        # the names it has are at most the model's.
        if row is not None or len(self) < _CACHED_ABSENT:
            self[name] = row
        return row


class _Features(dict[str, "tuple[float, ...]"]):
    """Feature name → its label weights or zeros; at most 50,000 kept."""

    def __init__(self, vector: Callable[[Iterable[str]], tuple[float, ...]]) -> None:
        super().__init__()
        self._vector = vector

    def __missing__(self, name: str) -> tuple[float, ...]:
        row = self._vector((name,))
        if len(self) < 50_000:
            self[name] = row
        return row


class _RoleSums(dict[str, "tuple[float, ...]"]):
    """Word → its summed weights in one role, computed on first lookup (Tagger._role)."""

    def __init__(self, role: Callable[[int, str], tuple[float, ...]], k: int) -> None:
        super().__init__()
        self._role = role
        self._k = k

    def __missing__(self, word: str) -> tuple[float, ...]:
        return self._role(self._k, word)


_CACHED_WORDS = 200_000
_CACHED_ABSENT = 100_000


class Tagger:
    """A loaded model: feature weights, with per-word sums cached."""

    def __init__(self, names: list[str], weights: array.array[float] | memoryview[float]) -> None:
        # ``weights``: float32, a row of labels per feature (an array, or a view of the
        # word table's mapped file, whose slices read the same floats).
        ids = dict(zip(names, range(len(names)), strict=True))
        self._start(ids.get, len(ids), lambda: list(ids), weights)

    @classmethod
    def from_table(cls, table: WordTable) -> Tagger:
        """The model stored in a word table, reading the vocabulary's sums from it.

        Its feature names are found through the table's index when looked up, never all
        read: a dictionary of the 100,000-odd names was a sixth of the filter's start-up.
        """
        model = cls.__new__(cls)
        model._start(table.feature_row, table.features, lambda: table.names, table.weights)
        model.use_table(table)
        return model

    def _start(
        self,
        find: Callable[[str], int | None],
        size: int,
        names: Callable[[], list[str]],
        weights: array.array[float] | memoryview[float],
    ) -> None:
        self._n = len(LABELS)
        # The row of a feature's weights, or None when the model has none.
        self._find = find
        self._size = size
        self._names = names
        self._weights = weights
        # One tuple of label weights per feature name, built on its first lookup (most of the
        # model's features never occur in a given run, and building them all took most of the
        # load time): summing tuples found by one dict lookup is the tagger's inner loop.
        self._rows = _Rows(find, weights, self._n)
        self._zero = (0.0,) * self._n
        self._roles: tuple[dict[str, tuple[float, ...]], ...] = tuple(
            _RoleSums(self._role, k) for k in range(5)
        )
        # Precomputed sums for the vocabulary's words (word_table.py), when they match.
        self._table: WordTable | None = None
        # The weights of "the label before" (and whether a line break came between).
        self._previous = {
            (label, broken): self._vector(("t1=" + label + ("/nl" if broken else ""),))
            for label in LABELS
            for broken in (False, True)
        }
        # One feature's weights (zeros when the model has none), looked up by [] from the
        # inner loop: a dict lookup, not a method call, per feature.
        self._features = _Features(self._vector)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Tagger:
        """Read a model file."""
        blob = zlib.decompress(path.read_bytes())
        header_end = blob.index(b"\n")
        header = json.loads(blob[:header_end])
        if header.get("format") != FORMAT or tuple(header["labels"]) != LABELS:
            raise ValueError(f"{path.name} is not a model this version can read")
        names_end = blob.index(b"\n", header_end + 1)
        names = blob[header_end + 1 : names_end].decode().split("\0")
        weights = array.array("f")
        weights.frombytes(blob[names_end + 1 :])
        if sys.byteorder != "little":
            weights.byteswap()
        if len(weights) != len(names) * len(LABELS):
            raise ValueError(f"{path.name} is truncated")
        return cls(names, weights)

    @property
    def size(self) -> int:
        """How many features have weights."""
        return self._size

    def feature_names(self) -> list[str]:
        """The names of the features that have weights, in the model's order."""
        return self._names()

    def _vector(self, features: Iterable[str]) -> tuple[float, ...]:
        # Names the model lacks (most of a rare word's) are None in _Rows, looked up once.
        rows = [row for row in map(self._rows.__getitem__, features) if row is not None]
        if not rows:
            return self._zero
        if len(rows) == 1:
            return rows[0]
        return tuple(map(sum, zip(*rows, strict=True)))

    def _role(self, role: int, word: str) -> tuple[float, ...]:
        """The summed weights of ``word``'s features in one role, cached per word and role.

        Roles: 0 the word itself, 1 to 4 the word as the neighbour before, after, two before
        and two after the token read. A word's five sums are found together (a word read
        is mostly seen in every role): one look in the table or one feature list for all.
        """
        cached = self._roles[role].get(word)
        if cached is not None:
            return cached
        rows = self._sums(word)
        if len(self._roles[0]) < _CACHED_WORDS:
            for cache, row in zip(self._roles, rows, strict=True):
                cache[word] = row
        return rows[role]

    def _sums(self, word: str) -> tuple[tuple[float, ...], ...]:
        """The summed weights of ``word``'s features in each of the five roles."""
        if word.isdigit() and word.isascii():
            # A number's features are its length (up to 13) and whether it reads as a
            # year: numbers of one kind share one sum.
            year = len(word) == 4 and word[:2] in ("19", "20")
            key = "1900" if year else "0" * min(len(word), 13)
            if key != word:
                return tuple(cache[key] for cache in self._roles)
        elif self._table is not None:
            rows = self._table.rows(word)
            if rows is not None:
                return rows
        return tuple(map(self._vector, word_features(word)))

    def role_sum(self, role: int, word: str) -> tuple[float, ...]:
        """The summed weights of ``word``'s features in one role, computed (not cached)."""
        return self._vector(word_features(word)[role])

    def feature_index(self, name: str) -> int:
        """The row of a feature in the model's weights (-1 when it has none)."""
        k = self._find(name)
        return -1 if k is None else k

    def use_table(self, table: WordTable) -> None:
        """Read the vocabulary's sums from ``table`` (derived from this very model)."""
        self._table = table

    def tag(
        self, text: str, rules: Sequence[tuple[str, int, int]] = ()
    ) -> tuple[list[Token], list[str]]:
        """The tokens of ``text`` and the label of each."""
        cut = pieces(text)
        labels, _ = self._read(text, cut, rules)
        return tokens_of(cut), labels

    def _read(
        self, text: str, cut: Pieces, rules: Sequence[tuple[str, int, int]]
    ) -> tuple[list[str], list[int]]:
        """The label of each token of a message cut by ``pieces``, and where they are not O."""
        words, gaps, _ = cut
        count = len(words)
        labels = ["O"] * count
        hits: list[int] = []
        if not count:
            return labels, hits
        upper = has_upper(text)
        mask = words_read(words, upper)
        if not any(mask):
            return labels, hits
        ctx = message_context(text, cut, mask, not upper)
        ruled = rules_over(cut.bounds, rules) if rules else None
        feature = self._features.__getitem__
        previous = self._previous
        own, left, right, left2, right2 = self._roles
        first = feature("t1=^")
        last = count - 1
        # A message without a line break needs no look at a gap to know that none falls
        # between two words.
        multiline = "\n" in text
        for i in compress(range(count), mask):
            # The same parts, in the same order, as in training: the word, its neighbours,
            # its context, the rules' findings, the label before.
            parts = [own[words[i]]]
            if i:
                parts.append(left[words[i - 1]])
            if i < last:
                parts.append(right[words[i + 1]])
            if i > 1:
                parts.append(left2[words[i - 2]])
            if i + 1 < last:
                parts.append(right2[words[i + 2]])
            parts.extend(map(feature, ctx[i]))
            if ruled is not None and i in ruled:
                parts.extend(map(feature, ruled[i]))
            if i:
                parts.append(previous[labels[i - 1], multiline and "\n" in gaps[i]])
            else:
                parts.append(first)
            scores = list(map(sum, zip(*parts, strict=True)))
            # The first of the best, as max() with a key would pick it.
            k = scores.index(max(scores))
            if k:
                labels[i] = LABELS[k]
                hits.append(i)
        return labels, hits

    def spans(
        self, text: str, rules: Sequence[tuple[str, int, int]] = ()
    ) -> list[tuple[str, int, int]]:
        """The entities the tagger finds: ``(type, start, end)``, in order."""
        cut = pieces(text)
        labels, hits = self._read(text, cut, rules)
        return _join(cut, labels, hits) if hits else []


def _join(cut: Pieces, labels: list[str], hits: list[int]) -> list[tuple[str, int, int]]:
    """:func:`decode` of a message cut by ``pieces``, given the tokens not labelled O."""
    words, gaps, bounds = cut
    runs: list[list[int]] = []
    run_label = ""
    for i in hits:
        label = labels[i]
        # Only a gap can join two tokens: another token between them holds a letter or digit.
        if runs and run_label == label and runs[-1][-1] == i - 1 and _joins(label, gaps[i]):
            runs[-1].append(i)
            continue
        runs.append([i])
        run_label = label
    stop = lexicon().stop
    spans: list[tuple[str, int, int]] = []
    for run in runs:
        label = labels[run[0]]

        def weak(i: int, label: str = label) -> bool:
            word = words[i]
            if plain(word):
                return True
            low = word.lower()
            return label == "PERSON" and (low in TITLE_WORDS or low in stop)

        a, b = 0, len(run)
        while a < b and weak(run[a]):
            a += 1
        while b > a and weak(run[b - 1]):
            b -= 1
        if a < b:
            spans.append((label, bounds[2 * run[a]], bounds[2 * run[b - 1] + 1]))
    return spans


def decode(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """Join runs of tokens with the same label into entities.

    A run neither starts nor ends on an ordinary lower-case word ("… 12 Elm Road, it's a
    gift"), and a name not on a title or a stop word; such words count only inside a run
    ("12 rue de la Paix", "Anna van der Berg").
    """
    runs: list[tuple[str, list[Token]]] = []
    for token, label in zip(tokens, labels, strict=True):
        if label == "O":
            continue
        if runs and runs[-1][0] == label and _joins(label, text[runs[-1][1][-1].end : token.start]):
            runs[-1][1].append(token)
            continue
        runs.append((label, [token]))
    stop = lexicon().stop
    spans: list[tuple[str, int, int]] = []
    for label, run in runs:

        def weak(token: Token, label: str = label) -> bool:
            if plain(token.word):
                return True
            low = token.word.lower()
            return label == "PERSON" and (low in TITLE_WORDS or low in stop)

        while run and weak(run[0]):
            run.pop(0)
        while run and weak(run[-1]):
            run.pop()
        if run:
            spans.append((label, run[0].start, run[-1].end))
    return spans


@functools.cache
def tagger() -> Tagger:
    """The shipped model, loaded on first use.

    From its word table when that is current (the model as stored there, uncompressed, and
    the vocabulary's sums), else from ``tagger.bin`` with every sum computed.
    """
    table = load_table(len(LABELS))
    if table is None:
        return Tagger.load()
    return Tagger.from_table(table)
