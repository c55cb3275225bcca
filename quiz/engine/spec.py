"""What round to draw: the one description both faces, the store and the rounds share.

Kept apart from the session so that drawing, storing and showing a round can
all name it without importing each other, and without importing pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoundSpec:
    """What round to draw. Both faces build one from the same options."""

    mode: str = "quick"  # quick | drill | disputes | review | due
    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    skills: tuple[str, ...] = ()
    count: int = 10
    seed: int | None = None
    confidence: bool = False  # certainty-based marking on
    assignment: str | None = None  # the code of the assignment this round answers (quiz.engine.assignments)
