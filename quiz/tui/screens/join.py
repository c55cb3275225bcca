"""Join an assignment: type the code the teacher read out, and play its round."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp
    from quiz.tui.game import Game


class JoinScreen(ModalScreen[str | None]):
    """Dismisses with the code as typed, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back", id="join.back", tooltip="Back to the home screen")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("Join an assignment", "bold"), classes="dialog-title")
            yield Static(
                Content("Type the code your teacher gave you (like K7Q-3XD), then Enter."),
                classes="dialog-note",
            )
            yield Input(placeholder="Assignment code", id="join-code", max_length=16)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        if code:
            self.dismiss(code)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def join_assignment(app: QuizApp, game: Game, code: str) -> None:
    """Start the round of the assignment with this code, or say why it cannot start."""
    from quiz.engine.assignments import AssignmentError, check_draw, find
    from quiz.tui.messages import StartRound

    try:
        assignment = find(game.store, code)
        check_draw(game.bank, assignment)
    except AssignmentError as exc:
        app.notify(str(exc), title="Assignment", severity="warning", timeout=6, markup=False)
        return
    app.notify(f"{assignment.code}: {assignment.title}", title="Assignment", timeout=4, markup=False)
    app.post_message(StartRound(assignment.spec))
