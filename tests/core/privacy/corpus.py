"""Loading the labelled corpora in tests/data/ and running them through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.core.privacy.evaluation import LeakReport, score_anonymizer

DATA = Path(__file__).resolve().parents[2] / "data"
ROOT = DATA.parents[1]
#: The splits. "dev" is what the detectors were tuned on. "heldout" and "test" were written
#: apart and never tuned on: "heldout"'s failures were read once, early, and fixed only by
#: general rules (no string of it is in any list); "test" was written later and only scored.
#: The targets are held on dev and on the two held-out splits together.
SPLITS = ("dev", "heldout", "test")
GROUPS = {"dev": ("dev",), "held-out": ("heldout", "test")}


def rows(kind: str, group: str) -> list[dict[str, Any]]:
    """The rows of a group of corpus files (``kind`` is "pii" or "sensitivity")."""
    out: list[dict[str, Any]] = []
    for split in GROUPS.get(group, (group,)):
        with (DATA / f"{kind}_{split}.jsonl").open(encoding="utf-8") as stream:
            out += [json.loads(line) for line in stream]
    return out


def run_cli(command: str, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Feed ``{"id","text"}`` lines to ``python -m app COMMAND --jsonl``; parse its output."""
    payload = "".join(
        json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in records
    )
    result = subprocess.run(
        [sys.executable, "-m", "app", command, "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every row of a JSONL file."""
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _public(row: dict[str, Any]) -> bool:
    # PII-free messages about public or fictional figures are set aside for the
    # over-redaction target, as the issue states it.
    return any("public" in tag or "fictional" in tag for tag in row.get("tags", ()))


def anonymized_reports(rows: list[dict[str, Any]]) -> tuple[LeakReport, LeakReport]:
    """Run ``rows`` through ``anonymize --jsonl``; score them all, and all but public ones.

    The second report leaves out the PII-free messages about public or fictional figures.
    """
    output = run_cli("anonymize", rows)
    assert [o["id"] for o in output] == [r["id"] for r in rows]
    spans = {o["id"]: [(e["start"], e["end"]) for e in o["entities"]] for o in output}
    texts = {o["id"]: o["text"] for o in output}
    kept = [r for r in rows if r["entities"] or not _public(r)]
    return score_anonymizer(rows, spans, texts), score_anonymizer(kept, spans, texts)


def leak_figures(report: LeakReport) -> str:
    """A held-out report as figures only: never its messages, or the set stops being held out."""
    per_type = ", ".join(f"{k} {report.leak_rate(k):.1%}" for k in sorted(report.gold))
    return (
        f"leak {report.leak_rate():.1%} ({per_type}); PII-free changed "
        f"{report.changed_clean_rate:.1%} of {report.clean_messages}; words lost "
        f"{report.lost_word_rate:.2%}"
    )
