"""The shipped question bank keeps the minimums that protect the product.

Its size, every article drawn on, every kind of dispute, every dispute asked
about. Not quotas by question type, difficulty or skill: those would block a
better bank, or a change to the types, for no gain to players.
"""

from __future__ import annotations

from collections import Counter

import pytest

from quiz.content.bank import LoadResult, load_bank
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def shipped() -> LoadResult:
    return load_bank(ROOT / "content", ROOT / "seeds")


def test_the_bank_checks_with_no_errors_and_no_warnings(shipped: LoadResult) -> None:
    assert [p.format() for p in shipped.problems] == []


def test_at_least_150_questions(shipped: LoadResult) -> None:
    assert len(shipped.bank.questions) >= 150


def test_at_least_20_questions_draw_on_each_article(shipped: LoadResult) -> None:
    citing = Counter(source for q in shipped.bank.questions for source in {e.source for e in q.evidence})
    assert {s: citing[s] for s in shipped.bank.sources if citing[s] < 20} == {}


def test_every_kind_of_dispute_is_present(shipped: LoadResult) -> None:
    kinds = Counter(d.kind for d in shipped.bank.disputes)
    assert kinds["fact"] >= 5 and kinds["interpretation"] >= 5 and kinds["internal"] >= 3, kinds


def test_every_dispute_has_a_hand_written_question(shipped: LoadResult) -> None:
    asked = {q.dispute for q in shipped.bank.questions}
    assert [d.id for d in shipped.bank.disputes if d.id not in asked] == []


def test_the_two_headline_disputes_are_there(shipped: LoadResult) -> None:
    """The founding year and the size of the force: the disagreements every player should meet."""
    claims = [" ".join(p.claim for p in d.position) for d in shipped.bank.disputes if d.kind == "fact"]
    assert any("2002" in c and "1994" in c for c in claims), "no dispute on the founding year"
    assert any("2,500" in c and ("2,030" in c or "2,885" in c) for c in claims), (
        "no dispute on the force's size"
    )
