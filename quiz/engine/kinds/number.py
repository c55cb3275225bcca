"""`number`: give a number; right within the question's tolerance."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from quiz.engine.kinds.common import EPSILON, BadInput, Kind, format_number, key, parse_number, shown_number

if TYPE_CHECKING:
    from quiz.content.models import NumberQuestion
    from quiz.engine.playable import Answer, Playable


def value_of(given: Answer | None) -> float:
    if isinstance(given, bool) or not isinstance(given, int | float):
        raise ValueError("a number answer is a number")
    return float(given)


def is_whole(playable: Playable) -> bool:
    """Whether only whole numbers can be right: then "20.000" groups thousands."""
    target = playable.answer
    return (
        isinstance(target, int | float)
        and float(target).is_integer()
        and float(playable.tolerance).is_integer()
    )


class NumberKind(Kind):
    name = "number"
    label = "a number"
    heading = "Numbers"

    def build(self, question: NumberQuestion, common: Playable, rng: random.Random) -> Playable:
        return replace(
            common, unit=question.unit, answer=float(question.answer), tolerance=float(question.tolerance)
        )

    def credit(self, playable: Playable, given: Answer) -> float:
        value, target = value_of(given), value_of(key(playable))
        return 1.0 if abs(value - target) <= playable.tolerance + EPSILON * max(1.0, abs(target)) else 0.0

    def words(self, playable: Playable, answer: Answer) -> str:
        unit = f" {playable.unit}" if playable.unit else ""
        return shown_number(value_of(answer)) + unit

    def expected(self, playable: Playable) -> str:
        text = self.words(playable, key(playable))
        if playable.tolerance:
            text += f" (give or take {shown_number(playable.tolerance)})"
        return text

    def hint(self, playable: Playable) -> str:
        unit = f" (in {playable.unit})" if playable.unit else ""
        return f"Type a number{unit}, e.g. 2885; 2,885 and 2 885 work too."

    def read(self, playable: Playable, text: str) -> Answer | BadInput:
        raw = text.strip()
        if playable.unit and raw.lower().endswith(playable.unit.lower()):
            raw = raw[: -len(playable.unit)].strip()
        return parse_number(raw, whole=is_whole(playable))

    def typed(self, playable: Playable, answer: Answer) -> str:
        return format_number(value_of(answer))

    def cell(self, stored: Any) -> str:
        return format_number(stored) if isinstance(stored, int | float) else str(stored)

    def wrong(self, playable: Playable) -> Answer:
        return value_of(key(playable)) + playable.tolerance + 1000


KIND = NumberKind()
