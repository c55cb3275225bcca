"""What a face of the game shows and what a player gives back.

A `Playable` is one question as it is put to a player in one round: choices,
items and right-hand sides already shuffled by the round's seed. Both faces
(the TUI and the plain-text mode) show Playables and hand back an `Answer`;
neither touches the bank's models directly, and neither knows how a question
was made: written by a teacher or generated from a dispute.

The player's answer takes one form per type:

| type      | Answer                                   |
|-----------|------------------------------------------|
| choice    | `str`, the text of the chosen choice      |
| multi     | `frozenset[str]`, the chosen choices      |
| truefalse | `bool`                                    |
| number    | `float`                                   |
| order     | `tuple[str, ...]`, the items in the order given |
| match     | `dict[str, str]`, each left side to the right side chosen |
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # annotations only: the kinds, the options and stats import this without pydantic
    from quiz.content.models import DisputeKind

Answer = str | frozenset[str] | bool | float | tuple[str, ...] | Mapping[str, str]

Outcome = Literal["right", "partial", "wrong"]


@dataclass(frozen=True)
class Passage:
    """A quoted passage of one article, shown as evidence."""

    source_id: str
    quote: str


@dataclass(frozen=True)
class DisputePosition:
    source_id: str
    quote: str
    claim: str


@dataclass(frozen=True)
class DisputeView:
    """A dispute as the "sources disagree" panel shows it."""

    id: str
    kind: DisputeKind
    title: str
    explanation: str
    positions: tuple[DisputePosition, ...]


@dataclass(frozen=True)
class Playable:
    """One question, ready to be shown."""

    id: str  # the bank's question id; generated ones are "<dispute-id>~match" or "<dispute-id>~which"
    type: str  # one of `quiz.engine.kinds.KINDS`
    topic: str
    difficulty: int
    prompt: str
    explanation: str
    evidence: tuple[Passage, ...]
    choices: tuple[str, ...] = ()  # choice, multi: in the order shown
    items: tuple[str, ...] = ()  # order: in the (shuffled) order shown
    lefts: tuple[str, ...] = ()  # match: left sides, in the order written
    rights: tuple[str, ...] = ()  # match: right sides, in the (shuffled) order shown
    unit: str | None = None  # number
    skill: str | None = None
    dispute: DisputeView | None = None  # set when the question is about a dispute
    feedback: Mapping[str, str] = field(default_factory=dict)  # choice text (or "true"/"false") -> advice
    generated: bool = False  # made from a dispute rather than written by a teacher
    # The right answer, in the same form as the player's `Answer` (see the table
    # above); its kind in `quiz.engine.kinds` judges the two. For `order`, the
    # items in the right order; for `match`, each left side to its right side.
    answer: Answer | None = None
    tolerance: float = 0.0  # number: right within this distance of `answer`

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(p.source_id for p in self.evidence)

    @property
    def why_they_differ(self) -> str | None:
        """The dispute's explanation, when it says more than the question's own (else None).

        A question generated from a dispute explains itself with the dispute's
        words: the feedback then gives them once, under "Why".
        """
        dispute = self.dispute
        if dispute is None or " ".join(dispute.explanation.split()) == " ".join(self.explanation.split()):
            return None
        return dispute.explanation


@dataclass(frozen=True)
class Verdict:
    """How an answer was judged."""

    outcome: Outcome
    credit: float  # 0.0 to 1.0
    expected: str  # the right answer in words, for feedback
    feedback: tuple[str, ...] = ()  # the teacher's advice for what the player picked


@dataclass(frozen=True)
class Award:
    """What an answer earned."""

    points: int
    streak: int  # consecutive fully right answers, this one included
    bonus_percent: int  # the streak bonus applied, 0 to 50
    marks: int | None = None  # certainty-based marks, when confidence was given
    confidence: int | None = None  # 1, 2 or 3
