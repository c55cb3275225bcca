"""The certainty step: how sure the player is, before the verdict (1, 2 or 3)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quiz.engine.words import CERTAINTY_LEVELS, marks, marks_table

LEVELS = [(level, name, marks(level)) for level, name in CERTAINTY_LEVELS]


class ConfidenceScreen(ModalScreen[int | None]):
    """Dismisses with 1, 2 or 3; Escape goes back to the question (None)."""

    CSS_PATH = "confidence.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Not sure", id="confidence.1"),
        Binding("2", "choose(2)", "Fairly sure", id="confidence.2"),
        Binding("3", "choose(3)", "Sure", id="confidence.3"),
        Binding("escape", "choose(0)", "Back", id="confidence.back", tooltip="Change your answer"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confidence"):
            yield Static(Content.styled("How sure are you?", "bold"), classes="dialog-title")
            with Horizontal(id="levels"):
                for level, name, rule in LEVELS:
                    button = Button(
                        Content.assemble((f"{level} ", "bold"), name), id=f"level-{level}", compact=True
                    )
                    button.tooltip = rule
                    yield button
            yield Static(
                f"{marks_table()}  Honesty pays best.",
                classes="dialog-note",
                markup=False,
            )

    def action_choose(self, level: int) -> None:
        self.dismiss(level or None)

    @on(Button.Pressed)
    def _clicked(self, event: Button.Pressed) -> None:
        self.dismiss(int((event.button.id or "level-0").rsplit("-", 1)[1]) or None)
