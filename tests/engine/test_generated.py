"""Every dispute yields a "match each article to its claim" and a "which article says this?" question."""

from __future__ import annotations

import pytest

from quiz.content.bank import Bank
from quiz.engine.answers import judge
from quiz.engine.build import source_labels
from quiz.engine.generated import build, generated_refs, ref_for
from quiz.engine.rounds import draw
from quiz.engine.spec import RoundSpec
from tests.engine.helpers import right_pairs


def test_every_dispute_yields_two_questions(bank: Bank) -> None:
    refs = generated_refs(bank)
    assert [r.id for r in refs] == [
        "force-size~match",
        "force-size~which",
        "russtrat-two-figures~match",
        "russtrat-two-figures~which",
    ]
    for ref in refs:
        playable = build(ref, bank, seed=1)
        assert playable.generated
        assert playable.id == ref.id
        assert playable.topic == "deployment"
        assert playable.explanation == ref.source.explanation
        assert playable.dispute is not None and playable.dispute.id == ref.source.id


def test_the_match_question_pairs_each_article_with_its_claims(bank: Bank) -> None:
    labels = source_labels(bank)
    playable = build(ref_for(bank, "force-size~match"), bank, seed=1)  # type: ignore[arg-type]
    assert playable.type == "match"
    assert (
        playable.prompt
        == "How large was the force the alliance sent to Kazakhstan? Match each article to what it claims."
    )
    # RUSSTRAT has two positions: it is one left side, matched to both its claims.
    assert playable.answer == {
        labels["russtrat"]: "2,030 on January 10, per Tokayev; 2,885 later, per Zas",
        labels["feb-analysis"]: "2,500 troops",
        labels["gaspardo"]: "Officially 3,800; really far more by his estimate",
    }
    pairs = right_pairs(playable)
    assert playable.lefts == tuple(pairs)
    assert sorted(playable.rights) == sorted(pairs.values())
    assert len(playable.evidence) == 4
    assert judge(playable, dict(pairs)).outcome == "right"


def test_article_labels_give_title_byline_and_date(bank: Bank) -> None:
    labels = source_labels(bank)
    assert labels["gaspardo"] == "“CSTO: Russian NATO?” (Andrea Gaspardo, 26 January 2022)"
    # The outlet is "not stated": the label does not say so twice.
    assert labels["feb-analysis"].endswith("(4 February 2022)")


def test_an_internal_dispute_matches_passages_to_claims(bank: Bank) -> None:
    playable = build(ref_for(bank, "russtrat-two-figures~match"), bank, seed=1)  # type: ignore[arg-type]
    assert playable.answer == {
        "“the number of the CSTO peacekeeping contingent was 2,030 people”": "2,030 people",
        "“reached 2,885 people”": "2,885 people",
    }
    assert "says different things in different places" in playable.prompt


@pytest.mark.parametrize("seed", range(12))
def test_the_which_question_quotes_one_position_and_names_its_article(bank: Bank, seed: int) -> None:
    labels = source_labels(bank)
    dispute = bank.dispute("force-size")
    playable = build(ref_for(bank, "force-size~which"), bank, seed)  # type: ignore[arg-type]
    (passage,) = playable.evidence
    assert f"“{passage.quote}”" in playable.prompt
    assert passage.quote in [p.quote for p in dispute.position]
    assert playable.answer == labels[passage.source_id]
    assert playable.answer in playable.choices
    assert len(playable.choices) == len(set(playable.choices)) >= 2
    # Every wrong choice is an article that does not say it.
    for sid, label in labels.items():
        if label in playable.choices and sid != passage.source_id:
            assert not bank.articles[sid].contains(passage.quote)


def test_an_internal_disputes_which_question_offers_other_articles(bank: Bank) -> None:
    playable = build(ref_for(bank, "russtrat-two-figures~which"), bank, seed=3)  # type: ignore[arg-type]
    assert playable.answer == source_labels(bank)["russtrat"]
    assert len(playable.choices) == 4


def test_the_which_question_is_the_same_for_the_same_seed(bank: Bank) -> None:
    ref = ref_for(bank, "force-size~which")
    assert build(ref, bank, 9) == build(ref, bank, 9)  # type: ignore[arg-type]
    assert len({build(ref, bank, s).prompt for s in range(20)}) > 1  # type: ignore[arg-type]


def test_generated_questions_are_playable_before_any_question_is_written(bank: Bank) -> None:
    # "russtrat-two-figures" has no written question; it is still in a disputes round.
    drawn = draw(bank, RoundSpec(mode="disputes", count=50, seed=2))
    assert {"russtrat-two-figures~match", "russtrat-two-figures~which"} <= {p.id for p in drawn.playables}


def test_ids_of_vanished_disputes_are_not_found(bank: Bank) -> None:
    assert ref_for(bank, "no-such-dispute~match") is None
    assert ref_for(bank, "force-size~other") is None
