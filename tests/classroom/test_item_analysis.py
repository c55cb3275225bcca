"""Item analysis on a small fixed class, against figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.engine import assignments, classroom
from quiz.engine.spec import RoundSpec
from quiz.engine.store import AnswerRecord, Store
from tests.engine.helpers import right_answer

# Four players, three choice questions (1 = right). Totals 3, 2, 1, 0.
CLASS = {
    "Ana": [("x", 1), ("x", 1), ("x", 1)],
    "Ben": [("x", 1), ("B", 0), ("x", 1)],
    "Cy": [("x", 1), ("B", 0), ("C", 0)],
    "Dee": [("A", 0), ("D", 0), ("C", 0)],
}


@pytest.fixture
def graded(tmp_path: Path) -> tuple[Store, assignments.Assignment]:
    store = Store.open(tmp_path / "d")
    made = assignments.Assignment(
        code="K7Q-3XD",
        uid="u" * 32,
        title="Hand-checked",
        spec=RoundSpec(seed=1, count=3, assignment="K7Q-3XD"),
        questions=("q1", "q2", "q3"),
        due=None,
        created="2027-01-01T00:00:00.000Z",
    )
    store.add_assignment(assignments._row(made))
    for n, (player, answers) in enumerate(CLASS.items()):
        round_id = store.start_round(player, made.spec, 1, 3)
        for position, (given, credit) in enumerate(answers):
            store.record_answer(
                round_id,
                AnswerRecord(
                    position=position, question_id=f"q{position + 1}", type="choice", topic="t",
                    sources=("s",), difficulty=1, prompt=f"Question {position + 1}?", given=given,
                    outcome="right" if credit else "wrong", credit=float(credit), points=100 * credit,
                    streak=0, confidence=None, marks=None, seconds=10.0 * (n + 1),
                ),
            )  # fmt: skip
        store.end_round(round_id)
    return store, made


def test_facility_discrimination_wrong_answers_and_time_match_the_hand_figures(graded) -> None:
    store, made = graded
    report = classroom.report(store, made)
    assert (report.started, report.finished) == (4, 4)
    q1, q2, q3 = report.items
    assert [q1.facility, q2.facility, q3.facility] == [0.75, 0.25, 0.5]
    # Item against the rest: q1 (1,1,1,0) vs (2,1,0,0): 0.75 / sqrt(0.75 * 2.75) = 0.5222;
    # q2 (1,0,0,0) vs (2,2,1,0): the same; q3 (1,1,0,0) vs (2,1,1,0): 1 / sqrt(2) = 0.7071.
    assert [q1.discrimination, q2.discrimination, q3.discrimination] == [0.5222, 0.5222, 0.7071]
    assert (q1.common_wrong, q1.common_wrong_count) == ("A", 1)
    assert (q2.common_wrong, q2.common_wrong_count) == ("B", 2)
    assert (q3.common_wrong, q3.common_wrong_count) == ("C", 2)
    assert q1.median_seconds == 25.0
    assert [(p.player, p.score, p.right) for p in report.players] == [
        ("Ana", 3.0, 3), ("Ben", 2.0, 2), ("Cy", 1.0, 1), ("Dee", 0.0, 0),
    ]  # fmt: skip
    assert json.loads(classroom.to_json(report))["items"][1]["facility"] == 0.25


def test_discrimination_needs_three_players_and_some_spread() -> None:
    assert classroom.pearson([1, 1, 1], [0, 1, 2]) is None  # everyone right: no spread
    assert classroom.pearson([1.0], [2.0]) is None


def test_a_player_who_played_twice_counts_by_their_first_finished_attempt(graded) -> None:
    store, made = graded
    again = store.start_round("Dee", made.spec, 1, 3)
    store.record_answer(
        again,
        AnswerRecord(
            0, "q1", "choice", "t", ("s",), 1, "Question 1?", "x", "right", 1.0, 100, 1, None, None, 5.0
        ),
    )
    report = classroom.report(store, made)
    dee = next(p for p in report.players if p.player == "Dee")
    assert (dee.answered, dee.score, dee.finished) == (3, 0.0, True)
    assert report.items[0].facility == 0.75


def test_the_disagreement_map_counts_the_source_each_answer_credited(bank, store) -> None:
    from quiz.engine.build import source_labels

    made = assignments.create(bank, store, "Disputes", RoundSpec(mode="disputes", count=8))
    playables = assignments.session(bank, Store.in_memory(), made, "x").playables
    which = [p for p in playables if p.id.endswith("~which")]
    assert which, "the fixture bank's disputes give 'which article says this?' questions"
    question = which[0]
    by_label = {label: sid for sid, label in source_labels(bank).items()}
    chosen = next(c for c in question.choices if c != question.answer)
    for name, given in (("Ana", right_answer(question)), ("Ben", chosen), ("Cy", chosen)):
        game = assignments.session(bank, store, made, name)
        for p in game.playables:
            game.answer(given if p is game.playables[playables.index(question)] else right_answer(p))
    report = classroom.report(store, made, bank)
    assert question.dispute is not None
    sides = {s.source: s for s in report.sides if s.dispute == question.dispute.title}
    assert sides[by_label[chosen]].chosen >= 2
    assert sides[by_label[str(question.answer)]].chosen >= 1
    assert all(s.answers >= 3 for s in sides.values())
