"""The teacher's dashboard: the class's progress and item analysis, read again while pupils play."""

from __future__ import annotations

from collections.abc import Callable

from quiz.engine import assignments
from quiz.engine.setup import load_setup
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from quiz.tui.app import make_app
from quiz.tui.screens.classroom import ClassScreen
from tests.engine.helpers import right_answer
from tests.tui.bank import TRICKY
from tests.tui.helpers import screen_text, wait_ready


async def test_the_dashboard_shows_who_played_and_follows_new_answers(make_options: Callable) -> None:
    options = make_options(player="teacher")
    setup = load_setup(options)
    made = assignments.create(setup.bank, setup.store, "Week 3", RoundSpec(count=2, seed=3))
    pupils = Store.open(options.data_dir)  # another process's store on the same folder
    ana = assignments.session(setup.bank, pupils, made, "Ana")
    for playable in ana.playables:
        ana.answer(right_answer(playable))
    app = make_app(options, setup=setup, dashboard="")
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_ready(pilot)
        await wait_ready(pilot)
        assert isinstance(app.screen, ClassScreen)
        text = screen_text(app)
        assert f"Code {made.code}" in text
        assert "1 started, 1 finished" in text
        assert "Ana" in text and "100%" in text
        sneaky = assignments.session(setup.bank, pupils, made, TRICKY)
        sneaky.answer(right_answer(sneaky.playables[0]))
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "2 started, 1 finished" in text
        assert "[@click=app.quit]Click me[/]" in text  # a name is shown as typed, never as markup
        assert app.is_running
    pupils.close()


async def test_a_from_home_and_an_unknown_code_are_handled(make_options: Callable) -> None:
    options = make_options()
    setup = load_setup(options)
    app = make_app(options, setup=setup)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert any("No assignments yet" in n.message for n in app._notifications)
        assignments.create(setup.bank, setup.store, "Week 3", RoundSpec(count=2))
        await pilot.press("a")
        await wait_ready(pilot)
        assert isinstance(app.screen, ClassScreen)
        assert "0 started, 0 finished" in screen_text(app)
