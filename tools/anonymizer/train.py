"""Train the PII tagger and write app/core/privacy/data/tagger.bin (reproducible).

    python tools/anonymizer/train.py                 # generate (Faker, mimesis) and train
    python tools/anonymizer/train.py --data FILE     # train on JSON lines already generated

Besides the generated messages, the messages labelled by the separate training writers are
added, in a fixed order: ``tests/data/pii_train_{a,…,u}.jsonl.gz`` (gzip-compressed copies
of what they delivered, their per-token tag lists dropped; or ``--writers FILE``, JSON lines
``{"id", "text", "entities"}``, compressed or not). ``--leave-out X`` leaves writer X out
entirely, for leave-one-writer-out validation. Half of the writers' messages with names
(``--swap-names 0.5``) are added a second time with names from the generated messages in
place of the writer's own (:func:`swapped_names`), so that the tagger learns the writers'
contexts rather than their lists of names.

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


# A word of a name: letters, with inner apostrophes or hyphens ("O'Neill", "Ji-woo").
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def name_pools(rows: list[dict]) -> tuple[list[str], list[str]]:
    """First words and last words of the PERSON values in ``rows``, each once, in order seen.

    Read from the generated messages, so the names come from Faker's and mimesis's many
    locales (in Latin script), not from any writer's own list.
    """
    firsts: dict[str, None] = {}
    lasts: dict[str, None] = {}
    for row in rows:
        for entity in row["entities"]:
            if entity["type"] != "PERSON":
                continue
            words = NAME_WORD.findall(row["text"][entity["start"] : entity["end"]])
            # Latin script only (the writers' is), each written as a name is.
            words = [
                w.title() if w.isupper() else w
                for w in words
                if len(w) > 1 and w[0].isupper() and max(w) < "\u0250"
            ]
            if len(words) >= 2:
                firsts.setdefault(words[0], None)
                lasts.setdefault(words[-1], None)
    return list(firsts), list(lasts)


def _cased(new: str, old: str) -> str:
    """``new`` written in the case of ``old`` (all lower, all upper, or as it is)."""
    if old.islower():
        return new.lower()
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new


def swapped_names(
    row: dict, firsts: list[str], lasts: list[str], rng: random.Random
) -> dict | None:
    """A copy of ``row`` with other names in its PERSON values, or None if it has none.

    A writer fills its messages from its own lists of names, so a tagger trained on them
    partly learns those names and does worse on a writer it never saw (leave one writer out).
    The copy keeps the writer's context, case and labels but puts names from the generators
    in them, so the context has to carry the finding. A message that repeats one of its names
    outside a PERSON value (in an e-mail address or handle) is left as it is, since the
    repeat would no longer match.
    """
    text = row["text"]
    spans = sorted((e["start"], e["end"]) for e in row["entities"] if e["type"] == "PERSON")
    if not spans:
        return None
    outside = text.lower()
    for start, end in reversed(spans):
        outside = outside[:start] + " " * (end - start) + outside[end:]
    pieces: list[str] = []
    moved: dict[int, int] = {}
    cursor = 0
    for start, end in spans:
        pieces.append(text[cursor:start])
        moved[start] = sum(map(len, pieces))
        value = text[start:end]
        words = list(NAME_WORD.finditer(value))
        out = value
        for k, word in reversed(list(enumerate(words))):
            old = word.group()
            if len(old) < 2 or (old[0].islower() and not value.islower()):
                continue  # an initial, or a particle ("van", "de")
            if re.search(rf"(?<![^\W\d_]){re.escape(old.lower())}(?![^\W\d_])", outside):
                return None
            if len(words) == 1:
                pool = firsts if rng.random() < 0.7 else lasts
            else:
                pool = firsts if k == 0 else lasts
            out = out[: word.start()] + _cased(rng.choice(pool), old) + out[word.end() :]
        pieces.append(out)
        moved[end] = sum(map(len, pieces))
        cursor = end
    pieces.append(text[cursor:])
    entities = []
    for entity in row["entities"]:
        start, end = entity["start"], entity["end"]
        if entity["type"] == "PERSON":
            start, end = moved[start], moved[end]
        else:
            # Another value keeps its text and moves with the names before it.
            shift = next((moved[e] - e for s, e in reversed(spans) if e <= start), 0)
            start, end = start + shift, end + shift
        entities.append({**entity, "start": start, "end": end})
    return {**row, "id": f"{row['id']}/swapped", "text": "".join(pieces), "entities": entities}


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
        "--min-count",
        type=int,
        default=2,
        help="keep only features seen in at least this many words of the training messages",
    )
    parser.add_argument(
        "--hide-rules",
        type=float,
        default=0.3,
        help="share of messages trained without the rules' findings (chosen by leave-one-"
        "writer-out validation, docs/anonymizer.md)",
    )
    parser.add_argument(
        "--swap-names",
        type=float,
        default=0.5,
        help="share of the writers' messages with names added again with other names in them "
        "(see swapped_names; chosen by leaving writers K and L out, docs/anonymizer.md)",
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
    firsts, lasts = name_pools(rows)
    swap_rng = random.Random(args.seed + 1)
    swapped: list[dict] = []
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
        if args.swap_names > 0:
            for row in added:
                if swap_rng.random() < args.swap_names:
                    copy = swapped_names(row, firsts, lasts, swap_rng)
                    if copy is not None:
                        swapped.append(copy)
    if swapped:
        rows += swapped
        print(f"added {len(swapped)} copies with other names ({len(firsts)}, {len(lasts)} names)")
    if args.dev_out is not None:
        with args.dev_out.open("w", encoding="utf-8") as stream:
            stream.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in dev)
        print(f"kept {len(dev)} messages out of training, in {args.dev_out}")
    examples = examples_from(rows, seed=args.seed, hide_rules=args.hide_rules)
    print(f"{len(examples)} messages ready in {time.perf_counter() - started:.1f} s", flush=True)
    names, weights = train(examples, seed=args.seed, epochs=args.epochs, min_count=args.min_count)
    digest = hashlib.sha256(weights.tobytes()).hexdigest()[:16]
    meta = {
        "messages": len(examples),
        "seed": args.seed,
        "epochs": args.epochs,
        "hide_rules": args.hide_rules,
        "min_count": args.min_count,
        "swap_names": args.swap_names,
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
