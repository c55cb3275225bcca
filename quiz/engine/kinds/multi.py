"""`multi`: pick every right choice.

Credit per choice: each right pick earns 1/n (n, the number of right choices)
and each wrong pick costs as much; never below 0.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from quiz.engine.kinds.common import (
    BadInput,
    Kind,
    advice_for,
    in_shown_order,
    item_numbers,
    key,
    numbered,
    shuffled,
    strings,
)

if TYPE_CHECKING:
    from quiz.content.models import MultiQuestion
    from quiz.engine.playable import Answer, Playable


def picks(given: Answer) -> frozenset[str]:
    if isinstance(given, str | bool | float | int | Mapping):
        raise ValueError("a multi answer is a set of choices")
    return frozenset(given)


class MultiKind(Kind):
    name = "multi"
    label = "all that apply"
    heading = "All that apply"

    def build(self, question: MultiQuestion, common: Playable, rng: random.Random) -> Playable:
        return replace(common, choices=shuffled(question.choices, rng), answer=frozenset(question.answer))

    def credit(self, playable: Playable, given: Answer) -> float:
        chosen = picks(given)
        right = frozenset(strings(key(playable)))
        return max(0.0, (len(chosen & right) - len(chosen - right)) / len(right))

    def advice(self, playable: Playable, given: Answer) -> list[str]:
        return advice_for(playable, in_shown_order(playable, picks(given)))

    def words(self, playable: Playable, answer: Answer) -> str:
        return "; ".join(in_shown_order(playable, strings(answer))) or "(nothing ticked)"

    def shown(self, playable: Playable) -> list[str]:
        return numbered(playable.choices)

    def hint(self, playable: Playable) -> str:
        return "Type the numbers (or letters) of every right choice, separated by spaces or commas, e.g. 1 3."

    def parse(self, playable: Playable, raw: str) -> Answer | BadInput:
        numbers = item_numbers(raw, len(playable.choices), "choice", letters=True)
        if isinstance(numbers, BadInput):
            return BadInput(f"{numbers} {self.hint(playable)}")
        return frozenset(playable.choices[n - 1] for n in numbers)

    def typed(self, playable: Playable, answer: Answer) -> str:
        chosen = picks(answer)
        return ", ".join(str(n) for n, c in enumerate(playable.choices, 1) if c in chosen)

    def right_lines(self, playable: Playable) -> list[str]:
        right = frozenset(strings(key(playable)))
        listed = [f"{n}. {c}" for n, c in enumerate(playable.choices, 1) if c in right]
        return ["The right answers: " + "; ".join(listed)]

    def cell(self, stored: Any) -> str:
        return "; ".join(strings(stored))

    def wrong(self, playable: Playable) -> Answer:
        right = frozenset(strings(key(playable)))
        return frozenset(c for c in playable.choices if c not in right)


KIND = MultiKind()
