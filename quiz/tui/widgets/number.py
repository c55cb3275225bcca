"""Answer widget for `number` questions: a field that takes only numbers."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Static

from quiz.engine.playable import Answer, Playable
from quiz.tui.widgets.answer import AnswerWidget, answers

NUMBER_CHARACTERS = r"[0-9.,\s+\-]*"
"""What the field lets through: digits, signs, separators ("2,885", "2 885", "-3.5")."""


def parse_number(playable: Playable, text: str) -> float | str:
    """The number typed, or why it is not one (the engine's reading, shared with plain mode)."""
    from quiz.engine.kinds import kind_of
    from quiz.engine.parse import BadInput

    value = kind_of("number").read(playable, text)
    if isinstance(value, BadInput):
        return str(value)
    assert isinstance(value, int | float)
    return float(value)


@answers("number")
class NumberAnswer(AnswerWidget):
    DEFAULT_CSS = """
    NumberAnswer #number-row {
        height: auto;
    }
    NumberAnswer #number {
        width: 24;
        border: none;
    }
    NumberAnswer #number-row Static {
        width: auto;
        padding: 0 1;
    }
    NumberAnswer #number-row Button {
        margin: 0 0 0 2;
    }
    """

    hint = "Type a number (2,885 or 2885) and press Enter."

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        assert isinstance(answer, int | float)
        return [*f"{answer:,.0f}", "enter"]  # grouped, as many type it

    def compose(self) -> ComposeResult:
        with Horizontal(id="number-row"):
            yield Input(
                placeholder="a number",
                restrict=NUMBER_CHARACTERS,
                id="number",
                compact=True,
            )
            if self.playable.unit:
                yield Static(Content(self.playable.unit), id="unit")
            yield Button(Content("Answer"), id="confirm", variant="primary", compact=True)

    def focus_default(self) -> None:
        self.query_one(Input).focus(scroll_visible=False)

    def submit(self) -> None:
        value = parse_number(self.playable, self.query_one(Input).value)
        if isinstance(value, str):
            self.notify(value, severity="warning", timeout=4, markup=False)
            return
        self.answer(value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def _submit(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        self.submit()
