"""Judging a player's answer: right, partly right or wrong, and how much credit.

Credit runs from 0 to 1:

- choice, truefalse: all or nothing.
- multi: per choice. Each right pick earns 1/n of the credit (n = the number
  of right choices) and each wrong pick costs as much; never below 0.
- number: right within the question's tolerance.
- order: the share of item pairs the player put in the right relative order.
- match: the share of left sides matched to their right side.

Only full credit is "right"; any other credit above 0 is "partial".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from quiz.engine.playable import Answer, Outcome, Playable, Verdict

_EPSILON = 1e-9


def judge(playable: Playable, given: Answer) -> Verdict:
    """How `given` answers `playable`. Raises ValueError if `given` has the wrong form."""
    key = playable.answer
    if key is None:
        raise ValueError(f"question {playable.id!r} has no answer key")
    feedback: list[str] = []
    kind = playable.type
    if kind == "choice":
        choice = _text(given, kind)
        credit = 1.0 if choice == key else 0.0
        feedback = _advice(playable, [choice])
    elif kind == "multi":
        picks = _picks(given)
        right = frozenset(_strings(key))
        credit = max(0.0, (len(picks & right) - len(picks - right)) / len(right))
        feedback = _advice(playable, [c for c in playable.choices if c in picks])
    elif kind == "truefalse":
        if not isinstance(given, bool):
            raise ValueError("a true/false answer is a bool")
        credit = 1.0 if given is key else 0.0
        feedback = _advice(playable, ["true" if given else "false"])
    elif kind == "number":
        value = _number(given)
        target = float(key)  # type: ignore[arg-type]
        credit = 1.0 if abs(value - target) <= playable.tolerance + _EPSILON * max(1.0, abs(target)) else 0.0
    elif kind == "order":
        credit = order_credit(_sequence(given), _strings(key))
    elif kind == "match":
        if not isinstance(given, Mapping) or not isinstance(key, Mapping):
            raise ValueError("a match answer maps each left side to a right side")
        credit = sum(given.get(left) == right for left, right in key.items()) / len(key)
    else:  # pragma: no cover - the type is a Literal
        raise ValueError(f"unknown question type {kind!r}")
    return Verdict(outcome_for(credit), credit, expected_text(playable), tuple(feedback))


def outcome_for(credit: float) -> Outcome:
    if credit >= 1.0 - _EPSILON:
        return "right"
    return "partial" if credit > _EPSILON else "wrong"


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


def expected_text(playable: Playable) -> str:
    """The right answer in words, on one line."""
    key = playable.answer
    if playable.type == "multi":
        picks = frozenset(_strings(key))
        return "; ".join(c for c in playable.choices if c in picks)
    if playable.type == "truefalse":
        return "True" if key else "False"
    if playable.type == "number":
        text = format_number(float(key))  # type: ignore[arg-type]
        if playable.unit:
            text += f" {playable.unit}"
        if playable.tolerance:
            text += f" (give or take {format_number(playable.tolerance)})"
        return text
    if playable.type == "order":
        return "; ".join(f"{n}. {item}" for n, item in enumerate(_strings(key), 1))
    if playable.type == "match" and isinstance(key, Mapping):
        return "; ".join(f"{left}: {right}" for left, right in key.items())
    return str(key)


def format_number(value: float) -> str:
    """2885.0 as "2885", 3.5 as "3.5"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _advice(playable: Playable, keys: Iterable[str]) -> list[str]:
    return [playable.feedback[k] for k in keys if k in playable.feedback]


def _text(given: Answer, kind: str) -> str:
    if not isinstance(given, str):
        raise ValueError(f"a {kind} answer is the text of a choice")
    return given


def _picks(given: Answer) -> frozenset[str]:
    if isinstance(given, str | bool | float | int | Mapping):
        raise ValueError("a multi answer is a set of choices")
    return frozenset(given)


def _number(given: Answer) -> float:
    if isinstance(given, bool) or not isinstance(given, int | float):
        raise ValueError("a number answer is a number")
    return float(given)


def _sequence(given: Answer) -> tuple[str, ...]:
    if not isinstance(given, tuple | list):
        raise ValueError("an order answer is a sequence of the items")
    return tuple(given)


def _strings(key: Answer | None) -> tuple[str, ...]:
    if isinstance(key, str) or not isinstance(key, Iterable):
        return (str(key),)
    return tuple(str(k) for k in key)
