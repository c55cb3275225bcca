"""Playing campaigns through the engine: every ending by scripted paths, saving and resuming."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.bank import load_bank
from quiz.engine.campaign.run import CampaignRun, CampaignState, MoveError
from quiz.engine.store import Store
from tests.campaign.campaigns import load_with_campaign
from tests.campaign.player import play, wrong_answer
from tests.conftest import ROOT


@pytest.fixture
def small(tmp_path: Path, seeds_dir: Path) -> CampaignRun:
    result = load_with_campaign(tmp_path, seeds_dir)
    assert result.ok
    return CampaignRun(result.bank.campaigns["campaign"], result.bank, seed=1)


@pytest.fixture(scope="module")
def shipped_bank():
    result = load_bank(ROOT / "content", ROOT / "seeds")
    assert result.ok, [p.format() for p in result.errors]
    return result.bank


def test_every_ending_of_the_small_campaign_is_reached(tmp_path: Path, seeds_dir: Path) -> None:
    bank = load_with_campaign(tmp_path, seeds_dir).bank
    campaign = bank.campaigns["campaign"]
    reached = {
        play(CampaignRun(campaign, bank, seed=1), skill=skill, explore=explore)
        for skill in range(6)
        for explore in (True, False)
    }
    assert reached == {e.id for e in campaign.ending}


def test_every_ending_of_the_shipped_campaign_is_reached(shipped_bank) -> None:
    campaign = shipped_bank.campaigns["campaign"]
    run = CampaignRun(campaign, shipped_bank, seed=3)
    reached: dict[str, int] = {}
    for skill in range(0, run.max_score + 1, 2):
        for explore in (True, False):
            ending = play(CampaignRun(campaign, shipped_bank, seed=3), skill=skill, explore=explore)
            reached.setdefault(ending, skill)
    assert set(reached) == {e.id for e in campaign.ending}
    assert len(campaign.ending) >= 3


def test_the_perfect_explorer_scores_the_most_and_gets_the_best_ending(shipped_bank) -> None:
    campaign = shipped_bank.campaigns["campaign"]
    run = CampaignRun(campaign, shipped_bank, seed=3)
    assert play(run, skill=10_000) == campaign.ending[0].id
    assert run.state.score == run.max_score
    assert set(run.state.visited) == {s.id for s in campaign.scene}


def test_a_closed_exit_says_what_is_missing(small: CampaignRun) -> None:
    [to_library, _] = small.exits()
    assert not to_library.open
    assert to_library.missing[0].startswith("answer the question “How many states")
    with pytest.raises(MoveError, match="not open yet"):
        small.go(0)
    question = small.questions()[0]
    assert question.playable.answer is not None
    small.answer(question.ref, question.playable.answer)
    assert small.exits()[0].open
    assert small.go(0).id == "library"


def test_only_a_right_first_answer_scores(small: CampaignRun) -> None:
    question = small.questions()[0]
    assert question.playable.answer is not None
    small.answer(question.ref, wrong_answer(question.playable))
    small.answer(question.ref, question.playable.answer)
    assert small.state.score == 0
    assert small.questions()[0].answered_right


def test_contradiction_needs_the_conflicting_pair_then_the_reason(small: CampaignRun) -> None:
    small.keep("zas")
    small.answer("members", "Six")
    small.go(0)
    for evidence in ("feb", "un"):
        small.keep(evidence)
    with pytest.raises(MoveError, match="find the two pieces"):
        small.give_reason("Different days and speakers")
    assert not small.try_pair("zas", "un")  # not a position of the dispute
    assert small.try_pair("zas", "feb")
    assert not small.contradiction_solved
    assert small.give_reason("Different days and speakers")
    assert small.contradiction_solved
    assert small.state.score == 1 + 0 + 1  # the question; the pair at the second try; the reason


def test_evidence_of_another_scene_cannot_be_kept(small: CampaignRun) -> None:
    with pytest.raises(MoveError, match="no evidence 'feb' in this scene"):
        small.keep("feb")


def test_save_quit_and_resume_returns_to_the_same_scene_and_notebook(
    tmp_path: Path, seeds_dir: Path, small: CampaignRun
) -> None:
    small.keep("zas")
    small.answer("members", "Six")
    small.go(0)
    small.keep("feb")
    store = Store.open(tmp_path / "data")
    store.save_campaign("ana", small.id, small.state.to_json())
    store.close()

    reopened = Store.open(tmp_path / "data")
    saved = reopened.load_campaign("ana", "campaign")
    assert saved is not None
    resumed = CampaignRun(small.campaign, small.bank, state=CampaignState.from_json(saved))
    assert resumed.scene.id == "library"
    assert [e.id for e in resumed.notebook] == ["zas", "feb"]
    assert resumed.state.score == 1
    assert resumed.state.visited == ["newsroom", "library"]
    reopened.clear_campaign("ana", "campaign")
    assert reopened.load_campaign("ana", "campaign") is None


def test_a_finished_campaign_is_kept_for_stats(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.record_campaign_result("ana", "campaign", "front-page", 70, 76)
    [result] = store.campaign_results("ana")
    assert (result.ending, result.score, result.max_score) == ("front-page", 70, 76)
