"""`match`: match each left side to its right side.

Credit: the share of left sides matched to their right side.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from quiz.engine.kinds.common import (
    LETTERS,
    BadInput,
    Kind,
    key,
    numbered,
    shown_input,
    shuffled,
    whole_number,
)

if TYPE_CHECKING:
    from quiz.content.models import MatchQuestion
    from quiz.engine.playable import Answer, Playable

WRONG_MARK = "✘"
"""After a pair of the player's that is not right."""
# One pair and what may follow it, matched at one place at a time: a line is
# read pair by pair, so reading it takes time linear in its length (a single
# pattern for the whole list backtracks exponentially on a bad line).
_PAIR = re.compile(r"\s*([0-9]+)\s*([a-z])\s*[,;]?\s*")


def typed_pairs(text: str) -> list[tuple[str, str]] | None:
    """The (number, letter) pairs of a line like "1b 2a, 3c"; None if it is not such a list."""
    pairs = []
    at = 0
    while at < len(text):
        found = _PAIR.match(text, at)
        if found is None:
            return None
        pairs.append((found[1], found[2]))
        at = found.end()
    return pairs or None


def pairs_of(given: Answer | None) -> Mapping[str, str]:
    if not isinstance(given, Mapping):
        raise ValueError("a match answer maps each left side to a right side")
    return given


class MatchKind(Kind):
    name = "match"
    label = "match the pairs"
    heading = "Match the pairs"

    def build(self, question: MatchQuestion, common: Playable, rng: random.Random) -> Playable:
        rights = [pair.right for pair in question.pairs]
        return replace(
            common,
            lefts=tuple(pair.left for pair in question.pairs),
            rights=shuffled(rights, rng, avoid=rights),
            answer={pair.left: pair.right for pair in question.pairs},
        )

    def credit(self, playable: Playable, given: Answer) -> float:
        right, chosen = pairs_of(key(playable)), pairs_of(given)
        return sum(chosen.get(left) == partner for left, partner in right.items()) / len(right)

    def words(self, playable: Playable, answer: Answer) -> str:
        """``1993 → x; 1999 → z ✘``: in the question's order, a pair that is not right marked ✘.

        The right answer reads the same way, so the two line up pair by pair.
        """
        chosen = pairs_of(answer)
        right = pairs_of(playable.answer) if playable.answer is not None else chosen
        order = [left for left in playable.lefts if left in chosen] + [
            left for left in chosen if left not in playable.lefts
        ]
        return "; ".join(
            f"{left} → {chosen[left]}" + ("" if right.get(left) == chosen[left] else f" {WRONG_MARK}")
            for left in order
        )

    def shown(self, playable: Playable) -> list[str]:
        rights = [f"  {letter}. {right}" for letter, right in zip(LETTERS, playable.rights, strict=False)]
        return ["Left:", *numbered(playable.lefts), "Right:", *rights]

    def hint(self, playable: Playable) -> str:
        example = " ".join(
            f"{n}{LETTERS[i]}"
            for n, i in [(1, 1), (2, 0), (3, 2)]
            if n <= len(playable.lefts) and i < len(playable.rights)
        )
        return f"Type each number with the letter it matches, e.g. {example}."

    def parse(self, playable: Playable, raw: str) -> Answer | BadInput:
        text = raw.lower()
        lefts, rights = len(playable.lefts), len(playable.rights)
        hint = self.hint(playable)
        pairs = typed_pairs(text)
        if pairs is None:
            return BadInput(f"{shown_input(raw)} is not a list of pairs. {hint}")
        answer: dict[str, str] = {}
        for number, letter in pairs:
            n, index = whole_number(number), LETTERS.index(letter)
            if n is None:
                return BadInput(
                    f"There is no number that high: the left side is numbered 1 to {lefts}. {hint}"
                )
            if not 1 <= n <= lefts:
                return BadInput(f"There is no number {n}: the left side is numbered 1 to {lefts}. {hint}")
            if index >= rights:
                return BadInput(
                    f"There is no letter {letter}: the right side is lettered a to {LETTERS[rights - 1]}. {hint}"
                )
            left = playable.lefts[n - 1]
            if left in answer:
                return BadInput(f"Number {n} is paired twice. {hint}")
            answer[left] = playable.rights[index]
        missing = [str(n) for n in range(1, lefts + 1) if playable.lefts[n - 1] not in answer]
        if missing:
            return BadInput(f"Pair every number with a letter; missing: {', '.join(missing)}. {hint}")
        return answer

    def typed(self, playable: Playable, answer: Answer) -> str:
        chosen = pairs_of(answer)
        return " ".join(
            f"{n}{LETTERS[playable.rights.index(chosen[left])]}"
            for n, left in enumerate(playable.lefts, 1)
            if left in chosen
        )

    def right_lines(self, playable: Playable) -> list[str]:
        return self._pair_lines("The answer", playable, pairs_of(key(playable)))

    def given_lines(self, playable: Playable, given: Answer) -> list[str]:
        """``1. 1993 = c. Uzbekistan rejoins ✘``: as the right answer reads, each wrong pair marked."""
        return self._pair_lines("Your answer", playable, pairs_of(given), against=pairs_of(key(playable)))

    def _pair_lines(
        self,
        title: str,
        playable: Playable,
        pairs: Mapping[str, str],
        against: Mapping[str, str] | None = None,
    ) -> list[str]:
        """The typed form after `title`, then each pair on a line, as the question numbered and lettered it."""
        lines = [f"{title}: {self.typed(playable, pairs)}"]
        for n, left in enumerate(playable.lefts, 1):
            if left not in pairs:
                continue
            right = pairs[left]
            letter = f"{LETTERS[playable.rights.index(right)]}. " if right in playable.rights else ""
            wrong = against is not None and against.get(left) != right
            lines.append(f"  {n}. {left} = {letter}{right}" + (f" {WRONG_MARK}" if wrong else ""))
        return lines

    def cell(self, stored: Any) -> str:
        if isinstance(stored, Mapping):
            return "; ".join(f"{left} = {right}" for left, right in stored.items())
        return str(stored)

    def wrong(self, playable: Playable) -> Answer:
        right = pairs_of(key(playable))
        partners = [right[left] for left in playable.lefts]
        return dict(zip(playable.lefts, partners[1:] + partners[:1], strict=True))


KIND = MatchKind()
