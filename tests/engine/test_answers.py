"""Judging every question type, with partial credit where the type allows it."""

from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.engine.answers import judge, order_credit
from quiz.engine.kinds import kind_of
from quiz.engine.playable import Playable


def make(kind: str, **fields: object) -> Playable:
    return Playable(
        id=f"q-{kind}",
        type=kind,
        topic="t",
        difficulty=1,
        prompt="?",
        explanation="because",
        evidence=(),
        **fields,  # type: ignore[arg-type]
    )


CHOICE = make(
    "choice",
    choices=("Four", "Six", "Nine"),
    answer="Six",
    feedback={"Nine": "Nine was the 1993 peak."},
)
MULTI = make(
    "multi", choices=("A", "B", "C", "D", "E"), answer=frozenset({"A", "B", "C"}), feedback={"D": "Not D."}
)
TRUEFALSE = make("truefalse", answer=False, feedback={"true": "It forbids that."})
NUMBER = make("number", answer=2885.0, unit="people")
ROUGH = make("number", answer=250.0, tolerance=10.0)
ORDER = make("order", items=("c", "a", "d", "b"), answer=("a", "b", "c", "d"))
MATCH = make(
    "match",
    lefts=("1993", "1999", "2006"),
    rights=("z", "x", "y"),
    answer={"1993": "x", "1999": "y", "2006": "z"},
)


def test_choice_right_and_wrong_with_the_teachers_advice() -> None:
    assert judge(CHOICE, "Six").outcome == "right"
    wrong = judge(CHOICE, "Nine")
    assert (wrong.outcome, wrong.credit) == ("wrong", 0.0)
    assert wrong.expected == "Six"
    assert wrong.feedback == ("Nine was the 1993 peak.",)


def test_multi_all_right_is_full_credit() -> None:
    verdict = judge(MULTI, frozenset({"A", "B", "C"}))
    assert (verdict.outcome, verdict.credit) == ("right", 1.0)


@pytest.mark.parametrize(
    ("picks", "credit"),
    [
        ({"A"}, 1 / 3),  # one of three right choices
        ({"A", "B"}, 2 / 3),
        ({"A", "B", "D"}, 1 / 3),  # a wrong pick costs what a right one earns
        ({"A", "D"}, 0.0),
        ({"A", "D", "E"}, 0.0),  # never below zero
        ({"D", "E"}, 0.0),
        ({"A", "B", "C", "D", "E"}, 1 / 3),  # ticking everything is not a way round it
    ],
)
def test_multi_partial_credit_per_choice(picks: set[str], credit: float) -> None:
    verdict = judge(MULTI, frozenset(picks))
    assert verdict.credit == pytest.approx(credit)
    assert verdict.outcome == ("partial" if 0 < credit < 1 else "wrong")


def test_multi_advice_for_each_pick_and_the_right_choices_in_words() -> None:
    verdict = judge(MULTI, frozenset({"A", "D"}))
    assert verdict.feedback == ("Not D.",)
    assert verdict.expected == "A; B; C"


def test_truefalse() -> None:
    assert judge(TRUEFALSE, False).outcome == "right"
    wrong = judge(TRUEFALSE, True)
    assert wrong.outcome == "wrong"
    assert wrong.expected == "False"
    assert wrong.feedback == ("It forbids that.",)


def test_number_exact_and_within_tolerance() -> None:
    assert judge(NUMBER, 2885.0).outcome == "right"
    assert judge(NUMBER, 2885).outcome == "right"
    assert judge(NUMBER, 2886.0).outcome == "wrong"
    assert judge(NUMBER, 2886.0).expected == "2885 people"
    assert judge(ROUGH, 240.0).outcome == "right"
    assert judge(ROUGH, 260.0).outcome == "right"
    assert judge(ROUGH, 260.5).outcome == "wrong"
    assert judge(ROUGH, 0).expected == "250 (give or take 10)"


def test_number_tolerance_is_not_spoilt_by_floating_point() -> None:
    close = make("number", answer=0.3, tolerance=0.1)
    assert judge(close, 0.2).outcome == "right"  # 0.3 - 0.2 is 0.09999999999999998


def test_order_right_reversed_and_partly_right() -> None:
    assert judge(ORDER, ("a", "b", "c", "d")).credit == 1.0
    assert judge(ORDER, ("d", "c", "b", "a")).credit == 0.0
    one_swap = judge(ORDER, ("b", "a", "c", "d"))  # 5 of the 6 pairs in order
    assert one_swap.credit == pytest.approx(5 / 6)
    assert one_swap.outcome == "partial"
    assert one_swap.expected == "1. a; 2. b; 3. c; 4. d"


def test_order_missing_items_spoil_their_pairs() -> None:
    assert order_credit(("a", "b", "c"), ("a", "b", "c", "d")) == pytest.approx(3 / 6)


@given(st.permutations(["a", "b", "c", "d", "e"]))
def test_order_credit_counts_the_pairs_in_order(given_order: list[str]) -> None:
    right = ["a", "b", "c", "d", "e"]
    pairs = [(x, y) for i, x in enumerate(right) for y in right[i + 1 :]]
    in_order = sum(given_order.index(x) < given_order.index(y) for x, y in pairs)
    assert order_credit(given_order, right) == pytest.approx(in_order / len(pairs))


def test_order_credit_only_full_for_the_right_order() -> None:
    full = [p for p in permutations("abcd") if order_credit(p, tuple("abcd")) == 1.0]
    assert full == [tuple("abcd")]


def test_match_per_pair() -> None:
    assert judge(MATCH, {"1993": "x", "1999": "y", "2006": "z"}).outcome == "right"
    partly = judge(MATCH, {"1993": "x", "1999": "z", "2006": "y"})
    assert partly.credit == pytest.approx(1 / 3)
    assert partly.outcome == "partial"
    assert judge(MATCH, {"1993": "y", "1999": "z", "2006": "x"}).credit == 0.0
    assert judge(MATCH, {}).outcome == "wrong"
    assert partly.expected == "1993 → x; 1999 → y; 2006 → z"


@pytest.mark.parametrize(
    ("playable", "bad"),
    [
        (CHOICE, 2),
        (MULTI, "A"),
        (TRUEFALSE, "true"),
        (NUMBER, "2885"),
        (NUMBER, True),
        (ORDER, "abcd"),
        (MATCH, ["x"]),
    ],
)
def test_an_answer_of_the_wrong_form_is_refused_clearly(playable: Playable, bad: object) -> None:
    with pytest.raises(ValueError, match="answer"):
        judge(playable, bad)  # type: ignore[arg-type]


def test_match_answers_read_pair_by_pair_with_the_wrong_ones_marked() -> None:
    kind = kind_of("match")
    given = {"2006": "y", "1999": "z", "1993": "x"}  # in the order the player paired them
    assert kind.words(MATCH, given) == "1993 → x; 1999 → z ✘; 2006 → y ✘"
    assert judge(MATCH, given).expected == "1993 → x; 1999 → y; 2006 → z"  # the same order and notation
