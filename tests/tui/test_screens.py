"""The screens around the rounds: home, help, palette, library, reader, disputes,
summary, stats, players, themes, and play going on when progress cannot be saved."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.engine.playable import Playable
from quiz.engine.setup import PlayOptions, load_setup
from quiz.tui import app as tui_app
from quiz.tui.app import QuizApp, make_app
from quiz.tui.messages import OpenPassage
from quiz.tui.screens.question import QuestionScreen
from tests.tui.helpers import right_answer_keys, screen_text, wait_ready, wrong_answer_keys


def name(app: QuizApp) -> str:
    return type(app.screen).__name__


async def test_help_opens_with_f1_and_question_mark_and_escape_closes(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await wait_ready(pilot)
            assert name(app) == "HelpScreen"
            assert "Answering" in screen_text(app)
            await pilot.press("escape")
            await wait_ready(pilot)
            assert name(app) == "HomeScreen"


async def test_escape_goes_back_from_every_screen(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        for key, screen in (("l", "LibraryScreen"), ("d", "DisputesScreen"), ("s", "StatsScreen")):
            await pilot.press(key)
            await wait_ready(pilot)
            assert name(app) == screen
            await pilot.press("escape")
            await wait_ready(pilot)
            assert name(app) == "HomeScreen"
        await pilot.press("l", "enter")
        await wait_ready(pilot)
        assert name(app) == "ReaderScreen"
        await pilot.press("slash")
        await pilot.press("escape")  # out of the search field first
        await wait_ready(pilot)
        assert name(app) == "ReaderScreen"
        await pilot.press("escape", "escape")
        await wait_ready(pilot)
        assert name(app) == "HomeScreen"


async def test_round_options_change_the_round(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(count=10)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("n")  # 10 -> 15
        await pilot.press("c")
        await wait_ready(pilot)
        assert "15 questions" in screen_text(app)
        assert "Certainty marking: on" in screen_text(app)
        await pilot.press("t")
        await wait_ready(pilot)
        assert name(app) == "PickScreen"
        await pilot.press("down", "enter")  # the first topic after "All topics"
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        spec = screen.round.session.spec
        assert spec.confidence and spec.count == 15 and len(spec.topics) == 1
        assert all(p.topic == spec.topics[0] for p in screen.round.session.playables)
        assert "Marks +0" in screen_text(app)


async def test_topic_drill_asks_for_a_topic(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("2")
        await wait_ready(pilot)
        assert name(app) == "PickScreen"
        await pilot.press("enter")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.round.session.spec.mode == "drill"


async def test_review_my_mistakes(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("truefalse", "number"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("4")
        await wait_ready(pilot)
        assert name(app) == "HomeScreen"  # nothing to review yet: a note, no round
        await pilot.press("1")
        await wait_ready(pilot)
        while isinstance(app.screen, QuestionScreen):
            await pilot.press(*wrong_answer_keys(app.screen.playable))
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        assert name(app) == "SummaryScreen"
        assert "Missed questions (2)" in screen_text(app)
        await pilot.press("enter")  # the first missed question's feedback again
        await wait_ready(pilot)
        assert name(app) == "FeedbackScreen"
        assert "✘ Wrong" in screen_text(app)
        await pilot.press("escape")
        await wait_ready(pilot)
        await pilot.press("r")  # play the missed ones again now
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert {p.id for p in screen.round.session.playables} == {"un", "zas"}
        await pilot.press("escape", "y")
        await wait_ready(pilot)
        await pilot.press("4")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.round.session.spec.mode == "review"


async def test_replay_missed_plays_exactly_the_missed_questions(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app(count=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("3")  # a disputes round: generated questions among them
        await wait_ready(pilot)
        missed: list[Playable] = []
        while isinstance(app.screen, QuestionScreen):
            playable = app.screen.playable
            if len(missed) < 2 and app.screen.round.session.index % 2 == 0:
                missed.append(playable)
                await pilot.press(*wrong_answer_keys(playable))
            else:
                await pilot.press(*right_answer_keys(playable))
            await wait_ready(pilot)
            await pilot.press("enter")
            await wait_ready(pilot)
        assert any("~" in p.id for p in missed)  # a generated question among the missed
        assert f"Missed questions ({len(missed)})" in screen_text(app)
        await pilot.press("r")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert list(screen.round.session.playables) == missed  # the same questions, shown the same way
        assert screen.playable.prompt[:30] in screen_text(app)


async def test_disputes_screen_plays_its_questions(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("d")
        await wait_ready(pilot)
        text = screen_text(app)
        assert "2,885 later, per Zas" in text and "2,500 troops" in text
        assert "Why they differ" in text
        await pilot.press("p")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        ids = {p.id for p in screen.round.session.playables}
        assert "zas" in ids
        assert all(p.id == "zas" or p.id.startswith("force-size~") for p in screen.round.session.playables)
        await pilot.press("escape", "y")
        await wait_ready(pilot)
        assert name(app) == "DisputesScreen"


async def test_reader_marks_cited_passages_and_leads_to_their_questions(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.post_message(OpenPassage("russtrat"))
        await wait_ready(pilot)
        assert "◆ cited by" in screen_text(app)
        await pilot.press("tab")
        await wait_ready(pilot)
        await pilot.press("enter")
        await wait_ready(pilot)
        assert name(app) == "PickScreen"
        assert "Play: " in screen_text(app)
        await pilot.press("enter")
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.round.session.total == 1


async def test_reader_search(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.post_message(OpenPassage("gaspardo"))
        await wait_ready(pilot)
        await pilot.press("slash", *"kazakhstan")
        await wait_ready(pilot)
        assert "matches" in screen_text(app)
        await pilot.press("enter")
        await wait_ready(pilot)
        assert "match 1 of" in screen_text(app)
        await pilot.press("n")
        await wait_ready(pilot)
        assert "match 2 of" in screen_text(app)


async def test_open_article_from_feedback_at_the_passage(make_game_app: Callable[..., QuizApp]) -> None:
    app = make_game_app(types=("number",))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("1")
        await wait_ready(pilot)
        await pilot.press(*right_answer_keys(app.screen.playable))  # type: ignore[attr-defined]
        await wait_ready(pilot)
        await pilot.press("o")
        await wait_ready(pilot)
        assert name(app) == "ReaderScreen"
        assert app.screen.source_id == "russtrat"  # type: ignore[attr-defined]
        assert "reached 2,885 people" in screen_text(app)
        await pilot.press("escape")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen) and app.screen.phase == "feedback"


async def test_command_palette_starts_a_round_and_opens_a_dispute(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p", *"quick round")
        await wait_ready(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape")
        await wait_ready(pilot)
        await pilot.press("ctrl+p", *"open dispute")
        await wait_ready(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_ready(pilot)
        assert name(app) == "DisputesScreen"


async def test_switching_player_is_remembered(make_options: Callable[..., PlayOptions]) -> None:
    options = make_options(player=None)
    app = make_app(options, setup=load_setup(options))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert name(app) == "PlayerScreen"
        await pilot.press(*"Bo", "enter")
        await wait_ready(pilot)
        await pilot.press("p", *"Cy", "enter")
        await wait_ready(pilot)
        assert "Player: Cy" in screen_text(app)
    again = make_app(options, setup=load_setup(options))
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert name(again) == "HomeScreen"
        assert "Player: Cy" in screen_text(again)
        await pilot.press("p")
        await wait_ready(pilot)
        assert "Bo" in screen_text(again)  # the known players are offered


async def test_theme_is_remembered(make_options: Callable[..., PlayOptions]) -> None:
    options = make_options()
    app = make_app(options, setup=load_setup(options))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.theme = "nord"
        await wait_ready(pilot)
    again = make_app(options, setup=load_setup(options))
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert again.theme == "nord"


async def test_play_goes_on_when_progress_cannot_be_saved(
    make_options: Callable[..., PlayOptions], tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    options = replace(make_options(types=("truefalse",)), data_dir=blocker / "data")
    app = make_app(options, setup=load_setup(options))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "Progress is not being saved" in screen_text(app)
        await pilot.press("1")
        await wait_ready(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert "Progress is not being saved" in screen_text(app)
        await pilot.press(*right_answer_keys(app.screen.playable))
        await wait_ready(pilot)
        assert "✔ Right" in screen_text(app)


class HeldLoading:
    """The bank's loading, held until the test lets it go; and the thread it ran in."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.thread: threading.Thread | None = None
        real = tui_app.loaded_game

        def held(options: PlayOptions) -> object:
            self.thread = threading.current_thread()
            assert self.release.wait(30)
            return real(options)

        monkeypatch.setattr(tui_app, "loaded_game", held)


@pytest.fixture
def held_loading(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldLoading]:
    held = HeldLoading(monkeypatch)
    yield held
    held.release.set()


async def test_the_bank_loads_in_a_worker_after_the_first_paint(
    make_options: Callable[..., PlayOptions], held_loading: HeldLoading
) -> None:
    app = make_app(make_options())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # The home screen is painted and answers keys while the bank is still loading.
        assert app.game is None
        assert "Quick round" in screen_text(app)
        assert "Loading the question bank…" in screen_text(app)
        assert "6 questions" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "10 questions" in screen_text(app)
        assert held_loading.thread is not None
        assert held_loading.thread is not threading.main_thread()
        held_loading.release.set()
        await wait_ready(pilot)
        assert app.game is not None
        assert "Player: Ana" in screen_text(app)


async def test_a_key_pressed_while_the_bank_loads_is_acted_on_once_it_is_loaded(
    make_options: Callable[..., PlayOptions], held_loading: HeldLoading
) -> None:
    app = make_app(make_options())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert name(app) == "HomeScreen" and app.game is None
        held_loading.release.set()
        await wait_ready(pilot)
        await wait_ready(pilot)
        assert name(app) == "QuestionScreen"
        assert "Question 1 of 6" in screen_text(app)


async def test_a_choice_made_while_loading_waits_for_a_new_players_name(
    make_options: Callable[..., PlayOptions], held_loading: HeldLoading
) -> None:
    app = make_app(make_options(player=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        held_loading.release.set()
        await wait_ready(pilot)
        assert name(app) == "PlayerScreen"
        await pilot.press(*"Dana", "enter")
        await wait_ready(pilot)
        assert name(app) == "LibraryScreen"


async def test_quitting_while_the_bank_loads_ends_at_once(
    make_options: Callable[..., PlayOptions], held_loading: HeldLoading
) -> None:
    app = make_app(make_options())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert not held_loading.release.is_set()  # the loading was still held: nothing waited for it
    assert app.return_code == 0


async def failed_start(options: PlayOptions) -> tuple[str, int]:
    """Start the game on options it cannot start with: the failure screen's text, and the exit
    status once the player leaves it."""
    app = make_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.2)
        await wait_ready(pilot)
        assert name(app) == "FailedScreen"
        text = " ".join(screen_text(app).split())
        await pilot.press("q")
        await wait_ready(pilot)
    return text, app.return_code or 0


async def test_a_bank_with_errors_is_reported_not_played(make_options: Callable[..., PlayOptions]) -> None:
    options = make_options()
    (options.content_dir / "broken.toml").write_text('[[question]]\nid = "x"\n', encoding="utf-8")
    text, status = await failed_start(options)
    assert "errors" in text
    assert status == 1


async def test_a_database_server_that_is_down_is_said_on_the_start_screen(
    make_options: Callable[..., PlayOptions],
) -> None:
    text, status = await failed_start(
        replace(make_options(), store_url="postgresql://teacher:hunter2@127.0.0.1:1/school")
    )
    assert "cannot reach the database server at 127.0.0.1:1/school" in text
    assert "hunter2" not in text
    assert status == 1


async def test_the_library_names_articles_without_ids_or_placeholders(
    make_game_app: Callable[..., QuizApp],
) -> None:
    app = make_game_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("l")
        await wait_ready(pilot)
        seen = ""
        for _ in app.game.source_ids():  # type: ignore[union-attr]
            seen += screen_text(app)
            await pilot.press("down")
            await wait_ready(pilot)
        assert "Russia’s ‘mini-NATO’ is intervening" in seen and "Russia's 'mini-Nato' intervenes" in seen
        assert "Andrea Gaspardo · 26 January 2022" in seen
        assert "not stated ·" not in seen and "afp-rewrite" not in seen


def test_one_passage_one_question_one_dispute_in_the_singular() -> None:
    from quiz.tui.game import SourceCard
    from quiz.tui.screens.library import card_content

    card = SourceCard("x", "A title", "AFP", "7 January 2022", "news", "")
    assert "1 passage cited by 1 question ·" in card_content(card, 1, 1).plain
    assert "2 passages cited by 3 questions ·" in card_content(card, 2, 3).plain
