"""Score the anonymizer on training writers' files (leave-one-writer-out and dev-fifth figures).

    python tools/anonymizer/score.py tests/data/pii_train_e.jsonl.gz
    python tools/anonymizer/score.py --model /tmp/without_e.bin --dev-fifth FILE...
    python tools/anonymizer/score.py --causes 5 FILE     # what changes PII-free messages

Runs ``detect`` in-process (the same code as the CLI) and prints the leak rate, partial leaks,
PII-free messages changed, non-PII words lost and the leak per type, with the definitions of
``app.core.privacy.evaluation``. ``--model`` scores with another tagger file (one trained
with ``train.py --leave-out X``): that is the leave-one-writer-out figure for writer X.
``--dev-fifth`` keeps only the messages ``train.py --dev-out`` keeps out of training (one in
five, by a hash of the id). ``--causes N`` counts, over the PII-free messages that come back
changed, which detector made each change (a structured rule of a type, the name rules, the
tagger, or the checks after it), with N examples each.

Never point it at the frozen held-out sets: they are scored by the lead, through the CLI.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.core.privacy import anonymize  # noqa: E402
from app.core.privacy.evaluation import LeakReport, score_anonymizer  # noqa: E402
from app.core.privacy.lexicon import lexicon  # noqa: E402
from app.core.privacy.patterns import find_structured  # noqa: E402
from app.core.privacy.tagger import Tagger  # noqa: E402
from tools.anonymizer.train import read_rows  # noqa: E402


def causes(text: str) -> list[tuple[str, str]]:
    """Which detector found each span redacted in ``text``: ``(cause, value)`` pairs."""
    lex = lexicon()
    structured = find_structured(text, lex.first_names, lex.surnames)
    rules, _ = anonymize.rule_spans(text)
    names = [r for r in rules if r[0] == "PERSON" and r not in structured]
    tagged = anonymize._tagged(text, rules)
    out = []
    for entity in anonymize.detect(text):
        s, e = entity.start, entity.end

        def hit(spans: list[tuple[str, int, int]], s: int = s, e: int = e) -> str | None:
            return next((k for k, a, b in spans if a < e and s < b), None)

        kind = hit(structured)
        if kind is not None:
            cause = f"rule {kind}"
        elif hit(names) is not None:
            cause = "name rules"
        elif (kind := hit(tagged)) is not None:
            cause = f"tagger {kind}"
        else:
            cause = f"after the tagger {entity.type}"
        if cause.split()[-1] != entity.type:
            cause += f" → {entity.type}"
        out.append((cause, text[s:e]))
    return out


def report(rows: list[dict]) -> LeakReport:
    """Detect over ``rows`` and score the output."""
    spans: dict[str, list[tuple[int, int]]] = {}
    texts: dict[str, str] = {}
    for row in rows:
        found = anonymize.detect(row["text"])
        spans[str(row["id"])] = [(e.start, e.end) for e in found]
        texts[str(row["id"])] = anonymize.redact(row["text"], found).text
    return score_anonymizer(rows, spans, texts)


def show(name: str, rep: LeakReport) -> None:
    """One line of figures, then the leak per type."""
    values = sum(rep.gold.values())
    print(
        f"{name}: {values} values, leak {rep.leak_rate():.1%} (partial {rep.partial_rate():.1%}), "
        f"PII-free changed {rep.changed_clean_rate:.1%} of {rep.clean_messages}, "
        f"words lost {rep.lost_word_rate:.2%}"
    )
    print(
        "  "
        + "  ".join(
            f"{k} {rep.leak_rate(k):.1%} ({rep.leaked.get(k, 0)}/{rep.gold[k]})"
            for k in sorted(rep.gold)
        )
    )


def main(argv: list[str] | None = None) -> int:
    """Score each file given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--model", type=Path, help="a tagger model file instead of the shipped one")
    parser.add_argument("--dev-fifth", action="store_true", help="only the writers' dev fifth")
    parser.add_argument("--causes", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if args.model is not None:
        model = Tagger.load(args.model)
        anonymize.tagger = lambda: model  # type: ignore[assignment]
    everything: list[dict] = []
    for path in args.files:
        rows = read_rows(path)
        if args.dev_fifth:
            rows = [r for r in rows if zlib.crc32(str(r["id"]).encode()) % 5 == 0]
        everything += rows
        label = f"{path.name}{' (dev fifth)' if args.dev_fifth else ''}, {len(rows)} messages"
        show(label, report(rows))
    if len(args.files) > 1:
        show(f"all, {len(everything)} messages", report(everything))
    if args.causes:
        by_cause: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for row in everything:
            if row["entities"]:
                continue
            found = causes(row["text"])
            for cause in {c for c, _ in found}:
                by_cause[cause] += 1
            for cause, value in found:
                examples.setdefault(cause, []).append(f"{value!r} in {row['text'][:90]!r}")
        print("\nPII-free messages changed, by cause (a message may count under several):")
        for cause, count in by_cause.most_common():
            print(f"  {count:4d}  {cause}")
            for example in examples[cause][: args.causes]:
                print(f"          {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
