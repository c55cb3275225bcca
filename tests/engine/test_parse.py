"""Reading typed answers: every syntax the hint promises, and clear complaints otherwise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.engine.answers import judge
from quiz.engine.kinds import kind_of
from quiz.engine.parse import BadInput, hint, parse_answer, parse_confidence, parse_number
from tests.engine.test_answers import CHOICE, MATCH, MULTI, NUMBER, ORDER, TRUEFALSE, make


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2885", 2885.0),
        ("2,885", 2885.0),
        ("2 885", 2885.0),
        ("2\u00a0885", 2885.0),  # a no-break space, as pasted from a web page
        (" 2885 ", 2885.0),
        ("-3.5", -3.5),
        ("\u22123.5", -3.5),  # a real minus sign
        ("1,234,567.25", 1234567.25),
        (".5", 0.5),
        ("0", 0.0),
    ],
)
def test_numbers_as_people_type_them(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "Type a number"),
        ("abc", "not a number"),
        ("3,5", "decimals with a point"),
        ("2,88", "decimals with a point"),
        ("28,85", "decimals with a point"),
        ("2 885,000", "not a number"),  # mixed separators
        ("2,8850", "decimals with a point"),
        ("1e3", "not a number"),
    ],
)
def test_numbers_that_are_not_clear_are_refused_with_a_reason(text: str, complaint: str) -> None:
    result = parse_number(text)
    assert isinstance(result, BadInput)
    assert complaint in result.message


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_grouped_thousands_read_as_the_same_number(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n
    assert parse_number(str(n)) == n


def test_a_number_answer_may_carry_its_unit() -> None:
    assert parse_answer(NUMBER, "2,885 people") == 2885.0
    assert parse_answer(NUMBER, "2885 People") == 2885.0


def test_choice_by_its_number() -> None:
    assert parse_answer(CHOICE, "2") == CHOICE.choices[1]
    for bad in ("", "0", "4", "two", "1 2", "-1"):
        result = parse_answer(CHOICE, bad)
        assert isinstance(result, BadInput), bad
        assert hint(CHOICE) in result.message


def test_multi_with_spaces_or_commas() -> None:
    expected = frozenset({MULTI.choices[0], MULTI.choices[2]})
    for text in ("1 3", "1,3", "1, 3", "3 1", "1 3 3", "1;3"):
        assert parse_answer(MULTI, text) == expected, text
    assert isinstance(parse_answer(MULTI, "1 9"), BadInput)


def test_truefalse_letters_and_words() -> None:
    assert parse_answer(TRUEFALSE, "t") is True
    assert parse_answer(TRUEFALSE, "TRUE") is True
    assert parse_answer(TRUEFALSE, "f") is False
    assert isinstance(parse_answer(TRUEFALSE, "yes"), BadInput)


def test_order_every_item_once() -> None:
    assert parse_answer(ORDER, "2 4 1 3") == ("a", "b", "c", "d")
    assert parse_answer(ORDER, "2,4,1,3") == ("a", "b", "c", "d")
    twice = parse_answer(ORDER, "2 2 1 3")
    assert isinstance(twice, BadInput) and "given twice" in twice.message
    short = parse_answer(ORDER, "2 4 1")
    assert isinstance(short, BadInput) and "missing: 3" in short.message


def test_match_pairs_of_numbers_and_letters() -> None:
    # rights as shown: a = "z", b = "x", c = "y"
    assert parse_answer(MATCH, "1b 2c 3a") == {"1993": "x", "1999": "y", "2006": "z"}
    assert parse_answer(MATCH, "1B,2C,3A") == {"1993": "x", "1999": "y", "2006": "z"}
    assert parse_answer(MATCH, "1 b 2 c 3 a") == {"1993": "x", "1999": "y", "2006": "z"}
    for bad, complaint in (
        ("1b 2c", "missing: 3"),
        ("1b 1c 3a", "paired twice"),
        ("1d 2c 3a", "no letter d"),
        ("4a 2c 3a", "no number 4"),
        ("b1 c2 a3", "not a list of pairs"),
    ):
        result = parse_answer(MATCH, bad)
        assert isinstance(result, BadInput), bad
        assert complaint in result.message, (bad, result.message)


@given(st.text())
def test_no_text_crashes_the_reader(text: str) -> None:
    for playable in (CHOICE, MULTI, TRUEFALSE, NUMBER, ORDER, MATCH):
        parse_answer(playable, text)


def test_hints_name_the_syntax() -> None:
    assert "e.g. 1 3" in hint(MULTI)
    assert "t (or 1) for true, f (or 2) for false" in hint(TRUEFALSE)
    assert "2,885 and 2 885" in hint(NUMBER)
    assert "first to last" in hint(ORDER)
    assert "e.g. 1b 2a 3c" in hint(MATCH)


def test_confidence() -> None:
    assert parse_confidence(" 3 ") == 3
    assert isinstance(parse_confidence("4"), BadInput)


TROOPS = make("number", answer=20000.0, unit="troops")
SHARE = make("number", answer=3.5, tolerance=0.25)


@pytest.mark.parametrize("text", ["20.000", "20.000 troops", "20,000", "20 000", "20000"])
def test_a_point_groups_thousands_where_the_answer_is_whole(text: str) -> None:
    assert parse_answer(TROOPS, text) == 20000.0
    assert judge(TROOPS, parse_answer(TROOPS, text)).outcome == "right"  # type: ignore[arg-type]


def test_points_in_threes_group_thousands_and_a_lone_point_elsewhere_is_a_decimal() -> None:
    assert parse_answer(TROOPS, "1.234.567") == 1234567.0
    assert parse_answer(TROOPS, "20.5") == 20.5  # not three digits: a decimal, and wrong
    assert parse_answer(SHARE, "3.500") == 3.5  # a decimal answer keeps its decimal point


def test_expected_numbers_are_grouped_as_the_player_reads_them() -> None:
    assert judge(TROOPS, 20.0).expected == "20,000 troops"
    assert kind_of("number").words(TROOPS, 30000.0) == "30,000 troops"
    assert judge(NUMBER, 1.0).expected == "2885 people"  # four digits (and years) stay ungrouped


def test_letters_and_one_or_two_read_as_the_tui_reads_them() -> None:
    assert parse_answer(TRUEFALSE, "1") is True and parse_answer(TRUEFALSE, "2") is False
    assert parse_answer(CHOICE, "b") == CHOICE.choices[1]
    assert parse_answer(MULTI, "a, c") == frozenset({MULTI.choices[0], MULTI.choices[2]})
    assert isinstance(parse_answer(CHOICE, "z"), BadInput)  # no such choice
