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
measured with ``time.thread_time``. Medians of the runs are compared; the target is under 5%
extra CPU time for a 2,000-token reply.

Usage: ``python bench/stream.py [--tokens N] [--runs N]``. Nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from app.core.assistant.base import ChatMessage  # noqa: E402
from app.core.assistant.openai_compat import OpenAICompatProvider  # noqa: E402
from app.core.assistant.reply import ReplyStream  # noqa: E402
from app.core.clock import SystemClock  # noqa: E402
from app.core.network import HttpClient, PendingRequests  # noqa: E402
from app.core.privacy.anonymize import Pseudonymizer, StreamRestorer, Vault  # noqa: E402
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


def restorer_only(deltas: list[str], rounds: int = 20) -> float:
    """CPU seconds per token of the stream restorer alone (no network), best of ``rounds``."""
    vault = Vault()
    Pseudonymizer(vault).pseudonymize(PROMPT)
    best = float("inf")
    for _ in range(rounds):
        restorer = StreamRestorer(vault)
        started = time.thread_time()
        for delta in deltas:
            restorer.feed(delta)
        restorer.flush()
        best = min(best, time.thread_time() - started)
    return best / len(deltas)


def pseudonymize_once(rounds: int = 20) -> float:
    """CPU seconds to pseudonymize the prompt once (best of ``rounds``)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.thread_time()
        Pseudonymizer(Vault()).pseudonymize(PROMPT)
        best = min(best, time.thread_time() - started)
    return best


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
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.tokens)

    deltas = reply_deltas(args.tokens)
    reply_text = "".join(deltas)
    http = HttpClient(PendingRequests(), SystemClock())
    plain_cpu: list[float] = []
    private_cpu: list[float] = []
    plain_wall: list[float] = []
    private_wall: list[float] = []
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", "--tokens", str(args.tokens)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        # Warm up: the anonymizer's word lists, the connection code, the JSON decoder.
        for private in (False, True, False, True):
            one_turn(http, base_url, private)
        _cpu, _wall, shown = one_turn(http, base_url, True)
        assert "Margaret Thornton" in shown and "[PERSON_1]" not in shown, "restoring failed"
        for run in range(args.runs):
            # Alternate which goes first, so drift falls on both alike.
            order = (False, True) if run % 2 == 0 else (True, False)
            for private in order:
                cpu, wall, _shown = one_turn(http, base_url, private)
                (private_cpu if private else plain_cpu).append(cpu)
                (private_wall if private else plain_wall).append(wall)
    finally:
        server.communicate("")
    plain = statistics.median(plain_cpu)
    private = statistics.median(private_cpu)
    extra = private - plain
    ratio = extra / plain
    best_ratio = (min(private_cpu) - min(plain_cpu)) / min(plain_cpu)
    per_token_restore = restorer_only(deltas)
    once = pseudonymize_once()
    per_token_plain = plain / args.tokens
    print(
        f"Streamed reply: {args.tokens} tokens, {len(reply_text)} characters; {args.runs} runs each"
    )
    print(
        f"{'':28} {'CPU (median)':>14} {'per token':>11} {'CPU (best)':>12} {'wall (median)':>14}"
    )
    for name, cpus, walls in (
        ("plain streaming", plain_cpu, plain_wall),
        ("private prompts", private_cpu, private_wall),
    ):
        cpu = statistics.median(cpus)
        print(
            f"{name:28} {cpu * 1000:11.2f} ms {cpu / args.tokens * 1e6:8.2f} µs "
            f"{min(cpus) * 1000:9.2f} ms {statistics.median(walls) * 1000:11.2f} ms"
        )
    print(
        f"{'extra for private prompts':28} {extra * 1000:11.2f} ms "
        f"{extra / args.tokens * 1e6:8.2f} µs   median {ratio:+.1%}, best {best_ratio:+.1%} "
        f"(target < {TARGET:.0%})"
    )
    print()
    print("Where the extra goes (measured apart, best of 20):")
    print(
        f"  pseudonymizing the prompt, once:   {once * 1000:8.3f} ms "
        f"({once / plain:.1%} of a plain turn)"
    )
    print(
        f"  restoring the reply, per token:    {per_token_restore * 1e6:8.3f} µs "
        f"({per_token_restore / per_token_plain:.1%} of a plain token)"
    )
    verdict = "meets" if ratio < TARGET else "MISSES"
    print(
        f"\nPrivate prompts add {ratio:.1%} CPU time to the whole turn (median): {verdict} the "
        f"{TARGET:.0%} target; per streamed token they add "
        f"{per_token_restore / per_token_plain:.1%}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
