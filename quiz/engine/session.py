"""One round being played: the single object both faces of the game drive.

A face asks the session for the current `Playable`, shows it, and hands back
the player's `Answer` (and confidence, when certainty marking is on). The
session judges it, scores it, records it in the progress store at once, and
returns a `Step`. When the round is over, `summary()` gives what the summary
screen (or the plain summary) shows.

CONTRACT (implementation in progress): the signatures and types below are
fixed; both faces are built against them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.engine.playable import Answer, Award, Playable, Verdict


@dataclass(frozen=True)
class RoundSpec:
    """What round to draw. Both faces build one from the same options."""

    mode: str = "quick"  # quick | drill | disputes | review
    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    skills: tuple[str, ...] = ()
    count: int = 10
    seed: int | None = None
    confidence: bool = False  # certainty-based marking on


@dataclass(frozen=True)
class Step:
    """The result of answering one question."""

    playable: Playable
    given: Answer
    verdict: Verdict
    award: Award


@dataclass(frozen=True)
class TopicResult:
    topic: str
    answered: int
    credit: float  # sum of credit


@dataclass(frozen=True)
class Calibration:
    """Accuracy at one confidence level."""

    confidence: int
    answered: int
    right: int


@dataclass
class RoundSummary:
    answered: int
    total: int  # questions in the round
    points: int
    marks: int | None  # None unless certainty marking was on
    accuracy: float  # mean credit over answered questions, 0..1
    best_streak: int
    by_topic: list[TopicResult] = field(default_factory=list)
    calibration: list[Calibration] = field(default_factory=list)
    missed: list[Playable] = field(default_factory=list)  # credit < 1
