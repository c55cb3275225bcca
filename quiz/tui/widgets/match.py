"""Answer widget for `match` questions: pair each left side with a right side.

A number key (or a click on the left) picks a left side; a letter key (or a
click on the right) gives it that right side. Each right side goes to one left
side: giving it again moves it. Enter (or the button) confirms once every
left side has a partner.

The two lists take no keyboard focus of their own: the widget itself holds the
focus, so that numbers, letters and Enter all mean the same thing wherever the
highlight is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, OptionList

from quiz.engine.playable import Answer, Playable
from quiz.tui.widgets.answer import LETTERS, AnswerWidget, answers, index_for_key
from quiz.tui.widgets.picklist import Item, PickList


class SideList(PickList):
    """One column of a match; clickable, not focusable."""

    can_focus = False


@answers("match")
class MatchAnswer(AnswerWidget):
    DEFAULT_CSS = """
    MatchAnswer #match-columns {
        height: auto;
    }
    MatchAnswer #match-columns SideList {
        width: 1fr;
    }
    MatchAnswer:focus #match-columns SideList {
        border: round $primary;
    }
    """

    hint = "Pick a left side with 1-{n}, then its partner with a-{last} (or click both); Enter confirms."

    @classmethod
    def keys_for(cls, playable: Playable, answer: Answer) -> list[str]:
        assert isinstance(answer, Mapping)
        keys = []
        for index, left in enumerate(playable.lefts):
            keys += [str(index + 1), LETTERS[playable.rights.index(answer[left])]]
        return [*keys, "enter"]

    can_focus = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", "Confirm", id="confirm", tooltip="Give these pairs"),
        Binding("up", "cursor(-1)", "Previous", show=False),
        Binding("down", "cursor(1)", "Next", show=False),
    ]

    def __init__(self, playable: Playable, *, id: str | None = "answer") -> None:
        super().__init__(playable, id=id)
        self.pairs: dict[int, int] = {}  # left index -> right index
        self.current: int = 0  # the left side being matched

    def left_prompts(self) -> list[Item]:
        prompts = []
        for i, text in enumerate(self.playable.lefts):
            partner = self.pairs.get(i)
            marker = (
                Content.styled(f"→ {LETTERS[partner]}", "bold $text-success")
                if partner is not None
                else Content.styled("→ ?", "$text-muted")
            )
            prompts.append(
                (
                    Content.assemble(Content.styled(f" {i + 1} ", "bold $text-accent"), " "),
                    Content.assemble(Content(text), "  ", marker),
                )
            )
        return prompts

    def right_prompts(self) -> list[Item]:
        taken = {right: left for left, right in self.pairs.items()}
        prompts = []
        for i, text in enumerate(self.playable.rights):
            owner = taken.get(i)
            prompts.append(
                (
                    Content.assemble(Content.styled(f" {LETTERS[i]} ", "bold $text-accent"), " "),
                    Content.assemble(
                        Content(text),
                        Content.styled(f"  ← {owner + 1}", "bold $text-success") if owner is not None else "",
                    ),
                )
            )
        return prompts

    def compose(self) -> ComposeResult:
        with Horizontal(id="match-columns"):
            yield SideList(self.left_prompts(), id="lefts")
            yield SideList(self.right_prompts(), id="rights")
        yield Button(Content("Confirm pairs"), id="confirm", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#rights", SideList).highlighted = None
        self.refresh_lists()

    def refresh_lists(self) -> None:
        lefts = self.query_one("#lefts", SideList)
        lefts.set_items(self.left_prompts())
        lefts.highlighted = self.current
        self.query_one("#rights", SideList).set_items(self.right_prompts())

    def choose_left(self, index: int) -> None:
        self.current = index
        self.refresh_lists()

    def choose_right(self, index: int) -> None:
        for left, right in list(self.pairs.items()):
            if right == index:
                del self.pairs[left]
        self.pairs[self.current] = index
        unmatched = [i for i in range(len(self.playable.lefts)) if i not in self.pairs]
        if unmatched:
            later = [i for i in unmatched if i > self.current]
            self.current = (later or unmatched)[0]
        self.refresh_lists()

    def action_cursor(self, delta: int) -> None:
        self.choose_left((self.current + delta) % len(self.playable.lefts))

    def action_confirm(self) -> None:
        if len(self.pairs) < len(self.playable.lefts):
            self.notify("Give every left side a partner first.", severity="warning", timeout=3)
            return
        self.answer(
            {
                self.playable.lefts[left]: self.playable.rights[right]
                for left, right in sorted(self.pairs.items())
            }
        )

    def on_key(self, event: events.Key) -> None:
        left = index_for_key(event.key, len(self.playable.lefts), letters=False)
        if left is not None:
            event.stop()
            self.choose_left(left)
            return
        if event.key in {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}:
            return
        right = index_for_key(event.key, len(self.playable.rights))
        if right is not None:
            event.stop()
            self.choose_right(right)

    @on(OptionList.OptionSelected, "#lefts")
    def _left_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose_left(event.option_index)

    @on(OptionList.OptionSelected, "#rights")
    def _right_clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose_right(event.option_index)

    @on(Button.Pressed, "#confirm")
    def _confirm_clicked(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_confirm()

    def render_hint(self) -> str:
        n = len(self.playable.rights)
        return self.hint.format(n=len(self.playable.lefts), last=LETTERS[n - 1])
