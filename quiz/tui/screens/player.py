"""Who is playing: asked once, then remembered; switchable from the home screen."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class PlayerScreen(ModalScreen[str | None]):
    """Type a new name, or pick a known player. Dismisses with the name, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back", id="player.back", tooltip="Keep the current player")
    ]

    def __init__(self, players: list[str], *, current: str | None, first: bool = False) -> None:
        super().__init__()
        self.players = players
        self.current = current
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = "Welcome! What's your name?" if self.first else "Who is playing?"
            yield Static(Content.styled(title, "bold"), classes="dialog-title")
            yield Static(
                "Your answers and progress are kept under this name.", classes="dialog-note", markup=False
            )
            yield Input(placeholder="Your name, then Enter", id="player-name", max_length=40)
            if self.players:
                yield Static("Or pick a player:", classes="dialog-note", markup=False)
                yield OptionList(
                    *[Option(Content(name), id=f"p{i}") for i, name in enumerate(self.players)],
                    id="players",
                    markup=False,
                )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if name:
            self.dismiss(name)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.players[event.option_index])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
