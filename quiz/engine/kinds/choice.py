"""`choice`: pick the one right choice. All or nothing."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from quiz.engine.kinds.common import (
    LETTERS,
    BadInput,
    Kind,
    advice_for,
    item_numbers,
    key,
    numbered,
    shuffled,
)

if TYPE_CHECKING:
    from quiz.content.models import ChoiceQuestion
    from quiz.engine.playable import Answer, Playable


def choice_text(given: Answer, kind: str) -> str:
    if not isinstance(given, str):
        raise ValueError(f"a {kind} answer is the text of a choice")
    return given


class ChoiceKind(Kind):
    name = "choice"
    label = "one answer"
    heading = "One answer"

    def build(self, question: ChoiceQuestion, common: Playable, rng: random.Random) -> Playable:
        return replace(common, choices=shuffled(question.choices, rng), answer=question.answer)

    def credit(self, playable: Playable, given: Answer) -> float:
        return 1.0 if choice_text(given, self.name) == key(playable) else 0.0

    def advice(self, playable: Playable, given: Answer) -> list[str]:
        return advice_for(playable, [choice_text(given, self.name)])

    def shown(self, playable: Playable) -> list[str]:
        return numbered(playable.choices)

    def hint(self, playable: Playable) -> str:
        count = len(playable.choices)
        return (
            f"Type the number of your choice, from 1 to {count} (or its letter, a to {LETTERS[count - 1]})."
        )

    def parse(self, playable: Playable, raw: str) -> Answer | BadInput:
        numbers = item_numbers(raw, len(playable.choices), "choice", letters=True)
        if isinstance(numbers, BadInput):
            return BadInput(f"{numbers} {self.hint(playable)}")
        if len(numbers) != 1:
            return BadInput(f"Pick just one choice. {self.hint(playable)}")
        return playable.choices[numbers[0] - 1]

    def typed(self, playable: Playable, answer: Answer) -> str:
        return str(playable.choices.index(choice_text(answer, self.name)) + 1)

    def right_lines(self, playable: Playable) -> list[str]:
        right = key(playable)
        n = playable.choices.index(str(right)) + 1 if right in playable.choices else 0
        return [f"The right answer: {n}. {right}"]

    def cell(self, stored: Any) -> str:
        return str(stored)

    def wrong(self, playable: Playable) -> Answer:
        return next(c for c in playable.choices if c != playable.answer)


KIND = ChoiceKind()
