"""`quiz check` on campaigns: every rule, with the exact line reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.campaign.campaigns import CAMPAIGN, load_with_campaign
from tests.content.banks import line_of


def campaign_errors(tmp_path: Path, seeds: Path, text: str) -> list[tuple[int, str]]:
    result = load_with_campaign(tmp_path, seeds, text)
    return [(p.line, p.message) for p in result.errors if p.file.endswith("campaign.toml")]


def test_valid_campaign_is_clean_and_loaded(tmp_path: Path, seeds_dir: Path) -> None:
    result = load_with_campaign(tmp_path, seeds_dir)
    assert [p.format() for p in result.problems] == []
    campaign = result.bank.campaigns["campaign"]
    assert [s.id for s in campaign.scene] == ["newsroom", "library", "briefing"]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            'to = "briefing" },\n]',
            'to = "breifing" },\n]',
            'to = "breifing"',
            "exit to unknown scene 'breifing'; did you mean 'briefing'?",
        ),
        (
            'questions = ["members"]\nsets',
            'questions = ["membres"]\nsets',
            'questions = ["membres"]',
            "no question or dispute 'membres'; did you mean 'members'?",
        ),
        (
            'quote = "reached 2,885 people"',
            'quote = "reached 2,885 persons"',
            'quote = "reached 2,885 persons"',
            "quote not found in 'russtrat'; closest passage: 'Zas, reached 2,885 people.'",
        ),
        (
            'requires = { evidence = ["feb"] }',
            'requires = { evidence = ["febr"] }',
            'requires = { evidence = ["febr"] }',
            "can never hold: no scene has evidence 'febr'; did you mean 'feb'?",
        ),
        (
            'flags = ["met-editor"]',
            'flags = ["met-edtor"]',
            'flags = ["met-edtor"]',
            "can never hold: no scene sets flag 'met-edtor'; did you mean 'met-editor'?",
        ),
        (
            'answer = "Different days and speakers"',
            'answer = "Different days"',
            'answer = "Different days"',
            "answer 'Different days' is not one of the reasons; did you mean 'Different days and speakers'?",
        ),
        (
            'dispute = "size"',
            'dispute = "sise"',
            'dispute = "sise"',
            "unknown dispute 'sise'; did you mean 'size'?",
        ),
        (
            "min_score = 4",
            "min_score = 40",
            "min_score = 40",
            "can never hold: min_score 40 is above the most a player can score (5)",
        ),
    ],
)
def test_broken_reference_or_condition(
    tmp_path: Path, seeds_dir: Path, old: str, new: str, needle: str, message: str
) -> None:
    assert old in CAMPAIGN
    text = CAMPAIGN.replace(old, new)
    assert (line_of(text, needle), message) in campaign_errors(tmp_path, seeds_dir, text)


def test_unreachable_scene(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace(
        '[[scene]]\nid = "briefing"',
        '[[scene]]\nid = "island"\ntitle = "I"\nplace = "P"\ntext = "T"\nexits = [{ label = "x", to = "briefing" }]\n\n[[scene]]\nid = "briefing"',
    )
    assert campaign_errors(tmp_path, seeds_dir, text) == [
        (line_of(text, 'id = "island"'), "cannot be reached from the start (no exit leads here)")
    ]


def test_scene_with_no_way_to_an_ending(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace(
        '{ label = "Go straight to the briefing", to = "briefing" },',
        '{ label = "Go straight to the briefing", to = "briefing" },\n  { label = "Into the cellar", to = "cellar" },',
    ).replace(
        '[[scene]]\nid = "briefing"',
        '[[scene]]\nid = "cellar"\ntitle = "Cellar"\nplace = "P"\ntext = "A dead end."\n\n[[scene]]\nid = "briefing"',
    )
    assert campaign_errors(tmp_path, seeds_dir, text) == [
        (line_of(text, 'id = "cellar"'), "no ending can be reached from this scene")
    ]


def test_no_final_scene(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace("final = true\n", "")
    errors = campaign_errors(tmp_path, seeds_dir, text)
    assert (
        line_of(text, "[[scene]]"),
        "no scene is final (final = true): no ending can ever be reached",
    ) in errors


def test_contradiction_without_two_positions_in_evidence(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace(
        '{ id = "feb", source = "feb-analysis", quote = "after 2,500 of its troops entered Kazakhstan" },',
        '{ id = "feb", source = "feb-analysis", quote = "created headlines in January 2022" },',
    )
    assert campaign_errors(tmp_path, seeds_dir, text) == [
        (
            line_of(text, 'dispute = "size"'),
            "can never be solved: fewer than two positions of dispute 'size' are quoted as evidence in any scene",
        )
    ]


def test_ending_hidden_behind_one_that_always_holds(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace('text = "Thin."\nmin_score = 1\n', 'text = "Thin."\n')
    assert campaign_errors(tmp_path, seeds_dir, text) == [
        (line_of(text, 'id = "spiked"'), "can never be chosen: ending 'inside' before it always holds")
    ]


def test_last_ending_must_always_hold(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN + "min_score = 1\n"
    assert campaign_errors(tmp_path, seeds_dir, text) == [
        (
            line_of(text, 'id = "spiked"'),
            "the last ending should have no condition, so that every briefing has an ending",
        )
    ]


def test_schema_errors_in_scenes_are_all_reported(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace('place = "Library"', 'plaec = "Library"').replace(
        'place = "Editor\'s office"', "place = 3"
    )
    errors = campaign_errors(tmp_path, seeds_dir, text)
    assert (line_of(text, "plaec ="), "unknown key 'plaec'; did you mean 'place'?") in errors
    assert (line_of(text, "place = 3"), "place must be text in quotes, not 3") in errors


def test_duplicate_evidence_id(tmp_path: Path, seeds_dir: Path) -> None:
    text = CAMPAIGN.replace('{ id = "un", source', '{ id = "feb", source')
    assert campaign_errors(tmp_path, seeds_dir, text)[0] == (
        line_of(text, '{ id = "feb", source', occurrence=2),
        "duplicate evidence id 'feb'",
    )
