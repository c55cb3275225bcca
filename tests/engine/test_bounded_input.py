"""No typed line makes a reader slow or crash: long lines, odd digits, huge numbers.

Time is compared within the run, never against the clock: reading a line ten
times as long must take about ten times as long (a reader that backtracks or
compares every number with every other takes a hundred times or never ends).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from quiz.engine.kinds import QUESTION_TYPES
from quiz.engine.kinds.common import MAX_DIGITS, SHOWN_INPUT
from quiz.engine.parse import BadInput, parse_answer, parse_number
from tests.engine.test_answers import CHOICE, MATCH, MULTI, NUMBER, ORDER, TRUEFALSE

PLAYABLES = {p.type: p for p in (CHOICE, MULTI, TRUEFALSE, NUMBER, ORDER, MATCH)}

# Each shape, as a function of the line's length: a line of that shape, that long.
SHAPES: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "spaced digits": lambda n: ("1 " * n)[:n],
    "letters": lambda n: ("ab" * n)[:n],
    "separators": lambda n: (" ,;" * n)[:n],
    "pairs": lambda n: ("1a 2b " * n)[:n],
    "pairs, then junk": lambda n: ("1a 2b " * n)[: n - 1] + "!",
    "digits and spaces, no letter": lambda n: ("1 1  " * n)[: n - 1] + "x",
    "grouped thousands": lambda n: ("1" + ",000" * n)[:n],
    "unicode digits": lambda n: ("²٣３ " * n)[:n],
    "control characters": lambda n: ("\x1b[2J\x00" * n)[:n],
}

# The bound on t(10 n) / t(n): linear is 10, so 40 leaves room for a busy machine;
# quadratic work gives 100 and backtracking far more.
SCALE = 10
BOUND = 40


def best_time(read: Callable[[], object]) -> float:
    """The fastest of several timings of `read`, each over enough calls to be measurable."""
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            read()
        if time.perf_counter() - start > 0.002:
            break
        calls *= 2
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(calls):
            read()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kind", PLAYABLES)
def test_reading_a_line_ten_times_as_long_takes_about_ten_times_as_long(kind: str, shape: str) -> None:
    playable = PLAYABLES[kind]
    short, long = SHAPES[shape](1_000), SHAPES[shape](1_000 * SCALE)
    assert len(long) == 10_000
    result = parse_answer(playable, long)
    if isinstance(result, BadInput):
        # What the player reads back is a sentence, not their whole line.
        assert len(result.message) < 400, result.message[:100]
    ratio = best_time(lambda: parse_answer(playable, long)) / best_time(lambda: parse_answer(playable, short))
    assert ratio < BOUND, f"{kind}, {shape}: 10 times the input took {ratio:.0f} times as long"


def test_the_match_answer_that_once_hung_is_refused_at_once() -> None:
    # Digits and spaces with no letter made the old pattern try every way of splitting the spaces.
    line = "1 " * 45 + "x"
    short = best_time(lambda: parse_answer(MATCH, "1 x"))
    result = parse_answer(MATCH, line)
    assert isinstance(result, BadInput) and "is not a list of pairs" in result.message
    assert best_time(lambda: parse_answer(MATCH, line)) < 200 * short


def test_a_long_list_of_pairs_is_read_pair_by_pair() -> None:
    assert parse_answer(MATCH, "1b, 2c; 3a  ") == {"1993": "x", "1999": "y", "2006": "z"}
    repeated = parse_answer(MATCH, "1b 2c 3a " * 1_000)
    assert isinstance(repeated, BadInput) and "Number 1 is paired twice" in repeated.message


@pytest.mark.parametrize(
    "digit", ["²", "٢", "２", "৩", "߂"]
)  # superscript, Arabic-Indic, fullwidth, Bengali, N'Ko
def test_digits_other_than_0_to_9_are_refused_for_every_numbered_answer(digit: str) -> None:
    for playable in (CHOICE, MULTI, ORDER):
        result = parse_answer(playable, digit)
        assert isinstance(result, BadInput), playable.type
        assert f"'{digit}' is not the number of" in result.message
    spaced = parse_answer(MULTI, f"1 {digit}")
    assert isinstance(spaced, BadInput) and f"'{digit}' is not the number of a choice" in spaced.message
    number = parse_number(digit * 4)
    assert isinstance(number, BadInput)
    assert "type a number like 2885, with the digits 0 to 9" in number.message
    pairs = parse_answer(MATCH, f"{digit}a 2b 3c")
    assert isinstance(pairs, BadInput) and "is not a list of pairs" in pairs.message


def test_huge_numbers_are_refused_politely() -> None:
    huge = "9" * 5_000  # beyond Python's limit on turning digits into an int
    for playable in (CHOICE, MULTI, ORDER):
        result = parse_answer(playable, huge)
        assert isinstance(result, BadInput), playable.type
        assert "that high" in result.message and huge not in result.message
    pairs = parse_answer(MATCH, f"{huge}a 2b 3c")
    assert isinstance(pairs, BadInput) and "There is no number that high" in pairs.message
    for text in (huge, "1" + ",000" * 2_000, "0." + huge, "-" + huge):
        number = parse_number(text)
        assert isinstance(number, BadInput), text[:20]
        assert "type a number like 2885" in number.message
        assert len(number.message) < 200


def test_the_longest_number_allowed_is_still_a_number() -> None:
    assert parse_number("9" * MAX_DIGITS) == float("9" * MAX_DIGITS)
    assert parse_answer(CHOICE, "0" * 100 + "2") == CHOICE.choices[1]  # leading zeros are not digits too many
    assert isinstance(parse_number("9" * (MAX_DIGITS + 1)), BadInput)


def test_a_complaint_quotes_the_start_of_a_long_line() -> None:
    result = parse_answer(TRUEFALSE, "y" * 10_000)
    assert isinstance(result, BadInput)
    assert result.message.startswith("'" + "y" * SHOWN_INPUT + "…'")


def test_no_reader_trips_on_a_line_that_grows_when_lowered() -> None:
    # "İ".lower() is two characters: readers work on the lowered line, whatever its length.
    for playable in PLAYABLES.values():
        assert isinstance(parse_answer(playable, "İ" * 10_000), BadInput)


def test_every_question_type_is_timed() -> None:
    assert set(PLAYABLES) == set(QUESTION_TYPES)
