"""Full screen: a saved journey that cannot go on is explained, never a crash, never overwritten."""

from __future__ import annotations

import json

from quiz.engine.setup import PlayOptions
from quiz.engine.store import Store
from quiz.tui.screens.campaign import CampaignScreen
from quiz.tui.screens.campaign_dialogs import IntroScreen, OutdatedJourneyScreen
from quiz.tui.screens.home import HomeScreen
from tests.tui.helpers import screen_text
from tests.tui.test_campaign import campaign_app, open_it, options, press

__all__ = ["options"]  # the fixture, shared with the campaign tests


def save(options: PlayOptions, text: str) -> None:
    store = Store.open(options.data_dir)
    store.add_player("ana")
    store.save_campaign("ana", "campaign", text)
    store.close()


async def test_a_malformed_save_is_reported_and_a_new_journey_begins(options: PlayOptions) -> None:
    save(options, '{"campaign": "campaign", "seed": "x", "scene": []}')
    app = campaign_app(options)
    notices: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **_: notices.append(str(message))  # type: ignore[method-assign]
        await open_it(pilot)
        assert isinstance(app.screen, IntroScreen)
        assert notices == [
            "The saved journey could not be read, so it was kept aside and a new journey starts."
        ]


async def test_a_save_whose_scene_is_gone_offers_a_restart_and_keeps_it_aside(options: PlayOptions) -> None:
    old = json.dumps({"campaign": "campaign", "seed": 5, "scene": "old-library", "visited": ["old-library"]})
    save(options, old)
    app = campaign_app(options)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_it(pilot)
        assert isinstance(app.screen, OutdatedJourneyScreen)
        assert "a scene this campaign no longer has" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.game is not None and app.game.store.load_campaign("ana", "campaign") == old
        await open_it(pilot)
        await press(pilot, "r")
        assert isinstance(app.screen, IntroScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, CampaignScreen)
        kept = app.game.store._db.execute(
            "SELECT state FROM campaign_saves WHERE campaign LIKE 'campaign.aside-%'"
        ).fetchall()
        assert [row[0] for row in kept] == [old]
