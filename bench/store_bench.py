"""Store benchmark: the progress store on PostgreSQL, each measurement beside a floor.

On a throwaway PostgreSQL cluster (tests/postgres.py) with the server's
default durability (fsync on, synchronous_commit on), and on SQLite beside it:

- Recording 10,000 answers through `Store.record_answer` (each committed with
  its card's review), against bare inserts of the same rows, serialised in
  advance, into the same table, one transaction each, on a connection of the
  same durability (psycopg for PostgreSQL, sqlite3 in WAL with
  synchronous=NORMAL for SQLite). The two alternate in blocks. Target: within
  1.5 times.
- Reading the teacher's dashboard of an assignment answered 100,000 times
  (5,000 pupils x 20 questions: `quiz class`'s `classroom.report`, which
  reads `Store.assignment_rounds` and `Store.answers_of_rounds`) against one
  bare aggregate query of the same answers (per pupil: answered, right,
  credit, points). Target: within 1.5 times. The store's reading alone
  (`classroom.attempts`) is printed too.

Run: `python bench/store_bench.py` (`--answers N` and `--pupils N` to shrink
it; `--strict` to exit 1 when a target is missed). Needs Debian's PostgreSQL
server programs (apt-get install postgresql) and psycopg (pip install -e '.[test]').
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.engine_bench import answer_records  # noqa: E402  (the same answers as the engine bench)
from quiz.engine import classroom  # noqa: E402
from quiz.engine import store as store_module  # noqa: E402
from quiz.engine.assignments import Assignment  # noqa: E402
from quiz.engine.assignments import add as add_assignment  # noqa: E402
from quiz.engine.spec import RoundSpec  # noqa: E402
from quiz.engine.store import FILE_NAME, Store, given_to_json, now  # noqa: E402
from tests.postgres import Cluster, ClusterUnavailable  # noqa: E402

TARGET = 1.5
QUESTIONS = 20  # in the benchmark's assignment
SOURCES = [f"source-{n}" for n in range(5)]

_INSERT = (
    "INSERT INTO answers (round_id, player_id, position, question_id, type, topic, sources, difficulty,"
    " prompt, given, outcome, credit, points, streak, confidence, marks, seconds, answered)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_AGGREGATE = (
    "SELECT p.name, count(*), sum(CASE WHEN a.outcome = 'right' THEN 1 ELSE 0 END), sum(a.credit),"
    " sum(a.points) FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = a.player_id"
    " WHERE r.assignment = ? GROUP BY p.name"
)


class Bare:
    """A bare connection to the store's database, of the same durability as the store's own."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("postgresql"):
            import psycopg

            self.pg: Any = psycopg.connect(url, autocommit=True)  # one transaction per statement
            self.sqlite: Any = None
        else:
            import sqlite3

            self.pg = None
            self.sqlite = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
            self.sqlite.execute("PRAGMA synchronous=NORMAL")  # the store's (the file is in WAL already)

    def execute(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self.pg is not None:
            cursor = self.pg.execute(query.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []
        return self.sqlite.execute(query, params).fetchall()

    def close(self) -> None:
        (self.pg or self.sqlite).close()


def connect(url: str) -> Store:
    store = Store.connect(url)
    if store.notice is not None:
        raise SystemExit(f"store_bench: {store.notice}")
    return store


def bench_record(url: str, count: int, blocks: int = 20) -> dict[str, float]:
    """Seconds to record `count` answers through the store, and to write the same rows bare:
    the answer alone, and the answer with its card (what the store writes), one transaction each."""
    records = answer_records(count)
    store = connect(url)
    round_id = store.start_round("bench", RoundSpec(), 1, count)
    floor_round = store.start_round("floor", RoundSpec(), 1, count)
    bare = Bare(url)
    ((floor_player,),) = bare.execute("SELECT player_id FROM rounds WHERE id = ?", (floor_round,))
    stamp = now()
    rows = [
        (floor_round, floor_player, r.position, r.question_id, r.type, r.topic, " ".join(r.sources),
         r.difficulty, r.prompt, given_to_json(r.given), r.outcome, r.credit, r.points, r.streak,
         r.confidence, r.marks, r.seconds, stamp)
        for r in records
    ]  # fmt: skip
    cards = [(floor_player, r.question_id, 2, None, 3.2, 5.1, stamp, stamp, stamp, 0, 0, 0) for r in records]
    times = {"floor": 0.0, "with card": 0.0, "store": 0.0}
    size = count // blocks
    for block in range(blocks):
        chunk = slice(block * size, (block + 1) * size)
        start = time.perf_counter()
        for row in rows[chunk]:
            bare.execute(_INSERT, row)
        times["floor"] += time.perf_counter() - start
        start = time.perf_counter()
        for row, card in zip(rows[chunk], cards[chunk], strict=True):
            bare.execute("BEGIN")
            bare.execute(_INSERT, row)
            bare.execute(store_module._UPSERT_CARD, card)  # the store's own statement
            bare.execute("COMMIT")
        times["with card"] += time.perf_counter() - start
        start = time.perf_counter()
        for record in records[chunk]:
            store.record_answer(round_id, record)
        times["store"] += time.perf_counter() - start
    if store.notice is not None:
        raise SystemExit(f"store_bench: {store.notice}")
    store.close()
    bare.close()
    return times


def fill_class(url: str, pupils: int) -> Assignment:
    """An assignment of QUESTIONS questions, each pupil's round of it stored with all its answers."""
    store = connect(url)
    questions = tuple(f"q-{n}" for n in range(QUESTIONS))
    assignment = Assignment(
        code="BEN-CH1",
        uid="bench",
        title="The benchmark's assignment",
        spec=RoundSpec(count=QUESTIONS, seed=1, assignment="BEN-CH1"),
        questions=questions,
        due=None,
        created=now(),
    )
    add_assignment(store, assignment)
    stamp = now()
    for pupil in range(pupils):
        answers = []
        for position, question_id in enumerate(questions):
            right = (pupil + position) % 3 != 0
            answers.append(
                {
                    "position": position,
                    "question_id": question_id,
                    "type": "choice",
                    "topic": f"topic-{position % 4}",
                    "sources": SOURCES[position % 5],
                    "difficulty": 1 + position % 3,
                    "prompt": f"Question {position}?",
                    "given": given_to_json("a" if right else "b"),
                    "outcome": "right" if right else "wrong",
                    "credit": 1.0 if right else 0.0,
                    "points": 100 if right else 0,
                    "streak": 1 if right else 0,
                    "confidence": None,
                    "marks": None,
                    "seconds": 3.0 + position % 7,
                    "answered": stamp,
                }
            )
        round_row = {
            "mode": "quick",
            "filters": "{}",
            "seed": 1,
            "size": QUESTIONS,
            "confidence": 0,
            "started": stamp,
            "ended": stamp,
            "assignment": assignment.code,
            "origin": f"bench:{pupil}",
        }
        store.import_round(f"pupil {pupil:05d}", round_row, answers)
    if store.notice is not None:
        raise SystemExit(f"store_bench: {store.notice}")
    store.close()
    return assignment


def best(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_dashboard(url: str, assignment: Assignment, runs: int = 5) -> dict[str, float]:
    """Seconds to read the dashboard (and the store's part of it), and the bare aggregate query."""
    store = connect(url)
    bare = Bare(url)
    report = classroom.report(store, assignment)
    totals = bare.execute(_AGGREGATE, (assignment.code,))
    assert len(report.players) == len(totals), (len(report.players), len(totals))
    times = {"floor": float("inf"), "attempts": float("inf"), "report": float("inf")}
    work: dict[str, Callable[[], object]] = {
        "floor": lambda: bare.execute(_AGGREGATE, (assignment.code,)),
        "attempts": lambda: classroom.attempts(store, assignment),
        "report": lambda: classroom.report(store, assignment),
    }
    for _ in range(runs):  # alternating, each keeping its best
        for name, call in work.items():
            times[name] = min(times[name], best(call, 1))
    store.close()
    bare.close()
    return times


def run(fresh: dict[str, Callable[[], str]], answers: int, pupils: int) -> list[str]:
    """Both measurements on each backend, printed; the targets missed."""
    missed = []
    print(f"Recording {answers:,} answers, each its own transaction (alternating in blocks)")
    print(f"  {'':<11} {'bare':>9} {'with card':>10} {'store':>9} {'ratios':>15}   per answer")
    for backend, new_store in fresh.items():
        t = bench_record(new_store(), answers)
        alone, carded = t["store"] / t["floor"], t["store"] / t["with card"]
        each = " / ".join(f"{t[k] / answers * 1e6:.0f}us" for k in ("floor", "with card", "store"))
        print(
            f"  {backend:<11} {t['floor']:>8.2f}s {t['with card']:>9.2f}s {t['store']:>8.2f}s"
            f" {alone:>6.2f}x {carded:>6.2f}x   {each}"
        )
        if backend == "PostgreSQL" and alone > TARGET:
            missed.append(f"recording on PostgreSQL: {alone:.2f}x the bare answer > {TARGET}x")
    print("  Ratios: the store against the bare answer, and against the answer with its card (the rows")
    print(f"  the store writes). Target on PostgreSQL: <= {TARGET}x.")
    print()
    print(
        f"The dashboard of an assignment answered {pupils * QUESTIONS:,} times ({pupils:,} pupils, best of 5)"
    )
    print(f"  {'':<11} {'aggregate':>10} {'dashboard':>10} {'ratio':>7} {'its reads':>10} {'ratio':>7}")
    for backend, new_store in fresh.items():
        url = new_store()
        start = time.perf_counter()
        assignment = fill_class(url, pupils)
        filled = time.perf_counter() - start
        t = bench_dashboard(url, assignment)
        ratio, reads = t["report"] / t["floor"], t["attempts"] / t["floor"]
        print(
            f"  {backend:<11} {t['floor'] * 1e3:>8.1f}ms {t['report'] * 1e3:>8.1f}ms {ratio:>6.2f}x"
            f" {t['attempts'] * 1e3:>8.1f}ms {reads:>6.2f}x   (stored in {filled:.1f}s)"
        )
        if backend == "PostgreSQL" and ratio > TARGET:
            missed.append(f"the dashboard on PostgreSQL: {ratio:.2f}x > {TARGET}x")
    print(f"  Target on PostgreSQL: <= {TARGET}x. Its reads: classroom.attempts, the store's part.")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--answers", type=int, default=10_000, help="answers recorded (default 10,000)")
    parser.add_argument("--pupils", type=int, default=5_000, help=f"pupils x {QUESTIONS} answers read")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    try:
        cluster = Cluster(durable=True).start()  # the server's defaults: fsync, synchronous commit
    except ClusterUnavailable as exc:
        print(f"store_bench: {exc}", file=sys.stderr)
        return 2
    names = iter(range(1_000_000))
    with tempfile.TemporaryDirectory(prefix="store-bench-") as folder:
        fresh: dict[str, Callable[[], str]] = {  # each backend's maker of new, empty stores
            "PostgreSQL": lambda: cluster.create_database(f"bench_{next(names)}"),
            "SQLite": lambda: f"sqlite:///{Path(folder) / str(next(names)) / FILE_NAME}",
        }
        try:
            missed = run(fresh, args.answers, args.pupils)
        finally:
            cluster.close()
    print()
    print("All targets met." if not missed else "Missed: " + "; ".join(missed))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the cluster on the way out
    sys.exit(main())
