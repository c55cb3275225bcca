"""Answer widgets for `choice`, `truefalse` and `multi` questions."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList

from quiz.engine.playable import Answer, Playable
from quiz.tui.widgets.answer import AnswerWidget, answers, index_for_key, key_badge
from quiz.tui.widgets.picklist import Item, PickList


@answers("choice")
class ChoiceAnswer(AnswerWidget):
    """One right choice: a number, a letter, Enter on the highlight, or a click answers."""

    hint = "Pick with 1-{n} or a-{last}, ↑↓ and Enter, or click."

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        return [str(playable.choices.index(str(answer)) + 1)]

    def values(self) -> list[str]:
        return list(self.playable.choices)

    def labels(self) -> list[str]:
        return self.values()

    def badge(self, index: int) -> Content:
        return key_badge(index)

    def compose(self) -> ComposeResult:
        yield PickList(
            [(self.badge(i), Content(text)) for i, text in enumerate(self.labels())],
            id="choices",
        )

    def focus_default(self) -> None:
        self.query_one(PickList).focus(scroll_visible=False)

    def answer_for(self, index: int) -> Answer:
        return self.values()[index]

    def pick(self, index: int) -> None:
        # No highlight change first: that would cost a frame before the feedback's.
        self.answer(self.answer_for(index))

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option_index)

    def on_key(self, event: events.Key) -> None:
        index = index_for_key(event.key, len(self.values()))
        if index is not None:
            event.stop()
            self.pick(index)

    def render_hint(self) -> str:
        n = len(self.values())
        return self.hint.format(n=n, last=chr(ord("a") + n - 1))


@answers("truefalse")
class TrueFalseAnswer(ChoiceAnswer):
    """True or false: also `t` and `f`."""

    hint = "Pick with 1/t for True, 2/f for False, or click."

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        return ["t" if answer else "f"]

    def values(self) -> list[str]:
        return ["True", "False"]

    def badge(self, index: int) -> Content:
        return Content.assemble(
            Content.styled(f" {index + 1} ", "bold $text-accent"), ("tf"[index] + " ", "$text-muted"), " "
        )

    def answer_for(self, index: int) -> Answer:
        return index == 0

    def on_key(self, event: events.Key) -> None:
        index = {"t": 0, "f": 1}.get(event.key, index_for_key(event.key, 2))
        if index is not None:
            event.stop()
            self.pick(index)


class ToggleList(PickList):
    """A PickList where Enter confirms and Space (or a click) toggles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Toggle", id="toggle", tooltip="Tick or untick the choice"),
        Binding("enter", "confirm", "Confirm", id="confirm", tooltip="Give the ticked choices"),
    ]

    class Confirm(Message):
        """Enter was pressed in the list."""

    def action_confirm(self) -> None:
        self.post_message(self.Confirm())


@answers("multi")
class MultiAnswer(AnswerWidget):
    """Every right choice: toggle with numbers, letters, Space or clicks; Enter confirms."""

    hint = "Tick with 1-{n} or a-{last}, Space or click; Enter confirms."

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        assert isinstance(answer, frozenset)
        return [str(i + 1) for i, c in enumerate(playable.choices) if c in answer] + ["enter"]

    def __init__(self, playable: Playable, *, id: str | None = "answer") -> None:
        super().__init__(playable, id=id)
        self.ticked: set[int] = set()

    def prompts(self) -> list[Item]:
        return [
            (
                Content.assemble(
                    key_badge(i),
                    ("☑ " if i in self.ticked else "☐ ", "bold $text-success" if i in self.ticked else ""),
                ),
                Content(text),
            )
            for i, text in enumerate(self.playable.choices)
        ]

    def compose(self) -> ComposeResult:
        yield ToggleList(self.prompts(), id="choices")
        yield Button(Content("Confirm"), id="confirm", variant="primary", compact=True)

    def focus_default(self) -> None:
        self.query_one(ToggleList).focus(scroll_visible=False)

    def toggle(self, index: int) -> None:
        self.ticked ^= {index}
        choices = self.query_one(ToggleList)
        choices.highlighted = index
        choices.set_items(self.prompts())
        choices.follow_highlight()

    def confirm(self) -> None:
        if not self.ticked:
            self.notify("Tick at least one choice first.", severity="warning", timeout=3)
            return
        self.answer(frozenset(self.playable.choices[i] for i in sorted(self.ticked)))

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)

    @on(ToggleList.Confirm)
    def _confirm_key(self, event: ToggleList.Confirm) -> None:
        event.stop()
        self.confirm()

    @on(Button.Pressed, "#confirm")
    def _confirm_click(self, event: Button.Pressed) -> None:
        event.stop()
        self.confirm()

    def on_key(self, event: events.Key) -> None:
        index = index_for_key(event.key, len(self.playable.choices))
        if index is not None:
            event.stop()
            self.toggle(index)

    def render_hint(self) -> str:
        n = len(self.playable.choices)
        return self.hint.format(n=n, last=chr(ord("a") + n - 1))
