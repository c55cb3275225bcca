"""Turning the bank's questions into Playables, shuffled by the round's seed.

Each question gets its own random generator, seeded from the round's seed and
the question's id, so a question is shuffled the same way whatever else is in
the round and wherever it stands in it. Order items and match sides are never
left in the right order: that would give the answer away.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from quiz.content.bank import Bank
from quiz.content.models import (
    ChoiceQuestion,
    Dispute,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Source,
    TrueFalseQuestion,
)
from quiz.engine import words
from quiz.engine.playable import DisputePosition, DisputeView, Passage, Playable

T = TypeVar("T")


def rng_for(seed: int, question_id: str) -> random.Random:
    """The generator that shuffles one question in a round with this seed."""
    return random.Random(f"{seed}/{question_id}")


def shuffled(items: Sequence[T], rng: random.Random, *, avoid: Sequence[T] | None = None) -> tuple[T, ...]:
    """`items` in a random order; never in the order `avoid` when another exists."""
    order = list(items)
    rng.shuffle(order)
    if avoid is not None and len(set(order)) > 1 and order == list(avoid):
        order = order[1:] + order[:1]  # a rotation of distinct items always differs
    return tuple(order)


def source_label(source: Source) -> str:
    """How an article is named in a choice or a match: title, byline, date."""
    return words.source_label(source.title, source.author, source.outlet, source.date)


def source_labels(bank: Bank) -> dict[str, str]:
    """Every source's label; an id is added where two labels would be the same."""
    labels = {sid: source_label(source) for sid, source in bank.sources.items()}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {sid: f"{label} [{sid}]" if seen[label] > 1 else label for sid, label in labels.items()}


def dispute_view(dispute: Dispute) -> DisputeView:
    return DisputeView(
        id=dispute.id,
        kind=dispute.kind,
        title=dispute.title,
        explanation=dispute.explanation,
        positions=tuple(DisputePosition(p.source, p.quote, p.claim) for p in dispute.position),
    )


def playable_from_question(question: Question, bank: Bank, seed: int) -> Playable:
    """A teacher's question as put to the player in a round with this seed."""
    rng = rng_for(seed, question.id)
    dispute = None
    if question.dispute is not None and bank.has_dispute(question.dispute):
        dispute = dispute_view(bank.dispute(question.dispute))
    common = Playable(
        id=question.id,
        type=question.type,
        topic=question.topic,
        difficulty=question.difficulty,
        prompt=question.prompt,
        explanation=question.explanation,
        evidence=tuple(Passage(e.source, e.quote) for e in question.evidence),
        skill=question.skill,
        dispute=dispute,
        feedback=dict(question.feedback),
    )
    if isinstance(question, ChoiceQuestion):
        return replace(common, choices=shuffled(question.choices, rng), answer=question.answer)
    if isinstance(question, MultiQuestion):
        return replace(common, choices=shuffled(question.choices, rng), answer=frozenset(question.answer))
    if isinstance(question, TrueFalseQuestion):
        return replace(common, answer=question.answer)
    if isinstance(question, NumberQuestion):
        return replace(
            common,
            unit=question.unit,
            answer=float(question.answer),
            tolerance=float(question.tolerance),
        )
    if isinstance(question, OrderQuestion):
        return replace(
            common,
            items=shuffled(question.items, rng, avoid=question.items),
            answer=tuple(question.items),
        )
    if isinstance(question, MatchQuestion):
        rights = [pair.right for pair in question.pairs]
        return replace(
            common,
            lefts=tuple(pair.left for pair in question.pairs),
            rights=shuffled(rights, rng, avoid=rights),
            answer={pair.left: pair.right for pair in question.pairs},
        )
    raise TypeError(f"unknown question type {question.type!r}")  # pragma: no cover
