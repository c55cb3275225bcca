"""Reading a typed answer: text in, an `Answer` (or a clear complaint) out.

The plain mode reads every answer through `parse_answer`; the TUI's number
box uses `parse_number`, so "2885", "2,885" and "2 885" mean the same number
in both faces. Nothing here raises on bad input: it returns `BadInput`, whose
message says what was wrong and how to write it, in one sentence.

Each type's syntax, parser and hint are its kind's (`quiz.engine.kinds`):
`2` for a choice, `1 3` for several, `t` or `f`, `2,885`, `3 1 2 4` for an
order, `1b 2a 3c` for pairs. Numbers are ASCII digits, never too many of
them (`whole_number`), and every reader takes time linear in its line.
"""

from __future__ import annotations

from quiz.engine.kinds import kind_of
from quiz.engine.kinds.common import LETTERS, BadInput, parse_number, shown_input, whole_number
from quiz.engine.playable import Answer, Playable

__all__ = [
    "LETTERS",
    "BadInput",
    "hint",
    "parse_answer",
    "parse_confidence",
    "parse_number",
    "shown_input",
    "whole_number",
]


def hint(playable: Playable) -> str:
    """One line on how to type an answer to this question."""
    return kind_of(playable.type).hint(playable)


def parse_confidence(text: str) -> int | BadInput:
    raw = text.strip()
    if raw in {"1", "2", "3"}:
        return int(raw)
    return BadInput("Type 1 (not sure), 2 (fairly sure) or 3 (sure).")


def parse_answer(playable: Playable, text: str) -> Answer | BadInput:
    """The answer `text` gives to `playable`, or what is wrong with it."""
    return kind_of(playable.type).read(playable, text)
