"""An answer in words: the verdict's symbol and name, the points, the player's answer.

Shared by the feedback, the campaign's questions and the summary, so that a
verdict reads the same wherever it is told.
"""

from __future__ import annotations

from textual.content import Content

from quiz.engine.kinds import kind_of
from quiz.engine.playable import Answer, Playable
from quiz.engine.session import Step

VERDICTS = {
    "right": ("✔", "Right"),
    "partial": ("◑", "Partly right"),
    "wrong": ("✘", "Wrong"),
}
CONFIDENCE_NAMES = {1: "not sure", 2: "fairly sure", 3: "sure"}


def answer_text(playable: Playable, given: Answer) -> str:
    """The player's answer in words, as its type's kind says it."""
    return kind_of(playable.type).words(playable, given)


def points_line(step: Step) -> Content:
    award = step.award
    parts: list[Content | str | tuple[str, str]] = [(f"+{award.points} points", "bold")]
    if award.streak > 1:
        parts.append(f"  ·  streak {award.streak}")
    if award.bonus_percent:
        parts.append(f" (+{award.bonus_percent}% bonus)")
    if award.marks is not None:
        level = CONFIDENCE_NAMES.get(award.confidence or 0, "")
        parts.append(("  ·  ", ""))
        parts.append((f"marks {award.marks:+d}", "bold"))
        if level:
            parts.append(f" ({level})")
    return Content.assemble(*parts)


def verdict_line(step: Step) -> Content:
    """``✔ Right   +10 points · streak 2``: the round's verdict."""
    symbol, word = VERDICTS[step.verdict.outcome]
    return Content.assemble((f"{symbol} {word}", "bold"), "   ", points_line(step))
