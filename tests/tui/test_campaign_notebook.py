"""The contradiction picker with a real notebook: seventeen entries, at 60x20 and 100x30.

The entries that bear on the scene come first, typing filters the list, the
highlighted entry stays on screen, and the prompt and the pin button stay in reach.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from quiz.engine.setup import PlayOptions
from quiz.tui.app import QuizApp
from quiz.tui.screens.campaign import CampaignScreen
from quiz.tui.screens.campaign_steps import ContradictionScreen
from tests.tui.helpers import find_in, find_on_screen, screen_text
from tests.tui.test_campaign import campaign_app, campaign_options, open_it, press

# Fourteen passages of the three sources that the dispute on the force's size does not cite.
ARCHIVE = [
    ("gaspardo", "much has been said about the intervention"),
    ("gaspardo", "this time in the course of a great full-blown crisis"),
    ("gaspardo", "also known by its abbreviation in English language"),
    ("gaspardo", "The origin of the CSTO dates back to the breakup of the Soviet Union"),
    ("gaspardo", "to be divided among the 15 new republics"),
    ("gaspardo", "An extreme example is the ongoing conflict between Armenia and Azerbaijan"),
    ("afp-24news", "Clashes reported in Almaty as govt buildings cleared of protesters"),
    ("afp-24news", "It groups together some of the signatories"),
    ("afp-24news", "a kind of Russian counterweight faced with the Atlantic alliance"),
    ("afp-24news", "Dominated by Moscow and its highly modern military"),
    (
        "afp-24news",
        "The CSTO also suffers from Moscow's lack of resources compared with the far wealthier US",
    ),
    ("afp-rewrite", "said Eurasian specialist David Teurtrie"),
    ("afp-rewrite", "the CTSO has very different concerns than NATO"),
    ("afp-rewrite", "a kind of Russian counterweight to the Atlantic Alliance"),
]


def long_campaign() -> str:
    evidence = ",\n".join(
        f'  {{ id = "a{n}", source = "{source}", quote = "{quote}" }}'
        for n, (source, quote) in enumerate(ARCHIVE, 1)
    )
    return f"""\
title = "The long notebook"
intro = "Keep everything."

[[scene]]
id = "archive"
title = "The archive"
place = "Archive"
text = "Boxes of cuttings."
evidence = [
{evidence},
]
exits = [{{ label = "To the library", to = "library" }}]

[[scene]]
id = "library"
title = "The library"
place = "Library"
text = "A later analysis."
evidence = [
  {{ id = "un", source = "afp-rewrite", quote = "its 3,600-member peacekeeping unit is recognized by the UN" }},
  {{ id = "feb", source = "feb-analysis", quote = "after 2,500 of its troops entered Kazakhstan" }},
  {{ id = "zas", source = "russtrat", quote = "reached 2,885 people" }},
]
exits = [{{ label = "To the briefing", to = "briefing" }}]
[scene.contradiction]
dispute = "size"
prompt = "Two figures for one force. Why?"
reasons = ["Different days and speakers", "One outlet invented it"]
answer = "Different days and speakers"

[[scene]]
id = "briefing"
title = "The briefing"
place = "Editor's office"
text = "Your editor reads."
final = true

[[ending]]
id = "done"
title = "Done"
text = "Filed."
"""


@pytest.fixture
def options(tmp_path: Path, seeds_dir: Path) -> PlayOptions:
    return campaign_options(tmp_path, seeds_dir, long_campaign())


async def to_the_picker(app: QuizApp, pilot: Pilot[int]) -> ContradictionScreen:
    """Keep the fourteen pieces of the archive, then the library's three, and open the contradiction."""
    await open_it(pilot)
    await press(pilot, "enter")  # the intro
    scene = app.screen
    assert isinstance(scene, CampaignScreen)
    for evidence in scene.cg.scene.evidence:  # kept as `k` keeps them, without pressing it 14 times
        scene.cg.keep(evidence)
    await press(pilot, "g", "1")
    await press(pilot, "e", "k", "down", "k", "down", "k")
    assert len(scene.cg.run.state.notebook) == 17
    await press(pilot, "c")
    picker = app.screen
    assert isinstance(picker, ContradictionScreen)
    return picker


def in_reach(app: QuizApp, picker: ContradictionScreen) -> None:
    """The prompt and the pin button are on screen."""
    text = screen_text(app)
    assert "Two figures for one force. Why?" in text, text
    assert find_in(app, picker.query_one("#camp-pin"), "Pin these two") is not None, text


@pytest.mark.parametrize("size", [(60, 20), (100, 30)])
async def test_a_long_notebook_keeps_the_highlight_and_the_pin_in_view(
    options: PlayOptions, size: tuple[int, int]
) -> None:
    app = campaign_app(options)
    async with app.run_test(size=size) as pilot:
        picker = await to_the_picker(app, pilot)
        in_reach(app, picker)
        # The scene's own evidence and the dispute's sources first, in the order kept.
        assert [e.id for e in picker.entries[:3]] == ["un", "feb", "zas"]
        assert find_on_screen(app, "its 3,600-member peacekeeping") is not None
        # Down to the last entry, the seventeenth: it is on screen, and so are the prompt and the button.
        await press(pilot, *["down"] * 16)
        last = ARCHIVE[-1][1][:30]
        assert find_in(app, picker.query_one("#camp-pair"), last) is not None, screen_text(app)
        in_reach(app, picker)
        # Up again to the first.
        await press(pilot, "home")
        assert find_on_screen(app, "its 3,600-member peacekeeping") is not None, screen_text(app)
        in_reach(app, picker)


@pytest.mark.parametrize("size", [(60, 20), (100, 30)])
async def test_typing_filters_the_notebook_and_the_two_are_pinned(
    options: PlayOptions, size: tuple[int, int]
) -> None:
    app = campaign_app(options)
    async with app.run_test(size=size) as pilot:
        picker = await to_the_picker(app, pilot)
        # A letter typed in the list starts the filter; words narrow it down.
        await press(pilot, *"counterweight")
        assert "2 of 17 shown" in screen_text(app)
        assert find_on_screen(app, "a kind of Russian counterweight faced") is not None
        assert find_on_screen(app, "its 3,600-member peacekeeping") is None
        # Escape empties the filter and goes back to the list; Escape again would leave.
        await press(pilot, "escape")
        assert isinstance(app.screen, ContradictionScreen) and "of 17 shown" not in screen_text(app)
        # `/` opens the filter too: find each of the two, tick it with 1.
        await press(pilot, "slash", *"2,885", "enter", "1")
        assert picker.ticked == ["zas"] and "Ticked: 1 of 2" in screen_text(app)
        # Who said it counts too: "february" is in the date of the February analysis alone.
        await press(pilot, "slash", "ctrl+u", *"february", "enter")
        assert "1 of 17 shown" in screen_text(app)
        await press(pilot, "1")
        assert picker.ticked == ["zas", "feb"], screen_text(app)
        in_reach(app, picker)
        await press(pilot, "enter")
        assert picker.step == "reason" and "Yes: those two conflict." in screen_text(app)
