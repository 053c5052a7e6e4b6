"""Train the PII tagger and write app/core/privacy/data/tagger.bin (reproducible).

    python tools/anonymizer/train.py                 # generate (Faker, mimesis) and train
    python tools/anonymizer/train.py --data FILE     # train on JSON lines already generated

Besides the generated messages, the messages labelled by the separate training writers are
added, in a fixed order: ``tests/data/pii_train_{a,…,l}.jsonl.gz`` (gzip-compressed copies
of what they delivered, their per-token tag lists dropped; or ``--writers FILE``, JSON lines
``{"id", "text", "entities"}``, compressed or not). ``--leave-out X`` leaves writer X out
entirely, for leave-one-writer-out validation.

The same ``--seed`` and data give the same weights, bit for bit: the generators are seeded
(and run with ``PYTHONHASHSEED=0``, see ``generate.fix_hash_seed``; the ``train`` extra pins
Faker and mimesis), the trainer (``app.core.privacy.tagger.train``) is plain Python with a
seeded shuffle.
Generating needs the ``train`` extra; training alone needs nothing beyond the app.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WRITERS = sorted((ROOT / "tests" / "data").glob("pii_train_[a-z].jsonl.gz"))

from app.core.privacy.anonymize import ENTITY_TYPES, rule_spans  # noqa: E402
from app.core.privacy.tagger import LABELS, MODEL_PATH, Example, save, token_labels, train  # noqa: E402


def examples_from(rows: list[dict], *, seed: int = 0, hide_rules: float = 0.0) -> list[Example]:
    """Training examples: token labels from the gold spans, rule findings as features.

    In a share ``hide_rules`` of the messages (chosen with ``seed``) the rules' findings are
    left out, so the tagger also learns to find values without them: where the rules are
    right on the training data, it would otherwise only learn to repeat them, and miss
    what they miss on other text.
    """
    rng = random.Random(seed)
    out = []
    for row in rows:
        text = row["text"]
        gold = [
            (e["type"], e["start"], e["end"]) for e in row["entities"] if e["type"] in LABELS[1:]
        ]
        rules, _ = rule_spans(text)
        if rng.random() < hide_rules:
            rules = []
        out.append(Example(text, token_labels(text, gold), tuple(rules)))
    return out


def policy_problem(row: dict) -> str | None:
    """Why a labelled message cannot be read by the labelling policy, or None.

    The checks are mechanical: known types, spans inside the text that do not overlap and
    do not start or end on a space, no value in a message tagged PII-free.
    """
    text = row.get("text")
    entities = row.get("entities")
    if not isinstance(text, str) or not isinstance(entities, list):
        return "no text or entities"
    spans = []
    for entity in entities:
        kind, start, end = entity.get("type"), entity.get("start"), entity.get("end")
        if kind not in ENTITY_TYPES:
            return "unknown type"
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            return "span outside the text"
        if text[start].isspace() or text[end - 1].isspace():
            return "span starts or ends on a space"
        spans.append((start, end))
    spans.sort()
    if any(b[0] < a[1] for a, b in zip(spans, spans[1:], strict=False)):
        return "overlapping spans"
    if entities and "pii_free" in row.get("tags", ()):
        return "tagged PII-free but has values"
    return None


# An extension after a phone number ("ext. 15", "interno 890", "50x6260"): writer H put it
# inside its PHONE spans, the other writers outside (the policy keeps cue words out of a span).
EXTENSION = re.compile(
    r"\s*(?:x|ext\.?|extension|extensi[oó]n|durchwahl|poste|interno|wew\.?|ramal|toestel|app\.)"
    r"\s*\d{1,5}$",
    re.IGNORECASE,
)


def without_extensions(row: dict) -> dict:
    """``row`` with any phone extension left out of its PHONE spans (writer H's labelling)."""
    for entity in row.get("entities") or ():
        if entity.get("type") != "PHONE" or not isinstance(row.get("text"), str):
            continue
        value = row["text"][entity["start"] : entity["end"]]
        found = EXTENSION.search(value)
        if found is not None and found.start() > 0:
            entity["end"] = entity["start"] + found.start()
    return row


def read_rows(path: Path) -> list[dict]:
    """The labelled messages of a JSON-lines file, gzip-compressed or not.

    Phone extensions are left out of PHONE spans (:func:`without_extensions`). Messages that
    break the labelling policy (see :func:`policy_problem`) are left out, and
    counted on stderr.
    """
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    rows = [
        without_extensions(json.loads(line))
        for line in raw.decode("utf-8").splitlines()
        if line.strip()
    ]
    problems = Counter(p for p in map(policy_problem, rows) if p is not None)
    if problems:
        detail = ", ".join(f"{n} {why}" for why, n in problems.most_common())
        dropped = sum(problems.values())
        print(f"{path.name}: left out {dropped} messages ({detail})", file=sys.stderr)
    return [row for row in rows if policy_problem(row) is None]


def main(argv: list[str] | None = None) -> int:
    """Generate (unless --data is given), train and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="JSON lines from generate.py")
    parser.add_argument("--count", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument(
        "--hide-rules",
        type=float,
        default=0.3,
        help="share of messages trained without the rules' findings (chosen by leave-one-"
        "writer-out validation, docs/anonymizer.md)",
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--writers", type=Path, action="append", default=None)
    parser.add_argument(
        "--leave-out", default="", help="leave these writers out (letters: 'c', 'ab')"
    )
    parser.add_argument(
        "--dev-out",
        type=Path,
        help="keep one in five of the writers' messages (by a hash of the id) out of training, "
        "and write them here as a dev set",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.data is None:
        from tools.anonymizer.generate import fix_hash_seed, messages

        fix_hash_seed()

        rows = list(messages(args.count, args.seed, []))
    else:
        with args.data.open(encoding="utf-8") as stream:
            rows = [json.loads(line) for line in stream]
    writers = args.writers or WRITERS
    dev: list[dict] = []
    for path in writers:
        letter = path.name.split(".")[0].rsplit("_", 1)[-1]
        if args.leave_out and letter in args.leave_out:
            print(f"left out {path.name}")
            continue
        added = read_rows(path)
        if args.dev_out is not None:
            dev += [r for r in added if zlib.crc32(str(r["id"]).encode()) % 5 == 0]
            added = [r for r in added if zlib.crc32(str(r["id"]).encode()) % 5 != 0]
        rows += added
        print(f"added {len(added)} messages from {path.name}")
    if args.dev_out is not None:
        with args.dev_out.open("w", encoding="utf-8") as stream:
            stream.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in dev)
        print(f"kept {len(dev)} messages out of training, in {args.dev_out}")
    examples = examples_from(rows, seed=args.seed, hide_rules=args.hide_rules)
    print(f"{len(examples)} messages ready in {time.perf_counter() - started:.1f} s", flush=True)
    names, weights = train(examples, seed=args.seed, epochs=args.epochs)
    digest = hashlib.sha256(weights.tobytes()).hexdigest()[:16]
    meta = {
        "messages": len(examples),
        "seed": args.seed,
        "epochs": args.epochs,
        "hide_rules": args.hide_rules,
    }
    save(args.out, names, weights, meta)
    print(
        f"{len(names)} features, weights sha256 {digest}, {args.out.stat().st_size} bytes, "
        f"{time.perf_counter() - started:.1f} s"
    )
    if args.out.resolve() == MODEL_PATH.resolve():
        # The shipped model's derived word table (app/core/privacy/word_table.py).
        from tools.anonymizer.build_table import main as build_table

        build_table([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
