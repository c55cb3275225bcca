"""The progress store: what it keeps, how it survives kills, crowds and damage."""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.content.bank import Bank
from quiz.engine import store as store_module
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.store import FILE_NAME, AnswerRecord, Store
from tests.conftest import NewStores
from tests.engine import stores
from tests.engine.helpers import SEEDS, quiz_command, quiz_env


def record(position: int, question_id: str = "q", credit: float = 1.0) -> AnswerRecord:
    return AnswerRecord(
        position=position,
        question_id=question_id,
        type="multi",
        topic="t",
        sources=("a", "b"),
        difficulty=2,
        prompt="Which?",
        given=frozenset({"y", "x"}),
        outcome="right" if credit == 1 else "wrong",
        credit=credit,
        points=200,
        streak=1,
        confidence=2,
        marks=2,
        seconds=1.5,
    )


def count_answers(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / FILE_NAME) as db:
        return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])


# --- what is kept ------------------------------------------------------------------------


def test_rounds_and_answers_are_kept_with_everything_given(store: Store, store_url: str) -> None:
    store = store
    round_id = store.start_round("Kim", RoundSpec(mode="drill", topics=("deployment",), seed=4), 4, 10)
    store.record_answer(round_id, record(0))
    store.end_round(round_id)
    store.close()

    again = Store.connect(store_url)
    (row,) = again.answers()
    again.close()
    assert (row.player, row.mode, row.question_id, row.position) == ("Kim", "drill", "q", 0)
    assert row.given == ["x", "y"]
    assert (row.credit, row.points, row.confidence, row.marks, row.seconds) == (1.0, 200, 2, 2, 1.5)
    assert row.sources == ("a", "b")
    assert row.answered.endswith("Z") and row.answered > row.round_started[:10]
    ((mode, filters, seed, ended),) = stores.query(store_url, "SELECT mode, filters, seed, ended FROM rounds")
    assert (mode, seed) == ("drill", 4)
    assert '"topics": ["deployment"]' in filters
    assert ended is not None


def test_the_database_is_in_wal_mode_with_a_schema_version(file_store: Store, data_dir: Path) -> None:
    with sqlite3.connect(data_dir / FILE_NAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.schema_version()


def test_players_settings_and_the_last_player(store: Store, bank: Bank) -> None:
    store = store
    assert store.players() == []
    assert store.last_player() is None
    GameSession(bank, RoundSpec(count=1, seed=1), store, "zoë")
    assert store.last_player() == "zoë"
    store.add_player("Adam")
    store.add_player("adam")  # the same player
    assert store.players() == ["Adam"]
    store.set_setting("theme", "textual-dark")
    store.set_setting("theme", "solarized", player="Adam")
    assert store.get_setting("theme") == "textual-dark"
    assert store.get_setting("theme", player="adam") == "solarized"
    assert store.get_setting("nothing") is None


def test_history_knows_the_latest_answer_to_each_question(store: Store) -> None:
    store = store
    round_id = store.start_round("kim", RoundSpec(), 1, 10)
    for position, (qid, credit) in enumerate([("a", 0.0), ("b", 0.0), ("a", 1.0), ("c", 0.5), ("b", 0.0)]):
        store.record_answer(round_id, record(position, qid, credit))
    history = store.history("KIM")
    assert history.last_credit == {"a": 1.0, "b": 0.0, "c": 0.5}
    assert history.missed == ("b", "c")  # most recently missed first; "a" was got right since
    assert store.history("someone else").last_credit == {}


# --- schema versions -------------------------------------------------------------------------


def test_an_older_database_is_migrated_forward_keeping_its_data(
    store: Store, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store
    round_id = store.start_round("kim", RoundSpec(), 1, 10)
    store.record_answer(round_id, record(0))
    store.close()
    version_two = ("ALTER TABLE answers ADD COLUMN hint_used INTEGER NOT NULL DEFAULT 0",)
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, version_two])

    upgraded = Store.connect(store_url)
    assert upgraded.notice is None
    assert len(upgraded.answers()) == 1
    upgraded.close()
    assert stores.schema_version(store_url) == len(store_module.MIGRATIONS)
    assert stores.query(store_url, "SELECT hint_used FROM answers") == [(0,)]


def test_a_database_from_a_newer_version_is_left_alone(store_url: str) -> None:
    first = Store.connect(store_url)
    round_id = first.start_round("kim", RoundSpec(), 1, 1)
    first.record_answer(round_id, record(0))
    first.close()
    stores.set_schema_version(store_url, 99)
    opened = Store.connect(store_url)
    assert opened.notice is not None
    assert "newer version of quiz" in opened.notice
    assert opened.notice.startswith("Progress is not being saved")
    assert not opened.saving
    opened.record_answer(opened.start_round("kim", RoundSpec(), 1, 1), record(0))
    opened.close()
    assert stores.schema_version(store_url) == 99  # not moved, not migrated: it is not damaged
    assert stores.count_answers(store_url) == 1  # nor written


# --- damage ------------------------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_moved_aside_and_the_game_goes_on(
    data_dir: Path, bank: Bank
) -> None:
    data_dir.mkdir()
    garbage = b"this is not a database\n" * 200
    (data_dir / FILE_NAME).write_bytes(garbage)
    opened = Store.open(data_dir)
    assert opened.notice is not None
    assert opened.notice.startswith("Progress is not being saved: the progress file was damaged")
    assert opened.notice.count(".") >= 1 and opened.notice.endswith("a new one.")
    (moved,) = data_dir.glob(f"{FILE_NAME}.damaged-*")
    assert moved.read_bytes() == garbage  # never deleted
    assert str(moved) in opened.notice
    session = GameSession(bank, RoundSpec(count=2, seed=1), opened, "kim")
    playable = session.current
    assert playable is not None
    session.answer(playable.answer)  # type: ignore[arg-type]
    assert len(opened.answers()) == 1  # kept in memory
    assert session.summary().saved is False
    assert Store.open(data_dir).notice is None  # the next game starts a new file


def test_a_damaged_database_is_moved_aside(file_store: Store, data_dir: Path) -> None:
    round_id = file_store.start_round("kim", RoundSpec(), 1, 300)
    for position in range(300):
        file_store.record_answer(round_id, record(position, f"question-{position}"))
    file_store.close()
    path = data_dir / FILE_NAME
    data = bytearray(path.read_bytes())
    assert len(data) > 5 * 4096
    data[2 * 4096 : 4 * 4096] = b"\xa5" * (2 * 4096)  # scribble over two pages
    path.write_bytes(bytes(data))
    opened = Store.open(data_dir)
    assert opened.notice is not None and "damaged" in opened.notice
    assert not path.exists()
    assert len(list(data_dir.glob(f"{FILE_NAME}.damaged-*"))) == 1


def test_an_unwritable_data_folder_is_reported_in_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    opened = Store.open(blocker / "data")
    assert opened.notice is not None
    assert opened.notice.startswith("Progress is not being saved: cannot create the data folder")
    assert opened.notice.count(". ") == 0 and opened.notice.endswith(").")
    round_id = opened.start_round("kim", RoundSpec(), 1, 1)
    opened.record_answer(round_id, record(0))
    assert len(opened.answers()) == 1


def test_a_database_that_cannot_be_opened_is_reported(data_dir: Path) -> None:
    (data_dir / FILE_NAME).mkdir(parents=True)  # a folder in the file's place
    opened = Store.open(data_dir)
    assert opened.notice is not None
    assert opened.notice.startswith("Progress is not being saved: cannot")
    assert (data_dir / FILE_NAME).is_dir()


def test_a_failure_mid_round_switches_to_memory_and_keeps_playing(file_store: Store, bank: Bank) -> None:
    session = GameSession(bank, RoundSpec(count=3, seed=1), file_store, "kim")
    first = session.current
    assert first is not None
    session.answer(first.answer)  # type: ignore[arg-type]
    file_store._db.close()  # the disk goes away
    second = session.current
    assert second is not None
    session.answer(second.answer)  # type: ignore[arg-type]
    assert file_store.notice is not None and file_store.notice.startswith("Progress is no longer being saved")
    assert not file_store.saving
    assert [row.question_id for row in file_store.answers()] == [second.id]
    assert session.summary().saved is False


class Damaged:
    """A connection whose file turns out to be damaged only once the game is under way."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def execute(self, *args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    def close(self) -> None:
        self.real.close()


def test_damage_found_mid_round_moves_the_file_aside_and_keeps_playing(
    file_store: Store, data_dir: Path, bank: Bank
) -> None:
    session = GameSession(bank, RoundSpec(count=2, seed=1), file_store, "kim")
    file_store._db = Damaged(file_store._db)  # type: ignore[arg-type, assignment]
    playable = session.current
    assert playable is not None
    session.answer(playable.answer)  # type: ignore[arg-type]
    assert file_store.notice is not None
    assert file_store.notice.startswith(
        "Progress is no longer being saved: the progress file was damaged, so it was moved to"
    )
    assert not (data_dir / FILE_NAME).exists()
    assert len(list(data_dir.glob(f"{FILE_NAME}.damaged-*"))) == 1
    assert [row.question_id for row in file_store.answers()] == [playable.id]


def test_stats_reading_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    opened = Store.open(tmp_path / "nowhere", create=False)
    assert opened.notice is None
    assert opened.answers() == []
    assert not (tmp_path / "nowhere").exists()


# --- processes ----------------------------------------------------------------------------------


def test_a_game_killed_mid_round_keeps_every_answer_given_before(
    content_dir: Path, store_url: str, tmp_path: Path
) -> None:
    command = quiz_command(
        "play", "--plain", "--type", "choice", "--count", "8", "--seed", "3", "--player", "kim",
        "--content", content_dir, "--seeds", SEEDS, "--db", store_url,
    )  # fmt: skip
    game = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=quiz_env(),
    )
    watchdog = threading.Timer(60, game.kill)
    watchdog.start()
    assert game.stdin is not None and game.stdout is not None
    try:
        for _ in range(3):
            game.stdin.write("1\n")
            game.stdin.flush()
            # The verdict is printed after the answer is committed: it is the readiness signal.
            while not (line := game.stdout.readline()).startswith(("Right.", "Wrong.")):
                assert line, "the game ended early"
        game.stdin.write("1\n")  # a fourth answer, in flight
        game.stdin.flush()
        game.send_signal(signal.SIGKILL)
        assert game.wait() == -signal.SIGKILL
    finally:
        watchdog.cancel()
        game.kill()
        game.communicate()

    after = Store.connect(store_url)
    assert after.notice is None
    assert after.integrity() == "ok"
    answers = after.answers("kim")
    after.close()
    assert len(answers) in (3, 4)
    assert [a.position for a in answers[:3]] == [0, 1, 2]


WRITER = """
import sys
from quiz.engine.spec import RoundSpec
from quiz.engine.store import AnswerRecord, Store

url, player, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = Store.connect(url)
assert store.notice is None, store.notice
round_id = store.start_round(player, RoundSpec(), 1, count)
print("ready", flush=True)
sys.stdin.readline()  # wait until both writers are ready
for position in range(count):
    store.record_answer(round_id, AnswerRecord(
        position, f"q{position}", "choice", "t", ("s",), 1, "?", "x", "right", 1.0, 100, 1, None, None, 0.1))
store.close()
print("done", store.notice, flush=True)
"""


def test_two_games_writing_at_once_lose_nothing(store_url: str, tmp_path: Path) -> None:
    Store.connect(store_url).close()
    per_writer = 400
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, store_url, name, str(per_writer)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env=quiz_env(),
        )
        for name in ("ann", "bob")
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    outputs = [w.communicate("go\n", timeout=120) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert out.strip() == "done None"
    after = Store.connect(store_url)
    assert stores.count_answers(store_url) == 2 * per_writer
    for name in ("ann", "bob"):
        assert [a.position for a in after.answers(name)] == list(range(per_writer))
    after.close()


def _open_when_told(url: str, go: Any, notices: Any) -> None:
    go.wait()
    store = Store.connect(url)
    notices.put(store.notice)
    store.close()


def test_games_starting_at_once_on_a_new_store_all_save(new_store_url: NewStores) -> None:
    """Several games creating the store at the same moment: none falls back to memory.

    SQLite refuses the switch to WAL with "database is locked" without waiting
    when another process makes it at the same moment; before the retry, about
    one start in six lost a game's progress. On PostgreSQL the first to take
    the schema's advisory lock creates it; the others wait, then find it made.
    """
    context = multiprocessing.get_context("fork")
    attempts = 12 if new_store_url.backend == "postgresql" else 60  # a database each: dearer
    for _ in range(attempts):
        url = new_store_url()
        go, notices = context.Event(), context.Queue()
        games = [context.Process(target=_open_when_told, args=(url, go, notices)) for _ in range(6)]
        for game in games:
            game.start()
        go.set()
        for game in games:
            game.join(timeout=30)
        assert [notices.get(timeout=5) for _ in games] == [None] * 6
        assert stores.schema_version(url) == store_module.schema_version()


@given(
    st.one_of(
        st.text(),
        st.booleans(),
        st.integers(),
        st.lists(st.text(max_size=5), max_size=4),
        st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=3),
    )
)
def test_every_answer_reads_back_as_it_was_given(given_value: Any) -> None:
    """What a player typed comes back from the store unchanged, quotes, backslashes and all."""
    assert store_module.given_from_json(store_module.given_to_json(given_value)) == given_value
