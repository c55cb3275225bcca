"""Snapshots of every screen at 100×30, and of the question and feedback at 60×20.

The data folder is a temporary one, the round's seed is fixed, and nothing on
screen depends on the time (no clocks, no dates but the articles' own).
Regenerate with `pytest tests/tui --snapshot-update` and read the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from quiz.engine.kinds import QUESTION_TYPES
from quiz.tui.app import QuizApp
from tests.tui.helpers import right_answer_keys, wait_ready, wrong_answer_keys

Snap = Callable[..., bool]


def steps(*keys: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    """Press keys, letting the app settle after each (workers, feedback preparation)."""

    async def run(pilot: Pilot[int]) -> None:
        await wait_ready(pilot)
        for key in keys:
            await pilot.press(key)
            await wait_ready(pilot)

    return run


async def answer_all(pilot: Pilot[int], *, wrong: bool = False) -> None:
    """Play the round through to its summary."""
    app = pilot.app
    while type(app.screen).__name__ == "QuestionScreen":
        playable = app.screen.playable  # type: ignore[attr-defined]
        keys = wrong_answer_keys(playable) if wrong else right_answer_keys(playable)
        for key in keys:
            await pilot.press(key)
        await wait_ready(pilot)
        await pilot.press("enter")
        await wait_ready(pilot)


def test_home(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    assert snap_compare(make_game_app(), terminal_size=(100, 30), run_before=steps())


@pytest.mark.parametrize("kind", QUESTION_TYPES)
def test_question(snap_compare: Snap, make_game_app: Callable[..., QuizApp], kind: str) -> None:
    app = make_game_app(types=(kind,), count=1)
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("1"))


def test_question_small(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("choice",), count=1)
    assert snap_compare(app, terminal_size=(60, 20), run_before=steps("1"))


def test_match_half_done(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("match",), count=1, seed=3)
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("1", "1", "b"))


def test_confidence(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("truefalse",), count=1, confidence=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("1", "t"))


def test_feedback_wrong_with_dispute(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",), count=1)
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("1", "1", "enter"))


def test_feedback_scrolled_to_dispute(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",), count=1)
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("1", "1", "enter", "end"))


def test_feedback_right_with_advice_small(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("choice",), count=1, seed=1)

    async def run(pilot: Pilot[int]) -> None:
        await steps("1")(pilot)
        await pilot.press(*right_answer_keys(pilot.app.screen.playable))  # type: ignore[attr-defined]
        await wait_ready(pilot)

    assert snap_compare(app, terminal_size=(60, 20), run_before=run)


def test_feedback_small(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",), count=1)
    assert snap_compare(app, terminal_size=(60, 20), run_before=steps("1", "1", "enter"))


def test_summary(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number", "truefalse"), count=3)

    async def run(pilot: Pilot[int]) -> None:
        await steps("1")(pilot)
        await answer_all(pilot, wrong=True)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_summary_with_certainty(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("truefalse", "choice"), count=3, confidence=True)

    async def run(pilot: Pilot[int]) -> None:
        await steps("1")(pilot)
        level = "3"
        while type(pilot.app.screen).__name__ == "QuestionScreen":
            await pilot.press(*right_answer_keys(pilot.app.screen.playable))  # type: ignore[attr-defined]
            await wait_ready(pilot)
            await pilot.press(level)
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
            level = "2"

    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_library(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    assert snap_compare(make_game_app(), terminal_size=(100, 30), run_before=steps("l", "down"))


def test_reader_at_a_passage(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",), count=1)
    assert snap_compare(app, terminal_size=(100, 30), run_before=steps("1", "1", "enter", "o"))


def test_reader_search(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app()
    assert snap_compare(
        app, terminal_size=(100, 30), run_before=steps("l", "enter", "slash", *"Putin", "enter")
    )


def test_disputes(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    assert snap_compare(make_game_app(), terminal_size=(100, 30), run_before=steps("d"))


def test_stats(
    snap_compare: Snap, make_game_app: Callable[..., QuizApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Midday: the review forecast counts by calendar day, and a card due in ten minutes is
    # due tomorrow when the round is played just before midnight.
    monkeypatch.setenv("QUIZ_NOW", "2026-12-01T12:00:00Z")
    app = make_game_app(count=8)

    async def run(pilot: Pilot[int]) -> None:
        await steps("1")(pilot)
        await answer_all(pilot)
        await pilot.press("escape")
        await steps("s")(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run)


def test_help(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    assert snap_compare(make_game_app(), terminal_size=(100, 30), run_before=steps("f1"))


def test_player_dialog(snap_compare: Snap, make_game_app: Callable[..., QuizApp]) -> None:
    assert snap_compare(make_game_app(player=None), terminal_size=(100, 30), run_before=steps())
