"""The tagger's model and per-word weight sums, ready to read (a derived file).

The tagger sums, for every distinct word it reads, the weights of the word's features in
each of five roles (the word itself, and the word as each of its four neighbours). Summing
them for the 4,000-odd distinct words of a typical run was the largest first-use cost of
the anonymizer; for the words the model knows (every word of a ``w=`` feature, as the word
or as a neighbour) the sums ship precomputed in ``data/tagger_words.bin``, so first use is a
table read. Words outside it are summed as before. The file also holds the model itself,
uncompressed, so that loading it is one read of a file, not a decompression of
``tagger.bin`` (which stays the trained model, the source of truth).

The file is derived from ``tagger.bin`` and the word lists the features read, by one
command::

    python -m tools.anonymizer.build_table

(the trainer runs it after writing the shipped model). Its header records the length and
CRC-32 of each of those inputs: a table whose inputs changed is not used (the model is then
read from ``tagger.bin`` and the sums computed as before, so the output never depends on
it), and a test fails until it is rebuilt.

Layout (little-endian): a JSON header line; the model's feature names, NUL-separated, and a
newline; its ``float32`` weights, one row of labels per feature; the words, NUL-separated,
and a newline; per word three ``uint32`` indices into the row pool (roles 0 to 2) and two
``int32`` indices of the model's feature rows (roles 3 and 4, each a single feature; -1 for
none); then the row pool, ``float64`` sums (so every sum is bit for bit the one the tagger
would compute).
"""

from __future__ import annotations

import array
import json
import mmap
import struct
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TABLE_PATH = DATA / "tagger_words.bin"
FORMAT = 2
# What the sums depend on besides the code: the model and the word lists word_features reads.
INPUTS = (
    "tagger.bin",
    "first_names.txt",
    "surnames.txt",
    "stopwords.txt",
    "ambiguous_names.txt",
    "known_words.crc32",
)
STORED_ROLES = 3
ROLES = 5


def fingerprint(data: Path = DATA) -> str:
    """The length and CRC-32 of each input the table is derived from (about a millisecond).

    A check against a stale file, not against tampering: a CRC-32 needs no hash library at
    start-up (importing hashlib loads OpenSSL) and reads the 2 MB of inputs several times
    faster than SHA-256.
    """
    parts = []
    for name in INPUTS:
        content = (data / name).read_bytes()
        parts.append(f"{name}:{len(content)}:{zlib.crc32(content):08x}")
    return " ".join(parts)


# The features that name a word, as the word itself or as a neighbour (features.py).
_WORD_PREFIXES = ("w=", "Lw=", "Rw=", "LLw=", "RRw=")


def vocabulary(feature_names: Iterable[str]) -> list[str]:
    """The words the table covers: each word the model has weights for, in two cases.

    Lower case and capitalized, whether the model knows the word itself or only as a
    neighbour (most ordinary words are never read, only seen next to the words read);
    numbers are few distinct feature sets, cached by the tagger.
    """
    words: set[str] = set()
    for name in feature_names:
        if name.startswith(_WORD_PREFIXES):
            low = name[name.index("=") + 1 :]
            words.add(low)
            words.add(low[:1].upper() + low[1:])
    return sorted(words)


def build(
    words: list[str],
    role_sum: Callable[[int, str], tuple[float, ...]],
    far_feature: Callable[[int, str], int],
    n_labels: int,
    source: str,
    model: tuple[list[str], array.array[float]],
) -> bytes:
    """The table's bytes.

    Args:
        words: the words to cover.
        role_sum: the tagger's summed weights of a word in roles 0 to 2.
        far_feature: the model's row index of a word's single feature in roles 3 and 4
            (-1 when the model has no weights for it).
        n_labels: the number of labels (the length of every row).
        source: the inputs' fingerprint.
        model: the model's feature names and weights.
    """
    pool: dict[tuple[float, ...], int] = {}
    indices = array.array("I")
    far = array.array("i")
    for word in words:
        for role in range(STORED_ROLES):
            row = role_sum(role, word)
            if len(row) != n_labels:
                raise ValueError(f"row of {word!r} has {len(row)} weights")
            indices.append(pool.setdefault(tuple(row), len(pool)))
        for role in range(STORED_ROLES, ROLES):
            far.append(far_feature(role, word))
    rows = array.array("d", [x for row in pool for x in row])
    names, weights = model
    if len(weights) != len(names) * n_labels:
        raise ValueError("the model's weights do not match its features")
    weights = array.array("f", weights)
    if sys.byteorder != "little":
        for part in (indices, far, rows, weights):
            part.byteswap()
    header = json.dumps(
        {
            "format": FORMAT,
            "source": source,
            "features": len(names),
            "words": len(words),
            "rows": len(pool),
            "labels": n_labels,
        },
        sort_keys=True,
    )
    return b"".join(
        (
            header.encode(),
            b"\n",
            "\0".join(names).encode(),
            b"\n",
            weights.tobytes(),
            "\0".join(words).encode(),
            b"\n",
            indices.tobytes(),
            far.tobytes(),
            rows.tobytes(),
        )
    )


class WordTable:
    """A loaded table: the model's features and weights, and the vocabulary's role sums."""

    def __init__(self, blob: bytes | mmap.mmap, n_labels: int) -> None:
        # The file's bytes are read where they lie (a memory map, or bytes): the weights and
        # the words' rows are never copied, and a map's pages are read in as they are touched.
        view = memoryview(blob)
        header_end = _find(blob, 0)
        header = json.loads(bytes(view[:header_end]))
        if header["format"] != FORMAT or header["labels"] != n_labels:
            raise ValueError("the word table does not match this version")
        names_end = _find(blob, header_end + 1)
        #: The model's feature names, in the order of its weight rows.
        self.names = str(view[header_end + 1 : names_end], "utf-8").split("\0")
        start = names_end + 1
        size = 4 * n_labels * len(self.names)
        if len(view) < start + size:
            raise ValueError("the word table is truncated")
        #: The model's weights, a row of labels per feature (float32, the file's own bytes
        #: on a little-endian machine).
        self.weights: array.array[float] | memoryview[float]
        if sys.byteorder == "little":
            self.weights = view[start : start + size].cast("f")
        else:
            self.weights = array.array("f")
            self.weights.frombytes(view[start : start + size])
            self.weights.byteswap()
        self._weights_at = start
        start += size
        words_end = _find(blob, start)
        words = str(view[start:words_end], "utf-8").split("\0")
        count = header["words"]
        if len(self.names) != header["features"] or len(words) != count:
            raise ValueError("the word table does not match this version")
        if len(self.weights) != len(self.names) * n_labels:
            raise ValueError("the word table is truncated")
        # The rest is read where it lies: a word's rows are unpacked from the file's bytes
        # when the word is first met (a few thousand of them in a run), nothing copied before.
        self._near = struct.Struct(f"<{STORED_ROLES}I")
        self._far = struct.Struct(f"<{ROLES - STORED_ROLES}i")
        self._sum = struct.Struct(f"<{n_labels}d")
        self._weight = struct.Struct(f"<{n_labels}f")
        self._near_at = words_end + 1
        self._far_at = self._near_at + self._near.size * count
        self._rows_at = self._far_at + self._far.size * count
        if len(blob) - self._rows_at != header["rows"] * self._sum.size:
            raise ValueError("the word table is truncated")
        self._blob = blob
        self._index = dict(zip(words, range(count), strict=True))
        self._n = n_labels
        self._zero = (0.0,) * n_labels
        self.source = str(header["source"])

    def __len__(self) -> int:
        return len(self._index)

    def rows(self, word: str) -> tuple[tuple[float, ...], ...] | None:
        """The word's summed weights in each role, or None when the table lacks the word."""
        k = self._index.get(word)
        if k is None:
            return None
        blob = self._blob
        unpack_sum = self._sum.unpack_from
        at, size = self._rows_at, self._sum.size
        out = [
            unpack_sum(blob, at + p * size)
            for p in self._near.unpack_from(blob, self._near_at + self._near.size * k)
        ]
        unpack_weight = self._weight.unpack_from
        at, size = self._weights_at, self._weight.size
        for f in self._far.unpack_from(blob, self._far_at + self._far.size * k):
            out.append(unpack_weight(blob, at + f * size) if f >= 0 else self._zero)
        return tuple(out)

    def row(self, role: int, word: str) -> tuple[float, ...] | None:
        """The word's summed weights in ``role``, or None when the table lacks the word."""
        rows = self.rows(word)
        return None if rows is None else rows[role]


def load_table(n_labels: int, path: Path = TABLE_PATH) -> WordTable | None:
    """The table next to the shipped model; None when it is missing or its inputs changed.

    The file is mapped, not read: of its 11 MB a run touches the model's weights it looks up
    and the rows of the few thousand words it meets. (``build_table`` replaces the file by
    renaming a new one over it, so a process that has it mapped keeps reading the old one.)
    """
    try:
        table = WordTable(_map(path), n_labels)
    except (OSError, ValueError, KeyError):
        return None
    return table if table.source == fingerprint(path.parent) else None


def _map(path: Path) -> bytes | mmap.mmap:
    """The file's bytes as a read-only memory map (its bytes, where mapping is refused)."""
    with path.open("rb") as stream:
        try:
            return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file, or a file system that cannot map
            return stream.read()


def _find(blob: bytes | mmap.mmap, start: int) -> int:
    """Where the first line break from ``start`` is (``bytes.index`` for a map too)."""
    at = blob.find(b"\n", start)
    if at < 0:
        raise ValueError("the word table is truncated")
    return at
