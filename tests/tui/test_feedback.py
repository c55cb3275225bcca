"""The feedback after an answer: its passages, and how it follows the terminal and the theme.

The feedback draws its own lines (laid out while the player reads the
question), so what widgets gave for free is tested here: Tab and a click
choose a passage, `o` opens the article at the chosen one, the text wraps
again when the terminal is resized, and a new theme recolours it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.reader import ReaderScreen
from quiz.tui.widgets.feedback import FeedbackView
from tests.tui.helpers import (
    find_on_screen,
    right_answer_keys,
    screen_lines,
    screen_strips,
    screen_text,
    start_quick_round,
    wait_ready,
    wrong_answer_keys,
)

FIRST = "During 1993 Belarus, Azerbaijan and Georgia also decided to join"
SECOND = "In 1999, Georgia, Azerbaijan and Uzbekistan opted not to renew the pact"


async def show_feedback(app: QuizApp, pilot, keys: tuple[str, ...] = ()) -> QuestionScreen:
    """Start the round, answer its first question (rightly, unless `keys` are given)."""
    screen = await start_quick_round(app, pilot)
    await pilot.press(*(keys or right_answer_keys(screen.playable)))
    await wait_ready(pilot)
    assert screen.phase == "feedback"
    return screen


@pytest.mark.parametrize("given", ["Four", "Six", "Nine", "Fifteen"])
async def test_each_choice_gets_its_own_answer_lines(
    make_game_app: Callable[..., QuizApp], given: str
) -> None:
    # Every choice's lines are laid out while the player reads: the one shown
    # must be the one picked, with its own advice and the right answer if missed.
    app = make_game_app(types=("choice",), count=1)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_quick_round(app, pilot)
        await pilot.press(str(screen.playable.choices.index(given) + 1))
        await wait_ready(pilot)
        text = screen_text(app)
        assert f"Your answer: {given}" in text
        assert ("The answer: Six" in text) == (given != "Six")
        assert ("Nine was the 1993 peak" in text) == (given == "Nine")


async def test_tab_chooses_the_passage_that_o_opens(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("order",), count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await show_feedback(app, pilot)
        await pilot.press("tab")
        await pilot.press("o")
        await wait_ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert (app.screen.source_id, app.screen.quote) == ("gaspardo", SECOND)
        await pilot.press("escape")
        await wait_ready(pilot)
        assert app.screen is screen
        await pilot.press("shift+tab", "o")
        await wait_ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.quote == FIRST


async def test_a_click_chooses_a_passage(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("order",), count=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await show_feedback(app, pilot)
        where = find_on_screen(app, "In 1999, Georgia")
        assert where is not None, screen_text(app)
        await pilot.click(offset=where)
        await pilot.press("o")
        await wait_ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.quote == SECOND


async def test_the_feedback_wraps_again_when_the_terminal_is_resized(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("number",), count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await show_feedback(app, pilot, ("1", "enter"))  # a wrong number
        assert "Why: RUSSTRAT: the number of forces reached 2,885 people." in screen_text(app)
        await pilot.resize_terminal(60, 20)
        await wait_ready(pilot)
        lines = screen_text(app).splitlines()
        assert all(len(line.rstrip()) <= 60 for line in lines)
        assert any(line.strip() == "Why: RUSSTRAT: the number of forces reached 2,885" for line in lines)
        view = app.screen.query_one(FeedbackView)
        await pilot.press("end")
        await wait_ready(pilot)
        assert view.scroll_offset.y > 0
        assert "Why they differ" in screen_text(app)


async def test_a_new_theme_recolours_the_feedback(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",), count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await show_feedback(app, pilot, ("1", "enter"))  # a wrong number

        def verdict_background() -> object:
            verdict = next(s for s in screen_strips(app) if "✘ Wrong" in s.text)
            segment = next(seg for seg in verdict if "Wrong" in seg.text)
            assert segment.style is not None
            return segment.style.bgcolor

        before = verdict_background()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await wait_ready(pilot)
        assert verdict_background() != before


async def test_text_in_the_feedback_can_be_selected_with_the_mouse(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("number",), count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await show_feedback(app, pilot, ("1", "enter"))  # a wrong number
        where = find_on_screen(app, "Why: RUSSTRAT")
        assert where is not None
        x, y = where
        await pilot.mouse_down(offset=(x + 5, y))
        await pilot.hover(offset=(x + 13, y))
        await pilot.mouse_up(offset=(x + 13, y))
        await wait_ready(pilot)
        assert app.screen.get_selected_text() == "RUSSTRAT:"


async def test_a_border_given_to_the_feedback_in_css_is_drawn_round_its_text(
    make_game_app: Callable[..., QuizApp],
) -> None:
    # The feedback pads its own lines; with a border (or any box style but
    # side padding) it hands them to Textual's styling pass instead.
    app = make_game_app(types=("number",), count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await show_feedback(app, pilot, ("1", "enter"))
        screen.query_one(FeedbackView).styles.border = ("round", "red")
        await wait_ready(pilot)
        lines = screen_lines(app)
        assert any(line.lstrip().startswith("╭") for line in lines)
        why = next(line for line in lines if "Why: RUSSTRAT" in line)
        assert why.lstrip().startswith("│")


async def test_dispute_feedback_explains_once_and_sets_positions_side_by_side_at_100(
    make_game_app: Callable[..., QuizApp],
) -> None:
    from dataclasses import replace

    from textual.screen import Screen

    from quiz.engine.playable import DisputePosition

    app = make_game_app(types=("number",), count=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await show_feedback(app, pilot, ("1", "enter"))
        playable = app.screen.playable  # type: ignore[attr-defined]
        dispute = playable.dispute
        assert dispute is not None
        # Five positions, as the bank's force-size dispute has; the dispute's own words as the explanation.
        claims = [
            DisputePosition(p.source_id, p.quote, f"Claim {n}") for n, p in enumerate(dispute.positions * 3)
        ]
        five = replace(dispute, positions=tuple(claims[:5]))
        generated = replace(playable, dispute=five, explanation=five.explanation, evidence=())

        class Only(Screen[None]):
            def compose(self):
                yield FeedbackView(app.game, generated)  # type: ignore[arg-type]

        await app.push_screen(Only())
        await wait_ready(pilot)
        text = screen_text(app)
        assert text.count(five.explanation) == 1  # under "Why", not again
        assert "Why they differ" not in text
        row = next(line for line in text.splitlines() if "Claim 0" in line)
        assert all(f"Claim {n}" in row for n in range(5))  # side by side, on one line
        await pilot.resize_terminal(80, 40)
        await wait_ready(pilot)
        assert not any(all(f"Claim {n}" in line for n in range(2)) for line in screen_text(app).splitlines())


async def test_match_feedback_marks_the_wrong_pairs_in_the_answers_notation(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("match",), count=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        playable = screen.playable
        await pilot.press(*wrong_answer_keys(playable))
        await wait_ready(pilot)
        text = " ".join(screen_text(app).split())
        yours = text[text.index("Your answer:") : text.index("The answer:")]
        theirs = text[text.index("The answer:") :]
        assert yours.count("✘") == len(playable.lefts)  # every pair of this answer is wrong, and marked
        assert "✘" not in theirs.split("Why")[0]
        first = playable.lefts[0]
        assert f"{first} →" in yours and f"{first} →" in theirs
