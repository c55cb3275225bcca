"""The shipped campaign keeps its minimums."""

from __future__ import annotations

import pytest

from quiz.content.bank import Bank, load_bank
from quiz.content.campaign.models import CampaignFile
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bank() -> Bank:
    result = load_bank(ROOT / "content", ROOT / "seeds")
    assert result.ok
    return result.bank


@pytest.fixture(scope="module")
def campaign(bank: Bank) -> CampaignFile:
    return bank.campaigns["campaign"]


def test_at_least_twelve_scenes_and_three_endings(campaign: CampaignFile) -> None:
    assert len(campaign.scene) >= 12
    assert len(campaign.ending) >= 3


def test_every_article_is_used(bank: Bank, campaign: CampaignFile) -> None:
    used = {e.source for scene in campaign.scene for e in scene.evidence}
    assert set(bank.sources) - used == set()


def test_every_fact_dispute_is_met(bank: Bank, campaign: CampaignFile) -> None:
    met: set[str] = set()
    for scene in campaign.scene:
        if scene.contradiction is not None:
            met.add(scene.contradiction.dispute)
        for ref in scene.questions:
            if bank.has_dispute(ref):
                met.add(ref)
            elif bank.has_question(ref) and bank.question(ref).dispute:
                met.add(str(bank.question(ref).dispute))
    facts = {d.id for d in bank.disputes if d.kind == "fact"}
    assert facts - met == set()


def test_the_journey_starts_in_the_newsroom_and_ends_at_the_briefing(campaign: CampaignFile) -> None:
    assert "newsroom" in campaign.scene[0].id
    assert [s.id for s in campaign.scene if s.final] == ["briefing"]
