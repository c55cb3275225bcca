"""A round as both faces drive it: GameSession from first question to summary."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine.session import GameSession, TopicResult
from quiz.engine.setup import GameSetup, PlayOptions, start_round
from quiz.engine.spec import RoundSpec
from quiz.engine.store import FILE_NAME, Store
from tests.engine.helpers import right_answer


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def answer_right(session: GameSession) -> None:
    playable = session.current
    assert playable is not None
    session.answer(playable.answer)  # type: ignore[arg-type]


def test_a_round_from_first_question_to_summary(bank: Bank, store: Store) -> None:
    session = GameSession(bank, RoundSpec(count=3, seed=11), store, "kim")
    assert (session.index, session.total, session.finished) == (0, 3, False)
    seen = []
    while not session.finished:
        playable = session.current
        assert playable is not None
        seen.append(playable.id)
        step = session.answer(playable.answer)  # type: ignore[arg-type]
        assert step.verdict.outcome == "right"
    assert session.current is None
    assert session.index == 3
    assert session.streak == 3
    summary = session.summary()
    assert (summary.answered, summary.total, summary.best_streak, summary.accuracy) == (3, 3, 3, 1.0)
    assert summary.points == session.points > 0
    assert summary.missed == []
    assert summary.player == "kim" and summary.seed == 11 and summary.saved
    assert [a.question_id for a in store.answers("kim")] == seen


def test_ending_early_keeps_what_was_answered(bank: Bank, file_store: Store, data_dir: Path) -> None:
    session = GameSession(bank, RoundSpec(count=5, seed=2), file_store, "kim")
    answer_right(session)
    session.end()
    session.end()  # harmless twice
    assert session.finished and session.current is None
    assert session.summary().answered == 1
    assert session.summary().total == 5
    with pytest.raises(RuntimeError, match="over"):
        session.answer("anything")
    with sqlite3.connect(data_dir / FILE_NAME) as db:
        assert db.execute("SELECT count(*), min(ended IS NOT NULL) FROM rounds").fetchone() == (1, 1)
    assert len(file_store.answers()) == 1


def test_a_round_left_before_any_answer_leaves_no_trace(bank: Bank, store: Store) -> None:
    GameSession(bank, RoundSpec(count=5, seed=2), store, "kim").end()
    assert store.answers() == []


def test_the_time_taken_is_measured_unless_the_face_gives_it(bank: Bank, store: Store) -> None:
    clock = Clock()
    session = GameSession(bank, RoundSpec(count=2, seed=2), store, "kim", clock=clock)
    clock.now += 7.25
    answer_right(session)
    playable = session.current
    assert playable is not None
    session.answer(playable.answer, seconds=3.0)  # type: ignore[arg-type]
    assert [a.seconds for a in store.answers()] == [7.25, 3.0]


def test_missed_questions_and_topics_in_the_summary(bank: Bank) -> None:
    session = GameSession(
        bank, RoundSpec(topics=("reactions",), types=("choice",), count=2, seed=1), Store.in_memory()
    )
    first = session.current
    assert first is not None
    wrong = next(c for c in first.choices if c != first.answer)
    session.answer(wrong)
    answer_right(session)
    summary = session.summary()
    assert summary.missed == [first]
    assert summary.by_topic == [TopicResult("reactions", 2, 1.0)]
    assert summary.best_streak == 1


def test_review_plays_the_players_missed_questions_from_the_store(bank: Bank, store: Store) -> None:
    first = GameSession(bank, RoundSpec(types=("truefalse",), count=3, seed=4), store, "kim")
    missed = []
    while (playable := first.current) is not None:
        right = playable.id != "un-peacekeepers"
        if not right:
            missed.append(playable.id)
        first.answer(right_answer(playable) if right else not right_answer(playable))
    review = GameSession(bank, RoundSpec(mode="review"), store, "kim")
    assert [p.id for p in review.playables] == missed == ["un-peacekeepers"]
    assert GameSession(bank, RoundSpec(mode="review"), store, "someone-else").empty_reason is not None


def test_a_bad_confidence_is_refused_before_anything_is_recorded(bank: Bank, store: Store) -> None:
    session = GameSession(bank, RoundSpec(count=1, seed=1, confidence=True), store, "kim")
    playable = session.current
    assert playable is not None
    with pytest.raises(ValueError, match="1, 2 or 3"):
        session.answer(playable.answer, confidence=5)  # type: ignore[arg-type]
    assert store.answers() == [] and session.index == 0


def test_start_round_takes_spec_and_player_from_the_setup(bank: Bank, store: Store, tmp_path: Path) -> None:
    options = PlayOptions(tmp_path, tmp_path, tmp_path, RoundSpec(count=2, seed=8), "kim")
    session = start_round(GameSetup(options, bank, store, "kim"))
    assert (session.total, session.seed, session.player) == (2, 8, "kim")


def test_no_player_name_plays_as_player(bank: Bank, store: Store) -> None:
    session = GameSession(bank, RoundSpec(count=1, seed=1), store, None)
    answer_right(session)
    assert store.players() == ["player"]
