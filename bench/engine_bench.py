"""Engine benchmark: drawing rounds and recording answers, each beside a floor.

Every measurement is compared with a floor measured in the same run, on the
same machine, so the ratios mean something anywhere:

- Drawing a round of 10 from a synthetic bank of 10,000 and of 100,000
  questions (plus two generated questions per dispute), against one plain
  Python pass over the bank that filters by topic and then `random.sample`s
  the round. Target: within 3 times the floor at 100,000 questions, so
  drawing grows no faster than the bank.
- Recording 10,000 answers through the store (each its own transaction),
  against bare SQLite inserts of the same rows, into the same schema, with
  the same durability (WAL, synchronous=NORMAL, one transaction per row).
  Target: within 1.5 times.

Run: `python bench/engine_bench.py` (add `--strict` to exit 1 when a target
is missed). Times are the best of several runs.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sqlite3
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from quiz.content.bank import Bank
from quiz.content.models import ChoiceQuestion, Dispute, Evidence, Position, Source
from quiz.content.passages import Article
from quiz.engine import store as store_module
from quiz.engine.rounds import draw
from quiz.engine.spec import RoundSpec
from quiz.engine.store import AnswerRecord, Store, given_to_json, now

TOPICS = [f"topic-{n:02d}" for n in range(20)]
SOURCES = [f"source-{n}" for n in range(5)]
ROUND = 10
DRAW_TARGET, RECORD_TARGET = 3.0, 1.5


def synthetic_bank(size: int, seed: int = 1) -> Bank:
    """`size` choice questions over 20 topics and 5 sources, and one dispute per 50 questions.

    Built without validation (`model_construct`): the benchmark measures drawing, not loading.
    """
    rng = random.Random(seed)
    questions = [
        ChoiceQuestion.model_construct(
            id=f"q-{n}",
            type="choice",
            topic=rng.choice(TOPICS),
            difficulty=rng.choice((1, 2, 3)),
            prompt=f"Question {n}?",
            choices=["a", "b", "c", "d"],
            answer="a",
            explanation="Because.",
            evidence=[Evidence.model_construct(source=rng.choice(SOURCES), quote=f"quote {n}")],
            tags=[],
            skill=None,
            dispute=None,
            feedback={},
        )
        for n in range(size)
    ]
    disputes = [
        Dispute.model_construct(
            id=f"d-{n}",
            kind="fact",
            topic=rng.choice(TOPICS),
            title=f"Dispute {n}?",
            explanation="They count differently.",
            position=[
                Position.model_construct(source=source, quote=f"says {n} {source}", claim=f"claim {source}")
                for source in rng.sample(SOURCES, 3)
            ],
        )
        for n in range(size // 50)
    ]
    sources = {
        sid: Source.model_construct(
            id=sid,
            file=f"{sid}.txt",
            title=f"Title {sid}",
            outlet="Outlet",
            author=None,
            date=datetime.date(2022, 1, 7),
            kind="news",
            perspective="-",
            notes=None,
        )
        for sid in SOURCES
    }
    articles = {sid: Article(f"The text of {sid}.") for sid in SOURCES}
    return Bank(questions=questions, disputes=disputes, sources=sources, articles=articles)


def bench_draw(size: int, runs: int = 7) -> dict[str, float]:
    """Seconds per draw: the floor, a drill (one topic, as the floor) and a quick round.

    The three alternate, run after run, so a busy machine slows them alike;
    each keeps its best run.
    """
    bank = synthetic_bank(size)
    topic = TOPICS[3]
    number = max(1, 200_000 // size)

    def floor() -> list[ChoiceQuestion]:
        pool = [q for q in bank.questions if q.topic == topic]
        return random.sample(pool, ROUND)

    drill = RoundSpec(mode="drill", topics=(topic,), count=ROUND)
    quick = RoundSpec(mode="quick", count=ROUND)
    work: dict[str, Callable[[], object]] = {
        "floor": floor,
        "drill": lambda: draw(bank, drill),
        "quick": lambda: draw(bank, quick),
    }
    times = dict.fromkeys(work, float("inf"))
    for _ in range(runs):
        for name, call in work.items():
            times[name] = min(times[name], timeit.timeit(call, number=number) / number)
    return times


def answer_records(count: int) -> list[AnswerRecord]:
    return [
        AnswerRecord(
            position=n % ROUND,
            question_id=f"q-{n % 997}",
            type="multi",
            topic=TOPICS[n % len(TOPICS)],
            sources=(SOURCES[n % 5], SOURCES[(n + 1) % 5]),
            difficulty=1 + n % 3,
            prompt=f"Which of these does article {n % 5} say?",
            given=frozenset({"Georgia", "Azerbaijan"}),
            outcome="partial",
            credit=0.5,
            points=100,
            streak=0,
            confidence=2,
            marks=-2,
            seconds=4.2,
        )
        for n in range(count)
    ]


def bench_record(count: int, folder: Path, blocks: int = 20) -> dict[str, float]:
    """Seconds to record `count` answers through the store, and to insert the same rows bare.

    The two alternate in blocks, so that both see the same disk and the same
    load from other processes.
    """
    records = answer_records(count)

    # The store: every answer through record_answer, each committed.
    store = Store.open(folder / "store")
    assert store.notice is None, store.notice
    round_id = store.start_round("bench", RoundSpec(), 1, count)

    # The floor: the same rows, prepared in advance, into the same schema, the same way.
    db = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    store_module.migrate(db)
    db.execute("INSERT INTO players (id, name, created) VALUES (1, 'bench', ?)", (now(),))
    db.execute(
        "INSERT INTO rounds (id, player_id, mode, filters, seed, size, confidence, started)"
        " VALUES (1, 1, 'quick', '{}', 1, ?, 0, ?)",
        (count, now()),
    )
    rows = [
        (
            1,
            1,
            r.position,
            r.question_id,
            r.type,
            r.topic,
            " ".join(r.sources),
            r.difficulty,
            r.prompt,
            given_to_json(r.given),
            r.outcome,
            r.credit,
            r.points,
            r.streak,
            r.confidence,
            r.marks,
            r.seconds,
        )
        for r in records
    ]
    insert = store_module._INSERT_ANSWER  # the store's own statement (SQLite stamps the time)

    engine = floor = 0.0
    size = count // blocks
    for block in range(blocks):
        chunk = slice(block * size, (block + 1) * size)
        start = time.perf_counter()
        for row in rows[chunk]:
            db.execute(insert, row)  # autocommit: one transaction per row
        floor += time.perf_counter() - start
        start = time.perf_counter()
        for record in records[chunk]:
            store.record_answer(round_id, record)
        engine += time.perf_counter() - start
    store.close()
    db.close()
    return {"floor": floor, "store": engine}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    missed = []

    print(f"Drawing a round of {ROUND} (per draw, best of 7 alternating runs)")
    print(f"  {'questions':>10}  {'floor':>9}  {'drill':>9}  {'ratio':>6}  {'quick':>9}  {'ratio':>6}")
    for size in (10_000, 100_000):
        t = bench_draw(size)
        drill, quick = t["drill"] / t["floor"], t["quick"] / t["floor"]
        print(
            f"  {size:>10,}  {t['floor'] * 1e3:>7.2f}ms  {t['drill'] * 1e3:>7.2f}ms  {drill:>5.2f}x"
            f"  {t['quick'] * 1e3:>7.2f}ms  {quick:>5.2f}x"
        )
        if size == 100_000 and max(drill, quick) > DRAW_TARGET:
            missed.append(f"drawing at {size:,} questions: {max(drill, quick):.2f}x > {DRAW_TARGET}x")
    print("  drill: one topic, as the floor; quick: every topic, balanced. Target at 100,000: <= 3x.")

    count = 10_000
    with tempfile.TemporaryDirectory() as folder:
        runs = [bench_record(count, Path(folder) / str(n)) for n in range(3)]
    floor = min(r["floor"] for r in runs)
    engine = min(r["store"] for r in runs)
    # (the best of each side; the run-by-run ratios are printed too)
    ratio = engine / floor
    print()
    print(f"Recording {count:,} answers, each committed (best of 3 runs, alternating in blocks)")
    print(f"  bare inserts {floor:.3f}s ({floor / count * 1e6:.1f}us each)")
    print(f"  store        {engine:.3f}s ({engine / count * 1e6:.1f}us each)")
    print(f"  ratio        {ratio:.2f}x (target <= {RECORD_TARGET}x)")
    print("  each run     " + ", ".join(f"{r['store'] / r['floor']:.2f}x" for r in runs))
    if ratio > RECORD_TARGET:
        missed.append(f"recording: {ratio:.2f}x > {RECORD_TARGET}x")

    print()
    print("All targets met." if not missed else "Missed: " + "; ".join(missed))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
