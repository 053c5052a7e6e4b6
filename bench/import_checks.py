"""Import benchmark: what the checks before parsing cost, against parsing the same bytes.

Builds a ChatGPT-shaped export from the test fixtures (about 37 MB by default), then times, in
the same run and best of ``--runs``: ``json.loads`` alone (the baseline), the nesting-depth
check that runs before it, and the whole ``read_import`` (read, check, parse, normalize).
Also times the depth check on a text-heavy file full of brackets inside strings, which takes
the slower exact path. Nothing here asserts; the ratios are printed.

Usage: ``python bench/import_checks.py [--copies 3000] [--runs 3]``
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.core.importers import read_import
from app.core.importers.common import check_json_depth

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "imports" / "chatgpt"


def _best(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Print the timings and their ratios to ``json.loads``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    good = json.loads((FIXTURE / "conversations.json").read_text(encoding="utf-8"))[:4]
    conversations = []
    for copy in range(args.copies):
        for conversation in good:
            conversations.append({**conversation, "id": f"{copy}-{conversation['id']}"})
    data = json.dumps(conversations).encode("utf-8")
    bracketed = json.dumps(["[" * 200 + " a bracketed line " + "]" * 200] * 20_000).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "conversations.json"
        path.write_bytes(data)
        parse = _best(args.runs, lambda: json.loads(data))
        depth = _best(args.runs, lambda: check_json_depth(data, "x"))
        whole = _best(args.runs, lambda: read_import(path, "chatgpt"))
    exact = _best(args.runs, lambda: check_json_depth(bracketed, "x"))
    exact_parse = _best(args.runs, lambda: json.loads(bracketed))
    print(f"export: {len(data) / 1e6:.1f} MB, {len(conversations)} conversations")
    print(f"json.loads (baseline)       {parse:7.3f} s")
    print(f"depth check before parsing  {depth:7.3f} s  ratio {depth / parse:.3f}")
    print(f"whole read_import           {whole:7.3f} s  ratio {whole / parse:.2f}")
    print(
        f"brackets in strings ({len(bracketed) / 1e6:.1f} MB): exact depth check "
        f"{exact:.3f} s vs json.loads {exact_parse:.3f} s, ratio {exact / exact_parse:.2f}"
    )


if __name__ == "__main__":
    main()
