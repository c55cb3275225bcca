"""Spaced review in the TUI: the due mode by key and palette, the count on home, the stats."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.engine import review
from quiz.engine.setup import PlayOptions, load_setup
from quiz.tui.app import QuizApp, make_app
from quiz.tui.screens.question import QuestionScreen
from tests.tui.helpers import right_answer_keys, screen_text, wait_ready, wrong_answer_keys

DAY0 = "2026-12-01T09:00:00Z"


def app_with_new_per_day(make_options: Callable[..., PlayOptions], new: int) -> QuizApp:
    options = make_options(types=("truefalse", "number"))  # the kinds the helpers answer wrongly
    setup = load_setup(options)
    setup.store.set_setting(review.NEW_PER_DAY, str(new))
    return make_app(options, setup=setup)


async def test_a_learner_studies_the_due_cards_over_days(
    make_options: Callable[..., PlayOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(review.NOW_VARIABLE, DAY0)
    app = app_with_new_per_day(make_options, 2)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "6  Due for review  spaced review" in screen_text(app)  # nothing due yet
        await pilot.press("6")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.round.session.spec.mode == "due"
        first_ids = [p.id for p in screen.round.session.playables]
        assert len(first_ids) == 2  # the day's two new questions
        while isinstance(app.screen, QuestionScreen):
            await pilot.press(*wrong_answer_keys(app.screen.playable))
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        await pilot.press("escape")  # the summary, back home
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Due for review  2 due today" in screen_text(app)

        monkeypatch.setenv(review.NOW_VARIABLE, "2026-12-01T10:00:00Z")  # an hour on
        await pilot.press("ctrl+p", *"review what is due")
        await wait_ready(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert sorted(p.id for p in screen.round.session.playables) == sorted(first_ids)
        while isinstance(app.screen, QuestionScreen):
            await pilot.press(*right_answer_keys(app.screen.playable))
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        await pilot.press("escape")
        await wait_ready(pilot)

        await pilot.press("s")
        await wait_ready(pilot)
        text = screen_text(app)
        assert "Spaced review" in text
        assert "Due 2 today, 0 tomorrow, 2 in 7 days, 2 in 30" in text
        assert "Cards " in text and "2 learning" in text
        assert "today, then the next 29 days" in text


async def test_nothing_due_says_when_the_next_review_is(
    make_options: Callable[..., PlayOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(review.NOW_VARIABLE, DAY0)
    app = app_with_new_per_day(make_options, 0)
    notes: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        original = app.notify

        def notify(message: str, *args: object, **kwargs: object) -> None:
            notes.append(message)
            original(message, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(app, "notify", notify)
        await pilot.press("6")
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert notes == ["Nothing due: no question answered yet."]
