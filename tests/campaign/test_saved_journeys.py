"""A saved journey that cannot go on is reported, kept aside and survived; it never crashes a game."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.engine.campaign.journey import Journey, SavedJourneyOutdated, SavedJourneyUnreadable
from quiz.engine.store import Store
from tests.campaign.campaigns import load_with_campaign
from tests.campaign.test_plain import quiz

BROKEN_SAVES = [
    "not json at all {",
    "[1, 2, 3]",
    json.dumps({"campaign": "campaign", "seed": 1}),  # no scene
    json.dumps({"campaign": "campaign", "seed": 1, "scene": "newsroom", "notebook": 5}),
    json.dumps({"campaign": "campaign", "seed": "one", "scene": "newsroom"}),
    json.dumps({"campaign": "campaign", "seed": 1, "scene": "newsroom", "score": 10**400}),
    json.dumps({"campaign": "campaign", "seed": 1, "scene": "newsroom", "cheat": True}),
    "[" * 100_000 + "]" * 100_000,
]


def aside_saves(store: Store) -> list[str]:
    rows = store._db.execute("SELECT campaign FROM campaign_saves").fetchall()
    return [str(r[0]) for r in rows]


@pytest.mark.parametrize("text", BROKEN_SAVES, ids=range(len(BROKEN_SAVES)))
def test_a_malformed_save_is_set_aside_and_a_new_journey_starts(
    tmp_path: Path, seeds_dir: Path, text: str
) -> None:
    bank = load_with_campaign(tmp_path, seeds_dir).bank
    store = Store.open(tmp_path / "data")
    store.save_campaign("ana", "campaign", text)
    with pytest.raises(SavedJourneyUnreadable, match="kept aside and a new journey starts"):
        Journey.saved(bank, store, "campaign", "ana")
    assert store.load_campaign("ana", "campaign") is None
    [aside] = aside_saves(store)
    assert aside.startswith("campaign.aside-")
    assert Journey.saved(bank, store, "campaign", "ana") is None  # the next game starts afresh


def renamed_scene(tmp_path: Path, seeds_dir: Path) -> tuple[Store, str]:
    """A store holding ana's journey in a scene called 'old-library', which the content no longer has."""
    bank = load_with_campaign(tmp_path, seeds_dir).bank
    store = Store.open(tmp_path / "data")
    journey = Journey.new(bank, store, "campaign", "ana", seed=5)
    journey.keep(journey.scene.evidence[0].id)
    state = json.loads(journey.run.state.to_json())
    state["scene"] = "old-library"
    text = json.dumps(state)
    store.save_campaign("ana", "campaign", text)
    return store, text


def test_a_save_whose_scene_is_gone_is_left_as_it_is_until_the_player_restarts(
    tmp_path: Path, seeds_dir: Path
) -> None:
    bank = load_with_campaign(tmp_path, seeds_dir).bank
    store, text = renamed_scene(tmp_path, seeds_dir)
    with pytest.raises(SavedJourneyOutdated) as raised:
        Journey.saved(bank, store, "campaign", "ana")
    assert raised.value.scene == "old-library"
    assert store.load_campaign("ana", "campaign") == text  # not overwritten, not reset
    journey = Journey.restart_outdated(bank, store, "campaign", "ana", seed=5)
    journey.keep(journey.scene.evidence[0].id)
    assert store.load_campaign("ana", "campaign") != text
    assert [json.loads(r[0])["scene"] for r in store._db.execute(
        "SELECT state FROM campaign_saves WHERE campaign LIKE 'campaign.aside-%'"
    )] == ["old-library"]  # fmt: skip


def test_the_plain_face_reports_a_malformed_save_and_plays_on(tmp_path: Path, seeds_dir: Path) -> None:
    load_with_campaign(tmp_path, seeds_dir)
    store = Store.open(tmp_path / "data")
    store.add_player("ana")
    store.save_campaign("ana", "campaign", '{"campaign": "campaign", "seed": [], "scene": 3}')
    store.close()
    first = quiz(tmp_path, seeds_dir, "l\n")
    assert first.returncode == 0, first.stderr
    assert "The saved journey could not be read, so it was kept aside" in first.stdout
    assert "== The newsroom" in first.stdout
    again = quiz(tmp_path, seeds_dir, "r\nl\n")  # it crashed on resume every time after
    assert again.returncode == 0, again.stderr
    assert "You have a journey under way, at The newsroom." in again.stdout


def test_the_plain_face_offers_a_restart_for_a_save_whose_scene_is_gone(
    tmp_path: Path, seeds_dir: Path
) -> None:
    store, text = renamed_scene(tmp_path, seeds_dir)
    store.close()
    stopped = quiz(tmp_path, seeds_dir, "q\n")
    assert "a scene this campaign no longer has" in stopped.stdout
    assert Store.open(tmp_path / "data").load_campaign("ana", "campaign") == text
    restarted = quiz(tmp_path, seeds_dir, "r\nl\n")
    assert restarted.returncode == 0, restarted.stderr
    assert "== The newsroom" in restarted.stdout
