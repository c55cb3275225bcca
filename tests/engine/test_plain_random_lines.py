"""The plain face fed random lines: it never crashes, never hangs, never prints a control character.

A round and a campaign are played from in-memory streams, as a script would
pipe them in, with lines of every sort a player could paste: any unicode,
escape sequences, C1 codes, bidi overrides, digits of other scripts, numbers
of thousands of digits, empty lines. Time is bounded against a game of short
bad lines measured in the same run, not against the clock.
"""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.content.bank import Bank
from quiz.engine.setup import GameSetup, PlayOptions
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from quiz.plain.campaign import PlainCampaign
from quiz.plain.round import EXIT_OK, QUIT_WORDS, PlainGame
from tests.campaign.campaigns import load_with_campaign
from tests.engine.helpers import SEEDS

# What a terminal would act on (C0 but newline, DEL, C1) and what reverses or hides text.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200b\ufeff]")

PAYLOADS = [
    "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07",  # OSC 52: set the clipboard
    "\x1b]0;owned\x07",  # retitle the window
    "\x1b[2J\x1b[H",  # clear the screen
    "\x9b31m",  # CSI as one C1 code
    "\u202egnp.exe",  # a right-to-left override
    "\x00\x08\x7f\x85",
]
NUMBERS = [
    "9" * 5_000,  # beyond Python's limit on turning digits into an int
    "1" + ",000" * 1_500,
    "²",
    "٢٨٨٥",
    "２８８５",
    "-0.0",
    "1e400",
]
BASELINE_LINES = 25  # as many as the longest script
ANSWERS = ["1", "2", "3", "1 2", "1,3", "t", "f", "2,885", "1b 2c 3a", "2 4 1 3", "c", "k 1", "g 1", "a 1"]

lines = st.one_of(
    st.just(""),
    st.sampled_from(PAYLOADS + NUMBERS + ANSWERS),
    st.text(max_size=60),
    st.builds(
        "{} {}".format, st.sampled_from("kdag"), st.sampled_from([*NUMBERS, "1", "2", ""])
    ),  # campaign moves
    st.text(st.characters(min_codepoint=0, max_codepoint=0x9F), max_size=30),  # control-heavy
    st.builds(lambda text, n: text * n, st.text(min_size=1, max_size=5), st.integers(1, 2_000)),
).map(lambda line: line.replace("\n", " ").replace("\r", " "))  # one line each
scripts = st.lists(lines.filter(lambda line: line.strip().lower() not in QUIT_WORDS), max_size=BASELINE_LINES)

SETTINGS = settings(
    max_examples=40,
    deadline=None,  # timed below, against the same run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SLOWER = 100  # the bound: a game of random lines against one of as many short bad lines


@pytest.fixture(scope="module")
def campaign_bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    result = load_with_campaign(tmp_path_factory.mktemp("campaign"), SEEDS)
    assert result.ok, [p.format() for p in result.errors]
    return result.bank


def play(game: type[PlainGame], bank: Bank, mode: str, script: list[str]) -> tuple[int, str, float]:
    """Play a whole game from `script`; its exit status, what it printed and how long it took."""
    spec = RoundSpec(mode=mode, count=3, seed=7)
    options = PlayOptions(Path("content"), SEEDS, Path("data"), spec, "kim")
    out = io.StringIO()
    setup = GameSetup(options, bank, Store.in_memory(), "kim")
    start = time.perf_counter()
    status = game(setup, io.StringIO("".join(line + "\n" for line in script)), out).run()
    return status, out.getvalue(), time.perf_counter() - start


def baseline(game: type[PlainGame], bank: Bank, mode: str) -> float:
    """The time a game of short bad lines takes, at best."""
    return min(play(game, bank, mode, ["x"] * BASELINE_LINES)[2] for _ in range(3))


def asks(out: str) -> int:
    """How many times the game asked for a line (each prompt starts a line)."""
    return sum(line.startswith("> ") or line == ">" for line in out.split("\n"))


def check_output(out: str) -> None:
    assert "Traceback" not in out
    found = CONTROL.search(out)
    assert found is None, f"{found.group()!r} printed at {found.start()}"


@pytest.fixture(scope="module")
def round_time(bank: Bank) -> float:
    return baseline(PlainGame, bank, "quick")


@pytest.fixture(scope="module")
def campaign_time(campaign_bank: Bank) -> float:
    return baseline(PlainCampaign, campaign_bank, "campaign")


@SETTINGS
@given(script=scripts)
def test_a_round_survives_any_lines(bank: Bank, round_time: float, script: list[str]) -> None:
    status, out, seconds = play(PlainGame, bank, "quick", script)
    assert status == EXIT_OK
    check_output(out)
    # It ends cleanly: the round was played through, or every line was read and it asked once more.
    assert "Round over." in out or ("Round ended." in out and asks(out) == len(script) + 1)
    assert seconds < SLOWER * round_time


@SETTINGS
@given(script=scripts)
def test_a_campaign_survives_any_lines(campaign_bank: Bank, campaign_time: float, script: list[str]) -> None:
    status, out, seconds = play(PlainCampaign, campaign_bank, "campaign", script)
    assert status == EXIT_OK
    check_output(out)
    assert "Journey saved. Goodbye." in out or "Campaign finished." in out
    if "Campaign finished." not in out:
        assert asks(out) == len(script) + 1  # every line was read, then the end of input
    assert seconds < SLOWER * campaign_time


def test_the_payloads_reach_the_output_harmlessly(bank: Bank) -> None:
    status, out, _ = play(PlainGame, bank, "quick", [*PAYLOADS, *NUMBERS])
    assert status == EXIT_OK
    check_output(out)
    assert "\x1b" not in out
    assert out.count("is not") >= len(PAYLOADS)  # each one answered with what to type instead
