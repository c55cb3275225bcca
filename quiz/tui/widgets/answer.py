"""What every answer widget shares, and which widget a question type gets.

An answer widget shows a `Playable`'s choices (or items, pairs, a number
field), lets the player build an answer with keys or the mouse, and posts
`AnswerWidget.Answered` carrying the answer in the engine's form for that type
(see `quiz.engine.playable`). It never judges or scores: the screen hands the
answer to the session.
"""

from __future__ import annotations

import string

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from quiz.engine.playable import Answer, Playable

LETTERS = string.ascii_lowercase


def key_badge(index: int, *, letter: bool = True) -> Content:
    """The keys that pick the `index`-th choice: ``1 a``, shown before its text."""
    number = Content.styled(f" {index + 1} ", "bold $text-accent")
    if not letter:
        return Content.assemble(number, " ")
    return Content.assemble(number, (f"{LETTERS[index]} ", "$text-muted"), " ")


def index_for_key(key: str, count: int, *, letters: bool = True) -> int | None:
    """Which choice a number (1-9) or letter (a-h) key picks, if any."""
    if len(key) == 1 and key.isdigit() and key != "0":
        index = int(key) - 1
    elif letters and len(key) == 1 and key in LETTERS:
        index = LETTERS.index(key)
    else:
        return None
    return index if index < count else None


class AnswerWidget(Vertical):
    """Base of the per-type answer widgets."""

    DEFAULT_CLASSES = "answer"

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
        """Put the keyboard where the player starts."""
        self.focus()

    def render_hint(self) -> str:
        return self.hint


def answer_widget_for(playable: Playable) -> AnswerWidget:
    """The widget for a question's type."""
    from quiz.tui.widgets.choices import ChoiceAnswer, MultiAnswer, TrueFalseAnswer
    from quiz.tui.widgets.match import MatchAnswer
    from quiz.tui.widgets.number import NumberAnswer
    from quiz.tui.widgets.order import OrderAnswer

    widgets: dict[str, type[AnswerWidget]] = {
        "choice": ChoiceAnswer,
        "truefalse": TrueFalseAnswer,
        "multi": MultiAnswer,
        "order": OrderAnswer,
        "match": MatchAnswer,
        "number": NumberAnswer,
    }
    return widgets[playable.type](playable)
