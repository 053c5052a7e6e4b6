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
would compute); then an index of the feature names and one of the words (:class:`Index`).

The indexes are why loading the table costs next to nothing: the 100,000-odd feature names
and 150,000-odd words are never decoded into strings nor put in a dictionary (hashing them
all was a third of the filter's start-up), while a run looks up a few thousand of each.
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
FORMAT = 3
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
            index_bytes(names),
            index_bytes(words),
        )
    )


def index_bytes(strings: list[str]) -> bytes:
    """The :class:`Index` of ``strings`` (as stored NUL-separated in the table).

    Three ``uint32`` arrays: a hash table of :func:`slots` entries (0 for an empty slot, else
    a string's position plus one, at the first free slot from its CRC-32's low bits), each
    string's CRC-32 (of its UTF-8 bytes), and where each string starts in the NUL-separated
    bytes (one more entry: the end of the last string plus one).
    """
    encoded = [s.encode() for s in strings]
    hashes = array.array("I", [zlib.crc32(data) for data in encoded])
    table = array.array("I", bytes(4 * slots(len(strings))))
    mask = len(table) - 1
    for k, value in enumerate(hashes):
        at = value & mask
        while table[at]:
            at = (at + 1) & mask
        table[at] = k + 1
    starts = array.array("I", [0])
    for data in encoded:
        starts.append(starts[-1] + len(data) + 1)
    parts = [table, hashes, starts]
    if sys.byteorder != "little":
        for part in parts:
            part.byteswap()
    return b"".join(part.tobytes() for part in parts)


def slots(count: int) -> int:
    """The size of the hash table for ``count`` strings: a power of two, at most half full."""
    return 1 << max(1, (2 * count - 1).bit_length())


class Index:
    """Where each of a list of strings is, looked up in the table's bytes (no string decoded).

    A hash table stored in the file, keyed by the CRC-32 of a string's UTF-8 bytes (open
    addressing, at most half full: one or two probes a lookup); a probe whose string has the
    key's CRC-32 compares the bytes too, so the answer is exact.
    """

    def __init__(self, blob: bytes | mmap.mmap, at: int, count: int, strings_at: int) -> None:
        self._blob = blob
        self._count = count
        size = slots(count)
        self._mask = size - 1
        self._table = _uints(blob, at, size)
        self._hashes = _uints(blob, at + 4 * size, count)
        self._starts = _uints(blob, at + 4 * (size + count), count + 1)
        self._strings_at = strings_at

    @staticmethod
    def size(count: int) -> int:
        """The bytes of the index of ``count`` strings."""
        return 4 * (slots(count) + 2 * count + 1)

    def __len__(self) -> int:
        return self._count

    def find(self, key: str) -> int | None:
        """The position of ``key`` among the strings, or None when it is not one of them."""
        try:
            data = key.encode()
        except UnicodeEncodeError:  # a lone surrogate (JSON allows "\ud800"): no stored string
            return None
        value = zlib.crc32(data)
        table = self._table
        mask = self._mask
        at = value & mask
        k = table[at]
        while k:
            k -= 1
            if self._hashes[k] == value:
                start = self._strings_at + self._starts[k]
                if self._blob[start : self._strings_at + self._starts[k + 1] - 1] == data:
                    return k
            at = (at + 1) & mask
            k = table[at]
        return None


class WordTable:
    """A loaded table: the model's features and weights, and the vocabulary's role sums."""

    def __init__(self, blob: bytes | mmap.mmap, n_labels: int) -> None:
        # The file's bytes are read where they lie (a memory map, or bytes): the weights and
        # the words' rows are never copied, and a map's pages are read in as they are
        # touched. Neither the feature names nor the words are decoded: each is found by
        # its index (Index) when it is looked up.
        view = memoryview(blob)
        header_end = _find(blob, 0)
        header = json.loads(bytes(view[:header_end]))
        if header["format"] != FORMAT or header["labels"] != n_labels:
            raise ValueError("the word table does not match this version")
        names_at = header_end + 1
        names_end = _find(blob, names_at)
        features = header["features"]
        count = header["words"]
        start = names_end + 1
        size = 4 * n_labels * features
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
        words_at = start
        words_end = _find(blob, start)
        if len(self.weights) != features * n_labels:
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
        names_index_at = self._rows_at + header["rows"] * self._sum.size
        words_index_at = names_index_at + Index.size(features)
        if len(blob) - words_index_at != Index.size(count):
            raise ValueError("the word table is truncated")
        self._features = Index(blob, names_index_at, features, names_at)
        self._words = Index(blob, words_index_at, count, words_at)
        # Both lists end where their indexes say (a check on the layout that reads no string).
        if (
            names_at + self._features._starts[features] - 1 != names_end
            or words_at + self._words._starts[count] - 1 != words_end
        ):
            raise ValueError("the word table does not match this version")
        self._blob = blob
        self._view = view
        self._names_span = (names_at, names_end)
        self._words_span = (words_at, words_end)
        self._n = n_labels
        self._zero = (0.0,) * n_labels
        self.source = str(header["source"])

    def __len__(self) -> int:
        return len(self._words)

    @property
    def features(self) -> int:
        """How many features the model has."""
        return len(self._features)

    @property
    def names(self) -> list[str]:
        """The model's feature names, in the order of its weight rows (decoded on each call)."""
        return _strings(self._view, *self._names_span)

    def words(self) -> list[str]:
        """The words the table covers, in its order (decoded on each call)."""
        return _strings(self._view, *self._words_span)

    def feature_row(self, name: str) -> int | None:
        """The row of the feature ``name`` in the model's weights, or None when it has none."""
        return self._features.find(name)

    def rows(self, word: str) -> tuple[tuple[float, ...], ...] | None:
        """The word's summed weights in each role, or None when the table lacks the word."""
        k = self._words.find(word)
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


def _strings(view: memoryview, start: int, end: int) -> list[str]:
    return str(view[start:end], "utf-8").split("\0")


def _uints(blob: bytes | mmap.mmap, at: int, count: int) -> memoryview | array.array[int]:
    """``count`` little-endian ``uint32`` from ``at``.

    A view of the bytes where they lie (a copy, swapped, on a big-endian machine).
    """
    part = memoryview(blob)[at : at + 4 * count]
    if len(part) != 4 * count:
        raise ValueError("the word table is truncated")
    if sys.byteorder == "little":
        return part.cast("I")
    values = array.array("I")
    values.frombytes(part)
    values.byteswap()
    return values


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
