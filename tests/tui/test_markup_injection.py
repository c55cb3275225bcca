"""Bank and article text is never markup: it shows literally, and clicking it runs nothing.

Every teacher-written field of the fixture bank (prompt, choices, items, pairs,
unit, explanation, feedback, dispute title, claims and explanation) and the
sources' titles, outlets and perspectives end with `TRICKY`, which holds a
`[@click=app.quit]` link, an unclosed `[/`, `[bold]` and `list[int]`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.engine.kinds import QUESTION_TYPES
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.bank import TRICKY
from tests.tui.helpers import find_on_screen, right_answer_keys, screen_text, start_quick_round, wait_ready

TOKENS = ["[@click=app.quit]Click", "me[/]", "[bold]x", "list[int]"]


@pytest.fixture
def tricky_app(make_game_app: Callable[..., QuizApp], monkeypatch: pytest.MonkeyPatch) -> QuizApp:
    app = make_game_app(TRICKY, count=20)
    app.quit_calls = []  # type: ignore[attr-defined]

    async def spy_quit() -> None:
        app.quit_calls.append(1)  # type: ignore[attr-defined]

    monkeypatch.setattr(app, "action_quit", spy_quit)
    return app


def assert_literal(app: QuizApp, at_least: int = 1) -> None:
    text = screen_text(app)
    for token in TOKENS:
        assert text.count(token) >= at_least, (token, text)


async def click_every_link(app: QuizApp, pilot, rows: range | None = None) -> None:
    """Click the first cell of every `[@click=app.quit]` on screen (in `rows`); nothing may run."""
    lines = screen_text(app).split("\n")
    for y, line in enumerate(lines):
        if rows is not None and y not in rows:
            continue
        x = line.find("[@click=app.quit]")
        while x >= 0:
            await pilot.click(offset=(x + 18, y))  # on "Click"
            x = line.find("[@click=app.quit]", x + 1)
    await pilot.pause()
    assert app.quit_calls == []  # type: ignore[attr-defined]
    assert app.return_code is None


async def test_every_question_and_feedback_shows_bank_text_literally(tricky_app: QuizApp) -> None:
    app = tricky_app
    async with app.run_test(size=(160, 60)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        seen_types = set()
        while isinstance(app.screen, QuestionScreen):
            screen = app.screen
            playable = screen.playable
            seen_types.add(playable.type)
            # prompt, and choices / items / pairs / unit
            expected = (
                1 + len(playable.choices) + len(playable.items) + len(playable.lefts) + len(playable.rights)
            )
            expected += 1 if playable.unit else 0
            if playable.generated:
                expected = 1  # generated questions quote the articles and name the sources
            assert_literal(app, at_least=expected)
            # The prompt's link: clicking the choices, items and pairs is playing, tested below.
            prompt = screen.query_one("#prompt").region
            await click_every_link(app, pilot, range(prompt.y, prompt.bottom))
            await pilot.press(*right_answer_keys(playable))
            await wait_ready(pilot)
            assert screen.phase == "feedback"
            assert_literal(app, at_least=2)  # at least the prompt and the explanation
            text = screen_text(app)
            if playable.dispute is not None:
                assert "Sources disagree" in text
            await click_every_link(app, pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        assert seen_types == set(QUESTION_TYPES)
        assert isinstance(app.screen, SummaryScreen)
        await click_every_link(app, pilot)


async def test_clicking_a_choice_link_answers_with_that_choice(make_game_app, monkeypatch) -> None:
    app = make_game_app(TRICKY, types=("choice",), count=1)
    calls: list[int] = []
    monkeypatch.setattr(app, "action_quit", lambda: calls.append(1))
    async with app.run_test(size=(160, 60)) as pilot:
        screen = await start_quick_round(app, pilot)
        first = screen.playable.choices[0]
        where = find_on_screen(app, first[: first.index("[@click")] + "[@click=app.quit]Click")
        assert where is not None
        await pilot.click(offset=(where[0] + len(first[: first.index("[@click")]) + 2, where[1]))
        await wait_ready(pilot)
        assert calls == [] and app.return_code is None
        assert screen.phase == "feedback"
        assert screen.step is not None and screen.step.given == first
        assert "Your answer: " + first[:40] in screen_text(app)


async def test_advice_and_evidence_titles_are_literal(tricky_app: QuizApp) -> None:
    app = tricky_app
    async with app.run_test(size=(160, 60)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        while isinstance(app.screen, QuestionScreen) and app.screen.playable.id != "members":
            await pilot.press(*right_answer_keys(app.screen.playable))
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        nine = next(i for i, c in enumerate(screen.playable.choices) if c.startswith("Nine"))
        await pilot.press(str(nine + 1))
        await wait_ready(pilot)
        text = screen_text(app)
        assert f"» Nine was the 1993 peak, by Gaspardo's account.{TRICKY}"[:60] in text
        assert f"Your answer: Nine{TRICKY}" in text
        assert "Russia's 'mini-Nato' intervenes in Kazakhstan[@click=app.quit]Click" in text
        await click_every_link(app, pilot)


async def test_library_reader_disputes_and_palette_are_literal(tricky_app: QuizApp) -> None:
    app = tricky_app
    async with app.run_test(size=(160, 60)) as pilot:
        await wait_ready(pilot)
        await pilot.press("l")
        await wait_ready(pilot)
        assert_literal(app, at_least=5)  # five source titles in the list
        await click_every_link(app, pilot)
        await pilot.press("enter")
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        assert_literal(app)
        await click_every_link(app, pilot)
        await pilot.press("escape", "escape")
        await wait_ready(pilot)
        await pilot.press("d")
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "DisputesScreen"
        assert_literal(app, at_least=4)  # the title twice, two claims, the explanation
        await click_every_link(app, pilot)
        await pilot.press("escape")
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await wait_ready(pilot)
        await pilot.press(*"open article")
        await wait_ready(pilot)
        await pilot.pause(0.3)
        assert "[@click=app.quit]Click" in screen_text(app)
        await click_every_link(app, pilot)
        assert app.quit_calls == []  # type: ignore[attr-defined]


async def test_a_player_name_that_looks_like_markup(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(player=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert type(app.screen).__name__ == "PlayerScreen"
        await pilot.press(*"[b]Ana[/b] [/", "enter")
        await wait_ready(pilot)
        assert "Player: [b]Ana[/b] [/" in screen_text(app)
