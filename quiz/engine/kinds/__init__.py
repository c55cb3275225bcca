"""The question types, one module each, and the registry that lists them.

To add a type: write its content model in `quiz.content.models` (and add it to
`Question` there), a module here with a `Kind` (see `common`), and its answer
widget in `quiz.tui.widgets`; then list each in its registry: `KINDS` below,
and `quiz.tui.widgets.answer_widgets`. Importing this package stays light (no
pydantic, no bank), so the options and the TUI can read the types at once.
"""

from __future__ import annotations

from quiz.engine.kinds import choice, match, multi, number, order, truefalse
from quiz.engine.kinds.common import Kind

KINDS: dict[str, Kind] = {
    kind.name: kind for kind in (choice.KIND, multi.KIND, truefalse.KIND, number.KIND, order.KIND, match.KIND)
}
"""Every type, by the name a teacher writes, in the order the docs list them."""

QUESTION_TYPES: tuple[str, ...] = tuple(KINDS)


def kind_of(name: str) -> Kind:
    """The kind of a question type; ValueError for a type the game does not know."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown question type {name!r} (types: {', '.join(KINDS)})") from None


def type_heading(name: str) -> str:
    """A type as a heading of the stats; a type the game no longer knows, as recorded."""
    kind = KINDS.get(name)
    return kind.heading if kind is not None else name
