"""Streaming benchmark: what private prompts add, per streamed token, to plain streaming.

One loopback OpenAI-compatible server (``tests/helpers/providers.py``, real HTTP/1.1 with
chunked server-sent events) streams the same 2,000-token reply to two kinds of turn, run
alternately in the same process:

* ``plain``: private prompts off: the prompt goes as written, the reply is shown as it comes;
* ``private``: the prompt is pseudonymized first, and every chunk of the reply goes through the
  stream restorer (placeholders, some split across chunks and in changed case, become the
  originals again).

Each turn is the app's own code path (``ReplyStream`` over ``OpenAICompatProvider`` and
``HttpClient.stream``). The server runs in a child process, so its work neither counts nor
competes for the interpreter lock; the CPU time of the thread that reads the reply is
measured with ``time.thread_time``. The turns run in pairs, one plain and one private back to
back, the order swapped every pair, so a drift in the machine's speed falls on both; the
headline is the median over the pairs of (private / plain - 1), with its quartiles. The
target is under 5% extra CPU time for a 2,000-token reply.

The same two turns are then run over an in-memory reply (no network) to split the extra into
its two parts: pseudonymizing the prompt (once per turn) and restoring the reply (per token).

Usage: ``python bench/stream.py [--tokens N] [--runs N]``. Nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from app.core.assistant.base import ChatMessage, Provider  # noqa: E402
from app.core.assistant.openai_compat import OpenAICompatProvider  # noqa: E402
from app.core.assistant.reply import ReplyStream  # noqa: E402
from app.core.clock import SystemClock  # noqa: E402
from app.core.network import HttpClient, PendingRequests  # noqa: E402
from app.core.privacy.anonymize import Pseudonymizer, Vault  # noqa: E402
from tests.helpers.providers import Script, running_provider  # noqa: E402

TARGET = 0.05
PROMPT = (
    "Please draft a friendly note to Margaret Thornton (margaret.thornton@example.org, "
    "+44 20 7946 0958) saying the deposit for the boat goes to GB82 WEST 1234 5698 7654 32, "
    "and that Oliver Brennan will bring the keys on Saturday."
)
WORDS = str.split(
    """
    the boat is ready for the season and the harbour master says the mooring fee is paid
    so all that is left is to check the sails the ropes and the engine before we leave
    """
)
PLACEHOLDERS = ["[PERSON_1]", "[email_1]", "[Phone_1]", "[IBAN_1]", "[PERSON_2]"]


def reply_deltas(tokens: int) -> list[str]:
    """``tokens`` deltas as a model streams them: mostly words, a placeholder now and then.

    Every 40th token is a placeholder, cut across two or three deltas (each piece counts as a
    token, as it would on the wire), some in changed case.
    """
    deltas: list[str] = []
    index = 0
    while len(deltas) < tokens:
        if index % 40 == 39:
            placeholder = PLACEHOLDERS[(index // 40) % len(PLACEHOLDERS)]
            cut = 3 + index % 4
            deltas += [" " + placeholder[:cut], placeholder[cut:]]
        else:
            deltas.append(" " + WORDS[index % len(WORDS)])
        index += 1
    return deltas[:tokens]


def one_turn(http: HttpClient, base_url: str, private: bool) -> tuple[float, float, str]:
    """(CPU seconds of this thread, wall seconds, shown text) for one streamed turn."""
    provider = OpenAICompatProvider(http, base_url=base_url, model="bench", api_key=lambda: None)
    return _timed(provider, private)


class _MemoryReply:
    """A provider reply that is already here: the deltas, with no network under them."""

    def __init__(self, deltas: list[str]) -> None:
        self._deltas = deltas

    def __iter__(self) -> Iterator[str]:
        return iter(self._deltas)

    def cancel(self) -> None:
        """Nothing to stop."""


class _MemoryProvider:
    """A provider whose reply is a list in memory, to time the reply path alone."""

    name = "memory"
    label = "in memory"
    local = True

    def __init__(self, deltas: list[str]) -> None:
        self._deltas = deltas

    def start(self, history: Sequence[ChatMessage]) -> _MemoryReply:
        return _MemoryReply(self._deltas)

    def list_models(self) -> list[str]:
        return []


def _timed(provider: Provider, private: bool) -> tuple[float, float, str]:
    stream = ReplyStream(
        conversation_id="bench",
        prompt=PROMPT,
        provider=provider,
        history=[ChatMessage("user", "Hello"), ChatMessage("assistant", "Hello! How can I help?")],
        vault=Vault() if private else None,
    )
    wall = time.perf_counter()
    cpu = time.thread_time()
    shown = []
    for piece in stream:
        shown.append(piece)
    return time.thread_time() - cpu, time.perf_counter() - wall, "".join(shown)


def paired(turn: Callable[[bool], float], runs: int) -> tuple[list[float], list[float]]:
    """CPU seconds of ``runs`` plain and ``runs`` private turns, run in alternating pairs.

    Each pair is run back to back, the order swapped every time, so a drift in the machine's
    speed (other processes on a shared machine, frequency scaling) falls on both alike; the
    ratio of each pair is then compared, not the totals.
    """
    plain: list[float] = []
    private: list[float] = []
    for run in range(runs):
        for is_private in (False, True) if run % 2 == 0 else (True, False):
            (private if is_private else plain).append(turn(is_private))
    return plain, private


def pair_ratios(plain: list[float], private: list[float]) -> list[float]:
    """The extra CPU time of each private turn over the plain turn it was paired with."""
    return sorted(b / a - 1 for a, b in zip(plain, private, strict=True))


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """(first quartile, median, third quartile)."""
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def pseudonymize_once(memory: _MemoryProvider, rounds: int = 41) -> float:
    """CPU seconds to pseudonymize the prompt once, right after a plain turn (median).

    Timed where a real turn meets it: after streaming has filled the caches with other work,
    not in a warm loop, which would make it look cheaper than it is.
    """
    times = []
    for _ in range(rounds):
        _timed(memory, False)
        started = time.thread_time()
        Pseudonymizer(Vault()).pseudonymize(PROMPT)
        times.append(time.thread_time() - started)
    return statistics.median(times)


def serve(tokens: int) -> int:
    """The child: serve the reply until stdin closes, after printing the base URL."""
    deltas = reply_deltas(tokens)
    with running_provider("openai", api_key=None) as fake:
        fake.default = Script(reply="".join(deltas), pieces=lambda _text: deltas)
        print(fake.base_url, flush=True)
        sys.stdin.read()
    return 0


def main() -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=101, help="pairs of turns (default 101)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.tokens)

    deltas = reply_deltas(args.tokens)
    reply_text = "".join(deltas)
    http = HttpClient(PendingRequests(), SystemClock())
    walls: dict[bool, list[float]] = {False: [], True: []}
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--tokens", str(args.tokens)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()

        def network_turn(private: bool) -> float:
            cpu, wall, _shown = one_turn(http, base_url, private)
            walls[private].append(wall)
            return cpu

        # Warm up: the anonymizer's word lists, the connection code, the JSON decoder.
        for private in (False, True, False, True):
            one_turn(http, base_url, private)
        _cpu, _wall, shown = one_turn(http, base_url, True)
        assert "Margaret Thornton" in shown and "[PERSON_1]" not in shown, "restoring failed"
        assert "[Phone_1]" not in shown and "[email_1]" not in shown, "restoring failed"
        plain_cpu, private_cpu = paired(network_turn, args.runs)
    finally:
        server.communicate("")

    memory = _MemoryProvider(deltas)
    for private in (False, True):
        _timed(memory, private)
    memory_plain, memory_private = paired(lambda p: _timed(memory, p)[0], args.runs)
    once = pseudonymize_once(memory)

    ratios = pair_ratios(plain_cpu, private_cpu)
    q1, ratio, q3 = quartiles(ratios)
    plain = statistics.median(plain_cpu)
    private = statistics.median(private_cpu)
    extra = private - plain
    memory_extra = statistics.median(memory_private) - statistics.median(memory_plain)
    restoring = max(0.0, memory_extra - once) / args.tokens

    print(
        f"Streamed reply: {args.tokens} tokens, {len(reply_text)} characters; "
        f"{args.runs} alternating pairs of turns"
    )
    print(f"{'':28} {'CPU (median)':>14} {'per token':>11} {'wall (median)':>14}")
    for name, cpus, wall in (
        ("plain streaming", plain_cpu, walls[False]),
        ("private prompts", private_cpu, walls[True]),
    ):
        cpu = statistics.median(cpus)
        print(
            f"{name:28} {cpu * 1000:11.2f} ms {cpu / args.tokens * 1e6:8.2f} µs "
            f"{statistics.median(wall) * 1000:11.2f} ms"
        )
    print(
        f"{'extra for private prompts':28} {extra * 1000:11.2f} ms "
        f"{extra / args.tokens * 1e6:8.2f} µs"
    )
    print()
    print("Where the extra goes (the same reply path over an in-memory reply, no network):")
    print(
        f"  pseudonymizing the prompt, once:   {once * 1000:8.3f} ms "
        f"({once / plain:.1%} of a plain streamed turn)"
    )
    print(
        f"  restoring the reply, per token:    {restoring * 1e6:8.3f} µs "
        f"({restoring * args.tokens / plain:.1%} of a plain streamed turn)"
    )
    verdict = "meets" if ratio < TARGET else "MISSES"
    print(
        f"\nExtra CPU time for private prompts, per pair of turns: median {ratio:+.1%} "
        f"(quartiles {q1:+.1%} to {q3:+.1%}); {verdict} the {TARGET:.0%} target."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
