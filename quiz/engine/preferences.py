"""What the game remembers between starts: the player's choices, typed, with defaults.

The store keeps them as text, one row per key (`settings`, player ''), under
the keys the game has always used, so that choices made before carry over. A
stored value that does not read back as its type (edited by hand, written by
another version, damaged) is taken as the default: preferences never stop a
start. A new preference is a field here and one entry in `_KEYS`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from quiz.content.text import clean_line

MAX_ROUND_SIZE = 1000


@dataclass(frozen=True)
class Preferences:
    """The player's choices that outlive a game."""

    theme: str | None = None  # a Textual theme's name; None: the face's default
    round_size: int = 10  # questions per round, as last chosen on the home screen
    certainty: bool = False  # certainty-based marking on
    last_player: str | None = None  # who played last: the next start plays as them


def _name(text: str) -> str | None:
    cleaned = clean_line(text).strip()
    if not cleaned or cleaned != text or len(cleaned) > 100:
        raise ValueError(text)
    return cleaned


def _size(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_ROUND_SIZE:
        raise ValueError(text)
    return int(text)


def _on_off(text: str) -> bool:
    if text not in ("on", "off"):
        raise ValueError(text)
    return text == "on"


def _write(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


# field -> (the store's key, how its text reads back; ValueError if it does not)
_KEYS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "theme": ("theme", _name),
    "round_size": ("round.count", _size),
    "certainty": ("round.certainty", _on_off),
    "last_player": ("last_player", _name),
}
assert _KEYS.keys() == {f.name for f in fields(Preferences)}

KEYS: tuple[str, ...] = tuple(key for key, _ in _KEYS.values())
"""The store's keys that hold preferences."""


def read(settings: Mapping[str, str]) -> Preferences:
    """Preferences from the store's rows; each value that does not read back is its default."""
    values: dict[str, Any] = {}
    for name, (key, parse) in _KEYS.items():
        text = settings.get(key)
        if text is None:
            continue
        with contextlib.suppress(ValueError):  # not valid: the default
            values[name] = parse(text)
    return Preferences(**values)


def rows(**changes: Any) -> dict[str, str | None]:
    """The store's rows for some preferences (None: the row goes, back to the default).

    Raises TypeError for a name that is not a preference or a value of the wrong type,
    ValueError for a value that would not read back (a round of no questions).
    """
    written: dict[str, str | None] = {}
    defaults = Preferences()
    for name, value in changes.items():
        if name not in _KEYS:
            raise TypeError(f"no preference {name!r}")
        default = getattr(defaults, name)
        expected = type(default) if default is not None else str
        if value is not None and type(value) is not expected:
            raise TypeError(f"preference {name!r} is {expected.__name__}, not {type(value).__name__}")
        key, parse = _KEYS[name]
        if value is None:
            written[key] = None
            continue
        text = _write(value)
        try:
            kept = parse(text) == value
        except ValueError:
            kept = False
        if not kept:
            raise ValueError(f"preference {name!r} cannot be {value!r}")
        written[key] = text
    return written
