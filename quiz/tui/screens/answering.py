"""What a round's question and a campaign's question have in common.

Both ask one `Playable`, then show its feedback in place of the question on the
same screen. The feedback is composed out of sight while the player thinks,
revealed in one batch, and only focused once it is painted, because a change
of focus or of bindings recomposes the Footer and would delay the paint the
player waits for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer

from quiz.engine.playable import Playable
from quiz.tui.widgets.feedback import FeedbackView

if TYPE_CHECKING:
    from quiz.tui.game import Game


class AnsweringScreen(Screen[None]):
    """A question, then its feedback, on one screen (`#question-body` holds the question)."""

    phase: reactive[str] = reactive("question", bindings=True)
    playable: Playable
    _after_reveal: Callable[[], None] | None = None

    def feedback_game(self) -> Game:
        """The game the feedback reads sources and passages from."""
        raise NotImplementedError

    async def prepare_feedback(self) -> None:
        """Compose the feedback out of sight, once the question is on screen."""
        if self.query(FeedbackView):
            return
        view = FeedbackView(self.feedback_game(), self.playable)
        view.display = False
        await self.mount(view, before=self.query_one(Footer))
        # It will take the question's place, so it will have the question's width.
        view.prepare(self.query_one("#question-body").outer_size.width)

    def reveal_feedback(self, update_hud: Callable[[], None]) -> None:
        """Swap the question for the feedback in one paint; then update the HUD and focus.

        The rest waits for the feedback's `Shown`, posted once the frame that
        holds it is painted: the verdict already shows the points, so the HUD
        (score, streak, progress) can follow a frame later, and a change of
        focus or bindings (which recomposes the Footer) cannot delay that frame.
        """
        self._after_reveal = update_hud
        with self.app.batch_update():
            self.query_one("#question-body").display = False
            self.query_one(FeedbackView).display = True

    @on(FeedbackView.Shown)
    def _feedback_shown(self, event: FeedbackView.Shown) -> None:
        event.stop()
        update_hud, self._after_reveal = self._after_reveal, None
        if update_hud is None:
            return  # shown again (back from the reader), not revealed
        update_hud()
        self.query_one(FeedbackView).focus()
        self.phase = "feedback"
