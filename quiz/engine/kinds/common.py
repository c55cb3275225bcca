"""What every question type shares: the `Kind` each type's module fills in, and its helpers.

A kind says, in one place, everything the game knows about one type of
question: how a teacher's question becomes a `Playable`, how an answer is
judged and credited, the answer in words, how the plain face shows it and
reads a typed answer, and its cell in a gradebook. Nothing here imports
pydantic or the bank: the registry is read before the bank loads.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from quiz.engine.playable import Answer, Playable

T = TypeVar("T")

LETTERS = "abcdefghijklmnopqrstuvwxyz"
EPSILON = 1e-9


@dataclass(frozen=True)
class BadInput:
    """Input that is not an answer, and what to type instead."""

    message: str

    def __str__(self) -> str:
        return self.message


class Kind:
    """One type of question. Each type's module makes one, and the registry lists it."""

    name: str
    """The `type` a teacher writes: `choice`."""
    label: str
    """How the question names its type to the player: `one answer`."""
    heading: str
    """The type as a heading of the player's stats: `One answer`."""

    # --- from the bank ----------------------------------------------------------

    def build(self, question: Any, common: Playable, rng: random.Random) -> Playable:
        """`common` (what every question has) completed from the teacher's `question`, shuffled by `rng`."""
        raise NotImplementedError

    # --- judging ------------------------------------------------------------------

    def credit(self, playable: Playable, given: Answer) -> float:
        """From 0 to 1. Raises ValueError if `given` has the wrong form for this type."""
        raise NotImplementedError

    def advice(self, playable: Playable, given: Answer) -> list[str]:
        """The teacher's feedback for what the player picked."""
        return []

    # --- in words -----------------------------------------------------------------

    def words(self, playable: Playable, answer: Answer) -> str:
        """An answer (the player's or the right one) in words, on one line."""
        return str(answer)

    def expected(self, playable: Playable) -> str:
        """The right answer in words, on one line."""
        return self.words(playable, key(playable))

    def cell(self, stored: Any) -> str:
        """An answer as stored (its JSON form, see `quiz.engine.store`) as a gradebook cell."""
        return str(stored)

    # --- the plain face -------------------------------------------------------------

    def shown(self, playable: Playable) -> list[str]:
        """The lines under the prompt: choices, items or sides, numbered as typed."""
        return []

    def hint(self, playable: Playable) -> str:
        """One line on how to type an answer."""
        raise NotImplementedError

    def read(self, playable: Playable, text: str) -> Answer | BadInput:
        """The answer a typed line gives, or what is wrong with it."""
        raw = text.strip()
        if not raw:
            return BadInput(f"No answer given. {self.hint(playable)}")
        return self.parse(playable, raw)

    def parse(self, playable: Playable, raw: str) -> Answer | BadInput:
        """`read` past the blank line: `raw` is stripped and not empty."""
        raise NotImplementedError

    def typed(self, playable: Playable, answer: Answer) -> str:
        """What a player types to give `answer` (the inverse of `read`)."""
        raise NotImplementedError

    def right_lines(self, playable: Playable) -> list[str]:
        """The right answer after a miss, numbered as the question showed it."""
        return [f"The right answer: {self.expected(playable)}"]

    def given_lines(self, playable: Playable, given: Answer) -> list[str]:
        """The player's answer after a miss, where the right answer's lines alone would not show
        what was wrong (a match: which pairs)."""
        return []

    # --- for tests and examples -----------------------------------------------------

    def wrong(self, playable: Playable) -> Answer:
        """A well-formed answer that earns no credit, or as little as the type allows."""
        raise NotImplementedError


def key(playable: Playable) -> Answer:
    if playable.answer is None:
        raise ValueError(f"question {playable.id!r} has no answer key")
    return playable.answer


def shuffled(items: Sequence[T], rng: random.Random, *, avoid: Sequence[T] | None = None) -> tuple[T, ...]:
    """`items` in a random order; never in the order `avoid` when another exists."""
    order = list(items)
    rng.shuffle(order)
    if avoid is not None and len(set(order)) > 1 and order == list(avoid):
        order = order[1:] + order[:1]  # a rotation of distinct items always differs
    return tuple(order)


def advice_for(playable: Playable, keys: Iterable[str]) -> list[str]:
    return [playable.feedback[k] for k in keys if k in playable.feedback]


def strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        return (str(value),)
    return tuple(str(v) for v in value)


def in_shown_order(playable: Playable, picks: Iterable[str]) -> list[str]:
    chosen = frozenset(picks)
    return [c for c in playable.choices if c in chosen]


def numbered(items: Iterable[str]) -> list[str]:
    """``  1. first``, one line each, as the plain face lists things."""
    return [f"  {n}. {item}" for n, item in enumerate(items, 1)]


# --- numbers -------------------------------------------------------------------------

MAX_DIGITS = 30
"""The most digits a typed number may have. More is a slip of the keyboard or a paste,
not an answer, and is refused at once: nothing typed makes the game slow or crash."""

SHOWN_INPUT = 40
"""How much of a player's line a complaint quotes back; a pasted page is not echoed whole."""

# Thousands may be grouped by commas or spaces (the same separator throughout,
# in groups of three); a decimal point, never a decimal comma. Digits are ASCII
# only: `²`, Arabic-Indic or fullwidth digits are refused, not read as numbers.
# Each pattern is free of nested quantifiers, so a match takes time linear in
# the line (and the line is short by then: see `parse_number`).
_GROUPED = re.compile(
    r"[-+\u2212]?[0-9]{1,3}(?P<sep>[ ,\u00a0\u202f\u2009])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?:\.[0-9]+)?"
)
_PLAIN = re.compile(r"[-+\u2212]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)")
_DECIMAL_COMMA = re.compile(r"[-+\u2212]?[0-9]+,[0-9]+")
_GROUP_MARKS = re.compile(r"[ ,\u00a0\u202f\u2009]")
_SEPARATORS = re.compile(r"[\s,;]+")
_NUMBER_LENGTH = 2 * MAX_DIGITS + 2  # every digit grouped, a sign and a point


def shown_input(raw: str) -> str:
    """A player's text as a complaint quotes it: in quotes, escaped, cut to `SHOWN_INPUT`."""
    return repr(raw if len(raw) <= SHOWN_INPUT else raw[:SHOWN_INPUT] + "…")


def is_digits(text: str) -> bool:
    """Only the ASCII digits 0 to 9 (`str.isdigit` also takes `²` and other scripts' digits)."""
    return text.isascii() and text.isdigit()


def whole_number(text: str) -> int | None:
    """`text` as a whole number of ASCII digits, at most `MAX_DIGITS` of them; else None."""
    if not is_digits(text) or len(text.lstrip("0")) > MAX_DIGITS:
        return None
    return int(text)


def _foreign_digits(text: str) -> bool:
    return any(ch.isdigit() and not ch.isascii() for ch in text)


_POINT_GROUPED = re.compile(r"[-+\u2212]?\d{1,3}(?:\.\d{3})+")


def parse_number(text: str, *, whole: bool = False) -> float | BadInput:
    """A number as a person types it: "2885", "2,885", "2 885", "-3.5".

    Where the answer is `whole`, points that group digits in threes ("20.000",
    "1.234.567") are thousands separators, as much of Europe writes them: a
    whole-number answer is never read as 20.0.
    """
    raw = text.strip()
    if not raw:
        return BadInput("Type a number, e.g. 2885.")
    if len(raw) > _NUMBER_LENGTH:
        return BadInput(
            f"That is too long for a number (at most {MAX_DIGITS} digits): type a number like 2885."
        )
    if whole and _POINT_GROUPED.fullmatch(raw):
        return float(raw.replace(".", "").replace("\u2212", "-"))
    if _GROUPED.fullmatch(raw) or _PLAIN.fullmatch(raw):
        digits = _GROUP_MARKS.sub("", raw).replace("\u2212", "-")
        if sum(ch.isdigit() for ch in digits) > MAX_DIGITS:
            return BadInput(f"That number has more than {MAX_DIGITS} digits: type a number like 2885.")
        return float(digits)
    if _DECIMAL_COMMA.fullmatch(raw):
        return BadInput(
            f"{shown_input(raw)} is unclear: write decimals with a point (3.5);"
            " commas and spaces only group thousands (2,885)."
        )
    if _foreign_digits(raw):
        return BadInput(
            f"{shown_input(raw)} is not a number: type a number like 2885, with the digits 0 to 9."
        )
    return BadInput(f"{shown_input(raw)} is not a number: type digits, e.g. 2885, 2,885 or -3.5.")


def format_number(value: float) -> str:
    """2885.0 as "2885", 3.5 as "3.5": as typed, as said, and as a spreadsheet reads it."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def item_number(part: str, size: int, what: str) -> int | BadInput:
    """One typed number of a thing numbered 1 to `size`; `what` names it ("choice")."""
    n = whole_number(part)
    if n is None:
        if is_digits(part):
            return BadInput(f"There is no {what} that high: the {what}s are numbered 1 to {size}.")
        return BadInput(
            f"{shown_input(part)} is not the number of {'an' if what[0] in 'aeiou' else 'a'} {what}."
        )
    if not 1 <= n <= size:
        return BadInput(f"There is no {what} {n}: the {what}s are numbered 1 to {size}.")
    return n


def shown_number(value: float) -> str:
    """A number as the player reads it: 20000.0 as "20,000", 2885.0 and 2006.0 as themselves.

    Grouped from five digits, as style guides do, so that years stay years.
    """
    if float(value).is_integer() and abs(value) >= 10_000:
        return f"{int(value):,}"
    return format_number(value)


def item_numbers(raw: str, size: int, what: str, *, letters: bool = False) -> list[int] | BadInput:
    """The numbers of a typed list ("1 3", "1,3"), each from 1 to `size`; `what` names them.

    With `letters`, "a" stands for 1, "b" for 2 and so on, as the TUI's keys for choices.
    """
    numbers = []
    for part in _SEPARATORS.split(raw):
        if not part:
            continue
        if letters and len(part) == 1 and part.lower() in LETTERS[:size]:
            numbers.append(LETTERS.index(part.lower()) + 1)
            continue
        n = item_number(part, size, what)
        if isinstance(n, BadInput):
            return n
        numbers.append(n)
    return numbers
