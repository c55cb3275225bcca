"""A round left with Escape is offered again after the game is quit and started anew,
and a saved round that cannot be played on is reported in one sentence and set aside."""

from __future__ import annotations

import json
from collections.abc import Callable

from quiz.engine.left_round import SET_ASIDE, SETTING
from quiz.engine.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.helpers import right_answer_keys, screen_text, start_quick_round, wait_ready
from tests.tui.test_rounds import play_right

ROUND = {"types": ("truefalse", "choice"), "count": 3}


def notices(app: QuizApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def leave_after_one_answer(app: QuizApp) -> tuple[list[str], int]:
    """Answer the first of three rightly, leave with Escape and yes, quit: the ids drawn, the score."""
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        ids = [p.id for p in screen.round.session.playables]
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        points = screen.round.session.points
        assert points > 0
        await pilot.press("escape", "y")
        await wait_ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    app.game.store.close()  # type: ignore[union-attr]
    return ids, points


async def test_a_round_left_is_resumed_after_quitting_the_game(make_game_app: Callable[..., QuizApp]) -> None:
    ids, points = await leave_after_one_answer(make_game_app(**ROUND))

    second = make_game_app(**ROUND)
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "Resume the round you left  1 of 3 answered" in screen_text(second)
        await pilot.press("r")
        await wait_ready(pilot)
        screen = second.screen
        assert isinstance(screen, QuestionScreen)
        text = screen_text(second)
        assert "Question 2 of 3" in text and f"Score {points}" in text, text
        assert [p.id for p in screen.round.session.playables] == ids
        await play_right(second, pilot)
        assert isinstance(second.screen, SummaryScreen)
        assert "over 3 of 3 questions" in screen_text(second)
    store: Store = second.game.store  # type: ignore[union-attr]
    rows = store.answers("Ana")
    assert [r.question_id for r in rows] == ids  # the three answers, once each
    assert len({r.round_id for r in rows}) == 1  # in the one round
    store.close()

    third = make_game_app(**ROUND)  # finished: nothing to resume
    async with third.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "Resume the round" not in screen_text(third)


async def test_a_round_whose_questions_are_gone_is_reported_and_set_aside(
    make_game_app: Callable[..., QuizApp],
) -> None:
    first = make_game_app(**ROUND)
    await leave_after_one_answer(first)
    store = Store.open(first.options.data_dir)
    saved = json.loads(store.get_setting(SETTING, "Ana") or "")
    saved["questions"][1] = "a-question-since-removed"
    store.set_setting(SETTING, json.dumps(saved), "Ana")
    store.close()

    second = make_game_app(**ROUND)
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "Resume the round" not in screen_text(second)
        assert "The round you left cannot be resumed: its questions have changed since." in notices(second)
        store = second.game.store  # type: ignore[union-attr]
        assert store.get_setting(SETTING, "Ana") == ""
        assert json.loads(store.get_setting(SET_ASIDE, "Ana") or "") == saved  # kept aside, not lost
        await pilot.press("1")  # and the game plays on
        await wait_ready(pilot)
        assert isinstance(second.screen, QuestionScreen)


async def test_an_unreadable_saved_round_is_reported_in_one_sentence(
    make_game_app: Callable[..., QuizApp],
) -> None:
    first = make_game_app(**ROUND)
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
    first.game.store.set_setting(SETTING, '{"version": 1, "spec": [', "Ana")  # type: ignore[union-attr]
    first.game.store.close()  # type: ignore[union-attr]

    second = make_game_app(**ROUND)
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert notices(second) == "The round you left could not be read, so it cannot be resumed."
        assert "Resume the round" not in screen_text(second)


async def test_quitting_in_the_middle_of_a_round_keeps_it_to_resume(
    make_game_app: Callable[..., QuizApp],
) -> None:
    first = make_game_app(**ROUND)
    async with first.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(first, pilot)
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    first.game.store.close()  # type: ignore[union-attr]

    second = make_game_app(**ROUND)
    async with second.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "Resume the round you left  1 of 3 answered" in screen_text(second)


async def test_a_left_round_is_offered_to_its_own_player_only(make_game_app: Callable[..., QuizApp]) -> None:
    """On a shared machine, the next pupil is not offered (nor given) the round the last one left."""
    app = make_game_app(**ROUND)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start_quick_round(app, pilot)
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        await pilot.press("escape", "y")
        await wait_ready(pilot)
        assert "Resume the round you left  1 of 3 answered" in screen_text(app)

        await pilot.press("p", *"Bo", "enter")
        await wait_ready(pilot)
        assert "Bo" in screen_text(app)
        assert "Resume the round" not in screen_text(app)
        await pilot.press("r")  # nothing to resume for Bo
        await wait_ready(pilot)
        assert not isinstance(app.screen, QuestionScreen)

        await pilot.press("p", *"Ana", "enter")
        await wait_ready(pilot)
        assert "Resume the round you left  1 of 3 answered" in screen_text(app)
        await pilot.press("r")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.round.session.player == "Ana"
        assert "Question 2 of 3" in screen_text(app)
