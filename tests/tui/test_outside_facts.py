"""The feedback shows facts from outside the articles apart, with their reference."""

from __future__ import annotations

from collections.abc import Callable

from quiz.engine.setup import PlayOptions, load_setup
from quiz.tui.app import make_app
from tests.tui.helpers import right_answer_keys, screen_text, start_quick_round, wait_ready

FACT = "The CSTO Charter was signed in Chisinau on 7 October 2002 [bold]not markup[/]."
REFERENCES = """\
[[reference]]
id = "csto-charter-2002"
title = "Charter of the Collective Security Treaty Organization"
publisher = "CSTO"
date = 2002-10-07
"""


async def test_an_outside_fact_follows_the_evidence_with_its_reference(
    make_options: Callable[..., PlayOptions],
) -> None:
    options = make_options(types=("choice",), count=1)
    questions = options.content_dir / "questions.toml"
    text = questions.read_text(encoding="utf-8")
    anchor = 'explanation = "AFP calls the CSTO a Russia-led alliance of six ex-Soviet states."\n'
    assert anchor in text
    outside = f'outside = [{{ reference = "csto-charter-2002", fact = "{FACT}" }}]\n'
    questions.write_text(text.replace(anchor, anchor + outside), encoding="utf-8")
    (options.seeds_dir / "references.toml").write_text(REFERENCES, encoding="utf-8")
    app = make_app(options, setup=load_setup(options))
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await start_quick_round(app, pilot)
        await pilot.press(*right_answer_keys(screen.playable))
        await wait_ready(pilot)
        shown = " ".join(screen_text(app).split())  # lines joined: the fact wraps
        assert "Outside the articles" in shown
        assert "[bold]not markup[/]" in shown
        assert "(Charter of the Collective Security Treaty Organization, CSTO, 2002-10-07)" in shown
        assert shown.index("Evidence") < shown.index("Outside the articles")
