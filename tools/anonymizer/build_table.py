"""Rebuild app/core/privacy/data/tagger_words.bin from tagger.bin and the word lists.

    python -m tools.anonymizer.build_table

Run it after every change to the model or to the word lists its features read (the trainer
runs it after writing the shipped model); ``tests/core/privacy/test_word_table.py`` fails
until it is run. See ``app/core/privacy/word_table.py`` for what the table holds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.core.privacy.features import word_features  # noqa: E402
from app.core.privacy.tagger import LABELS, MODEL_PATH, Tagger  # noqa: E402
from app.core.privacy.word_table import (  # noqa: E402
    TABLE_PATH,
    build,
    fingerprint,
    vocabulary,
)


def table_bytes(model_path: Path = MODEL_PATH) -> bytes:
    """The table for the model at ``model_path`` (its folder holds the word lists too)."""
    model = Tagger.load(model_path)

    def far_feature(role: int, word: str) -> int:
        (name,) = word_features(word)[role]
        return model.feature_index(name)

    return build(
        vocabulary(model.feature_names()),
        model.role_sum,
        far_feature,
        len(LABELS),
        fingerprint(model_path.parent),
        (model.feature_names(), model._weights),
    )


def main(argv: list[str] | None = None) -> int:
    """Write the table next to the shipped model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TABLE_PATH)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    blob = table_bytes()
    # A new file renamed over the old one, never the old one rewritten: a process that has
    # the table mapped (word_table.load_table) keeps reading the file it opened.
    partial = args.out.with_name(args.out.name + ".partial")
    partial.write_bytes(blob)
    os.replace(partial, args.out)
    print(f"{args.out.name}: {len(blob):,} bytes, {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
