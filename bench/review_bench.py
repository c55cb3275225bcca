"""Spaced review benchmark: due cards, answers with their review, `quiz stats`, a learner's 60 days.

Each measurement beside a floor measured in the same run, alternating with it:

- Picking the due cards for a round from 100,000 cards (10 players x 10,000),
  against a bare indexed SQLite query returning the same rows. Target: 2x.
- Recording an answer with its card review (one transaction), against a bare
  insert of the answer alone, as the store did before cards. Target: 1.5x.
- `quiz stats` over 100,000 answers, as a table, CSV and JSON, against a bare
  SQLite read of the same rows. Target: 2x.
- A learner over 60 simulated days (QUIZ_NOW moved a day at a time), whose
  answers come from a forgetting model: reviews per day and the retention
  reached, so the schedule can be seen to work.

Run: `python bench/review_bench.py` (`--strict` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine_bench import answer_records, synthetic_bank

from quiz.commands.stats import run_stats
from quiz.engine import review
from quiz.engine import store as store_module
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store, given_to_json, now

DUE_TARGET, RECORD_TARGET, STATS_TARGET = 2.0, 1.5, 2.0
NOW = review.parse_now("2026-12-01T09:00:00Z")


def best(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


# --- due cards -------------------------------------------------------------------------


def bench_due(folder: Path, players: int = 10, per_player: int = 10_000, runs: int = 15) -> dict[str, float]:
    store = Store.open(folder)
    rng = random.Random(1)
    names = [f"player-{n}" for n in range(players)]
    for name in names:
        store.add_player(name)
    db = sqlite3.connect(folder / store_module.FILE_NAME, isolation_level=None)
    ids = dict(db.execute("SELECT name, id FROM players").fetchall())
    rows = []
    for name in names:
        for n in range(per_player):
            due = review.stamp(NOW + timedelta(days=rng.uniform(-30, 60)))
            last = review.stamp(NOW - timedelta(days=rng.uniform(0, 30)))
            rows.append((ids[name], f"q-{n}", 2, None, 5.0, 5.0, due, last, last, 1, 0, 0, 0))
    db.execute("BEGIN")
    db.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    until = review.stamp(review.day_start(NOW, 1))
    player, player_id = names[3], ids[names[3]]
    bare_query = "SELECT question_id FROM cards WHERE player_id = ? AND due < ? ORDER BY due, question_id"
    expected = [r[0] for r in db.execute(bare_query, (player_id, until))]
    assert store.due_cards(player, until) == expected
    floor = engine = whole = math.inf
    for _ in range(runs):
        start = time.perf_counter()
        [r[0] for r in db.execute(bare_query, (player_id, until)).fetchall()]
        floor = min(floor, time.perf_counter() - start)
        start = time.perf_counter()
        store.due_cards(player, until)
        engine = min(engine, time.perf_counter() - start)
        start = time.perf_counter()
        review.queue(store, player, NOW)
        whole = min(whole, time.perf_counter() - start)
    store.close()
    db.close()
    return {"floor": floor, "due": engine, "queue": whole, "rows": len(expected)}


# --- recording -------------------------------------------------------------------------


def bench_record(folder: Path, count: int = 5_000, blocks: int = 20) -> dict[str, float]:
    records = answer_records(count)
    store = Store.open(folder / "store")
    round_id = store.start_round("bench", RoundSpec(), 1, count)
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
        (1, 1, r.position, r.question_id, r.type, r.topic, " ".join(r.sources), r.difficulty, r.prompt,
         given_to_json(r.given), r.outcome, r.credit, r.points, r.streak, r.confidence, r.marks, r.seconds)
        for r in records
    ]  # fmt: skip
    insert = store_module._INSERT_ANSWER
    floor = engine = 0.0
    size = count // blocks
    for block in range(blocks):
        chunk = slice(block * size, (block + 1) * size)
        start = time.perf_counter()
        for row in rows[chunk]:
            db.execute(insert, row)
        floor += time.perf_counter() - start
        start = time.perf_counter()
        for record in records[chunk]:
            store.record_answer(round_id, record)
        engine += time.perf_counter() - start
    store.close()
    db.close()
    return {"floor": floor, "store": engine}


# --- quiz stats ------------------------------------------------------------------------


def stats_store(folder: Path, answers: int = 100_000, players: int = 10) -> tuple[Path, float]:
    """A progress file with `answers` answers from before spaced review, then opened (migrated): the
    seconds the migration took to build the cards from them."""
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / store_module.FILE_NAME, isolation_level=None)
    store_module.migrate(db, store_module.MIGRATIONS[:2])
    db.execute("BEGIN")
    for p in range(players):
        db.execute("INSERT INTO players (id, name, created) VALUES (?, ?, ?)", (p + 1, f"player-{p}", now()))
    rounds = answers // 10
    for r in range(rounds):
        db.execute(
            "INSERT INTO rounds (id, player_id, mode, filters, seed, size, confidence, started)"
            " VALUES (?, ?, 'quick', '{}', 1, 10, 1, ?)",
            (r + 1, r % players + 1, now()),
        )
    rng = random.Random(2)
    start_time = NOW - timedelta(days=90)
    db.executemany(
        "INSERT INTO answers (round_id, player_id, position, question_id, type, topic, sources, difficulty,"
        " prompt, given, outcome, credit, points, streak, confidence, marks, seconds, answered)"
        " VALUES (?, ?, ?, ?, 'choice', ?, 'source-1 source-2', 2, ?, '\"=a\"', ?, ?, 200, 1, ?, ?, 3.5, ?)",
        (
            (n // 10 + 1, (n // 10) % players + 1, n % 10, f"q-{rng.randrange(2000)}", f"topic-{n % 20}",
             f"Which of these does article {n % 5} say? {n}", *rng.choice((("right", 1.0), ("wrong", 0.0))),
             rng.choice((None, 1, 2, 3)), None, review.stamp(start_time + timedelta(seconds=n * 60)))
            for n in range(answers)
        ),
    )  # fmt: skip
    db.execute("COMMIT")
    db.close()
    start = time.perf_counter()
    Store.open(folder).close()
    return folder, time.perf_counter() - start


def bench_stats(folder: Path, runs: int = 5) -> dict[str, float]:
    path = folder / store_module.FILE_NAME
    read = (
        "SELECT p.name, r.id, r.mode, r.started, a.answered, a.position, a.question_id, a.type,"
        " a.topic, a.sources, a.difficulty, a.prompt, a.given, a.outcome, a.credit, a.points,"
        " a.streak, a.confidence, a.marks, a.seconds"
        " FROM answers a JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = a.player_id ORDER BY a.id"
    )

    def floor() -> None:
        db = sqlite3.connect(path)
        db.execute(read).fetchall()
        db.close()

    def stats(form: str) -> None:
        args = SimpleNamespace(data_dir=folder, player=None, format=form, content=None, seeds=None)
        with contextlib.redirect_stdout(io.StringIO()):
            run_stats(args)  # type: ignore[arg-type]

    times = {"floor": math.inf, "table": math.inf, "csv": math.inf, "json": math.inf}
    for _ in range(runs):
        times["floor"] = min(times["floor"], best(1, floor))
        for form in ("table", "csv", "json"):
            times[form] = min(times[form], best(1, lambda form=form: stats(form)))
    return times


# --- a learner over 60 days --------------------------------------------------------------


def simulate(
    folder: Path, days: int = 60, bank_size: int = 400, seed: int = 3
) -> list[tuple[int, int, int, float]]:
    """One learner, QUIZ_NOW moved a day at a time; (day, reviews, new, share right of due reviews).

    The forgetting model: each question has a memory stability in days (1 at
    first sight, when the learner is right one time in two); recall after t
    days is 0.9 ** (t / stability); a recall multiplies it by 2.5, a lapse halves it.
    """
    rng = random.Random(seed)
    bank = synthetic_bank(bank_size)
    store = Store.open(folder)
    memory: dict[str, tuple[float, float]] = {}  # question -> (stability, last seen, in days)
    results = []
    before = os.environ.get(review.NOW_VARIABLE)
    try:
        for day in range(days):
            today = NOW + timedelta(days=day)
            os.environ[review.NOW_VARIABLE] = today.isoformat()
            reviews = new = due_right = due_count = 0
            for _ in range(50):  # rounds until nothing is due
                session = GameSession(
                    bank, RoundSpec(mode="due", count=20, types=("choice",)), store, "learner"
                )
                if not session.total:
                    break
                for playable in list(session.playables):
                    known = memory.get(playable.id)
                    t = day + 0.0
                    if known is None:
                        recalled = rng.random() < 0.5
                        stability = 1.0
                        new += 1
                    else:
                        stability, seen = known
                        recalled = rng.random() < 0.9 ** (max(t - seen, 0.01) / stability)
                        card = store.card("learner", playable.id)
                        if card is not None and card.state == review.REVIEW:
                            due_count += 1
                            due_right += recalled
                    stability = stability * 2.5 if recalled else max(0.5, stability / 2)
                    memory[playable.id] = (stability, t)
                    given = (
                        playable.answer
                        if recalled
                        else next(c for c in playable.choices if c != playable.answer)
                    )
                    session.answer(given)
                    reviews += 1
            results.append((day + 1, reviews, new, due_right / due_count if due_count else math.nan))
    finally:
        if before is None:
            os.environ.pop(review.NOW_VARIABLE, None)
        else:
            os.environ[review.NOW_VARIABLE] = before
    figures = review.review_stats(store, "learner", now=NOW + timedelta(days=days))
    store.close()
    results.append((-1, figures.due_reviews, 0, figures.retention or 0.0))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--days", type=int, default=60, help="days the learner studies (default 60)")
    args = parser.parse_args(argv)
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        due = bench_due(folder / "due")
        ratio = due["due"] / due["floor"]
        print(f"Due cards for one player among 100,000 cards ({due['rows']:,} due; best of 15)")
        print(f"  bare query {due['floor'] * 1e3:.2f}ms   store {due['due'] * 1e3:.2f}ms   ratio {ratio:.2f}x"
              f" (target <= {DUE_TARGET}x)")  # fmt: skip
        print(f"  the whole queue of a due round (due, known, new today, next): {due['queue'] * 1e3:.2f}ms")
        if ratio > DUE_TARGET:
            missed.append(f"due cards {ratio:.2f}x")

        runs = [bench_record(folder / f"record{n}") for n in range(3)]
        floor = min(r["floor"] for r in runs)
        engine = min(r["store"] for r in runs)
        ratio = engine / floor
        print()
        print("Recording 5,000 answers with their card reviews, each committed (best of 3, alternating)")
        print(f"  bare insert {floor / 5000 * 1e6:.1f}us   answer and card review {engine / 5000 * 1e6:.1f}us"
              f"   ratio {ratio:.2f}x (target <= {RECORD_TARGET}x)")  # fmt: skip
        print("  each run " + ", ".join(f"{r['store'] / r['floor']:.2f}x" for r in runs))
        if ratio > RECORD_TARGET:
            missed.append(f"recording {ratio:.2f}x")

        stats_folder, migration = stats_store(folder / "stats")
        print()
        print(f"Migrating 100,000 answers into cards (replayed through FSRS): {migration:.2f}s, once")
        times = bench_stats(stats_folder)
        print("quiz stats over 100,000 answers (best of 5)")
        print(f"  bare read {times['floor'] * 1e3:.0f}ms")
        for form in ("table", "csv", "json"):
            ratio = times[form] / times["floor"]
            print(f"  {form:<5}     {times[form] * 1e3:.0f}ms  {ratio:.2f}x (target <= {STATS_TARGET}x)")
            if ratio > STATS_TARGET:
                missed.append(f"stats {form} {ratio:.2f}x")

        print()
        print(
            f"A learner over {args.days} days: 400 questions, 10 new a day, answers from a forgetting model"
        )
        print("  day  reviews  new  right of due reviews")
        results = simulate(folder / "learner", days=args.days)
        for day, reviews, new, share in results[:-1]:
            shown = "-" if math.isnan(share) else f"{share * 100:.0f}%"
            print(f"  {day:>3}  {reviews:>7}  {new:>3}  {shown:>6}")
        _, due_reviews, _, retention = results[-1]
        print(f"  true retention over {due_reviews} due reviews: {retention * 100:.1f}% (FSRS aims at 90%)")

    print()
    print("All targets met." if not missed else "Missed: " + "; ".join(missed))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
