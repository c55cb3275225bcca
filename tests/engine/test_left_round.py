"""A round left before its end comes back as it was, whatever it was drawn from."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.bank import Bank, load_bank
from quiz.engine.left_round import left_round_json, resume
from quiz.engine.rounds import narrowed
from quiz.engine.session import GameSession
from quiz.engine.spec import RoundSpec
from quiz.engine.store import Store
from tests.engine.helpers import REPO, SEEDS, right_answer


@pytest.fixture(scope="module")
def shipped() -> Bank:
    loaded = load_bank(REPO / "content", SEEDS)
    assert loaded.ok
    return loaded.bank


def test_a_round_on_one_dispute_is_resumed_with_the_questions_it_showed(
    shipped: Bank, tmp_path: Path
) -> None:
    """The Disputes screen plays one dispute's questions: generated from that dispute alone, their
    choices differ from the same questions drawn from the whole bank, so the narrowing is kept."""
    store = Store.open(tmp_path)
    for dispute in shipped.disputes:
        only = {"dispute_ids": [dispute.id]}
        bank, spec = narrowed(shipped, RoundSpec(seed=5), **only)
        left = GameSession(bank, spec, store, "Ana")
        if left.total < 2:
            continue
        first = left.current
        assert first is not None
        left.answer(right_answer(first))
        again = resume(shipped, store, "Ana", left_round_json(left, only))
        assert [p.id for p in again.playables] == [p.id for p in left.playables], dispute.id
        assert [p.choices for p in again.playables] == [p.choices for p in left.playables], dispute.id
        assert again.index == 1 and again.points == left.points, dispute.id
    store.close()
