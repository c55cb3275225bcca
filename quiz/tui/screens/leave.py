"""Leave a round that still has questions? A left round waits on the home screen."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class LeaveRoundScreen(ModalScreen[bool]):
    """Dismisses with True to leave the round, False to stay."""

    DEFAULT_CSS = """
    LeaveRoundScreen { align: center middle; }
    LeaveRoundScreen #leave-buttons { height: auto; margin-top: 1; }
    LeaveRoundScreen #leave-buttons Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose(True)", "Yes, leave", id="leave.yes"),
        Binding("n,escape", "choose(False)", "No, stay", id="leave.no", tooltip="Back to the question"),
    ]

    def __init__(self, answered: int, total: int) -> None:
        super().__init__()
        self.answered = answered
        self.total = total

    def compose(self) -> ComposeResult:
        left = self.total - self.answered
        with Vertical(classes="dialog", id="leave-round"):
            yield Static(Content.styled("Leave this round?", "bold"), classes="dialog-title")
            yield Static(
                Content(
                    f"{left} of {self.total} questions are still unanswered. Your answers are kept,"
                    " and “Resume the round” on the home screen takes you back to the next question."
                ),
                classes="dialog-note",
            )
            with Horizontal(id="leave-buttons"):
                yield Button(Content("Yes, leave (y)"), id="leave-yes", compact=True)
                yield Button(Content("No, stay (n)"), id="leave-no", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#leave-no", Button).focus()

    def action_choose(self, leave: bool) -> None:
        self.dismiss(leave)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "leave-yes")
