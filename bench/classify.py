"""Sensitivity classifier benchmark: the learned classifier against the keyword floor, one run.

Prints, for each labelled set, the same figures for three classifiers on the same messages:

* **keyword floor**: the naive matcher of ``bench/keyword_floor.py`` (one obvious keyword per
  category and language, anywhere in the text);
* **rules only**: the term rules of ``app.core.privacy.sensitivity_rules`` on their own, after
  code is removed (what Confidant shipped before the learned model);
* **classifier**: what Confidant ships, through ``python -m app classify --jsonl``.

Figures: recall (sensitive messages flagged at all), false-positive rate on plain neutral
messages and on near-misses, macro-F1 over the seven categories and recall per category.
Throughput is the CLI's, interpreter start-up included (``--messages`` typical messages, best
of ``--runs``), beside the keyword floor's in-process rate measured in the same run.

Sets: ``dev`` is the old ``tests/data/sensitivity_{dev,test,heldout}.jsonl`` (written with the
old rules in view); ``heldout`` is ``tests/data/sensitivity_heldout_independent.jsonl``, the
frozen internal held-out written by a separate writer (never trained or tuned on).

``--file PATH`` scores a labelled file of the same format instead (a new writer's, scored
unseen before it joins training), with figures per register and what its neutral messages
were flagged as.

``--bytecode`` runs the CLI with its modules' bytecode cached in a private temporary folder, as
an installed copy has it (this environment sets ``PYTHONDONTWRITEBYTECODE``, which otherwise
makes every run compile the checkout's sources); the scoring run writes the cache, outside the
timing.

Usage: ``python bench/classify.py [--set dev|heldout|all] [--file PATH] [--runs 3]
[--messages 20000] [--bytecode]``.
Nothing here asserts; the targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from keyword_floor import keyword_floor  # noqa: E402 (bench/ is the script folder)

from app.core.privacy import technical  # noqa: E402
from app.core.privacy.evaluation import SensitivityReport, score_classifier  # noqa: E402
from app.core.privacy.sensitivity_rules import CATEGORIES, evidence, tokens_of  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = {
    "dev": ("sensitivity_dev.jsonl", "sensitivity_test.jsonl", "sensitivity_heldout.jsonl"),
    "heldout": ("sensitivity_heldout_independent.jsonl",),
}
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")
TARGETS = "targets: recall ≥ 95%, FPR ≤ 5% neutral / ≤ 10% near-miss, macro-F1 ≥ 0.85"


def load(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in SETS.get(name, (name,)):
        path = DATA / file
        if path.exists():
            with path.open(encoding="utf-8") as stream:
                rows += [json.loads(line) for line in stream if line.strip()]
    return rows


def run_cli(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    payload = "".join(
        json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "app", "classify", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()], time.perf_counter() - start


def rules_only(text: str) -> list[str]:
    return list(evidence(tokens_of(technical.prose(text))).categories)


def line(name: str, report: SensitivityReport, per_category: bool) -> str:
    text = (
        f"  {name:<14} recall {report.recall:6.1%} ({report.found}/{report.sensitive})"
        f"  FPR neutral {report.neutral_fpr:5.1%}  near-miss {report.near_miss_fpr:5.1%}"
    )
    if per_category:
        text += f"  macro-F1 {report.macro_f1(CATEGORIES):.3f}\n    per category recall: "
        text += ", ".join(f"{c} {report.category_recall_of(c):.0%}" for c in CATEGORIES)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--file", type=Path, help="a labelled JSON-lines file instead of --set")
    parser.add_argument("--bytecode", action="store_true", help="cache bytecode, as installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="confidant-bench-pyc-") as cache:
        if args.bytecode:
            os.environ |= {"PYTHONPYCACHEPREFIX": cache, "PYTHONDONTWRITEBYTECODE": ""}
        report(args)


def report(args: argparse.Namespace) -> None:
    names: tuple[str, ...] = ("dev", "heldout") if args.set == "all" else (args.set,)
    if args.file:
        names = (str(args.file.resolve()),)
    typical: list[dict[str, Any]] = []
    for name in names:
        rows = load(name)
        if not rows:
            print(f"{name}: no data")
            continue
        typical += rows
        output, _ = run_cli(rows)
        ours = score_classifier(rows, {o["id"]: o["categories"] for o in output})
        floor = score_classifier(rows, {r["id"]: keyword_floor(r["text"]) for r in rows})
        rules = score_classifier(rows, {r["id"]: rules_only(r["text"]) for r in rows})
        print(
            f"{name}: {len(rows)} messages ({ours.sensitive} sensitive, "
            f"{ours.neutral - ours.near_misses} neutral, {ours.near_misses} near-misses)"
        )
        print(line("keyword floor", floor, False))
        print(line("rules only", rules, True))
        print(line("classifier", ours, True))
        predicted = {o["id"]: o["categories"] for o in output}
        per_language = []
        for lang in LANGUAGES:
            subset = [r for r in rows if r.get("lang") == lang]
            if subset:
                r = score_classifier(subset, predicted)
                per_language.append(
                    f"{lang} {r.recall:.0%}/{r.neutral_fpr:.0%}/{r.near_miss_fpr:.0%}"
                )
        print("    per language (recall/FPR neutral/near-miss): " + ", ".join(per_language))
        registers = sorted({str(r["register"]) for r in rows if r.get("register")})
        if args.file and registers:
            per_register = []
            for register in registers:
                r = score_classifier([x for x in rows if x.get("register") == register], predicted)
                per_register.append(
                    f"{register} {r.recall:.0%}/{r.neutral_fpr:.0%}/{r.near_miss_fpr:.0%}"
                )
            print("    per register (recall/FPR neutral/near-miss): " + ", ".join(per_register))
            drawn: dict[str, int] = {}
            for row in rows:
                if not row["categories"]:
                    for category in predicted.get(row["id"], ()):
                        drawn[category] = drawn.get(category, 0) + 1
            print(
                "    neutral and near-miss messages flagged as: "
                + ", ".join(f"{c} {n}" for c, n in sorted(drawn.items(), key=lambda kv: -kv[1]))
            )
    print(TARGETS)
    if not typical:
        return
    batch = [{"id": i, "text": typical[i % len(typical)]["text"]} for i in range(args.messages)]
    best = min(run_cli(batch)[1] for _ in range(args.runs))
    start = time.perf_counter()
    for row in batch:
        keyword_floor(row["text"])
    floor_seconds = time.perf_counter() - start
    print(
        f"throughput: classifier through the CLI {len(batch) / best:,.0f} msg/s "
        f"({len(batch):,} messages, start-up included, best of {args.runs}); keyword floor "
        f"in-process {len(batch) / floor_seconds:,.0f} msg/s; ratio "
        f"{floor_seconds / best:.2f} (target ≥ 5,000 msg/s)"
    )


if __name__ == "__main__":
    main()
