"""Store benchmark: SQLCipher with a raw key against plain SQLite, on the app's schema and pragmas.

Inserts messages of about 200 characters in batches (one transaction each, with the SQL of
``ConversationStore.append``), runs full-text searches (the SQL of ``ConversationStore.search``),
times opening the populated database with the raw key, and times both integrity checks. Every
engine gets the app's schema (``app.core.store.migrations``) and the app's pragmas
(``REQUIRED_PRAGMAS``: WAL, synchronous=FULL, secure_delete, temp_store=MEMORY, foreign_keys).

Two unencrypted baselines are measured in the same run, with the work interleaved so that disk
and CPU noise falls on every engine alike:

* ``sqlite3``: Python's standard-library module, often a different (older) SQLite release;
* ``plain``: the same sqlcipher3 library with no key, which isolates the cost of encryption.

Usage: ``python bench/store.py [--messages N] [--quick]``. Nothing here asserts on timings; the
targets are printed beside the measured ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sqlite3
import statistics
import string
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlcipher3

from app.core import keys
from app.core.store import migrations
from app.core.store.database import REQUIRED_PRAGMAS, Database
from app.core.store.schema import MIGRATIONS, Migration

MESSAGE_CHARS = 200
BATCH = 100
CREATED_AT = "2026-03-01T09:00:00+00:00"
# Marker words planted at known rates, so the queries have a known number of hits.
COMMON_MARKER, COMMON_RATE = "zephyr", 0.02
RARE_MARKER, RARE_RATE = "quokka", 0.0002
KDF_PASSPHRASE = "correct horse battery staple"

# The SQL of ConversationStore.append and ConversationStore.search.
UPSERT_CONVERSATION = (
    "INSERT INTO conversations(id, created_at, updated_at) VALUES (?, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at"
)
INSERT_MESSAGE = (
    "INSERT INTO messages(conversation_id, role, content, created_at) VALUES (?, ?, ?, ?)"
)
SEARCH = (
    "SELECT m.conversation_id, c.title, m.role, "
    "snippet(messages_fts, 0, '[', ']', '…', 12), m.created_at "
    "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
    "JOIN conversations c ON c.id = m.conversation_id "
    "WHERE messages_fts MATCH ? ORDER BY rank LIMIT 50"
)


@dataclass(frozen=True)
class Engine:
    """One way of storing the database: a driver module and, for SQLCipher, a raw key."""

    name: str
    label: str
    module: Any
    key: bytes | None

    def connect(self, path: Path) -> Any:
        """Connect and key, as the app does, without reading anything yet."""
        conn = self.module.connect(str(path), isolation_level=None, check_same_thread=False)
        if self.key is not None:
            conn.execute(keys.key_pragma(self.key))
        return conn

    def open_for_work(self, path: Path) -> Any:
        """Connect, key and set the app's pragmas, checking that each one took."""
        conn = self.connect(path)
        for name, value, expected in REQUIRED_PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
            actual = str(conn.execute(f"PRAGMA {name}").fetchone()[0]).lower()
            if actual != expected:
                raise SystemExit(f"{self.name}: PRAGMA {name} is {actual}, not {expected}")
        return conn


def make_corpus(count: int, seed: int) -> tuple[list[str], list[str]]:
    """``count`` messages of about 200 characters of Zipf-distributed pseudo-words.

    Returns the messages and the vocabulary, most frequent word first.
    """
    rng = random.Random(seed)
    vocabulary = sorted(
        {"".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(6000)}
        - {COMMON_MARKER, RARE_MARKER}
    )
    rng.shuffle(vocabulary)
    weights = [1.0 / rank for rank in range(1, len(vocabulary) + 1)]
    texts = []
    for _ in range(count):
        words = rng.choices(vocabulary, weights=weights, k=45)
        if rng.random() < COMMON_RATE:
            words[rng.randrange(10)] = COMMON_MARKER
        if rng.random() < RARE_RATE:
            words[rng.randrange(10)] = RARE_MARKER
        text = " ".join(words)
        cut = text.rfind(" ", 0, MESSAGE_CHARS)
        texts.append(text[:cut] if cut > 0 else text[:MESSAGE_CHARS])
    return texts, vocabulary


def search_terms(vocabulary: Sequence[str]) -> list[str]:
    """What a user types: a rare word, a common one, two frequent ones, a mix, a short prefix."""
    return [
        RARE_MARKER,
        COMMON_MARKER,
        f"{vocabulary[0]} {vocabulary[1]}",
        f"{COMMON_MARKER} {vocabulary[2]}",
        vocabulary[3][:2],
    ]


def fts_query(text: str) -> str:
    """The FTS5 query ConversationStore.search builds: every word must match, as a prefix."""
    return " ".join(f'"{word}"*' for word in text.split())


def _schema_for(engine: Engine) -> tuple[Migration, ...]:
    """The app's schema; the stdlib's older SQLite (before 3.42) has no FTS5 secure-delete."""
    if engine.module is not sqlite3 or sqlite3.sqlite_version_info >= (3, 42, 0):
        return MIGRATIONS
    return tuple(
        replace(m, statements=tuple(s for s in m.statements if "secure-delete" not in s))
        for m in MIGRATIONS
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def _ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline > 0 else "n/a"


def _median_time(func: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def _close(conn: Any) -> None:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@contextlib.contextmanager
def _workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="confidant-bench-") as name:
        yield Path(name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000, help="default 100,000")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 5,000 messages")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    messages = 5_000 if args.quick and args.messages == 100_000 else args.messages
    query_rounds = 5 if args.quick else 20
    open_runs = 30 if args.quick else 200

    key = keys.new_data_key()
    engines = [
        Engine("sqlite3", "stdlib sqlite3, no encryption", sqlite3, None),
        Engine("plain", "sqlcipher3 without a key, no encryption", sqlcipher3, None),
        Engine("sqlcipher", "sqlcipher3 with a raw 256-bit key", sqlcipher3, key),
    ]
    probe = sqlcipher3.connect(":memory:")
    cipher_version = probe.execute("PRAGMA cipher_version").fetchone()[0]
    probe.close()

    print(
        f"Confidant store benchmark: {messages:,} messages of ~{MESSAGE_CHARS} characters, "
        f"inserted in transactions of {BATCH} (seed {args.seed})"
    )
    print(f"  SQLCipher {cipher_version} on SQLite {sqlcipher3.sqlite_version} (sqlcipher3)")
    print(f"  stdlib sqlite3 on SQLite {sqlite3.sqlite_version}")
    print("  pragmas on every engine: " + ", ".join(f"{n}={v}" for n, v, _ in REQUIRED_PRAGMAS))
    print("Engines (ratios are sqlcipher / baseline, both measured in this run):")
    for engine in engines:
        print(f"  {engine.name:<10} {engine.label}")
    if sqlite3.sqlite_version != sqlcipher3.sqlite_version:
        print(
            f"  Note: stdlib SQLite {sqlite3.sqlite_version} is not the SQLite inside SQLCipher "
            f"({sqlcipher3.sqlite_version}); the `plain` baseline is the same library with "
            "encryption off, so its ratio is the cost of encryption alone."
        )
    print()

    texts, vocabulary = make_corpus(messages, args.seed)
    terms = search_terms(vocabulary)

    with _workdir() as work:
        paths = {engine.name: work / f"{engine.name}.db" for engine in engines}
        conns = {}
        for engine in engines:
            conn = engine.open_for_work(paths[engine.name])
            migrations.apply(conn, 0, _schema_for(engine))
            if engine.key is not None:
                conn.execute(
                    "INSERT INTO meta(name, value) VALUES ('key_check', ?)",
                    (keys.key_check_value(engine.key),),
                )
            conns[engine.name] = conn

        # Inserts: batch i goes to every engine in turn, so drift hits them all alike.
        insert_time = dict.fromkeys(paths, 0.0)
        for start in range(0, messages, BATCH):
            conversation = f"conversation-{start // BATCH:06d}"
            rows = [
                (conversation, "user" if i % 2 == 0 else "assistant", text, CREATED_AT)
                for i, text in enumerate(texts[start : start + BATCH])
            ]
            for name, conn in conns.items():
                began = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(UPSERT_CONVERSATION, (conversation, CREATED_AT, CREATED_AT))
                conn.executemany(INSERT_MESSAGE, rows)
                conn.execute("COMMIT")
                insert_time[name] += time.perf_counter() - began

        # Queries: every term on every engine, many times; the median of each term, summed.
        hits: dict[str, list[int]] = {}
        samples: dict[tuple[str, str], list[float]] = {}
        for _ in range(query_rounds):
            for term in terms:
                for name, conn in conns.items():
                    began = time.perf_counter()
                    found = conn.execute(SEARCH, (fts_query(term),)).fetchall()
                    samples.setdefault((name, term), []).append(time.perf_counter() - began)
                    hits.setdefault(name, []).append(len(found))
        query_time = {
            name: sum(statistics.median(samples[(name, term)]) for term in terms) for name in conns
        }
        if len({tuple(found) for found in hits.values()}) != 1:
            print("WARNING: the engines returned different numbers of hits")
        matches = {
            term: conns["sqlcipher"]
            .execute(
                "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?", (fts_query(term),)
            )
            .fetchone()[0]
            for term in terms
        }
        for conn in conns.values():
            _close(conn)

        # Opening the populated database: connect, key, first read.
        def open_once(engine: Engine) -> None:
            conn = engine.connect(paths[engine.name])
            conn.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
            conn.close()

        open_time = {e.name: _median_time(lambda e=e: open_once(e), open_runs) for e in engines}

        def app_open() -> None:
            Database.open(paths["sqlcipher"], key, key_verified=True).close()

        app_open()  # the first open records the app version; time the ones after it
        app_open_time = _median_time(app_open, max(10, open_runs // 4))

        kdf_path = work / "passphrase.db"
        conn = sqlcipher3.connect(str(kdf_path), isolation_level=None)
        conn.execute(f"PRAGMA key = '{KDF_PASSPHRASE}'")
        conn.execute("CREATE TABLE t (x)")
        conn.close()

        def kdf_open() -> None:
            conn = sqlcipher3.connect(str(kdf_path))
            conn.execute(f"PRAGMA key = '{KDF_PASSPHRASE}'")
            conn.execute("SELECT count(*) FROM t").fetchone()
            conn.close()

        kdf_open_time = _median_time(kdf_open, 3 if args.quick else 5)

        # Integrity checks on the populated databases (the app's integrity report runs both).
        checks: dict[str, float] = {}
        for engine in engines:
            conn = engine.connect(paths[engine.name])
            checks[engine.name] = _median_time(
                lambda conn=conn: conn.execute("PRAGMA integrity_check").fetchall(), 3
            )
            conn.close()
        conn = engines[2].connect(paths["sqlcipher"])
        cipher_rows: list[Any] = []
        cipher_check = _median_time(
            lambda: cipher_rows.extend(conn.execute("PRAGMA cipher_integrity_check").fetchall()), 3
        )
        conn.close()
        sizes = {name: _size(path) for name, path in paths.items()}

    rows = [
        (f"insert {messages:,} messages (s)", insert_time, 1.0, "≤ 1.3×"),
        (f"full-text search, {len(terms)} queries (ms)", query_time, 1000.0, "≤ 1.5×"),
        ("open: connect + key + first read (ms)", open_time, 1000.0, "< 5 ms"),
        ("PRAGMA integrity_check (ms)", checks, 1000.0, ""),
    ]
    header = f"{'step':<42}{'sqlite3':>11}{'plain':>11}{'sqlcipher':>11}"
    header += f"{'vs sqlite3':>12}{'vs plain':>10}  target"
    print(header)
    print("-" * len(header))
    for label, values, scale, target in rows:
        cells = "".join(f"{values[e.name] * scale:>11,.2f}" for e in engines)
        cipher = values["sqlcipher"]
        print(
            f"{label:<42}{cells}{_ratio(cipher, values['sqlite3']):>12}"
            f"{_ratio(cipher, values['plain']):>10}  {target}"
        )
    size_cells = "".join(f"{sizes[e.name] / 1e6:>11,.1f}" for e in engines)
    print(f"{'database size (MB)':<42}{size_cells}")
    print()
    print("Search terms and hits: " + ", ".join(f"{t!r} {matches[t]:,}" for t in terms))
    print(f"App open, Database.open with the raw key (median): {_ms(app_open_time)} ms")
    print(f"Open with a passphrase instead (PBKDF2, for contrast): {_ms(kdf_open_time)} ms")
    megabytes = sizes["sqlcipher"] / 1e6
    print(
        f"PRAGMA cipher_integrity_check: {_ms(cipher_check)} ms for {megabytes:,.1f} MB "
        f"({megabytes / cipher_check:,.0f} MB/s), "
        f"{'no damaged pages' if not cipher_rows else f'{len(cipher_rows)} problems'}"
    )
    print(
        f"Both integrity checks together: {_ms(cipher_check + checks['sqlcipher'])} ms "
        "(what an integrity report costs on this database)"
    )
    print(
        "SQLite's integrity_check also walks the FTS5 index since SQLite 3.44, so it costs "
        "more on the newer library whatever the encryption."
    )
    print()
    for what, values, limit in (("inserts", insert_time, 1.3), ("queries", query_time, 1.5)):
        verdicts = []
        for baseline in ("sqlite3", "plain"):
            ratio = values["sqlcipher"] / values[baseline]
            verdicts.append(
                f"{ratio:.2f}× vs {baseline} ({'met' if ratio <= limit else 'NOT met'})"
            )
        print(f"Target {what} ≤ {limit}×: " + ", ".join(verdicts))
    raw_open = open_time["sqlcipher"] * 1000
    print(f"Target raw-key open < 5 ms: {raw_open:.2f} ms ({'met' if raw_open < 5 else 'NOT met'})")
    print()
    erasure_cost(key, 400 if args.quick else 2_000, args.seed)
    return 0


def erasure_cost(key: bytes, conversations: int, seed: int) -> None:
    """What erasure that erases costs: the app's deletes against the deletes before it.

    Two copies of one store (``conversations`` conversations of 5 messages). The app's copy
    deletes as the app does (``erasure.delete_conversations``): one conversation with the index
    in ``secure-delete`` mode, a bulk delete by rebuilding the index, the WAL emptied after
    every commit that deleted private rows, VACUUM after a bulk delete. The baseline copy
    deletes as before: FTS5's default delete (terms stay in the segments), no WAL scrub, the
    same VACUUM. Deleting one conversation at a time (a tenth of them), then all the rest in
    one transaction, is timed on each, interleaved.
    """
    from app.core.audit import AuditLog
    from app.core.clock import SystemClock
    from app.core.erasure import delete_conversations

    rng = random.Random(seed)
    words = ["".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(5_000)]
    timings: dict[str, dict[str, float]] = {"app": {}, "baseline": {}}
    with _workdir() as work:
        stores = {}
        for name in ("app", "baseline"):
            database = Database.create(work / f"{name}.db", key)
            if name == "baseline":
                with database.transaction() as conn:
                    conn.execute(
                        "INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 0)"
                    )
                for trigger in database.query(
                    "SELECT name FROM sqlite_temp_master WHERE type = 'trigger'"
                ):
                    database._conn.execute(f"DROP TRIGGER temp.{trigger[0]}")  # noqa: SLF001
            with database.transaction() as conn:
                for number in range(conversations):
                    cid = f"c{number:06d}"
                    conn.execute(UPSERT_CONVERSATION, (cid, CREATED_AT, CREATED_AT))
                    for _ in range(5):
                        text = " ".join(rng.choices(words, k=30))
                        conn.execute(
                            "INSERT INTO messages(conversation_id, role, content, created_at) "
                            "VALUES (?, 'user', ?, ?)",
                            (cid, text, CREATED_AT),
                        )
            database.scrub()
            stores[name] = database
        ones = [f"c{number:06d}" for number in range(0, conversations, 10)]
        for name in ("app", "baseline"):
            timings[name]["one"] = 0.0

        def before_this_change(database: Database, cid: str | None) -> None:
            # The deletion as it was before erasure erased: the same rows, the same VACUUM
            # after a bulk delete, FTS5's default delete, no WAL scrub.
            where, params = ("id = ?", (cid,)) if cid else ("1 = 1", ())
            with database.transaction() as conn:
                chosen = f"SELECT id FROM conversations WHERE {where}"  # noqa: S608
                conn.execute(
                    f"DELETE FROM outbox WHERE conversation_id IN ({chosen})",  # noqa: S608
                    params,
                )
                conn.execute(f"DELETE FROM conversations WHERE {where}", params)  # noqa: S608
            if cid is None:
                database.vacuum()

        for cid in ones:
            for name, database in stores.items():
                audit = AuditLog(database, SystemClock())
                started = time.perf_counter()
                if name == "app":
                    delete_conversations(database, audit, conversation_id=cid)
                else:
                    before_this_change(database, cid)
                timings[name]["one"] += time.perf_counter() - started
        for name, database in stores.items():
            audit = AuditLog(database, SystemClock())
            started = time.perf_counter()
            if name == "app":
                delete_conversations(database, audit, everything=True)
            else:
                before_this_change(database, None)
            timings[name]["all"] = time.perf_counter() - started
            fts_rows = database.query("SELECT count(*) FROM messages_fts_data")[0][0]
            timings[name]["fts_rows"] = fts_rows
            database.close()
    per_one = {name: timings[name]["one"] / len(ones) for name in timings}
    print(f"Erasure cost ({conversations:,} conversations of 5 messages; app / baseline):")
    print(
        f"  delete one conversation (mean of {len(ones)}): {_ms(per_one['app'])} ms / "
        f"{_ms(per_one['baseline'])} ms = {_ratio(per_one['app'], per_one['baseline'])}"
    )
    print(
        f"  delete all the rest (one transaction + VACUUM): {_ms(timings['app']['all'])} ms / "
        f"{_ms(timings['baseline']['all'])} ms = "
        f"{_ratio(timings['app']['all'], timings['baseline']['all'])}"
    )
    print(
        f"  index rows left after delete all: {int(timings['app']['fts_rows'])} / "
        f"{int(timings['baseline']['fts_rows'])}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
