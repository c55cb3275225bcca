"""What every answer widget shares, and the table of which widget answers which type.

An answer widget shows a `Playable`'s choices (or items, pairs, a number
field), lets the player build an answer with keys or the mouse, and posts
`AnswerWidget.Answered` carrying the answer in the engine's form for that type
(see `quiz.engine.playable`). It never judges or scores: the screen hands the
answer to the session.

Each widget's module registers it for its question type with `@answers("type")`;
`quiz.tui.widgets.answer_widgets` imports them all and finds the one for a
question, so this module imports none of them.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import TypeVar

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from quiz.engine.playable import Answer, Playable

LETTERS = string.ascii_lowercase

W = TypeVar("W", bound="type[AnswerWidget]")

ANSWER_WIDGETS: dict[str, type[AnswerWidget]] = {}
"""Each question type's widget, filled by `answers`."""


def answers(kind: str) -> Callable[[W], W]:
    """Register the decorated widget as the one that answers questions of type `kind`."""

    def register(widget: W) -> W:
        ANSWER_WIDGETS[kind] = widget
        return widget

    return register


def key_badge(index: int, *, letter: bool = True) -> Content:
    """The keys that pick the `index`-th choice: ``1 a``, shown before its text."""
    number = Content.styled(f" {index + 1} ", "bold $text-accent")
    if not letter:
        return Content.assemble(number, " ")
    return Content.assemble(number, (f"{LETTERS[index]} ", "$text-muted"), " ")


def index_for_key(key: str, count: int, *, letters: bool = True) -> int | None:
    """Which choice a number (1-9) or letter (a-h) key picks, if any."""
    if len(key) == 1 and key in "123456789":  # ASCII digits only: "²" is no choice
        index = int(key) - 1
    elif letters and len(key) == 1 and key in LETTERS:
        index = LETTERS.index(key)
    else:
        return None
    return index if index < count else None


class AnswerWidget(Vertical):
    """Base of the per-type answer widgets."""

    DEFAULT_CLASSES = "answer"

    DEFAULT_CSS = """
    AnswerWidget.answer {
        height: auto;
    }
    AnswerWidget OptionList {
        height: auto;
        max-height: 100%;
        border: round $primary 40%;
    }
    AnswerWidget OptionList:focus {
        border: round $primary;
    }
    AnswerWidget Button {
        margin-top: 1;
    }
    """

    class Answered(Message):
        """The player has given an answer (before any confidence step)."""

        def __init__(self, answer: Answer) -> None:
            self.answer = answer
            super().__init__()

    hint: str = ""
    """The keys for this type, in a line under the prompt."""

    def __init__(self, playable: Playable, *, id: str | None = "answer") -> None:
        super().__init__(id=id)
        self.playable = playable

    def answer(self, answer: Answer) -> None:
        self.post_message(self.Answered(answer))

    def focus_default(self) -> None:
        """Put the keyboard where the player starts (not scrolled to: the question starts at its prompt)."""
        self.focus(scroll_visible=False)

    def render_hint(self) -> str:
        return self.hint

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        """The keys a player presses to give `answer`, from the widget's first focus."""
        raise NotImplementedError
