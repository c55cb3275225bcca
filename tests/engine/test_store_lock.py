"""Another program holding the progress file locked: answers wait, in order, and are all saved."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine import store as store_module
from quiz.engine.session import GameSession
from quiz.engine.setup import GameSetup, PlayOptions
from quiz.engine.spec import RoundSpec
from quiz.engine.store import FILE_NAME, Store
from quiz.plain.round import PlainGame
from tests.engine.helpers import SEEDS, right_input
from tests.engine.test_store import record


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    monkeypatch.setattr(store_module, "RETRY_SECONDS", 0.05)


class Holder:
    """Another program's connection, holding the whole file locked until `release`."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)

    def hold(self) -> None:
        self.db.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self.db.execute("COMMIT")

    def answers(self) -> list[tuple[int, str, str]]:
        return self.db.execute("SELECT round_id, question_id, outcome FROM answers ORDER BY id").fetchall()


@pytest.fixture
def store(file_store: Store) -> Store:
    """Locks are SQLite's: another program holding the file."""
    return file_store


@pytest.fixture
def holder(store: Store, data_dir: Path) -> Iterator[Holder]:
    other = Holder(data_dir / FILE_NAME)
    yield other
    other.db.close()


def test_answers_given_while_locked_are_all_saved_in_order_once_it_lets_go(
    store: Store, holder: Holder, data_dir: Path
) -> None:
    round_id = store.start_round("kim", RoundSpec(), 1, 6)
    store.record_answer(round_id, record(0, "q0"))
    holder.hold()
    for position in range(1, 5):
        store.record_answer(round_id, record(position, f"q{position}", credit=position % 2))
        assert store.saving  # never switched to memory
        assert store.notice is not None and store.notice.startswith("Progress is waiting: another program")
    assert store.waiting
    holder.release()
    store.record_answer(round_id, record(5, "q5"))  # the next write sends the waiting ones first
    assert store.notice is None and not store.waiting
    assert holder.answers() == [
        (round_id, f"q{n}", "right" if n in {0, 5} or n % 2 == 1 else "wrong") for n in range(6)
    ]
    # Each waiting answer reviewed its card in the same write, as an answer on time does.
    cards = holder.db.execute("SELECT question_id, reviews FROM cards ORDER BY question_id").fetchall()
    assert cards == [(f"q{n}", 1) for n in range(6)]


def test_a_round_started_while_locked_is_written_with_its_answers(
    store: Store, holder: Holder, data_dir: Path
) -> None:
    holder.hold()
    round_id = store.start_round("kim", RoundSpec(mode="drill"), 1, 2)
    store.record_answer(round_id, record(0, "q0"))
    store.record_answer(round_id, record(1, "q1"))
    store.end_round(round_id)
    holder.release()
    store.close()  # what waits is written before the file is closed
    assert store.notice is None
    rows = holder.db.execute(
        "SELECT r.mode, r.ended IS NOT NULL, a.position, a.question_id, p.name FROM answers a"
        " JOIN rounds r ON r.id = a.round_id JOIN players p ON p.id = a.player_id ORDER BY a.id"
    ).fetchall()
    assert rows == [("drill", 1, 0, "q0", "kim"), ("drill", 1, 1, "q1", "kim")]


class ReadsLocked:
    """A connection on which every read finds the file locked, as when another program
    holds it in exclusive locking mode; writes go through."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith("SELECT"):
            raise sqlite3.OperationalError("database is locked")
        return self.real.execute(sql, *args)  # type: ignore[arg-type]

    def close(self) -> None:
        self.real.close()


def test_reads_held_up_by_the_lock_do_not_stop_saving(store: Store, data_dir: Path) -> None:
    round_id = store.start_round("kim", RoundSpec(), 1, 2)
    store.record_answer(round_id, record(0, "q0"))
    real = store._db
    store._db = ReadsLocked(real)  # type: ignore[arg-type, assignment]
    assert store.history("kim").last_credit == {}  # nothing can be read for now
    assert store.answers() == []
    assert store.saving
    assert (
        store.notice == f"Progress cannot be read just now: another program is holding {store.path} locked."
    )
    store._db = real
    store.record_answer(round_id, record(1, "q1"))
    assert list(store.history("kim").last_credit) == ["q0", "q1"]
    assert store.notice is None
    with sqlite3.connect(data_dir / FILE_NAME) as db:
        assert [r[0] for r in db.execute("SELECT question_id FROM answers ORDER BY id")] == ["q0", "q1"]


def test_a_lock_that_outlasts_the_game_is_said_at_close(store: Store, holder: Holder) -> None:
    round_id = store.start_round("kim", RoundSpec(), 1, 2)
    holder.hold()
    store.record_answer(round_id, record(0, "q0"))
    store.close()
    assert store.notice is not None
    assert "stayed locked by another program, and 1 change waiting for it was lost" in store.notice
    holder.release()


def test_damage_still_moves_the_file_aside_with_answers_waiting(
    store: Store, holder: Holder, data_dir: Path
) -> None:
    round_id = store.start_round("kim", RoundSpec(), 1, 3)
    holder.hold()
    store.record_answer(round_id, record(0, "q0"))
    holder.release()

    class Damaged:
        def __init__(self, real: sqlite3.Connection) -> None:
            self.real = real

        def execute(self, *args: object) -> None:
            raise sqlite3.DatabaseError("database disk image is malformed")

        def close(self) -> None:
            self.real.close()

    store._db = Damaged(store._db)  # type: ignore[arg-type, assignment]
    store.record_answer(round_id, record(1, "q1"))
    assert store.notice is not None and "was damaged, so it was moved to" in store.notice
    moved = [p for p in data_dir.glob(f"{FILE_NAME}.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1
    # Both answers go on in memory, the waiting one first.
    assert [row.question_id for row in store.answers()] == ["q0", "q1"]


def test_the_plain_game_says_once_that_progress_waits_and_then_saves_it(
    bank: Bank, content_dir: Path, data_dir: Path, store: Store, holder: Holder
) -> None:
    spec = RoundSpec(count=3, seed=2)
    playables = GameSession(bank, spec, Store.in_memory(), "kim").round.playables
    holder.hold()
    out = io.StringIO()
    options = PlayOptions(content_dir, SEEDS, data_dir, spec, "kim")
    script = "".join(right_input(p) + "\n" for p in playables)
    game = PlainGame(GameSetup(options, bank, store, "kim"), io.StringIO(script), out)

    def release_after_the_second_answer(*_: object) -> None:
        if out.getvalue().count("+") >= 2 and holder.db.in_transaction:
            holder.release()

    original = store.record_answer

    def record_answer(round_id: int, answer: object) -> None:
        release_after_the_second_answer()
        original(round_id, answer)  # type: ignore[arg-type]

    store.record_answer = record_answer  # type: ignore[method-assign]
    assert game.run() == 0
    text = out.getvalue()
    assert text.count("Progress is waiting: another program is holding") == 1
    assert "Progress saved for kim." in text
    assert [q for _, q, _ in holder.answers()] == [p.id for p in playables]
