"""The campaign, full screen: played by keyboard to its best ending, saved and resumed,
restarted, shown literally whatever its text holds, and snapshotted.

The campaign is the small one of tests/campaign/campaigns.py (three scenes,
one contradiction, three endings) over the test bank of tests/content/banks.py,
with the fixed sources of tests/tui/bank.py, in a temporary folder; the data
folder is temporary and the seed fixed, so nothing on screen moves between runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.engine.setup import PlayOptions, load_setup
from quiz.engine.spec import RoundSpec
from quiz.tui.app import QuizApp, make_app
from quiz.tui.messages import OpenCampaign
from quiz.tui.screens.campaign import CampaignScreen
from quiz.tui.screens.campaign_dialogs import ExamineScreen, IntroScreen, RestartScreen, ResumeScreen
from quiz.tui.screens.campaign_steps import CampaignQuestionScreen, ContradictionScreen
from quiz.tui.screens.campaign_views import EndingScreen, JourneyScreen, NotebookScreen
from quiz.tui.screens.home import HomeScreen
from tests.campaign.campaigns import CAMPAIGN, load_with_campaign
from tests.tui.bank import write_seeds
from tests.tui.helpers import find_in, right_answer_keys, screen_text, wait_ready, wrong_answer_keys

SEED = 5
Snap = Callable[..., bool]


def campaign_options(
    tmp_path: Path, seeds_dir: Path, campaign: str = CAMPAIGN, mode: str = "quick"
) -> PlayOptions:
    """The test bank and `campaign` in tmp_path/content, fixed sources, a fresh data folder.

    The mode is "quick": the tests open the campaign themselves, by posting `OpenCampaign`
    (with "campaign", the app opens it by itself once the bank is loaded).
    """
    seeds = write_seeds(tmp_path, seeds_dir)
    result = load_with_campaign(tmp_path, seeds, campaign)
    assert result.ok, [p.format() for p in result.errors]
    return PlayOptions(
        content_dir=tmp_path / "content",
        seeds_dir=seeds,
        data_dir=tmp_path / "data",
        spec=RoundSpec(mode=mode, seed=SEED),
        player="ana",
    )


def campaign_app(options: PlayOptions) -> QuizApp:
    return make_app(options, setup=load_setup(options))


@pytest.fixture
def options(tmp_path: Path, seeds_dir: Path) -> PlayOptions:
    return campaign_options(tmp_path, seeds_dir)


async def press(pilot: Pilot[int], *keys: str) -> None:
    """Press keys one by one, letting the app settle after each, as a person would."""
    for key in keys:
        await pilot.press(key)
        await wait_ready(pilot)


async def open_it(pilot: Pilot[int]) -> None:
    await wait_ready(pilot)
    pilot.app.post_message(OpenCampaign())
    await wait_ready(pilot)


async def answer_right(pilot: Pilot[int], number: int = 1) -> None:
    """From the scene: open question `number`, answer it rightly, read the feedback, come back."""
    await press(pilot, "a", str(number))
    screen = pilot.app.screen
    assert isinstance(screen, CampaignQuestionScreen)
    await press(pilot, *right_answer_keys(screen.playable))
    assert screen.phase == "feedback"
    assert "✔ Right" in screen_text(pilot.app)
    await press(pilot, "enter")
    assert isinstance(pilot.app.screen, CampaignScreen)


async def to_the_library(pilot: Pilot[int]) -> None:
    """Open the campaign, keep the newsroom's evidence, answer its question, go to the library."""
    await open_it(pilot)
    await press(pilot, "enter")  # the intro
    await press(pilot, "k")
    await answer_right(pilot)
    await press(pilot, "g", "1")


def hud(app: QuizApp) -> str:
    return screen_text(app).split("\n")[0]


def notices(app: QuizApp) -> str:
    """The notifications raised so far, title and message (toasts are not in the screen's lines)."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


# --- playing ---------------------------------------------------------------------------------


async def test_the_keyboard_plays_to_the_best_ending(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_it(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert "The test briefing" in screen_text(app) and "Your editor wants a briefing." in screen_text(app)
        await press(pilot, "enter")

        scene = app.screen
        assert isinstance(scene, CampaignScreen)
        text = screen_text(app)
        assert "The newsroom" in hud(app) and "Score 0/5" in hud(app)
        assert "Newsroom · 7 January 2022" in text and "The reports pile up." in text
        # A closed exit says what it still needs, and does not open.
        assert "needs: answer the question" in text and "“How many states are in the" in text
        await press(pilot, "g", "1")
        assert "Not open yet" in notices(app)
        assert scene.cg.scene.id == "newsroom"

        # Evidence: `e` goes to its list, `k` keeps the highlighted piece.
        await press(pilot, "e", "k")
        assert scene.cg.run.state.notebook == ["zas"]
        assert "in your notebook" in screen_text(app)
        await answer_right(pilot)
        assert "Score 1/5" in hud(app)
        assert "→ Read the February analysis" in screen_text(app)
        await press(pilot, "g", "1")

        assert "The library" in hud(app)
        await press(pilot, "k", "down", "k")
        assert scene.cg.run.state.notebook == ["zas", "feb", "un"]
        await press(pilot, "c")
        contradiction = app.screen
        assert isinstance(contradiction, ContradictionScreen)
        assert "Two figures for one force. Why?" in screen_text(app)
        await press(pilot, "1", "2", "enter")
        assert contradiction.step == "reason" and "Yes: those two conflict." in screen_text(app)
        await press(pilot, "1")
        assert contradiction.step == "solved"
        text = screen_text(app)
        assert "✔ Solved" in text and "Different days, official figures and estimates." in text
        assert "Score 4/5" in hud(app)
        await press(pilot, "enter")
        assert app.screen is scene
        assert "✔ Solved" in screen_text(app)

        await answer_right(pilot)
        await press(pilot, "g", "1")
        assert isinstance(app.screen, EndingScreen)
        text = screen_text(app)
        assert "The briefing" in text and "Your editor reads." in text
        assert "Ending: Front page" in text and "Well supported." in text
        assert "Your score: 5 of 5" in text

        store = app.game.store
        [result] = store.campaign_results("ana")
        assert (result.campaign, result.ending, result.score, result.max_score) == (
            "campaign",
            "front-page",
            5,
            5,
        )
        assert store.load_campaign("ana", "campaign") is None
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


async def test_mistakes_cost_points_and_lead_to_a_lesser_ending(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_it(pilot)
        await press(pilot, "enter", "k", "a", "1")
        question = app.screen
        assert isinstance(question, CampaignQuestionScreen)
        await press(pilot, *wrong_answer_keys(question.playable))
        assert "✘ Wrong" in screen_text(app) and "you may try again" in screen_text(app)
        await press(pilot, "enter")
        scene = app.screen
        assert isinstance(scene, CampaignScreen)
        assert "needs: answer the question" in screen_text(app)
        await answer_right(pilot)
        assert scene.cg.score == 0  # right, but not at the first try
        await press(pilot, "g", "1", "k", "down", "k", "c")
        contradiction = app.screen
        assert isinstance(contradiction, ContradictionScreen)
        await press(pilot, "1", "3", "enter")  # 2,885 and the UN unit: no clash
        assert contradiction.step == "pair" and "do not contradict" in notices(app)
        await press(pilot, "1", "2", "3")  # a third tick is refused
        assert contradiction.ticked == ["zas", "feb"] and "Two entries only" in notices(app)
        await press(pilot, "enter")
        assert contradiction.step == "reason"
        await press(pilot, "2")  # "One outlet invented it"
        assert contradiction.step == "reason" and "not that" in screen_text(app)
        await press(pilot, "1", "enter")
        await answer_right(pilot)
        await press(pilot, "g", "1")
        assert isinstance(app.screen, EndingScreen)
        text = screen_text(app)
        assert "Ending: Page six" in text and "Your score: 1 of 5" in text
        [result] = app.game.store.campaign_results("ana")  # type: ignore[union-attr]
        assert (result.ending, result.score) == ("inside", 1)
        # The journey can still be looked at, and the game played again from here.
        await press(pilot, "j")
        assert isinstance(app.screen, JourneyScreen)
        assert "The briefing" in screen_text(app) and "contradiction solved" in screen_text(app)
        await press(pilot, "escape", "r")
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, CampaignScreen) and app.screen.cg.scene.id == "newsroom"


async def test_save_quit_and_resume_returns_to_the_same_scene_and_notebook(options: PlayOptions) -> None:
    first = campaign_app(options)
    async with first.run_test(size=(100, 30)) as pilot:
        await to_the_library(pilot)
        await press(pilot, "k")
        scene = first.screen
        assert isinstance(scene, CampaignScreen)
        state = scene.cg.run.state
        assert (state.scene, state.notebook, state.score) == ("library", ["zas", "feb"], 1)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert first.return_code is not None
    first.game.store.close()  # type: ignore[union-attr]

    second = campaign_app(options)
    async with second.run_test(size=(100, 30)) as pilot:
        await open_it(pilot)
        assert isinstance(second.screen, ResumeScreen)
        assert "you are at The library" in screen_text(second)
        assert "Score 1 of 5, 2 notebook entries, 2 places visited." in screen_text(second)
        await press(pilot, "r")
        resumed = second.screen
        assert isinstance(resumed, CampaignScreen)  # no intro when resuming
        assert "The library" in hud(second) and "A later analysis." in screen_text(second)
        assert resumed.cg.run.state.notebook == ["zas", "feb"]
        assert resumed.cg.run.state.visited == ["newsroom", "library"]
        await press(pilot, "n")
        assert isinstance(second.screen, NotebookScreen)
        text = screen_text(second)
        assert "reached 2,885 people" in text and "after 2,500 of its troops" in text
        await press(pilot, "escape", "j")
        assert isinstance(second.screen, JourneyScreen)
        assert "The newsroom" in screen_text(second) and "you are here" in screen_text(second)
        await press(pilot, "escape", "escape")
        assert isinstance(second.screen, HomeScreen)
        # Leaving keeps the journey: opening it again offers to resume it.
        await open_it(pilot)
        assert isinstance(second.screen, ResumeScreen)


async def test_restart_asks_first_and_start_again_forgets_the_save(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_library(pilot)
        await press(pilot, "r")
        assert isinstance(app.screen, RestartScreen)
        assert "Start the campaign again?" in screen_text(app)
        await press(pilot, "n")
        assert isinstance(app.screen, CampaignScreen) and app.screen.cg.scene.id == "library"
        await press(pilot, "r", "y")
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "enter")
        scene = app.screen
        assert isinstance(scene, CampaignScreen)
        assert scene.cg.scene.id == "newsroom" and scene.cg.run.state.notebook == [] and scene.cg.score == 0
        assert app.game is not None
        assert app.game.store.load_campaign("ana", "campaign") is None
        await press(pilot, "k", "escape")
        # A save exists again; "start again" from the resume dialog forgets it too.
        await open_it(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await press(pilot, "n")
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, CampaignScreen) and app.screen.cg.run.state.notebook == []


async def click_text(pilot: Pilot[int], widget: object, needle: str) -> None:
    """Click the first cell of `needle` inside `widget`, as painted."""
    where = find_in(pilot.app, widget, needle)  # type: ignore[arg-type]
    assert where is not None, (needle, screen_text(pilot.app))
    await pilot.click(offset=where)
    await wait_ready(pilot)


async def test_the_mouse_plays_too(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_it(pilot)
        await pilot.click("#camp-begin")
        await wait_ready(pilot)
        scene = app.screen
        assert isinstance(scene, CampaignScreen)
        await click_text(pilot, scene.query_one("#camp-evidence"), "reached 2,885")  # examine it
        assert isinstance(app.screen, ExamineScreen)
        assert "Evidence 1 of 1" in screen_text(app)
        await pilot.click("#camp-examine-keep")
        await wait_ready(pilot)
        assert app.screen is scene and scene.cg.run.state.notebook == ["zas"]
        await click_text(pilot, scene.query_one("#camp-questions"), "How many states")
        question = app.screen
        assert isinstance(question, CampaignQuestionScreen)
        right = question.playable.answer
        assert isinstance(right, str)
        await click_text(pilot, question.query_one("#choices"), right)
        assert question.phase == "feedback"
        await press(pilot, "escape")
        await click_text(pilot, scene.query_one("#camp-exits"), "Read the February analysis")
        assert scene.cg.scene.id == "library"

        await click_text(pilot, scene.query_one("#camp-evidence"), "after 2,500")
        await pilot.click("#camp-examine-keep")
        await wait_ready(pilot)
        await click_text(pilot, scene.query_one("#camp-contradiction"), "Two figures")
        contradiction = app.screen
        assert isinstance(contradiction, ContradictionScreen)
        pair = contradiction.query_one("#camp-pair")
        await click_text(pilot, pair, "reached 2,885")
        await click_text(pilot, pair, "after 2,500")
        assert contradiction.ticked == ["zas", "feb"]
        await pilot.click("#camp-pin")
        await wait_ready(pilot)
        assert contradiction.step == "reason"
        await click_text(pilot, contradiction.query_one("#camp-reasons"), "Different days")
        assert contradiction.step == "solved" and scene.cg.score == 4


async def test_the_scene_works_at_60_by_20(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(60, 20)) as pilot:
        await to_the_library(pilot)
        assert "The library" in hud(app)
        await press(pilot, "g")
        text = screen_text(app)
        assert "To the briefing" in text and "needs: keep" in text
        await press(pilot, "n")
        assert isinstance(app.screen, NotebookScreen)
        assert "reached 2,885 people" in screen_text(app)


async def test_the_stats_show_finished_journeys_and_one_under_way(options: PlayOptions) -> None:
    from textual.screen import Screen

    from quiz.tui.widgets.campaign_widgets import CampaignStats

    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_library(pilot)
        await press(pilot, "k", "down", "k", "c", "1", "2", "enter", "1", "enter")
        await answer_right(pilot)
        await press(pilot, "g", "1", "enter")
        await open_it(pilot)
        await press(pilot, "enter", "k", "escape")  # a new journey, saved

        game = app.game
        assert game is not None
        stats = Screen[None]()
        await app.push_screen(stats)
        await stats.mount(CampaignStats(game))
        await wait_ready(pilot)
        text = screen_text(app)
        assert "Campaigns" in text
        assert "5 of 5  The test briefing: Front page" in text
        assert "Under way  The test briefing" in text
        assert "Best 5 of 5   Finished 1 time" in text


async def test_the_stats_show_nothing_without_a_campaign_played(options: PlayOptions) -> None:
    from textual.screen import Screen

    from quiz.tui.widgets.campaign_widgets import CampaignStats

    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        stats = Screen[None]()
        await app.push_screen(stats)
        widget = CampaignStats(app.game)  # type: ignore[arg-type]
        await stats.mount(widget)
        await wait_ready(pilot)
        assert not widget.display and "Campaigns" not in screen_text(app)


async def test_a_new_player_is_asked_for_a_name_first(options: PlayOptions) -> None:
    from quiz.tui.screens.player import PlayerScreen

    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert app.game is not None
        app.game.setup.player = None  # nobody chosen yet
        await open_it(pilot)
        assert isinstance(app.screen, PlayerScreen)
        await press(pilot, "B", "e", "a", "enter")
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "enter", "k")
        assert app.game.player == "Bea"
        assert app.game.store.load_campaign("Bea", "campaign") is not None


async def test_an_unreadable_save_starts_a_new_journey(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.game.store.save_campaign("ana", "campaign", "{not json")  # type: ignore[union-attr]
        await open_it(pilot)
        assert "could not be read" in notices(app)
        assert isinstance(app.screen, IntroScreen)


async def test_mode_campaign_opens_the_campaign_at_once(tmp_path: Path, seeds_dir: Path) -> None:
    app = campaign_app(campaign_options(tmp_path, seeds_dir, mode="campaign"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "enter", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_home_and_palette_open_the_campaign(options: PlayOptions) -> None:
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await press(pilot, "5")
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "enter", "k", "escape")
        await press(pilot, "ctrl+p")
        for key in "play the campaign":
            await pilot.press(key if key != " " else "space")
        await wait_ready(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, ResumeScreen)


async def test_open_campaign_without_a_campaign_says_so(tmp_path: Path, seeds_dir: Path) -> None:
    from tests.tui.bank import write_content

    seeds = write_seeds(tmp_path, seeds_dir)
    options = PlayOptions(
        content_dir=write_content(tmp_path),
        seeds_dir=seeds,
        data_dir=tmp_path / "data",
        spec=RoundSpec(seed=SEED),
        player="ana",
    )
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_it(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "This content has no campaign" in notices(app)


# --- content is never markup -------------------------------------------------------------------

TRICKY = "[@click=app.quit]x[/] [/ [bold]y"
TOKENS = ["[@click=app.quit]x[/]", "[/ [bold]y"]
ARTICLE = "004_3015bca6c6aaec53.txt"  # the February analysis
PLANTED = f"The desk note said {TRICKY} and nothing more."


def tricky_campaign() -> str:
    import json

    def t(text: str) -> str:
        return json.dumps(f"{text} {TRICKY}", ensure_ascii=False)

    quote = json.dumps(f"{TRICKY} and nothing more", ensure_ascii=False)
    return f"""\
title = {t("The test briefing")}
intro = {t("Your editor wants a briefing.")}

[[scene]]
id = "newsroom"
title = {t("The newsroom")}
place = {t("Newsroom")}
date = 2022-01-07
text = {t("The reports pile up.")}
evidence = [
  {{ id = "zas", source = "russtrat", quote = "reached 2,885 people", note = {t("A note")} }},
  {{ id = "feb", source = "feb-analysis", quote = "after 2,500 of its troops entered Kazakhstan" }},
  {{ id = "odd", source = "feb-analysis", quote = {quote} }},
]
questions = ["members"]
exits = [
  {{ label = {t("Closed way")}, to = "briefing", requires = {{ questions = ["members"] }} }},
  {{ label = {t("Open way")}, to = "briefing" }},
]
[scene.contradiction]
dispute = "size"
prompt = {t("Two figures?")}
reasons = [{t("Right reason")}, {t("Wrong reason")}]
answer = {t("Right reason")}

[[scene]]
id = "briefing"
title = {t("The briefing")}
place = {t("Office")}
text = {t("Your editor reads.")}
final = true

[[ending]]
id = "only"
title = {t("The end")}
text = {t("It is over.")}
"""


@pytest.fixture
def tricky_app(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> QuizApp:
    seeds = write_seeds(tmp_path, seeds_dir)
    article = seeds / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + f"\n\n{PLANTED}\n", encoding="utf-8")
    result = load_with_campaign(tmp_path, seeds, tricky_campaign())
    assert result.ok, [p.format() for p in result.errors]
    options = PlayOptions(
        content_dir=tmp_path / "content",
        seeds_dir=seeds,
        data_dir=tmp_path / "data",
        spec=RoundSpec(seed=SEED),
        player="ana",
    )
    app = campaign_app(options)
    app.quit_calls = []  # type: ignore[attr-defined]

    async def spy_quit() -> None:
        app.quit_calls.append(1)  # type: ignore[attr-defined]

    monkeypatch.setattr(app, "action_quit", spy_quit)
    return app


def count_literal(app: QuizApp) -> int:
    """How many times the whole tricky text is on screen, character for character."""
    return screen_text(app).count(TRICKY)


async def click_links(app: QuizApp, pilot: Pilot[int], rows: range | None = None) -> None:
    """Click the `x` of every `[@click=app.quit]x` on screen (in `rows`); nothing may quit."""
    lines = screen_text(app).split("\n")
    for y, line in enumerate(lines):
        if rows is not None and y not in rows:
            continue
        x = line.find("[@click=app.quit]")
        while x >= 0:
            await pilot.click(offset=(x + len("[@click=app.quit]"), y))
            x = line.find("[@click=app.quit]", x + 1)
    await wait_ready(pilot)
    assert app.quit_calls == []  # type: ignore[attr-defined]
    assert app.return_code is None


async def test_campaign_text_is_shown_literally_and_clicking_it_runs_nothing(tricky_app: QuizApp) -> None:
    app = tricky_app
    async with app.run_test(size=(160, 50)) as pilot:
        await open_it(pilot)
        assert count_literal(app) >= 2  # title, intro
        await click_links(app, pilot)
        await press(pilot, "enter")

        scene = app.screen
        assert isinstance(scene, CampaignScreen)
        # hud title, place, text, the note, the planted quote, the prompt, two exit labels
        assert count_literal(app) >= 8
        text_region = scene.query_one("#camp-text").region
        await click_links(app, pilot, range(text_region.y, text_region.bottom))
        exits = scene.query_one("#camp-exits").region
        await click_links(app, pilot, range(exits.y + 1, exits.y + 2))  # the closed way: says what it needs
        assert scene.cg.scene.id == "newsroom"
        assert f"Closed way {TRICKY}" in notices(app)  # the notice's title, literal

        # The planted quote, examined inside its paragraph.
        await press(pilot, "e", "3")
        assert isinstance(app.screen, ExamineScreen)
        assert PLANTED in screen_text(app)  # in its paragraph, the quoted words highlighted
        await click_links(app, pilot)
        await press(pilot, "k")
        await press(pilot, "1")
        await press(pilot, "k")
        await press(pilot, "2")
        await press(pilot, "k")
        assert scene.cg.run.state.notebook == ["odd", "zas", "feb"]
        await press(pilot, "n")
        assert isinstance(app.screen, NotebookScreen)
        assert count_literal(app) >= 3  # the planted quote, in the list and in its paragraph; the hud
        await click_links(app, pilot)
        await press(pilot, "escape", "j")
        assert isinstance(app.screen, JourneyScreen)
        assert count_literal(app) >= 4  # the title, twice; the place; the campaign's title
        await click_links(app, pilot)
        await press(pilot, "escape")

        await press(pilot, "c")
        contradiction = app.screen
        assert isinstance(contradiction, ContradictionScreen)
        assert count_literal(app) >= 3  # hud title, prompt, the planted quote in the pair list
        await press(pilot, "2", "3", "enter")
        assert contradiction.step == "reason"
        reasons = contradiction.query_one("#camp-reasons")
        wrong_row = next(
            y for y, line in enumerate(screen_text(app).split("\n")) if "Wrong reason [@click" in line
        )
        assert reasons.region.y <= wrong_row < reasons.region.bottom
        await click_links(app, pilot, range(wrong_row, wrong_row + 1))  # gives that reason: wrong
        assert contradiction.step == "reason" and 1 in contradiction.tried_reasons
        await press(pilot, "1")
        assert contradiction.step == "solved"
        assert "Right reason " + TOKENS[0] in screen_text(app)
        await click_links(app, pilot)
        await press(pilot, "enter", "g", "2")

        assert isinstance(app.screen, EndingScreen)
        assert count_literal(app) >= 4  # the final scene's title and text, the ending's title and text
        await click_links(app, pilot)
        assert app.game.store.campaign_results("ana")[0].ending == "only"


# --- snapshots -------------------------------------------------------------------------------------


def steps(
    *keys: str, setup: Callable[[Pilot[int]], Awaitable[None]] | None = None
) -> Callable[[Pilot[int]], Awaitable[None]]:
    """Open the campaign, press keys, and clear the notifications (their timing is not the screen's)."""

    async def run(pilot: Pilot[int]) -> None:
        if setup is not None:
            await setup(pilot)
        else:
            await open_it(pilot)
        await press(pilot, *keys)
        pilot.app.clear_notifications()
        await wait_ready(pilot)

    return run


def test_snapshot_scene(snap_compare: Snap, options: PlayOptions) -> None:
    # The newsroom, its evidence kept, the exit still closed.
    assert snap_compare(campaign_app(options), terminal_size=(100, 30), run_before=steps("enter", "k"))


def test_snapshot_scene_small(snap_compare: Snap, options: PlayOptions) -> None:
    assert snap_compare(campaign_app(options), terminal_size=(60, 20), run_before=steps("enter", "k"))


def test_snapshot_notebook(snap_compare: Snap, options: PlayOptions) -> None:
    run = steps("k", "down", "k", "n", "down", setup=to_the_library)
    assert snap_compare(campaign_app(options), terminal_size=(100, 30), run_before=run)


def test_snapshot_contradiction(snap_compare: Snap, options: PlayOptions) -> None:
    run = steps("k", "down", "k", "c", "1", setup=to_the_library)
    assert snap_compare(campaign_app(options), terminal_size=(100, 30), run_before=run)


def test_snapshot_contradiction_solved(snap_compare: Snap, options: PlayOptions) -> None:
    run = steps("k", "down", "k", "c", "1", "2", "enter", "1", setup=to_the_library)
    assert snap_compare(campaign_app(options), terminal_size=(100, 30), run_before=run)
