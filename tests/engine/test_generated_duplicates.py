"""A generated question never offers two copies of one text to tell apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.bank import Bank, LoadResult, load_bank
from quiz.engine.build import source_labels
from quiz.engine.generated import build, generated_refs, holds_near_copy, ref_for
from tests.conftest import ROOT, SEEDS
from tests.content.banks import write_bank
from tests.engine.helpers import right_pairs

# One AFP sentence in its two copies, and a slip both copies share.
TWO_COPIES = """\
[[dispute]]
id = "pierre"
kind = "internal"
topic = "reading-sources"
title = "Pascal or Pierre?"
explanation = "Both copies slip."
  [[dispute.position]]
  source = "afp-rewrite"
  quote = "said Pascal Ausseur"
  claim = "Pascal"
  [[dispute.position]]
  source = "afp-rewrite"
  quote = "said Pierre Ausseur"
  claim = "Pierre"

[[dispute]]
id = "same-slip"
kind = "fact"
topic = "reading-sources"
title = "Which name?"
explanation = "One origin, one slip."
  [[dispute.position]]
  source = "afp-rewrite"
  quote = "said Pierre Ausseur"
  claim = "Pierre Ausseur"
  [[dispute.position]]
  source = "afp-24news"
  quote = "Pierre Ausseur said"
  claim = "Pierre Ausseur"
"""


@pytest.fixture
def copies(tmp_path: Path) -> Bank:
    return load_bank(write_bank(tmp_path, TWO_COPIES), SEEDS).bank


def test_a_match_giving_two_articles_the_same_claim_is_not_offered(copies: Bank) -> None:
    ids = [r.id for r in generated_refs(copies)]
    assert "same-slip~match" not in ids
    assert "pierre~match" in ids
    assert ref_for(copies, "same-slip~match") is None


def test_a_hand_written_match_replaces_the_generated_one(tmp_path: Path) -> None:
    written = (
        TWO_COPIES
        + """
[[question]]
id = "pierre-match"
type = "match"
topic = "reading-sources"
difficulty = 2
prompt = "Match each passage to the name it gives."
pairs = [{ left = "said Pascal Ausseur", right = "Pascal" }, { left = "said Pierre Ausseur", right = "Pierre" }]
explanation = "One man, two names."
evidence = [{ source = "afp-rewrite", quote = "said Pierre Ausseur" }]
dispute = "pierre"
"""
    )
    bank = load_bank(write_bank(tmp_path, written), SEEDS).bank
    assert [r.id for r in generated_refs(bank)] == ["pierre~which", "same-slip~which"]


def test_a_which_never_offers_the_other_copy_of_the_same_text(copies: Bank) -> None:
    labels = source_labels(copies)
    for seed in range(30):
        playable = build(ref_for(copies, "pierre~which"), copies, seed)  # type: ignore[arg-type]
        assert labels["afp-24news"] not in playable.choices
        assert playable.answer == labels["afp-rewrite"]
        assert len(playable.choices) >= 2


def test_a_which_never_offers_both_copies_of_one_text(tmp_path: Path) -> None:
    # A Gaspardo slip: other articles fill in, but never both AFP copies.
    gaspardo = TWO_COPIES.replace(
        'source = "afp-rewrite"\n  quote = "said Pascal Ausseur"',
        'source = "gaspardo"\n  quote = "98a Airborne Division"',
    ).replace(
        'source = "afp-rewrite"\n  quote = "said Pierre Ausseur"\n  claim = "Pierre"',
        'source = "gaspardo"\n  quote = "12a Peacekeeping brigade"\n  claim = "Pierre"',
    )
    bank = load_bank(write_bank(tmp_path, gaspardo), SEEDS).bank
    labels = source_labels(bank)
    for seed in range(30):
        playable = build(ref_for(bank, "pierre~which"), bank, seed)  # type: ignore[arg-type]
        assert not {labels["afp-rewrite"], labels["afp-24news"]} <= set(playable.choices)
        assert playable.answer == labels["gaspardo"]


def test_a_reworded_copy_counts_as_holding_the_quote(copies: Bank) -> None:
    reworded = copies.articles["afp-24news"]
    assert holds_near_copy(reworded, "Sending troops through the CTSO is a way to remain somewhat masked")
    assert not holds_near_copy(
        copies.articles["russtrat"], "Sending troops through the CTSO is a way to remain"
    )


@pytest.fixture(scope="module")
def shipped() -> LoadResult:
    return load_bank(ROOT / "content", ROOT / "seeds")


def test_no_generated_question_of_the_shipped_bank_offers_duplicate_choices(shipped: LoadResult) -> None:
    from rapidfuzz import fuzz

    bank = shipped.bank
    labels = {label: sid for sid, label in source_labels(bank).items()}
    for ref in generated_refs(bank):
        for seed in range(12):
            playable = build(ref, bank, seed)
            if playable.type == "match":
                rights = [r.casefold() for r in playable.rights]
                lefts = [left.casefold() for left in playable.lefts]
                for sides in (rights, lefts):
                    near = [
                        (a, b) for i, a in enumerate(sides) for b in sides[i + 1 :] if fuzz.ratio(a, b) >= 90
                    ]
                    assert near == [], (ref.id, near)
                pairs = right_pairs(playable)
                assert len(set(pairs.values())) == len(pairs), ref.id
            else:
                quote = playable.evidence[0].quote
                wrong = [labels[c] for c in playable.choices if c != playable.answer]
                assert wrong, ref.id
                assert [s for s in wrong if holds_near_copy(bank.articles[s], quote)] == [], (ref.id, seed)
                offered = {labels[c] for c in playable.choices}
                assert not {"afp-rewrite", "afp-24news"} <= offered, (ref.id, seed)  # one AFP text, twice
