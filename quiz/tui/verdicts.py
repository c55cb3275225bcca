"""An answer in words: the verdict's symbol and name, the points, the player's answer.

Shared by the feedback, the campaign's questions and the summary, so that a
verdict reads the same wherever it is told.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content

from quiz.engine.playable import Answer, Playable
from quiz.engine.session import Step

VERDICTS = {
    "right": ("✔", "Right"),
    "partial": ("◑", "Partly right"),
    "wrong": ("✘", "Wrong"),
}
CONFIDENCE_NAMES = {1: "not sure", 2: "fairly sure", 3: "sure"}


def number_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def answer_text(playable: Playable, given: Answer) -> str:
    """The player's answer in words."""
    if isinstance(given, bool):
        return "True" if given else "False"
    if isinstance(given, (int, float)):
        unit = f" {playable.unit}" if playable.unit else ""
        return number_text(given) + unit
    if isinstance(given, str):
        return given
    if isinstance(given, frozenset):
        ordered = [c for c in playable.choices if c in given]
        return "; ".join(ordered) if ordered else "(nothing ticked)"
    if isinstance(given, tuple):
        return "; ".join(f"{n}. {item}" for n, item in enumerate(given, 1))
    if isinstance(given, Mapping):
        return "; ".join(f"{left} → {right}" for left, right in given.items())
    return str(given)


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
