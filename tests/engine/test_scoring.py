"""Points, the streak bonus, certainty-based marks, and a round's totals."""

from __future__ import annotations

import pytest

from quiz.content.bank import Bank
from quiz.engine.playable import Verdict
from quiz.engine.scoring import Scorer, award, certainty_marks
from quiz.engine.session import Calibration, GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import right_answer

RIGHT = Verdict("right", 1.0, "")
WRONG = Verdict("wrong", 0.0, "")


def partial(credit: float) -> Verdict:
    return Verdict("partial", credit, "")


@pytest.mark.parametrize(("difficulty", "points"), [(1, 100), (2, 200), (3, 300)])
def test_points_by_difficulty(difficulty: int, points: int) -> None:
    assert award(difficulty, RIGHT, streak_before=0).points == points
    assert award(difficulty, WRONG, streak_before=0).points == 0


def test_partial_credit_scales_the_points() -> None:
    assert award(3, partial(2 / 3), 0).points == 200
    assert award(2, partial(1 / 3), 0).points == 67  # 66.67 rounds to 67


def test_the_streak_bonus_grows_ten_percent_per_right_answer_up_to_fifty() -> None:
    scorer = Scorer()
    bonuses = [scorer.score(1, RIGHT).bonus_percent for _ in range(8)]
    assert bonuses == [0, 10, 20, 30, 40, 50, 50, 50]
    assert scorer.points == 100 + 110 + 120 + 130 + 140 + 150 + 150 + 150
    assert scorer.streak == scorer.best_streak == 8


def test_a_partly_right_answer_ends_the_streak_and_gets_no_bonus() -> None:
    scorer = Scorer()
    scorer.score(2, RIGHT)
    scorer.score(2, RIGHT)
    broken = scorer.score(2, partial(0.5))
    assert (broken.streak, broken.bonus_percent, broken.points) == (0, 0, 100)
    restart = scorer.score(2, RIGHT)
    assert (restart.streak, restart.bonus_percent) == (1, 0)
    assert scorer.best_streak == 2


@pytest.mark.parametrize(
    ("confidence", "right", "wrong"),
    [(1, 1, 0), (2, 2, -2), (3, 3, -6)],
)
def test_certainty_marks_gardner_medwin(confidence: int, right: int, wrong: int) -> None:
    assert certainty_marks(confidence, right=True) == right
    assert certainty_marks(confidence, right=False) == wrong
    assert award(1, RIGHT, 0, confidence).marks == right
    assert award(1, WRONG, 0, confidence).marks == wrong
    assert award(1, partial(0.9), 0, confidence).marks == wrong  # only fully right counts as right


def test_no_confidence_no_marks() -> None:
    assert award(1, RIGHT, 0).marks is None


def test_confidence_must_be_one_two_or_three() -> None:
    with pytest.raises(ValueError, match="1, 2 or 3"):
        certainty_marks(4, right=True)


def test_a_round_reports_marks_beside_points_and_calibration(bank: Bank) -> None:
    session = GameSession(
        bank, RoundSpec(types=("truefalse",), count=3, seed=1, confidence=True), Store.in_memory()
    )
    plan = [(3, True), (3, False), (1, True)]
    for confidence, right in plan:
        playable = session.current
        assert playable is not None
        session.answer(right_answer(playable) if right else not right_answer(playable), confidence)
    summary = session.summary()
    assert summary.marks == 3 - 6 + 1
    assert session.marks == -2
    assert summary.points == 100 + 0 + 100
    assert summary.calibration == [Calibration(1, 1, 1), Calibration(3, 2, 1)]
    assert (summary.right, summary.partial, summary.wrong) == (2, 0, 1)
    assert summary.accuracy == pytest.approx(2 / 3)


def test_marks_are_not_reported_when_certainty_marking_is_off(bank: Bank) -> None:
    session = GameSession(bank, RoundSpec(count=1, seed=1), Store.in_memory())
    assert session.marks is None
    playable = session.current
    assert playable is not None
    session.answer(playable.answer)  # type: ignore[arg-type]
    assert session.summary().marks is None
