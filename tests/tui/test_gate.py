"""The door of a served game: the name first, and the class code when the teacher set one."""

from __future__ import annotations

from collections.abc import Callable

from quiz.engine.setup import load_setup
from quiz.tui.app import make_app
from quiz.tui.screens.gate import GateScreen, code_matches
from quiz.tui.screens.home import HomeScreen
from tests.tui.helpers import screen_text, wait_ready


def test_a_code_matches_in_any_case_with_or_without_its_dash() -> None:
    assert code_matches("k7q3xd", "K7Q-3XD")
    assert code_matches(" K7Q 3XD ", "K7Q-3XD")
    assert not code_matches("K7Q-3XE", "K7Q-3XD")
    assert not code_matches("", "K7Q-3XD")


async def test_a_served_game_asks_the_code_then_the_name_before_anything(make_options: Callable) -> None:
    options = make_options(player=None)
    setup = load_setup(options)
    setup.store.add_player("Somebody else")
    setup.store.set_setting("last_player", "Somebody else")
    setup.player = "Somebody else"  # the shared folder's last player is another pupil
    app = make_app(options, setup=setup, served=True, class_code="K7Q-3XD")
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, GateScreen)
        assert "class code" in screen_text(app)
        assert app.game is None  # the home screen has not got the game yet
        await pilot.press(*"WRONG", "enter")
        await pilot.pause()
        assert "That is not the class code" in screen_text(app)
        assert isinstance(app.screen, GateScreen)
        await pilot.press(*"k7q3xd", "enter")
        await pilot.press(*"Zoe", "enter")
        await wait_ready(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Player: Zoe" in screen_text(app)
        assert app.game is not None and app.game.player == "Zoe"
    assert "Zoe" in setup.store.players()


async def test_a_served_game_without_a_code_asks_only_the_name(make_options: Callable) -> None:
    options = make_options(player=None)
    app = make_app(options, setup=load_setup(options), served=True)
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, GateScreen)
        assert "class code" not in screen_text(app).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert "Type your name" in screen_text(app)
        await pilot.press(*"Ana", "enter")
        await wait_ready(pilot)
        assert "Player: Ana" in screen_text(app)


async def test_a_game_at_the_keyboard_has_no_gate(make_game_app: Callable) -> None:
    app = make_game_app()
    async with app.run_test() as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, HomeScreen)
