"""Judging a player's answer: right, partly right or wrong, and how much credit.

Credit runs from 0 to 1, by each type's rule (its module in `quiz.engine.kinds`
says how): all or nothing for a choice, per choice for `multi`, the share of
pairs in the right order for `order`, and so on. Only full credit is "right";
any other credit above 0 is "partial".
"""

from __future__ import annotations

from quiz.engine.kinds import kind_of
from quiz.engine.kinds.common import EPSILON, format_number
from quiz.engine.kinds.order import order_credit
from quiz.engine.playable import Answer, Outcome, Playable, Verdict

__all__ = ["expected_text", "format_number", "judge", "order_credit", "outcome_for"]


def judge(playable: Playable, given: Answer) -> Verdict:
    """How `given` answers `playable`. Raises ValueError if `given` has the wrong form."""
    if playable.answer is None:
        raise ValueError(f"question {playable.id!r} has no answer key")
    kind = kind_of(playable.type)
    credit = kind.credit(playable, given)
    return Verdict(outcome_for(credit), credit, kind.expected(playable), tuple(kind.advice(playable, given)))


def outcome_for(credit: float) -> Outcome:
    if credit >= 1.0 - EPSILON:
        return "right"
    return "partial" if credit > EPSILON else "wrong"


def expected_text(playable: Playable) -> str:
    """The right answer in words, on one line."""
    return kind_of(playable.type).expected(playable)
