"""Shown instead of the game when the bank cannot be loaded: what is wrong, and quit."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quiz.tui.widgets.footer import KeysFooter


class FailedScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "leave", "Quit", id="failed.quit", tooltip="Quit the game"),
    ]

    def __init__(self, text: str, status: int) -> None:
        super().__init__()
        self.text = text
        self.status = status

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="failed"):
            yield Static("The game cannot start", classes="screen-title", markup=False)
            yield Static(self.text, markup=False, id="failed-text")
        yield KeysFooter()

    def action_leave(self) -> None:
        self.app.exit(return_code=self.status)
