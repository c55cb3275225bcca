"""Spaced review: the rating of an answer, the cards it reviews, the due round, the clock."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.content.bank import Bank
from quiz.engine import review
from quiz.engine import store as store_module
from quiz.engine.campaign.journey import Journey
from quiz.engine.parse import parse_answer
from quiz.engine.playable import Playable
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.store import FILE_NAME, Store
from tests.engine.helpers import right_answer, wrong_input

DAY0 = "2026-12-01T09:00:00Z"


def at(monkeypatch: pytest.MonkeyPatch, moment: str | datetime) -> None:
    text = moment if isinstance(moment, str) else moment.isoformat()
    monkeypatch.setenv(review.NOW_VARIABLE, text)


def later(days: float = 0, hours: float = 0) -> str:
    return (review.parse_now(DAY0) + timedelta(days=days, hours=hours)).isoformat()


def due_round(bank: Bank, store: Store, player: str = "kim", count: int = 10) -> GameSession:
    return GameSession(bank, RoundSpec(mode="due", count=count), store, player)


def wrong(playable: Playable) -> object:
    return parse_answer(playable, wrong_input(playable))


# --- the rating ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "confidence", "rating"),
    [
        ("wrong", None, review.AGAIN),
        ("wrong", 1, review.AGAIN),
        ("wrong", 3, review.AGAIN),
        ("partial", None, review.HARD),
        ("partial", 3, review.HARD),
        ("right", None, review.GOOD),
        ("right", 1, review.HARD),
        ("right", 2, review.GOOD),
        ("right", 3, review.EASY),
    ],
)
def test_the_rating_comes_from_the_answer_and_its_certainty(
    outcome: str, confidence: int | None, rating: int
) -> None:
    assert review.rating_for(outcome, confidence) == rating


def test_a_confident_wrong_answer_comes_back_sooner_than_a_sure_right_one() -> None:
    when = review.parse_now(DAY0)
    again = review.review(None, review.rating_for("wrong", 3), when)
    easy = review.review(None, review.rating_for("right", 3), when)
    good = review.review(None, review.rating_for("right", None), when)
    assert again.due < good.due < easy.due
    assert easy.state == review.REVIEW and again.state == review.LEARNING


# --- the clock -----------------------------------------------------------------------------


def test_quiz_now_sets_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, "2027-01-15T08:30:00+01:00")
    assert review.clock() == datetime(2027, 1, 15, 7, 30, tzinfo=timezone.utc)
    monkeypatch.delenv(review.NOW_VARIABLE)
    assert abs((review.clock() - datetime.now(timezone.utc)).total_seconds()) < 60


def test_a_bad_quiz_now_is_reported_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, "next tuesday")
    with pytest.raises(review.BadNow, match=r"QUIZ_NOW must be an ISO 8601 date-time .*'next tuesday'"):
        review.check_now()
    assert abs((review.clock() - datetime.now(timezone.utc)).total_seconds()) < 60  # play goes on


# --- every answer reviews its card ---------------------------------------------------------


def test_an_answer_reviews_its_card_in_the_same_commit(
    bank: Bank, file_store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, DAY0)
    session = GameSession(bank, RoundSpec(count=2, seed=3), file_store, "kim")
    first = session.current
    assert first is not None
    session.answer(wrong(first))  # type: ignore[arg-type]
    with sqlite3.connect(data_dir / FILE_NAME) as db:  # another reader sees both at once
        answers = db.execute("SELECT count(*) FROM answers").fetchone()[0]
        cards = db.execute("SELECT question_id, reviews, due FROM cards").fetchall()
    assert answers == 1
    assert cards == [(first.id, 1, "2026-12-01T09:01:00.000Z")]  # Again: back in a minute


def test_a_campaign_answer_reviews_the_card_too(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds_dir: Path
) -> None:
    from tests.campaign.campaigns import load_with_campaign

    at(monkeypatch, DAY0)
    result = load_with_campaign(tmp_path, seeds_dir)
    assert result.ok
    journey = Journey.new(result.bank, store, "campaign", "kim", seed=1)
    view = journey.run.questions()[0]
    journey.answer(view.ref, view.playable.answer)  # type: ignore[arg-type]
    card = store.card("kim", view.playable.id)
    assert card is not None and card.last_review == "2026-12-01T09:00:00.000Z"


# --- the due round -------------------------------------------------------------------------


def test_a_new_player_gets_the_new_questions_of_the_day_in_bank_order(bank: Bank, store: Store) -> None:
    session = due_round(bank, store, count=20)
    assert [p.id for p in session.playables] == [q.id for q in bank.questions[:10]]


def test_the_new_questions_a_day_are_limited_by_the_setting(
    bank: Bank, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, DAY0)
    store.set_setting(review.NEW_PER_DAY, "3")
    session = due_round(bank, store)
    assert session.total == 3
    for playable in session.playables:
        session.answer(playable.answer)  # type: ignore[arg-type]
    # An hour later: those three are past their learning steps; nothing new until tomorrow.
    at(monkeypatch, later(hours=1))
    again = due_round(bank, store)  # due at the same minute: in the order of their ids
    assert [p.id for p in again.playables] == sorted(p.id for p in session.playables)
    for playable in again.playables:
        again.answer(playable.answer)  # type: ignore[arg-type]
    done = due_round(bank, store)
    assert done.total == 0
    assert done.empty_reason == (
        "Nothing due: next review in 2 days (today's 3 new questions are done; more tomorrow)."
    )
    at(monkeypatch, later(days=1))
    tomorrow = due_round(bank, store)
    assert [p.id for p in tomorrow.playables] == [q.id for q in bank.questions[3:6]]


def test_due_cards_come_most_overdue_first_then_new_ones(
    bank: Bank, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_setting(review.NEW_PER_DAY, "4")
    at(monkeypatch, DAY0)
    first = due_round(bank, store)
    a, b, c, d = first.playables
    first.answer(wrong(a))  # type: ignore[arg-type]  # Again: back in a minute
    first.answer(b.answer, 3)  # type: ignore[arg-type]  # Easy: back in 8 days
    first.answer(c.answer)  # type: ignore[arg-type]  # Good: back in 10 minutes
    first.answer(d.answer, 1)  # type: ignore[arg-type]  # Hard: back in 5½ minutes
    at(monkeypatch, later(hours=2))
    second = due_round(bank, store, count=3)
    assert [p.id for p in second.playables] == [a.id, d.id, c.id]
    at(monkeypatch, later(days=1))
    third = due_round(bank, store, count=10)
    # The three are due again (still learning); then the day's four new ones.
    assert [p.id for p in third.playables][:3] == [a.id, d.id, c.id]
    assert [p.id for p in third.playables][3:] == [q.id for q in bank.questions[4:8]]


def answer_all_due(bank: Bank, store: Store) -> list[str]:
    """Answer every card due now right (at certainty 2) until none is left; the ids answered."""
    answered: list[str] = []
    while True:
        session = due_round(bank, store)
        if not session.total:
            return answered
        for playable in session.playables:
            session.answer(right_answer(playable), 2)
            answered.append(playable.id)


def test_quiz_now_a_week_ahead_brings_back_the_cards_due_by_then(
    bank: Bank, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_setting(review.NEW_PER_DAY, "3")
    at(monkeypatch, DAY0)
    session = due_round(bank, store)
    missed, easy, good = session.playables
    session.answer(wrong(missed), 3)  # type: ignore[arg-type]  # confidently wrong
    session.answer(easy.answer, 3)  # type: ignore[arg-type]  # right and sure: 8 days
    session.answer(good.answer, 2)  # type: ignore[arg-type]
    store.set_setting(review.NEW_PER_DAY, "0")
    at(monkeypatch, later(hours=1))
    # The learning steps: the missed and the merely right come back within the hour.
    assert set(answer_all_due(bank, store)) == {missed.id, good.id}
    assert due_round(bank, store).empty_reason == "Nothing due: next review tomorrow."
    at(monkeypatch, later(days=7))
    week = due_round(bank, store)
    assert {p.id for p in week.playables} == {missed.id, good.id}
    assert easy.id not in {p.id for p in week.playables}  # due on the 9th
    at(monkeypatch, later(days=8))
    assert easy.id in {p.id for p in due_round(bank, store).playables}


def test_a_removed_question_is_skipped_and_an_edited_one_keeps_its_card(
    bank: Bank, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, DAY0)
    store.set_setting(review.NEW_PER_DAY, "2")
    session = due_round(bank, store)
    kept, removed = session.playables
    session.answer(wrong(kept))  # type: ignore[arg-type]
    session.answer(wrong(removed))  # type: ignore[arg-type]
    edited = [q.model_copy(update={"prompt": "Reworded?"}) if q.id == kept.id else q for q in bank.questions]
    changed = Bank(
        questions=[q for q in edited if q.id != removed.id],
        disputes=bank.disputes,
        sources=bank.sources,
        articles=bank.articles,
    )
    store.set_setting(review.NEW_PER_DAY, "0")
    at(monkeypatch, later(hours=1))
    again = due_round(changed, store)
    assert [(p.id, p.prompt) for p in again.playables] == [(kept.id, "Reworded?")]


# --- the stats -----------------------------------------------------------------------------


def test_the_stats_forecast_retention_states_and_calibration_split(
    bank: Bank, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_setting(review.NEW_PER_DAY, "3")
    at(monkeypatch, DAY0)
    session = due_round(bank, store)
    a, b, c = session.playables
    session.answer(a.answer, 3)  # type: ignore[arg-type]  # Easy: review, due on the 9th
    session.answer(b.answer, 2)  # type: ignore[arg-type]  # learning
    session.answer(wrong(c), 3)  # type: ignore[arg-type]
    figures = review.review_stats(store, "kim", bank_ids=[q.id for q in bank.questions])
    assert figures.cards == {"new": len(bank.questions) - 3, "learning": 2, "review": 1, "relearning": 0}
    assert (figures.due_today, figures.due_tomorrow, figures.due_week, figures.due_month) == (2, 0, 2, 3)
    assert figures.forecast[8] == 1 and len(figures.forecast) == 30
    assert figures.retention is None  # no review was due yet
    at(monkeypatch, later(days=9))
    session = due_round(bank, store, count=3)
    assert [p.id for p in session.playables] == [c.id, b.id, a.id]  # a: due on the 9th
    for playable in session.playables:
        session.answer(playable.answer if playable.id == a.id else wrong(playable), 2)  # type: ignore[arg-type]
    figures = review.review_stats(store, "kim")
    assert figures.cards["new"] is None  # without the bank, new questions are not counted
    assert (figures.due_reviews, figures.retention) == (1, 1.0)
    disputed = sum(r.answered for r in figures.calibration_disputes)
    others = sum(r.answered for r in figures.calibration_others)
    assert disputed + others == 6


# --- the migration -------------------------------------------------------------------------


def test_old_answers_become_cards_replayed_in_time_order(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = sqlite3.connect(data_dir / FILE_NAME, isolation_level=None)
    store_module.migrate(db, store_module.MIGRATIONS[:2])  # the schema before spaced review
    db.execute("INSERT INTO players (id, name, created) VALUES (1, 'kim', '2026-11-01T00:00:00.000Z')")
    db.execute(
        "INSERT INTO rounds (id, player_id, mode, filters, seed, size, confidence, started)"
        " VALUES (1, 1, 'quick', '{}', 1, 3, 1, '2026-11-01T09:00:00.000Z')"
    )
    answers = [  # question, outcome, confidence, when (not in id order)
        ("q-sure", "right", 3, "2026-11-01T09:00:00.000Z"),
        ("q-missed", "right", None, "2026-11-01T09:02:00.000Z"),
        ("q-missed", "wrong", 3, "2026-11-01T09:01:00.000Z"),
        ("force~a", "right", None, "2026-11-01T09:03:00.000Z"),
    ]
    for n, (question_id, outcome, confidence, when) in enumerate(answers):
        db.execute(
            "INSERT INTO answers (round_id, player_id, position, question_id, type, topic, sources,"
            " difficulty, prompt, given, outcome, credit, points, streak, confidence, marks, seconds, answered)"
            " VALUES (1, 1, ?, ?, 'choice', 't', 's', 1, 'p', '\"x\"', ?, ?, 0, 0, ?, NULL, 1.0, ?)",
            (n, question_id, outcome, 1.0 if outcome == "right" else 0.0, confidence, when),
        )
    db.close()

    store = Store.open(data_dir)
    assert store.notice is None
    assert len(store.answers()) == 4  # nothing lost
    sure = store.card("kim", "q-sure")
    missed = store.card("kim", "q-missed")
    assert sure is not None and missed is not None
    assert sure == review.review(None, review.EASY, review.instant("2026-11-01T09:00:00.000Z"))
    # Wrong (confidently) first, then right a minute later: replayed in that order.
    expected = review.review(
        review.review(None, review.AGAIN, review.instant("2026-11-01T09:01:00.000Z")),
        review.GOOD,
        review.instant("2026-11-01T09:02:00.000Z"),
    )
    assert missed == expected
    split = store.calibration_by_dispute("kim")
    assert split == [(0, 3, 2, 1)]  # the generated question was answered without a certainty
    with sqlite3.connect(data_dir / FILE_NAME) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)
        assert check.execute("SELECT disputed FROM cards WHERE question_id = 'force~a'").fetchone() == (1,)
    store.close()


def test_a_players_cards_can_be_reset_keeping_the_answers(bank: Bank, store: Store) -> None:
    session = due_round(bank, store, count=2)
    for playable in session.playables:
        session.answer(playable.answer)  # type: ignore[arg-type]
    assert store.reset_cards("kim") == 2
    assert store.card_ids("kim") == []
    assert len(store.answers("kim")) == 2


# --- the plain face, in a real process -----------------------------------------------------


def test_the_plain_face_plays_a_month_of_due_rounds(
    bank: Bank, content_dir: Path, data_dir: Path, tmp_path: Path
) -> None:
    import subprocess

    from quiz.engine.rounds import draw
    from tests.engine.helpers import SEEDS, quiz_command, quiz_env, right_input

    def play(when: str, lines: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            quiz_command(
                "play", "--plain", "--mode", "due", "--count", "3", "--seed", "5", "--player", "kim",
                "--content", content_dir, "--seeds", SEEDS, "--data-dir", data_dir,
            ),
            input="".join(line + "\n" for line in lines),
            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path,
            env={**quiz_env(), review.NOW_VARIABLE: when}, timeout=120,
        )  # fmt: skip

    playables = draw(bank, RoundSpec(mode="due", count=3, seed=5)).playables
    assert [p.id for p in playables] == [q.id for q in bank.questions[:3]]
    first = play(DAY0, [wrong_input(p) for p in playables])
    assert first.returncode == 0, first.stderr
    assert "Due for review: 3 questions." in first.stdout
    assert first.stdout.count("Wrong.") == 3

    store = Store.open(data_dir)
    store.set_setting(review.NEW_PER_DAY, "0")
    store.close()
    # A week on: the three missed questions, and nothing new.
    week = later(days=7)
    by_due = sorted(playables, key=lambda p: p.id)  # due at the same minute: in the order of their ids
    second = play(week, [right_input(p) for p in by_due])
    assert second.returncode == 0, second.stderr
    assert all(p.prompt in second.stdout for p in playables)
    assert second.stdout.count("Right.") == 3
    third = play(week, [right_input(p) for p in by_due])  # the next learning step, minutes later
    assert third.stdout.count("Right.") == 3
    done = play(week, [])
    assert done.returncode == 0, done.stderr
    assert "Nothing due: next review in 3 days." in done.stdout


def test_a_bad_quiz_now_is_a_usage_error_not_a_traceback(content_dir: Path, tmp_path: Path) -> None:
    import subprocess

    from tests.engine.helpers import SEEDS, quiz_command, quiz_env

    result = subprocess.run(
        quiz_command("play", "--plain", "--mode", "due", "--content", content_dir, "--seeds", SEEDS),
        input="", capture_output=True, text=True, encoding="utf-8", cwd=tmp_path,
        env={**quiz_env(), review.NOW_VARIABLE: "soon", "QUIZ_DATA_DIR": str(tmp_path / "d")}, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert (
        result.stderr
        == "quiz: error: QUIZ_NOW must be an ISO 8601 date-time such as 2026-12-01T09:00, not 'soon'\n"
    )
