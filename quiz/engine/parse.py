"""Reading a typed answer: text in, an `Answer` (or a clear complaint) out.

The plain mode reads every answer through `parse_answer`; the TUI's number
box uses `parse_number`, so "2885", "2,885" and "2 885" mean the same number
in both faces. Nothing here raises on bad input: it returns `BadInput`, whose
message says what was wrong and how to write it, in one sentence.

Syntax, by type (numbers as shown beside the choices, items and left sides):

| type      | write                         |
|-----------|-------------------------------|
| choice    | `2`                           |
| multi     | `1 3` or `1,3`                |
| truefalse | `t` or `f`                    |
| number    | `2885`, `2,885`, `2 885`, `-3.5` |
| order     | `3 1 2 4`, first to last      |
| match     | `1b 2a 3c`                    |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.engine.playable import Answer, Playable

LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class BadInput:
    """Input that is not an answer, and what to type instead."""

    message: str

    def __str__(self) -> str:
        return self.message


# Thousands may be grouped by commas or spaces (the same separator throughout,
# in groups of three); a decimal point, never a decimal comma.
_GROUPED = re.compile(r"[-+\u2212]?\d{1,3}(?P<sep>[ ,\u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?")
_PLAIN = re.compile(r"[-+\u2212]?(?:\d+(?:\.\d+)?|\.\d+)")
_DECIMAL_COMMA = re.compile(r"[-+\u2212]?\d+,\d+")
_SEPARATORS = re.compile(r"[\s,;]+")
_PAIR = re.compile(r"(\d+)\s*([a-z])")
_PAIRS = re.compile(r"(?:\s*\d+\s*[a-z]\s*[,;]?)+\s*")


def hint(playable: Playable) -> str:
    """One line on how to type an answer to this question."""
    kind = playable.type
    if kind == "choice":
        return f"Type the number of your choice, from 1 to {len(playable.choices)}."
    if kind == "multi":
        return "Type the numbers of every right choice, separated by spaces or commas, e.g. 1 3."
    if kind == "truefalse":
        return "Type t for true or f for false."
    if kind == "number":
        unit = f" (in {playable.unit})" if playable.unit else ""
        return f"Type a number{unit}, e.g. 2885; 2,885 and 2 885 work too."
    if kind == "order":
        example = " ".join(str(n) for n in _example_order(len(playable.items)))
        return f"Type the item numbers in the right order, first to last, e.g. {example}."
    if kind == "match":
        pairs = [(1, 1), (2, 0), (3, 2)]
        example = " ".join(
            f"{n}{LETTERS[i]}" for n, i in pairs if n <= len(playable.lefts) and i < len(playable.rights)
        )
        return f"Type each number with the letter it matches, e.g. {example}."
    return ""  # pragma: no cover


def _example_order(n: int) -> list[int]:
    return [*range(2, n + 1), 1]


def parse_number(text: str) -> float | BadInput:
    """A number as a person types it: "2885", "2,885", "2 885", "-3.5"."""
    raw = text.strip()
    if not raw:
        return BadInput("Type a number, e.g. 2885.")
    if _GROUPED.fullmatch(raw) or _PLAIN.fullmatch(raw):
        digits = re.sub(r"[ ,\u00a0\u202f\u2009]", "", raw).replace("\u2212", "-")
        return float(digits)
    if _DECIMAL_COMMA.fullmatch(raw):
        return BadInput(
            f"{raw!r} is unclear: write decimals with a point (3.5); commas and spaces only group thousands (2,885)."
        )
    return BadInput(f"{raw!r} is not a number: type digits, e.g. 2885, 2,885 or -3.5.")


def parse_confidence(text: str) -> int | BadInput:
    raw = text.strip()
    if raw in {"1", "2", "3"}:
        return int(raw)
    return BadInput("Type 1 (not sure), 2 (fairly sure) or 3 (sure).")


def parse_answer(playable: Playable, text: str) -> Answer | BadInput:
    """The answer `text` gives to `playable`, or what is wrong with it."""
    raw = text.strip()
    kind = playable.type
    if kind == "number":
        if playable.unit and raw.lower().endswith(playable.unit.lower()):
            raw = raw[: -len(playable.unit)].strip()
        return parse_number(raw)
    if not raw:
        return BadInput(f"No answer given. {hint(playable)}")
    if kind == "truefalse":
        word = raw.lower()
        if word in {"t", "true"}:
            return True
        if word in {"f", "false"}:
            return False
        return BadInput(f"{raw!r} is not t or f. {hint(playable)}")
    if kind == "match":
        return _match(playable, raw)
    size = len(playable.items) if kind == "order" else len(playable.choices)
    numbers = _numbers(raw, size, "item" if kind == "order" else "choice")
    if isinstance(numbers, BadInput):
        return BadInput(f"{numbers} {hint(playable)}")
    if kind == "choice":
        if len(numbers) != 1:
            return BadInput(f"Pick just one choice. {hint(playable)}")
        return playable.choices[numbers[0] - 1]
    if kind == "multi":
        return frozenset(playable.choices[n - 1] for n in numbers)
    # order: every item exactly once
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    if repeated:
        return BadInput(f"Item {repeated[0]} is given twice. {hint(playable)}")
    missing = [n for n in range(1, size + 1) if n not in numbers]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        return BadInput(f"Every item must be placed; missing: {listed}. {hint(playable)}")
    return tuple(playable.items[n - 1] for n in numbers)


def _numbers(raw: str, size: int, what: str) -> list[int] | BadInput:
    parts = [p for p in _SEPARATORS.split(raw) if p]
    numbers = []
    for part in parts:
        if not part.isdigit() or not part.isascii():
            return BadInput(f"{part!r} is not the number of {'an' if what == 'item' else 'a'} {what}.")
        n = int(part)
        if not 1 <= n <= size:
            return BadInput(f"There is no {what} {n}: the {what}s are numbered 1 to {size}.")
        numbers.append(n)
    return numbers


def _match(playable: Playable, raw: str) -> Answer | BadInput:
    text = raw.lower()
    lefts, rights = len(playable.lefts), len(playable.rights)
    if not _PAIRS.fullmatch(text):
        return BadInput(f"{raw!r} is not a list of pairs. {hint(playable)}")
    answer: dict[str, str] = {}
    for number, letter in _PAIR.findall(text):
        n, index = int(number), LETTERS.index(letter)
        if not 1 <= n <= lefts:
            return BadInput(
                f"There is no number {n}: the left side is numbered 1 to {lefts}. {hint(playable)}"
            )
        if index >= rights:
            return BadInput(
                f"There is no letter {letter}: the right side is lettered a to {LETTERS[rights - 1]}. {hint(playable)}"
            )
        left = playable.lefts[n - 1]
        if left in answer:
            return BadInput(f"Number {n} is paired twice. {hint(playable)}")
        answer[left] = playable.rights[index]
    missing = [str(n) for n in range(1, lefts + 1) if playable.lefts[n - 1] not in answer]
    if missing:
        return BadInput(f"Pair every number with a letter; missing: {', '.join(missing)}. {hint(playable)}")
    return answer
