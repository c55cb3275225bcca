"""Answer widget for `order` questions: put items in order.

Keyboard: ↑↓ move the highlight; Space picks the highlighted item up, ↑↓
then carry it, Space puts it down; Shift+↑/↓ (or `[` and `]`) move the
highlighted item directly. Mouse: click an item to pick it up, click the
place to put it. Enter (or the button) gives the order.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList

from quiz.engine.playable import Answer, Playable
from quiz.tui.widgets.answer import AnswerWidget, answers, key_badge
from quiz.tui.widgets.picklist import Item, PickList


class OrderList(PickList):
    """The items; Space (or a click) picks up and puts down, Enter confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Pick up/put down", id="grab", tooltip="Carry an item"),
        Binding("shift+up,left_square_bracket", "move(-1)", "Move up", id="move-up"),
        Binding("shift+down,right_square_bracket", "move(1)", "Move down", id="move-down"),
        Binding("enter", "confirm", "Confirm", id="confirm", tooltip="Give this order"),
    ]

    class Move(Message):
        def __init__(self, delta: int) -> None:
            self.delta = delta
            super().__init__()

    class Confirm(Message):
        pass

    carrying: int | None = None

    def action_move(self, delta: int) -> None:
        self.post_message(self.Move(delta))

    def action_confirm(self) -> None:
        self.post_message(self.Confirm())

    def action_cursor_up(self) -> None:
        if self.carrying is not None:
            self.post_message(self.Move(-1))
        else:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.carrying is not None:
            self.post_message(self.Move(1))
        else:
            super().action_cursor_down()


@answers("order")
class OrderAnswer(AnswerWidget):
    hint = "↑↓ choose, Space picks up/puts down, Shift+↑↓ or [ ] move; click to carry; Enter confirms."

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        """Space picks up, arrows carry, Space puts down: each item into its place in turn."""
        assert isinstance(answer, tuple)
        items = list(playable.items)
        keys: list[str] = []
        cursor = 0
        for place, item in enumerate(answer):
            at = items.index(item)
            keys += ["down"] * (at - cursor) if at >= cursor else ["up"] * (cursor - at)
            keys.append("space")
            keys += ["up"] * (at - place)
            keys.append("space")
            items.insert(place, items.pop(at))
            cursor = place
        return [*keys, "enter"]

    def __init__(self, playable: Playable, *, id: str | None = "answer") -> None:
        super().__init__(playable, id=id)
        self.order: list[str] = list(playable.items)

    def prompts(self) -> list[Item]:
        carrying = self.query_one(OrderList).carrying if self.is_mounted else None
        return [
            (
                Content.assemble(
                    key_badge(i, letter=False), ("⇅ " if i == carrying else "  ", "bold $text-warning")
                ),
                Content.styled(item, "bold $text-warning") if i == carrying else Content(item),
            )
            for i, item in enumerate(self.order)
        ]

    def compose(self) -> ComposeResult:
        yield OrderList(self.prompts(), id="items")
        yield Button(Content("Confirm order"), id="confirm", variant="primary", compact=True)

    def focus_default(self) -> None:
        self.query_one(OrderList).focus(scroll_visible=False)

    def refresh_items(self, highlight: int) -> None:
        items = self.query_one(OrderList)
        items.set_items(self.prompts())
        items.highlighted = highlight
        items.follow_highlight()

    def move(self, index: int, to: int) -> None:
        """Move the item at `index` to position `to`."""
        to = max(0, min(len(self.order) - 1, to))
        item = self.order.pop(index)
        self.order.insert(to, item)
        items = self.query_one(OrderList)
        if items.carrying is not None:
            items.carrying = to
        self.refresh_items(to)

    @on(OrderList.Move)
    def _move(self, event: OrderList.Move) -> None:
        event.stop()
        items = self.query_one(OrderList)
        index = items.carrying if items.carrying is not None else items.highlighted
        if index is not None:
            self.move(index, index + event.delta)

    @on(OptionList.OptionSelected, "#items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Space or a click: pick up, or put down here."""
        event.stop()
        items = self.query_one(OrderList)
        if items.carrying is None:
            items.carrying = event.option_index
            self.refresh_items(event.option_index)
        else:
            carried, items.carrying = items.carrying, None
            self.move(carried, event.option_index)

    @on(OrderList.Confirm)
    @on(Button.Pressed, "#confirm")
    def _confirm(self, event: OrderList.Confirm | Button.Pressed) -> None:
        event.stop()
        self.answer(tuple(self.order))
