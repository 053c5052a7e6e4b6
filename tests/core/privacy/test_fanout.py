"""Large JSON-lines batches shared among forked processes: same lines, same order, same errors."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import threading
import time

import pytest

from app.core.privacy import fanout
from tests.core.privacy.corpus import DATA, ROOT

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() on this platform")


def _collect(render, items, processes):
    out = io.StringIO()
    fanout.map_ordered(render, items, [len(i) for i in items], processes, out.write, out.flush)
    return out.getvalue()


def test_shares_cover_every_item_once_in_order_and_balance_the_weight():
    weights = [5, 1, 1, 1, 1, 1, 10, 2, 2, 2]
    parts = fanout.shares(weights, 2)
    assert parts[0][0] == 0 and parts[-1][1] == len(weights)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    first, second = (sum(weights[s:e]) for s, e in parts)
    assert abs(first - second) <= max(weights)
    assert fanout.shares([], 3) == [(0, 0), (0, 0), (0, 0)]
    assert fanout.shares([1], 2) == [(0, 1), (1, 1)]


@needs_fork
def test_two_processes_write_what_one_writes():
    items = [f"line {i} " + "x" * (i % 17) for i in range(300)]
    parent = os.getpid()

    def render(item: str) -> str:
        time.sleep(0.001)  # long enough for the child to start before the parent is done
        return json.dumps({"item": item, "child": os.getpid() != parent})

    single = _collect(render, items, 1)
    shared = _collect(render, items, 2)
    rows = [json.loads(line) for line in shared.splitlines()]
    assert [r["item"] for r in rows] == items
    assert any(r["child"] for r in rows), "no line was rendered in a child"
    assert [r["item"] for r in rows] == [json.loads(x)["item"] for x in single.splitlines()]


@needs_fork
@pytest.mark.parametrize("processes", [2, 3])
def test_every_item_is_written_once_in_order(processes):
    items = [f"{i}" for i in range(500)]

    def render(item: str) -> str:
        if int(item) % 50 == 0:
            time.sleep(0.002)
        return f"<{item}>"

    assert _collect(render, items, processes) == "".join(f"<{i}>\n" for i in items)


@needs_fork
def test_two_processes_meet_where_the_work_is_shared_not_at_the_middle():
    # The back half is slow: the parent, fast at the front, goes on past the middle.
    items = [f"{i:03d}" for i in range(200)]  # equal lengths: a fixed cut is at 100
    parent = os.getpid()

    def render(item: str) -> str:
        if int(item) >= 100:
            time.sleep(0.01)
        return f"{item} {os.getpid() == parent}"

    rows = _collect(render, items, 2).splitlines()
    assert [r.split()[0] for r in rows] == items
    by_parent = [r for r in rows if r.endswith("True")]
    assert len(by_parent) > 100
    assert by_parent == rows[: len(by_parent)]


@needs_fork
def test_a_failing_child_part_is_redone_by_the_parent():
    items = [str(i) for i in range(200)]
    parent = os.getpid()

    def render(item: str) -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return item

    assert _collect(render, items, 2) == "".join(f"{i}\n" for i in items)


@needs_fork
def test_an_error_is_raised_at_its_line_after_the_lines_before_it():
    items = [str(i) for i in range(200)]

    def render(item: str) -> str:
        if item == "150":
            raise ValueError("bad item")
        return item

    out = io.StringIO()
    with pytest.raises(ValueError, match="bad item"):
        fanout.map_ordered(render, items, [1] * 200, 2, out.write, out.flush)
    assert out.getvalue() == "".join(f"{i}\n" for i in range(150))


@needs_fork
def test_jobs_reads_the_environment(monkeypatch):
    monkeypatch.setenv(fanout.ENVIRONMENT, "1")
    assert fanout.jobs() == 1
    monkeypatch.setenv(fanout.ENVIRONMENT, "3")
    assert fanout.jobs() == 3
    monkeypatch.setenv(fanout.ENVIRONMENT, "lots")
    assert fanout.jobs() == 1
    monkeypatch.delenv(fanout.ENVIRONMENT)
    assert 1 <= fanout.jobs() <= 2


def test_batches_cut_lines_only_at_newline_as_standard_input_does():
    # "\r", U+2028 and U+0085 may stand raw inside a JSON string; str.splitlines would cut there.
    text = 'a\rb\n{"t": "x\u2028y\u0085z"}\n\nlast without newline é'
    reader, writer = os.pipe()
    data = text.encode()

    def feed() -> None:
        # In pieces, one cut inside "é", so a batch may end in the middle of a character.
        for k in range(0, len(data), 7):
            os.write(writer, data[k : k + 7])
        os.close(writer)

    thread = threading.Thread(target=feed)
    thread.start()
    with open(reader, "rb") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as stream:
        assert fanout.batchable(stream)
        lines = [line for batch in fanout.batches(stream) for line in batch]
    thread.join()
    assert lines == list(io.StringIO(text, newline="\n"))
    assert "".join(lines) == text


def test_a_string_stream_is_not_batched():
    assert not fanout.batchable(io.StringIO("x\n"))


def _cli(payload: str, jobs: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "anonymize", "--jsonl"],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, fanout.ENVIRONMENT: jobs, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=300,
    )


@needs_fork
def test_the_cli_gives_the_same_output_with_one_and_two_processes():
    with (DATA / "pii_dev.jsonl").open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream][:400]
    payload = "".join(
        json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows
    )
    single, shared = _cli(payload, "1"), _cli(payload, "2")
    assert single.returncode == shared.returncode == 0, shared.stderr
    assert len(single.stdout.splitlines()) == len(rows)
    assert shared.stdout == single.stdout


@needs_fork
def test_the_cli_stops_at_the_same_bad_line_with_two_processes():
    lines = [json.dumps({"id": i, "text": f"Ruf Anna an: 0151 234567{i}"}) for i in range(300)]
    lines[250] = '{"id": 250, "text": '
    payload = "\n".join(lines) + "\n"
    single, shared = _cli(payload, "1"), _cli(payload, "2")
    assert single.returncode == shared.returncode == 2
    assert shared.stderr == single.stderr
    assert "Line 251 is not valid JSON" in shared.stderr
    assert shared.stdout == single.stdout
    assert len(shared.stdout.splitlines()) == 250


@needs_fork
def test_a_program_that_waits_for_each_answer_gets_it():
    # Batches close when input pauses, so a line is answered before the next one is sent.
    answers = []
    with subprocess.Popen(
        [sys.executable, "-m", "app", "anonymize", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, fanout.ENVIRONMENT: "2", "PYTHONIOENCODING": "utf-8"},
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        for i in range(3):
            process.stdin.write(json.dumps({"id": i, "text": f"Mail anna{i}@example.org"}) + "\n")
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], 60)
            assert ready, f"no answer to line {i + 1} while the input stays open"
            answers.append(json.loads(process.stdout.readline()))
        process.stdin.close()
        assert process.wait(timeout=60) == 0
    assert [a["id"] for a in answers] == [0, 1, 2]
    assert all(a["entities"][0]["type"] == "EMAIL" for a in answers)
