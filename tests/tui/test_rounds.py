"""Whole rounds through the keyboard (every type) and the mouse (choice, match)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import pytest
from textual.message import Message

from quiz.engine.kinds import QUESTION_TYPES
from quiz.engine.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.messages import StartRound
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answer import AnswerWidget
from quiz.tui.widgets.match import MatchAnswer
from tests.engine.helpers import right_answer
from tests.tui.helpers import (
    find_in,
    find_on_screen,
    right_answer_keys,
    screen_text,
    start_quick_round,
    wait_ready,
)

M = TypeVar("M", bound=Message)


async def play_right(app: QuizApp, pilot, keys_for=right_answer_keys) -> list[int]:
    """Answer every question of the round rightly; the HUD's score after each."""
    scores = []
    while isinstance(app.screen, QuestionScreen):
        screen = app.screen
        for key in keys_for(screen.playable):
            await pilot.press(key)
        await wait_ready(pilot)
        assert screen.phase == "feedback"
        assert "✔ Right" in screen_text(app)
        scores.append(screen.round.session.points)
        assert f"Score {screen.round.session.points}" in screen_text(app)
        await pilot.press("enter")
        await wait_ready(pilot)
    return scores


@pytest.mark.parametrize("kind", QUESTION_TYPES)
async def test_a_whole_round_of_each_type_by_keyboard(
    make_game_app: Callable[..., QuizApp], kind: str
) -> None:
    app = make_game_app(types=(kind,))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")  # quick round
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        session = app.screen.round.session
        total = session.total
        assert total >= 1
        assert all(p.type == kind for p in session.playables)
        scores = await play_right(app, pilot)
        assert len(scores) == total
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert f"Score {scores[-1]}" in text
        assert "Accuracy 100%" in text
        assert "No missed questions" in text

        store: Store = app.game.store  # type: ignore[union-attr]
        rows = store.answers("Ana")
        assert len(rows) == total
        assert {r.type for r in rows} == {kind}
        assert all(r.outcome == "right" for r in rows)
        assert sum(r.points for r in rows) == scores[-1]


async def test_escape_mid_round_keeps_what_was_answered(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("choice",))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        for key in right_answer_keys(screen.playable):
            await pilot.press(key)
        await wait_ready(pilot)
        await pilot.press("enter", "escape", "y")
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert len(app.game.store.answers("Ana")) == 1  # type: ignore[union-attr]


async def test_choice_round_by_mouse(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("choice",))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.click("#modes", offset=(5, 1))  # "Quick round"
        await wait_ready(pilot)
        total = app.screen.round.session.total  # type: ignore[attr-defined]
        for _ in range(total):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            answer = screen.playable.answer
            assert isinstance(answer, str)
            where = find_on_screen(app, answer[:30])
            assert where is not None, screen_text(app)
            await pilot.click(offset=where)
            await wait_ready(pilot)
            assert "✔ Right" in screen_text(app)
            # Next, with the Footer's key.
            next_key = find_on_screen(app, "Next")
            assert next_key is not None
            await pilot.click(offset=next_key)
            await wait_ready(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert all(r.outcome == "right" for r in app.game.store.answers("Ana"))  # type: ignore[union-attr]
        assert len(app.game.store.answers("Ana")) == total  # type: ignore[union-attr]


async def test_match_round_by_mouse(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("match",))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        total = app.screen.round.session.total  # type: ignore[attr-defined]
        points = 0
        for _ in range(total):
            screen = app.screen
            assert isinstance(screen, QuestionScreen)
            playable = screen.playable
            answer = playable.answer
            assert isinstance(answer, dict)
            lefts = screen.query_one("#lefts")
            rights = screen.query_one("#rights")
            for left in playable.lefts:
                for widget, text in ((lefts, left), (rights, answer[left])):
                    where = find_in(app, widget, text[:12])
                    assert where is not None, screen_text(app)
                    await pilot.click(offset=where)
            assert screen.query_one(MatchAnswer).pairs == {
                i: playable.rights.index(answer[left]) for i, left in enumerate(playable.lefts)
            }
            await pilot.click("#confirm")
            await wait_ready(pilot)
            assert "✔ Right" in screen_text(app)
            points = screen.round.session.points
            await pilot.press("enter")
            await wait_ready(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert f"Score {points}" in screen_text(app)
        rows = app.game.store.answers("Ana")  # type: ignore[union-attr]
        assert len(rows) == total and all(r.outcome == "right" for r in rows)


async def test_wrong_answer_shows_the_right_one_and_the_evidence(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("number",))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        await pilot.press("1", "enter")
        await wait_ready(pilot)
        text = screen_text(app)
        assert "✘ Wrong" in text
        assert "The answer: 2885 people" in text
        assert "Evidence" in text
        rows = app.game.store.answers("Ana")  # type: ignore[union-attr]
        assert rows[0].outcome == "wrong"


async def test_number_field_takes_only_numbers(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        await pilot.press("a", "b", "2", ",", "8", "x", "8", "5")
        assert app.screen.query_one("#number").value == "2,885"  # type: ignore[attr-defined]


async def test_a_point_grouping_thousands_is_read_as_thousands(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("number",))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_quick_round(app, pilot)
        await pilot.press("2", ".", "8", "8", "5", "enter")
        await wait_ready(pilot)
        text = screen_text(app)
        assert "✔ Right" in text
        assert "Your answer: 2885 people" in text


async def test_certainty_marking_asks_and_scores_marks(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("truefalse",), confidence=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "ConfidenceScreen"
        await pilot.press("3")
        await wait_ready(pilot)
        text = screen_text(app)
        assert "marks +3 (sure)" in text
        assert "Marks +3" in text
        row = app.game.store.answers("Ana")[0]  # type: ignore[union-attr]
        assert (row.confidence, row.marks) == (3, 3)


async def test_quitting_mid_round_keeps_the_answers(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("choice",))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        store = app.game.store  # type: ignore[union-attr]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert screen.round.ended
    assert len(store.answers("Ana")) == 1


@pytest.mark.parametrize("how", ["leave", "quit", "exit"])
async def test_an_answer_is_kept_when_the_player_goes_at_once(
    make_game_app: Callable[..., QuizApp], how: str
) -> None:
    # The answer is recorded with its verdict, before the feedback paints:
    # leaving or quitting in the same frame keeps it, once.
    app = make_game_app(types=("choice",))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        assert app.game is not None
        store = app.game.store
        await screen.give(right_answer(screen.playable), None, 2.0)
        assert len(store.answers("Ana")) == 1
        if how == "leave":
            screen.action_leave()
            await wait_ready(pilot)
            await pilot.press("y")
            await wait_ready(pilot)
            assert app.left_round is screen.round
            await app.action_quit()  # a left round is ended when the game ends
        elif how == "quit":
            await app.action_quit()
        else:
            app.exit()
    assert len(store.answers("Ana")) == 1
    assert screen.round.ended or how == "exit"


@pytest.mark.parametrize("question_type", QUESTION_TYPES)
async def test_the_answer_goes_up_as_a_message_and_is_judged_once(
    make_game_app: Callable[..., QuizApp], question_type: str
) -> None:
    # Home asks the app for the round; the answer widget posts the player's
    # answer; the screen judges and records it once, from that message alone.
    posted: list[Message] = []
    app = make_game_app(types=(question_type,), count=1)
    async with app.run_test(size=(100, 30), message_hook=posted.append) as pilot:
        screen = await start_quick_round(app, pilot)
        starts = once(m for m in posted if isinstance(m, StartRound))
        assert [m.spec.mode for m in starts] == ["quick"]
        for key in right_answer_keys(screen.playable):
            await pilot.press(key)
        await wait_ready(pilot)
        answers = once(m for m in posted if isinstance(m, AnswerWidget.Answered))
        assert [m.answer for m in answers] == [screen.playable.answer]
        assert [step.given for step in screen.round.steps] == [screen.playable.answer]
        assert app.game is not None
        assert len(app.game.store.answers("Ana")) == 1
        assert "✔ Right" in screen_text(app)


def once(messages: Iterable[M]) -> list[M]:
    """Each message once, in order (a message is seen again at each node it bubbles through)."""
    return list({id(message): message for message in messages}.values())


async def test_calibration_waits_for_enough_answers_at_a_level(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("truefalse", "choice"), count=3, confidence=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_quick_round(app, pilot)
        while isinstance(app.screen, QuestionScreen):
            await pilot.press(*right_answer_keys(app.screen.playable))
            await wait_ready(pilot)
            await pilot.press("3")
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        text = screen_text(app)
        assert "answered,  3 right (100%)  too few to judge yet (5 needed)" in text
        assert "well calibrated" not in text and "over-confident" not in text


async def test_escape_asks_before_leaving_and_home_resumes_the_round(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(types=("truefalse", "choice"), count=3)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        round_in_play = screen.round
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        await pilot.press("escape")
        await wait_ready(pilot)
        assert "Leave this round?" in screen_text(app)
        assert "2 of 3 questions are still unanswered" in screen_text(app)
        await pilot.press("n")  # stay
        await wait_ready(pilot)
        assert app.screen is screen
        await pilot.press("escape", "y")
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        assert "Resume the round you left  1 of 3 answered" in screen_text(app)
        await pilot.press("r")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.round is round_in_play and app.screen.number == 2  # the next question
        await play_right(app, pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert "over 3 of 3 questions" in screen_text(app)
        await pilot.press("escape")
        await wait_ready(pilot)
        assert "Resume the round" not in screen_text(app)


async def test_a_new_round_ends_the_round_left(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("truefalse", "choice"), count=3)
    async with app.run_test(size=(100, 30)) as pilot:
        first = (await start_quick_round(app, pilot)).round
        await pilot.press("escape", "y")
        await wait_ready(pilot)
        assert "Resume the round" in screen_text(app)
        await pilot.press("1")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert first.ended and app.left_round is None
        assert "Resume the round" not in screen_text(app)
