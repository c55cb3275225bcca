"""`truefalse`: say whether a statement is true. All or nothing."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from quiz.engine.kinds.common import BadInput, Kind, advice_for, key, shown_input

if TYPE_CHECKING:
    from quiz.content.models import TrueFalseQuestion
    from quiz.engine.playable import Answer, Playable


def truth(given: Answer) -> bool:
    if not isinstance(given, bool):
        raise ValueError("a true/false answer is a bool")
    return given


class TrueFalseKind(Kind):
    name = "truefalse"
    label = "true or false"
    heading = "True or false"

    def build(self, question: TrueFalseQuestion, common: Playable, rng: random.Random) -> Playable:
        return replace(common, answer=question.answer)

    def credit(self, playable: Playable, given: Answer) -> float:
        return 1.0 if truth(given) is key(playable) else 0.0

    def advice(self, playable: Playable, given: Answer) -> list[str]:
        # A teacher's feedback keys are "true" and "false".
        return advice_for(playable, [self.cell(truth(given))])

    def words(self, playable: Playable, answer: Answer) -> str:
        return "True" if answer else "False"

    def shown(self, playable: Playable) -> list[str]:
        return ["True or false?"]

    def hint(self, playable: Playable) -> str:
        return "Type t (or 1) for true, f (or 2) for false."

    def parse(self, playable: Playable, raw: str) -> Answer | BadInput:
        word = raw.lower()
        if word in {"t", "true", "1"}:  # 1 and 2, as the TUI's keys
            return True
        if word in {"f", "false", "2"}:
            return False
        return BadInput(f"{shown_input(raw)} is not t or f. {self.hint(playable)}")

    def typed(self, playable: Playable, answer: Answer) -> str:
        return "t" if truth(answer) else "f"

    def right_lines(self, playable: Playable) -> list[str]:
        return [f"The right answer: {self.cell(key(playable))}."]

    def cell(self, stored: Any) -> str:
        return "true" if stored else "false"

    def wrong(self, playable: Playable) -> Answer:
        return not key(playable)


KIND = TrueFalseKind()
