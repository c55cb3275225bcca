"""A missed question's feedback again, read-only, from the summary.

During a round, the feedback is shown by the question screen itself (see
`quiz.tui.screens.question`): the same `FeedbackView`, composed while the
player thinks, so that it paints the moment the answer is given. This screen
shows a step already answered; `o` opens the article at the passage in focus;
Escape goes back.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.engine.session import Step
from quiz.tui.game import Game
from quiz.tui.widgets.evidence import open_passage
from quiz.tui.widgets.feedback import FeedbackView
from quiz.tui.widgets.footer import KeysFooter


class FeedbackScreen(Screen[None]):
    CSS_PATH = "round.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "o", "open_article", "Open article", id="review.open", tooltip="Read the article at this passage"
        ),
        Binding("escape", "dismiss", "Back", id="review.back", tooltip="Back to the summary"),
    ]

    def __init__(self, game: Game, step: Step) -> None:
        super().__init__()
        self.game = game
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Reviewing a missed question", "bold"), ("   Escape to go back", "$text-muted")
            ),
            id="review-banner",
        )
        yield FeedbackView(self.game, self.step.playable)
        yield KeysFooter()

    def on_mount(self) -> None:
        view = self.query_one(FeedbackView)
        view.show(self.step)
        view.focus()

    def action_open_article(self) -> None:
        open_passage(self)
