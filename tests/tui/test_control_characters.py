"""Nothing a pack, the store or a player writes reaches the terminal as a control sequence.

Every teacher-written field of the fixture bank, and the sources' titles,
outlets and perspectives, end with `PAYLOAD`: an OSC 52 sequence that would
set the clipboard, an OSC 0 that would retitle the window, a clear-screen,
an 8-bit CSI, a bidi override and a zero-width space. Each screen is then
read as it is painted, segment by segment, for any of those bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from quiz.engine.store import Store
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.helpers import right_answer_keys, screen_strips, screen_text, wait_ready

PAYLOAD = "\x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;owned\x07\x1b[2J\x9b31m\u202e\u200bEND"
FORBIDDEN = {chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))} - {"\n"}
FORBIDDEN |= {"\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"}
FORBIDDEN |= {"\u200b", "\u2060", "\ufeff"}


def assert_clean(app: QuizApp, where: str) -> None:
    for y, strip in enumerate(screen_strips(app)):
        for segment in strip:
            bad = sorted({hex(ord(c)) for c in segment.text if c in FORBIDDEN})
            assert not bad, f"{where}, line {y}: {bad} in {segment.text!r}"


async def test_no_screen_paints_a_control_character_from_the_pack(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(PAYLOAD, count=20)
    async with app.run_test(size=(160, 60)) as pilot:
        await wait_ready(pilot)
        assert_clean(app, "home")
        await pilot.press("1")
        await wait_ready(pilot)
        questions = 0
        while isinstance(app.screen, QuestionScreen):
            playable = app.screen.playable
            assert "END" in screen_text(app)  # the words around the payload are kept
            assert_clean(app, f"question {playable.id}")
            await pilot.press(*right_answer_keys(playable))
            await wait_ready(pilot)
            assert_clean(app, f"feedback {playable.id}")
            await pilot.press("enter")
            await wait_ready(pilot)
            questions += 1
        assert questions >= 6
        assert isinstance(app.screen, SummaryScreen)
        assert_clean(app, "summary")
        await pilot.press("escape")
        await wait_ready(pilot)
        for key, name in (("l", "library"), ("d", "disputes"), ("s", "stats")):
            await pilot.press(key)
            await wait_ready(pilot)
            assert_clean(app, name)
            if key == "l":
                await pilot.press("enter")
                await wait_ready(pilot)
                assert_clean(app, "reader")
                await pilot.press("escape")
                await wait_ready(pilot)
            await pilot.press("escape")
            await wait_ready(pilot)


async def test_a_pasted_player_name_and_one_read_back_from_the_store_are_shown_clean(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(player=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "PlayerScreen"
        await pilot.press(*"Ana", "enter")
        await wait_ready(pilot)
        # Another program writes a name with escape sequences straight into the file.
        assert app.game is not None
        store = Store.open(app.game.options.data_dir)
        store.add_player("Bob\x1b]0;owned\x07\u202e")
        store.close()
        await pilot.press("p")
        await wait_ready(pilot)
        assert "Bob" in screen_text(app)
        assert_clean(app, "the player dialog")


async def test_keys_that_look_like_digits_pick_nothing_and_crash_nothing(
    make_game_app: Callable[..., QuizApp],
) -> None:
    from quiz.tui.widgets.answer import index_for_key

    assert [index_for_key(key, 9) for key in ("²", "٣", "３", "1", "a")] == [None, None, None, 0, 0]
    app = make_game_app(types=("match",), count=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("²", "٣")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)  # still asking, no traceback
