"""Driving the game from tests: what is on screen, and the keys of a right answer."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.strip import Strip

from quiz.engine.kinds import kind_of
from quiz.engine.playable import Playable
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.widgets.answer_widgets import ANSWER_WIDGETS
from tests.engine.helpers import right_answer


def screen_strips(app: App[Any]) -> list[Strip]:
    """Every line on screen, as painted, with its styles: the one place tests read the screen."""
    return list(app.screen._compositor.render_strips())


def screen_lines(app: App[Any]) -> list[str]:
    """The text of every line on screen, as painted."""
    return [strip.text for strip in screen_strips(app)]


def screen_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def find_on_screen(app: QuizApp, needle: str) -> tuple[int, int] | None:
    """The (x, y) cell where `needle` starts on screen, if it is there."""
    for y, line in enumerate(screen_lines(app)):
        x = line.find(needle)
        if x >= 0:
            return x, y
    return None


async def wait_ready(pilot: Pilot[int]) -> None:
    """Let the app settle: the loaded game posted, screens mounted, feedback prepared."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def start_quick_round(app: QuizApp, pilot: Pilot[int]) -> QuestionScreen:
    """From the home screen: wait for the bank, start a quick round, return its first question."""
    await wait_ready(pilot)
    await pilot.press("1")
    await wait_ready(pilot)
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


def right_answer_keys(playable: Playable) -> list[str]:
    """Keys that give the right answer to a question, as a player would type them."""
    return ANSWER_WIDGETS[playable.type].keys_for(playable, right_answer(playable))


def wrong_answer_keys(playable: Playable) -> list[str]:
    """Keys for an answer that is not right."""
    return ANSWER_WIDGETS[playable.type].keys_for(playable, kind_of(playable.type).wrong(playable))


def find_in(app: QuizApp, widget: object, needle: str) -> tuple[int, int] | None:
    """The screen cell where `needle` starts inside `widget`'s region."""
    region = widget.region  # type: ignore[attr-defined]
    lines = screen_lines(app)
    for y in range(region.y, region.bottom):
        x = lines[y].find(needle, region.x, region.right)
        if x >= 0:
            return x, y
    return None
