"""`order`: put items in the right order.

Credit: the share of pairs of items the player put in the right relative order.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING, Any

from quiz.engine.kinds.common import BadInput, Kind, item_numbers, key, numbered, shuffled, strings

if TYPE_CHECKING:
    from quiz.content.models import OrderQuestion
    from quiz.engine.playable import Answer, Playable


def sequence(given: Answer) -> tuple[str, ...]:
    if not isinstance(given, tuple | list):
        raise ValueError("an order answer is a sequence of the items")
    return tuple(given)


def order_credit(given: Sequence[str], right: Sequence[str]) -> float:
    """The share of pairs of items whose relative order in `given` is right.

    An item missing from `given` spoils every pair it is in.
    """
    if len(right) < 2:
        return 1.0 if list(given) == list(right) else 0.0
    place = {item: index for index, item in enumerate(given)}
    pairs = list(combinations(right, 2))
    good = sum(1 for a, b in pairs if a in place and b in place and place[a] < place[b])
    return good / len(pairs)


class OrderKind(Kind):
    name = "order"
    label = "put in order"
    heading = "Put in order"

    def build(self, question: OrderQuestion, common: Playable, rng: random.Random) -> Playable:
        return replace(
            common, items=shuffled(question.items, rng, avoid=question.items), answer=tuple(question.items)
        )

    def credit(self, playable: Playable, given: Answer) -> float:
        return order_credit(sequence(given), strings(key(playable)))

    def words(self, playable: Playable, answer: Answer) -> str:
        return "; ".join(f"{n}. {item}" for n, item in enumerate(strings(answer), 1))

    def shown(self, playable: Playable) -> list[str]:
        return ["Items, in no particular order:", *numbered(playable.items)]

    def hint(self, playable: Playable) -> str:
        example = " ".join(str(n) for n in [*range(2, len(playable.items) + 1), 1])
        return f"Type the item numbers in the right order, first to last, e.g. {example}."

    def parse(self, playable: Playable, raw: str) -> Answer | BadInput:
        size = len(playable.items)
        numbers = item_numbers(raw, size, "item")
        if isinstance(numbers, BadInput):
            return BadInput(f"{numbers} {self.hint(playable)}")
        repeated = [n for n, times in sorted(Counter(numbers).items()) if times > 1]
        if repeated:
            return BadInput(f"Item {repeated[0]} is given twice. {self.hint(playable)}")
        placed = set(numbers)
        missing = [n for n in range(1, size + 1) if n not in placed]
        if missing:
            listed = ", ".join(str(n) for n in missing)
            return BadInput(f"Every item must be placed; missing: {listed}. {self.hint(playable)}")
        return tuple(playable.items[n - 1] for n in numbers)

    def typed(self, playable: Playable, answer: Answer) -> str:
        return " ".join(str(playable.items.index(item) + 1) for item in sequence(answer))

    def right_lines(self, playable: Playable) -> list[str]:
        right = sequence(key(playable))
        return [f"The right order: {self.typed(playable, right)}", *numbered(right)]

    def cell(self, stored: Any) -> str:
        return " > ".join(strings(stored))

    def wrong(self, playable: Playable) -> Answer:
        return tuple(reversed(sequence(key(playable))))


KIND = OrderKind()
