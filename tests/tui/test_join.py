"""Joining an assignment from the home screen: j, the code, and its round."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from quiz.engine import assignments
from quiz.engine.setup import load_setup
from quiz.engine.spec import RoundSpec
from quiz.tui.app import make_app
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from tests.tui.helpers import right_answer_keys, screen_text, wait_ready


async def test_j_and_the_code_start_the_assignments_round(make_options: Callable) -> None:
    options = make_options()
    setup = load_setup(options)
    made = assignments.create(setup.bank, setup.store, "Week 3", RoundSpec(count=3))
    app = make_app(options, setup=setup)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        await pilot.press("j")
        await pilot.pause()
        assert "Join an assignment" in screen_text(app)
        await pilot.press(*made.code.lower().replace("-", ""), "enter")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.round.session.playables[0].id == made.questions[0]
        await pilot.press(*right_answer_keys(screen.round.session.playables[0]))
        await wait_ready(pilot)
        await pilot.press("escape")
        await wait_ready(pilot)
    rows = setup.store.answers("Ana")
    assert [r.question_id for r in rows] == [made.questions[0]]
    assert rows[0].assignment == made.code


async def test_an_unknown_code_says_so_and_stays_home(make_game_app: Callable) -> None:
    app = make_game_app()
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        await pilot.press("j", *"ZZZZZZ", "enter")
        await wait_ready(pilot)
        assert isinstance(app.screen, HomeScreen)
        toasts = [n.message for n in app._notifications]  # toasts are not in the screen's lines
        assert any("no assignment ZZZ-ZZZ here" in t for t in toasts)


async def test_play_with_an_assignment_opens_its_round_at_once(make_options: Callable) -> None:
    options = make_options()
    setup = load_setup(options)
    made = assignments.create(setup.bank, setup.store, "Week 3", RoundSpec(count=2))
    options = replace(options, spec=made.spec)
    app = make_app(options, setup=load_setup(options))
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert [p.id for p in screen.round.session.playables] == list(made.questions)
