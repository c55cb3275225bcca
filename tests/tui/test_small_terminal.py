"""At 60x20, the smallest size the game supports: what is focused or highlighted is on screen,
a question starts at its prompt, and the home screen's options are not cut at the right edge."""

from __future__ import annotations

from collections.abc import Callable

from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from tests.tui.helpers import find_on_screen, right_answer_keys, screen_text, start_quick_round, wait_ready

SMALL = (60, 20)
# Every text of the bank carries it: each choice wraps over three lines, so four do not fit.
LONG = ", as the article puts it at some length in its own words across the page, and some more words"


async def test_the_highlighted_last_choice_of_a_long_question_is_on_screen(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(LONG, types=("choice",), count=2)
    async with app.run_test(size=SMALL) as pilot:
        screen = await start_quick_round(app, pilot)
        last = screen.playable.choices[-1][:16]
        assert find_on_screen(app, last) is None  # below the screen, to begin with
        for _ in screen.playable.choices[1:]:
            await pilot.press("down")
        await wait_ready(pilot)
        assert find_on_screen(app, last) is not None, screen_text(app)
        # And back up to the first: it comes back into view.
        await pilot.press("home")
        await wait_ready(pilot)
        assert find_on_screen(app, screen.playable.choices[0][:16]) is not None, screen_text(app)


async def test_the_next_question_starts_at_its_prompt(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(LONG, types=("choice",), count=2)
    async with app.run_test(size=SMALL) as pilot:
        first = await start_quick_round(app, pilot)
        assert find_on_screen(app, first.playable.prompt[:30]) is not None, screen_text(app)
        for key in right_answer_keys(first.playable):
            await pilot.press(key)
        await wait_ready(pilot)
        await pilot.press("enter")
        await wait_ready(pilot)
        second = app.screen
        assert isinstance(second, QuestionScreen) and second is not first
        assert "Question 2 of 2" in screen_text(app)
        assert find_on_screen(app, second.playable.prompt[:30]) is not None, screen_text(app)


async def test_the_home_options_fit_at_60_columns(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app()
    async with app.run_test(size=SMALL) as pilot:
        await wait_ready(pilot)
        app.screen.query_one("#home").scroll_end(animate=False)
        await wait_ready(pilot)
        text = screen_text(app)
        for option in ("n 6 questions", "t Topic: all", "c Certainty marking: off"):
            assert option in text, text


async def test_every_key_of_the_footer_fits_at_60_columns(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("choice",), count=2)
    async with app.run_test(size=SMALL) as pilot:
        await wait_ready(pilot)
        home_footer = screen_text(app).splitlines()[-1]
        assert "f1 Help" in home_footer and "palette" not in home_footer, home_footer
        screen = await start_quick_round(app, pilot)
        for key in right_answer_keys(screen.playable):
            await pilot.press(key)
        await wait_ready(pilot)
        feedback_footer = screen_text(app).splitlines()[-1]
        assert "Leave round" in feedback_footer and "f1 Help" in feedback_footer, feedback_footer
    async with make_game_app(types=("choice",), count=2).run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "^p palette" in screen_text(pilot.app).splitlines()[-1]  # room for it from 80 columns
