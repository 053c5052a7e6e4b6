"""Whether two checkouts' anonymizers give the same output on every training and dev text.

A speed pass must not change what the anonymizer finds. This runs each tree's own CLI
(``TREE/.venv/bin/python -m app anonymize --jsonl``, so each with its own code, model and
word table) on every text of ``tests/data``'s training and dev files, and counts the lines
whose output differs. The held-out files (``*heldout*``, ``*_test*``) are never opened: only
names matching ``*_dev.jsonl`` and ``*_train_*.jsonl[.gz]`` are read.

Usage::

    python -m tools.anonymizer.same_output --tree /work/wt/anon5 [--tree .] \
        [--jobs 1 --jobs 2] [--limit N]

``--jobs`` sets ``CONFIDANT_ANONYMIZE_JOBS`` for the run of the tree at the same position
(with one ``--tree``, this checkout comes first; missing ones leave the variable unset), so
one tree can be compared with itself, single-process against parallel. Exit status 0 when every
output is identical, 1 otherwise. Only the ids of differing lines are printed, never text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def corpus_files(data: Path = DATA) -> list[Path]:
    """The training and dev files, never a held-out or test file."""
    names = sorted(data.glob("*_dev.jsonl")) + sorted(data.glob("*_train_*.jsonl"))
    names += sorted(data.glob("*_train_*.jsonl.gz"))
    return [p for p in names if "heldout" not in p.name and "_test" not in p.name]


def corpus_texts(data: Path = DATA) -> list[str]:
    """Every text of the training and dev files, in file order."""
    texts: list[str] = []
    for path in corpus_files(data):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as stream:
            texts += [json.loads(line)["text"] for line in stream if line.strip()]
    return texts


def run_tree(tree: Path, payload: str, jobs: str | None) -> tuple[list[str], float]:
    """The tree's CLI output lines for ``payload``, and the seconds it took."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("CONFIDANT_ANONYMIZE_JOBS", None)
    if jobs is not None:
        env["CONFIDANT_ANONYMIZE_JOBS"] = jobs
    start = time.perf_counter()
    result = subprocess.run(
        [str(tree / ".venv" / "bin" / "python"), "-m", "app", "anonymize", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tree,
        env=env,
        check=True,
    )
    return result.stdout.splitlines(), time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Compare the trees; print the count of differing outputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, action="append", required=True)
    parser.add_argument("--jobs", action="append", default=[])
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    args = parser.parse_args(argv)
    trees: list[Path] = [t.resolve() for t in args.tree]
    if len(trees) == 1:
        trees.insert(0, ROOT)  # this checkout against the one given
    texts = corpus_texts()
    if args.limit:
        texts = texts[: args.limit]
    payload = "".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)
    )
    outputs = []
    for k, tree in enumerate(trees):
        jobs = args.jobs[k] if k < len(args.jobs) else None
        lines, seconds = run_tree(tree, payload, jobs)
        print(f"{tree} (jobs={jobs or 'default'}): {len(lines)} lines in {seconds:.1f} s")
        outputs.append(lines)
    differing = [
        i
        for i in range(len(texts))
        if len({out[i] if i < len(out) else None for out in outputs}) > 1
    ]
    files = ", ".join(p.name for p in corpus_files())
    print(f"texts: {len(texts)} from {files}")
    print(f"differing outputs: {len(differing)}")
    if differing:
        print("first differing ids:", differing[:20])
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
