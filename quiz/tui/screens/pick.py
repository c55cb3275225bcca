"""A modal list to pick one thing from (a topic, a question): dismisses with its id."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    """Pick one of `choices` (id, label); Escape dismisses with None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back", id="pick.back", tooltip="Close without choosing")
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], *, current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-title")
            yield OptionList(
                *[Option(Content(label), id=key or "-") for key, label in self.choices],
                id="pick",
                markup=False,
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for index, (key, _) in enumerate(self.choices):
            if key == self.current:
                options.highlighted = index
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        self.dismiss("" if key == "-" else key)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
