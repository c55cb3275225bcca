"""Turning the bank's questions into Playables, shuffled by the round's seed.

Each question gets its own random generator, seeded from the round's seed and
the question's id, so a question is shuffled the same way whatever else is in
the round and wherever it stands in it. Order items and match sides are never
left in the right order: that would give the answer away.
"""

from __future__ import annotations

import random

from quiz.content.bank import Bank
from quiz.content.models import Dispute, Question, Source
from quiz.engine import words
from quiz.engine.kinds import kind_of
from quiz.engine.kinds.common import shuffled
from quiz.engine.playable import DisputePosition, DisputeView, Passage, Playable

__all__ = ["dispute_view", "playable_from_question", "rng_for", "shuffled", "source_labels"]


def rng_for(seed: int, question_id: str) -> random.Random:
    """The generator that shuffles one question in a round with this seed."""
    return random.Random(f"{seed}/{question_id}")


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
    return kind_of(question.type).build(question, common, rng)
